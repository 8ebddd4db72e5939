package dev.parallax.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.config.StoryDefinition;
import dev.parallax.stories.EntityLexicon;
import dev.parallax.stories.NearDuplicates;
import dev.parallax.stories.StoriesTable;
import dev.parallax.stories.StoryAssignment;
import dev.parallax.stories.Syndication;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.RejectsColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

/**
 * The ingest stage: raw coverage files to the {@code articles} and {@code rejects} tables.
 *
 * <p>Every input record ends in exactly one of them, so {@code input = accepted + rejected}; a file
 * that yields no record at all (empty, unknown type, unreadable) counts as one rejected record.
 * Exact duplicates (same normalised text) stay in {@code articles} with {@code duplicate_of} set to
 * the earliest copy's id; near duplicates get {@code near_duplicate_of} ({@link NearDuplicates},
 * unless {@code dedup.enabled} is false), and every copy of either kind is listed in the {@code
 * syndication} table ({@link Syndication}).
 *
 * <p>Crawl archives (WARC, WET) are not read whole: each file is one task that streams its records
 * through Hadoop's FileSystem ({@link WarcRecords}), so many files are read in parallel and one
 * record is in memory at a time. Crawl records that are not input records (request, warcinfo …) are
 * counted by kind in {@link Result#skippedRecords} and reach no table.
 *
 * <p>Each accepted article's language is identified from its text inside the tasks, among the
 * config's {@code languages.detect}: one shared {@link LanguageId} per executor JVM, built on first
 * use (the detector is not serializable, so the tasks carry only the codes).
 */
public final class IngestJob {
  private IngestJob() {}

  /**
   * Counts of one ingest run; {@code input == accepted + rejected}. {@code duplicates} (exact,
   * {@code duplicate_of}) and {@code nearDuplicates} ({@code near_duplicate_of}) are disjoint parts
   * of {@code accepted}; {@code syndication} and {@code stories} are the rows of those tables.
   *
   * @param skipped files not read (documentation, hidden)
   * @param skippedRecords crawl records that are not input records, by kind ({@code "warc
   *     request"}, {@code "warc warcinfo"} …), sorted; empty without crawl input
   * @param timings wall-clock seconds of the stage's steps in order ({@code read}, {@code split}
   *     with exact duplicates, {@code near_duplicates}, {@code stories}, {@code publish}); each
   *     step's Dataset is materialised before the next starts, so the figures add up to the stage
   */
  public record Result(
      long input,
      long accepted,
      long rejected,
      long duplicates,
      long nearDuplicates,
      long syndication,
      long stories,
      int files,
      List<String> skipped,
      Map<String, Long> skippedRecords,
      Map<String, Double> timings) {
    public Result {
      skippedRecords = java.util.Collections.unmodifiableMap(new TreeMap<>(skippedRecords));
      timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
    }

    public String reconciliation() {
      String line =
          "input="
              + input
              + " accepted="
              + accepted
              + " rejected="
              + rejected
              + " duplicates="
              + duplicates
              + " near_duplicates="
              + nearDuplicates;
      if (skippedRecords.isEmpty()) {
        return line;
      }
      long n = skippedRecords.values().stream().mapToLong(Long::longValue).sum();
      StringBuilder sb = new StringBuilder(line).append(" skipped_records=").append(n).append(" (");
      skippedRecords.forEach(
          (k, v) ->
              sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ")
                  .append(k)
                  .append('=')
                  .append(v));
      return sb.append("; not input records)").toString();
    }
  }

  /** Wall-clock seconds of the named steps of one ingest run, in order. */
  private static final class Steps {
    final Map<String, Double> seconds = new java.util.LinkedHashMap<>();
    private long last = System.nanoTime();

    void done(String step) {
      long now = System.nanoTime();
      seconds.put(step, (now - last) / 1e9);
      last = now;
    }
  }

