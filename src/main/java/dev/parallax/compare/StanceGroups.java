package dev.parallax.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The sentences of each story × source × theme, reduced once to what the stance statistics need.
 * Each sentence belongs to the group of every theme it mentions and to the group {@value #ALL} of
 * its source.
 *
 * <p>One row per group ({@link #SAMPLES}): story, source, theme, sentences, articles (distinct
 * article ids), tokens, positive (sentences with tone ≥ {@value #POSITIVE}), negative (tone ≤
 * −{@value #POSITIVE}), hedges, boosters, attitude, self_mentions (marker sums), the tones in
 * canonical order ({@link ToneSample}: by article id, then tone) with the sentence count of each
 * article, the resampling unit, and the group's bootstrap replicates of its mean. Both stance
 * tables, theme frequency and the source summary read these rows, so a group is sorted and
 * resampled once, not once per table and per pair of sources it takes part in.
 *
 * <p>How. Each task sums its sentences into a hash map by group ({@link PartialGroups}), keeping
 * each group's (article id, tone) pairs; the partial groups, a few per group and task instead of a
 * row per sentence and theme, are brought together by key ({@link Sample}). Spark's own
 * {@code groupBy(...).agg(collect_list(...))} did the same work through a sort of every sentence
 * row once a task held more than 128 groups; StanceGroupsTest checks both give the same rows.
 */
public final class StanceGroups {
  private StanceGroups() {}

  /** Theme id of the group holding every sentence of a source. */
  public static final String ALL = "_all";
  /** Tone at or above which a sentence counts as positive (and at or below minus it, negative). */
  public static final double POSITIVE = 0.05;

  /** Columns of the sentences table the groups are built from. */
  static final List<String> INPUT = List.of("story", "source", "article_id", "tone", "n_tokens",
      "hedges", "boosters", "attitude", "self_mentions", "themes");

  /** Columns of {@link PartialGroups}: one group's sums over one task's sentences. */
  static final StructType PARTIAL = new StructType()
      .add("story", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("theme", DataTypes.StringType, false)
      .add("sums", DataTypes.createArrayType(DataTypes.LongType, false), false)
      .add("article_ids", DataTypes.createArrayType(DataTypes.StringType, true), false)
      .add("tones", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

  /** Positions in a partial group's {@code sums}. */
  private static final int SENTENCES = 0;
  private static final int TOKENS = 1;
  private static final int POSITIVES = 2;
  private static final int NEGATIVES = 3;
  private static final int MARKERS = 4;
  private static final String[] MARKER_COLUMNS = {"hedges", "boosters", "attitude",
      "self_mentions"};
  private static final int SUMS = MARKERS + MARKER_COLUMNS.length;

  /** Columns of {@link #fromSentences}. */
  static final StructType SAMPLES = new StructType()
      .add("story", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, false)
      .add("theme", DataTypes.StringType, false)
      .add("sentences", DataTypes.LongType, false)
      .add("articles", DataTypes.LongType, false)
      .add("tokens", DataTypes.LongType, false)
      .add("positive", DataTypes.LongType, false)
      .add("negative", DataTypes.LongType, false)
      .add("hedges", DataTypes.LongType, false)
      .add("boosters", DataTypes.LongType, false)
      .add("attitude", DataTypes.LongType, false)
      .add("self_mentions", DataTypes.LongType, false)
      .add("tone_values", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
      .add("cluster_sizes", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("resampling", DataTypes.StringType, false)
      .add("replicates", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

  /** Resampling unit "article": whole articles are drawn. */
  static final String BY_ARTICLE = "article";
  /** Resampling unit "sentence": single sentences are drawn. */
  static final String BY_SENTENCE = "sentence";

  /**
   * The stance groups of a sentences table: one row per group, counts and sums over its
   * sentences (a null count or marker adds nothing), {@code articles} the distinct article ids,
   * {@code tone_values} sorted by article id then tone ({@link ToneSample}),
   * {@code cluster_sizes} the sentences of each article in id order, {@code resampling} "article"
   * when the group has at least {@code compare.min_articles_for_cluster} articles else
   * "sentence", and {@code replicates}: the {@code compare.bootstrap_reps} bootstrap means of the
   * group in that unit, seeded with {@code Seeds.of(compare.seed, story, source, theme)}.
   *
   * @throws IllegalStateException (when the rows are computed) for a sentence without a tone
   */
  static Dataset<Row> fromSentences(Dataset<Row> sentences, CompareParams params) {
    return partials(sentences)
        .groupByKey(new GroupKey(), Encoders.STRING())
        .mapGroups(new Sample(params), Encoders.row(SAMPLES));
  }

  /** Each task's sentences summed by group ({@link #PARTIAL}). */
  static Dataset<Row> partials(Dataset<Row> sentences) {
    return sentences.select(INPUT.stream().map(org.apache.spark.sql.functions::col)
            .toArray(org.apache.spark.sql.Column[]::new))
        .mapPartitions(new PartialGroups(), Encoders.row(PARTIAL));
  }

  /** A group's key as one string: story, source and theme, each marked null or not. */
  private static final class GroupKey implements MapFunction<Row, String> {
    @Override
    public String call(Row r) {
      return part(r.getString(0)) + part(r.getString(1)) + part(r.getString(2));
    }

    private static String part(String s) {
      return s == null ? "\u0000" : "\u0001" + s.length() + ":" + s;
    }
  }

  /** A group's sums and (article id, tone) pairs over some of its sentences. */
  private static final class Group {
    final long[] sums = new long[SUMS];
    final List<String> ids = new ArrayList<>();
    double[] tones = new double[8];

    void add(String articleId, double tone) {
      if (ids.size() == tones.length) {
        tones = Arrays.copyOf(tones, 2 * tones.length);
      }
      tones[ids.size()] = tone;
      ids.add(articleId);
    }
  }

  /** The key of a group: story, source, theme (story or source may be null). */
  private record Key(String story, String source, String theme) {}

  /**
   * One task's sentences summed into a hash map by group; the groups are handed on when the
   * input ends. Memory: a task holds the (article id, tone) pairs of its own sentences, as the
   * grouped result holds them anyway.
   */
  private static final class PartialGroups implements MapPartitionsFunction<Row, Row> {
    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Map<Key, Group> groups = new HashMap<>();
      Map<String, String> ids = new HashMap<>();
      Set<String> themes = new LinkedHashSet<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        String story = r.getString(0);
        String source = r.getString(1);
        String id = r.isNullAt(2) ? null : ids.computeIfAbsent(r.getString(2), k -> k);
        if (r.isNullAt(3)) {
          throw new IllegalStateException("a sentence of article " + id + " (source " + source
              + ") has no tone; rerun the annotate stage for this run date");
        }
        double tone = r.getDouble(3);
        themes.clear();
        if (!r.isNullAt(9)) {
          themes.addAll(r.<String>getList(9));
        }
        themes.remove(null);
        themes.add(ALL);
        for (String theme : themes) {
          Group g = groups.computeIfAbsent(new Key(story, source, theme), k -> new Group());
          g.sums[SENTENCES]++;
          g.sums[TOKENS] += r.isNullAt(4) ? 0 : r.getLong(4);
          g.sums[POSITIVES] += tone >= POSITIVE ? 1 : 0;
          g.sums[NEGATIVES] += tone <= -POSITIVE ? 1 : 0;
          for (int m = 0; m < MARKER_COLUMNS.length; m++) {
            g.sums[MARKERS + m] += r.isNullAt(5 + m) ? 0 : r.getLong(5 + m);
          }
          g.add(id, tone);
        }
      }
      List<Row> out = new ArrayList<>(groups.size());
      for (Map.Entry<Key, Group> e : groups.entrySet()) {
        Key k = e.getKey();
        Group g = e.getValue();
        out.add(RowFactory.create(k.story(), k.source(), k.theme(), longs(g.sums),
            scala.collection.JavaConverters.asScalaBuffer(g.ids).toList(),
            doubles(Arrays.copyOf(g.tones, g.ids.size()))));
      }
      return out.iterator();
    }
  }

  /**
   * The seed of a group's bootstrap replicates in a unit other than its own (needed when it is
   * compared with a group too small to resample by article); in its own unit the seed is
   * {@code Seeds.of(seed, story, source, theme)}, as for its stance_by_source interval.
   */
  static long otherUnitSeed(CompareParams p, String story, String source, String theme,
      String unit) {
    return Seeds.of(p.seed(), story, source, theme, unit);
  }

  private static String ownUnit(CompareParams p, long articles) {
    return articles >= p.minArticlesForCluster() ? BY_ARTICLE : BY_SENTENCE;
  }

  /** Bootstrap replicates of a sample's mean in the given unit. */
  static double[] replicates(CompareParams p, ToneSample sample, String unit, long seed) {
    return BY_ARTICLE.equals(unit)
        ? Statistics.bootstrapMeansClustered(sample.clusters, p.bootstrapReps(), seed)
        : Statistics.bootstrapMeans(sample.values, p.bootstrapReps(), seed);
  }

  /** A group's partial rows brought together: its row of {@link #SAMPLES}. */
  private record Sample(CompareParams p) implements MapGroupsFunction<String, Row, Row> {
    @Override
    public Row call(String key, Iterator<Row> partials) {
      String story = null;
      String source = null;
      String theme = null;
      long[] sums = new long[SUMS];
      List<String> ids = new ArrayList<>();
      double[] tones = new double[0];
      while (partials.hasNext()) {
        Row r = partials.next();
        story = r.getString(0);
        source = r.getString(1);
        theme = r.getString(2);
        List<Long> partSums = r.getList(3);
        for (int i = 0; i < SUMS; i++) {
          sums[i] += partSums.get(i);
        }
        List<Double> partTones = r.getList(5);
        int from = ids.size();
        ids.addAll(r.getList(4));
        tones = Arrays.copyOf(tones, ids.size());
        for (int i = 0; i < partTones.size(); i++) {
          tones[from + i] = partTones.get(i);
        }
      }
      ToneSample sample = ToneSample.of(ids, tones);
      long articles = sample.articles();
      String unit = ownUnit(p, articles);
      double[] boot = replicates(p, sample, unit, Seeds.of(p.seed(), story, source, theme));
      return RowFactory.create(story, source, theme, sums[SENTENCES], articles, sums[TOKENS],
          sums[POSITIVES], sums[NEGATIVES], sums[MARKERS], sums[MARKERS + 1], sums[MARKERS + 2],
          sums[MARKERS + 3], doubles(sample.values), ints(sample.clusterSizes()), unit,
          doubles(boot));
    }
  }

  private static scala.collection.Seq<Long> longs(long[] values) {
    List<Long> l = new java.util.ArrayList<>(values.length);
    for (long v : values) {
      l.add(v);
    }
    return scala.collection.JavaConverters.asScalaBuffer(l).toList();
  }

  private static scala.collection.Seq<Double> doubles(double[] values) {
    List<Double> l = new java.util.ArrayList<>(values.length);
    for (double v : values) {
      l.add(v);
    }
    return scala.collection.JavaConverters.asScalaBuffer(l).toList();
  }

  private static scala.collection.Seq<Integer> ints(int[] values) {
    List<Integer> l = new java.util.ArrayList<>(values.length);
    for (int v : values) {
      l.add(v);
    }
    return scala.collection.JavaConverters.asScalaBuffer(l).toList();
  }

  /** Column {@code name} of a row of {@link #SAMPLES} (rows of a typed map carry no schema). */
  static <T> T get(Row r, String name) {
    return r.getAs(SAMPLES.fieldIndex(name));
  }

  /** A sample row's tones as a {@link ToneSample}. */
  static ToneSample toneSample(Row r) {
    List<Double> values = r.getList(SAMPLES.fieldIndex("tone_values"));
    List<Integer> sizes = r.getList(SAMPLES.fieldIndex("cluster_sizes"));
    return ToneSample.of(values.stream().mapToDouble(Double::doubleValue).toArray(),
        sizes.stream().mapToInt(Integer::intValue).toArray());
  }

  /** A sample row's bootstrap replicates. */
  static double[] replicates(Row r) {
    List<Double> values = r.getList(SAMPLES.fieldIndex("replicates"));
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
