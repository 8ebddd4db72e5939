package dev.parallax.compare;

import static dev.parallax.compare.CompareFixtures.one;
import static dev.parallax.compare.CompareFixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.warehouse.schema.StanceDifferenceColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Story s1: A warm (8 sentences, 4 articles), B cold (8 sentences, 2 articles), C (2 sentences, no
 * t1). Expected statistics come from direct calls to {@link Statistics} on hand-sorted arrays with
 * an independently derived seed; means by hand.
 */
class StanceDifferenceTest {
  static final double EPS = 1e-12;
  static final long SEED = 11;
  static final int REPS = 400;
  static final int PERMS = 999;
  static final String[] KEY = {"story", "theme", "source_a", "source_b"};

  static final double[] A = {0.8, 0.7, 0.9, 0.6, 0.75, 0.85, 0.65, 0.7};
  static final double[] B = {-0.8, -0.6, -0.7, -0.9, -0.5, -0.75, -0.65, -0.7};

  static List<CompareFixtures.S> sentences() {
    List<CompareFixtures.S> out = new ArrayList<>();
    for (int i = 0; i < A.length; i++) {
      out.add(
          s("s1", "A", "a" + (i / 2))
              .tone(A[i])
              .themes(i < 3 ? new String[] {"t1"} : new String[0]));
      out.add(
          s("s1", "B", "b" + (i / 4))
              .tone(B[i])
              .themes(i < 4 ? new String[] {"t1"} : new String[0]));
    }
    out.add(s("s1", "C", "c0").tone(0.1));
    out.add(s("s1", "C", "c0").tone(-0.3));
    return out;
  }

  static CompareParams params(int minArticles) {
    return params(minArticles, 50);
  }

  static CompareParams params(int minArticles, int asymptoticMinUnits) {
    return new CompareParams(
        SEED, REPS, PERMS, asymptoticMinUnits, 0.95, 5, minArticles, 30, 1000, 1);
  }

  static List<Row> rows(int minArticles) {
    return rows(minArticles, 50);
  }

  static List<Row> rows(int minArticles, int asymptoticMinUnits) {
    return StanceDifference.compute(
            CompareFixtures.frame(sentences()), params(minArticles, asymptoticMinUnits))
        .collectAsList();
  }

  static double[] sorted(double[] x, int from, int to) {
    double[] c = java.util.Arrays.copyOfRange(x, from, to);
    java.util.Arrays.sort(c);
    return c;
  }

  @Test
  void pairsAreOrderedAsSparkOrdersStringsAndOnePairPerStoryAndTheme() {
    // U+FF21 against U+1D400 (a surrogate pair): Java's compareTo puts the second first, Spark's
    // byte-wise UTF-8 order the first; source_a < source_b is Spark's order
    String full = "\uFF21";
    String math = "\uD835\uDC00";
    assertTrue(
        TestSpark.get()
            .sql("SELECT '" + full + "' < '" + math + "'")
            .collectAsList()
            .get(0)
            .getBoolean(0));
    assertTrue(math.compareTo(full) < 0);
    List<CompareFixtures.S> in = new ArrayList<>();
    for (String source : new String[] {math, full, "B"}) {
      for (int i = 0; i < 4; i++) {
        in.add(s("s1", source, source + i).tone(0.1 * i).themes("t1"));
        in.add(s("s2", source, source + "x" + i).tone(-0.1 * i));
      }
    }
    List<Row> rows =
        StanceDifference.compute(CompareFixtures.frame(in).repartition(3), params(2))
            .collectAsList();
    java.util.Set<String> pairs = new java.util.TreeSet<>();
    for (Row r : rows) {
      pairs.add(
          r.getAs("story")
              + "|"
              + r.getAs("theme")
              + "|"
              + r.getAs("source_a")
              + "<"
              + r.getAs("source_b"));
    }
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (String st : new String[] {"s1|_all", "s1|t1", "s2|_all"}) {
      expected.add(st + "|B<" + full);
      expected.add(st + "|B<" + math);
      expected.add(st + "|" + full + "<" + math);
    }
    assertEquals(expected, pairs);
    assertEquals(9, rows.size());
  }

