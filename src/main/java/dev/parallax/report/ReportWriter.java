package dev.parallax.report;

import dev.parallax.warehouse.Storage;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.RejectsColumns;
import dev.parallax.warehouse.schema.SentencesColumns;
import dev.parallax.warehouse.schema.StoriesColumns;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The human outputs of the compare tables: {@code <warehouse>/reports/run_date=YYYY-MM-DD/} with
 * one CSV file per table ({@code theme_frequency.csv}, …, {@code quoted_speakers.csv}, {@code
 * timeline.csv} when compare wrote that table, and {@code syndication.csv} when ingest wrote that
 * table; see {@link Csv} for the format; the stance tables with the rows of every voice), {@code
 * summary.md} ({@link SummaryMarkdown}) and {@code report.html}, the self-contained report with
 * charts ({@link HtmlReport}).
 *
 * <p>A date compared before the timeline existed has no timeline partition: no timeline.csv, and
 * the HTML report's sections over time say so. The window of run dates the compare tables cover
 * ({@code window_start}, {@code window_end}) is checked against the warehouse: run dates in it
 * without a {@code sentences} partition are named at the top of both reports ({@link
 * ReportWindow}).
 *
 * <p>The tables are read back from the warehouse and collected to the driver: they are aggregates
 * (sources × themes, source pairs × themes, top terms per source), small by design. Of {@code
 * articles} and {@code rejects} only counts, rejects per reason and the article list (source,
 * title, date, language; at most {@value HtmlReport#MAX_ARTICLES} + 1 per story) reach the driver;
 * when either table has no partition for the date the HTML report says so and goes on. Of {@code
 * sentences} only the distinct article ids are read, to tell which accepted articles were not
 * analysed (not exact duplicates, yet without a sentence), counted by {@code articles.language}.
 *
 * <p>Files are written through the warehouse's {@link Storage}, on any file system it lives on.
 * Where directory rename is atomic (local, HDFS) the directory is replaced as a whole: everything
 * is written to a hidden sibling ({@code .run_date=…tmp-<run id>}), then the old directory is
 * renamed aside and the new one renamed into place, so a reader sees the old reports or the new
 * ones, never a partial set (but may find no directory during the instant between the two renames).
 * On S3 each file is written in place (each object appears whole), then files the new set does not
 * have are deleted: during a re-run of the same date a reader may find some files new and some old
 * for the seconds the writes take.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Folder under the warehouse root that holds the reports. */
  public static final String FOLDER = "reports";

  /** The tables written as CSV, in file order. */
  static final List<Table> TABLES =
      List.of(
          Table.THEME_FREQUENCY,
          Table.STANCE_BY_SOURCE,
          Table.STANCE_DIFFERENCE,
          Table.DISTINCTIVE_TERMS,
          Table.SOURCE_SUMMARY,
          Table.QUOTED_SPEAKERS);

  /** File name of the HTML report. */
  public static final String HTML = "report.html";

  /** The partition column, dropped from the tables read back when present. */
  private static final String RUN_DATE = "run_date";

  // Names of the aggregates and helper columns the ingest digest computes.
  private static final String ACCEPTED = "accepted";
  private static final String DUPLICATES = "duplicates";
  private static final String NEAR_DUPLICATES = "near_duplicates";
  private static final String NEAR_DUPLICATE = "near_duplicate";
  private static final String RECORDS = "records";
  private static final String FILES = "files";
  private static final String FIRST = "first";
  private static final String DUPLICATE = "duplicate";
  private static final String ROW_NUMBER = "_n";
  private static final String ANALYSED_ID = "_analysed_id";
  private static final String ANALYSED = "analysed";
  private static final String ARTICLE_COUNT = "articles";

  /** The language of articles whose language is null, in the not-analysed breakdown. */
  static final String UNKNOWN_LANGUAGE = "unknown";

  /**
   * What the report stage wrote.
   *
   * @param location the reports directory written, as a file system URI
   * @param directory the same directory as a local path, or null when the warehouse is not local
   * @param files names of the files in it
   * @param summary the Markdown summary (also {@code summary.md})
   * @param html the HTML report (also {@value #HTML})
   * @param rows rows of the compare tables read (and written as CSV), the timeline's included
   */
  public record Result(
      String location,
      Path directory,
      List<String> files,
      String summary,
      String html,
      long rows) {}

  /**
   * Reads the run date's compare tables (and the ingest tables, when present) and writes the CSV
   * files, the summary and the HTML report.
   *
   * @param confidence the interval coverage the tables were computed with, for the reports' text
   * @param fdr the q-value threshold of {@code significant}, for the reports' text
   */
  public static Result write(
      SparkSession spark,
      Warehouse warehouse,
      LocalDate runDate,
      String runId,
      double confidence,
      double fdr) {
    spark.sparkContext().setJobDescription("report: collect the compare tables");
    Map<Table, Collected> tables = new LinkedHashMap<>();
    for (Table t : TABLES) {
      tables.put(t, collect(warehouse.read(t, runDate), t));
    }
    // written by compare: absent when the date was compared before the timeline existed
    if (warehouse.exists(Table.TIMELINE, runDate)) {
      tables.put(Table.TIMELINE, collect(warehouse.read(Table.TIMELINE, runDate), Table.TIMELINE));
    }
    // written by ingest: absent when the date was ingested before the table existed
    if (warehouse.exists(Table.SYNDICATION, runDate)) {
      tables.put(
          Table.SYNDICATION,
          collect(warehouse.read(Table.SYNDICATION, runDate), Table.SYNDICATION));
    }
    List<Row> syndication =
        tables.containsKey(Table.SYNDICATION) ? tables.get(Table.SYNDICATION).rows() : null;
    List<Row> timeline =
        tables.containsKey(Table.TIMELINE) ? tables.get(Table.TIMELINE).rows() : null;
    List<List<Row>> compared = new ArrayList<>();
    TABLES.forEach(t -> compared.add(tables.get(t).rows()));
    compared.add(timeline);
    ReportWindow window = ReportWindow.of(compared, d -> warehouse.exists(Table.SENTENCES, d));
    HtmlReport.Ingest ingest = ingest(spark, warehouse, runDate);
    String summary =
        SummaryMarkdown.render(
            runDate,
            confidence,
            fdr,
            new SummaryMarkdown.Tables(
                tables.get(Table.THEME_FREQUENCY).rows(),
                tables.get(Table.STANCE_DIFFERENCE).rows(),
                tables.get(Table.DISTINCTIVE_TERMS).rows(),
                tables.get(Table.SOURCE_SUMMARY).rows(),
                tables.get(Table.QUOTED_SPEAKERS).rows(),
                syndication,
                window),
            ingest == null ? null : ingest.stories());
    spark.sparkContext().setJobDescription("report: render report.html");
    String html =
        HtmlReport.render(
            runDate,
            confidence,
            fdr,
            ingest,
            new HtmlReport.Tables(
                tables.get(Table.THEME_FREQUENCY).rows(),
                tables.get(Table.STANCE_BY_SOURCE).rows(),
                tables.get(Table.STANCE_DIFFERENCE).rows(),
                tables.get(Table.DISTINCTIVE_TERMS).rows(),
                tables.get(Table.SOURCE_SUMMARY).rows(),
                tables.get(Table.QUOTED_SPEAKERS).rows(),
                timeline,
                syndication,
                window));
    Map<String, String> files = new LinkedHashMap<>();
    long rows = 0;
    for (Map.Entry<Table, Collected> e : tables.entrySet()) {
      files.put(
          e.getKey().folder() + ".csv", Csv.render(e.getValue().schema(), e.getValue().rows()));
      rows += e.getKey() == Table.SYNDICATION ? 0 : e.getValue().rows().size();
    }
    files.put("summary.md", summary);
    files.put(HTML, html);
    Storage storage = warehouse.storage();
    org.apache.hadoop.fs.Path dir =
        new org.apache.hadoop.fs.Path(warehouse.root(), FOLDER + "/run_date=" + runDate);
    replaceDirectory(storage, dir, runId, files);
    return new Result(
        dir.toString(),
        storage.kind() == Storage.Kind.LOCAL ? storage.local(dir) : null,
        List.copyOf(files.keySet()),
        summary,
        html,
        rows);
  }

  /** The digest of {@code articles} and {@code rejects}, or null when either is missing. */
  static HtmlReport.Ingest ingest(SparkSession spark, Warehouse warehouse, LocalDate runDate) {
    if (!warehouse.exists(Table.ARTICLES, runDate) || !warehouse.exists(Table.REJECTS, runDate)) {
      return null;
    }
    spark.sparkContext().setJobDescription("report: count articles and rejects");
    Dataset<Row> articles = warehouse.read(Table.ARTICLES, runDate);
    Dataset<Row> rejects = warehouse.read(Table.REJECTS, runDate);
    Row counts =
        articles
            .agg(
                functions.count(functions.lit(1)).as(ACCEPTED),
                functions.count(functions.col(ArticlesColumns.DUPLICATE_OF)).as(DUPLICATES),
                functions
                    .count(functions.col(ArticlesColumns.NEAR_DUPLICATE_OF))
                    .as(NEAR_DUPLICATES))
            .first();
    long rejected = rejects.count();
    List<HtmlReport.RejectReason> reasons = new ArrayList<>();
    for (Row r :
        rejects
            .groupBy(RejectsColumns.REASON_CODE)
            .agg(
                functions.count(functions.lit(1)).as(RECORDS),
                functions.countDistinct(RejectsColumns.INPUT_FILE).as(FILES),
                functions
                    .min(
                        functions.struct(
                            functions.col(RejectsColumns.INPUT_FILE),
                            functions.col(RejectsColumns.RECORD_INDEX),
                            functions.col(RejectsColumns.RECORD_REF),
                            functions.col(RejectsColumns.REASON)))
                    .as(FIRST))
            .orderBy(functions.desc(RECORDS), functions.col(RejectsColumns.REASON_CODE))
            .collectAsList()) {
      Row first = r.getAs(FIRST);
      reasons.add(
          new HtmlReport.RejectReason(
              r.getAs(RejectsColumns.REASON_CODE),
              r.<Long>getAs(RECORDS),
              r.<Long>getAs(FILES),
              first.getAs(RejectsColumns.INPUT_FILE),
              first.getAs(RejectsColumns.RECORD_REF),
              first.getAs(RejectsColumns.REASON)));
    }
    // one rule for "analysed" (a sentence came out of it, or it is an exact or near duplicate,
    // which the analysis skips on purpose) serves the article list and the not-analysed counts
    Dataset<Row> analysedIds =
        warehouse.exists(Table.SENTENCES, runDate)
            ? warehouse
                .read(Table.SENTENCES, runDate)
                .select(functions.col(SentencesColumns.ARTICLE_ID).as(ANALYSED_ID))
                .distinct()
            : null;
    Dataset<Row> listed =
        analysedIds == null
            ? articles.withColumn(ANALYSED, functions.lit(true))
            : articles
                .join(
                    analysedIds,
                    functions.col(ArticlesColumns.ARTICLE_ID).equalTo(functions.col(ANALYSED_ID)),
                    "left")
                .withColumn(
                    ANALYSED,
                    functions
                        .col(ANALYSED_ID)
                        .isNotNull()
                        .or(functions.col(ArticlesColumns.DUPLICATE_OF).isNotNull())
                        .or(functions.col(ArticlesColumns.NEAR_DUPLICATE_OF).isNotNull()))
                .persist(StorageLevel.MEMORY_AND_DISK());
    List<HtmlReport.LanguageCount> notAnalysed = null;
    if (analysedIds != null) {
      spark.sparkContext().setJobDescription("report: articles not analysed, by language");
      notAnalysed = new ArrayList<>();
      for (Row r :
          listed
              .where(functions.not(functions.col(ANALYSED)))
              .groupBy(
                  functions
                      .coalesce(
                          functions.col(ArticlesColumns.LANGUAGE), functions.lit(UNKNOWN_LANGUAGE))
                      .as(ArticlesColumns.LANGUAGE))
              .agg(functions.count(functions.lit(1)).as(ARTICLE_COUNT))
              .orderBy(ArticlesColumns.LANGUAGE)
              .collectAsList()) {
        notAnalysed.add(
            new HtmlReport.LanguageCount(
                r.getAs(ArticlesColumns.LANGUAGE), r.<Long>getAs(ARTICLE_COUNT)));
      }
    }
    spark.sparkContext().setJobDescription("report: list articles");
    WindowSpec perStory =
        Window.partitionBy(ArticlesColumns.STORY)
            .orderBy(
                ArticlesColumns.SOURCE, ArticlesColumns.PUBLISHED_AT, ArticlesColumns.ARTICLE_ID);
    List<HtmlReport.Article> list = new ArrayList<>();
    for (Row r :
        listed
            .withColumn(ROW_NUMBER, functions.row_number().over(perStory))
            .filter(functions.col(ROW_NUMBER).leq(HtmlReport.MAX_ARTICLES + 1))
            .select(
                functions.col(ArticlesColumns.STORY),
                functions.col(ArticlesColumns.SOURCE),
                functions.col(ArticlesColumns.TITLE),
                functions.col(ArticlesColumns.PUBLISHED_AT),
                functions.col(ArticlesColumns.DUPLICATE_OF).isNotNull().as(DUPLICATE),
                functions.col(ArticlesColumns.NEAR_DUPLICATE_OF).isNotNull().as(NEAR_DUPLICATE),
                functions.col(ArticlesColumns.LANGUAGE),
                functions.col(ANALYSED),
                functions.col(ROW_NUMBER))
            .orderBy(ArticlesColumns.STORY, ROW_NUMBER)
            .collectAsList()) {
      list.add(
          new HtmlReport.Article(
              r.getAs(ArticlesColumns.STORY),
              r.getAs(ArticlesColumns.SOURCE),
              r.getAs(ArticlesColumns.TITLE),
              r.getAs(ArticlesColumns.PUBLISHED_AT),
              r.<Boolean>getAs(DUPLICATE),
              r.<Boolean>getAs(NEAR_DUPLICATE),
              r.getAs(ArticlesColumns.LANGUAGE),
              r.<Boolean>getAs(ANALYSED)));
    }
    listed.unpersist();
    return new HtmlReport.Ingest(
        new HtmlReport.RunCounts(
            counts.<Long>getAs(ACCEPTED),
            rejected,
            counts.<Long>getAs(DUPLICATES),
            counts.<Long>getAs(NEAR_DUPLICATES)),
        reasons,
        list,
        notAnalysed,
        stories(warehouse, runDate));
  }

  /** The stories table's rows, most articles first (ties by id); null when it is missing. */
  static List<HtmlReport.StoryRow> stories(Warehouse warehouse, LocalDate runDate) {
    if (!warehouse.exists(Table.STORIES, runDate)) {
      return null;
    }
    List<HtmlReport.StoryRow> out = new ArrayList<>();
    for (Row r :
        warehouse
            .read(Table.STORIES, runDate)
            .orderBy(functions.desc(StoriesColumns.ARTICLES), functions.col(StoriesColumns.STORY))
            .collectAsList()) {
      out.add(
          new HtmlReport.StoryRow(
              r.getAs(StoriesColumns.STORY),
              r.getAs(StoriesColumns.KIND),
              r.getAs(StoriesColumns.LABEL),
              r.<Long>getAs(StoriesColumns.ARTICLES),
              r.<Long>getAs(StoriesColumns.SOURCES),
              r.<Boolean>getAs(StoriesColumns.COMPARED),
              r.getAs(StoriesColumns.NOT_COMPARED_REASON)));
    }
    return out;
  }

  private record Collected(StructType schema, List<Row> rows) {}

  private static Collected collect(Dataset<Row> df, Table table) {
    Dataset<Row> rows = Arrays.asList(df.columns()).contains(RUN_DATE) ? df.drop(RUN_DATE) : df;
    Column[] order = Arrays.stream(table.sortColumns()).map(functions::col).toArray(Column[]::new);
    return new Collected(rows.schema(), rows.orderBy(order).collectAsList());
  }

  /**
   * Writes {@code files} (name to UTF-8 content) as the new content of {@code dir}: swapped in as a
   * whole where rename is atomic, else written in place and the files not in the new set deleted.
   */
  static void replaceDirectory(
      Storage storage, org.apache.hadoop.fs.Path dir, String runId, Map<String, String> files) {
    org.apache.hadoop.fs.Path parent = dir.getParent();
    String name = dir.getName();
    if (!storage.atomicRename()) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        storage.write(
            new org.apache.hadoop.fs.Path(dir, f.getKey()),
            f.getValue().getBytes(StandardCharsets.UTF_8));
      }
      for (String existing : storage.fileNames(dir)) {
        if (!files.containsKey(existing)) {
          storage.delete(new org.apache.hadoop.fs.Path(dir, existing));
        }
      }
      return;
    }
    org.apache.hadoop.fs.Path tmp =
        new org.apache.hadoop.fs.Path(parent, "." + name + ".tmp-" + runId);
    org.apache.hadoop.fs.Path old =
        new org.apache.hadoop.fs.Path(parent, "." + name + ".old-" + runId);
    try {
      storage.mkdirs(parent);
      // temporary and set-aside copies a killed run left
      for (FileStatus st : storage.list(parent)) {
        if (st.getPath().getName().startsWith("." + name + ".")) {
          storage.delete(st.getPath());
        }
      }
      storage.mkdirs(tmp);
      for (Map.Entry<String, String> f : files.entrySet()) {
        storage.write(
            new org.apache.hadoop.fs.Path(tmp, f.getKey()),
            f.getValue().getBytes(StandardCharsets.UTF_8));
      }
      if (storage.exists(dir)) {
        storage.rename(dir, old);
      }
      storage.rename(tmp, dir);
      storage.delete(old);
    } catch (UncheckedIOException e) {
      try {
        storage.delete(tmp);
      } catch (UncheckedIOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("could not write reports to " + dir, e.getCause());
    }
  }
}
