package dev.parallax.cli;

import dev.parallax.config.ConfigException;
import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ConfigLoader;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.config.StoryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options that pick a configuration, shared by the stage commands ({@link RunOptions}) and
 * {@code parallax bench}: config file, Spark master and {@code --set} overrides.
 */
class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML config file (default: jobs/parallax.yaml of this installation).")
  Path config;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default local[*]). Config key: master.")
  String master;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Any config key, or spark.conf.<property> for a Spark property, e.g. "
              + "--set compare.seed=7 (repeatable).")
  List<String> sets = new ArrayList<>();

  /**
   * The resolved configuration, flag &gt; config file &gt; default, where the input, warehouse and
   * run date given here (null: not given) count as flags.
   *
   * @throws ConfigException for a malformed or unknown {@code --set} key, a missing {@code
   *     --config} file, or what {@link ConfigLoader#load} refuses
   */
  ParallaxConfig resolve(String input, String warehouse, String runDate) {
    return resolve(input, warehouse, runDate, (StoryConfig.FlagStory) null);
  }

  /**
   * As {@link #resolve(String, String, String)}, with settings of the caller's (config key to
   * value) that take a flag's place: they override the config file, and {@code --set} overrides
   * them.
   */
  ParallaxConfig resolve(
      String input, String warehouse, String runDate, Map<String, String> settings) {
    return resolve(input, warehouse, runDate, null, settings);
  }

  /** As {@link #resolve(String, String, String)}, with the command line's story (or null). */
  ParallaxConfig resolve(
      String input, String warehouse, String runDate, StoryConfig.FlagStory flagStory) {
    return resolve(input, warehouse, runDate, flagStory, Map.of());
  }

  /**
   * As {@link #resolve(String, String, String, StoryConfig.FlagStory)}, with settings of the
   * caller's that take a flag's place (see {@link #resolve(String, String, String, Map)}).
   */
  ParallaxConfig resolve(
      String input,
      String warehouse,
      String runDate,
      StoryConfig.FlagStory flagStory,
      Map<String, String> settings) {
    Map<String, String> flags = new HashMap<>();
    for (String s : sets) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("--set " + s + ": expected KEY=VALUE, e.g. --set compare.seed=7");
      }
      String key = s.substring(0, eq).trim();
      boolean sparkProperty =
          key.startsWith(ConfigKeys.SPARK_CONF_PREFIX)
              && key.length() > ConfigKeys.SPARK_CONF_PREFIX.length();
      if (!ConfigKeys.all().containsKey(key) && !sparkProperty) {
        throw new ConfigException("--set " + s + ": unknown key '" + key + "'");
      }
      flags.put(key, s.substring(eq + 1));
    }
    put(flags, ConfigKeys.INPUT, input);
    put(flags, ConfigKeys.WAREHOUSE, warehouse);
    put(flags, ConfigKeys.RUN_DATE, runDate);
    put(flags, ConfigKeys.MASTER, master);
    settings.forEach(flags::putIfAbsent);
    return ConfigLoader.load(configFile(), flags, flagStory);
  }

  private Path configFile() {
    if (config != null) {
      if (!Files.isRegularFile(config)) {
        throw new ConfigException("--config " + config + ": file does not exist");
      }
      return config;
    }
    Path local = Path.of("jobs", "parallax.yaml");
    if (Files.isRegularFile(local)) {
      return local;
    }
    String home = System.getenv("PARALLAX_HOME");
    if (home != null && Files.isRegularFile(Path.of(home, "jobs", "parallax.yaml"))) {
      return Path.of(home, "jobs", "parallax.yaml");
    }
    return null;
  }

  private static void put(Map<String, String> m, ConfigKeys.Key key, String v) {
    if (v != null) {
      m.put(key.name(), v);
    }
  }
}
