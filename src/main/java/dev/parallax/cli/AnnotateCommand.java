package dev.parallax.cli;

import dev.parallax.config.ParallaxConfig;
import dev.parallax.nlp.NlpLexicons;
import picocli.CommandLine.Command;

/** {@code parallax annotate}: articles to sentences with Spark NLP. */
@Command(
    name = "annotate",
    mixinStandardHelpOptions = true,
    description = {
      "Split the run date's articles into sentences with Spark NLP and annotate each: tokens,"
          + " themes (taxonomy phrases matched on stems), tone in [-1, 1], hedges, boosters,"
          + " attitude markers and self-mentions. Writes the sentences table. Articles flagged as"
          + " duplicates are skipped unless annotate.include_duplicates is true."
    })
final class AnnotateCommand extends StageCommand {
  AnnotateCommand() {
    super("parallax annotate");
  }

  @Override
  StageRunner.Stage[] stages(ParallaxConfig config) {
    return new StageRunner.Stage[] {Stages.annotate(NlpLexicons.load(config))};
  }
}
