package dev.parallax.compare;

import dev.parallax.TestSpark;
import dev.parallax.warehouse.schema.SentencesColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** Hand-built rows of the sentences table, and helpers to read a transform's output. */
public final class CompareFixtures {
  private CompareFixtures() {}

  /** The sentences columns, exactly as the annotate stage writes them. */
  public static final StructType SENTENCES = SentencesColumns.ANNOTATED;

  /** One sentence; set what a test needs, the rest has neutral defaults. */
  public static final class S {
    final String story;
    final String source;
    final String article;
    long idx;
    long nTokens = 10;
    List<String> tokens = List.of();
    List<String> themes = List.of();
    List<String> mentions = List.of();
    Double tone = 0.0;
    Long hedges = 0L;
    Long boosters = 0L;
    Long attitude = 0L;
    Long selfMentions = 0L;
    String language;
    String voice;
    Double authorialTone;
    List<Row> quotes;
    Instant published = Instant.parse("2025-02-07T00:00:00Z");

    private S(String story, String source, String article) {
      this.story = story;
      this.source = source;
      this.article = article;
    }

    public S idx(long v) {
      idx = v;
      return this;
    }

    public S nTokens(long v) {
      nTokens = v;
      return this;
    }

    /** Sets tokens and n_tokens. */
    public S tokens(String... v) {
      tokens = List.of(v);
      nTokens = v.length;
      return this;
    }

    /** Sets themes; mentions default to one per theme. */
    public S themes(String... v) {
      themes = List.of(v);
      mentions = List.of(v);
      return this;
    }

    public S mentions(String... v) {
      mentions = List.of(v);
      return this;
    }

    public S tone(double v) {
      tone = v;
      return this;
    }

    /** No tone: the sentence's language has no tone lexicon. */
    public S noTone() {
      tone = null;
      return this;
    }

    /** No stance markers: the sentence's language has no marker list. */
    public S noMarkers() {
      hedges = null;
      boosters = null;
      attitude = null;
      selfMentions = null;
      return this;
    }

    /** This sentence with voice, authorial tone and quotes null. */
    public S copyWithoutVoice() {
      S c = new S(story, source, article);
      c.idx = idx;
      c.nTokens = nTokens;
      c.tokens = tokens;
      c.themes = themes;
      c.mentions = mentions;
      c.tone = tone;
      c.hedges = hedges;
      c.boosters = boosters;
      c.attitude = attitude;
      c.selfMentions = selfMentions;
      c.language = language;
      c.published = published;
      return c;
    }

    /** sentences.voice and authorial_tone (both null unless set). */
    public S voice(String v, Double authorial) {
      voice = v;
      authorialTone = authorial;
      return this;
    }

    /**
     * Adds a quote starting in this sentence: kind, speaker as written, canonical name and
     * affiliation (null when not in the map), tone.
     */
    public S quote(String kind, String speaker, String canonical, String affiliation, Double tone) {
      if (quotes == null) {
        quotes = new java.util.ArrayList<>();
      }
      quotes.add(
          org.apache.spark.sql.RowFactory.create(
              (long) quotes.size(),
              kind,
              1L,
              "quoted words",
              speaker,
              canonical,
              affiliation,
              canonical == null ? null : "XX",
              canonical == null ? null : "person",
              tone));
      return this;
    }

    /** sentences.language (null unless set). */
    public S language(String v) {
      language = v;
      return this;
    }

    public S markers(long h, long b, long a, long s) {
      hedges = h;
      boosters = b;
      attitude = a;
      selfMentions = s;
      return this;
    }

    public S published(String iso) {
      published = iso == null ? null : Instant.parse(iso);
      return this;
    }

    Row row() {
      return SentencesColumns.row()
          .articleId(article)
          .story(story)
          .source(source)
          .language(language)
          .publishedAt(published == null ? null : Timestamp.from(published))
          .sentenceIdx(idx)
          .charBegin(0L)
          .charEnd(0L)
          .text("text")
          .nTokens(nTokens)
          .tokens(seq(tokens))
          .themes(seq(themes))
          .frames(seq(List.of()))
          .themeMentions(seq(mentions))
          .matchedTerms(seq(List.of()))
          .tone(tone)
          .hedges(hedges)
          .boosters(boosters)
          .attitude(attitude)
          .selfMentions(selfMentions)
          .voice(voice)
          .authorialTone(authorialTone)
          .quotes(
              quotes == null
                  ? null
                  : scala.collection.JavaConverters.asScalaBuffer(quotes).toList())
          .build();
    }

    private static scala.collection.Seq<String> seq(List<String> values) {
      return scala.collection.JavaConverters.asScalaBuffer(values).toList();
    }
  }

  public static S s(String story, String source, String article) {
    return new S(story, source, article);
  }

  /** A sentences frame; sentence_idx is numbered per article in list order when left at 0. */
  public static Dataset<Row> frame(List<S> sentences) {
    List<Row> rows = new ArrayList<>();
    java.util.Map<String, Long> next = new java.util.HashMap<>();
    for (S s : sentences) {
      long i = next.merge(s.article, 1L, Long::sum) - 1;
      if (s.idx == 0) {
        s.idx = i;
      }
      rows.add(s.row());
    }
    return TestSpark.get().createDataFrame(rows, SENTENCES);
  }

  public static Dataset<Row> frame(S... sentences) {
    return frame(Arrays.asList(sentences));
  }

