package dev.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parallax.ChildJvm;
import dev.parallax.TestCorpus;
import dev.parallax.warehouse.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills real runs with SIGKILL, each in a child JVM, at the two moments that matter, and checks
 * that what analysts read is never damaged and the next run repairs and completes. One warehouse
 * and one run date D, four child runs in order:
 *
 * <ol>
 *   <li>a complete run of D: the baseline (copied aside);
 *   <li>a run of D killed before annotate starts (test hook {@code parallax.test.pauseBefore}),
 *       after its ingest republished articles, rejects, syndication and stories: every partition of
 *       D is as the baseline left it — byte for byte where the killed run published nothing, the
 *       same rows where it republished (Spark names files after the write job, and parquet-mr
 *       writes each column's encoding list from a hash set, so a rewrite of the same rows in
 *       another JVM is not byte-identical); its lock file stays behind;
 *   <li>a run of D, started over that stale lock file, killed in the middle of the swap of
 *       stance_difference (test hook {@code parallax.test.pauseMidSwap}): the old partition has
 *       been moved to {@code _trash}, byte-identical, and the journal names it and the complete
 *       staged successor; every other partition holds the baseline's rows (compare publishes its
 *       tables side by side, so the other four may or may not have been rewritten yet);
 *   <li>a rerun of D: it reports the repaired swap, leaves no journal, staging or trash for D, and
 *       every table equals the baseline row for row; the runs table holds runs 1 and 4 only.
 * </ol>
 *
 * <p>The corpus, counted by hand: op-ed-seed.txt 1 record, kasumigaseki-bulletin.jsonl 3,
 * commerce-ledger.csv 4 (the 4th reprints the wire's first story), meridian-wire.jsonl.gz 4 = 12
 * accepted from 4 sources, 1 duplicate; corpus-mini/bad.jsonl 2 rejects; its README skipped.
 * Compare runs with 200 bootstrap replicates and 199 permutations to keep each child run short.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {
  static final String DAY = "2025-02-10";
  static final List<String> SAMPLE_FILES = TestCorpus.SAMPLE_FILES.subList(0, 4);
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  static final Pattern RUN_ID = Pattern.compile("run_id=(\\S+)");

  @TempDir static Path tmp;
  static Path input;
  static Path warehouse;
  static Path baseline;
  static String firstRunId;
  static List<String> partitionDirs;
  static int stepsPassed;

  @BeforeAll
  static void corpus() throws IOException {
    input = TestCorpus.mini(tmp.resolve("coverage"), SAMPLE_FILES);
    warehouse = tmp.resolve("warehouse");
    baseline = tmp.resolve("baseline");
  }

  /**
   * Starts a {@code run} of D in a child JVM in tmp (no jobs/parallax.yaml there: built-in
   * defaults), logging to {@code <name>.out} and {@code <name>.err}.
   *
   * @param systemProperties {@code key=value} pairs passed as {@code -Dkey=value}
   */
  static ChildJvm startRun(String name, String... systemProperties) throws IOException {
    ChildJvm.Builder b =
        ChildJvm.java(Main.class.getName())
            .directory(tmp)
            .log(tmp.resolve(name + ".out"), tmp.resolve(name + ".err"))
            .args(
                "run",
                "--input",
                input.toString(),
                "--warehouse",
                warehouse.toString(),
                "--run-date",
                DAY,
                "--master",
                "local[2]",
                "--set",
                "spark.shuffle_partitions=2",
                "--set",
                "compare.bootstrap_reps=200",
                "--set",
                "compare.permutations=199");
    for (String p : systemProperties) {
      b.systemProperty(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
    }
    return b.start();
  }

  @Test
  @Order(1)
  void completeRunIsTheBaseline() throws Exception {
    try (ChildJvm run = startRun("run1")) {
      assertEquals(0, run.awaitExit(RUN_TIMEOUT), run.describe());
      String out = run.stdout();
      assertTrue(out.contains("input=14 accepted=12 rejected=2 duplicates=1"), out);
      firstRunId = runId(out);
    }
    partitionDirs = publishedPartitions();
    List<String> expected = new ArrayList<>();
    for (Table t : Table.values()) {
      expected.add(t.folder() + "/run_date=" + DAY);
    }
    expected.add("reports/run_date=" + DAY);
    assertTrue(partitionDirs.containsAll(expected), partitionDirs.toString());
    for (String dir : partitionDirs) {
      TestCorpus.copyTree(warehouse.resolve(dir), baseline.resolve(dir));
    }
    stepsPassed = 1;
  }

  @Test
  @Order(2)
  void killBeforeAnnotateLeavesEveryPartitionAsItWas() throws Exception {
    assumeTrue(stepsPassed == 1, "needs the baseline run");
    long pid;
    try (ChildJvm run = startRun("run2", "parallax.test.pauseBefore=annotate")) {
      run.awaitLine(false, "stage=ingest status=ok", RUN_TIMEOUT);
      run.awaitLine(true, "test hook: paused before stage=annotate", RUN_TIMEOUT);
      pid = run.pid();
      assertNotEquals(0, run.kill());
    }
    List<String> republished =
        List.of(Table.ARTICLES, Table.REJECTS, Table.SYNDICATION, Table.STORIES).stream()
            .map(Table::folder)
            .toList();
    for (String dir : partitionDirs) {
      if (republished.contains(dir.substring(0, dir.indexOf('/')))) {
        assertEquals(rows(baseline.resolve(dir)), rows(warehouse.resolve(dir)), dir);
        assertTrue(Files.exists(warehouse.resolve(dir).resolve("_SUCCESS")), dir);
      } else {
        assertEquals(files(baseline.resolve(dir)), files(warehouse.resolve(dir)), dir);
      }
    }
    String holder = Files.readString(lockFile(), StandardCharsets.UTF_8);
    assertTrue(holder.contains("pid " + pid), "the killed run's lock file stays: " + holder);
    stepsPassed = 2;
  }

  @Test
  @Order(3)
  void killMidSwapLeavesTheOldPartitionRecoverable() throws Exception {
    assumeTrue(stepsPassed == 2, "needs the killed run of step 2");
    String runId;
    try (ChildJvm run = startRun("run3", "parallax.test.pauseMidSwap=stance_difference")) {
      // Reaching the hook means the stale lock file of step 2 did not stop this run.
      run.awaitLine(true, "test hook: paused mid-swap table=stance_difference", RUN_TIMEOUT);
      runId = runId(run.stdout());
      assertNotEquals(0, run.kill());
    }
    String sd = "stance_difference/run_date=" + DAY;
    assertFalse(Files.exists(warehouse.resolve(sd)), "the kill came between the two renames");
    Path trash = warehouse.resolve("_trash/run_date=" + DAY + "/" + runId + "/stance_difference");
    Path staged =
        warehouse.resolve("_staging/run_date=" + DAY + "/" + runId + "/stance_difference");
    assertEquals(files(baseline.resolve(sd)), files(trash), "the old partition, moved aside");
    assertTrue(Files.exists(staged.resolve("_SUCCESS")), "the complete new partition, staged");
    List<String> journal =
        Files.readAllLines(
            warehouse.resolve("_journal/stance_difference__run_date=" + DAY + ".swap"));
    assertTrue(journal.get(0).endsWith(staged.toString()), journal.toString());
    assertTrue(journal.get(1).endsWith(trash.toString()), journal.toString());
    // Ingest and annotate republished their tables; compare publishes its six side by side, so
    // at the kill each of the other five is either still the old partition or already rewritten
    // with the same rows: both equal the baseline row for row.
    List<String> rewritten =
        List.of(
            "articles",
            "rejects",
            "syndication",
            "stories",
            "sentences",
            "quotes",
            "theme_frequency",
            "stance_by_source",
            "distinctive_terms",
            "source_summary",
            "quoted_speakers",
            "timeline");
    for (String dir : partitionDirs) {
      String table = dir.substring(0, dir.indexOf('/'));
      if (rewritten.contains(table)) {
        assertEquals(rows(baseline.resolve(dir)), rows(warehouse.resolve(dir)), dir);
      } else if (!dir.equals(sd)) {
        assertEquals(files(baseline.resolve(dir)), files(warehouse.resolve(dir)), dir);
      }
    }
    stepsPassed = 3;
  }

  @Test
  @Order(4)
  void rerunRecoversTheSwapAndEqualsAnUninterruptedRun() throws Exception {
    assumeTrue(stepsPassed == 3, "needs the killed run of step 3");
    String out;
    try (ChildJvm run = startRun("run4")) {
      assertEquals(0, run.awaitExit(RUN_TIMEOUT), run.describe());
      out = run.stdout();
    }
    assertTrue(out.contains("recovered 1 partition swap(s) left by a killed run"), out);
    String lastRunId = runId(out);
    for (String dir : partitionDirs) {
      if (dir.startsWith("reports/")) {
        assertEquals(files(baseline.resolve(dir)), files(warehouse.resolve(dir)), dir);
      } else if (!dir.startsWith("runs/")) {
        List<String> rows = rows(warehouse.resolve(dir));
        assertEquals(rows(baseline.resolve(dir)), rows, dir);
        assertFalse(rows.isEmpty(), dir);
      }
    }
    assertEquals(12, rows(warehouse.resolve("articles/run_date=" + DAY)).size());
    try (Stream<Path> journals = Files.list(warehouse.resolve("_journal"))) {
      assertEquals(
          List.of(),
          journals.map(p -> p.getFileName().toString()).filter(n -> n.contains(DAY)).toList());
    }
    assertFalse(Files.exists(warehouse.resolve("_staging/run_date=" + DAY)), "staging removed");
    assertFalse(Files.exists(warehouse.resolve("_trash/run_date=" + DAY)), "trash removed");
    assertEquals(
        List.of(firstRunId + "|run|succeeded|14|12|2|1", lastRunId + "|run|succeeded|14|12|2|1"),
        query(
            "SELECT run_id || '|' || command || '|' || status "
                + "|| '|' || input_records || '|' || accepted || '|' || rejected || '|' || duplicates "
                + "FROM read_parquet('"
                + warehouse.resolve("runs/run_date=" + DAY)
                + "/*.parquet') "
                + "ORDER BY run_id"),
        "killed runs leave no row");
    assertEquals(
        "",
        Files.readString(lockFile(), StandardCharsets.UTF_8),
        "a run that ends normally empties the lock file");
  }

  /** {@code <folder>/run_date=D} of every folder of the warehouse not starting with {@code _}. */
  static List<String> publishedPartitions() throws IOException {
    try (Stream<Path> top = Files.list(warehouse)) {
      return top.map(p -> p.getFileName() + "/run_date=" + DAY)
          .filter(d -> !d.startsWith("_") && Files.isDirectory(warehouse.resolve(d)))
          .sorted()
          .toList();
    }
  }

  static Path lockFile() {
    return warehouse.resolve("_locks/run_date=" + DAY + ".lock");
  }

  static String runId(String stdout) {
    Matcher m = RUN_ID.matcher(stdout);
    assertTrue(m.find(), stdout);
    return m.group(1);
  }

  /** Relative path to SHA-256 of every file under {@code dir}, hidden files included. */
  static Map<String, String> files(Path dir) throws IOException, NoSuchAlgorithmException {
    assertTrue(Files.isDirectory(dir), dir + " is missing");
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(
            dir.relativize(p).toString(),
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }

  /** Every row of the partition's Parquet files, in a total order, read by DuckDB. */
  static List<String> rows(Path dir) throws SQLException {
    assertTrue(Files.isDirectory(dir), dir + " is missing");
    return query("SELECT * FROM read_parquet('" + dir + "/*.parquet') ORDER BY ALL");
  }

  static List<String> query(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }
}
