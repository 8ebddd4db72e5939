package dev.parallax.config;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession a run uses, with the settings every table relies on. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * Returns the active session when one exists (tests, spark-submit), configured for this run,
   * else a new one for {@code config.master()}.
   */
  public static SparkSession forConfig(ParallaxConfig config, String appName) {
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    if (SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty()) {
      b = b.master(config.master());
      if (config.master().startsWith("local")) {
        b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
      }
      b = b.config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", String.valueOf(System.console() != null))
          .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
          .config("spark.kryoserializer.buffer.max", "512m");
    }
    for (Map.Entry<String, String> e : config.sparkConf().entrySet()) {
      b = b.config(e.getKey(), e.getValue());
    }
    SparkSession spark = b.getOrCreate();
    applyRunSettings(spark, config);
    return spark;
  }

  /** Settings that hold for every run, also when the session came from elsewhere. */
  public static void applyRunSettings(SparkSession spark, ParallaxConfig config) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    spark.conf().set("spark.sql.parquet.compression.codec", "zstd");
    spark.conf().set("spark.sql.sources.partitionOverwriteMode", "static");
    spark.conf().set("spark.sql.shuffle.partitions",
        config.string(ConfigKeys.SHUFFLE_PARTITIONS));
    spark.conf().set("spark.sql.adaptive.enabled", "true");
  }
}
