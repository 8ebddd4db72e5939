package dev.parallax.compare;

import static dev.parallax.warehouse.schema.StanceDifferenceColumns.P_VALUE;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.Q_VALUE;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.SIGNIFICANT;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.SOURCE_A;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.SOURCE_B;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.STORY;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.THEME;
import static dev.parallax.warehouse.schema.StanceDifferenceColumns.VOICE;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
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
 * <p>Grain: story × theme (including {@value ThemeIds#ALL}) × voice ({@code all}, {@code
 * authorial}; {@link StanceGroups}) × ordered pair {@code source_a < source_b}, for pairs where
 * both sources have at least one toned sentence on the theme: a source whose language has no tone
 * lexicon takes part in no pair (a row of nulls would only crowd the table and its readers' counts;
 * stance_by_source still lists it, with its sentence count). Every statistic rests on the toned
 * sentences only. Columns:
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
 *   <li>{@code q_value}: Benjamini–Hochberg adjusted p over all rows of the story and voice (every
 *       theme and pair: the two voices are separate analyses); {@code significant}: {@code q_value
 *       < 0.05}, false when q is null;
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

  /** Columns of a group that {@link Pairs} reads, in this order. */
  static final List<String> GROUP =
      List.of(
          StanceBySourceColumns.STORY,
          StanceBySourceColumns.THEME,
          StanceBySourceColumns.VOICE,
          StanceBySourceColumns.SOURCE,
          StanceBySourceColumns.LANGUAGE,
          StanceBySourceColumns.SENTENCES,
          StanceBySourceColumns.TONED_SENTENCES,
          StanceBySourceColumns.ARTICLES,
          StanceGroups.TONE_VALUES,
          StanceGroups.CLUSTER_SIZES,
          StanceBySourceColumns.RESAMPLING,
          StanceGroups.REPLICATES);

  private static final int G_STORY = GROUP.indexOf(StanceBySourceColumns.STORY);
  private static final int G_THEME = GROUP.indexOf(StanceBySourceColumns.THEME);
  private static final int G_VOICE = GROUP.indexOf(StanceBySourceColumns.VOICE);
  private static final int G_SOURCE = GROUP.indexOf(StanceBySourceColumns.SOURCE);
  private static final int G_LANGUAGE = GROUP.indexOf(StanceBySourceColumns.LANGUAGE);
  private static final int G_SENTENCES = GROUP.indexOf(StanceBySourceColumns.SENTENCES);
  private static final int G_TONED = GROUP.indexOf(StanceBySourceColumns.TONED_SENTENCES);
  private static final int G_ARTICLES = GROUP.indexOf(StanceBySourceColumns.ARTICLES);
  private static final int G_VALUES = GROUP.indexOf(StanceGroups.TONE_VALUES);
  private static final int G_SIZES = GROUP.indexOf(StanceGroups.CLUSTER_SIZES);
  private static final int G_UNIT = GROUP.indexOf(StanceBySourceColumns.RESAMPLING);
  private static final int G_BOOT = GROUP.indexOf(StanceGroups.REPLICATES);

  /**
   * The table ({@link StanceDifferenceColumns#SCHEMA}) from the output of {@link
   * StanceGroups#fromSentences}.
   */
  public static Dataset<Row> fromSamples(Dataset<Row> samples, CompareParams params) {
    // a group without a toned sentence has no tone to compare: it takes part in no pair
    Dataset<Row> g =
        samples
            .where(col(StanceBySourceColumns.TONED_SENTENCES).gt(0))
            .select(GROUP.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    // every pair of a story × theme from one group of rows: each group's tones and replicates
    // are read once, not once per pair and side (a self-join shuffled, sorted and copied them)
    Dataset<Row> tested =
        g.groupByKey(new StoryTheme(), Encoders.STRING())
            .flatMapGroups(new Pairs(params), Encoders.row(StanceDifferenceColumns.SCHEMA));
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
    WindowSpec story = Window.partitionBy(STORY, VOICE);
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

  /** A story × theme as one key string, each part marked null or not. */
  private static final class StoryTheme implements MapFunction<Row, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call(Row r) {
      return part(r.getString(G_STORY)) + part(r.getString(G_THEME)) + part(r.getString(G_VOICE));
    }

    private static String part(String s) {
      return s == null ? "\u0000" : "\u0001" + s.length() + ":" + s;
    }
  }

  /**
   * One side of a pair: a group's row (columns {@link #GROUP}) with its tones converted, a sorted
   * copy (for Cliff's delta) and its replicates, made once per group.
   */
  // its arrays are read only; never compared or hashed
  @SuppressWarnings("ArrayRecordComponent")
  private record Side(
      String source,
      byte[] sourceUtf8,
      String language,
      long sentences,
      long toned,
      long articles,
      ToneSample sample,
      double[] sorted,
      double[] replicates,
      String unit) {
    static Side of(Row r) {
      List<Double> values = r.getList(G_VALUES);
      List<Integer> sizes = r.getList(G_SIZES);
      List<Double> boot = r.getList(G_BOOT);
      ToneSample sample =
          ToneSample.of(
              values.stream().mapToDouble(Double::doubleValue).toArray(),
              sizes.stream().mapToInt(Integer::intValue).toArray());
      double[] sorted = sample.values.clone();
      Arrays.sort(sorted);
      String source = r.getString(G_SOURCE);
      return new Side(
          source,
          source == null ? null : source.getBytes(StandardCharsets.UTF_8),
          r.getString(G_LANGUAGE),
          r.getLong(G_SENTENCES),
          r.getLong(G_TONED),
          r.getLong(G_ARTICLES),
          sample,
          sorted,
          boot.stream().mapToDouble(Double::doubleValue).toArray(),
          r.getString(G_UNIT));
    }
  }

  /**
   * The groups of one story × theme to a row per ordered pair {@code source_a < source_b} (Spark's
   * string order: unsigned UTF-8 bytes; a null story, theme or source takes part in no pair, as in
   * an equi-join), q_value and significant left for {@link #withQValues}; the permutation test runs
   * here.
   */
  private static final class Pairs implements FlatMapGroupsFunction<String, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final CompareParams p;

    Pairs(CompareParams p) {
      this.p = p;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> rows) {
      String story = null;
      String theme = null;
      String voice = null;
      List<Side> sides = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        story = r.getString(G_STORY);
        theme = r.getString(G_THEME);
        voice = r.getString(G_VOICE);
        if (!r.isNullAt(G_SOURCE)) {
          sides.add(Side.of(r));
        }
      }
      List<Row> out = new ArrayList<>();
      if (story == null || theme == null) {
        return out.iterator();
      }
      for (Side a : sides) {
        for (Side b : sides) {
          if (Arrays.compareUnsigned(a.sourceUtf8(), b.sourceUtf8()) < 0) {
            out.add(test(story, theme, voice, a, b));
          }
        }
      }
      return out.iterator();
    }

    private Row test(String story, String theme, String voice, Side sideA, Side sideB) {
      String sourceA = sideA.source();
      String sourceB = sideB.source();
      long tonedA = sideA.toned();
      long tonedB = sideB.toned();
      ToneSample a = sideA.sample();
      ToneSample b = sideB.sample();
      boolean byArticle =
          StanceGroups.BY_ARTICLE.equals(sideA.unit())
              && StanceGroups.BY_ARTICLE.equals(sideB.unit());
      String unit = byArticle ? StanceGroups.BY_ARTICLE : StanceGroups.BY_SENTENCE;
      double[] ci =
          Statistics.percentileDiffInterval(
              replicates(sideA, unit, story, sourceA, theme, voice),
              replicates(sideB, unit, story, sourceB, theme, voice),
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
        long seed =
            Voices.ALL.equals(voice)
                ? Seeds.of(p.seed(), story, theme, sourceA, sourceB)
                : Seeds.of(p.seed(), story, theme, sourceA, sourceB, voice);
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
          .voice(voice)
          .sourceA(sourceA)
          .sourceB(sourceB)
          .languageA(sideA.language())
          .languageB(sideB.language())
          .sentencesA(sideA.sentences())
          .sentencesB(sideB.sentences())
          .tonedSentencesA(tonedA)
          .tonedSentencesB(tonedB)
          .articlesA(sideA.articles())
          .articlesB(sideB.articles())
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

    /**
     * The side's bootstrap replicates in {@code unit}: its own when that is its unit, else drawn
     * here (a group large enough to resample by article, paired with one that is not).
     */
    private double[] replicates(
        Side s, String unit, String story, String source, String theme, String voice) {
      if (unit.equals(s.unit())) {
        return s.replicates();
      }
      return StanceGroups.replicates(
          p, s.sample(), unit, StanceGroups.otherUnitSeed(p, story, source, theme, voice, unit));
    }
  }
}
