package dev.parallax.compare;

import static dev.parallax.warehouse.schema.StanceDifferenceColumns.ARTICLES_A;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.ARTICLES_B;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.LANGUAGE_A;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.LANGUAGE_B;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.P_VALUE;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.Q_VALUE;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.SENTENCES_A;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.SENTENCES_B;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.SIGNIFICANT;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.SOURCE_A;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.SOURCE_B;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.STORY;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.THEME;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.TONED_SENTENCES_A;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.TONED_SENTENCES_B;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dev.parallax.warehouse.schema.StanceBySourceColumns;
import dev.parallax.warehouse.schema.StanceDifferenceColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The {@code stance_difference} table: does source A speak of a theme more warmly than source B?
 *
 * <p>Grain: story × theme (including {@value ThemeIds#ALL}) × ordered pair {@code source_a <
 * source_b}, for pairs where both sources have at least one toned sentence on the theme: a source
 * whose language has no tone lexicon takes part in no pair (a row of nulls would only crowd the
 * table and its readers' counts; stance_by_source still lists it, with its sentence count). Every
 * statistic rests on the toned sentences only. Columns:
 *
 * <ul>
 *   <li>{@code language_a/_b}: the sources' languages ({@link StanceGroups#languages});
 *   <li>{@code sentences_a/_b} (with or without a tone), {@code toned_sentences_a/_b}, {@code
 *       articles_a/_b}, {@code tone_mean_a/_b} (mean tone of the toned sentences), {@code tone_diff
 *       = tone_mean_a − tone_mean_b}, in tone units (range [−2, 2]);
 *   <li>{@code ci_low}, {@code ci_high}: percentile bootstrap interval of the difference at {@code
 *       compare.confidence}, the two sources resampled independently: replicate r of the difference
 *       is replicate r of source a's mean minus replicate r of source b's, each drawn once per
 *       group ({@link StanceGroups#fromSentences}) and shared by all pairs of that group;
 *   <li>{@code p_value}: two-sided permutation test of equal means. {@code p_method} =
 *       "monte_carlo": {@code compare.permutations} random relabellings (smallest value {@code
 *       1/(permutations+1)}); "asymptotic", when both sides have at least {@code
 *       compare.asymptotic_min_units} resampling units: the normal approximation of the permutation
 *       distribution ({@link Statistics#asymptoticPermutationPValue}), which is accurate at such
 *       sizes and has no Monte Carlo floor;
 *   <li>{@code q_value}: Benjamini–Hochberg adjusted p over all rows of the story (every theme and
 *       pair); {@code significant}: {@code q_value < 0.05}, false when q is null;
 *   <li>{@code resampling} = "article" when both sources have at least {@code
 *       compare.min_articles_for_cluster} articles on the theme — the bootstrap and the
 *       permutations then move whole articles and the means are pooled sentence means — else
 *       "sentence";
 *   <li>two effect sizes, both on sentence tones (not clustered): {@code effect_size} is Cohen's d
 *       (difference in pooled standard deviations, unbounded; null with fewer than 2 sentences a
 *       side or no variance) and {@code cliffs_delta} is Cliff's delta (P(a &gt; b) − P(a &lt; b),
 *       in [−1, 1], robust to skew and outliers);
 *   <li>{@code small_sample}: either side has fewer than {@code compare.min_sentences} toned
 *       sentences.
 * </ul>
 *
 * The Monte Carlo permutation test of a row is seeded with {@code Seeds.of(compare.seed, story,
 * theme, source_a, source_b)}; a group's replicates with its stance_by_source seed, or, when the
 * pair must resample sentences but the group alone would resample articles, with {@code
 * Seeds.of(compare.seed, story, source, theme, "sentence")}.
 */
public final class StanceDifference {
  private StanceDifference() {}

  /** {@code p_method} of a Monte Carlo permutation p-value. */
  static final String MONTE_CARLO = "monte_carlo";

  /** {@code p_method} of an asymptotic permutation p-value. */
  static final String ASYMPTOTIC = "asymptotic";

  /** The table from rows of the sentences table. */
  public static Dataset<Row> compute(Dataset<Row> sentences, CompareParams params) {
    return fromSamples(StanceGroups.fromSentences(sentences, params), params);
  }

  /** One side of a pair: the columns of its group that {@link Test} reads. */
  private record SideColumns(String values, String sizes, String unit, String boot) {
    SideColumns(String suffix) {
      this("values" + suffix, "sizes" + suffix, "unit" + suffix, "boot" + suffix);
    }

    List<String> names() {
      return List.of(values, sizes, unit, boot);
    }
  }

  private static final SideColumns SIDE_A = new SideColumns("_a");
  private static final SideColumns SIDE_B = new SideColumns("_b");

  /** Columns of a pair of groups, in the order {@link Test} reads them. */
  static final List<String> PAIR =
      java.util.stream.Stream.of(
              List.of(
                  STORY,
                  THEME,
                  SOURCE_A,
                  SOURCE_B,
                  LANGUAGE_A,
                  LANGUAGE_B,
                  SENTENCES_A,
                  SENTENCES_B,
                  TONED_SENTENCES_A,
                  TONED_SENTENCES_B,
                  ARTICLES_A,
                  ARTICLES_B),
              SIDE_A.names(),
              SIDE_B.names())
          .flatMap(List::stream)
          .toList();

  /**
   * The table ({@link StanceDifferenceColumns#SCHEMA}) from the output of {@link
   * StanceGroups#fromSentences}.
   */
  public static Dataset<Row> fromSamples(Dataset<Row> samples, CompareParams params) {
    // a group without a toned sentence has no tone to compare: it takes part in no pair
    Dataset<Row> g =
        samples
            .where(col(StanceBySourceColumns.TONED_SENTENCES).gt(0))
            .select(
                StanceBySourceColumns.STORY,
                StanceBySourceColumns.THEME,
                StanceBySourceColumns.SOURCE,
                StanceBySourceColumns.LANGUAGE,
                StanceBySourceColumns.SENTENCES,
                StanceBySourceColumns.TONED_SENTENCES,
                StanceBySourceColumns.ARTICLES,
                StanceGroups.TONE_VALUES,
                StanceGroups.CLUSTER_SIZES,
                StanceBySourceColumns.RESAMPLING,
                StanceGroups.REPLICATES);
    Dataset<Row> a =
        g.toDF(
            STORY,
            THEME,
            SOURCE_A,
            LANGUAGE_A,
            SENTENCES_A,
            TONED_SENTENCES_A,
            ARTICLES_A,
            SIDE_A.values(),
            SIDE_A.sizes(),
            SIDE_A.unit(),
            SIDE_A.boot());
    Dataset<Row> b =
        g.toDF(
            "story_b",
            "theme_b",
            SOURCE_B,
            LANGUAGE_B,
            SENTENCES_B,
            TONED_SENTENCES_B,
            ARTICLES_B,
            SIDE_B.values(),
            SIDE_B.sizes(),
            SIDE_B.unit(),
            SIDE_B.boot());
    Dataset<Row> pairs =
        a.join(
                b,
                col(STORY)
                    .equalTo(col("story_b"))
                    .and(col(THEME).equalTo(col("theme_b")))
                    .and(col(SOURCE_A).lt(col(SOURCE_B))))
            .select(PAIR.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    Dataset<Row> tested = pairs.map(new Test(params), Encoders.row(StanceDifferenceColumns.SCHEMA));
    return withQValues(tested, CompareParams.FDR)
        .select(
            Arrays.stream(StanceDifferenceColumns.SCHEMA.fieldNames())
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
  }

  /**
   * Adds {@code q_value}, the Benjamini–Hochberg adjustment of {@code p_value} within each story,
   * and {@code significant = q_value < fdr} (false when q is null). With the story's m non-null
   * p-values ranked ascending, {@code q(i) = min over ranks j ≥ i of min(1, m·p(j)/j)}; null
   * p-values stay null and do not count towards m. Equal p-values get equal q whatever their
   * (deterministic) tie order.
   */
  static Dataset<Row> withQValues(Dataset<Row> rows, double fdr) {
    Column p = col(P_VALUE);
    WindowSpec story = Window.partitionBy(STORY);
    WindowSpec byP = story.orderBy(p.asc_nulls_last(), col(THEME), col(SOURCE_A), col(SOURCE_B));
    WindowSpec fromTop =
        story
            .orderBy(col("_rank").desc())
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    return rows.withColumn("_rank", row_number().over(byP))
        .withColumn("_m", count(p).over(story))
        .withColumn(
            "_raw",
            when(p.isNotNull(), least(lit(1.0), col("_m").multiply(p).divide(col("_rank")))))
        .withColumn(Q_VALUE, when(p.isNotNull(), min(col("_raw")).over(fromTop)))
        .withColumn(SIGNIFICANT, when(col(Q_VALUE).lt(fdr), true).otherwise(false))
        .drop("_rank", "_m", "_raw");
  }

  /**
   * Values of one side's group kept between pairs: a task sees each group in up to (sources − 1)
   * pairs, so its tones are converted, sorted (for Cliff's delta) and its replicates read once.
   * Least recently used groups are dropped once the cache holds more than {@link #CACHED_VALUES}
   * values.
   */
  // A hot-path cache value, never compared or hashed; its arrays are read only.
  @SuppressWarnings("ArrayRecordComponent")
  private record Side(ToneSample sample, double[] sorted, double[] replicates, String unit) {
    int size() {
      return 2 * sample.values.length + replicates.length;
    }
  }

  /** Doubles a task's {@link Side} cache may hold (about 8 MB). */
  static final int CACHED_VALUES = 1 << 20;

  /**
   * One pair of groups (columns {@link #PAIR}) to one row, q_value and significant left for {@link
   * #withQValues}; the permutation test runs here.
   */
  private static final class Test implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final int STORY_AT = PAIR.indexOf(STORY);
    private static final int THEME_AT = PAIR.indexOf(THEME);
    private static final int SOURCE_A_AT = PAIR.indexOf(SOURCE_A);
    private static final int SOURCE_B_AT = PAIR.indexOf(SOURCE_B);
    private static final int LANGUAGE_A_AT = PAIR.indexOf(LANGUAGE_A);
    private static final int LANGUAGE_B_AT = PAIR.indexOf(LANGUAGE_B);
    private static final int TONED_A_AT = PAIR.indexOf(TONED_SENTENCES_A);
    private static final int TONED_B_AT = PAIR.indexOf(TONED_SENTENCES_B);
    private static final int SENTENCES_A_AT = PAIR.indexOf(SENTENCES_A);
    private static final int SENTENCES_B_AT = PAIR.indexOf(SENTENCES_B);
    private static final int ARTICLES_A_AT = PAIR.indexOf(ARTICLES_A);
    private static final int ARTICLES_B_AT = PAIR.indexOf(ARTICLES_B);
    private static final SidePositions A = new SidePositions(SIDE_A);
    private static final SidePositions B = new SidePositions(SIDE_B);
    private final CompareParams p;
    private transient Map<String, Side> sides;
    private transient long held;

    Test(CompareParams p) {
      this.p = p;
    }

    @Override
    public Row call(Row r) {
      String story = r.getString(STORY_AT);
      String theme = r.getString(THEME_AT);
      String sourceA = r.getString(SOURCE_A_AT);
      String sourceB = r.getString(SOURCE_B_AT);
      long nA = r.getLong(SENTENCES_A_AT);
      long nB = r.getLong(SENTENCES_B_AT);
      long tonedA = r.getLong(TONED_A_AT);
      long tonedB = r.getLong(TONED_B_AT);
      long articlesA = r.getLong(ARTICLES_A_AT);
      long articlesB = r.getLong(ARTICLES_B_AT);
      Side sideA = side(r, A, story, theme, sourceA);
      Side sideB = side(r, B, story, theme, sourceB);
      ToneSample a = sideA.sample();
      ToneSample b = sideB.sample();
      boolean byArticle =
          StanceGroups.BY_ARTICLE.equals(sideA.unit())
              && StanceGroups.BY_ARTICLE.equals(sideB.unit());
      String unit = byArticle ? StanceGroups.BY_ARTICLE : StanceGroups.BY_SENTENCE;
      double[] ci =
          Statistics.percentileDiffInterval(
              replicates(sideA, unit, story, sourceA, theme),
              replicates(sideB, unit, story, sourceB, theme),
              p.confidence());
      int unitsA = byArticle ? a.articles() : a.sentences();
      int unitsB = byArticle ? b.articles() : b.sentences();
      boolean asymptotic = Math.min(unitsA, unitsB) >= p.asymptoticMinUnits();
      double pValue;
      if (asymptotic) {
        pValue =
            byArticle
                ? Statistics.asymptoticPermutationPValueClustered(a.clusters, b.clusters)
                : Statistics.asymptoticPermutationPValue(a.values, b.values);
      } else {
        long seed = Seeds.of(p.seed(), story, theme, sourceA, sourceB);
        pValue =
            byArticle
                ? Statistics.permutationPValueClustered(
                    a.clusters, b.clusters, p.permutations(), seed)
                : Statistics.permutationPValue(a.values, b.values, p.permutations(), seed);
      }
      double meanA = a.mean();
      double meanB = b.mean();
      return StanceDifferenceColumns.row()
          .story(story)
          .theme(theme)
          .sourceA(sourceA)
          .sourceB(sourceB)
          .languageA(r.getString(LANGUAGE_A_AT))
          .languageB(r.getString(LANGUAGE_B_AT))
          .sentencesA(nA)
          .sentencesB(nB)
          .tonedSentencesA(tonedA)
          .tonedSentencesB(tonedB)
          .articlesA(articlesA)
          .articlesB(articlesB)
          .toneMeanA(Columns.finiteOrNull(meanA))
          .toneMeanB(Columns.finiteOrNull(meanB))
          .toneDiff(Columns.finiteOrNull(meanA - meanB))
          .ciLow(Columns.finiteOrNull(ci[0]))
          .ciHigh(Columns.finiteOrNull(ci[1]))
          .pValue(Columns.finiteOrNull(pValue))
          .effectSize(Columns.finiteOrNull(Statistics.cohensD(a.values, b.values)))
          .cliffsDelta(
              Columns.finiteOrNull(Statistics.cliffsDeltaOfSorted(sideA.sorted(), sideB.sorted())))
          .resampling(unit)
          .pMethod(asymptotic ? ASYMPTOTIC : MONTE_CARLO)
          .smallSample(tonedA < p.minSentences() || tonedB < p.minSentences())
          .significant(false) // with q_value, by withQValues
          .build();
    }

    /** Positions in a {@link #PAIR} row of one side's columns. */
    private record SidePositions(int values, int sizes, int unit, int boot) {
      SidePositions(SideColumns c) {
        this(
            PAIR.indexOf(c.values()),
            PAIR.indexOf(c.sizes()),
            PAIR.indexOf(c.unit()),
            PAIR.indexOf(c.boot()));
      }
    }

    /** The side whose columns are at {@code at}. */
    private Side side(Row r, SidePositions at, String story, String theme, String source) {
      if (sides == null) {
        sides = new LinkedHashMap<>(64, 0.75f, true);
      }
      String key = story + '\u0000' + theme + '\u0000' + source;
      Side side = sides.get(key);
      if (side == null) {
        List<Double> values = r.getList(at.values());
        List<Integer> sizes = r.getList(at.sizes());
        List<Double> boot = r.getList(at.boot());
        ToneSample sample =
            ToneSample.of(
                values.stream().mapToDouble(Double::doubleValue).toArray(),
                sizes.stream().mapToInt(Integer::intValue).toArray());
        double[] sorted = sample.values.clone();
        Arrays.sort(sorted);
        side =
            new Side(
                sample,
                sorted,
                boot.stream().mapToDouble(Double::doubleValue).toArray(),
                r.getString(at.unit()));
        sides.put(key, side);
        held += side.size();
        Iterator<Side> eldest = sides.values().iterator();
        while (held > CACHED_VALUES && sides.size() > 2) {
          held -= eldest.next().size();
          eldest.remove();
        }
      }
      return side;
    }

    /**
     * The side's bootstrap replicates in {@code unit}: its own when that is its unit, else drawn
     * here (a group large enough to resample by article, paired with one that is not).
     */
    private double[] replicates(Side s, String unit, String story, String source, String theme) {
      if (unit.equals(s.unit())) {
        return s.replicates();
      }
      return StanceGroups.replicates(
          p, s.sample(), unit, StanceGroups.otherUnitSeed(p, story, source, theme, unit));
    }
  }
}