  /**
   * Reason code of a checked row that stands for a crawl record which is not an input record (a
   * WARC request, warcinfo …; the reason holds its kind). Such rows are counted into {@link
   * Result#skippedRecords} and removed before the split: they never reach a table.
   */
  static final String SKIPPED_RECORD = "_skipped_record";

  /** Reads, checks and publishes; the tables are replaced for the config's run date. */
  public static Result run(
      SparkSession spark, ParallaxConfig config, Warehouse warehouse, String runId) {
    InputFiles files = InputFiles.list(spark, config.input());
    spark
        .sparkContext()
        .setJobGroup(
            "ingest",
            "ingest: read, check and identify the language of " + files.files().size() + " files",
            false);
    Steps steps = new Steps();
    Dataset<Row> read =
        checkedRecords(spark, files.files(), config)
            .unionByName(seedRecords(spark, config))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Long> skippedRecords = new TreeMap<>();
    for (Row r :
        read.filter(col(RejectsColumns.REASON_CODE).equalTo(SKIPPED_RECORD))
            .groupBy(RejectsColumns.REASON)
            .count()
            .collectAsList()) {
      skippedRecords.put(r.getString(0), r.getLong(1));
    }
    Dataset<Row> checked =
        read.filter(
            col(RejectsColumns.REASON_CODE)
                .isNull()
                .or(col(RejectsColumns.REASON_CODE).notEqual(SKIPPED_RECORD)));
    steps.done("read");
    try {
      Dataset<Row>[] split = split(checked);
      Dataset<Row> unmarked = split[0].persist(StorageLevel.MEMORY_AND_DISK());
      unmarked.count();
      steps.done("split");
      Dataset<Row> marked = unmarked;
      if (config.booleanValue(ConfigKeys.DEDUP_ENABLED)) {
        marked =
            NearDuplicates.mark(unmarked, NearDuplicates.Params.of(config))
                .persist(StorageLevel.MEMORY_AND_DISK());
        marked.count();
      }
      steps.done("near_duplicates");
      StoryAssignment.Params storyParams = storyParams(config);
      StoryAssignment.Result stories = StoryAssignment.assign(marked, storyParams);
      Dataset<Row> articles = stories.articles().persist(StorageLevel.MEMORY_AND_DISK());
      // materialises the articles and counts both kinds of duplicate in the same pass
      Row dupCounts =
          articles
              .agg(
                  org.apache.spark.sql.functions.count(col(ArticlesColumns.DUPLICATE_OF)),
                  org.apache.spark.sql.functions.count(col(ArticlesColumns.NEAR_DUPLICATE_OF)))
              .first();
      long duplicates = dupCounts.getLong(0);
      long nearDuplicates = dupCounts.getLong(1);
      steps.done("stories");
      // Rejects include article-id clashes, found by a window over every accepted record's
      // text: persisted, so publish's count and write do not repeat that shuffle.
      Dataset<Row> rejects = split[1].persist(StorageLevel.MEMORY_AND_DISK());
      long accepted = warehouse.publish(Table.ARTICLES, config.runDate(), runId, articles);
      long rejected = warehouse.publish(Table.REJECTS, config.runDate(), runId, rejects);
      long storyRows =
          warehouse.publish(
              Table.STORIES,
              config.runDate(),
              runId,
              StoriesTable.of(
                  articles, stories, storyParams, config.intValue(ConfigKeys.MIN_SOURCES)));
      // The syndication rows come from several joins of the articles: computed once into a
      // local checkpoint (publish counts, samples and writes them), and not at all when no
      // article is a copy (the table is then empty).
      spark.sparkContext().setJobDescription("ingest: syndication table");
      Dataset<Row> syndicationRows =
          duplicates + nearDuplicates == 0
              ? Syndication.table(articles).limit(0)
              : Syndication.table(articles).localCheckpoint(true);
      long syndication =
          warehouse.publish(Table.SYNDICATION, config.runDate(), runId, syndicationRows);
      rejects.unpersist();
      articles.unpersist();
      marked.unpersist();
      unmarked.unpersist();
      steps.done("publish");
      return new Result(
          accepted + rejected,
          accepted,
          rejected,
          duplicates,
          nearDuplicates,
          syndication,
          storyRows,
          files.files().size(),
          files.skipped(),
          skippedRecords,
          steps.seconds);
    } finally {
      read.unpersist();
    }
  }

