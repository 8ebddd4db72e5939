package dev.parallax.cli;

import dev.parallax.config.ParallaxConfig;
import dev.parallax.nlp.NlpLexicons;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parallax compare}: sentences to the comparison tables. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the sources of each story over a window of run dates: the sentences and "
          + "quotes of the run dates (run date - N, run date] (--window-days N, default 1: the "
          + "run date alone), each article counted once across dates. Theme frequencies, tone "
          + "and stance by source and theme with bootstrap intervals, pairwise tone differences "
          + "with permutation p-values and Benjamini-Hochberg q-values (over all sentences and "
          + "over the outlets' own words: voice all and authorial), distinctive terms (weighted "
          + "log-odds), a per-source summary, whom each source quotes, and a timeline (story x "
          + "source x day of publication x theme, days in compare.time_zone). Writes "
          + "theme_frequency, stance_by_source, stance_difference, distinctive_terms, "
          + "source_summary, quoted_speakers and timeline, each with window_start and "
          + "window_end; 'parallax report' then writes their reports. Settings: compare.* keys."
    })
final class CompareCommand extends StageCommand {
  CompareCommand() {
    super("parallax compare");
  }

  @Mixin WindowOptions window;

  @Override
  java.util.Map<String, String> settings() {
    return window.settings();
  }

  @Override
  StageRunner.Stage[] stages(ParallaxConfig config) {
    return new StageRunner.Stage[] {Stages.compare(NlpLexicons.load(config).themes())};
  }
}
