package dev.parallax.compare;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dev.parallax.nlp.voice.Voice;
import dev.parallax.warehouse.schema.SentencesColumns;
import dev.parallax.warehouse.schema.StanceBySourceColumns;
import dev.parallax.warehouse.schema.ThemeIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The sentences of each story × source × theme × voice, reduced once to what the stance statistics
 * need. Each sentence belongs to the group of every theme it mentions and to the group {@value
 * ThemeIds#ALL} of its source, in voice {@value Voices#ALL} with its {@code tone}; a sentence of
 * voice authorial also to the same groups in voice {@value Voices#AUTHORIAL}, with its {@code
 * authorial_tone}. Seeds of voice all are those used before voices were told apart ({@link
 * #ownSeed}).
 *
 * <p>One row per group ({@link #SAMPLES}): story, source, the source's language ({@link
 * #languages}), theme, sentences, toned_sentences (those with a tone), articles (distinct article
 * ids), tokens, positive (sentences with tone ≥ {@value #POSITIVE}), negative (tone ≤ −{@value
 * #POSITIVE}), hedges, boosters, attitude, self_mentions (marker sums) with the tokens of the
 * sentences each marker was counted in, the tones in canonical order ({@link ToneSample}: by
 * article id, then tone) with the sentence count of each article, the resampling unit, and the
 * group's bootstrap replicates of its mean. Both stance tables, theme frequency and the source
 * summary read these rows, so a group is sorted and resampled once, not once per table and per pair
 * of sources it takes part in.
 *
 * <p>A sentence without a tone (its language has no tone lexicon) counts in sentences, articles and
 * tokens, and adds nothing to the tones; a null marker adds nothing to that marker's sum nor its
 * tokens. A group without a toned sentence has no tones and no replicates.
 *
 * <p>How. Each task sums its sentences into a hash map by group ({@link PartialGroups}), keeping
 * each group's (article id, tone) pairs; the partial groups, a few per group and task instead of a
 * row per sentence and theme, are brought together by key ({@link Sample}). Spark's own {@code
 * groupBy(...).agg(collect_list(...))} did the same work through a sort of every sentence row once
 * a task held more than 128 groups; StanceGroupsTest checks both give the same rows.
 */
public final class StanceGroups {
  private StanceGroups() {}

  /** Tone at or above which a sentence counts as positive (and at or below minus it, negative). */
  public static final double POSITIVE = 0.05;

  /** Columns of the sentences table the groups are built from. */
  static final List<String> INPUT =
      List.of(
          SentencesColumns.STORY,
          SentencesColumns.SOURCE,
          SentencesColumns.LANGUAGE,
          SentencesColumns.ARTICLE_ID,
          SentencesColumns.TONE,
          SentencesColumns.N_TOKENS,
          SentencesColumns.HEDGES,
          SentencesColumns.BOOSTERS,
          SentencesColumns.ATTITUDE,
          SentencesColumns.SELF_MENTIONS,
          SentencesColumns.THEMES,
          SentencesColumns.VOICE,
          SentencesColumns.AUTHORIAL_TONE);

  private static final int IN_STORY = INPUT.indexOf(SentencesColumns.STORY);
  private static final int IN_SOURCE = INPUT.indexOf(SentencesColumns.SOURCE);
  private static final int IN_ARTICLE_ID = INPUT.indexOf(SentencesColumns.ARTICLE_ID);
  private static final int IN_TONE = INPUT.indexOf(SentencesColumns.TONE);
  private static final int IN_N_TOKENS = INPUT.indexOf(SentencesColumns.N_TOKENS);
  private static final int IN_THEMES = INPUT.indexOf(SentencesColumns.THEMES);
  private static final int IN_VOICE = INPUT.indexOf(SentencesColumns.VOICE);
  private static final int IN_AUTHORIAL_TONE = INPUT.indexOf(SentencesColumns.AUTHORIAL_TONE);

  /** Columns of {@link PartialGroups}: one group's sums over one task's sentences. */
  static final StructType PARTIAL =
      new StructType()
          .add("story", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("theme", DataTypes.StringType, false)
          .add("voice", DataTypes.StringType, false)
          .add("sums", DataTypes.createArrayType(DataTypes.LongType, false), false)
          .add("article_ids", DataTypes.createArrayType(DataTypes.StringType, true), false)
          .add("runs", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
          .add("tones", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

  private static final int PARTIAL_STORY = PARTIAL.fieldIndex("story");
  private static final int PARTIAL_SOURCE = PARTIAL.fieldIndex("source");
  private static final int PARTIAL_THEME = PARTIAL.fieldIndex("theme");
  private static final int PARTIAL_VOICE = PARTIAL.fieldIndex("voice");
  private static final int PARTIAL_SUMS = PARTIAL.fieldIndex("sums");
  private static final int PARTIAL_IDS = PARTIAL.fieldIndex("article_ids");
  private static final int PARTIAL_RUNS = PARTIAL.fieldIndex("runs");
  private static final int PARTIAL_TONES = PARTIAL.fieldIndex("tones");

  /** Positions in a partial group's {@code sums}. */
  private static final int SENTENCES = 0;

  private static final int TOKENS = 1;
  private static final int TONED = 2;
  private static final int POSITIVES = 3;
  private static final int NEGATIVES = 4;
  private static final int MARKERS = 5;
  private static final String[] MARKER_COLUMNS = {
    SentencesColumns.HEDGES,
    SentencesColumns.BOOSTERS,
    SentencesColumns.ATTITUDE,
    SentencesColumns.SELF_MENTIONS
  };
  private static final int[] IN_MARKERS =
      Arrays.stream(MARKER_COLUMNS).mapToInt(INPUT::indexOf).toArray();

  /** Positions of the markers' token sums: {@code MARKER_TOKENS + m} for marker {@code m}. */
  private static final int MARKER_TOKENS = MARKERS + MARKER_COLUMNS.length;

  private static final int SUMS = MARKER_TOKENS + MARKER_COLUMNS.length;

  /** Columns of {@link #SAMPLES} beyond those of stance_by_source and the marker sums. */
  static final String POSITIVE_COUNT = "positive";

  static final String NEGATIVE_COUNT = "negative";
  static final String MARKER_TOKEN_SUMS = "marker_tokens";
  static final String TONE_VALUES = "tone_values";
  static final String CLUSTER_SIZES = "cluster_sizes";
  static final String REPLICATES = "replicates";

  /** Columns of {@link #fromSentences}. */
  static final StructType SAMPLES =
      new StructType()
          .add(StanceBySourceColumns.STORY, DataTypes.StringType, false)
          .add(StanceBySourceColumns.SOURCE, DataTypes.StringType, false)
          .add(StanceBySourceColumns.LANGUAGE, DataTypes.StringType)
          .add(StanceBySourceColumns.THEME, DataTypes.StringType, false)
          .add(StanceBySourceColumns.VOICE, DataTypes.StringType, false)
          .add(StanceBySourceColumns.SENTENCES, DataTypes.LongType, false)
          .add(StanceBySourceColumns.TONED_SENTENCES, DataTypes.LongType, false)
          .add(StanceBySourceColumns.ARTICLES, DataTypes.LongType, false)
          .add(StanceBySourceColumns.TOKENS, DataTypes.LongType, false)
          .add(POSITIVE_COUNT, DataTypes.LongType, false)
          .add(NEGATIVE_COUNT, DataTypes.LongType, false)
          .add(SentencesColumns.HEDGES, DataTypes.LongType, false)
          .add(SentencesColumns.BOOSTERS, DataTypes.LongType, false)
          .add(SentencesColumns.ATTITUDE, DataTypes.LongType, false)
          .add(SentencesColumns.SELF_MENTIONS, DataTypes.LongType, false)
          .add(MARKER_TOKEN_SUMS, DataTypes.createArrayType(DataTypes.LongType, false), false)
          .add(TONE_VALUES, DataTypes.createArrayType(DataTypes.DoubleType, false), false)
          .add(CLUSTER_SIZES, DataTypes.createArrayType(DataTypes.IntegerType, false), false)
          .add(StanceBySourceColumns.RESAMPLING, DataTypes.StringType, false)
          .add(REPLICATES, DataTypes.createArrayType(DataTypes.DoubleType, false), false);

  /** Positions in a row of {@link #SAMPLES} (rows of a typed map carry no schema to ask). */
  static final int STORY_AT = SAMPLES.fieldIndex(StanceBySourceColumns.STORY);

  static final int SOURCE_AT = SAMPLES.fieldIndex(StanceBySourceColumns.SOURCE);
  static final int LANGUAGE_AT = SAMPLES.fieldIndex(StanceBySourceColumns.LANGUAGE);
  static final int THEME_AT = SAMPLES.fieldIndex(StanceBySourceColumns.THEME);
  static final int VOICE_AT = SAMPLES.fieldIndex(StanceBySourceColumns.VOICE);
  static final int SENTENCES_AT = SAMPLES.fieldIndex(StanceBySourceColumns.SENTENCES);
  static final int TONED_AT = SAMPLES.fieldIndex(StanceBySourceColumns.TONED_SENTENCES);
  static final int ARTICLES_AT = SAMPLES.fieldIndex(StanceBySourceColumns.ARTICLES);
  static final int TOKENS_AT = SAMPLES.fieldIndex(StanceBySourceColumns.TOKENS);
  static final int POSITIVE_AT = SAMPLES.fieldIndex(POSITIVE_COUNT);
  static final int NEGATIVE_AT = SAMPLES.fieldIndex(NEGATIVE_COUNT);
  static final int HEDGES_AT = SAMPLES.fieldIndex(SentencesColumns.HEDGES);
  static final int BOOSTERS_AT = SAMPLES.fieldIndex(SentencesColumns.BOOSTERS);
  static final int ATTITUDE_AT = SAMPLES.fieldIndex(SentencesColumns.ATTITUDE);
  static final int SELF_MENTIONS_AT = SAMPLES.fieldIndex(SentencesColumns.SELF_MENTIONS);
  static final int MARKER_TOKENS_AT = SAMPLES.fieldIndex(MARKER_TOKEN_SUMS);
  static final int TONE_VALUES_AT = SAMPLES.fieldIndex(TONE_VALUES);
  static final int CLUSTER_SIZES_AT = SAMPLES.fieldIndex(CLUSTER_SIZES);
  static final int RESAMPLING_AT = SAMPLES.fieldIndex(StanceBySourceColumns.RESAMPLING);
  static final int REPLICATES_AT = SAMPLES.fieldIndex(REPLICATES);
  private static final int[] MARKERS_AT =
      Arrays.stream(MARKER_COLUMNS).mapToInt(SAMPLES::fieldIndex).toArray();

  /** Resampling unit "article": whole articles are drawn. */
  static final String BY_ARTICLE = "article";

  /** Resampling unit "sentence": single sentences are drawn. */
  static final String BY_SENTENCE = "sentence";

  /**
   * The stance groups of a sentences table: one row per group, counts and sums over its sentences
   * (a null count or marker adds nothing), {@code language} the source's ({@link #languages}),
   * {@code articles} the distinct article ids, {@code toned_sentences} the sentences with a tone,
   * {@code tone_values} their tones sorted by article id then tone ({@link ToneSample}), {@code
   * cluster_sizes} the toned sentences of each article in id order, {@code resampling} "article"
   * when the toned sentences span at least {@code compare.min_articles_for_cluster} articles else
   * "sentence", and {@code replicates}: the {@code compare.bootstrap_reps} bootstrap means of the
   * group in that unit, seeded with {@code Seeds.of(compare.seed, story, source, theme)}; empty
   * when no sentence has a tone.
   */
  static Dataset<Row> fromSentences(Dataset<Row> sentences, CompareParams params) {
    Dataset<Row> groups =
        partials(sentences)
            .groupByKey(new GroupKey(), Encoders.STRING())
            .mapGroups(new Sample(params), Encoders.row(SAMPLES));
    // one row per story × source: broadcast onto the groups, which fill every other column
    Dataset<Row> langs = languages(sentences).withColumnRenamed(LANGUAGE, "_language");
    Column story = groups.col(StanceBySourceColumns.STORY);
    Column source = groups.col(StanceBySourceColumns.SOURCE);
    return groups
        .join(
            broadcast(langs),
            story
                .eqNullSafe(langs.col(StanceBySourceColumns.STORY))
                .and(source.eqNullSafe(langs.col(StanceBySourceColumns.SOURCE))),
            "left")
        .select(
            Arrays.stream(SAMPLES.fieldNames())
                .map(c -> c.equals(LANGUAGE) ? col("_language").as(LANGUAGE) : groups.col(c))
                .toArray(Column[]::new));
  }

  /** Column of {@link #languages}: the source's language. */
  static final String LANGUAGE = StanceBySourceColumns.LANGUAGE;

  /**
   * The language of each story × source: the distinct non-null {@code language} values of its
   * sentences, sorted and joined by commas (usually one, e.g. "ja"), null when none is known.
   * Columns story, source, language.
   */
  static Dataset<Row> languages(Dataset<Row> sentences) {
    Column set = col("_languages");
    return sentences
        .groupBy(SentencesColumns.STORY, SentencesColumns.SOURCE)
        .agg(collect_set(SentencesColumns.LANGUAGE).as("_languages"))
        .select(
            col(SentencesColumns.STORY),
            col(SentencesColumns.SOURCE),
            when(size(set).gt(0), array_join(array_sort(set), ",")).as(LANGUAGE));
  }

  /** Each task's sentences summed by group ({@link #PARTIAL}). */
  static Dataset<Row> partials(Dataset<Row> sentences) {
    return sentences
        .select(
            INPUT.stream()
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))
        .mapPartitions(new PartialGroups(), Encoders.row(PARTIAL));
  }

  /** A group's key as one string: story, source and theme, each marked null or not. */
  private static final class GroupKey implements MapFunction<Row, String> {
    @Override
    public String call(Row r) {
      return part(r.getString(PARTIAL_STORY))
          + part(r.getString(PARTIAL_SOURCE))
          + part(r.getString(PARTIAL_THEME))
          + part(r.getString(PARTIAL_VOICE));
    }

    private static String part(String s) {
      return s == null ? "\u0000" : "\u0001" + s.length() + ":" + s;
    }
  }

  /**
   * A group's sums and (article id, tone) pairs over some of its sentences, the pairs as runs of
   * one article id: {@code ids[j]} holds the next {@code runs[j]} tones. The sentences table is
   * sorted by article id, so a task's sentences of one article come together and a group holds
   * about one run per article, not one id per sentence. A sentence without a tone is kept with tone
   * NaN, so that its article counts.
   */
  private static final class Group {
    final long[] sums = new long[SUMS];
    final List<String> ids = new ArrayList<>();
    int[] runs = new int[4];
    double[] tones = new double[8];
    int size;

    void add(String articleId, double tone) {
      int last = ids.size() - 1;
      if (last < 0 || !Objects.equals(ids.get(last), articleId)) {
        if (ids.size() == runs.length) {
          runs = Arrays.copyOf(runs, 2 * runs.length);
        }
        ids.add(articleId);
        last++;
      }
      runs[last]++;
      if (size == tones.length) {
        tones = Arrays.copyOf(tones, 2 * tones.length);
      }
      tones[size++] = tone;
    }
  }

  /** The key of a group: story, source, theme, voice (story or source may be null). */
  private record Key(String story, String source, String theme, String voice) {}

  /**
   * One task's sentences summed into a hash map by group; the groups are handed on when the input
   * ends. Memory: a task holds the (article id, tone) pairs of its own sentences, as the grouped
   * result holds them anyway.
   */
  private static final class PartialGroups implements MapPartitionsFunction<Row, Row> {
    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Map<Key, Group> groups = new HashMap<>();
      Map<String, String> ids = new HashMap<>();
      Set<String> themes = new LinkedHashSet<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        String story = r.getString(IN_STORY);
        String source = r.getString(IN_SOURCE);
        String id =
            r.isNullAt(IN_ARTICLE_ID)
                ? null
                : ids.computeIfAbsent(r.getString(IN_ARTICLE_ID), k -> k);
        boolean toned = !r.isNullAt(IN_TONE);
        double tone = toned ? r.getDouble(IN_TONE) : Double.NaN;
        boolean authorial =
            !r.isNullAt(IN_VOICE) && Voice.AUTHORIAL.label().equals(r.getString(IN_VOICE));
        boolean authorialToned = authorial && !r.isNullAt(IN_AUTHORIAL_TONE);
        double authorialTone = authorialToned ? r.getDouble(IN_AUTHORIAL_TONE) : Double.NaN;
        long tokens = r.isNullAt(IN_N_TOKENS) ? 0 : r.getLong(IN_N_TOKENS);
        themes.clear();
        if (!r.isNullAt(IN_THEMES)) {
          themes.addAll(r.<String>getList(IN_THEMES));
        }
        themes.remove(null);
        themes.add(ThemeIds.ALL);
        for (String theme : themes) {
          add(groups, new Key(story, source, theme, Voices.ALL), r, id, toned, tone, tokens);
          if (authorial) {
            add(
                groups,
                new Key(story, source, theme, Voices.AUTHORIAL),
                r,
                id,
                authorialToned,
                authorialTone,
                tokens);
          }
        }
      }
      List<Row> out = new ArrayList<>(groups.size());
      for (Map.Entry<Key, Group> e : groups.entrySet()) {
        Key k = e.getKey();
        Group g = e.getValue();
        out.add(
            RowFactory.create(
                k.story(),
                k.source(),
                k.theme(),
                k.voice(),
                longs(g.sums),
                scala.collection.JavaConverters.asScalaBuffer(g.ids).toList(),
                ints(Arrays.copyOf(g.runs, g.ids.size())),
                doubles(Arrays.copyOf(g.tones, g.size))));
      }
      return out.iterator();
    }
  }

  /** One sentence into one group: counts, sums and its (article id, tone) pair. */
  private static void add(
      Map<Key, Group> groups, Key key, Row r, String id, boolean toned, double tone, long tokens) {
    Group g = groups.computeIfAbsent(key, k -> new Group());
    g.sums[SENTENCES]++;
    g.sums[TOKENS] += tokens;
    // NaN (no tone) compares false: neither positive nor negative
    g.sums[TONED] += toned ? 1 : 0;
    g.sums[POSITIVES] += tone >= POSITIVE ? 1 : 0;
    g.sums[NEGATIVES] += tone <= -POSITIVE ? 1 : 0;
    for (int m = 0; m < MARKER_COLUMNS.length; m++) {
      int at = IN_MARKERS[m];
      if (!r.isNullAt(at)) {
        g.sums[MARKERS + m] += r.getLong(at);
        g.sums[MARKER_TOKENS + m] += tokens;
      }
    }
    g.add(id, tone);
  }

  /**
   * The seed of a group's bootstrap replicates in a unit other than its own (needed when it is
   * compared with a group too small to resample by article); in its own unit the seed is {@code
   * Seeds.of(seed, story, source, theme)}, as for its stance_by_source interval.
   */
  static long otherUnitSeed(
      CompareParams p, String story, String source, String theme, String voice, String unit) {
    return Voices.ALL.equals(voice)
        ? Seeds.of(p.seed(), story, source, theme, unit)
        : Seeds.of(p.seed(), story, source, theme, unit, voice);
  }

  /**
   * The seed of a group's bootstrap replicates in its own unit: {@code Seeds.of(seed, story,
   * source, theme)} for voice {@value Voices#ALL} (as before voices were told apart, so those rows
   * keep their values), with the voice appended for any other voice.
   */
  static long ownSeed(CompareParams p, String story, String source, String theme, String voice) {
    return Voices.ALL.equals(voice)
        ? Seeds.of(p.seed(), story, source, theme)
        : Seeds.of(p.seed(), story, source, theme, voice);
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
      String voice = null;
      long[] sums = new long[SUMS];
      // each article's tones, articles in id order (nulls first), as ToneSample orders them
      TreeMap<String, DoubleRun> byId =
          new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
      long pairs = 0;
      while (partials.hasNext()) {
        Row r = partials.next();
        story = r.getString(PARTIAL_STORY);
        source = r.getString(PARTIAL_SOURCE);
        theme = r.getString(PARTIAL_THEME);
        voice = r.getString(PARTIAL_VOICE);
        List<Long> partSums = r.getList(PARTIAL_SUMS);
        for (int i = 0; i < SUMS; i++) {
          sums[i] += partSums.get(i);
        }
        List<String> partIds = r.getList(PARTIAL_IDS);
        List<Integer> partRuns = r.getList(PARTIAL_RUNS);
        List<Double> partTones = r.getList(PARTIAL_TONES);
        int at = 0;
        for (int j = 0; j < partIds.size(); j++) {
          DoubleRun tones = byId.computeIfAbsent(partIds.get(j), k -> new DoubleRun());
          for (int n = partRuns.get(j); n > 0; n--) {
            tones.add(partTones.get(at++));
          }
        }
        pairs += at;
      }
      // as ToneSample.of over every (article id, tone) pair, sorted by id then tone; when some
      // sentence has no tone (NaN), the NaN tones are left out and articles counts every id
      boolean dropNaN = sums[TONED] != pairs;
      long articles = byId.size();
      double[] values = new double[(int) pairs];
      int[] sizes = new int[byId.size()];
      int kept = 0;
      int clusters = 0;
      for (DoubleRun run : byId.values()) {
        double[] t = Arrays.copyOf(run.values, run.size);
        Arrays.sort(t); // Double.compare's order, NaN last
        int k = t.length;
        if (dropNaN) {
          while (k > 0 && Double.isNaN(t[k - 1])) {
            k--;
          }
        }
        if (k > 0) {
          System.arraycopy(t, 0, values, kept, k);
          kept += k;
          sizes[clusters++] = k;
        }
      }
      ToneSample sample =
          ToneSample.of(Arrays.copyOf(values, kept), Arrays.copyOf(sizes, clusters));
      String unit = ownUnit(p, sample.articles());
      double[] boot =
          sample.sentences() == 0
              ? new double[0]
              : replicates(p, sample, unit, ownSeed(p, story, source, theme, voice));
      Object[] row = new Object[SAMPLES.size()];
      row[STORY_AT] = story;
      row[SOURCE_AT] = source;
      row[THEME_AT] = theme;
      row[VOICE_AT] = voice;
      row[SENTENCES_AT] = sums[SENTENCES];
      row[TONED_AT] = sums[TONED];
      row[ARTICLES_AT] = articles;
      row[TOKENS_AT] = sums[TOKENS];
      row[POSITIVE_AT] = sums[POSITIVES];
      row[NEGATIVE_AT] = sums[NEGATIVES];
      for (int m = 0; m < MARKER_COLUMNS.length; m++) {
        row[MARKERS_AT[m]] = sums[MARKERS + m];
      }
      row[MARKER_TOKENS_AT] =
          longs(Arrays.copyOfRange(sums, MARKER_TOKENS, MARKER_TOKENS + MARKER_COLUMNS.length));
      row[TONE_VALUES_AT] = doubles(sample.values);
      row[CLUSTER_SIZES_AT] = ints(sample.clusterSizes());
      row[RESAMPLING_AT] = unit;
      row[REPLICATES_AT] = doubles(boot);
      return RowFactory.create(row);
    }
  }

  /** A growing array of doubles. */
  private static final class DoubleRun {
    double[] values = new double[4];
    int size;

    void add(double v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, 2 * values.length);
      }
      values[size++] = v;
    }
  }

  /**
   * A sample row's tokens of the sentences whose {@code marker} (a marker column of the sentences
   * table: hedges, boosters, attitude or self_mentions) is not null: that marker's rate
   * denominator.
   */
  static long markerTokens(Row r, String marker) {
    return r.<Long>getList(MARKER_TOKENS_AT).get(MARKER_LIST.indexOf(marker));
  }

  private static final List<String> MARKER_LIST = List.of(MARKER_COLUMNS);

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

  /** A sample row's tones as a {@link ToneSample}. */
  static ToneSample toneSample(Row r) {
    List<Double> values = r.getList(TONE_VALUES_AT);
    List<Integer> sizes = r.getList(CLUSTER_SIZES_AT);
    return ToneSample.of(
        values.stream().mapToDouble(Double::doubleValue).toArray(),
        sizes.stream().mapToInt(Integer::intValue).toArray());
  }

  /** A sample row's bootstrap replicates. */
  static double[] replicates(Row r) {
    List<Double> values = r.getList(REPLICATES_AT);
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