  /** The checked rows of every defined story's seed files. */
  static Dataset<Row> seedRecords(SparkSession spark, ParallaxConfig config) {
    Dataset<Row> out = spark.createDataFrame(List.of(), IngestSchemas.CHECKED);
    for (StoryDefinition story : config.stories()) {
      List<String> seeds =
          story.seeds().stream()
              .map(s -> s.contains("://") ? s : java.nio.file.Path.of(s).toUri().toString())
              .toList();
      out = out.unionByName(checkedRecords(spark, seeds, config, story.id()));
    }
    return out;
  }

  /**
   * The story settings of the configuration; reads the entities lexicon when stories are assigned,
   * so a command calls it before Spark starts to fail early on a bad lexicon.
   *
   * @throws dev.parallax.config.ConfigException for a missing or malformed entities lexicon
   */
  public static StoryAssignment.Params storyParams(ParallaxConfig config) {
    boolean active = config.booleanValue(ConfigKeys.STORIES_AUTO) || !config.stories().isEmpty();
    return new StoryAssignment.Params(
        config.stories(),
        config.doubleValue(ConfigKeys.STORY_THRESHOLD),
        config.booleanValue(ConfigKeys.STORIES_AUTO),
        config.doubleValue(ConfigKeys.AUTO_THRESHOLD),
        config.intValue(ConfigKeys.AUTO_WINDOW_DAYS),
        active ? EntityLexicon.load(config) : EntityLexicon.parse("none", ""));
  }

  /** One checked row per input record (see {@link IngestSchemas#CHECKED}). */
  static Dataset<Row> checkedRecords(
      SparkSession spark, List<String> files, ParallaxConfig config) {
    return checkedRecords(spark, files, config, null);
  }

