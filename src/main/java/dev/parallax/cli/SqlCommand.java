package dev.parallax.cli;

import dev.parallax.config.ConfigException;
import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ConfigLoader;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.config.SparkSessions;
import dev.parallax.report.QueryOutput;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.WarehouseViews;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parallax sql}: a Spark SQL query over the warehouse tables, printed for a terminal or a
 * file.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run a Spark SQL query over the warehouse: every table is a view named as the "
          + "table (articles, sentences, theme_frequency, ...), with its run_date column. A view shows "
          + "the latest run date on which one successful run published every table (without such a "
          + "date, each table's latest, with a note), or --run-date's (tables without that date "
          + "are left out). "
          + "The views registered are listed on stderr.",
      "Example: parallax sql \"SELECT source, tone_mean FROM source_summary ORDER BY tone_mean\""
    },
    footer = {
      "",
      "Exit codes: 0 ok, 2 bad option or query (Spark's message on one line), 1 other failure."
    })
final class SqlCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "QUERY", description = "The query, in Spark SQL.")
  String query;

  @Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      description =
          "Show this run date's partition of every table (default: the latest date on which one"
              + " successful run published every table).")
  String runDate;

  @Option(
      names = "--format",
      paramLabel = "table|csv|json",
      defaultValue = "table",
      description =
          "Output: table (aligned text, the default), csv (RFC 4180, as the report "
              + "CSV files) or json (JSON Lines).")
  String format;

  @Option(
      names = "--warehouse",
      paramLabel = "DIR",
      description = "Warehouse root (default: the config file's warehouse, else data/warehouse).")
  String warehouse;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Config file to take the warehouse and its file system settings (spark.conf"
              + " spark.hadoop.*) from (default: jobs/parallax.yaml if present).")
  Path config;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    QueryOutput.Format fmt = format();
    LocalDate date = runDate();
    ParallaxConfig settings = settings();
    String root = settings.warehouse();
    PrintWriter err = spec.commandLine().getErr();
    SparkSession spark = session();
    SparkSessions.applyHadoopSettings(spark, settings);
    WarehouseViews.Result views = WarehouseViews.register(spark, root, date);
    err.println(describe(views, root, date));
    err.flush();
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    try {
      spark.sparkContext().setJobDescription("sql: " + query);
      Dataset<Row> result = spark.sql(query);
      Iterator<Row> rows =
          fmt == QueryOutput.Format.TABLE
              ? result.collectAsList().iterator()
              : result.toLocalIterator();
      QueryOutput.write(result.schema(), rows, fmt, out);
    } catch (Exception e) {
      if (!(e instanceof AnalysisException bad)) {
        throw e;
      }
      err.println("parallax: error: " + oneLine(bad.getSimpleMessage()));
      err.flush();
      return ExitCodes.CONFIG;
    } finally {
      out.flush();
    }
    return ExitCodes.OK;
  }

  private QueryOutput.Format format() {
    try {
      return QueryOutput.Format.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--format " + format + ": expected table, csv or json");
    }
  }

  private LocalDate runDate() {
    if (runDate == null) {
      return null;
    }
    try {
      return LocalDate.parse(runDate.strip());
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          "--run-date " + runDate + ": expected a date YYYY-MM-DD, e.g. 2025-02-10");
    }
  }

  /** The warehouse and its file system settings: flag &gt; config file &gt; default. */
  private ParallaxConfig settings() {
    Map<String, String> flags = new HashMap<>();
    if (warehouse != null) {
      flags.put(ConfigKeys.WAREHOUSE.name(), warehouse);
    }
    Path file = config;
    if (file != null && !Files.isRegularFile(file)) {
      throw new ConfigException("--config " + file + ": file does not exist");
    }
    if (file == null && Files.isRegularFile(Path.of("jobs", "parallax.yaml"))) {
      file = Path.of("jobs", "parallax.yaml");
    }
    return ConfigLoader.load(file, flags);
  }

  /** The running session (tests, spark-submit), else a quiet local one without UI. */
  private static SparkSession session() {
    if (SparkSession.getActiveSession().isDefined()
        || SparkSession.getDefaultSession().isDefined()) {
      return SparkSession.builder().getOrCreate();
    }
    SparkSession spark =
        SparkSession.builder()
            .appName("parallax sql")
            .master("local[*]")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", "8")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    return spark;
  }

  /**
   * The stderr line naming the views, grouped by run date, and the tables left out, e.g. {@code
   * views at run_date=2025-02-10: articles, rejects; not registered (no partition under
   * data/warehouse): runs}.
   */
  static String describe(WarehouseViews.Result r, String root, LocalDate date) {
    Map<LocalDate, List<String>> byDate =
        r.views().stream()
            .collect(
                Collectors.groupingBy(
                    WarehouseViews.View::runDate,
                    java.util.TreeMap::new,
                    Collectors.mapping(v -> v.table().folder(), Collectors.toList())));
    String views =
        byDate.isEmpty()
            ? "views: none"
            : byDate.entrySet().stream()
                .map(
                    e -> "views at run_date=" + e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    if (!r.complete()) {
      views +=
          " (no run date has every table from one successful run: each view shows its table's"
              + " latest date; pass --run-date to pick one)";
    }
    if (r.skipped().isEmpty()) {
      return views;
    }
    return views
        + "; not registered (no "
        + (date == null ? "" : "run_date=" + date + " ")
        + "partition under "
        + root
        + "): "
        + r.skipped().stream().map(Table::folder).collect(Collectors.joining(", "));
  }

  /** Spark's message with its line breaks folded, for a one-line error. */
  static String oneLine(String message) {
    return message == null ? "query failed" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
