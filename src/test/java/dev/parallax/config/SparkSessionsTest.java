package dev.parallax.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parallax.TestSpark;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Spark properties a run sets: fixed ones always, defaults unless spark.conf.* gives them. */
class SparkSessionsTest {
  private final SparkSession spark = TestSpark.get();
  private final Map<String, String> before = new java.util.HashMap<>();

  @BeforeEach
  void remember() {
    for (String p :
        java.util.stream.Stream.concat(
                SparkSessions.FIXED.keySet().stream(), SparkSessions.DEFAULTS.keySet().stream())
            .toList()) {
      before.put(p, spark.conf().get(p));
    }
  }

  /** The session is shared by every test class: leave it as it was found. */
  @AfterEach
  void restore() {
    before.forEach((p, v) -> spark.conf().set(p, v));
  }

  @Test
  void defaultsApplyUnlessSparkConfGivesThem() {
    SparkSessions.applyRunSettings(spark, ConfigLoader.load(null, Map.of()));
    assertEquals("zstd", spark.conf().get("spark.sql.parquet.compression.codec"));
    assertEquals("true", spark.conf().get("spark.sql.adaptive.enabled"));
    SparkSessions.applyRunSettings(
        spark,
        ConfigLoader.load(
            null,
            Map.of(
                "spark.conf.spark.sql.parquet.compression.codec", "snappy",
                "spark.conf.spark.sql.adaptive.enabled", "false")));
    assertEquals("snappy", spark.conf().get("spark.sql.parquet.compression.codec"));
    assertEquals("false", spark.conf().get("spark.sql.adaptive.enabled"));
  }

  @Test
  void fixedPropertiesHoldWhateverTheConfig() {
    SparkSessions.applyRunSettings(
        spark, ConfigLoader.load(null, Map.of("spark.shuffle_partitions", "5")));
    assertEquals("UTC", spark.conf().get("spark.sql.session.timeZone"));
    assertEquals("TIMESTAMP_MICROS", spark.conf().get("spark.sql.parquet.outputTimestampType"));
    assertEquals("static", spark.conf().get("spark.sql.sources.partitionOverwriteMode"));
    assertEquals("5", spark.conf().get("spark.sql.shuffle.partitions"));
  }
}
