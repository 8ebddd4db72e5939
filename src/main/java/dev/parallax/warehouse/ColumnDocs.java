package dev.parallax.warehouse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/**
 * The description of every column of every table, read from the classpath resource {@value
 * #RESOURCE}: the one source that {@code docs/tables.md} is generated from and that {@link
 * Warehouse#publish} writes into each file's Spark schema as column comments.
 *
 * <p>File format: UTF-8, lines starting with {@code #} are comments, then a header line {@code
 * table column type unit description}, then one tab-separated line per column, the rows of a table
 * in its column order. {@code type} is the Spark SQL type as {@code DESCRIBE} prints it ({@code
 * string, bigint, double, boolean, date, timestamp, array<string>}); {@code unit} may be empty;
 * {@code description} is one line of text.
 */
public final class ColumnDocs {
  /** Classpath location of the descriptions. */
  public static final String RESOURCE = "/parallax/columns.tsv";

  /** Spark's metadata key for a column comment; stored in the Parquet footer's Spark schema. */
  public static final String COMMENT = "comment";

  private static final String HEADER = "table\tcolumn\ttype\tunit\tdescription";

  /**
   * One documented column.
   *
   * @param table table folder name, e.g. theme_frequency
   * @param column column name
   * @param type Spark SQL type, e.g. bigint or array&lt;string&gt;
   * @param unit unit of the values, empty when none
   * @param description meaning, range and when it is null
   */
  public record ColumnDoc(
      String table, String column, String type, String unit, String description) {
    /** The comment stored with the column: the description, then the unit when there is one. */
    public String comment() {
      return unit.isEmpty() ? description : description + " Unit: " + unit + ".";
    }
  }

  private ColumnDocs() {}

  private static final class Holder {
    static final List<ColumnDoc> ALL = load();
  }

  /** Every documented column, in file order. */
  public static List<ColumnDoc> all() {
    return Holder.ALL;
  }

  /** The documented columns of one table, in column order; empty when it has none. */
  public static List<ColumnDoc> of(Table table) {
    return all().stream().filter(c -> c.table().equals(table.folder())).toList();
  }

  /**
   * The rows with each column's {@value #COMMENT} metadata set from its description; a column
   * without a description loses any comment it carried from an upstream table. Data and column
   * order are unchanged.
   */
  static Dataset<Row> withComments(Table table, Dataset<Row> rows) {
    List<ColumnDoc> docs = of(table);
    StructField[] fields = rows.schema().fields();
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      String name = fields[i].name();
      MetadataBuilder meta =
          new MetadataBuilder().withMetadata(fields[i].metadata()).remove(COMMENT);
      docs.stream()
          .filter(d -> d.column().equals(name))
          .findFirst()
          .ifPresent(d -> meta.putString(COMMENT, d.comment()));
      Metadata m = meta.build();
      columns[i] = functions.col("`" + name.replace("`", "``") + "`").as(name, m);
    }
    return rows.select(columns);
  }

  static List<ColumnDoc> load() {
    try (InputStream in = ColumnDocs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ColumnDoc> parse(BufferedReader reader) throws IOException {
    List<ColumnDoc> out = new ArrayList<>();
    boolean header = false;
    int n = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      n++;
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      if (!header) {
        if (!line.equals(HEADER)) {
          throw new IllegalStateException(
              RESOURCE
                  + ": line "
                  + n
                  + " should be the header '"
                  + HEADER.replace("\t", "<TAB>")
                  + "'");
        }
        header = true;
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 5) {
        throw new IllegalStateException(
            RESOURCE
                + ": line "
                + n
                + " has "
                + f.length
                + " tab-separated fields, expected 5 (table, column, type, unit, description)");
      }
      out.add(new ColumnDoc(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip()));
    }
    return List.copyOf(out);
  }
}
