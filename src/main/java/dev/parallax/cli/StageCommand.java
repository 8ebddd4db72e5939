package dev.parallax.cli;

import dev.parallax.config.ParallaxConfig;
import dev.parallax.config.StoryConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command that resolves its {@link RunOptions} and runs stages on that configuration as one Spark
 * application, printing each stage's result.
 */
abstract class StageCommand implements Callable<Integer> {
  @Mixin RunOptions options;

  private final String appName;

  /**
   * @param appName the Spark application name, e.g. "parallax annotate"
   */
  StageCommand(String appName) {
    this.appName = appName;
  }

  /**
   * The stages to run, in order; loading what they need (lexicons) may fail with a config error.
   */
  abstract StageRunner.Stage[] stages(ParallaxConfig config);

  /**
   * The story the command line defines ({@code --story}), or null; only ingest and run have one.
   */
  StoryConfig.FlagStory flagStory() {
    return null;
  }

  /** Config settings the command's own flags give (key to value), or none. */
  java.util.Map<String, String> settings() {
    return java.util.Map.of();
  }

  @Override
  public final Integer call() {
    ParallaxConfig config = options.resolve(flagStory(), settings());
    StageRunner.run(config, System.out, appName, stages(config));
    return ExitCodes.OK;
  }
}
