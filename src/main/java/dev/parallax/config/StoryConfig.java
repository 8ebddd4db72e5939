package dev.parallax.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structured part of the config: the seeded stories. In the YAML file either a list under
 * {@code stories:}, or a list under {@code stories: seeded:} beside the scalar {@code stories.*}
 * keys ({@code threshold}, {@code auto}, …). Each story is a mapping:
 *
 * <pre>
 * - id: ishiba-trump-2025
 *   seeds: [data/seed/opinion.txt]        # one or more files, any input format
 *   required_terms: [Ishiba, 石破, 이시바]  # optional, at least one must occur
 *   from: 2025-02-01                      # optional window on published_at
 *   to: 2025-02-14
 *   threshold: 0.12                       # optional, overrides stories.threshold
 * </pre>
 *
 * Every mistake is a one-line {@link ConfigException} naming the story and the fix.
 */
public final class StoryConfig {
  private StoryConfig() {}

  /** The top-level YAML node holding the stories. */
  static final String NODE = "stories";

  /** The list inside a {@code stories:} mapping. */
  static final String LIST = "seeded";

  static final Set<String> FIELDS =
      Set.of("id", "seeds", "required_terms", "from", "to", "threshold");

  /** Ids a defined story may not take: the automatic stories' names. */
  static final String UNASSIGNED = "unassigned";

  static final String AUTO_PREFIX = "auto-";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /**
   * The story the command line defines: {@code --story ID} and its {@code --story-seed PATH}s
   * (empty: keep the config file's seeds of that story).
   */
  public record FlagStory(String id, List<String> seeds) {
    public FlagStory {
      seeds = List.copyOf(seeds);
    }
  }

  /** True for the YAML nodes this class parses, so the flattening of scalar keys skips them. */
  static boolean isStoryList(String dottedName, JsonNode value) {
    return (dottedName.equals(NODE) && value.isArray()) || dottedName.equals(NODE + "." + LIST);
  }

