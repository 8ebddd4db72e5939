package dev.parallax.warehouse;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
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
 * {@code <root>/_staging/<run id>/…} first, then published in one of two ways, by what the file
 * system guarantees ({@link Storage.Capabilities}):
 *
 * <ul>
 *   <li><b>Rename swap</b> (local, HDFS: atomic directory rename): the old partition folder is
 *       renamed aside and the staged one renamed into place, the two renames recorded in a journal
 *       ({@code <root>/_journal/}). A reader sees the old partition or the new one, never a mix;
 *       one that lists the folder in the instant between the renames finds no partition. A run
 *       killed between them is repaired by {@link #recover(LocalDate)} at the start of the next
 *       run.
 *   <li><b>Manifest switch</b> (S3 and other stores without rename): the staged files are copied
 *       into the partition folder beside the old ones (Spark's file names are unique per write),
 *       then {@code _manifest} in the folder is rewritten to list the new files (one PUT: atomic),
 *       then the old files are deleted. Parallax's readers ({@link #read}, the {@code sql} views)
 *       read the files the manifest lists, so they see the old partition or the new one, never a
 *       mix; a reader that lists the folder itself sees both versions' files for the seconds
 *       between the copy and the delete. A partition without a manifest is not published. {@link
 *       #recover(LocalDate)} deletes the files a killed publish left that no manifest lists. A
 *       partition folder without a manifest but with Spark's {@code _SUCCESS} (copied from a local
 *       or HDFS warehouse) is read whole, as published.
 * </ul>
 *
 * <p>Folders and files starting with {@code _} are ignored by Spark, DuckDB globs of {@code
 * *.parquet} and Trino.
 */
public final class Warehouse {
  /** The file in a partition folder that lists its files on stores without atomic rename. */
  public static final String MANIFEST = "_manifest";

  private static final String MANIFEST_HEADER = "parallax manifest v1";

  /** The marker Spark's file commit writes into a finished output folder. */
  private static final String SUCCESS = "_SUCCESS";

  private static final String PREFIX = "run_date=";

  private final SparkSession spark;
  private final Storage storage;
  private final Path root;
  private final long rowsPerFile;

  public Warehouse(SparkSession spark, String root, long rowsPerFile) {
    this(spark, Storage.open(root, spark.sparkContext().hadoopConfiguration()), rowsPerFile);
  }

  public Warehouse(SparkSession spark, Storage storage, long rowsPerFile) {
    this.spark = spark;
    this.storage = storage;
    this.root = storage.root();
    this.rowsPerFile = rowsPerFile;
  }

  public Path root() {
    return root;
  }

  public Storage storage() {
    return storage;
  }

  public Path tablePath(Table table) {
    return new Path(root, table.folder());
  }

  public Path partitionPath(Table table, LocalDate runDate) {
    return new Path(tablePath(table), PREFIX + runDate);
  }

  private boolean swapsByRename() {
    return storage.atomicRename();
  }

  /**
   * True when the table has a published partition for the date. Without atomic rename: a partition
   * with a manifest, or one without but with Spark's {@code _SUCCESS} (a partition copied from a
   * warehouse that publishes by rename, read as it is); a folder with neither is a publish cut
   * short.
   */
  public boolean exists(Table table, LocalDate runDate) {
    Path partition = partitionPath(table, runDate);
    return swapsByRename()
        ? storage.exists(partition)
        : storage.exists(new Path(partition, MANIFEST))
            || storage.exists(new Path(partition, SUCCESS));
  }

  /**
   * Reads one published partition, without the run_date column.
   *
   * @throws MissingTableException naming the table, the date and the stage to run first
   */
  public Dataset<Row> read(Table table, LocalDate runDate) {
    requirePublished(table, runDate);
    return spark.read().parquet(files(table, runDate));
  }

  /**
   * Reads one published partition with its {@code run_date} column (type date), as a reader of the
   * whole table folder sees it.
   */
  public Dataset<Row> readWithRunDate(Table table, LocalDate runDate) {
    requirePublished(table, runDate);
    return spark
        .read()
        .option("basePath", tablePath(table).toString())
        .parquet(files(table, runDate));
  }

  private void requirePublished(Table table, LocalDate runDate) {
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
  }

  /** What to hand Spark's reader: the partition folder, or the files its manifest lists. */
  private String[] files(Table table, LocalDate runDate) {
    Path partition = partitionPath(table, runDate);
    if (swapsByRename() || !storage.exists(new Path(partition, MANIFEST))) {
      return new String[] {partition.toString()};
    }
    return manifest(partition).stream()
        .map(name -> new Path(partition, name).toString())
        .toArray(String[]::new);
  }

  /** The run dates the table has published, ascending. */
  public List<LocalDate> publishedDates(Table table) {
    List<LocalDate> dates = new ArrayList<>();
    for (FileStatus c : storage.list(tablePath(table))) {
      String name = c.getPath().getName();
      if (!c.isDirectory() || !name.startsWith(PREFIX)) {
        continue;
      }
      try {
        LocalDate d = LocalDate.parse(name.substring(PREFIX.length()));
        if (exists(table, d)) {
          dates.add(d);
        }
      } catch (DateTimeParseException e) {
        // not a partition folder
      }
    }
    dates.sort(null);
    return dates;
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
    if (swapsByRename()) {
      renameSwap(table, runDate, staging, runId);
    } else {
      manifestSwitch(table, runDate, staging, runId);
    }
  }

  private void renameSwap(Table table, LocalDate runDate, Path staging, String runId) {
    Path target = partitionPath(table, runDate);
    Path trash = new Path(trashRoot(runDate), runId + "/" + table.folder());
    Path journal = new Path(root, "_journal/" + table.folder() + "__" + PREFIX + runDate + ".swap");
    storage.mkdirs(tablePath(table));
    storage.mkdirs(trash.getParent());
    storage.write(
        journal, (staging + "\n" + trash + "\n" + target + "\n").getBytes(StandardCharsets.UTF_8));
    if (storage.exists(target)) {
      storage.rename(target, trash);
    }
    pauseMidSwapForTests(table, runDate);
    storage.rename(staging, target);
    storage.delete(journal);
    storage.delete(trash);
  }

  /**
   * Copies the staged files in beside the old ones, switches the manifest to them, then deletes
   * every other file of the folder (the old version's, and any a killed publish left).
   */
  private void manifestSwitch(Table table, LocalDate runDate, Path staging, String runId) {
    Path target = partitionPath(table, runDate);
    storage.mkdirs(target);
    List<String> names = new ArrayList<>();
    for (String name : storage.fileNames(staging)) {
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      storage.rename(new Path(staging, name), new Path(target, name));
      names.add(name);
    }
    pauseMidSwapForTests(table, runDate);
    StringBuilder m = new StringBuilder(MANIFEST_HEADER).append("\nrun_id=").append(runId);
    names.forEach(n -> m.append('\n').append(n));
    storage.write(
        new Path(target, MANIFEST), m.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    deleteUnlisted(target, names);
    storage.delete(staging);
  }

  /** The file names the partition's manifest lists; empty when it has none. */
  private List<String> manifest(Path partition) {
    byte[] bytes = storage.read(new Path(partition, MANIFEST));
    if (bytes == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (i == 0 && !line.equals(MANIFEST_HEADER)) {
        throw new IllegalStateException(
            partition + "/" + MANIFEST + " is not a Parallax manifest (first line: " + line + ")");
      }
      if (i > 0 && !line.isEmpty() && !line.startsWith("run_id=")) {
        names.add(line);
      }
    }
    return names;
  }

  private void deleteUnlisted(Path partition, List<String> keep) {
    for (String name : storage.fileNames(partition)) {
      if (!name.equals(MANIFEST) && !keep.contains(name)) {
        storage.delete(new Path(partition, name));
      }
    }
  }

  /**
   * Test hook, never set in production: with the system property {@code
   * parallax.test.pauseMidSwap=<table>} the publish of that table stops for ten minutes at its
   * critical moment (rename swap: the old partition moved aside, the new one not yet in, the
   * journal naming both; manifest switch: the new files beside the old, the manifest not yet
   * switched), printing one line to stderr first, so a fault test can kill the process at the one
   * moment {@link #recover(LocalDate)} must repair.
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

  private Path stagingRoot(LocalDate runDate) {
    return new Path(root, "_staging/" + PREFIX + runDate);
  }

  private Path trashRoot(LocalDate runDate) {
    return new Path(root, "_trash/" + PREFIX + runDate);
  }

  /**
   * Repairs what a killed run of this date left. Rename swap: a partition moved aside but not
   * replaced is rolled forward when its staged successor is complete (has {@code _SUCCESS}), else
   * back. Manifest switch: files of the date's partitions that their manifest does not list are
   * deleted, and a partition folder without a manifest (a first publish cut short) is removed. Then
   * the date's staging and trash folders are deleted. Call it holding the date's {@link RunLock},
   * before the run writes anything.
   *
   * @return how many half-done publishes were repaired
   */
  public int recover(LocalDate runDate) {
    int repaired = swapsByRename() ? recoverRenames(runDate) : recoverManifests(runDate);
    storage.delete(stagingRoot(runDate));
    storage.delete(trashRoot(runDate));
    return repaired;
  }

  private int recoverRenames(LocalDate runDate) {
    int repaired = 0;
    for (FileStatus st : storage.list(new Path(root, "_journal"))) {
      if (!st.getPath().getName().endsWith("__" + PREFIX + runDate + ".swap")) {
        continue;
      }
      String[] lines =
          new String(storage.read(st.getPath()), StandardCharsets.UTF_8).split("\n", -1);
      if (lines.length >= 3 && !storage.exists(new Path(lines[2]))) {
        Path staging = new Path(lines[0]);
        Path trash = new Path(lines[1]);
        Path target = new Path(lines[2]);
        if (storage.exists(new Path(staging, SUCCESS))) {
          storage.rename(staging, target);
        } else if (storage.exists(trash)) {
          storage.rename(trash, target);
        }
        repaired++;
      }
      storage.delete(st.getPath());
    }
    return repaired;
  }

  private int recoverManifests(LocalDate runDate) {
    int repaired = 0;
    for (Table table : Table.values()) {
      Path partition = partitionPath(table, runDate);
      if (!storage.exists(partition)) {
        continue;
      }
      if (!storage.exists(new Path(partition, MANIFEST))) {
        if (!storage.exists(new Path(partition, SUCCESS))) {
          storage.delete(partition);
          repaired++;
        }
        continue;
      }
      List<String> listed = manifest(partition);
      boolean stray = false;
      for (String name : storage.fileNames(partition)) {
        stray |= !name.equals(MANIFEST) && !listed.contains(name);
      }
      if (stray) {
        deleteUnlisted(partition, listed);
        repaired++;
      }
    }
    return repaired;
  }

  /**
   * Deletes this run's staging and trash folders (after the last publish, or on failure), then the
   * date's {@code _staging} and {@code _trash} folders when nothing else is left in them.
   */
  public void cleanStaging(LocalDate runDate, String runId) {
    for (Path dateRoot : new Path[] {stagingRoot(runDate), trashRoot(runDate)}) {
      storage.delete(new Path(dateRoot, runId));
      if (storage.exists(dateRoot) && storage.list(dateRoot).isEmpty()) {
        storage.delete(dateRoot);
      }
    }
  }
}
