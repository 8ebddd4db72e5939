package dev.parallax.report;

import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * The human outputs of the compare tables: {@code <warehouse>/reports/run_date=YYYY-MM-DD/} with
 * one CSV file per table ({@code theme_frequency.csv}, …, see {@link Csv} for the format) and
 * {@code summary.md} ({@link SummaryMarkdown}).
 *
 * <p>The tables are read back from the warehouse and collected to the driver: they are
 * aggregates (sources × themes, source pairs × themes, top terms per source), small by design.
 * Files are written with {@code java.nio}, so only a local warehouse ({@code file:} or a plain
 * path) gets them; for any other file system the summary is still rendered and returned, and
 * {@link Result#directory()} is null.
 *
 * <p>The directory is replaced as a whole: everything is written to a hidden sibling
 * ({@code .run_date=…tmp-<run id>}), then the old directory is renamed aside and the new one
 * renamed into place, so a reader sees the old reports or the new ones, never a partial set (but
 * may find no directory during the instant between the two renames).
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Folder under the warehouse root that holds the reports. */
  public static final String FOLDER = "reports";

  /** The tables written as CSV, in file order. */
  static final List<Table> TABLES = List.of(Table.THEME_FREQUENCY, Table.STANCE_BY_SOURCE,
      Table.STANCE_DIFFERENCE, Table.DISTINCTIVE_TERMS, Table.SOURCE_SUMMARY);

  /**
   * @param directory the reports directory written, or null when the warehouse is not local
   * @param files names of the files in it
   * @param summary the Markdown summary (also {@code summary.md})
   */
  public record Result(Path directory, List<String> files, String summary) {}

  /**
   * Reads the run date's compare tables and writes their CSV files and the summary.
   *
   * @param confidence the interval coverage the tables were computed with, for the summary's text
   * @param fdr the q-value threshold of {@code significant}, for the summary's text
   */
  public static Result write(SparkSession spark, Warehouse warehouse, LocalDate runDate,
      String runId, double confidence, double fdr) {
    spark.sparkContext().setJobDescription("report: collect the compare tables");
    Map<Table, Collected> tables = new LinkedHashMap<>();
    for (Table t : TABLES) {
      tables.put(t, collect(warehouse.read(t, runDate), t));
    }
    String summary = SummaryMarkdown.render(runDate, confidence, fdr, new SummaryMarkdown.Tables(
        tables.get(Table.THEME_FREQUENCY).rows(), tables.get(Table.STANCE_DIFFERENCE).rows(),
        tables.get(Table.DISTINCTIVE_TERMS).rows(), tables.get(Table.SOURCE_SUMMARY).rows()));
    Map<String, String> files = new LinkedHashMap<>();
    for (Map.Entry<Table, Collected> e : tables.entrySet()) {
      files.put(e.getKey().folder() + ".csv", Csv.render(e.getValue().schema(), e.getValue().rows()));
    }
    files.put("summary.md", summary);
    Path root = localRoot(warehouse);
    if (root == null) {
      return new Result(null, List.of(), summary);
    }
    Path dir = root.resolve(FOLDER).resolve("run_date=" + runDate);
    replaceDirectory(dir, runId, files);
    return new Result(dir, List.copyOf(files.keySet()), summary);
  }

  private record Collected(StructType schema, List<Row> rows) {}

  private static Collected collect(Dataset<Row> df, Table table) {
    Dataset<Row> rows = Arrays.asList(df.columns()).contains("run_date") ? df.drop("run_date") : df;
    Column[] order = Arrays.stream(table.sortColumns()).map(functions::col).toArray(Column[]::new);
    return new Collected(rows.schema(), rows.orderBy(order).collectAsList());
  }

  /** The warehouse root as a local path, or null when it lives on another file system. */
  static Path localRoot(Warehouse warehouse) {
    java.net.URI uri = warehouse.root().toUri();
    if (uri.getScheme() == null) {
      return Path.of(uri.getPath());
    }
    return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
  }

  /** Writes {@code files} (name to UTF-8 content) as the new content of {@code dir}. */
  static void replaceDirectory(Path dir, String runId, Map<String, String> files) {
    Path parent = dir.getParent();
    String name = dir.getFileName().toString();
    Path tmp = parent.resolve("." + name + ".tmp-" + runId);
    Path old = parent.resolve("." + name + ".old-" + runId);
    try {
      Files.createDirectories(parent);
      deleteStale(parent, name);
      Files.createDirectories(tmp);
      for (Map.Entry<String, String> f : files.entrySet()) {
        Files.writeString(tmp.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
      }
      if (Files.exists(dir)) {
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
    } catch (IOException e) {
      try {
        deleteTree(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("could not write reports to " + dir, e);
    }
  }

  /** Removes temporary and set-aside copies that a killed run left beside {@code name}. */
  private static void deleteStale(Path parent, String name) throws IOException {
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, "." + name + ".*")) {
      ds.forEach(stale::add);
    }
    for (Path p : stale) {
      deleteTree(p);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
