package dev.parallax.config;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession a run uses, with the settings every table relies on. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * Returns the active session when one exists (tests), configured for this run, else a new one.
   * The new session's master is the one spark-submit was given when it launched this JVM (it
   * passes it as the {@code spark.master} system property), else {@code config.master()}: under
   * spark-submit the {@code master} key and {@code --master} flag are ignored, and the Spark UI
   * is left to spark-submit's settings (it is off for direct launches).
   */
  public static SparkSession forConfig(ParallaxConfig config, String appName) {
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    if (SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty()) {
      String submitted = System.getProperty("spark.master");
      String master = submitted != null ? submitted : config.master();
      if (submitted == null) {
        b = b.master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", String.valueOf(System.console() != null));
      }
      if (master.startsWith("local")) {
        b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
      }
      b = b.config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
          .config("spark.kryoserializer.buffer.max", "512m");
    }
    for (Map.Entry<String, String> e : config.sparkConf().entrySet()) {
      b = b.config(e.getKey(), e.getValue());
    }
    SparkSession spark = b.getOrCreate();
    applyRunSettings(spark, config);
    return spark;
  }

  /**
   * Spark properties every run sets itself, because the tables' contract rests on them, with the
   * reason; {@code spark.conf.*} may not set them ({@link ConfigLoader} rejects it).
   */
  static final Map<String, String> FIXED = Map.of(
      "spark.sql.session.timeZone", "tables hold UTC timestamps",
      "spark.sql.parquet.outputTimestampType", "timestamps are written as TIMESTAMP_MICROS",
      "spark.sql.sources.partitionOverwriteMode", "partitions are replaced by the warehouse's swap",
      "spark.sql.shuffle.partitions", "set it with the key spark.shuffle_partitions");

  /**
   * Spark properties a run sets unless {@code spark.conf.*} gives them: Parquet files
   * compressed with zstd (read by Spark, DuckDB, pandas/pyarrow and Trino), adaptive query
   * execution on.
   */
  static final Map<String, String> DEFAULTS = Map.of(
      "spark.sql.parquet.compression.codec", "zstd",
      "spark.sql.adaptive.enabled", "true");

  /** Settings that hold for every run, also when the session came from elsewhere. */
  public static void applyRunSettings(SparkSession spark, ParallaxConfig config) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    spark.conf().set("spark.sql.sources.partitionOverwriteMode", "static");
    spark.conf().set("spark.sql.shuffle.partitions",
        config.string(ConfigKeys.SHUFFLE_PARTITIONS));
    for (Map.Entry<String, String> d : DEFAULTS.entrySet()) {
      spark.conf().set(d.getKey(), config.sparkConf().getOrDefault(d.getKey(), d.getValue()));
    }
  }
}
