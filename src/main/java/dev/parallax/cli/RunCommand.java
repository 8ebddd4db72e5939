package dev.parallax.cli;

import dev.parallax.config.ParallaxConfig;
import dev.parallax.config.StoryConfig;
import dev.parallax.ingest.IngestJob;
import dev.parallax.nlp.NlpLexicons;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parallax run}: every stage in order. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run every stage in order for one run date: ingest, annotate, compare, report. compare"
          + " covers the window of run dates (run date - N, run date] (--window-days N, default"
          + " 1); a daily schedule typically passes --window-days 7."
    })
final class RunCommand extends StageCommand {
  RunCommand() {
    super("parallax run");
  }

  @Mixin StoryOptions story;

  @Override
  StoryConfig.FlagStory flagStory() {
    return story.flagStory();
  }

  @Mixin WindowOptions window;

  @Override
  java.util.Map<String, String> settings() {
    return window.settings();
  }

  @Override
  StageRunner.Stage[] stages(ParallaxConfig config) {
    IngestJob.storyParams(config); // the entities lexicon is checked before Spark starts
    NlpLexicons lexicons = NlpLexicons.load(config);
    return new StageRunner.Stage[] {
      Stages.INGEST, Stages.annotate(lexicons), Stages.compare(lexicons.themes()), Stages.REPORT
    };
  }
}
