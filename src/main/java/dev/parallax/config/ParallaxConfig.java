package dev.parallax.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The resolved configuration of one run: every value checked and typed. Built only by {@link
 * ConfigLoader}; jobs read it, never raw keys.
 *
 * @param values every key of {@link ConfigKeys} with its resolved value (text form)
 * @param sparkConf extra Spark properties from {@code spark.conf.*}, passed unchanged
 * @param configFile the file the values came from, or null when only defaults and flags were used
 * @param configSha256 SHA-256 of the resolved values and stories, stored with each run record
 * @param stories the seeded stories the run looks for ({@code stories:} and {@code --story}), in
 *     the order defined; empty when none
 */
public record ParallaxConfig(
    Map<String, String> values,
    Map<String, String> sparkConf,
    String configFile,
    String configSha256,
    List<StoryDefinition> stories)
    implements java.io.Serializable {
  public ParallaxConfig {
    stories = List.copyOf(stories);
  }

  public String input() {
    return values.get(ConfigKeys.INPUT.name());
  }

  public String warehouse() {
    return values.get(ConfigKeys.WAREHOUSE.name());
  }

  public LocalDate runDate() {
    return LocalDate.parse(values.get(ConfigKeys.RUN_DATE.name()));
  }

  public String master() {
    return values.get(ConfigKeys.MASTER.name());
  }

  public String string(ConfigKeys.Key key) {
    return values.get(key.name());
  }

  public int intValue(ConfigKeys.Key key) {
    return Integer.parseInt(values.get(key.name()));
  }

  public long longValue(ConfigKeys.Key key) {
    return Long.parseLong(values.get(key.name()));
  }

  public double doubleValue(ConfigKeys.Key key) {
    return Double.parseDouble(values.get(key.name()));
  }

  public boolean booleanValue(ConfigKeys.Key key) {
    return Boolean.parseBoolean(values.get(key.name()));
  }

  /** The value of a {@link ConfigKeys.Type#LANGUAGES} key: lower-case codes, in the given order. */
  public List<String> languages(ConfigKeys.Key key) {
    return List.of(values.get(key.name()).split(","));
  }

  /**
   * The tone lexicon path configured for {@code language} ({@code lexicons.tone.<language>}), or
   * null when the language has no such key or its value is {@code none}. English is not here: its
   * lexicons are {@code lexicons.tone_vader} and {@code lexicons.tone_domain}.
   */
  public String toneLexicon(String language) {
    ConfigKeys.Key key = ConfigKeys.TONE_LEXICONS.get(language);
    String v = key == null ? null : values.get(key.name());
    return v == null || ConfigKeys.NONE.equals(v) ? null : v;
  }
}
