package dev.parallax.report;

import static dev.parallax.compare.CompareFixtures.s;

import dev.parallax.TestSpark;
import dev.parallax.cli.Main;
import dev.parallax.compare.CompareFixtures;
import dev.parallax.compare.CompareJob;
import dev.parallax.compare.ThemeLabel;
import dev.parallax.config.ConfigLoader;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.stories.Syndication;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.RejectsColumns;
import dev.parallax.warehouse.schema.StoriesColumns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A tiny warehouse built by hand, and {@code parallax report} run on it once per test JVM.
 *
 * <p>Story s1 has three sources whose names try to break out of HTML and spreadsheets: {@link
 * #SCRIPT} (warm: 16 sentences, tone 0.60 + 0.02·i), {@link #FORMULA} (cold: tone −0.60 − 0.02·i)
 * and {@link #PLAIN} (near 0: ±0.01·(i mod 5)). Even sentences are on theme t1 (labelled {@link
 * #T1_LABEL}), odd ones on t2 (no label); the warm source's first sentence also on frame_economic,
 * a general frame theme. By hand: every pair of sources is perfectly separated on _all, t1 and t2
 * (9 rows; frame_economic has one source only, so no pair), so with 199 permutations each p = 1/200
 * and each BH q = 0.005: all 9 significant. The largest difference is warm − cold on t2: mean(0.60
 * + 0.02·odd i) = 0.76, so 0.76 − (−0.76) = 1.52; then _all (0.75 + 0.75 = 1.50) and t1 (0.74 +
 * 0.74 = 1.48).
 *
 * <p>Voices and quotes of s1 (tones above are the voice-all tones, unchanged by voices). Warm: the
 * sentences i = 3, 7, 11, 15 are quoted, each a direct quote of "Trump" (in the speakers map as
 * {@link #TRUMP}, {@link #US_GOVERNMENT}) with tones 0.8, 0.9, 0.7, 0.6; i = 1 and 5 are attributed
 * statements of {@link #OFFICIAL} (not in the map; tones 0.2 and none); the other 10 sentences are
 * authorial with authorial tone 0.30 + 0.02·i, and i = 0 also holds an unattributed direct quote
 * (tone −0.1). By hand: own words mean 0.30 + 0.02 · 78/10 = 0.456 (n = 10), against 0.75 over all
 * sentences (−0.294); 7 quotes: Trump 4 (4/7 = 57.1%, tone 0.75), the official 2 (28.6%, one toned,
 * 0.2), unattributed 1 (14.3%). Cold: every sentence authorial with its tone (own words = all,
 * −0.75), no quote. Plain: even i authorial (tones 0, .02, .04, .01, .03, 0, .02, .04: mean 0.02, n
 * = 8, a small sample; all sentences 0.02/16 = 0.00125); odd i quote someone: i = 1, 3, 5 "Mr.
 * Trump" (→ {@link #TRUMP}) directly, tones 0.1, 0.2, 0.3; i = 7, 9 attributed to {@link #ROE} (in
 * the map, {@link #ROE_AFFILIATION}), −0.2 and −0.4; i = 11 {@link #SPOKESPERSON} (not in the map),
 * 0.0; i = 13, 15 unattributed, without tone. So 8 quotes: Trump 3 (37.5%, rank 1, tone 0.2), Roe 2
 * (25%, rank 2, −0.3), unattributed 2 (25%, rank 3: ties put the unattributed row last), the
 * spokesperson 1 (12.5%, rank 4). In own words, warm − cold over all sentences is 0.456 + 0.75 =
 * 1.206 (1.500 over all sentences), perfectly separated (10 against 16 sentences).
 *
 * <p>Story s2: sources C and D, three sentences each on t3 with overlapping tones, so none of its
 * two rows (_all, t3) is significant. Its sentences have no voice (as written before voices were
 * told apart): no own-words rows, no quote.
 *
 * <p>Story s3, in two languages: {@link #HARBOR} (en, four sentences on t4 with tones 0.2, 0.3,
 * −0.1, 0.4) and {@link #TOTO} (ja, four sentences, two on t4, no tone and no stance markers: no
 * tone lexicon for Japanese). So s3 has no stance difference (one side has no tone), its tone
 * charts show {@link #HARBOR} only and name {@link #TOTO} as not scored. {@link #HARBOR}'s fourth
 * sentence (tone 0.4) is a direct quote of "Ishiba" ({@link #ISHIBA}, tone 0.4), the others
 * authorial: own words (0.2 + 0.3 − 0.1) / 3 = 0.133, a small sample; its one quote is 100% of its
 * quotes. {@link #TOTO}'s sentences are authorial without tone, with no quote. Sentences of s1 and
 * s2 are in English.
 *
 * <p>Ingest tables: 13 articles (one an exact duplicate, p1 of p0; one a near duplicate, {@link
 * #ECHO}'s e0 of x0, similarity 0.74; two of s3, in Portuguese and in an unknown language, have no
 * sentence: not analysed; so 9 analysed) and 3 rejects (2 malformed_json in one file, 1
 * missing_source in another): input 16 = 13 accepted + 3 rejected, and 13 accepted = 9 analysed + 1
 * duplicate + 1 near duplicate + 2 not analysed (pt 1, unknown 1). The syndication table, built
 * from these articles, has two rows in s1: p1 (exact copy of p0, similarity 1) and e0 (near copy of
 * x0, 0.74); s2 and s3 have none.
 *
 * <p>Publication days (UTC; the window is run date 2025-02-10 alone): s1's first articles x0, h0,
 * p0 on 2025-02-07 and its second ones x1, h1 on 2025-02-09, so its timeline draws 3, 0 and 2
 * articles on 07, 08 and 09 Feb (08 zero-filled). Pooled tone of s1 on 07 Feb over all sentences:
 * warm 8 sentences at mean 0.67, cold 8 at −0.67, plain 16 summing to 0.02, so 0.02 / 32 =
 * 0.000625; on t1: warm 4 at 0.66, cold 4 at −0.66, plain 8 summing to 0.16, so 0.16 / 16 = 0.010.
 * s2: C on 07 Feb (tone 0.1, n = 3), D's article has no publication date (undated, not drawn). s3:
 * {@link #HARBOR} on 07 Feb (tone 0.2, n = 4), {@link #TOTO}'s article dated {@value #FAR_PAST}
 * (out of range, not drawn).
 */
public final class ReportFixtures {
  private ReportFixtures() {}

  public static final String RUN_DATE = "2025-02-10";
  public static final String SCRIPT = "<script>alert(1)</script>";
  public static final String FORMULA = "=HYPERLINK(\"x\")";
  public static final String PLAIN = "Plain & Simple Post";
  public static final String T1_LABEL = "Theme <b>one</b>";

  /** The English source of story s3. */
  public static final String HARBOR = "Harbor Daily";

  /** The Japanese source of story s3 (an invented outlet). */
  public static final String TOTO = "東都新聞";

  /** A term only the cold source uses, twice. */
  public static final String TAG_TERM = "<i>tag</i>";

  /**
   * Charts by construction: s1 (2 story themes, 3 sources), s2 (1 theme, 2 sources), s3 (1 theme, 2
   * sources of which one has a tone: no difference chart; one English and one Japanese source, each
   * alone in its language: no distinctive terms, so terms charts only for s1's 3 and s2's 2
   * sources); a who-is-quoted heatmap for s1 and s3 (s2 has no quote); an attention chart and a
   * tone-over-time chart for each story (each has a dated source with a tone).
   */
  public static final Map<String, Integer> CHARTS =
      Map.of(
          "rates-heatmap",
          3,
          "tone-all",
          3,
          "tone-heatmap",
          3,
          "tone-theme",
          4,
          "differences",
          2,
          "quoted-heatmap",
          2,
          "terms",
          5,
          "attention",
          3,
          "tone-time",
          3);

  /** The report run: its exit code, stdout and the report directory. */
  public record Run(int exitCode, String stdout, Path directory, Warehouse warehouse) {
    public String html() {
      try {
        return Files.readString(directory.resolve("report.html"), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Run run;

  /** Builds the warehouse under a fresh temporary directory and runs the CLI's report command. */
  public static synchronized Run report() {
    if (run == null) {
      try {
        Path root = Files.createTempDirectory("parallax-report-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
        run = build(root.resolve("warehouse"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return run;
  }

  private static void deleteTree(Path root) {
    try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      System.err.println("could not delete " + root + ": " + e);
    }
  }

  static Run build(Path root) {
    LocalDate date = LocalDate.parse(RUN_DATE);
    Map<String, String> flags = new HashMap<>();
    flags.put("warehouse", root.toString());
    flags.put("run_date", RUN_DATE);
    flags.put("compare.bootstrap_reps", "200");
    flags.put("compare.permutations", "199");
    flags.put("compare.min_term_count", "2");
    flags.put("compare.prior_scale", "50");
    ParallaxConfig config = ConfigLoader.load(null, flags);
    Warehouse wh = new Warehouse(TestSpark.get(), root.toString(), 1_000_000);
    wh.publish(
        Table.ARTICLES,
        date,
        "fixture",
        TestSpark.get().createDataFrame(articles(), ArticlesColumns.SCHEMA));
    wh.publish(
        Table.SYNDICATION,
        date,
        "fixture",
        Syndication.table(TestSpark.get().createDataFrame(articles(), ArticlesColumns.SCHEMA)));
    wh.publish(
        Table.REJECTS,
        date,
        "fixture",
        TestSpark.get().createDataFrame(rejects(), RejectsColumns.SCHEMA));
    wh.publish(
        Table.STORIES,
        date,
        "fixture",
        TestSpark.get().createDataFrame(stories(), StoriesColumns.SCHEMA));
    CompareFixtures.publishSentences(wh, date, CompareFixtures.frame(sentences()));
    CompareJob.run(
        TestSpark.get(), config, wh, "run-1", List.of(new ThemeLabel("t1", T1_LABEL, "economic")));

    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      code = Main.execute("report", "--warehouse", root.toString(), "--run-date", RUN_DATE);
    } finally {
      System.setOut(old);
    }
    return new Run(
        code,
        buf.toString(StandardCharsets.UTF_8),
        root.resolve("reports/run_date=" + RUN_DATE),
        wh);
  }

  static List<CompareFixtures.S> sentences() {
    List<CompareFixtures.S> out = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String theme = i % 2 == 0 ? "t1" : "t2";
      CompareFixtures.S warm =
          s("s1", SCRIPT, "x" + (i / 8))
              .language("en")
              .published(i < 8 ? "2025-02-07T10:00:00Z" : "2025-02-09T10:00:00Z")
              .tone(0.60 + 0.02 * i)
              .tokens("alliance", "welcome", "deal")
              .themes(i == 0 ? new String[] {theme, "frame_economic"} : new String[] {theme});
      if (i % 4 == 3) {
        warm.voice(QUOTED, null).quote(DIRECT, "Trump", TRUMP, US_GOVERNMENT, WARM_TRUMP[i / 4]);
      } else if (i == 1 || i == 5) {
        warm.voice(ATTRIBUTED_VOICE, null)
            .quote(ATTRIBUTED, OFFICIAL, null, null, i == 1 ? Double.valueOf(0.2) : null);
      } else {
        warm.voice(AUTHORIAL, 0.30 + 0.02 * i);
      }
      if (i == 0) {
        warm.quote(DIRECT, null, null, null, -0.1);
      }
      out.add(warm);
      out.add(
          s("s1", FORMULA, "h" + (i / 8))
              .language("en")
              .published(i < 8 ? "2025-02-07T11:00:00Z" : "2025-02-09T11:00:00Z")
              .tone(-0.60 - 0.02 * i)
              .voice(AUTHORIAL, -0.60 - 0.02 * i)
              .tokens(i < 2 ? new String[] {"threat", TAG_TERM} : new String[] {"threat", "strain"})
              .themes(theme));
      double plainTone = (i % 2 == 0 ? 0.01 : -0.01) * (i % 5);
      CompareFixtures.S plain =
          s("s1", PLAIN, "p0")
              .language("en")
              .published("2025-02-07T12:00:00Z")
              .tone(plainTone)
              .tokens("talks", "continue", "today")
              .themes(theme);
      if (i % 2 == 0) {
        plain.voice(AUTHORIAL, plainTone);
      } else if (i <= 5) {
        plain
            .voice(QUOTED, null)
            .quote(DIRECT, "Mr. Trump", TRUMP, US_GOVERNMENT, 0.1 * (i / 2 + 1));
      } else if (i <= 9) {
        plain
            .voice(ATTRIBUTED_VOICE, null)
            .quote(ATTRIBUTED, ROE, ROE, ROE_AFFILIATION, i == 7 ? -0.2 : -0.4);
      } else if (i == 11) {
        plain.voice(QUOTED, null).quote(DIRECT, SPOKESPERSON, null, null, 0.0);
      } else {
        plain.voice(QUOTED, null).quote(DIRECT, null, null, null, null);
      }
      out.add(plain);
    }
    for (int i = 0; i < 3; i++) {
      out.add(
          s("s2", "C", "c0")
              .language("en")
              .published("2025-02-07T09:00:00Z")
              .tone(0.1 * i)
              .tokens("calm", "talks", "today")
              .themes("t3"));
      out.add(
          s("s2", "D", "d0")
              .language("en")
              .published(null)
              .tone(0.05 + 0.1 * i)
              .tokens("calm", "talks", "later")
              .themes("t3"));
    }
    double[] harbor = {0.2, 0.3, -0.1, 0.4};
    for (int i = 0; i < 4; i++) {
      CompareFixtures.S h =
          s("s3", HARBOR, "k0")
              .language("en")
              .published("2025-02-07T08:00:00Z")
              .tone(harbor[i])
              .tokens("summit", "tariff", "talks")
              .themes("t4");
      if (i == 3) {
        h.voice(QUOTED, null).quote(DIRECT, "Ishiba", ISHIBA, "Japanese government", 0.4);
      } else {
        h.voice(AUTHORIAL, harbor[i]);
      }
      out.add(h);
      out.add(
          s("s3", TOTO, "j0")
              .language("ja")
              .published(FAR_PAST)
              .noTone()
              .noMarkers()
              .voice(AUTHORIAL, null)
              .tokens("首脳", "会談", "関税")
              .themes(i < 2 ? new String[] {"t4"} : new String[0]));
    }
    return out;
  }

  // Voices and quotes of the fixture (see the class comment); speakers and affiliations invented
  // or public names only.
  private static final String AUTHORIAL = "authorial";
  private static final String QUOTED = "quoted";
  private static final String ATTRIBUTED_VOICE = "attributed";
  private static final String DIRECT = "direct";
  private static final String ATTRIBUTED = "attributed";
  public static final String TRUMP = "Donald Trump";
  public static final String US_GOVERNMENT = "U.S. government";
  public static final String ISHIBA = "Shigeru Ishiba";

  /** An attributed speaker outside the speakers map (as written). */
  public static final String OFFICIAL = "a senior official";

  /** An invented speaker in the map, with an affiliation that tries to open markup. */
  public static final String ROE = "Jane Roe";

  public static final String ROE_AFFILIATION = "Acme <Union> & Co";

  /** An unmapped speaker as written, trying to open markup. */
  public static final String SPOKESPERSON = "<em>Spokes</em>person";

  /** Tones of the warm source's four direct quotes of Trump (i = 3, 7, 11, 15). */
  private static final double[] WARM_TRUMP = {0.8, 0.9, 0.7, 0.6};

  static List<Row> articles() {
    return List.of(
        article("x0", "s1", SCRIPT, SCRIPT, "2025-02-07T10:00:00Z", null),
        article("x1", "s1", SCRIPT, "Second & \"quoted\" title", "2025-02-09T10:00:00Z", null),
        article("h0", "s1", FORMULA, FORMULA, "2025-02-07T11:00:00Z", null),
        article("h1", "s1", FORMULA, null, "2025-02-09T11:00:00Z", null),
        article("p0", "s1", PLAIN, "Calm talks", "2025-02-07T12:00:00Z", null),
        article("p1", "s1", PLAIN, "Calm talks", "2025-02-07T13:00:00Z", "p0"),
        article("c0", "s2", "C", "C on the talks", "2025-02-07T09:00:00Z", null),
        article("d0", "s2", "D", "D on the talks", null, null),
        article("k0", "s3", HARBOR, "Summit talks", "2025-02-07T08:00:00Z", null),
        article("j0", "s3", TOTO, "首脳会談", FAR_PAST, null, "ja"),
        article("q0", "s3", "Folha Imaginária", "Cúpula", "2025-02-07T08:40:00Z", null, "pt"),
        article("u0", "s3", "Unknown Wire", "???", "2025-02-07T08:50:00Z", null, null),
        nearCopy("e0", "s1", ECHO, "Echo of the first", "2025-02-07T14:00:00Z", "x0", 0.74));
  }

  /** The publication time of {@link #TOTO}'s article: far before the window, off the timeline. */
  static final String FAR_PAST = "1970-01-01T08:30:00Z";

  /** The outlet (invented) whose one article is a near duplicate of the warm source's x0. */
  public static final String ECHO = "Echo & <Co> Courier";

  /** An English article that is a near duplicate of {@code of}, with that similarity. */
  private static Row nearCopy(
      String id,
      String story,
      String source,
      String title,
      String published,
      String of,
      double similarity) {
    Row r = article(id, story, source, title, published, null, "en");
    Object[] v = new Object[r.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.get(i);
    }
    v[ArticlesColumns.SCHEMA.fieldIndex(ArticlesColumns.NEAR_DUPLICATE_OF)] = of;
    v[ArticlesColumns.SCHEMA.fieldIndex(ArticlesColumns.NEAR_DUPLICATE_SIMILARITY)] = similarity;
    return RowFactory.create(v);
  }

  private static Row article(
      String id, String story, String source, String title, String published, String duplicateOf) {
    return article(id, story, source, title, published, duplicateOf, "en");
  }

  /** An articles row, set by column name (columns not named here are null). */
  private static Row article(
      String id,
      String story,
      String source,
      String title,
      String published,
      String duplicateOf,
      String language) {
    Map<String, Object> v = new HashMap<>();
    v.put(ArticlesColumns.ARTICLE_ID, id);
    v.put(ArticlesColumns.RECORD_ID, id);
    v.put(ArticlesColumns.STORY, story);
    v.put(ArticlesColumns.SOURCE, source);
    v.put(ArticlesColumns.URL, "https://example.org/" + id);
    v.put(ArticlesColumns.TITLE, title);
    v.put(
        ArticlesColumns.PUBLISHED_AT,
        published == null ? null : Timestamp.from(Instant.parse(published)));
    v.put(ArticlesColumns.LANGUAGE, language);
    v.put(ArticlesColumns.SYNTHETIC, true);
    v.put(ArticlesColumns.TEXT, "text of " + id);
    v.put(ArticlesColumns.N_CHARS, 10L);
    v.put(ArticlesColumns.N_WORDS, 3L);
    v.put(ArticlesColumns.CONTENT_SHA256, "sha-" + id);
    v.put(ArticlesColumns.DUPLICATE_OF, duplicateOf);
    v.put(ArticlesColumns.INPUT_FILE, "input/" + id + ".jsonl");
    v.put(ArticlesColumns.RECORD_REF, "line 1");
    v.put(ArticlesColumns.RECORD_INDEX, 0L);
    v.put(ArticlesColumns.WARNINGS, new String[0]);
    v.put(ArticlesColumns.STORY_KIND, ArticlesColumns.KIND_DECLARED);
    Object[] row = new Object[ArticlesColumns.SCHEMA.size()];
    for (Map.Entry<String, Object> e : v.entrySet()) {
      row[ArticlesColumns.SCHEMA.fieldIndex(e.getKey())] = e.getValue();
    }
    for (org.apache.spark.sql.types.StructField f : ArticlesColumns.SCHEMA.fields()) {
      if (!f.nullable() && row[ArticlesColumns.SCHEMA.fieldIndex(f.name())] == null) {
        throw new IllegalStateException("the fixture sets no value for " + f.name());
      }
    }
    return RowFactory.create(row);
  }

  /**
   * The stories table: s1, s2 and s3 as declared by the articles, and an automatic story of one
   * source that compare skipped (its article is not in the articles fixture: the report lists the
   * stories table as it is).
   */
  static List<Row> stories() {
    return List.of(
        story("s1", "declared", null, 6, 3, null),
        story("s2", "declared", null, 2, 2, null),
        story("s3", "declared", null, 4, 4, null),
        story(
            "auto-1",
            "auto",
            "volcano, ash, airport, <b>closed</b>, flights",
            1,
            1,
            "1 source, compare.min_sources is 2"));
  }

  private static Row story(
      String id, String kind, String label, long articles, long sources, String reason) {
    return RowFactory.create(
        id,
        kind,
        label,
        articles,
        sources,
        new String[] {"en"},
        null,
        null,
        new String[0],
        kind.equals("auto") ? 0.25 : null,
        reason == null,
        reason);
  }

  static List<Row> rejects() {
    return List.of(
        RowFactory.create(
            "input/bad.jsonl",
            "line 1",
            0L,
            "malformed_json",
            "not JSON: unexpected <eof>",
            "{\"source\": \"x",
            null),
        RowFactory.create(
            "input/bad.jsonl",
            "line 2",
            1L,
            "malformed_json",
            "not JSON: unexpected character",
            "{oops",
            null),
        RowFactory.create(
            "input/other.jsonl",
            "line 4",
            3L,
            "missing_source",
            "source is missing or blank",
            "{}",
            null));
  }
}