  @Test
  void outputSchemaIsTheContractsExactly() {
    assertEquals(
        StanceDifferenceColumns.SCHEMA,
        StanceDifference.compute(CompareFixtures.frame(sentences()), params(2)).schema());
  }

  @Test
  void orderedPairsOfSourcesSharingTheTheme() {
    List<Row> rows = rows(100);
    // _all: (A,B), (A,C), (B,C); t1: (A,B) only, C never mentions t1
    assertEquals(4, rows.size());
    one(rows, KEY, "s1", "_all", "A", "C");
    one(rows, KEY, "s1", "t1", "A", "B");
    for (Row r : rows) {
      assertTrue(r.<String>getAs("source_a").compareTo(r.getAs("source_b")) < 0);
    }
  }

  @Test
  void sentenceLevelStatisticsEqualDirectCalls() throws Exception {
    Row r = one(rows(100), KEY, "s1", "_all", "A", "B");
    assertEquals("sentence", r.getAs("resampling"));
    assertEquals(8L, (long) r.getAs("sentences_a"));
    assertEquals(4L, (long) r.getAs("articles_a"));
    assertEquals(2L, (long) r.getAs("articles_b"));
    // sum A = 5.95, sum B = -5.6
    assertEquals(5.95 / 8, r.<Double>getAs("tone_mean_a"), EPS);
    assertEquals(-5.6 / 8, r.<Double>getAs("tone_mean_b"), EPS);
    assertEquals(5.95 / 8 + 5.6 / 8, r.<Double>getAs("tone_diff"), EPS);
    // canonical order: by article id, then tone
    double[] a = new double[8];
    double[] b = new double[8];
    for (int k = 0; k < 4; k++) {
      System.arraycopy(sorted(A, 2 * k, 2 * k + 2), 0, a, 2 * k, 2);
    }
    System.arraycopy(sorted(B, 0, 4), 0, b, 0, 4);
    System.arraycopy(sorted(B, 4, 8), 0, b, 4, 4);
    long seed = CompareFixtures.seed(SEED, "s1|_all|A|B");
    // each group's replicates carry the group's stance_by_source seed
    double[] ci =
        Statistics.percentileDiffInterval(
            Statistics.bootstrapMeans(a, REPS, CompareFixtures.seed(SEED, "s1|A|_all")),
            Statistics.bootstrapMeans(b, REPS, CompareFixtures.seed(SEED, "s1|B|_all")),
            0.95);
    assertEquals(ci[0], r.<Double>getAs("ci_low"), 0);
    assertEquals(ci[1], r.<Double>getAs("ci_high"), 0);
    assertEquals("monte_carlo", r.getAs("p_method"));
    assertEquals(Statistics.permutationPValue(a, b, PERMS, seed), r.<Double>getAs("p_value"), 0);
    // every A above every B: the smallest attainable p, delta 1
    assertEquals(1.0 / (PERMS + 1), r.<Double>getAs("p_value"), EPS);
    assertEquals(1.0, r.<Double>getAs("cliffs_delta"), 0);
    assertEquals(Statistics.cohensD(A, B), r.<Double>getAs("effect_size"), 1e-9);
    assertFalse(r.<Boolean>getAs("small_sample"));
    assertTrue(r.<Boolean>getAs("significant"));
  }

