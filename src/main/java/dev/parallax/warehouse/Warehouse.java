package dev.parallax.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The warehouse: table paths, atomic partition publish and reads. The only code that writes tables.
 *
 * <p>Layout: {@code <root>/<table>/run_date=YYYY-MM-DD/part-*.parquet}. A partition is written to
 * {@code <root>/_staging/<run id>/…} and swapped in with two renames recorded in a journal ({@code
 * <root>/_journal/}): readers see the old partition or the new one, never a mix; a run killed
 * between the renames is repaired by {@link #recover(LocalDate)} at the start of the next run.
 * Folders starting with {@code _} are ignored by Spark, DuckDB globs and Trino.
 */
public final class Warehouse {
  private final SparkSession spark;
  private final Path root;
  private final FileSystem fs;
  private final long rowsPerFile;

  public Warehouse(SparkSession spark, String root, long rowsPerFile) {
    this.spark = spark;
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      Path p = new Path(root);
      this.fs = p.getFileSystem(conf);
      this.root = fs.makeQualified(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.rowsPerFile = rowsPerFile;
  }

  public Path root() {
    return root;
  }

  public Path tablePath(Table table) {
    return new Path(root, table.folder());
  }

  public Path partitionPath(Table table, LocalDate runDate) {
    return new Path(tablePath(table), "run_date=" + runDate);
  }

  /** True when the table has a published partition for the date. */
  public boolean exists(Table table, LocalDate runDate) {
    try {
      return fs.exists(partitionPath(table, runDate));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads one published partition, without the run_date column.
   *
   * @throws MissingTableException naming the table, the date and the stage to run first
   */
  public Dataset<Row> read(Table table, LocalDate runDate) {
    if (!exists(table, runDate)) {
      throw new MissingTableException(
          "table "
              + table.folder()
              + " has no partition run_date="
              + runDate
              + " under "
              + root
              + "; run the stage that writes it first");
    }
    return spark.read().parquet(partitionPath(table, runDate).toString());
  }

  /**
   * Writes {@code rows} as the table's partition for {@code runDate}, replacing the previous one
   * atomically. Rows are range-partitioned and sorted by the table's sort columns, so the same rows
   * give the same files. Callers persist expensive inputs: the rows are counted first. Each
   * column's description from {@link ColumnDocs} is stored as its comment in the files' schema.
   *
   * @return the number of rows published
   */
  public long publish(Table table, LocalDate runDate, String runId, Dataset<Row> rows) {
    long count = rows.count();
    int files = (int) Math.max(1, Math.min(10_000, (count + rowsPerFile - 1) / rowsPerFile));
    Column[] order = Arrays.stream(table.sortColumns()).map(functions::col).toArray(Column[]::new);
    Path staging = new Path(stagingRoot(runDate), runId + "/" + table.folder());
    spark.sparkContext().setJobDescription("publish " + table.folder() + " run_date=" + runDate);
    ColumnDocs.withComments(table, rows)
        .repartitionByRange(files, order)
        .sortWithinPartitions(order)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(staging.toString());
    swapIn(table, runDate, staging, runId);
    return count;
  }

  /**
   * As {@link #publish}, for rows that already come in the table's order: each partition sorted by
   * the table's sort columns and the partitions holding consecutive, non-overlapping key ranges in
   * partition order (the caller range-partitions its input and keeps its order, as the annotate
   * stage does). The rows are written as they stream, without counting them first, without a
   * shuffle and without a sort, so an expensive input is computed once and needs no persisting (the
   * write runs under the caller's Spark job description). Each partition becomes one file, or
   * several of at most {@code rowsPerFile} rows; an empty partition writes none. The count is read
   * back from the staged files' footers.
   *
   * @return the number of rows published
   */
  public long publishOrdered(Table table, LocalDate runDate, String runId, Dataset<Row> rows) {
    Path staging = new Path(stagingRoot(runDate), runId + "/" + table.folder());
    ColumnDocs.withComments(table, rows)
        .write()
        .mode(SaveMode.Overwrite)
        .option("maxRecordsPerFile", rowsPerFile)
        .parquet(staging.toString());
    long count = spark.read().parquet(staging.toString()).count();
    swapIn(table, runDate, staging, runId);
    return count;
  }

  private void swapIn(Table table, LocalDate runDate, Path staging, String runId) {
    Path target = partitionPath(table, runDate);
    Path trash = new Path(trashRoot(runDate), runId + "/" + table.folder());
    Path journal = new Path(root, "_journal/" + table.folder() + "__run_date=" + runDate + ".swap");
    try {
      fs.mkdirs(tablePath(table));
      fs.mkdirs(trash.getParent());
      writeJournal(journal, staging + "\n" + trash + "\n" + target + "\n");
      if (fs.exists(target) && !fs.rename(target, trash)) {
        throw new IOException("could not move " + target + " aside to " + trash);
      }
      pauseMidSwapForTests(table, runDate);
      if (!fs.rename(staging, target)) {
        throw new IOException("could not move " + staging + " to " + target);
      }
      fs.delete(journal, false);
      fs.delete(trash, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Test hook, never set in production: with the system property {@code
   * parallax.test.pauseMidSwap=<table>} the publish of that table stops for ten minutes after the
   * old partition has been moved aside and before the new one is moved in (a partition is missing
   * and the journal names both), printing one line to stderr first, so a fault test can kill the
   * process at the one moment {@link #recover(LocalDate)} must repair.
   */
  private static void pauseMidSwapForTests(Table table, LocalDate runDate) {
    if (table.folder().equals(System.getProperty("parallax.test.pauseMidSwap"))) {
      System.err.println(
          "test hook: paused mid-swap table=" + table.folder() + " run_date=" + runDate);
      System.err.flush();
      try {
        Thread.sleep(600_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void writeJournal(Path journal, String content) throws IOException {
    fs.mkdirs(journal.getParent());
    Path tmp = new Path(journal.getParent(), "." + journal.getName() + ".tmp");
    try (FSDataOutputStream out = fs.create(tmp, true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    fs.delete(journal, false);
    if (!fs.rename(tmp, journal)) {
      throw new IOException("could not write publish journal " + journal);
    }
  }

  private Path stagingRoot(LocalDate runDate) {
    return new Path(root, "_staging/run_date=" + runDate);
  }

  private Path trashRoot(LocalDate runDate) {
    return new Path(root, "_trash/run_date=" + runDate);
  }

  /**
   * Repairs what a killed run of this date left: a partition moved aside but not replaced is rolled
   * forward when its staged successor is complete (has {@code _SUCCESS}), else back; then the
   * date's staging and trash folders are deleted. Call it holding the date's {@link RunLock},
   * before the run writes anything.
   *
   * @return how many half-done swaps were repaired
   */
  public int recover(LocalDate runDate) {
    int repaired = 0;
    try {
      Path journals = new Path(root, "_journal");
      if (fs.exists(journals)) {
        for (FileStatus st : fs.listStatus(journals)) {
          if (!st.getPath().getName().endsWith("__run_date=" + runDate + ".swap")) {
            continue;
          }
          String[] lines;
          try (var in = fs.open(st.getPath())) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
          }
          if (lines.length >= 3 && !fs.exists(new Path(lines[2]))) {
            Path staging = new Path(lines[0]);
            Path trash = new Path(lines[1]);
            Path target = new Path(lines[2]);
            if (fs.exists(new Path(staging, "_SUCCESS"))) {
              fs.rename(staging, target);
            } else if (fs.exists(trash)) {
              fs.rename(trash, target);
            }
            repaired++;
          }
          fs.delete(st.getPath(), false);
        }
      }
      deleteIfExists(stagingRoot(runDate));
      deleteIfExists(trashRoot(runDate));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return repaired;
  }

  /**
   * Deletes this run's staging and trash folders (after the last publish, or on failure), then the
   * date's {@code _staging} and {@code _trash} folders when nothing else is left in them.
   */
  public void cleanStaging(LocalDate runDate, String runId) {
    try {
      for (Path dateRoot : new Path[] {stagingRoot(runDate), trashRoot(runDate)}) {
        deleteIfExists(new Path(dateRoot, runId));
        if (fs.exists(dateRoot) && fs.listStatus(dateRoot).length == 0) {
          fs.delete(dateRoot, false);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deleteIfExists(Path p) throws IOException {
    if (fs.exists(p)) {
      fs.delete(p, true);
    }
  }
}