  /** The same sentences in reverse order, spread over 3 partitions. */
  public static Dataset<Row> shuffled(List<S> sentences) {
    List<S> rev = new ArrayList<>(sentences);
    java.util.Collections.reverse(rev);
    return frame(rev).repartition(3);
  }

  /** Every row as text, sorted: equal lists mean equal table contents. */
  public static List<String> canonical(Dataset<Row> df) {
    return df.collectAsList().stream()
        .map(Row::toString)
        .sorted(Comparator.naturalOrder())
        .collect(Collectors.toList());
  }

  /** The row whose key columns equal the given values; fails when there is not exactly one. */
  public static Row one(List<Row> rows, String[] columns, Object... values) {
    List<Row> hits =
        rows.stream()
            .filter(
                r -> {
                  for (int i = 0; i < columns.length; i++) {
                    if (!values[i].equals(r.getAs(columns[i]))) {
                      return false;
                    }
                  }
                  return true;
                })
            .toList();
    if (hits.size() != 1) {
      throw new AssertionError(
          "expected one row with "
              + Arrays.toString(columns)
              + " = "
              + Arrays.toString(values)
              + ", found "
              + hits.size());
    }
    return hits.get(0);
  }

  /** SHA-256-derived seed, computed here independently of {@link Seeds}. */
  public static long seed(long base, String key) throws Exception {
    byte[] d =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return base ^ java.nio.ByteBuffer.wrap(d, 0, 8).getLong();
  }

  /**
   * A small two-story corpus for job-level tests. Story s1: source A warm (0.6..0.9) and source B
   * cold (-0.9..-0.6), 8 sentences each over 4 and 2 articles, themes t1 and frame_economic. Story
   * s2: two sources with similar tones, 3 sentences each; one source's name looks like a
   * spreadsheet formula and holds a comma and quotes.
   */
  public static List<S> corpus() {
    List<S> out = new ArrayList<>();
    String[][] warm = {{"tariff", "deal", "strong"}, {"alliance", "deal", "welcome"}};
    String[][] cold = {{"tariff", "threat", "coercion"}, {"alliance", "strain", "threat"}};
    for (int i = 0; i < 8; i++) {
      out.add(
          s("s1", "A", "a" + (i / 2))
              .tone(0.6 + 0.04 * i)
              .tokens(warm[i % 2])
              .themes(i % 2 == 0 ? new String[] {"t1", "frame_economic"} : new String[] {"t1"})
              .markers(i % 2, 0, 1, 0)
              .published("2025-02-0" + (1 + i / 2) + "T08:00:00Z"));
      out.add(
          s("s1", "B", "b" + (i / 4))
              .tone(-0.6 - 0.04 * i)
              .tokens(cold[i % 2])
              .themes(i < 4 ? new String[] {"t1"} : new String[0])
              .markers(0, 1, 0, i % 3)
              .published("2025-02-0" + (3 + i / 4) + "T09:30:00Z"));
    }
    String odd = "@evil, \"quoted\"";
    for (int i = 0; i < 3; i++) {
      out.add(s("s2", "C", "c0").tone(0.1 * i).tokens("calm", "talks", "today").themes("t2"));
      out.add(
          s("s2", odd, "d0").tone(0.05 + 0.1 * i).tokens("calm", "talks", "later").themes("t2"));
    }
    return out;
  }

  /** A warehouse with the {@link #corpus()} published as sentences and the compare stage run. */
  public record JobRun(
      dev.parallax.config.ParallaxConfig config,
      dev.parallax.warehouse.Warehouse warehouse,
      CompareJob.Result result) {}

  /** Run date of {@link #runCompare}. */
  public static final String RUN_DATE = "2025-02-10";

  /**
   * Publishes {@link #corpus()} under {@code root} and runs {@link CompareJob} with small
   * resampling counts (200 bootstrap replicates, 199 permutations), min_term_count 2 and
   * prior_scale 50.
   */
  public static JobRun runCompare(java.nio.file.Path root) {
    java.util.Map<String, String> flags = new java.util.HashMap<>();
    flags.put("warehouse", root.toString());
    flags.put("run_date", RUN_DATE);
    flags.put("compare.bootstrap_reps", "200");
    flags.put("compare.permutations", "199");
    flags.put("compare.min_term_count", "2");
    flags.put("compare.prior_scale", "50");
    dev.parallax.config.ParallaxConfig config = dev.parallax.config.ConfigLoader.load(null, flags);
    dev.parallax.warehouse.Warehouse wh =
        new dev.parallax.warehouse.Warehouse(TestSpark.get(), root.toString(), 1_000_000);
    publishSentences(wh, java.time.LocalDate.parse(RUN_DATE), frame(corpus()));
    CompareJob.Result r =
        CompareJob.run(
            TestSpark.get(),
            config,
            wh,
            "run-1",
            List.of(new ThemeLabel("t1", "Theme one", "economic")));
    return new JobRun(config, wh, r);
  }

  /**
   * Publishes annotated sentence rows as the annotate stage does: the sentences table and the
   * quotes table made from their {@code quotes} column.
   */
  public static void publishSentences(
      dev.parallax.warehouse.Warehouse wh,
      java.time.LocalDate date,
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> sentences) {
    wh.publish(
        dev.parallax.warehouse.Table.SENTENCES,
        date,
        "fixture",
        dev.parallax.nlp.AnnotateJob.published(sentences));
    wh.publish(
        dev.parallax.warehouse.Table.QUOTES,
        date,
        "fixture",
        dev.parallax.nlp.AnnotateJob.quotes(sentences));
  }
}
