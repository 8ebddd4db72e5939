package dev.parallax.stories;

import static dev.parallax.stories.StoryFixtures.declared;
import static dev.parallax.stories.StoryFixtures.frame;
import static dev.parallax.stories.StoryFixtures.open;
import static dev.parallax.stories.StoryFixtures.params;
import static dev.parallax.stories.StoryFixtures.seed;
import static dev.parallax.stories.StoryFixtures.story;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.config.StoryDefinition;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.StoriesColumns;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded assignment: on-story articles in (English through words and concepts; Japanese, Chinese
 * and Korean through concepts), off-story out, required terms, the time window, declared stories
 * kept, seeds listed; and the stories table of that run, checked by hand.
 */
class StoryAssignmentTest {
  static final String SEED =
      "Prime Minister Shigeru Ishiba met President Donald Trump at the White House on Friday. The"
          + " two leaders pledged to strengthen the Japan-U.S. alliance, discussed tariffs, and"
          + " Ishiba promised one trillion dollars of Japanese investment in the United States.";
  static final String ON_EN =
      "Ishiba and Trump held their first summit in Washington. Trump praised Japanese investment"
          + " and the alliance, while Ishiba avoided new tariffs on Japanese cars.";
  static final String ON_JA =
      "石破首相は7日、ホワイトハウスでトランプ大統領と初の首脳会談を行い、日米同盟の強化と対米投資の拡大で一致した。関税については協議を続ける。";
  static final String ON_ZH = "日本首相石破茂7日在白宫与美国总统特朗普举行首次会谈，双方同意加强日美同盟，日方承诺扩大对美投资。";
  static final String ON_KO = "이시바 총리는 7일 백악관에서 트럼프 대통령과 첫 정상회담을 갖고 미일 동맹 강화와 대미 투자 확대에 합의했다.";
  static final String OFF_SPORT =
      "Riverside beat Eastvale 2-1 after extra time in the cup final on Sunday. The captain"
          + " scored the winner with a header, and fans celebrated in the streets.";
  static final String OFF_WEATHER = "北海道では大雪が続き、鉄道の運休や道路の通行止めが相次いでいる。気象台はなだれに警戒するよう呼びかけた。";
  static final String NO_ISHIBA =
      "Trump said the Japan-U.S. alliance was strong at the White House, warned Japan about"
          + " tariffs and praised Japanese investment in the United States.";

  static Map<String, Row> byId;
  static List<Row> stories;