  /**
   * As {@link #checkedRecords(SparkSession, List, ParallaxConfig)}; with {@code seedStory} set, the
   * files are that story's seeds: each record gets the story (story_kind seeded, similarity 1), and
   * one without a source gets the file's base name ({@link #seedSource}).
   */
  static Dataset<Row> checkedRecords(
      SparkSession spark, List<String> files, ParallaxConfig config, String seedStory) {
    String defaultStory = config.string(ConfigKeys.DEFAULT_STORY);
    ArticleRules.BadDate badDate =
        ArticleRules.BadDate.valueOf(config.string(ConfigKeys.BAD_DATE).toUpperCase(Locale.ROOT));
    List<String> candidates = List.copyOf(config.languages(ConfigKeys.DETECT_LANGUAGES));
    MainText.Extractor extractor = MainText.Extractor.of(config.string(ConfigKeys.EXTRACTOR));
    List<String> parquet = new ArrayList<>();
    List<String> crawl = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (String f : files) {
      InputFormat format = InputFormat.of(f);
      (format == InputFormat.PARQUET ? parquet : format.isCrawl() ? crawl : other).add(f);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows = jsc.emptyRDD();
    if (!crawl.isEmpty()) {
      WarcRecords.Options options =
          new WarcRecords.Options(
              extractor,
              config.longValue(ConfigKeys.MAX_RECORD_BYTES),
              Outlets.load(config),
              config.longValue(ConfigKeys.MAX_FILE_BYTES));
      rows =
          rows.union(crawlRows(jsc, crawl, options, defaultStory, badDate, candidates, seedStory));
    }
    if (!other.isEmpty()) {
      rows =
          rows.union(
              fileRows(
                  spark,
                  other,
                  extractor,
                  IngestLimits.of(config),
                  defaultStory,
                  badDate,
                  candidates,
                  seedStory));
    }
    for (String f : parquet) {
      rows = rows.union(parquetRows(spark, f, defaultStory, badDate, candidates, seedStory));
    }
    return spark.createDataFrame(rows, IngestSchemas.CHECKED);
  }

  /**
   * The checked rows of JSON Lines, CSV, JSON, text, Markdown and HTML files, read as streams
   * through Hadoop's FileSystem ({@link RecordReader}): an uncompressed JSON Lines file larger than
   * {@code spark.sql.files.maxPartitionBytes} is read in several splits at once ({@link
   * FileSplits}), every other file in one task, and no task holds a whole file.
   */
  private static JavaRDD<Row> fileRows(
      SparkSession spark,
      List<String> files,
      MainText.Extractor extractor,
      IngestLimits limits,
      String defaultStory,
      ArticleRules.BadDate badDate,
      List<String> candidates,
      String seedStory) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    long splitBytes = spark.sessionState().conf().filesMaxPartitionBytes();
    List<FileSplits.Part> parts = FileSplits.plan(jsc, files, splitBytes, limits);
    long splitParts = parts.stream().filter(p -> !p.split().whole()).count();
    int slices =
        (int)
            Math.max(
                1,
                Math.min(
                    parts.size(),
                    Math.max(splitParts, spark.sparkContext().defaultParallelism() * 4L)));
    SerializableWritable<Configuration> conf =
        new SerializableWritable<>(jsc.hadoopConfiguration());
    // The parts travel in the closure (Java serialization), the RDD holds only their positions:
    // the configured serializer (Kryo) cannot build records.
    List<Integer> positions = java.util.stream.IntStream.range(0, parts.size()).boxed().toList();
    return jsc.parallelize(positions, slices)
        .flatMap(
            position -> {
              FileSplits.Part part = parts.get(position);
              String file = displayPath(part.uri());
              Iterator<RawRecord> records =
                  RecordReader.read(
                      file,
                      FileSplits.source(conf.value(), part.uri()),
                      extractor,
                      limits,
                      part.split());
              LanguageId languages = LanguageId.forCandidates(candidates);
              return new Iterator<Row>() {
                private long index = part.split().firstRecord();

                @Override
                public boolean hasNext() {
                  return records.hasNext();
                }

                @Override
                public Row next() {
                  return toRow(
                      records.next(), index++, defaultStory, badDate, languages, seedStory);
                }
              };
            });
  }

  /**
   * The checked rows of crawl archives: one task per file (many files read in parallel), each
   * streaming its file through Hadoop's FileSystem (file:, hdfs:, s3a: …) with {@link WarcRecords},
   * one record in memory at a time. Records that are not input become {@link #SKIPPED_RECORD} rows.
   */
  private static JavaRDD<Row> crawlRows(
      JavaSparkContext jsc,
      List<String> files,
      WarcRecords.Options options,
      String defaultStory,
      ArticleRules.BadDate badDate,
      List<String> candidates,
      String seedStory) {
    SerializableWritable<Configuration> conf =
        new SerializableWritable<>(jsc.hadoopConfiguration());
    return jsc.parallelize(files, files.size())
        .flatMap(
            uri -> {
              String file = displayPath(uri);
              WarcRecords.Source source = FileSplits.source(conf.value(), uri);
              Iterator<WarcRecords.Item> items = WarcRecords.read(file, source, options);
              LanguageId languages = LanguageId.forCandidates(candidates);
              return new Iterator<Row>() {
                private long index;

                @Override
                public boolean hasNext() {
                  return items.hasNext();
                }

                @Override
                public Row next() {
                  WarcRecords.Item item = items.next();
                  if (item.skippedType() != null) {
                    return skippedRow(file, item.skippedType());
                  }
                  return toRow(item.record(), index++, defaultStory, badDate, languages, seedStory);
                }
              };
            });
  }

