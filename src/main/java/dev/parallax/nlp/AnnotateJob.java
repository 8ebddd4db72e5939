package dev.parallax.nlp;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;

import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.QuotesColumns;
import dev.parallax.warehouse.schema.SentencesColumns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/** The annotate stage: {@code articles} to {@code sentences}. */
public final class AnnotateJob {
  private AnnotateJob() {}

  /** The language named in the counts for an article whose language is null. */
  public static final String UNKNOWN_LANGUAGE = "unknown";

  /**
   * Counts of one annotate run. Every article of the partition is exactly one of: analysed (not a
   * duplicate, language with a profile), an exact duplicate ({@code duplicate_of} set), a near
   * duplicate ({@code near_duplicate_of} set; both kinds annotated too when {@code
   * annotate.include_duplicates}), or not analysed (not a duplicate, language without a profile or
   * unknown), so {@code accepted = analysed + duplicates + nearDuplicates + notAnalysed}.
   *
   * @param articles articles that got at least one sentence row
   * @param sentences sentence rows published
   * @param analysed articles annotated by a language profile, duplicates of both kinds excluded
   * @param duplicates articles flagged as exact duplicates
   * @param nearDuplicates articles flagged as near duplicates
   * @param notAnalysed articles left unannotated for want of a profile
   * @param notAnalysedByLanguage {@code notAnalysed} by language (ISO 639-1, or {@value
   *     #UNKNOWN_LANGUAGE} for null), sorted by language
   * @param quotes quote rows published
   */
  public record Result(
      long articles,
      long sentences,
      long analysed,
      long duplicates,
      long nearDuplicates,
      long notAnalysed,
      SortedMap<String, Long> notAnalysedByLanguage,
      long quotes) {
    public Result {
      notAnalysedByLanguage =
          Collections.unmodifiableSortedMap(new TreeMap<>(notAnalysedByLanguage));
    }

    /** The same counts with {@code quotes} quote rows. */
    Result withQuotes(long quotes) {
      return new Result(
          articles,
          sentences,
          analysed,
          duplicates,
          nearDuplicates,
          notAnalysed,
          notAnalysedByLanguage,
          quotes);
    }

    /** {@code not_analysed=2 (pt 1, ta 1)}, or {@code not_analysed=0}. */
    public String notAnalysedLine() {
      StringBuilder b = new StringBuilder("not_analysed=").append(notAnalysed);
      if (!notAnalysedByLanguage.isEmpty()) {
        StringJoiner j = new StringJoiner(", ", " (", ")");
        notAnalysedByLanguage.forEach((l, n) -> j.add(l + " " + n));
        b.append(j);
      }
      return b.toString();
    }
  }

  /**
   * Articles by (language, is an exact duplicate, is a near duplicate), as counted by {@link
   * #languageCounts}; never both flags.
   */
  record LanguageCount(String language, boolean duplicate, boolean nearDuplicate, long articles) {
    LanguageCount(String language, boolean duplicate, long articles) {
      this(language, duplicate, false, articles);
    }
  }

  /** One small Spark job: the partition's articles by language and duplicate flags. */
  static List<LanguageCount> languageCounts(Dataset<Row> articles) {
    List<LanguageCount> out = new ArrayList<>();
    for (Row r :
        articles
            .groupBy(
                col(ArticlesColumns.LANGUAGE),
                col(ArticlesColumns.DUPLICATE_OF).isNotNull().as("duplicate"),
                col(ArticlesColumns.NEAR_DUPLICATE_OF).isNotNull().as("near_duplicate"))
            .count()
            .collectAsList()) {
      out.add(new LanguageCount(r.getString(0), r.getBoolean(1), r.getBoolean(2), r.getLong(3)));
    }
    return out;
  }

  /** The counts of {@link Result} but the sentence ones, from the partition's language counts. */
  static Result classify(List<LanguageCount> counts, long articles, long sentences) {
    long analysed = 0;
    long duplicates = 0;
    long nearDuplicates = 0;
    long notAnalysed = 0;
    SortedMap<String, Long> byLanguage = new TreeMap<>();
    for (LanguageCount c : counts) {
      if (c.duplicate()) {
        duplicates += c.articles();
      } else if (c.nearDuplicate()) {
        nearDuplicates += c.articles();
      } else if (SentenceAnnotator.hasProfile(c.language())) {
        analysed += c.articles();
      } else {
        notAnalysed += c.articles();
        byLanguage.merge(
            c.language() == null ? UNKNOWN_LANGUAGE : c.language(), c.articles(), Long::sum);
      }
    }
    return new Result(
        articles, sentences, analysed, duplicates, nearDuplicates, notAnalysed, byLanguage, 0);
  }

