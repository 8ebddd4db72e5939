package dev.parallax.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The Hadoop settings the run lock sees before Spark starts: spark-submit's {@code spark.hadoop.*}
 * (system properties) and the config's, the config winning, as in the session the run then gets.
 */
class StorageConfigurationTest {
  @Test
  void sparkHadoopPropertiesFromTheJvmAndTheConfig() {
    String both = "spark.hadoop.parallax.test.both";
    String jvmOnly = "spark.hadoop.parallax.test.jvm";
    System.setProperty(both, "from-submit");
    System.setProperty(jvmOnly, "from-submit");
    try {
      Configuration conf =
          Storage.hadoopConfiguration(
              Map.of(
                  both, "from-config", "spark.hadoop.parallax.test.config", "c", "spark.x", "y"));
      assertEquals("from-config", conf.get("parallax.test.both"));
      assertEquals("from-submit", conf.get("parallax.test.jvm"));
      assertEquals("c", conf.get("parallax.test.config"));
      assertNull(conf.get("spark.x"));
      assertNull(conf.get("x"));
    } finally {
      System.clearProperty(both);
      System.clearProperty(jvmOnly);
    }
  }
}