  /** A checked row standing for a crawl record that is not an input record. */
  private static Row skippedRow(String file, String kind) {
    return rejectRow(
        RawRecord.unreadable(file, "skipped", SKIPPED_RECORD, kind, ""),
        -1,
        SKIPPED_RECORD,
        kind,
        null);
  }

  private static JavaRDD<Row> parquetRows(
      SparkSession spark,
      String file,
      String defaultStory,
      ArticleRules.BadDate badDate,
      List<String> candidates,
      String seedStory) {
    String shown = displayPath(file);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Dataset<Row> df;
    try {
      df = spark.read().parquet(file);
      if (df.isEmpty()) {
        return jsc.parallelize(
            List.of(
                unreadableRow(
                    RawRecord.unreadable(
                        shown, "file", Reasons.EMPTY_FILE, "Parquet file has no rows", ""))));
      }
    } catch (Exception e) {
      String msg =
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      return jsc.parallelize(
          List.of(
              unreadableRow(
                  RawRecord.unreadable(
                      shown,
                      "file",
                      Reasons.UNREADABLE_FILE,
                      "not a readable Parquet file: " + msg,
                      ""))));
    }
    String[] names = df.columns();
    Dataset<Row> asText =
        df.select(
            Arrays.stream(names)
                .map(n -> col("`" + n + "`").cast("string").as(n))
                .toArray(org.apache.spark.sql.Column[]::new));
    return asText
        .javaRDD()
        .zipWithIndex()
        .mapPartitions(
            part -> {
              LanguageId languages = LanguageId.forCandidates(candidates);
              List<Row> out = new ArrayList<>();
              while (part.hasNext()) {
                scala.Tuple2<Row, Long> t = part.next();
                Row r = t._1();
                Map<String, String> fields = new TreeMap<>();
                for (int i = 0; i < names.length; i++) {
                  if (!r.isNullAt(i)) {
                    fields.put(names[i], r.getString(i));
                  }
                }
                String ref = "row " + (t._2() + 1);
                String excerpt = RecordReader.excerpt(fields.toString());
                out.add(
                    toRow(
                        RawRecord.ok(shown, ref, fields, excerpt),
                        t._2(),
                        defaultStory,
                        badDate,
                        languages,
                        seedStory));
              }
              return out.iterator();
            });
  }

  /** The checked row of a file that yields no record (one reject). */
  private static Row unreadableRow(RawRecord rec) {
    return rejectRow(rec, 0, rec.reasonCode(), rec.reason(), null);
  }

