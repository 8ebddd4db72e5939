package dev.parallax.cli;

import dev.parallax.config.ParallaxConfig;
import dev.parallax.nlp.NlpLexicons;
import picocli.CommandLine.Command;

/** {@code parallax annotate}: articles to sentences with Spark NLP. */
@Command(
    name = "annotate",
    mixinStandardHelpOptions = true,
    description = {
      "Split the run date's articles into sentences and annotate each by its language's"
          + " profile: en with Spark NLP (tokens, themes matched on stems, tone in [-1, 1],"
          + " hedges, boosters, attitude markers, self-mentions); ja, zh, ko with Lucene's"
          + " analyzers (tokens, themes; tone only with a lexicons.tone.<language> file); in"
          + " every one of these languages each sentence's voice (authorial, quoted, attributed)"
          + " and the tone of the writer's own words. Writes the sentences table and the quotes"
          + " table (direct quotes and reported speech, speakers named through"
          + " lexicons.speakers). Articles in any other or an unknown language are not"
          + " analysed and are counted (not_analysed=N by language). Articles flagged as"
          + " exact or near duplicates are skipped unless annotate.include_duplicates is true."
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
