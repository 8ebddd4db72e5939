package dev.parallax.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.nlp.ThemeTaxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
  static final ThemeTaxonomy TAXONOMY =
      new ThemeTaxonomy(
          "test",
          List.of(
              new ThemeTaxonomy.Theme(
                  "energy", "Energy", "economic", List.of("natural gas", "oil")),
              new ThemeTaxonomy.Theme("trade", "Trade", "economic", List.of("tariff"))));
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void sameSeedSameBytes() throws IOException {
    CorpusGenerator.Corpus a = new CorpusGenerator(TAXONOMY, 7).write(tmp.resolve("a"), 30);
    CorpusGenerator.Corpus b = new CorpusGenerator(TAXONOMY, 7).write(tmp.resolve("b"), 30);
    assertEquals(4, a.files().size(), "at least four files so ingest reads in parallel");
    for (int i = 0; i < a.files().size(); i++) {
      assertArrayEquals(Files.readAllBytes(a.files().get(i)), Files.readAllBytes(b.files().get(i)));
    }
    assertEquals(a.textBytes(), b.textBytes());
  }

  @Test
  void articlesHaveTheRequiredLengthSourcesAndThemes() throws IOException {
    CorpusGenerator.Corpus c = new CorpusGenerator(TAXONOMY, 11).write(tmp.resolve("c"), 400);
    Set<String> sources = new HashSet<>();
    int lines = 0;
    int withTheme = 0;
    for (Path f : c.files()) {
      for (String line : Files.readAllLines(f)) {
        lines++;
        JsonNode record = JSON.readTree(line);
        sources.add(record.get("source").asText());
        String text = record.get("text").asText();
        int words = text.trim().split("\\s+").length;
        assertTrue(words >= 300 && words <= 1200, words + " words");
        if (text.contains("natural gas") || text.contains("tariff")) {
          withTheme++;
        }
      }
    }
    assertEquals(400, lines);
    assertTrue(sources.size() >= 20, sources.size() + " sources");
    assertEquals(400, withTheme, "every article mentions a theme phrase");
  }
}