  /**
   * The checked row of one raw record; {@code seedStory} non-null when it comes from that story's
   * seed file.
   */
  static Row toRow(
      RawRecord rec,
      long index,
      String defaultStory,
      ArticleRules.BadDate badDate,
      LanguageId languages,
      String seedStory) {
    if (!rec.readable()) {
      return rejectRow(rec, index, rec.reasonCode(), rec.reason(), null);
    }
    Map<String, String> fields =
        seedStory == null
            ? rec.fields()
            : ArticleRules.asSeed(rec.fields(), seedStory, seedSource(rec.inputFile()));
    ArticleRules.Checked c = ArticleRules.check(fields, defaultStory, badDate, languages);
    if (c.reasonCode() != null) {
      String source = rec.fields().get("source");
      return rejectRow(rec, index, c.reasonCode(), c.reason(), source);
    }
    Object[] row = new Object[IngestSchemas.CHECKED.size()];
    row[IngestSchemas.ARTICLE_ID] = c.articleId();
    row[IngestSchemas.RECORD_ID] = c.recordId();
    row[IngestSchemas.STORY] = c.story();
    row[IngestSchemas.SOURCE] = c.source();
    row[IngestSchemas.URL] = c.url();
    row[IngestSchemas.TITLE] = c.title();
    row[IngestSchemas.AUTHOR] = c.author();
    row[IngestSchemas.PUBLISHED_AT] = c.publishedAt();
    row[IngestSchemas.LANGUAGE] = c.language();
    row[IngestSchemas.LANGUAGE_DECLARED] = c.languageDeclared();
    row[IngestSchemas.LANGUAGE_CONFIDENCE] = c.languageConfidence();
    row[IngestSchemas.COUNTRY] = c.country();
    row[IngestSchemas.SOURCE_TYPE] = c.sourceType();
    row[IngestSchemas.SYNTHETIC] = c.synthetic();
    row[IngestSchemas.TEXT] = c.text();
    row[IngestSchemas.N_CHARS] = c.nChars();
    row[IngestSchemas.N_WORDS] = c.nWords();
    row[IngestSchemas.CONTENT_SHA256] = c.contentSha256();
    row[IngestSchemas.INPUT_FILE] = rec.inputFile();
    row[IngestSchemas.RECORD_REF] = rec.recordRef();
    row[IngestSchemas.RECORD_INDEX] = index;
    row[IngestSchemas.EXTRA_JSON] = c.extraJson();
    row[IngestSchemas.WARNINGS] =
        scala.collection.JavaConverters.asScalaBuffer(c.warnings()).toList();
    row[IngestSchemas.OUTLET_HOST] = c.outletHost();
    // Story kind null: the record names no story, so the stories step may assign one.
    if (seedStory != null) {
      row[IngestSchemas.STORY_KIND] = ArticlesColumns.KIND_SEEDED;
      row[IngestSchemas.STORY_SIMILARITY] = 1.0;
    } else if (ArticleRules.declaresStory(fields)) {
      row[IngestSchemas.STORY_KIND] = ArticlesColumns.KIND_DECLARED;
    }
    return RowFactory.create(row);
  }

  /**
   * The source of a seed record that names none: the seed file's name without directories and
   * extensions ({@code data/seed/opinion.txt.gz} → {@code opinion}).
   */
  static String seedSource(String file) {
    String name = new Path(file).getName();
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** A checked row of a rejected record: the reject columns, n_chars and n_words 0. */
  private static Row rejectRow(
      RawRecord rec, long index, String code, String reason, String source) {
    Object[] row = new Object[IngestSchemas.CHECKED.size()];
    row[IngestSchemas.SOURCE] = source;
    row[IngestSchemas.N_CHARS] = 0L;
    row[IngestSchemas.N_WORDS] = 0L;
    row[IngestSchemas.INPUT_FILE] = rec.inputFile();
    row[IngestSchemas.RECORD_REF] = rec.recordRef();
    row[IngestSchemas.RECORD_INDEX] = index;
    row[IngestSchemas.WARNINGS] = scala.collection.immutable.Nil$.MODULE$;
    row[IngestSchemas.REASON_CODE] = code;
    row[IngestSchemas.REASON] = reason;
    row[IngestSchemas.RAW_EXCERPT] = rec.rawExcerpt();
    return RowFactory.create(row);
  }

  /**
   * Splits checked rows into {articles, rejects}: a second record with an article_id already seen
   * (same source and url) is rejected, naming the first; exact text duplicates are marked.
   */
  @SuppressWarnings("unchecked")
  static Dataset<Row>[] split(Dataset<Row> checked) {
    Dataset<Row> ok = checked.filter(col(RejectsColumns.REASON_CODE).isNull());
    WindowSpec byId =
        Window.partitionBy(ArticlesColumns.ARTICLE_ID)
            .orderBy(ArticlesColumns.INPUT_FILE, ArticlesColumns.RECORD_INDEX);
    Dataset<Row> ranked =
        ok.withColumn("_n", row_number().over(byId))
            .withColumn(
                "_first_ref",
                first(
                        concat(
                            col(ArticlesColumns.INPUT_FILE),
                            lit(" "),
                            col(ArticlesColumns.RECORD_REF)))
                    .over(byId));
    Dataset<Row> unique = ranked.filter(col("_n").equalTo(1));
    Dataset<Row> idClash =
        ranked
            .filter(col("_n").gt(1))
            .withColumn(RejectsColumns.REASON_CODE, lit(Reasons.DUPLICATE_ARTICLE_ID))
            .withColumn(
                RejectsColumns.REASON,
                concat(lit("same source and url as the record accepted from "), col("_first_ref")))
            .withColumn(
                RejectsColumns.RAW_EXCERPT,
                col(ArticlesColumns.TEXT).substr(1, RecordReader.EXCERPT_BYTES / 4));
    WindowSpec byText =
        Window.partitionBy(ArticlesColumns.CONTENT_SHA256)
            .orderBy(
                col(ArticlesColumns.PUBLISHED_AT).asc_nulls_last(),
                col(ArticlesColumns.ARTICLE_ID));
    Dataset<Row> articles =
        unique
            .withColumn("_canonical", first(ArticlesColumns.ARTICLE_ID).over(byText))
            .withColumn(
                ArticlesColumns.DUPLICATE_OF,
                when(
                    col("_canonical").notEqual(col(ArticlesColumns.ARTICLE_ID)), col("_canonical")))
            .select(
                Arrays.stream(ArticlesColumns.SCHEMA.fieldNames())
                    .map(org.apache.spark.sql.functions::col)
                    .toArray(org.apache.spark.sql.Column[]::new));
    String[] rejectCols = RejectsColumns.SCHEMA.fieldNames();
    Dataset<Row> rejects =
        checked
            .filter(col(RejectsColumns.REASON_CODE).isNotNull())
            .select(
                Arrays.stream(rejectCols)
                    .map(org.apache.spark.sql.functions::col)
                    .toArray(org.apache.spark.sql.Column[]::new))
            .unionByName(
                idClash.select(
                    Arrays.stream(rejectCols)
                        .map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new)));
    return new Dataset[] {articles, rejects};
  }

