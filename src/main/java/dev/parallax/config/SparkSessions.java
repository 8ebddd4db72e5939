package dev.parallax.config;

import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession a run uses, with the settings every table relies on. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * Returns the active session when one exists (tests), configured for this run, else a new one.
   * The new session's master is the one spark-submit was given when it launched this JVM (it passes
   * it as the {@code spark.master} system property), else {@code config.master()}: under
   * spark-submit the {@code master} key and {@code --master} flag are ignored, and the Spark UI is
   * left to spark-submit's settings (it is off for direct launches).
   */
  public static SparkSession forConfig(ParallaxConfig config, String appName) {
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    if (SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty()) {
      String submitted = System.getProperty("spark.master");
      String master = submitted != null ? submitted : config.master();
      if (submitted == null) {
        // Spark 3.5 supports Java 8, 11 and 17 only; before JDK 22 a null console means that
        // stdin and stdout are not a terminal, so no progress bar is drawn into logs.
        @SuppressWarnings("SystemConsoleNull")
        boolean terminal = System.console() != null;
        b =
            b.master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", String.valueOf(terminal));
      }
      if (master.startsWith("local")) {
        b =
            b.config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
      }
      b =
          b.config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
              .config("spark.kryoserializer.buffer.max", "512m");
    }
    for (Map.Entry<String, String> e : config.sparkConf().entrySet()) {
      b = b.config(e.getKey(), e.getValue());
    }
    SparkSession spark = b.getOrCreate();
    applyRunSettings(spark, config);
    return spark;
  }

  /** A Spark property a run always sets: why, and its value for a configuration. */
  record Fixed(String reason, Function<ParallaxConfig, String> value) {}

  /**
   * Spark properties every run sets itself, because the tables' contract rests on them; {@code
   * spark.conf.*} may not set them ({@link ConfigLoader} refuses it, naming the reason).
   */
  static final Map<String, Fixed> FIXED =
      Map.of(
          "spark.sql.session.timeZone",
          new Fixed("tables hold UTC timestamps", c -> "UTC"),
          "spark.sql.parquet.outputTimestampType",
          new Fixed("timestamps are written as TIMESTAMP_MICROS", c -> "TIMESTAMP_MICROS"),
          "spark.sql.sources.partitionOverwriteMode",
          new Fixed("partitions are replaced by the warehouse's swap", c -> "static"),
          "spark.sql.shuffle.partitions",
          new Fixed(
              "set it with the key spark.shuffle_partitions",
              c -> c.string(ConfigKeys.SHUFFLE_PARTITIONS)));

  /**
   * Spark properties a run sets unless {@code spark.conf.*} gives them: Parquet files compressed
   * with zstd (read by Spark, DuckDB, pandas/pyarrow and Trino), adaptive query execution on.
   */
  static final Map<String, String> DEFAULTS =
      Map.of(
          "spark.sql.parquet.compression.codec", "zstd",
          "spark.sql.adaptive.enabled", "true");

  /** Settings that hold for every run, also when the session came from elsewhere. */
  public static void applyRunSettings(SparkSession spark, ParallaxConfig config) {
    FIXED.forEach((property, fixed) -> spark.conf().set(property, fixed.value().apply(config)));
    DEFAULTS.forEach(
        (property, value) ->
            spark.conf().set(property, config.sparkConf().getOrDefault(property, value)));
    applyHadoopSettings(spark, config);
  }

  /**
   * The configuration's {@code spark.hadoop.*} properties set on the session's Hadoop
   * configuration: they reach Hadoop by themselves only when a SparkContext starts, so a session
   * from elsewhere gets the warehouse's file system settings ({@code fs.s3a.endpoint}, …) here.
   */
  public static void applyHadoopSettings(SparkSession spark, ParallaxConfig config) {
    config
        .sparkConf()
        .forEach(
            (property, value) -> {
              if (property.startsWith(HADOOP_PREFIX)) {
                spark
                    .sparkContext()
                    .hadoopConfiguration()
                    .set(property.substring(HADOOP_PREFIX.length()), value);
              }
            });
  }

  private static final String HADOOP_PREFIX = "spark.hadoop.";
}
