package dev.parallax.nlp.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads data/lexicons/themes_cjk.tsv: language → theme id → phrases, in file order. */
final class CjkThemePhrases {
  private CjkThemePhrases() {}

  static Path file() {
    return Path.of(
        System.getProperty("parallax.projectDir", "."), "data", "lexicons", "themes_cjk.tsv");
  }

  static Map<String, Map<String, List<String>>> load() throws IOException {
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    boolean header = false;
    int lineNo = 0;
    for (String line : Files.readAllLines(file())) {
      lineNo++;
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 3) {
        throw new IllegalStateException(
            file() + ": line " + lineNo + " has " + cols.length + " columns, expected 3");
      }
      if (!header) {
        header = true;
        continue;
      }
      out.computeIfAbsent(cols[1], k -> new LinkedHashMap<>())
          .put(cols[0], new ArrayList<>(List.of(cols[2].split("\\|", -1))));
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
