package dev.parallax.nlp.lang;

import dev.parallax.nlp.ThemeTaxonomy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Japanese, Chinese and Korean rows of data/lexicons/themes.tsv, read with {@link
 * ThemeTaxonomy#parse}: language → theme id → phrases, in file order.
 */
final class CjkThemePhrases {
  private CjkThemePhrases() {}

  static Path file() {
    return Path.of(
        System.getProperty("parallax.projectDir", "."), "data", "lexicons", "themes.tsv");
  }

  static Map<String, Map<String, List<String>>> load() throws IOException {
    ThemeTaxonomy taxonomy =
        ThemeTaxonomy.parse(file().toString(), Files.readString(file(), StandardCharsets.UTF_8));
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    for (String language : List.of("ja", "zh", "ko")) {
      for (ThemeTaxonomy.Theme t : taxonomy.themes()) {
        List<String> phrases = t.phrases(language);
        if (!phrases.isEmpty()) {
          out.computeIfAbsent(language, k -> new LinkedHashMap<>()).put(t.id(), phrases);
        }
      }
    }
    return out;
  }

  static Map<String, PhraseMatcher> matchers() throws IOException {
    Map<String, PhraseMatcher> out = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, List<String>>> e : load().entrySet()) {
      out.put(e.getKey(), PhraseMatcher.of(CjkProfile.of(e.getKey()), e.getValue()));
    }
    return out;
  }
}
