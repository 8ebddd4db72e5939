package dev.parallax.cli;

import dev.parallax.config.ParallaxConfig;
import dev.parallax.warehouse.Warehouse;
import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;

/** What a stage needs to run: the session, the resolved config, the warehouse and the run id. */
record StageContext(
    SparkSession spark,
    ParallaxConfig config,
    Warehouse warehouse,
    String runId,
    PrintStream out) {}