  /** Local files are shown as plain paths; other file systems keep their URI. */
  static String displayPath(String uri) {
    return uri.startsWith("file:") ? new Path(uri).toUri().getPath() : uri;
  }

  /** The files an input names: a file, a directory (recursively) or a glob. */
  record InputFiles(List<String> files, List<String> skipped) {
    static InputFiles list(SparkSession spark, String input) {
      try {
        Path p = new Path(input);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        FileStatus[] matches = fs.globStatus(p);
        if (matches == null || matches.length == 0) {
          throw new InputException("input " + input + " does not exist or matches no file");
        }
        List<String> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (FileStatus m : matches) {
          if (m.isDirectory()) {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
            while (it.hasNext()) {
              add(it.next().getPath(), m.getPath(), files, skipped);
            }
          } else {
            add(m.getPath(), null, files, skipped);
          }
        }
        files.sort(String::compareTo);
        skipped.sort(String::compareTo);
        return new InputFiles(List.copyOf(files), List.copyOf(skipped));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void add(Path file, Path root, List<String> files, List<String> skipped) {
      String name = file.getName();
      boolean hiddenDir = false;
      if (root != null) {
        for (Path q = file.getParent(); q != null && !q.equals(root); q = q.getParent()) {
          hiddenDir |= q.getName().startsWith(".") || q.getName().startsWith("_");
        }
      }
      String upper = name.toUpperCase(Locale.ROOT);
      if (hiddenDir
          || name.startsWith(".")
          || name.startsWith("_")
          || upper.startsWith("README")
          || upper.startsWith("LICENSE")) {
        skipped.add(displayPath(file.toString()));
        return;
      }
      files.add(file.toString());
    }
  }

  /** The input cannot be read at all (missing path, empty glob). */
  public static final class InputException extends RuntimeException {
    public InputException(String message) {
      super(message);
    }
  }
}
