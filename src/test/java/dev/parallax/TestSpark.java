package dev.parallax;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM, built on first use and shared by every Spark test. Never stop
 * it: other test classes in the same fork reuse it.
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  /** The shared local session (local[2], no UI, 2 shuffle partitions, UTC). */
  public static synchronized SparkSession get() {
    if (session == null || session.sparkContext().isStopped()) {
      session =
          SparkSession.builder()
              .appName("parallax-tests")
              .master("local[2]")
              .config("spark.ui.enabled", "false")
              .config("spark.ui.showConsoleProgress", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
              .getOrCreate();
    }
    // A session created elsewhere first (e.g. by a CLI test) is reused: pin the settings that the
    // tests rely on either way.
    session.conf().set("spark.sql.shuffle.partitions", "2");
    session.conf().set("spark.sql.session.timeZone", "UTC");
    session.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    return session;
  }
}
