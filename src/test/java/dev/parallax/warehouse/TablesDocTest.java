package dev.parallax.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.TestSpark;
import dev.parallax.cli.SampleWarehouse;
import dev.parallax.warehouse.ColumnDocs.ColumnDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * docs/tables.md, columns.tsv and the published Parquet files agree: the column tables of the
 * document are generated from columns.tsv ({@link #REGENERATE} rewrites them), columns.tsv lists
 * exactly the columns of a real run with their types, and every published file carries the
 * descriptions as column comments.
 */
class TablesDocTest {
  static final Path DOC = Path.of("docs/tables.md");
  static final String REGENERATE =
      "mvn -o -q test "
          + "-Dtest='TablesDocTest#docsTablesMdIsGeneratedFromColumnsTsv' -Dparallax.regenerateDocs=true";

  /**
   * {@code <!-- columns: TABLE -->} … {@code <!-- end columns -->}; the text between is generated.
   */
  static final Pattern REGION =
      Pattern.compile(
          "(<!-- columns: ([a-z_]+) -->\\n)(.*?)(<!-- end columns -->)", Pattern.DOTALL);

  /** Spark SQL type to the type DuckDB reports for it (run_date: read with hive_partitioning). */
  static final Map<String, String> DUCKDB_TYPES =
      Map.of(
          "string",
          "VARCHAR",
          "bigint",
          "BIGINT",
          "double",
          "DOUBLE",
          "boolean",
          "BOOLEAN",
          "date",
          "DATE",
          "timestamp",
          "TIMESTAMP WITH TIME ZONE",
          "array<string>",
          "VARCHAR[]");

  static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  @Test
  void columnsTsvIsComplete() {
    Set<String> tables = Stream.of(Table.values()).map(Table::folder).collect(Collectors.toSet());
    Set<String> seen = new HashSet<>();
    assertFalse(ColumnDocs.all().isEmpty());
    for (ColumnDoc c : ColumnDocs.all()) {
      String where = c.table() + "." + c.column();
      assertTrue(tables.contains(c.table()), where + ": no such table");
      assertTrue(seen.add(where), where + ": documented twice");
      assertTrue(
          DUCKDB_TYPES.containsKey(c.type()),
          where
              + ": type '"
              + c.type()
              + "' is not one of the standard types "
              + DUCKDB_TYPES.keySet());
      assertFalse(c.description().isBlank(), where + ": no description");
    }
  }

  @Test
  void eachTableSchemaOfTheContractIsDocumentedInColumnsTsv() {
    for (Table t : Table.values()) {
      List<String> declared = new ArrayList<>();
      for (StructField f : t.schema().fields()) {
        declared.add(f.name() + " " + f.dataType().simpleString());
      }
      declared.add("run_date date");
      List<String> documented =
          ColumnDocs.of(t).stream().map(d -> d.column() + " " + d.type()).toList();
      assertEquals(
          documented,
          declared,
          t.folder()
              + ": the SCHEMA of its class in "
              + "dev.parallax.warehouse.schema and columns.tsv differ (names, order or types)");
    }
  }

  @Test
  void docsTablesMdIsGeneratedFromColumnsTsv() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String generated = regenerate(doc);
    Set<String> regions = new HashSet<>();
    Matcher m = REGION.matcher(doc);
    while (m.find()) {
      regions.add(m.group(2));
    }
    Set<String> documented =
        ColumnDocs.all().stream()
            .map(ColumnDoc::table)
            .collect(Collectors.toCollection(HashSet::new));
    assertEquals(
        documented,
        regions,
        "docs/tables.md needs one '<!-- columns: TABLE -->' region "
            + "per table of columns.tsv, and no other");
    if (!generated.equals(doc) && Boolean.getBoolean("parallax.regenerateDocs")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
      return;
    }
    if (!generated.equals(doc)) {
      fail(
          "docs/tables.md is out of date with src/main/resources/parallax/columns.tsv ("
              + firstDifference(doc, generated)
              + "); regenerate its column tables with: "
              + REGENERATE);
    }
  }

  @Test
  void columnsTsvListsExactlyTheColumnsOfARunWithTheirTypes() throws SQLException {
    Path root = SampleWarehouse.get();
    SparkSession spark = TestSpark.get();
    List<String> problems = new ArrayList<>();
    Set<String> published = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (Table t : Table.values()) {
        Path dir = root.resolve(t.folder()).resolve("run_date=" + SampleWarehouse.RUN_DATE);
        if (!Files.isDirectory(dir)) {
          continue;
        }
        published.add(t.folder());
        Map<String, String> documented = new LinkedHashMap<>();
        ColumnDocs.of(t).forEach(d -> documented.put(d.column(), d.type()));
        Map<String, String> inSpark = new LinkedHashMap<>();
        for (StructField f :
            spark
                .read()
                .option("basePath", root.resolve(t.folder()).toString())
                .parquet(dir.toString())
                .schema()
                .fields()) {
          inSpark.put(f.name(), f.dataType().simpleString());
        }
        Map<String, String> duck = new LinkedHashMap<>();
        try (ResultSet rs =
            s.executeQuery("DESCRIBE SELECT * FROM " + SampleWarehouse.duckDbTable(t.folder()))) {
          while (rs.next()) {
            duck.put(rs.getString("column_name"), rs.getString("column_type"));
          }
        }
        for (Map.Entry<String, String> e : inSpark.entrySet()) {
          String doc = documented.get(e.getKey());
          if (doc == null) {
            problems.add(
                t.folder() + "." + e.getKey() + " (" + e.getValue() + ") is not in columns.tsv");
          } else if (!doc.equals(e.getValue())) {
            problems.add(
                t.folder()
                    + "."
                    + e.getKey()
                    + " is "
                    + e.getValue()
                    + " in the data but "
                    + doc
                    + " in columns.tsv");
          }
        }
        for (String col : documented.keySet()) {
          if (!inSpark.containsKey(col)) {
            problems.add(t.folder() + "." + col + " is documented but not in the data");
          }
        }
        if (problems.isEmpty()) {
          assertEquals(
              new ArrayList<>(documented.keySet()),
              new ArrayList<>(inSpark.keySet()),
              t.folder() + ": columns.tsv lists the columns in another order than the table");
          Map<String, String> expectedDuck = new LinkedHashMap<>();
          documented.forEach((k, v) -> expectedDuck.put(k, DUCKDB_TYPES.get(v)));
          assertEquals(expectedDuck, duck, t.folder() + ": DuckDB types");
        }
      }
    }
    for (String table : ColumnDocs.all().stream().map(ColumnDoc::table).distinct().toList()) {
      if (!published.contains(table)) {
        problems.add("columns.tsv documents table " + table + " but the run did not publish it");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void publishedFilesCarryTheDescriptionsAsColumnComments() throws SQLException, IOException {
    Path root = SampleWarehouse.get();
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (Table t : Table.values()) {
        Path dir = root.resolve(t.folder()).resolve("run_date=" + SampleWarehouse.RUN_DATE);
        if (!Files.isDirectory(dir)) {
          continue;
        }
        List<Path> files;
        try (Stream<Path> l = Files.list(dir)) {
          files = l.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
        assertFalse(files.isEmpty(), t.folder());
        for (Path file : files) {
          String schema = null;
          try (ResultSet rs =
              s.executeQuery(
                  "SELECT decode(value) FROM parquet_kv_metadata('"
                      + file
                      + "') WHERE decode(key) = '"
                      + SPARK_SCHEMA_KEY
                      + "'")) {
            if (rs.next()) {
              schema = rs.getString(1);
            }
          }
          assertTrue(schema != null, file + " has no " + SPARK_SCHEMA_KEY + " footer key");
          Map<String, String> comments = new LinkedHashMap<>();
          for (JsonNode f : json.readTree(schema).get("fields")) {
            JsonNode comment = f.path("metadata").path(ColumnDocs.COMMENT);
            comments.put(f.get("name").asText(), comment.isMissingNode() ? null : comment.asText());
          }
          Map<String, String> expected = new LinkedHashMap<>();
          ColumnDocs.of(t).stream()
              .filter(d -> !d.column().equals("run_date"))
              .forEach(d -> expected.put(d.column(), d.comment()));
          assertEquals(expected, comments, file.toString());
          checked++;
        }
      }
    }
    assertTrue(checked >= 8, "files checked: " + checked);
  }

  @Test
  void exampleQueriesOfTheDocRunInDuckDbAndSparkWithTheSameRowCounts() throws Exception {
    Path root = SampleWarehouse.get();
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    List<String> duck = new ArrayList<>();
    List<String> spark = new ArrayList<>();
    Matcher m = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    while (m.find()) {
      (m.group(1).contains("read_parquet(") ? duck : spark).add(m.group(1).strip());
    }
    assertEquals(12, duck.size(), "DuckDB examples");
    assertEquals(duck.size(), spark.size(), "one Spark SQL example per DuckDB example");
    SparkSession session = TestSpark.get();
    WarehouseViews.register(session, root.toString(), null);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (int i = 0; i < duck.size(); i++) {
        long duckRows = 0;
        try (ResultSet rs =
            s.executeQuery(duck.get(i).replace("'data/warehouse/", "'" + root + "/"))) {
          while (rs.next()) {
            duckRows++;
          }
        }
        long sparkRows = session.sql(spark.get(i)).collectAsList().size();
        assertTrue(duckRows > 0, "no row from\n" + duck.get(i));
        assertEquals(duckRows, sparkRows, "rows of\n" + duck.get(i) + "\nand\n" + spark.get(i));
      }
    }
  }

  @Test
  void withCommentsKeepsRowsAndDropsCommentsOfUndocumentedColumns() {
    SparkSession spark = TestSpark.get();
    StructType schema =
        new StructType()
            .add("source", DataTypes.StringType)
            .add(
                new StructField(
                    "extra",
                    DataTypes.LongType,
                    true,
                    new MetadataBuilder()
                        .putString(ColumnDocs.COMMENT, "inherited")
                        .putLong("k", 7)
                        .build()));
    Dataset<Row> in =
        spark.createDataFrame(
            List.of(RowFactory.create("a", 1L), RowFactory.create("b", null)), schema);
    Dataset<Row> out = ColumnDocs.withComments(Table.SOURCE_SUMMARY, in);
    assertEquals(List.of("source", "extra"), List.of(out.columns()));
    assertEquals(in.collectAsList(), out.collectAsList());
    String documented =
        ColumnDocs.of(Table.SOURCE_SUMMARY).stream()
            .filter(d -> d.column().equals("source"))
            .findFirst()
            .orElseThrow()
            .comment();
    assertEquals(documented, out.schema().apply("source").getComment().get());
    assertTrue(out.schema().apply("extra").getComment().isEmpty());
    assertEquals(7L, out.schema().apply("extra").metadata().getLong("k"));
  }

  private static String firstDifference(String doc, String generated) {
    List<String> a = doc.lines().toList();
    List<String> b = generated.lines().toList();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : "";
      String y = i < b.size() ? b.get(i) : "";
      if (!x.equals(y)) {
        return "line " + (i + 1) + " is\n  " + x + "\nexpected\n  " + y + "\n";
      }
    }
    return "line ends differ";
  }

  /** The document with every column region replaced by the table generated from columns.tsv. */
  static String regenerate(String doc) {
    Matcher m = REGION.matcher(doc);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String table = m.group(2);
      List<ColumnDoc> cols =
          ColumnDocs.all().stream().filter(c -> c.table().equals(table)).toList();
      m.appendReplacement(
          out, Matcher.quoteReplacement(m.group(1) + columnsTable(cols) + m.group(4)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The Markdown table of one table's columns. */
  static String columnsTable(List<ColumnDoc> cols) {
    StringBuilder b =
        new StringBuilder(
            """
        | column | Spark type | DuckDB type | unit | meaning |
        |---|---|---|---|---|
        """);
    for (ColumnDoc c : cols) {
      b.append("| `")
          .append(c.column())
          .append("` | `")
          .append(c.type())
          .append("` | `")
          .append(DUCKDB_TYPES.get(c.type()))
          .append("` | ")
          .append(cell(c.unit()))
          .append(" | ")
          .append(cell(c.description()))
          .append(" |\n");
    }
    return b.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }
}
