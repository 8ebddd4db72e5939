package dev.parallax.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parallax.TestSpark;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
  @Test
  void chainsStarsAndSeparateGroupsEachGetTheirSmallestId() {
    // Hand-drawn graph: d-b-c (chain, smallest b), x-z, y-z (star on z, smallest x), q alone
    // (self).
    List<String[]> edges =
        List.of(
            new String[] {"d", "b"},
            new String[] {"c", "d"},
            new String[] {"z", "x"},
            new String[] {"y", "z"},
            new String[] {"q", "q"});
    Map<String, String> expected = new TreeMap<>();
    expected.put("b", "b");
    expected.put("c", "b");
    expected.put("d", "b");
    expected.put("q", "q");
    expected.put("x", "x");
    expected.put("y", "x");
    expected.put("z", "x");
    assertEquals(expected, ConnectedComponents.components(edges.iterator()));
  }

  @Test
  void labelsDoNotDependOnEdgeOrder() {
    // A ring of 200 ids plus 50 random chords within the first half: one component labelled "n000".
    List<String[]> edges = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      edges.add(new String[] {String.format("n%03d", i), String.format("n%03d", (i + 1) % 200)});
    }
    Random r = new Random(7);
    for (int i = 0; i < 50; i++) {
      edges.add(
          new String[] {
            String.format("n%03d", r.nextInt(100)), String.format("n%03d", r.nextInt(100))
          });
    }
    Map<String, String> first = ConnectedComponents.components(edges.iterator());
    Collections.shuffle(edges, new Random(11));
    assertEquals(first, ConnectedComponents.components(edges.iterator()));
    assertEquals(200, first.size());
    assertEquals(1, first.values().stream().distinct().count());
    assertEquals("n000", first.get("n199"));
  }

  @Test
  void sparkEdgesGiveOneRowPerIdWithItsComponent() {
    StructType schema =
        new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType);
    Dataset<Row> edges =
        TestSpark.get()
            .createDataFrame(
                List.of(
                    RowFactory.create("a2", "a1"),
                    RowFactory.create("b1", "b2"),
                    RowFactory.create("a3", "a2")),
                schema)
            .repartition(3);
    Map<String, String> got = new TreeMap<>();
    for (Row row : ConnectedComponents.of(TestSpark.get(), edges, "a", "b").collectAsList()) {
      got.put(row.getString(0), row.getString(1));
    }
    assertEquals(Map.of("a1", "a1", "a2", "a1", "a3", "a1", "b1", "b1", "b2", "b1"), got);
  }
}
