package dev.parallax.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where configuration keys, their types and their built-in defaults are defined.
 *
 * <p>Keys are dotted paths into the YAML file ({@code compare.seed} is {@code seed:} under {@code
 * compare:}). Resolution order, highest first: command-line flag, config file, the default here.
 * Keys under {@code spark.conf.} are passed to Spark unchanged and are the only free-form keys,
 * except the properties {@link SparkSessions#FIXED} names, which are refused.
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  /** A configuration key: its dotted name, value type, default (null = none) and a one-line doc. */
  public record Key(String name, Type type, String defaultValue, String doc) {}

  /** Value types a key may hold; each names how the loader parses and checks it. */
  public enum Type {
    STRING,
    PATH,
    INT,
    LONG,
    DOUBLE,
    BOOLEAN,
    DATE,
    CHOICE,
    /** A list of ISO 639-1 language codes, comma-separated (a YAML list in the file). */
    LANGUAGES
  }

  public static final String SPARK_CONF_PREFIX = "spark.conf.";

  /** Lexicon value meaning "the copy bundled in the application jar". */
  public static final String BUILTIN = "builtin";

  public static final Key INPUT =
      key(
          "input",
          Type.PATH,
          "data/coverage",
          "Directory, file or glob of raw coverage to ingest.");
  public static final Key WAREHOUSE =
      key(
          "warehouse",
          Type.PATH,
          "data/warehouse",
          "Warehouse root; every table is a folder partitioned by run_date.");
  public static final Key RUN_DATE =
      key("run_date", Type.DATE, null, "Partition to (re)write, YYYY-MM-DD; default today in UTC.");
  public static final Key MASTER =
      key(
          "master",
          Type.STRING,
          "local[*]",
          "Spark master URL (local[*], spark://host:7077, yarn, k8s://...).");
  public static final Key DEFAULT_STORY =
      key("story", Type.STRING, "default", "Story id given to input records that carry none.");
  public static final Key SHUFFLE_PARTITIONS =
      key(
          "spark.shuffle_partitions",
          Type.INT,
          "8",
          "spark.sql.shuffle.partitions for the run; size it to the corpus (about 1 per 100 MB).");
  public static final Key ROWS_PER_FILE =
      key(
          "warehouse.rows_per_file",
          Type.LONG,
          "1000000",
          "Target rows per Parquet file; a partition gets ceil(rows / this) files (sentences: one file "
              + "per annotate task, split at this many rows).");
  public static final Key LOCK_LEASE_SECONDS =
      key(
          "warehouse.lock_lease_seconds",
          Type.LONG,
          "600",
          "On HDFS and S3 warehouses (no kernel file locks): a run lock whose holder has not renewed"
              + " it for this many seconds is taken to belong to a dead run and is taken over; the"
              + " holder renews it every third of this.");
  public static final Key BAD_DATE =
      key(
          "ingest.on_bad_date",
          Type.CHOICE,
          "reject",
          "What to do with an unparseable 'published' value: reject (a rejects row) or null (keep the "
              + "article with published_at null and a warning).");
  public static final Key EXTRACTOR =
      key(
          "ingest.extractor",
          Type.CHOICE,
          "readability",
          "Main-text extraction of HTML pages (files and crawl records): readability (Readability4J,"
              + " the default: docs/extraction.md) or boilerpipe.");
  public static final Key MAX_RECORD_BYTES =
      key(
          "ingest.max_record_bytes",
          Type.LONG,
          Long.toString(10L * 1024 * 1024),
          "Records larger than this (decompressed bytes: a JSON line, a CSV record, a text, Markdown"
              + " or HTML file, a crawl record's payload) are rejected as oversized_record without"
              + " being parsed (default 10 MiB).");
  public static final Key MAX_FILE_BYTES =
      key(
          "ingest.max_file_bytes",
          Type.LONG,
          Long.toString(8L * 1024 * 1024 * 1024),
          "Decompressed bytes read from one input file at most: reading stops there and the rest of"
              + " the file is one file_too_large reject, so a gzip bomb costs seconds (default 8"
              + " GiB).");
  public static final Key OUTLETS =
      key(
          "ingest.outlets",
          Type.PATH,
          BUILTIN,
          "Outlet map of crawl input (data/outlets.tsv format: host suffix, source, country,"
              + " source_type), or 'builtin' for the bundled data/outlets.tsv.");

  /**
   * The languages identification chooses among when the configuration names none: the story's
   * vantage points (en, ja, zh, ko) and the languages most news is written in.
   */
  public static final List<String> DEFAULT_DETECT_LANGUAGES =
      List.of("en", "ja", "zh", "ko", "fr", "de", "es", "pt", "ru", "ar", "hi", "ta", "vi", "id");

  public static final Key DETECT_LANGUAGES =
      key(
          "languages.detect",
          Type.LANGUAGES,
          String.join(",", DEFAULT_DETECT_LANGUAGES),
          "ISO 639-1 codes of the languages an article's language is identified among (fewer is"
              + " faster); a text in another language is reported as the nearest of them or as"
              + " unknown.");
  public static final Key DEDUP_ENABLED =
      key(
          "dedup.enabled",
          Type.BOOLEAN,
          "true",
          "Find near-duplicate articles (MinHash LSH over shingles): articles.near_duplicate_of and"
              + " the syndication table.");
  public static final Key NEAR_DUPLICATE_THRESHOLD =
      key(
          "dedup.near_duplicate_threshold",
          Type.DOUBLE,
          "0.5",
          "Smallest Jaccard index of two articles' shingle sets, in (0, 1], that makes them near"
              + " duplicates.");
  public static final Key SHINGLE_WORDS =
      key(
          "dedup.shingle_words",
          Type.INT,
          "5",
          "Words per shingle of space-separated text (Japanese, Chinese and Korean text is"
              + " shingled by 5 characters).");
  public static final Key INCLUDE_DUPLICATES =
      key(
          "annotate.include_duplicates",
          Type.BOOLEAN,
          "false",
          "Annotate articles flagged as exact duplicates (duplicate_of) or near duplicates"
              + " (near_duplicate_of) too.");
  public static final Key SENTENCE_DETECTOR =
      key(
          "annotate.sentence_detector",
          Type.CHOICE,
          "parallax",
          "Sentence boundaries of English text: parallax (a linear-time splitter that gives the"
              + " boundaries of Spark NLP's detector with the same bounds, proven equal in tests;"
              + " the default) or spark-nlp (Spark NLP's SentenceDetector itself; docs/performance.md).");
  public static final Key LEXICON_THEMES =
      key(
          "lexicons.themes",
          Type.PATH,
          BUILTIN,
          "Theme taxonomy TSV (data/lexicons/themes.tsv format), or 'builtin'.");
  public static final Key LEXICON_VADER =
      key(
          "lexicons.tone_vader",
          Type.PATH,
          BUILTIN,
          "General tone lexicon in VADER's format, or 'builtin'.");
  public static final Key LEXICON_TONE_DOMAIN =
      key(
          "lexicons.tone_domain",
          Type.PATH,
          BUILTIN,
          "Domain tone lexicon TSV (term, valence, rationale), or 'builtin'.");
  public static final Key LEXICON_TONE_AFINN =
      key(
          "lexicons.tone_afinn",
          Type.PATH,
          BUILTIN,
          "AFINN-165 word list (word<TAB>valence) whose score is averaged with VADER's for English"
              + " tone, 'builtin', or 'none' for VADER's score alone.");
  public static final Key LEXICON_STANCE =
      key(
          "lexicons.stance_markers",
          Type.PATH,
          BUILTIN,
          "Stance markers TSV (category, marker, note), or 'builtin'.");
  public static final Key LEXICON_SPEAKERS =
      key(
          "lexicons.speakers",
          Type.PATH,
          BUILTIN,
          "Speakers map TSV (alias, canonical, affiliation, country, type): how quoted speakers"
              + " are normalised in the quotes and quoted_speakers tables, or 'builtin'.");
  public static final Key SEED =
      key(
          "compare.seed",
          Type.LONG,
          "20250207",
          "Seed for every bootstrap and permutation; same seed, same tables.");
  public static final Key BOOTSTRAP_REPS =
      key(
          "compare.bootstrap_reps",
          Type.INT,
          "2000",
          "Bootstrap replicates for confidence intervals.");
  public static final Key PERMUTATIONS =
      key(
          "compare.permutations",
          Type.INT,
          "4999",
          "Monte Carlo permutations per test; the smallest reportable p is 1/(permutations+1).");
  public static final Key ASYMPTOTIC_MIN_UNITS =
      key(
          "compare.asymptotic_min_units",
          Type.INT,
          "50",
          "Take a difference's p-value from the normal approximation of its permutation "
              + "distribution when both sides have at least this many resampling units.");
  public static final Key CONFIDENCE =
      key(
          "compare.confidence",
          Type.DOUBLE,
          "0.95",
          "Confidence level of every interval, in (0, 1).");
  public static final Key MIN_SENTENCES =
      key(
          "compare.min_sentences",
          Type.INT,
          "10",
          "Rows resting on fewer sentences per side are still written, flagged small_sample.");
  public static final Key MIN_ARTICLES_CLUSTER =
      key(
          "compare.min_articles_for_cluster",
          Type.INT,
          "5",
          "Resample whole articles when both sources have at least this many articles.");
  public static final Key TOP_TERMS =
      key("compare.top_terms", Type.INT, "30", "Distinctive terms kept per story and source.");
  public static final Key PRIOR_SCALE =
      key(
          "compare.prior_scale",
          Type.DOUBLE,
          "1000",
          "Total pseudo-count alpha0 of the informative Dirichlet prior (log-odds z-scores).");
  public static final Key MIN_TERM_COUNT =
      key(
          "compare.min_term_count",
          Type.INT,
          "3",
          "Terms seen fewer times in the whole story are not ranked.");

  public static final Key MIN_SOURCES =
      key(
          "compare.min_sources",
          Type.INT,
          "2",
          "A story is compared only when its annotated sentences come from at least this many"
              + " sources; the stories table says why the others were not.");
  public static final Key WINDOW_DAYS =
      key(
          "compare.window_days",
          Type.INT,
          "1",
          "Compare each story over the sentences of the run dates (run_date - N, run_date]: 1 is"
              + " the run date alone; 7 a week of daily runs. An article that arrived again on"
              + " another date of the window counts once. At most 366.");
  public static final Key TIME_ZONE =
      key(
          "compare.time_zone",
          Type.STRING,
          "UTC",
          "Time zone of the timeline's days (an IANA id such as Asia/Tokyo, or an offset such as"
              + " +09:00): an article's day is the date of its published_at there.");
  public static final Key STORY_THRESHOLD =
      key(
          "stories.threshold",
          Type.DOUBLE,
          "0.23",
          "Similarity to a seeded story's seeds at or above which an article joins it (a story's"
              + " own threshold overrides it); evidence in docs/stories.md.");
  public static final Key STORIES_AUTO =
      key(
          "stories.auto",
          Type.BOOLEAN,
          "false",
          "Cluster the articles that declare no story into automatic stories even when no seeded"
              + " story is defined (with one defined they always are).");
  public static final Key AUTO_THRESHOLD =
      key(
          "stories.auto_threshold",
          Type.DOUBLE,
          "0.25",
          "TF-IDF cosine at or above which two articles are linked in an automatic story.");
  public static final Key AUTO_WINDOW_DAYS =
      key(
          "stories.auto_window_days",
          Type.INT,
          "3",
          "Articles published more than this many days apart are never linked in an automatic"
              + " story (articles without a date can link to any).");
  public static final Key LEXICON_ENTITIES =
      key(
          "lexicons.entities",
          Type.PATH,
          BUILTIN,
          "Entities TSV (entity, language, alias) whose aliases become cross-lingual concept"
              + " tokens in story similarity, or 'builtin'.");

  // Tone lexicons of languages other than English (en is lexicons.tone_vader + tone_domain).
  /** Value of a {@code lexicons.tone.<language>} key meaning "no tone lexicon: tone is null". */
  public static final String NONE = "none";

  public static final Key LEXICON_TONE_JA = toneKey("ja", "Japanese");
  public static final Key LEXICON_TONE_ZH = toneKey("zh", "Chinese");
  public static final Key LEXICON_TONE_KO = toneKey("ko", "Korean");

  /** The {@code lexicons.tone.<language>} keys by language (ISO 639-1). */
  public static final Map<String, Key> TONE_LEXICONS =
      Map.of("ja", LEXICON_TONE_JA, "zh", LEXICON_TONE_ZH, "ko", LEXICON_TONE_KO);

  private static Key toneKey(String language, String name) {
    return key(
        "lexicons.tone." + language,
        Type.PATH,
        NONE,
        name
            + " tone lexicon (token<TAB>valence lines, data/lexicons/README.md), or 'none': "
            + language
            + " sentences then get tone null.");
  }

  private static Map<String, Key> registry;

  private static Key key(String name, Type type, String dflt, String doc) {
    Key k = new Key(name, type, dflt, doc);
    if (registry == null) {
      registry = new LinkedHashMap<>();
    }
    registry.put(name, k);
    return k;
  }

  /** Every key in declaration order. */
  public static Map<String, Key> all() {
    return java.util.Collections.unmodifiableMap(registry);
  }

  /** Allowed values of a {@link Type#CHOICE} key. */
  static java.util.List<String> choices(Key key) {
    if (key.equals(BAD_DATE)) {
      return java.util.List.of("reject", "null");
    }
    if (key.equals(EXTRACTOR)) {
      return java.util.List.of("readability", "boilerpipe");
    }
    if (key.equals(SENTENCE_DETECTOR)) {
      return java.util.List.of("parallax", "spark-nlp");
    }
    return java.util.List.of();
  }
}
