package dev.parallax.cli;

import dev.parallax.config.ConfigKeys;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --window-days}: the run dates one compare covers. */
final class WindowOptions {
  @Option(
      names = "--window-days",
      paramLabel = "N",
      description =
          "Compare each story over the run dates (run date - N, run date]: 1 (the default) is the"
              + " run date alone, 7 a week of daily runs. An article that arrived again on another"
              + " date of the window counts once; dates never run are listed as missing. Config"
              + " key: compare.window_days.")
  String windowDays;

  /** The setting the flag gives, or none. */
  Map<String, String> settings() {
    return windowDays == null ? Map.of() : Map.of(ConfigKeys.WINDOW_DAYS.name(), windowDays);
  }
}