  @Test
  void clusteredWhenBothSourcesHaveEnoughArticles() throws Exception {
    // A has 4 articles, B 2, C 1: with a threshold of 2 only A-B is clustered
    List<Row> rows = rows(2);
    Row ab = one(rows, KEY, "s1", "_all", "A", "B");
    assertEquals("article", ab.getAs("resampling"));
    assertEquals("sentence", one(rows, KEY, "s1", "_all", "A", "C").getAs("resampling"));
    double[][] a = new double[4][];
    for (int k = 0; k < 4; k++) {
      a[k] = sorted(A, 2 * k, 2 * k + 2);
    }
    double[][] b = {sorted(B, 0, 4), sorted(B, 4, 8)};
    long seed = CompareFixtures.seed(SEED, "s1|_all|A|B");
    double[] ci =
        Statistics.percentileDiffInterval(
            Statistics.bootstrapMeansClustered(a, REPS, CompareFixtures.seed(SEED, "s1|A|_all")),
            Statistics.bootstrapMeansClustered(b, REPS, CompareFixtures.seed(SEED, "s1|B|_all")),
            0.95);
    assertEquals(ci[0], ab.<Double>getAs("ci_low"), 0);
    assertEquals(ci[1], ab.<Double>getAs("ci_high"), 0);
    assertEquals(
        Statistics.permutationPValueClustered(a, b, PERMS, seed), ab.<Double>getAs("p_value"), 0);
    // A-C: C has one article, so both sides resample sentences, and A (an article-resampling
    // group on its own) draws sentence replicates with the seed of that unit
    Row ac = one(rows, KEY, "s1", "_all", "A", "C");
    double[] flatA = new double[8];
    for (int k = 0; k < 4; k++) {
      System.arraycopy(a[k], 0, flatA, 2 * k, 2);
    }
    double[] ciAc =
        Statistics.percentileDiffInterval(
            Statistics.bootstrapMeans(
                flatA, REPS, CompareFixtures.seed(SEED, "s1|A|_all|sentence")),
            Statistics.bootstrapMeans(
                new double[] {-0.3, 0.1}, REPS, CompareFixtures.seed(SEED, "s1|C|_all")),
            0.95);
    assertEquals(ciAc[0], ac.<Double>getAs("ci_low"), 0);
    assertEquals(ciAc[1], ac.<Double>getAs("ci_high"), 0);
    // t1: A has 2 articles (a0 x2, a1 x1), B 1 article: sentence resampling
    assertEquals("sentence", one(rows, KEY, "s1", "t1", "A", "B").getAs("resampling"));
  }

  @Test
  void asymptoticPValuesWhenBothSidesHaveEnoughUnits() {
    // with the threshold at 8 units, A-B on _all (8 sentences each) is asymptotic, A-C is not
    List<Row> rows = rows(100, 8);
    Row ab = one(rows, KEY, "s1", "_all", "A", "B");
    assertEquals("asymptotic", ab.getAs("p_method"));
    assertEquals(Statistics.asymptoticPermutationPValue(A, B), ab.<Double>getAs("p_value"), 1e-15);
    assertEquals("monte_carlo", one(rows, KEY, "s1", "_all", "A", "C").getAs("p_method"));
  }

