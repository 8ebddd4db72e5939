package dev.parallax.nlp;

import dev.parallax.config.ConfigException;
import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a lexicon named by a config key: a path, or {@code builtin} for the copy bundled in the
 * application jar under {@code lexicons/}. Read once on the driver; the parsed lexicons travel to
 * executors inside the annotator, never as paths.
 */
final class LexiconFiles {
  private LexiconFiles() {}

  /** A lexicon's display name (for error messages) and its text. */
  record Text(String name, String content) {}

  static Text read(ParallaxConfig config, ConfigKeys.Key key, String builtinName) {
    String value = config.string(key);
    if (ConfigKeys.BUILTIN.equals(value)) {
      String resource = "/lexicons/" + builtinName;
      try (InputStream in = LexiconFiles.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new ConfigException(
              key.name()
                  + ": the built-in lexicon "
                  + resource
                  + " is missing from the application jar; rebuild it");
        }
        return new Text(
            "builtin:" + builtinName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigException(
            key.name() + ": cannot read built-in " + resource + ": " + e.getMessage());
      }
    }
    Path p = Path.of(value);
    if (!Files.isRegularFile(p)) {
      throw new ConfigException(
          key.name()
              + ": lexicon file "
              + value
              + " does not exist (set a path, or 'builtin' for the bundled copy)");
    }
    try {
      return new Text(value, Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(
          key.name() + ": cannot read lexicon file " + value + ": " + e.getMessage());
    }
  }
}
