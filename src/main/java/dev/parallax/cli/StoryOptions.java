package dev.parallax.cli;

import dev.parallax.config.StoryConfig;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --story} and {@code --story-seed}: one seeded story defined on the command line. */
final class StoryOptions {
  @Option(
      names = "--story",
      paramLabel = "ID",
      description =
          "Define a seeded story with this id (with --story-seed; a story of the same id in the"
              + " config's stories: keeps its other settings, the seeds given here replace its"
              + " seeds). Articles that declare no story join it when similar enough to its"
              + " seeds (stories.threshold).")
  String id;

  @Option(
      names = "--story-seed",
      paramLabel = "FILE",
      description =
          "A seed file of --story (any input format; a file without a source field gets its"
              + " base name as source). Repeatable.")
  List<String> seeds = new ArrayList<>();

  /** The story these options define, or null when neither option is given. */
  StoryConfig.FlagStory flagStory() {
    if (id == null && seeds.isEmpty()) {
      return null;
    }
    return new StoryConfig.FlagStory(id, seeds);
  }
}
