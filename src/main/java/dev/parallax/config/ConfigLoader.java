package dev.parallax.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolves the configuration: command-line flag &gt; config file &gt; built-in default ({@link
 * ConfigKeys}). Every mistake — unknown key, wrong type, bad date, missing file — is a {@link
 * ConfigException} with one line naming the key, the value and the fix, raised before any Spark
 * work starts.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * Resolves and checks every key of {@link ConfigKeys}, and the {@code spark.conf.*} pass-through.
   *
   * @param configFile YAML file, or null for defaults only
   * @param flags values given on the command line, by key name (null values are ignored)
   */
  public static ParallaxConfig load(Path configFile, Map<String, String> flags) {
    return load(configFile, flags, null);
  }

  /**
   * As {@link #load(Path, Map)}, with the story the command line defines ({@code --story ID
   * --story-seed PATH}...), or null when it defines none.
   */
  public static ParallaxConfig load(
      Path configFile, Map<String, String> flags, StoryConfig.FlagStory flagStory) {
    JsonNode root = configFile == null ? null : readTree(configFile);
    Map<String, String> fromFile = root == null ? Map.of() : flattenRoot(root, configFile);
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sparkConf = new TreeMap<>();
    String where = configFile == null ? "defaults" : "config " + configFile;
    for (Map.Entry<String, String> e : fromFile.entrySet()) {
      if (e.getKey().startsWith(ConfigKeys.SPARK_CONF_PREFIX)) {
        sparkConf.put(e.getKey().substring(ConfigKeys.SPARK_CONF_PREFIX.length()), e.getValue());
      } else if (!ConfigKeys.all().containsKey(e.getKey())) {
        throw new ConfigException(
            where
                + ": unknown key '"
                + e.getKey()
                + "' (known keys: "
                + String.join(", ", ConfigKeys.all().keySet())
                + ", spark.conf.*)");
      }
    }
    for (Map.Entry<String, String> e : flags.entrySet()) {
      if (e.getKey().startsWith(ConfigKeys.SPARK_CONF_PREFIX) && e.getValue() != null) {
        sparkConf.put(e.getKey().substring(ConfigKeys.SPARK_CONF_PREFIX.length()), e.getValue());
      }
    }
    for (String property : sparkConf.keySet()) {
      SparkSessions.Fixed fixed = SparkSessions.FIXED.get(property);
      if (fixed != null) {
        throw new ConfigException(
            ConfigKeys.SPARK_CONF_PREFIX
                + property
                + ": Parallax sets this "
                + "Spark property itself ("
                + fixed.reason()
                + "); remove it");
      }
    }
    for (ConfigKeys.Key key : ConfigKeys.all().values()) {
      String raw = flags.get(key.name());
      String origin = "option for " + key.name();
      if (raw == null) {
        raw = fromFile.get(key.name());
        origin = where + ": key " + key.name();
      }
      if (raw == null) {
        raw = key.defaultValue();
        origin = "default of " + key.name();
      }
      if (raw == null && key.equals(ConfigKeys.RUN_DATE)) {
        raw = LocalDate.now(ZoneOffset.UTC).toString();
      }
      values.put(key.name(), check(key, raw, origin));
    }
    List<StoryDefinition> stories =
        StoryConfig.merge(
            root == null ? List.of() : StoryConfig.parse(root.get(StoryConfig.NODE), where),
            flagStory);
    return new ParallaxConfig(
        Map.copyOf(values),
        Map.copyOf(sparkConf),
        configFile == null ? null : configFile.toString(),
        sha256(values, sparkConf, stories),
        stories);
  }

  private static String check(ConfigKeys.Key key, String raw, String origin) {
    String v = raw.trim();
    try {
      switch (key.type()) {
        case INT -> {
          if (Integer.parseInt(v) < 0) {
            throw new ConfigException(origin + ": '" + v + "' must not be negative");
          }
        }
        case LONG -> Long.parseLong(v);
        case DOUBLE -> {
          double d = Double.parseDouble(v);
          if (key.equals(ConfigKeys.NEAR_DUPLICATE_THRESHOLD) && !(d > 0 && d <= 1)) {
            throw new ConfigException(
                origin + ": '" + v + "' must be above 0 and at most 1 (a Jaccard index), e.g. 0.5");
          }
          if (key.equals(ConfigKeys.CONFIDENCE) && !(d > 0 && d < 1)) {
            throw new ConfigException(origin + ": '" + v + "' must be between 0 and 1, e.g. 0.95");
          }
          if ((key.equals(ConfigKeys.STORY_THRESHOLD) || key.equals(ConfigKeys.AUTO_THRESHOLD))
              && !(d >= 0 && d <= 1)) {
            throw new ConfigException(origin + ": '" + v + "' must be between 0 and 1");
          }
          if (Double.isNaN(d) || d < 0) {
            throw new ConfigException(origin + ": '" + v + "' must be a non-negative number");
          }
        }
        case BOOLEAN -> {
          if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigException(origin + ": '" + v + "' is not true or false");
          }
        }
        case DATE -> LocalDate.parse(v);
        case CHOICE -> {
          if (!ConfigKeys.choices(key).contains(v)) {
            throw new ConfigException(
                origin + ": '" + v + "' is not one of " + ConfigKeys.choices(key));
          }
        }
        case STRING, PATH -> {
          if (v.isEmpty()) {
            throw new ConfigException(origin + ": value is empty");
          }
        }
        case LANGUAGES -> {
          return languageCodes(v, origin);
        }
      }
    } catch (NumberFormatException e) {
      throw new ConfigException(
          origin
              + ": '"
              + v
              + "' is not a "
              + key.type().name().toLowerCase(Locale.ROOT)
              + " number");
    } catch (DateTimeParseException e) {
      throw new ConfigException(origin + ": '" + v + "' is not a date in the form YYYY-MM-DD");
    }
    if ((key.equals(ConfigKeys.SHUFFLE_PARTITIONS) && Integer.parseInt(v) == 0)
        || (key.equals(ConfigKeys.BOOTSTRAP_REPS) && Integer.parseInt(v) == 0)
        || (key.equals(ConfigKeys.PERMUTATIONS) && Integer.parseInt(v) == 0)
        || (key.equals(ConfigKeys.SHINGLE_WORDS) && Integer.parseInt(v) == 0)
        || (key.equals(ConfigKeys.ROWS_PER_FILE) && Long.parseLong(v) <= 0)
        || (key.equals(ConfigKeys.LOCK_LEASE_SECONDS) && Long.parseLong(v) <= 0)
        || (key.equals(ConfigKeys.MAX_RECORD_BYTES) && Long.parseLong(v) <= 0)
        || (key.equals(ConfigKeys.MAX_FILE_BYTES) && Long.parseLong(v) <= 0)) {
      throw new ConfigException(origin + ": must be at least 1");
    }
    if (key.equals(ConfigKeys.WINDOW_DAYS)
        && !(Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 366)) {
      throw new ConfigException(origin + ": '" + v + "' must be between 1 and 366 (days)");
    }
    if (key.equals(ConfigKeys.TIME_ZONE)) {
      try {
        java.time.ZoneId.of(v);
      } catch (java.time.DateTimeException e) {
        throw new ConfigException(
            origin
                + ": '"
                + v
                + "' is not a time zone; expected an IANA id such as Asia/Tokyo or an offset such as"
                + " +09:00");
      }
    }
    return v;
  }

  /**
   * A comma-separated list of ISO 639-1 codes, each a language the detector (Lingua 1.2) knows:
   * lower-cased, repeats dropped, in the given order.
   */
  private static String languageCodes(String v, String origin) {
    Set<String> codes = new LinkedHashSet<>();
    for (String part : v.split(",", -1)) {
      String code = part.strip().toLowerCase(Locale.ROOT);
      if (code.isEmpty()) {
        throw new ConfigException(
            origin
                + ": '"
                + v
                + "' has an empty entry; expected ISO 639-1 codes separated by commas, e.g. "
                + String.join(",", ConfigKeys.DEFAULT_DETECT_LANGUAGES));
      }
      if (!knownLanguage(code)) {
        throw new ConfigException(
            origin
                + ": '"
                + code
                + "' is not the ISO 639-1 code of a language the detector knows; e.g. "
                + String.join(",", ConfigKeys.DEFAULT_DETECT_LANGUAGES));
      }
      codes.add(code);
    }
    return String.join(",", codes);
  }

  private static boolean knownLanguage(String code) {
    for (IsoCode639_1 iso : IsoCode639_1.values()) {
      if (iso.name().equalsIgnoreCase(code)) {
        Language language = Language.getByIsoCode639_1(iso);
        return language != null && language != Language.UNKNOWN;
      }
    }
    return false;
  }

  /**
   * Reads a YAML mapping into dotted keys; nested mappings become prefixes. A list is allowed only
   * for a {@link ConfigKeys.Type#LANGUAGES} key, and becomes its comma-separated form.
   */
  static Map<String, String> readYaml(Path file) {
    JsonNode root = readTree(file);
    return root == null ? new LinkedHashMap<>() : flattenRoot(root, file);
  }

  /** The YAML tree of the file, or null when the file holds nothing. */
  private static JsonNode readTree(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file " + file + " does not exist (pass --config FILE)");
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      String msg =
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new ConfigException("config " + file + ": not valid YAML: " + msg);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return null;
    }
    if (!root.isObject()) {
      throw new ConfigException("config " + file + ": expected a mapping of keys to values");
    }
    return root;
  }

  private static Map<String, String> flattenRoot(JsonNode root, Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", root, out, file);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = prefix + e.getKey();
      JsonNode v = e.getValue();
      if (StoryConfig.isStoryList(name, v)) {
        continue; // parsed by StoryConfig
      }
      if (v.isObject()) {
        flatten(name + ".", v, out, file);
      } else if (v.isArray()) {
        ConfigKeys.Key key = ConfigKeys.all().get(name);
        if (key == null || key.type() != ConfigKeys.Type.LANGUAGES) {
          throw new ConfigException(
              "config " + file + ": key '" + name + "' holds a list; expected a single value");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : v) {
          if (!item.isValueNode() || item.isNull()) {
            throw new ConfigException(
                "config " + file + ": key '" + name + "' lists something other than a code");
          }
          items.add(item.asText());
        }
        out.put(name, String.join(",", items));
      } else if (!v.isNull()) {
        out.put(name, v.asText());
      }
    }
  }

  private static String sha256(
      Map<String, String> values, Map<String, String> sparkConf, List<StoryDefinition> stories) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
        if (!e.getKey().equals(ConfigKeys.RUN_DATE.name())) {
          md.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      for (Map.Entry<String, String> e : sparkConf.entrySet()) {
        md.update(
            ("spark.conf." + e.getKey() + "=" + e.getValue() + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      // Stories change which articles are compared; without any the hash is as before.
      for (StoryDefinition story : stories) {
        md.update((story.identity() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