  /** The stories under the {@code stories} node (null: none), checked. */
  static List<StoryDefinition> parse(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    JsonNode list = node.isArray() ? node : node.get(LIST);
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new ConfigException(
          where + ": stories." + LIST + " must be a list of stories ({id, seeds, ...})");
    }
    Map<String, StoryDefinition> byId = new LinkedHashMap<>();
    int n = 0;
    for (JsonNode item : list) {
      n++;
      StoryDefinition s = story(item, where + ": story " + n);
      if (byId.putIfAbsent(s.id(), s) != null) {
        throw new ConfigException(
            where + ": story id '" + s.id() + "' is defined twice; give each story its own id");
      }
    }
    return List.copyOf(byId.values());
  }

  private static StoryDefinition story(JsonNode item, String at) {
    if (!item.isObject()) {
      throw new ConfigException(at + ": expected a mapping {id, seeds, ...}");
    }
    Iterator<String> names = item.fieldNames();
    while (names.hasNext()) {
      String f = names.next();
      if (!FIELDS.contains(f)) {
        throw new ConfigException(
            at
                + ": unknown story field '"
                + f
                + "' (known: id, seeds, required_terms, from, to, threshold)");
      }
    }
    JsonNode idNode = item.get("id");
    if (idNode == null || !idNode.isValueNode() || idNode.asText().isBlank()) {
      throw new ConfigException(at + ": story has no id; add e.g. id: my-story");
    }
    String id = checkId(idNode.asText().strip(), at);
    String here = at.substring(0, at.lastIndexOf(": ")) + ": story " + id;
    List<String> seeds = strings(item.get("seeds"), here, "seeds");
    if (seeds.isEmpty()) {
      throw new ConfigException(here + ": seeds is empty; list at least one seed file");
    }
    for (String seed : seeds) {
      checkSeed(seed, here);
    }
    List<String> terms = strings(item.get("required_terms"), here, "required_terms");
    Instant from = instant(item.get("from"), here, "from", false);
    Instant to = instant(item.get("to"), here, "to", true);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new ConfigException(here + ": from is after to; the window would be empty");
    }
    Double threshold = null;
    JsonNode t = item.get("threshold");
    if (t != null && !t.isNull()) {
      threshold = threshold(t.asText(), here);
    }
    return new StoryDefinition(id, seeds, terms, from, to, threshold);
  }

  /**
   * The stories of the file with the command line's story: it replaces the seeds of the file's
   * story of the same id, or is added after the file's stories.
   */
  static List<StoryDefinition> merge(List<StoryDefinition> fromFile, FlagStory flag) {
    if (flag == null) {
      return fromFile;
    }
    if (flag.id() == null) {
      throw new ConfigException(
          "--story-seed needs --story ID: the story the seeds anchor, e.g. --story my-story");
    }
    String at = "--story " + flag.id();
    String id = checkId(flag.id().strip(), at);
    for (String seed : flag.seeds()) {
      checkSeed(seed, at);
    }
    List<StoryDefinition> out = new ArrayList<>();
    boolean found = false;
    for (StoryDefinition s : fromFile) {
      if (s.id().equals(id)) {
        found = true;
        out.add(flag.seeds().isEmpty() ? s : s.withSeeds(flag.seeds()));
      } else {
        out.add(s);
      }
    }
    if (!found) {
      if (flag.seeds().isEmpty()) {
        throw new ConfigException(
            at + ": the story has no seeds (none in the config); add --story-seed FILE");
      }
      out.add(new StoryDefinition(id, flag.seeds(), List.of(), null, null, null));
    }
    return List.copyOf(out);
  }

  private static String checkId(String id, String at) {
    if (!ID.matcher(id).matches()) {
      throw new ConfigException(
          at
              + ": story id '"
              + id
              + "' must be letters, digits, '.', '_' or '-' (starting with a letter or digit)");
    }
    if (id.equals(UNASSIGNED) || id.startsWith(AUTO_PREFIX)) {
      throw new ConfigException(
          at + ": story id '" + id + "' is reserved for automatic stories; choose another");
    }
    return id;
  }

  private static void checkSeed(String seed, String at) {
    if (seed.contains("://")) {
      return; // a remote file system's path: Spark reads it, or rejects it as a record
    }
    boolean exists;
    try {
      exists = Files.isRegularFile(Path.of(seed));
    } catch (InvalidPathException e) {
      exists = false;
    }
    if (!exists) {
      throw new ConfigException(at + ": seed file " + seed + " does not exist");
    }
  }

  private static List<String> strings(JsonNode node, String at, String field) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isValueNode()) {
      out.add(node.asText().strip());
    } else if (node.isArray()) {
      for (JsonNode v : node) {
        if (!v.isValueNode() || v.isNull() || v.asText().isBlank()) {
          throw new ConfigException(at + ": " + field + " lists an empty or non-text entry");
        }
        out.add(v.asText().strip());
      }
    } else {
      throw new ConfigException(at + ": " + field + " must be a list of text values");
    }
    return out;
  }

  /**
   * A date (the day's start; for {@code to}, the next day's start, so the day is included) or an
   * ISO-8601 timestamp with an offset.
   */
  private static Instant instant(JsonNode node, String at, String field, boolean end) {
    if (node == null || node.isNull()) {
      return null;
    }
    String v = node.asText().strip();
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return (end ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      Instant i = OffsetDateTime.parse(v).toInstant();
      return end ? i.plus(1, ChronoUnit.MICROS) : i;
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          at
              + ": "
              + field
              + " '"
              + v
              + "' is not a date (YYYY-MM-DD) or a timestamp (2025-02-07T18:30:00Z)");
    }
  }

  private static double threshold(String v, String at) {
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (!(d >= 0 && d <= 1)) {
      throw new ConfigException(at + ": threshold '" + v + "' must be a number between 0 and 1");
    }
    return d;
  }
}