  static Map<String, Row> index(Dataset<Row> articles) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : articles.collectAsList()) {
      out.put(r.getString(r.fieldIndex(ArticlesColumns.ARTICLE_ID)), r);
    }
    return out;
  }

  static String storyOf(Row r) {
    return r.getString(r.fieldIndex(ArticlesColumns.STORY));
  }

  static String kind(Row r) {
    return r.getString(r.fieldIndex(ArticlesColumns.STORY_KIND));
  }

  static Double similarity(Row r) {
    int i = r.fieldIndex(ArticlesColumns.STORY_SIMILARITY);
    return r.isNullAt(i) ? null : r.getDouble(i);
  }

  @BeforeAll
  static void assign() {
    StoryDefinition windowed =
        new StoryDefinition(
            "summit",
            List.of("seed.txt"),
            List.of(),
            Instant.parse("2025-02-01T00:00:00Z"),
            Instant.parse("2025-02-15T00:00:00Z"),
            null);
    StoryAssignment.Params p = params(List.of(windowed), false);
    Dataset<Row> articles =
        frame(
            seed("seed1", "summit", SEED),
            open("en1", "Harbour Post", "en", "2025-02-08T03:00:00Z", ON_EN),
            open("ja1", "Sakura Shinbun", "ja", "2025-02-08T03:00:00Z", ON_JA),
            open("zh1", "Jiangnan Ribao", "zh", "2025-02-08T03:00:00Z", ON_ZH),
            open("ko1", "Hanbit Ilbo", "ko", "2025-02-08T03:00:00Z", ON_KO),
            open("late", "Harbour Post", "en", "2025-03-20T03:00:00Z", ON_EN + " Later."),
            open("undated", "Harbour Post", "en", null, ON_EN + " Undated."),
            open("sport", "Northgate Sports", "en", "2025-02-09T20:00:00Z", OFF_SPORT),
            open("snow", "Tsugaru Evening", "ja", "2025-02-06T09:00:00Z", OFF_WEATHER),
            declared("decl", "Harbour Post", "other", ON_EN + " Declared."));
    StoryAssignment.Result r = StoryAssignment.assign(articles, p);
    byId = index(r.articles());
    stories = StoriesTable.of(r.articles(), r, p, 2).collectAsList();
  }

  @Test
  void onStoryArticlesInEveryLanguageJoinTheSeededStory() {
    for (String id : List.of("en1", "ja1", "zh1", "ko1", "undated")) {
      Row a = byId.get(id);
      assertEquals("summit", storyOf(a), id);
      assertEquals("seeded", kind(a), id);
      assertTrue(similarity(a) >= 0.23, id + " similarity " + similarity(a));
    }
  }

  @Test
  void offStoryArticlesAndTheOneOutsideTheWindowDoNot() {
    for (String id : List.of("sport", "snow", "late")) {
      Row a = byId.get(id);
      assertEquals("unassigned", storyOf(a), id);
      assertEquals("unassigned", kind(a), id);
    }
    // Outside the window it is as similar as the on-story article: only the window kept it out.
    assertTrue(similarity(byId.get("late")) >= 0.23);
    assertTrue(similarity(byId.get("sport")) < 0.23);
    assertTrue(similarity(byId.get("snow")) < 0.23);
  }

  @Test
  void aDeclaredStoryIsKeptAndTheSeedStaysASeed() {
    Row d = byId.get("decl");
    assertEquals("other", storyOf(d));
    assertEquals("declared", kind(d));
    assertNull(similarity(d));
    Row s = byId.get("seed1");
    assertEquals("summit", storyOf(s));
    assertEquals("seeded", kind(s));
    assertEquals(1.0, similarity(s));
  }

  @Test
  void requiredTermsKeepOutAnArticleWithoutAnyOfThem() {
    StoryDefinition plain = story("summit");
    StoryDefinition required =
        new StoryDefinition(
            "summit", List.of("seed.txt"), List.of("ISHIBA", "石破", "이시바"), null, null, null);
    Dataset<Row> in =
        frame(
            seed("seed1", "summit", SEED),
            open("noishiba", "Harbour Post", "en", "2025-02-08T03:00:00Z", NO_ISHIBA),
            open("ko1", "Hanbit Ilbo", "ko", "2025-02-08T03:00:00Z", ON_KO));
    Map<String, Row> without =
        index(StoryAssignment.assign(in, params(List.of(plain), false)).articles());
    Map<String, Row> with =
        index(StoryAssignment.assign(in, params(List.of(required), false)).articles());
    assertEquals("summit", storyOf(without.get("noishiba")));
    assertEquals("unassigned", storyOf(with.get("noishiba")));
    // 이시바 is one of the terms: the Korean article still joins.
    assertEquals("summit", storyOf(with.get("ko1")));
  }

  @Test
  void noStoryDefinedAndAutoOffKeepsTheDefaultStoryAsDeclared() {
    Dataset<Row> in =
        frame(
            open("en1", "Harbour Post", "en", "2025-02-08T03:00:00Z", ON_EN),
            declared("decl", "Harbour Post", "other", ON_EN));
    Map<String, Row> out = index(StoryAssignment.assign(in, params(List.of(), false)).articles());
    assertEquals("default", storyOf(out.get("en1")));
    assertEquals("declared", kind(out.get("en1")));
    assertNull(similarity(out.get("en1")));
    assertEquals("other", storyOf(out.get("decl")));
  }

  // ---- the stories table of the seeded run, by hand ----

  static Row storyRow(String id) {
    return stories.stream()
        .filter(r -> r.getString(r.fieldIndex(StoriesColumns.STORY)).equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theStoriesTableListsEachStoryWithItsCountsSeedsAndWhetherItIsCompared() {
    assertEquals(
        List.of("other", "summit", "unassigned"),
        stories.stream().map(r -> r.getString(0)).toList());
    Row summit = storyRow("summit");
    assertEquals("seeded", summit.getString(summit.fieldIndex(StoriesColumns.KIND)));
    // seed1, en1, ja1, zh1, ko1, undated; sources: seed-file, Harbour Post, Sakura Shinbun,
    // Jiangnan Ribao, Hanbit Ilbo.
    assertEquals(6L, summit.getLong(summit.fieldIndex(StoriesColumns.ARTICLES)));
    assertEquals(5L, summit.getLong(summit.fieldIndex(StoriesColumns.SOURCES)));
    assertEquals(
        List.of("en", "ja", "ko", "zh"),
        summit.getList(summit.fieldIndex(StoriesColumns.LANGUAGES)));
    assertEquals(List.of("seed1"), summit.getList(summit.fieldIndex(StoriesColumns.SEEDS)));
    assertEquals(0.23, summit.getDouble(summit.fieldIndex(StoriesColumns.THRESHOLD)));
    assertEquals(
        Instant.parse("2025-02-06T00:00:00Z"),
        summit.getTimestamp(summit.fieldIndex(StoriesColumns.FIRST_PUBLISHED)).toInstant());
    assertEquals(
        Instant.parse("2025-02-08T03:00:00Z"),
        summit.getTimestamp(summit.fieldIndex(StoriesColumns.LAST_PUBLISHED)).toInstant());
    assertTrue(summit.getBoolean(summit.fieldIndex(StoriesColumns.COMPARED)));
    assertTrue(summit.isNullAt(summit.fieldIndex(StoriesColumns.NOT_COMPARED_REASON)));
    String label = summit.getString(summit.fieldIndex(StoriesColumns.LABEL));
    assertTrue(label.contains("ishiba"), label);

    Row other = storyRow("other");
    assertEquals("declared", other.getString(other.fieldIndex(StoriesColumns.KIND)));
    assertTrue(other.isNullAt(other.fieldIndex(StoriesColumns.LABEL)));
    assertTrue(other.isNullAt(other.fieldIndex(StoriesColumns.THRESHOLD)));
    assertTrue(!other.getBoolean(other.fieldIndex(StoriesColumns.COMPARED)));
    assertEquals(
        "1 source, compare.min_sources is 2",
        other.getString(other.fieldIndex(StoriesColumns.NOT_COMPARED_REASON)));

    Row unassigned = storyRow("unassigned");
    assertEquals("unassigned", unassigned.getString(unassigned.fieldIndex(StoriesColumns.KIND)));
    // sport, snow, late
    assertEquals(3L, unassigned.getLong(unassigned.fieldIndex(StoriesColumns.ARTICLES)));
    assertTrue(!unassigned.getBoolean(unassigned.fieldIndex(StoriesColumns.COMPARED)));
    assertArrayEquals(
        new Object[0], unassigned.getList(unassigned.fieldIndex(StoriesColumns.SEEDS)).toArray());
  }

  // ---- the cosine, against a second implementation ----

  @Test
  void fullVectorsGiveTheCosineOfASimpleTfIdfImplementation() {
    String[] texts = {
      "volcano ash closes airport flights cancelled",
      "volcano eruption ash cloud airport closed again",
      "chess final draw in round twelve",
      "chess champion wins final round",
      "airport reopens after ash cloud clears volcano quiet"
    };
    StoryFixtures.A[] as = new StoryFixtures.A[texts.length];
    for (int i = 0; i < texts.length; i++) {
      as[i] = open("t" + i, "S", "en", "2025-02-08T00:00:00Z", texts[i]);
    }
    StoryVectors.Fitted f = StoryVectors.of(frame(as), EntityLexicon.parse("none", ""));
    Map<String, org.apache.spark.ml.linalg.SparseVector> vec = new TreeMap<>();
    for (Row r : f.rows().select(ArticlesColumns.ARTICLE_ID, StoryVectors.VEC).collectAsList()) {
      vec.put(r.getString(0), ((org.apache.spark.ml.linalg.Vector) r.get(1)).toSparse());
    }
    // Second implementation: term counts, idf = ln((n+1)/(df+1)) + 1, weight (1 + ln tf) * idf,
    // L2 norm, dot product over term strings.
    List<Map<String, Double>> docs = new java.util.ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    for (String t : texts) {
      Map<String, Double> tf = new HashMap<>();
      for (String w : t.split(" ", -1)) {
        if (!StoryTokens.STOP.contains(w)) {
          tf.merge(w, 1.0, Double::sum);
        }
      }
      tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
      docs.add(tf);
    }
    List<Map<String, Double>> unit = new java.util.ArrayList<>();
    for (Map<String, Double> tf : docs) {
      Map<String, Double> w = new HashMap<>();
      tf.forEach(
          (term, c) ->
              w.put(
                  term,
                  (1 + Math.log(c)) * (Math.log((texts.length + 1.0) / (df.get(term) + 1.0)) + 1)));
      double norm = Math.sqrt(w.values().stream().mapToDouble(x -> x * x).sum());
      w.replaceAll((k, x) -> x / norm);
      unit.add(w);
    }
    for (int i = 0; i < texts.length; i++) {
      for (int j = 0; j < texts.length; j++) {
        double expected = 0;
        for (Map.Entry<String, Double> e : unit.get(i).entrySet()) {
          expected += e.getValue() * unit.get(j).getOrDefault(e.getKey(), 0.0);
        }
        double actual = StoryVectors.dot(vec.get("t" + i), vec.get("t" + j));
        assertEquals(expected, actual, 1e-9, "cosine of t" + i + " and t" + j);
      }
    }
    assertTrue(StoryVectors.dot(vec.get("t0"), vec.get("t1")) > 0.2);
    assertEquals(0.0, StoryVectors.dot(vec.get("t0"), vec.get("t2")), 1e-12);
  }
}
