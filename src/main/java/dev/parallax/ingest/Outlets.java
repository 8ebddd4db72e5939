package dev.parallax.ingest;

import dev.parallax.config.ConfigException;
import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outlet map: host suffix → source name, country and source type, for crawl records, whose only
 * clue to their outlet is the URL. File format ({@code data/outlets.tsv}): a header line {@code
 * host_suffix, source, country, source_type}, tab-separated; {@code #} lines and blank lines
 * ignored; country and source_type may be empty. The longest suffix matching the host on a label
 * boundary wins ({@code news.example.com} matches {@code example.com}, {@code badexample.com} does
 * not); a leading {@code www.} is ignored on both sides. A host no entry matches keeps its host
 * name as the source, with country and source type unknown.
 *
 * <p>Read once on the driver (config {@code ingest.outlets}: a path, or {@code builtin} for the
 * copy bundled in the jar); the parsed map travels to the tasks.
 */
public final class Outlets implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String BUILTIN_RESOURCE = "/parallax/outlets.tsv";
  private static final String HEADER = "host_suffix\tsource\tcountry\tsource_type";

  /** One outlet; country and sourceType may be null. */
  public record Outlet(String source, String country, String sourceType) implements Serializable {}

  private final Map<String, Outlet> bySuffix;

  private Outlets(Map<String, Outlet> bySuffix) {
    this.bySuffix = bySuffix;
  }

  /** The outlet map the config names. */
  public static Outlets load(ParallaxConfig config) {
    String value = config.string(ConfigKeys.OUTLETS);
    ConfigKeys.Key key = ConfigKeys.OUTLETS;
    if (ConfigKeys.BUILTIN.equals(value)) {
      try (InputStream in = Outlets.class.getResourceAsStream(BUILTIN_RESOURCE)) {
        if (in == null) {
          throw new ConfigException(
              key.name()
                  + ": the built-in "
                  + BUILTIN_RESOURCE
                  + " is missing from the jar; rebuild it");
        }
        return parse("builtin:outlets.tsv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigException(key.name() + ": cannot read built-in outlets: " + e.getMessage());
      }
    }
    Path p = Path.of(value);
    if (!Files.isRegularFile(p)) {
      throw new ConfigException(
          key.name()
              + ": outlet map "
              + value
              + " does not exist (set a path, or 'builtin' for the bundled copy)");
    }
    try {
      return parse(value, Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(
          key.name() + ": cannot read outlet map " + value + ": " + e.getMessage());
    }
  }

  /**
   * Parses an outlet map; every mistake is a {@link ConfigException} naming the file and line.
   *
   * @param name the file's name, for messages
   */
  public static Outlets parse(String name, String content) {
    Map<String, Outlet> map = new TreeMap<>();
    boolean header = false;
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cols = lines[i].replace("\r", "").split("\t", -1);
      if (!header) {
        if (!String.join("\t", cols).strip().equals(HEADER)) {
          throw new ConfigException(
              "outlet map "
                  + name
                  + ": line "
                  + (i + 1)
                  + " must be the header '"
                  + HEADER.replace("\t", "<TAB>")
                  + "'");
        }
        header = true;
        continue;
      }
      if (cols.length != 4) {
        throw new ConfigException(
            "outlet map "
                + name
                + ": line "
                + (i + 1)
                + " has "
                + cols.length
                + " columns, expected 4");
      }
      String suffix = host(cols[0].strip());
      if (suffix == null || suffix.isEmpty() || cols[1].isBlank()) {
        throw new ConfigException(
            "outlet map " + name + ": line " + (i + 1) + " needs a host suffix and a source name");
      }
      if (map.put(suffix, new Outlet(cols[1].strip(), blankToNull(cols[2]), blankToNull(cols[3])))
          != null) {
        throw new ConfigException(
            "outlet map " + name + ": line " + (i + 1) + " repeats host suffix " + suffix);
      }
    }
    return new Outlets(map);
  }

  /**
   * The outlet of a host (lower-cased, {@code www.} dropped); unknown hosts are their own source.
   */
  public Outlet of(String rawHost) {
    String host = host(rawHost);
    if (host == null || host.isEmpty()) {
      return new Outlet("unknown", null, null);
    }
    for (String h = host; ; ) {
      Outlet o = bySuffix.get(h);
      if (o != null) {
        return o;
      }
      int dot = h.indexOf('.');
      if (dot < 0) {
        return new Outlet(host, null, null);
      }
      h = h.substring(dot + 1);
    }
  }

  /** A host as the map keys it: lower case, no trailing dot, no leading {@code www.}. */
  static String host(String raw) {
    if (raw == null) {
      return null;
    }
    String h = raw.strip().toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  public int size() {
    return bySuffix.size();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
