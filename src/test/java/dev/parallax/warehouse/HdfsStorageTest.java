package dev.parallax.warehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage layer on a real HDFS: a NameNode and a DataNode in this JVM (Hadoop's
 * MiniDFSCluster). HDFS renames folders atomically and creates a file only if absent atomically, so
 * a partition is published by a rename swap and the run lock is a lease created with {@code
 * create(overwrite=false)}.
 */
class HdfsStorageTest {
  static final LocalDate DAY = LocalDate.of(2025, 2, 10);

  @TempDir static Path tmp;
  static MiniDFSCluster cluster;
  static String root;

  @BeforeAll
  static void start() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    root = "hdfs://localhost:" + cluster.getNameNodePort() + "/parallax/warehouse";
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  private static Storage storage() {
    return Storage.open(root, new Configuration());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void hdfsRenamesAndCreatesAtomically() {
    Storage s = storage();
    assertEquals(Storage.Kind.HDFS, s.kind());
    assertEquals(new Storage.Capabilities(true, true), s.capabilities());
    assertTrue(s.describe().endsWith("storage=hdfs publish=rename-swap lock=lease"), s.describe());
    org.apache.hadoop.fs.Path f = new org.apache.hadoop.fs.Path(s.root(), "t/once.txt");
    assertNull(s.read(f));
    assertTrue(s.createIfAbsent(f, utf8("first")));
    assertFalse(s.createIfAbsent(f, utf8("second")), "the NameNode refuses the second create");
    assertArrayEquals(utf8("first"), s.read(f));
    s.write(f, utf8("replaced"));
    assertArrayEquals(utf8("replaced"), s.read(f));
    assertEquals(List.of("once.txt"), s.fileNames(f.getParent()), "no temporary file left");
  }

  @Test
  void publishSwapsThePartitionFolder() {
    SparkSession spark = TestSpark.get();
    Warehouse wh = new Warehouse(spark, storage(), 1_000);
    wh.publish(Table.RUNS, DAY, "run-1", TinyRows.of(spark, "a", "bb"));
    wh.publish(Table.RUNS, DAY, "run-2", TinyRows.of(spark, "ccc"));
    assertEquals(List.of("ccc"), TinyRows.ids(wh.read(Table.RUNS, DAY)));
    List<String> files = wh.storage().fileNames(wh.partitionPath(Table.RUNS, DAY));
    assertFalse(files.contains(Warehouse.MANIFEST), "rename swap: no manifest " + files);
    assertTrue(files.stream().anyMatch(n -> n.endsWith(".parquet")), files.toString());
    assertFalse(
        wh.storage()
            .exists(
                new org.apache.hadoop.fs.Path(
                    wh.root(), "_journal/runs__run_date=" + DAY + ".swap")));
    wh.cleanStaging(DAY, "run-2");
    assertEquals(List.of(DAY), wh.publishedDates(Table.RUNS));
  }

  @Test
  void leaseLockOnHdfs() {
    Storage s = storage();
    Duration lease = Duration.ofMinutes(5);
    try (RunLock held = RunLock.acquire(s, DAY.plusDays(1), "run-A", lease)) {
      RunLock.LockedException e =
          assertThrows(
              RunLock.LockedException.class,
              () -> RunLock.acquire(s, DAY.plusDays(1), "run-B", lease));
      assertTrue(e.getMessage().contains("run run-A"), e.getMessage());
    }
    try (RunLock next = RunLock.acquire(s, DAY.plusDays(1), "run-B", lease)) {
      assertNull(next.tookOver(), "released at close: nothing to take over");
    }
  }
}
