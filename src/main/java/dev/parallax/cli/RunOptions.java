package dev.parallax.cli;

import dev.parallax.config.ParallaxConfig;
import dev.parallax.config.StoryConfig;
import picocli.CommandLine.Option;

/** The options every stage command shares; flags override the config file. */
final class RunOptions extends ConfigOptions {
  @Option(
      names = "--input",
      paramLabel = "PATH_OR_GLOB",
      description =
          "Raw coverage: a file, a directory (read recursively) or a glob. Config key: input.")
  String input;

  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      description = "Warehouse root (default data/warehouse). Config key: warehouse.")
  String warehouse;

  @Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      description = "Partition to write or read (default: today in UTC). Config key: run_date.")
  String runDate;

  /** The resolved configuration: flag &gt; config file &gt; default. */
  ParallaxConfig resolve() {
    return resolve(null);
  }

  /** As {@link #resolve()}; {@code flagStory} is the story {@code --story} defines, or null. */
  ParallaxConfig resolve(StoryConfig.FlagStory flagStory) {
    return resolve(input, warehouse, runDate, flagStory);
  }

  /** As {@link #resolve(StoryConfig.FlagStory)}, with a command's own flags as config settings. */
  ParallaxConfig resolve(StoryConfig.FlagStory flagStory, java.util.Map<String, String> settings) {
    return resolve(input, warehouse, runDate, flagStory, settings);
  }
}
