package dev.parallax.cli;

import dev.parallax.config.ParallaxConfig;
import dev.parallax.nlp.NlpLexicons;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parallax annotate}: articles to sentences with Spark NLP. */
@Command(name = "annotate", mixinStandardHelpOptions = true,
    description = {"Split the run date's articles into sentences with Spark NLP and annotate each: "
        + "tokens, themes (taxonomy phrases matched on stems), tone in [-1, 1], hedges, boosters, "
        + "attitude markers and self-mentions. Writes the sentences table. Articles flagged as "
        + "duplicates are skipped unless annotate.include_duplicates is true."})
final class AnnotateCommand implements Callable<Integer> {
  @Mixin
  RunOptions options;

  @Override
  public Integer call() {
    ParallaxConfig config = options.resolve();
    NlpLexicons lexicons = NlpLexicons.load(config);
    StageRunner.run(config, System.out, "parallax annotate", Stages.annotate(lexicons));
    return ExitCodes.OK;
  }
}