  /**
   * The sentences of the articles that are neither exact nor near duplicates (all articles if
   * configured) in a language with a profile ({@link SentenceAnnotator#LANGUAGES}), unpublished, in
   * the table's order: articles are range-partitioned and sorted by article_id into {@code slices}
   * partitions and annotated in that order, so each partition's sentences come sorted by
   * (article_id, sentence_idx) and partitions hold consecutive key ranges, as {@link
   * Warehouse#publishOrdered} needs.
   */
  public static Dataset<Row> sentences(
      SparkSession spark,
      Dataset<Row> articles,
      SentenceAnnotator annotator,
      boolean includeDuplicates,
      int slices) {
    Dataset<Row> input =
        (includeDuplicates
                ? articles
                : articles.filter(
                    col(ArticlesColumns.DUPLICATE_OF)
                        .isNull()
                        .and(col(ArticlesColumns.NEAR_DUPLICATE_OF).isNull())))
            .filter(col(ArticlesColumns.LANGUAGE).isin(SentenceAnnotator.LANGUAGES.toArray()))
            .select(
                SentenceAnnotator.INPUT.stream()
                    .map(org.apache.spark.sql.functions::col)
                    .toArray(org.apache.spark.sql.Column[]::new))
            .repartitionByRange(slices, col(ArticlesColumns.ARTICLE_ID))
            .sortWithinPartitions(ArticlesColumns.ARTICLE_ID);
    JavaRDD<Row> rows = input.javaRDD().mapPartitions(annotator::annotatePartition);
    return spark.createDataFrame(rows, SentencesColumns.ANNOTATED);
  }

  /**
   * Annotate tasks for {@code articles} articles: two per core, and more for a large corpus so a
   * task holds at most {@link #ARTICLES_PER_SLICE} articles (its sort of the article texts stays
   * small, and the table gets one file per task).
   */
  static int slices(int defaultParallelism, long articles) {
    long bySize = (articles + ARTICLES_PER_SLICE - 1) / ARTICLES_PER_SLICE;
    return (int) Math.max(Math.max(1, 2L * defaultParallelism), Math.min(10_000, bySize));
  }

  /** Most articles one annotate task takes (see {@link #slices}). */
  static final long ARTICLES_PER_SLICE = 5_000;

  public static Result run(
      SparkSession spark,
      ParallaxConfig config,
      Warehouse warehouse,
      String runId,
      NlpLexicons lexicons) {
    spark.sparkContext().setJobDescription("annotate: build the Spark NLP pipeline");
    SentenceAnnotator annotator =
        SentenceAnnotator.build(
            spark,
            lexicons,
            NlpPipeline.SentenceDetection.of(config.string(ConfigKeys.SENTENCE_DETECTOR)));
    Dataset<Row> articles = warehouse.read(Table.ARTICLES, config.runDate());
    spark.sparkContext().setJobDescription("annotate: count articles by language");
    List<LanguageCount> counts = languageCounts(articles);
    long total = 0;
    for (LanguageCount c : counts) {
      total += c.articles();
      if (c.articles() > 0 && c.language() != null) {
        annotator.prepare(c.language());
      }
    }
    int slices = slices(spark.sparkContext().defaultParallelism(), total);
    spark
        .sparkContext()
        .setJobDescription(
            "annotate: sentences, themes, tone and stance markers, written as annotated");
    Dataset<Row> sentences =
        sentences(
            spark, articles, annotator, config.booleanValue(ConfigKeys.INCLUDE_DUPLICATES), slices);
    // annotated once: the rows go to local disk as they are written, and the quotes are read
    // from there (a few columns of the cached batches), not annotated again
    Dataset<Row> annotated = sentences.persist(StorageLevel.DISK_ONLY());
    long n;
    long q;
    try {
      n = warehouse.publishOrdered(Table.SENTENCES, config.runDate(), runId, published(annotated));
      spark.sparkContext().setJobDescription("annotate: quotes");
      q = warehouse.publish(Table.QUOTES, config.runDate(), runId, quotes(annotated));
    } finally {
      annotated.unpersist();
    }
    spark.sparkContext().setJobDescription("annotate: count annotated articles");
    long docs =
        warehouse
            .read(Table.SENTENCES, config.runDate())
            .where(col(SentencesColumns.SENTENCE_IDX).equalTo(0))
            .count();
    return classify(counts, docs, n).withQuotes(q);
  }

  /** The sentences table's columns ({@link SentencesColumns#SCHEMA}) of annotated rows. */
  public static Dataset<Row> published(Dataset<Row> annotated) {
    return annotated.select(
        java.util.Arrays.stream(SentencesColumns.SCHEMA.fieldNames())
            .map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new));
  }

  /**
   * The quotes table ({@link QuotesColumns#SCHEMA}) from annotated sentence rows ({@link
   * SentencesColumns#ANNOTATED}): their {@code quotes} column exploded, each quote with the keys of
   * the sentence it starts in.
   */
  public static Dataset<Row> quotes(Dataset<Row> sentences) {
    List<Column> columns = new ArrayList<>();
    for (String c :
        List.of(
            QuotesColumns.ARTICLE_ID,
            QuotesColumns.STORY,
            QuotesColumns.SOURCE,
            QuotesColumns.LANGUAGE,
            QuotesColumns.PUBLISHED_AT,
            QuotesColumns.SENTENCE_IDX)) {
      columns.add(col(c));
    }
    for (String f : SentencesColumns.QUOTE.fieldNames()) {
      columns.add(col("_quote." + f).as(f));
    }
    return sentences
        .where(size(col(SentencesColumns.QUOTES)).gt(0))
        .select(
            col(SentencesColumns.ARTICLE_ID),
            col(SentencesColumns.STORY),
            col(SentencesColumns.SOURCE),
            col(SentencesColumns.LANGUAGE),
            col(SentencesColumns.PUBLISHED_AT),
            col(SentencesColumns.SENTENCE_IDX),
            explode(col(SentencesColumns.QUOTES)).as("_quote"))
        .select(columns.toArray(new Column[0]));
  }
}
