package dev.parallax.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parallax.warehouse.schema.SentencesColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * The seed article, paragraph by paragraph: the story themes a careful reader tags (written down
 * here with the reason), against the themes the pipeline finds. Frame-level themes (frame_*) are
 * not judged here.
 */
class SeedThemesTest {
  static final int THEMES_AT = SentencesColumns.SCHEMA.fieldIndex(SentencesColumns.THEMES);

  /** Reader's tags per paragraph of ../shared/seed (the copy in data/coverage/op-ed-seed.txt). */
  static final List<Set<String>> EXPECTED =
      List.of(
          // ¶1 AI and semiconductors on the agenda; rapport between Ishiba and Trump "reminiscent
          // of"
          // Abe; "security concerns" on the agenda.
          Set.of("ai_semiconductors", "personal_diplomacy", "alliance_security"),
          // ¶2 North Korea's military cooperation with Russia; a strong alliance and shared
          // security
          // challenges; first Asian leader to visit; regional uncertainties in the Asia-Pacific.
          Set.of(
              "north_korea",
              "russia",
              "alliance_security",
              "personal_diplomacy",
              "regional_stability"),
          // ¶3 personal relationships, mutual trust, consultations with Abe's widow.
          Set.of("personal_diplomacy"),
          // ¶4 Japan as top foreign investor; jobs in Kentucky.
          Set.of("investment_jobs"),
          // ¶5 defence spending to 2% of GDP; joint exercises, mutual defence, NATO allies; Taiwan
          // and
          // North Korea; "evolving threat landscape in the Asia-Pacific".
          Set.of(
              "defence_spending",
              "alliance_security",
              "china_taiwan",
              "north_korea",
              "regional_stability"),
          // ¶6 escalation and tensions with neighbours (China, North Korea); regional stability;
          // defence and joint exercises.
          Set.of("regional_stability", "china_taiwan", "north_korea", "alliance_security"),
          // ¶7 AI and semiconductor supply chains.
          Set.of("ai_semiconductors"),
          // ¶8 alliances and security concerns in U.S.-Japan relations.
          Set.of("alliance_security"));

  @Test
  void seedParagraphsCarryTheThemesAReaderWouldGive() throws IOException {
    String file = Files.readString(Path.of("data/coverage/op-ed-seed.txt"));
    String body = file.substring(file.indexOf("\n---\n") + 5).strip();
    List<String> paragraphs = List.of(body.split("\\n\\s*\\n"));
    assertEquals(8, paragraphs.size());
    SentenceAnnotator annotator = NlpFixtures.annotator();
    List<Set<String>> found = new ArrayList<>();
    int expectedTotal = 0;
    int hit = 0;
    StringBuilder report = new StringBuilder();
    for (int p = 0; p < paragraphs.size(); p++) {
      Row article = RowFactory.create("seed", "s", "Op-Ed (seed)", null, "en", paragraphs.get(p));
      Set<String> themes = new TreeSet<>();
      annotator
          .annotatePartition(List.of(article).iterator())
          .forEachRemaining(
              r -> {
                for (Object t : r.getList(THEMES_AT)) {
                  if (!ThemeIds.isFrame((String) t)) {
                    themes.add((String) t);
                  }
                }
              });
      found.add(themes);
      Set<String> exp = EXPECTED.get(p);
      expectedTotal += exp.size();
      hit += (int) exp.stream().filter(themes::contains).count();
      report
          .append("¶")
          .append(p + 1)
          .append(" expected ")
          .append(new TreeSet<>(exp))
          .append(" found ")
          .append(themes)
          .append('\n');
    }
    System.out.println(report);
    System.out.printf("seed theme recall: %d/%d%n", hit, expectedTotal);
    for (int p = 0; p < paragraphs.size(); p++) {
      assertEquals(
          new TreeSet<>(EXPECTED.get(p)), found.get(p), "paragraph " + (p + 1) + "\n" + report);
    }
  }

  @Test
  void phrasesMatchOnStemsAsDocumented() {
    SentenceAnnotator annotator = NlpFixtures.annotator();
    Map<String, String> cases =
        Map.of(
            "Semiconductors matter.", "ai_semiconductors",
            "Japan raised defence spending again.", "defence_spending",
            "Tokyo will increase spending on defense.", "defence_spending",
            "The defense investments were large.", "defence_spending");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Row article = RowFactory.create("a", "s", "src", null, "en", c.getKey());
      List<String> themes = new ArrayList<>();
      annotator
          .annotatePartition(List.of(article).iterator())
          .forEachRemaining(r -> r.getList(THEMES_AT).forEach(t -> themes.add((String) t)));
      assertEquals(true, themes.contains(c.getValue()), c.getKey() + " → " + themes);
      if (c.getKey().contains("investments")) {
        assertEquals(
            false,
            themes.contains("investment_jobs"),
            "a phrase inside a longer match of another story theme does not count: " + themes);
      }
    }
  }
}
