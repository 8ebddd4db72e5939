package dev.parallax.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Assertions that a computed table keeps to its column contract. */
public final class ContractAssertions {
  private ContractAssertions() {}

  /**
   * The same columns in the same order with the same types as {@code DESCRIBE} prints them;
   * nullability is not compared (see {@link dev.parallax.warehouse.schema}).
   */
  public static void assertColumns(StructType contract, StructType actual) {
    assertEquals(describe(contract), describe(actual), "columns of the computed table");
  }

  private static List<String> describe(StructType schema) {
    List<String> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      out.add(f.name() + " " + f.dataType().simpleString());
    }
    return out;
  }
}
