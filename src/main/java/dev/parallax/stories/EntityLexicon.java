package dev.parallax.stories;

import dev.parallax.config.ConfigException;
import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The entities lexicon ({@code data/lexicons/entities.tsv}: entity, language, alias): the aliases
 * of a person, place or topic in English, Japanese, Chinese and Korean, so that "Ishiba", "石破" and
 * "이시바" become one concept token and an English seed finds Japanese coverage of the same event.
 *
 * <p>Matching is one pass over the lowercased text: at each position the aliases starting with that
 * character are tried. Latin-script aliases must stand as whole words (no letter or digit on either
 * side); aliases in CJK scripts match anywhere, since those languages do not separate words.
 */
public final class EntityLexicon implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Resource name of the bundled copy (from data/lexicons/). */
  static final String BUILTIN_NAME = "entities.tsv";

  private record Alias(String text, String entity, boolean wholeWord) implements Serializable {}

  private final Map<Character, List<Alias>> byFirstChar;
  private final int entities;

  private EntityLexicon(Map<Character, List<Alias>> byFirstChar, int entities) {
    this.byFirstChar = byFirstChar;
    this.entities = entities;
  }

  /** Number of distinct entities. */
  public int size() {
    return entities;
  }

  /** The lexicon {@code lexicons.entities} names: a file, or {@code builtin}. */
  public static EntityLexicon load(ParallaxConfig config) {
    String value = config.string(ConfigKeys.LEXICON_ENTITIES);
    String name = ConfigKeys.LEXICON_ENTITIES.name();
    if (ConfigKeys.BUILTIN.equals(value)) {
      try (InputStream in = EntityLexicon.class.getResourceAsStream("/lexicons/" + BUILTIN_NAME)) {
        if (in == null) {
          throw new ConfigException(
              name + ": the built-in entities lexicon is missing from the application jar");
        }
        return parse(
            "builtin:" + BUILTIN_NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigException(name + ": cannot read the built-in lexicon: " + e.getMessage());
      }
    }
    Path p = Path.of(value);
    if (!Files.isRegularFile(p)) {
      throw new ConfigException(
          name + ": lexicon file " + value + " does not exist (set a path, or 'builtin')");
    }
    try {
      return parse(value, Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(
          name + ": cannot read lexicon file " + value + ": " + e.getMessage());
    }
  }

  /**
   * Parses the TSV text: comment lines ({@code #}), one header line, then {@code
   * entity<TAB>language<TAB>alias} lines.
   *
   * @throws ConfigException naming the line of a malformed entry
   */
  public static EntityLexicon parse(String name, String text) {
    Map<Character, List<Alias>> index = new HashMap<>();
    Set<String> entities = new LinkedHashSet<>();
    boolean header = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replace("\r", "");
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (!header) {
        header = true;
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 3 || cols[0].isBlank() || cols[2].isBlank()) {
        throw new ConfigException(
            "lexicon "
                + name
                + ": line "
                + (i + 1)
                + " has "
                + cols.length
                + " columns, expected 3 non-empty ones (entity, language, alias)");
      }
      String entity = cols[0].strip();
      String alias = cols[2].strip().toLowerCase(Locale.ROOT);
      entities.add(entity);
      index
          .computeIfAbsent(alias.charAt(0), c -> new ArrayList<>())
          .add(new Alias(alias, entity, isLatin(alias.codePointAt(0))));
    }
    return new EntityLexicon(index, entities.size());
  }

  /**
   * The entity of every alias occurrence in the text, in text order: an entity named twice is
   * listed twice, and at one position an entity counts once however many of its aliases match there
   * ("石破茂" is one mention of ishiba, not two).
   */
  public List<String> concepts(String text) {
    if (text == null || byFirstChar.isEmpty()) {
      return List.of();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>();
    Set<String> here = new LinkedHashSet<>();
    for (int i = 0; i < lower.length(); i++) {
      List<Alias> candidates = byFirstChar.get(lower.charAt(i));
      if (candidates == null) {
        continue;
      }
      here.clear();
      for (Alias a : candidates) {
        if (lower.startsWith(a.text(), i)
            && (!a.wholeWord()
                || (!wordChar(lower, i - 1) && !wordChar(lower, i + a.text().length())))) {
          here.add(a.entity());
        }
      }
      found.addAll(here);
    }
    return found;
  }

  private static boolean wordChar(String s, int i) {
    return i >= 0 && i < s.length() && Character.isLetterOrDigit(s.charAt(i));
  }

  private static boolean isLatin(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.COMMON;
  }
}
