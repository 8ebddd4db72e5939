package dev.parallax.compare;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.warehouse.schema.ThemeIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The stance groups against an independent formulation: Spark's own {@code explode + groupBy +
 * collect_list} (what the groups were computed with before), with the canonical order, cluster
 * sizes and bootstrap replicates worked out here from the collected (article id, tone) pairs.
 */
class StanceGroupsTest {
  static final CompareParams PARAMS = new CompareParams(200, 300, 99, 50, 0.95, 1, 30, 20, 10, 2);

  /** Random sentences: 2 stories, 5 sources, 4 themes, 3–9 sentences per article. */
  static List<CompareFixtures.S> randomSentences(long seed, int articles) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] themes = {"tariffs", "security", "investment", "frame_economy"};
    List<CompareFixtures.S> out = new ArrayList<>();
    for (int a = 0; a < articles; a++) {
      String story = rnd.nextInt(4) == 0 ? "s2" : "s1";
      String source = "Source " + (char) ('A' + rnd.nextInt(5));
      int n = 3 + rnd.nextInt(7);
      for (int i = 0; i < n; i++) {
        List<String> t = new ArrayList<>();
        for (String theme : themes) {
          if (rnd.nextInt(3) == 0) {
            t.add(theme);
          }
        }
        if (!t.isEmpty() && rnd.nextInt(4) == 0) {
          t.add(t.get(0)); // a theme mentioned twice is one membership
        }
        double tone =
            rnd.nextInt(5) == 0 ? 0.0 : Math.round((rnd.nextDouble() * 2 - 1) * 1e4) / 1e4;
        out.add(
            CompareFixtures.s(story, source, String.format("art-%04d", a))
                .themes(t.toArray(new String[0]))
                .tone(tone)
                .nTokens(5 + rnd.nextInt(30))
                .markers(rnd.nextInt(3), rnd.nextInt(2), rnd.nextInt(4), rnd.nextInt(2)));
      }
    }
    return out;
  }

  /** The former Spark-expression grouping, one row per group with the tones collected. */
  static Dataset<Row> reference(Dataset<Row> sentences) {
    return sentences
        .select(
            col("story"),
            col("source"),
            col("article_id"),
            col("tone"),
            col("n_tokens"),
            col("hedges"),
            col("boosters"),
            col("attitude"),
            col("self_mentions"),
            explode(
                    concat(
                        array_distinct(coalesce(col("themes"), Columns.emptyStrings())),
                        array(lit(ThemeIds.ALL))))
                .as("theme"))
        .groupBy("story", "source", "theme")
        .agg(
            count(lit(1)).as("sentences"),
            sum("n_tokens").as("tokens"),
            count(when(col("tone").geq(StanceGroups.POSITIVE), true)).as("positive"),
            count(when(col("tone").leq(-StanceGroups.POSITIVE), true)).as("negative"),
            sum("hedges").as("hedges"),
            sum("boosters").as("boosters"),
            sum("attitude").as("attitude"),
            sum("self_mentions").as("self_mentions"),
            collect_list(struct(col("article_id"), col("tone"))).as("tones"));
  }

  static String key(Row r) {
    return r.getAs("story") + "|" + r.getAs("source") + "|" + r.getAs("theme");
  }

  /** Column {@code name} of a row of {@link StanceGroups#SAMPLES}. */
  static Object sample(Row r, String name) {
    return r.get(StanceGroups.SAMPLES.fieldIndex(name));
  }

  @Test
  void equalToSparksGroupingOverManyPartitions() {
    // reversed and spread over 7 partitions: articles' sentences land in several tasks
    Dataset<Row> sentences = CompareFixtures.frame(randomSentences(42, 400)).repartition(7);
    Map<String, Row> expected = new HashMap<>();
    for (Row r : reference(sentences).collectAsList()) {
      expected.put(key(r), r);
    }
    List<Row> actual = StanceGroups.fromSentences(sentences, PARAMS).collectAsList();
    assertEquals(expected.size(), actual.size());
    assertTrue(expected.size() > 40, "groups: " + expected.size());
    int byArticle = 0;
    for (Row a : actual) {
      Row e =
          expected.get(sample(a, "story") + "|" + sample(a, "source") + "|" + sample(a, "theme"));
      String where = key(e);
      for (String c :
          List.of(
              "sentences",
              "tokens",
              "positive",
              "negative",
              "hedges",
              "boosters",
              "attitude",
              "self_mentions")) {
        assertEquals(e.<Long>getAs(c), (Long) sample(a, c), where + " " + c);
      }
      List<Row> pairs = new ArrayList<>(e.<Row>getList(e.fieldIndex("tones")));
      pairs.sort(
          Comparator.<Row, String>comparing(p -> p.getString(0))
              .thenComparingDouble(p -> p.getDouble(1)));
      double[] values = pairs.stream().mapToDouble(p -> p.getDouble(1)).toArray();
      List<Integer> sizes = new ArrayList<>();
      for (int i = 0; i < pairs.size(); i++) {
        if (i == 0 || !pairs.get(i).getString(0).equals(pairs.get(i - 1).getString(0))) {
          sizes.add(0);
        }
        sizes.set(sizes.size() - 1, sizes.get(sizes.size() - 1) + 1);
      }
      assertEquals((long) sizes.size(), (Long) sample(a, "articles"), where);
      assertArrayEquals(values, StanceGroups.toneSample(a).values, where);
      assertEquals(sizes, a.getList(StanceGroups.SAMPLES.fieldIndex("cluster_sizes")), where);
      boolean clustered = sizes.size() >= PARAMS.minArticlesForCluster();
      byArticle += clustered ? 1 : 0;
      assertEquals(clustered ? "article" : "sentence", sample(a, "resampling"), where);
      long seed = Seeds.of(PARAMS.seed(), e.getAs("story"), e.getAs("source"), e.getAs("theme"));
      double[] boot;
      if (clustered) {
        double[][] clusters = new double[sizes.size()][];
        int start = 0;
        for (int i = 0; i < clusters.length; i++) {
          clusters[i] = java.util.Arrays.copyOfRange(values, start, start + sizes.get(i));
          start += sizes.get(i);
        }
        boot = Statistics.bootstrapMeansClustered(clusters, PARAMS.bootstrapReps(), seed);
      } else {
        boot = Statistics.bootstrapMeans(values, PARAMS.bootstrapReps(), seed);
      }
      assertArrayEquals(boot, StanceGroups.replicates(a), where);
    }
    assertTrue(byArticle > 0 && byArticle < actual.size(), "both units occur: " + byArticle);
  }

  @Test
  void sortedSentencesWithUntonedOnesGiveTheReferencesTonesAndArticles() {
    // as the sentences table comes: ranges of article ids per task, sorted, so a task holds each
    // article's sentences together (one run per article and group); every fifth has no tone
    List<CompareFixtures.S> s = randomSentences(11, 300);
    for (int i = 0; i < s.size(); i += 5) {
      s.get(i).noTone();
    }
    Dataset<Row> sentences =
        CompareFixtures.frame(s)
            .repartitionByRange(3, col("article_id"))
            .sortWithinPartitions(col("article_id"));
    Map<String, Row> expected = new HashMap<>();
    for (Row r : reference(sentences).collectAsList()) {
      expected.put(key(r), r);
    }
    List<Row> actual = StanceGroups.fromSentences(sentences, PARAMS).collectAsList();
    assertEquals(expected.size(), actual.size());
    int partlyToned = 0;
    for (Row a : actual) {
      Row e =
          expected.get(sample(a, "story") + "|" + sample(a, "source") + "|" + sample(a, "theme"));
      String where = key(e);
      List<Row> all = e.<Row>getList(e.fieldIndex("tones"));
      List<Row> toned = new ArrayList<>();
      for (Row p : all) {
        if (!p.isNullAt(1)) {
          toned.add(p);
        }
      }
      partlyToned += toned.size() < all.size() && !toned.isEmpty() ? 1 : 0;
      toned.sort(
          Comparator.<Row, String>comparing(p -> p.getString(0))
              .thenComparingDouble(p -> p.getDouble(1)));
      List<Integer> sizes = new ArrayList<>();
      for (int i = 0; i < toned.size(); i++) {
        if (i == 0 || !toned.get(i).getString(0).equals(toned.get(i - 1).getString(0))) {
          sizes.add(0);
        }
        sizes.set(sizes.size() - 1, sizes.get(sizes.size() - 1) + 1);
      }
      long articles = all.stream().map(p -> p.getString(0)).distinct().count();
      assertEquals(articles, (Long) sample(a, "articles"), where + " articles, toned or not");
      assertEquals((long) toned.size(), (Long) sample(a, "toned_sentences"), where);
      assertArrayEquals(
          toned.stream().mapToDouble(p -> p.getDouble(1)).toArray(),
          StanceGroups.toneSample(a).values,
          where);
      assertEquals(sizes, a.getList(StanceGroups.SAMPLES.fieldIndex("cluster_sizes")), where);
    }
    assertTrue(partlyToned > 10, "groups with toned and untoned sentences: " + partlyToned);
  }

  @Test
  void sameRowsWhateverThePartitioning() {
    List<CompareFixtures.S> s = randomSentences(7, 120);
    List<String> one =
        CompareFixtures.canonical(
            StanceGroups.fromSentences(CompareFixtures.frame(s).coalesce(1), PARAMS));
    List<String> many =
        CompareFixtures.canonical(
            StanceGroups.fromSentences(CompareFixtures.shuffled(s).repartition(11), PARAMS));
    assertEquals(one, many);
  }

  @Test
  void aSentenceWithoutToneCountsButAddsNoToneAndNullMarkersAddNoTokens() {
    // article a-1: tone 0.5 (12 tokens, 2 hedges) and no tone (8 tokens, no markers);
    // article a-2: no tone (5 tokens, 1 hedge)
    Dataset<Row> sentences =
        CompareFixtures.frame(
            CompareFixtures.s("s1", "A", "a-1").tone(0.5).nTokens(12).markers(2, 0, 0, 0),
            CompareFixtures.s("s1", "A", "a-1").noTone().noMarkers().nTokens(8),
            CompareFixtures.s("s1", "A", "a-2").noTone().nTokens(5).markers(1, 0, 0, 0));
    Row all = StanceGroups.fromSentences(sentences, PARAMS).collectAsList().get(0);
    assertEquals(3L, sample(all, "sentences"));
    assertEquals(1L, sample(all, "toned_sentences"));
    assertEquals(2L, sample(all, "articles"), "both articles count, toned or not");
    assertEquals(25L, sample(all, "tokens"));
    assertEquals(3L, sample(all, "hedges"));
    assertEquals(12L + 5L, StanceGroups.markerTokens(all, "hedges"), "not the 8 without markers");
    assertEquals(1L, sample(all, "positive"));
    assertArrayEquals(new double[] {0.5}, StanceGroups.toneSample(all).values);
    assertEquals(List.of(1), all.getList(StanceGroups.SAMPLES.fieldIndex("cluster_sizes")));
    assertEquals("sentence", sample(all, "resampling"), "one toned article");
  }

  @Test
  void aGroupWithoutToneHasNoTonesAndNoReplicates() {
    Dataset<Row> sentences =
        CompareFixtures.frame(
            CompareFixtures.s("s1", "J", "j-1").noTone().noMarkers().language("ja"),
            CompareFixtures.s("s1", "J", "j-2").noTone().noMarkers().language("ja"));
    Row all = StanceGroups.fromSentences(sentences, PARAMS).collectAsList().get(0);
    assertEquals(2L, sample(all, "sentences"));
    assertEquals(0L, sample(all, "toned_sentences"));
    assertEquals(2L, sample(all, "articles"));
    assertEquals("ja", sample(all, "language"));
    assertEquals(0, StanceGroups.toneSample(all).values.length);
    assertEquals(0, StanceGroups.replicates(all).length);
    assertEquals(0L, StanceGroups.markerTokens(all, "boosters"));
  }

  @Test
  void aSourcesLanguageIsItsSentencesLanguagesSortedAndJoined() {
    Dataset<Row> sentences =
        CompareFixtures.frame(
            CompareFixtures.s("s1", "M", "m-1").language("ja").themes("t1"),
            CompareFixtures.s("s1", "M", "m-2").language("en"),
            CompareFixtures.s("s1", "M", "m-3").language("en"),
            CompareFixtures.s("s1", "U", "u-1"));
    Map<String, Object> byGroup = new HashMap<>();
    for (Row r : StanceGroups.fromSentences(sentences, PARAMS).collectAsList()) {
      byGroup.put(sample(r, "source") + "|" + sample(r, "theme"), sample(r, "language"));
    }
    // the t1 group has ja sentences only, but carries the source's language
    assertEquals(
        Map.of("M|_all", "en,ja", "M|t1", "en,ja", "U|_all", "unknown"),
        Map.of(
            "M|_all",
            byGroup.get("M|_all"),
            "M|t1",
            byGroup.get("M|t1"),
            "U|_all",
            byGroup.get("U|_all") == null ? "unknown" : byGroup.get("U|_all")));
    assertEquals(3, byGroup.size());
  }
}
