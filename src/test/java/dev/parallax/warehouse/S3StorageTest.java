package dev.parallax.warehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.S3ProxyServer;
import dev.parallax.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage layer on a real S3 API: S3Proxy on 127.0.0.1 reached through Hadoop's S3A. What S3
 * gives (whole-object writes, no rename, conditional writes or not) decides how tables are
 * published and how the run lock works; these tests check each against the server.
 */
class S3StorageTest {
  static final LocalDate DAY = LocalDate.of(2025, 2, 10);
  static final String BUCKET = "storage-test";

  @TempDir static Path tmp;
  static S3ProxyServer s3;
  static Storage storage;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3ProxyServer.start(tmp);
    s3.createBucket(BUCKET);
    storage = Storage.open("s3a://" + BUCKET + "/warehouse", s3.configuration());
  }

  @AfterAll
  static void stop() {
    if (s3 != null) {
      s3.close();
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * S3 has no atomic rename, and S3Proxy 2.6.0 overwrites on {@code PUT If-None-Match: *} where AWS
   * S3 refuses with 412: the probe must find that, so the lock says it is best effort.
   */
  @Test
  void capabilitiesOfS3AreProbedNotAssumed() {
    assertEquals(Storage.Kind.S3, storage.kind());
    assertEquals(new Storage.Capabilities(false, false), storage.capabilities());
    assertTrue(storage.describe().contains("publish=manifest-switch"), storage.describe());
    assertTrue(storage.describe().contains("lock=lease-best-effort"), storage.describe());
    // the probe cleans up after itself
    assertTrue(
        storage.list(new org.apache.hadoop.fs.Path(storage.root(), "_locks")).stream()
            .noneMatch(st -> st.getPath().getName().startsWith(".probe-")));
  }

  @Test
  void filesAreWrittenReadCreatedOnceAndDeleted() {
    org.apache.hadoop.fs.Path f = new org.apache.hadoop.fs.Path(storage.root(), "t/a.txt");
    assertNull(storage.read(f));
    assertTrue(storage.createIfAbsent(f, utf8("first")));
    assertFalse(storage.createIfAbsent(f, utf8("second")), "exists: nothing written");
    assertArrayEquals(utf8("first"), storage.read(f));
    storage.write(f, utf8("third"));
    assertArrayEquals(utf8("third"), storage.read(f));
    assertEquals(List.of("a.txt"), storage.fileNames(f.getParent()));
    storage.delete(f.getParent());
    assertFalse(storage.exists(f));
  }

  /**
   * Publish on S3 copies the new files in beside the old, switches the manifest, then deletes the
   * old files; a publish cut short before the switch leaves files no manifest lists, which readers
   * through the manifest never see and recovery deletes.
   */
  @Test
  void publishSwitchesTheManifestAndRecoveryDropsUnlistedFiles() {
    SparkSession spark = TestSpark.get();
    s3.hadoopConf().forEach(spark.sparkContext().hadoopConfiguration()::set);
    Warehouse wh =
        new Warehouse(spark, Storage.open("s3a://" + BUCKET + "/tables", s3.configuration()), 1);
    assertFalse(wh.exists(Table.RUNS, DAY));
    wh.publish(Table.RUNS, DAY, "run-1", TinyRows.of(spark, "a", "bb"));
    org.apache.hadoop.fs.Path partition = wh.partitionPath(Table.RUNS, DAY);
    List<String> first = wh.storage().fileNames(partition);
    // rows_per_file 1: two data files and the manifest, which lists exactly the data files
    assertEquals(3, first.size(), first.toString());
    assertTrue(first.contains(Warehouse.MANIFEST));
    String manifest =
        new String(
            wh.storage().read(new org.apache.hadoop.fs.Path(partition, Warehouse.MANIFEST)),
            StandardCharsets.UTF_8);
    for (String name : first) {
      if (!name.equals(Warehouse.MANIFEST)) {
        assertTrue(manifest.contains("\n" + name + "\n"), manifest);
      }
    }
    assertEquals(List.of("a", "bb"), TinyRows.ids(wh.read(Table.RUNS, DAY)));

    wh.publish(Table.RUNS, DAY, "run-2", TinyRows.of(spark, "ccc"));
    assertEquals(List.of("ccc"), TinyRows.ids(wh.read(Table.RUNS, DAY)));
    List<String> second = wh.storage().fileNames(partition);
    assertEquals(2, second.size(), "old files deleted: " + second);
    assertTrue(second.stream().noneMatch(n -> !n.equals(Warehouse.MANIFEST) && first.contains(n)));

    // a killed publish: a stray data file beside the listed ones, and a partition without manifest
    String dataFile =
        second.stream().filter(n -> !n.equals(Warehouse.MANIFEST)).findFirst().orElseThrow();
    byte[] someParquet = wh.storage().read(new org.apache.hadoop.fs.Path(partition, dataFile));
    wh.storage()
        .write(new org.apache.hadoop.fs.Path(partition, "part-99999-stray.parquet"), someParquet);
    org.apache.hadoop.fs.Path orphan = wh.partitionPath(Table.ARTICLES, DAY);
    wh.storage().write(new org.apache.hadoop.fs.Path(orphan, "part-00000-x.parquet"), someParquet);
    assertEquals(
        List.of("ccc"), TinyRows.ids(wh.read(Table.RUNS, DAY)), "readers follow the manifest");
    assertFalse(wh.exists(Table.ARTICLES, DAY), "no manifest: not published");
    assertEquals(2, wh.recover(DAY));
    assertEquals(second, wh.storage().fileNames(partition));
    assertFalse(wh.storage().exists(orphan));
    assertEquals(List.of(DAY), wh.publishedDates(Table.RUNS));

    // a partition copied in from a warehouse that publishes by rename: Spark's files and
    // _SUCCESS, no manifest. It is published as it is, and recovery leaves it alone.
    LocalDate next = DAY.plusDays(1);
    org.apache.hadoop.fs.Path copied = wh.partitionPath(Table.RUNS, next);
    wh.storage()
        .write(new org.apache.hadoop.fs.Path(copied, "part-00000-copied.parquet"), someParquet);
    wh.storage().write(new org.apache.hadoop.fs.Path(copied, "_SUCCESS"), new byte[0]);
    assertTrue(wh.exists(Table.RUNS, next));
    assertEquals(List.of("ccc"), TinyRows.ids(wh.read(Table.RUNS, next)));
    assertEquals(0, wh.recover(next));
    assertEquals(List.of("_SUCCESS", "part-00000-copied.parquet"), wh.storage().fileNames(copied));
    // replacing it by a publish switches to a manifest and deletes the copied files
    wh.publish(Table.RUNS, next, "run-3", TinyRows.of(spark, "dddd"));
    assertEquals(List.of("dddd"), TinyRows.ids(wh.read(Table.RUNS, next)));
    assertFalse(wh.storage().fileNames(copied).contains("_SUCCESS"));
  }

  /**
   * The lease lock: a second run is refused while the holder renews; once the holder is gone (no
   * heartbeat for longer than the lease) the next run takes it over and names the dead holder.
   */
  @Test
  void leaseLockRefusesWhileHeldAndIsTakenOverWhenExpired() throws Exception {
    Duration lease = Duration.ofSeconds(2);
    org.apache.hadoop.fs.Path file =
        new org.apache.hadoop.fs.Path(storage.root(), "_locks/run_date=" + DAY + ".lock");
    try (RunLock first = RunLock.acquire(storage, DAY, "run-A", lease)) {
      assertNull(first.tookOver());
      Thread.sleep(3_000); // longer than the lease: the heartbeat must have renewed it
      RunLock.LockedException e =
          assertThrows(
              RunLock.LockedException.class, () -> RunLock.acquire(storage, DAY, "run-B", lease));
      assertTrue(e.getMessage().contains("run run-A"), e.getMessage());
    }
    assertFalse(storage.exists(file), "released: deleted");

    // a holder that died: its lock stays with a heartbeat that no longer moves
    String dead = "run run-dead, pid 1 on elsewhere, since 2025-02-10T00:00:00Z";
    storage.write(file, utf8(dead + "\nheartbeat=" + (System.currentTimeMillis() - 2_500) + "\n"));
    try (RunLock next = RunLock.acquire(storage, DAY, "run-C", lease)) {
      assertEquals(dead, next.tookOver());
      String content = new String(storage.read(file), StandardCharsets.UTF_8);
      assertTrue(content.startsWith("run run-C, pid "), content);
    }
  }

  /** The backend really holds the objects: what S3A wrote is in the server's folder. */
  @Test
  void objectsLandInTheServersBackend() throws Exception {
    org.apache.hadoop.fs.Path f = new org.apache.hadoop.fs.Path(storage.root(), "probe/x.txt");
    storage.write(f, utf8("x"));
    assertEquals("x", Files.readString(s3.dataDir().resolve(BUCKET + "/warehouse/probe/x.txt")));
    List<String> names = new ArrayList<>();
    for (FileStatus st : storage.list(f.getParent())) {
      names.add(st.getPath().getName());
    }
    assertEquals(List.of("x.txt"), names);
  }
}