  @Test
  void qValuesAreBenjaminiHochbergOverTheStory() {
    List<Row> rows = rows(100);
    double[] p = rows.stream().mapToDouble(r -> r.<Double>getAs("p_value")).toArray();
    double[] q = BenjaminiHochberg.adjust(p);
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      assertEquals(q[i], r.<Double>getAs("q_value"), 1e-15, r.toString());
      assertTrue(r.<Double>getAs("q_value") >= r.<Double>getAs("p_value"));
      assertEquals(q[i] < 0.05, r.<Boolean>getAs("significant"));
      double d = r.getAs("tone_diff");
      assertTrue(r.<Double>getAs("ci_low") <= d && d <= r.<Double>getAs("ci_high"), r.toString());
    }
    // C has 2 sentences < 5
    assertTrue(one(rows, KEY, "s1", "_all", "B", "C").<Boolean>getAs("small_sample"));
  }

  @Test
  void windowBhMatchesReferenceWithTiesNullsAndStories() {
    StructType schema =
        new StructType()
            .add("story", DataTypes.StringType)
            .add("theme", DataTypes.StringType)
            .add("voice", DataTypes.StringType)
            .add("source_a", DataTypes.StringType)
            .add("source_b", DataTypes.StringType)
            .add("p_value", DataTypes.DoubleType);
    double[][] pByStory = {
      {0.01, 0.04, 0.03, 0.2},
      {0.5, 0.001, 0.001, Double.NaN, 0.02, 0.02, 1.0, 0.049, 0.3}
    };
    List<Row> in = new ArrayList<>();
    for (int s = 0; s < pByStory.length; s++) {
      for (int i = 0; i < pByStory[s].length; i++) {
        double v = pByStory[s][i];
        in.add(RowFactory.create("s" + s, "t", "all", "a" + i, "b", Double.isNaN(v) ? null : v));
        // the authorial voice is a family of its own: its rows (p halved) must not change the
        // q-values of voice "all", nor be adjusted together with them
        in.add(
            RowFactory.create(
                "s" + s, "t", "authorial", "a" + i, "b", Double.isNaN(v) ? null : v / 2));
      }
    }
    Dataset<Row> df = TestSpark.get().createDataFrame(in, schema);
    List<Row> all = StanceDifference.withQValues(df, 0.05).collectAsList();
    List<Row> out = all.stream().filter(r -> "all".equals(r.getAs("voice"))).toList();
    List<Row> authorial = all.stream().filter(r -> "authorial".equals(r.getAs("voice"))).toList();
    for (int s = 0; s < pByStory.length; s++) {
      double[] halved = Arrays.stream(pByStory[s]).map(v -> v / 2).toArray();
      double[] q = BenjaminiHochberg.adjust(halved);
      for (int i = 0; i < q.length; i++) {
        Row r = one(authorial, new String[] {"story", "source_a"}, "s" + s, "a" + i);
        if (Double.isNaN(q[i])) {
          assertNull(r.getAs("q_value"));
        } else {
          assertEquals(q[i], r.<Double>getAs("q_value"), 1e-15);
        }
      }
    }
    for (int s = 0; s < pByStory.length; s++) {
      double[] q = BenjaminiHochberg.adjust(pByStory[s]);
      for (int i = 0; i < q.length; i++) {
        Row r = one(out, new String[] {"story", "source_a"}, "s" + s, "a" + i);
        if (Double.isNaN(q[i])) {
          assertNull(r.getAs("q_value"));
          assertFalse(r.<Boolean>getAs("significant"));
        } else {
          assertEquals(q[i], r.<Double>getAs("q_value"), 1e-15);
        }
      }
    }
    // by hand, story 0: sorted 0.01, 0.03, 0.04, 0.2; m p / rank = 0.04, 0.06, 0.0533.., 0.2;
    // running minimum from the top: 0.2, 0.0533.., 0.0533.., 0.04
    assertEquals(
        0.04,
        one(out, new String[] {"story", "source_a"}, "s0", "a0").<Double>getAs("q_value"),
        1e-15);
    assertEquals(
        0.16 / 3,
        one(out, new String[] {"story", "source_a"}, "s0", "a2").<Double>getAs("q_value"),
        1e-15);
    assertEquals(
        0.16 / 3,
        one(out, new String[] {"story", "source_a"}, "s0", "a1").<Double>getAs("q_value"),
        1e-15);
    assertEquals(
        0.2,
        one(out, new String[] {"story", "source_a"}, "s0", "a3").<Double>getAs("q_value"),
        1e-15);
    assertTrue(
        one(out, new String[] {"story", "source_a"}, "s0", "a0").<Boolean>getAs("significant"));
    assertFalse(
        one(out, new String[] {"story", "source_a"}, "s0", "a2").<Boolean>getAs("significant"));
  }

  @Test
  void deterministicWhateverTheInputOrder() {
    assertEquals(
        CompareFixtures.canonical(
            StanceDifference.compute(CompareFixtures.frame(sentences()), params(2))),
        CompareFixtures.canonical(
            StanceDifference.compute(CompareFixtures.shuffled(sentences()), params(2))));
  }
}
