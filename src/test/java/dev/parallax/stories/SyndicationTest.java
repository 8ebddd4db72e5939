package dev.parallax.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.SyndicationColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The syndication table from hand-made articles rows (invented outlets, synthetic). */
class SyndicationTest {

  /** An articles row with the near-duplicate columns set. */
  private static Row article(
      String id,
      String story,
      String source,
      String published,
      String duplicateOf,
      String nearOf,
      Double similarity) {
    Row base =
        StoriesFixtures.article(
            id, story, source, "title " + id, published, "text " + id, duplicateOf);
    Object[] v = new Object[base.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = base.get(i);
    }
    v[ArticlesColumns.SCHEMA.fieldIndex(ArticlesColumns.NEAR_DUPLICATE_OF)] = nearOf;
    v[ArticlesColumns.SCHEMA.fieldIndex(ArticlesColumns.NEAR_DUPLICATE_SIMILARITY)] = similarity;
    return RowFactory.create(v);
  }

  @Test
  void oneRowPerCopyExactOrNearWithItsGroupsCanonical() {
    Dataset<Row> articles =
        StoriesFixtures.articles(
            List.of(
                article("c1", "s1", "Tidewater Wire", "2025-03-01T08:00:00Z", null, null, null),
                article("n1", "s1", "Larkspur Gazette", "2025-03-01T09:00:00Z", null, "c1", 0.8),
                // its own story differs: the table takes the canonical's
                article("n2", "s9", "Larkspur Gazette", "2025-03-01T10:00:00Z", null, "c1", 0.6),
                article("e1", "s1", "Quay Courier", "2025-03-01T11:00:00Z", "c1", null, null),
                // an exact copy of a near copy: group c1, n1's similarity
                article("e2", "s1", "Fenmoor Post", null, "n1", null, null),
                // an exact copy of an article in no near group: a group of two
                article("x1", "s2", "Calloway Ledger", "2025-03-02T08:00:00Z", null, null, null),
                article("e3", "s2", "Brightwater Times", "2025-03-02T09:00:00Z", "x1", null, null),
                article(
                    "p1", "s1", "Harrowgate Observer", "2025-03-01T07:00:00Z", null, null, null)));
    List<String> got = new ArrayList<>();
    Dataset<Row> table = Syndication.table(articles);
    assertEquals(
        Arrays.asList(SyndicationColumns.SCHEMA.fieldNames()), Arrays.asList(table.columns()));
    for (Row r :
        table.orderBy(SyndicationColumns.GROUP_ID, SyndicationColumns.ARTICLE_ID).collectAsList()) {
      got.add(
          String.join(
              "|",
              r.getAs(SyndicationColumns.STORY),
              r.getAs(SyndicationColumns.GROUP_ID),
              r.getAs(SyndicationColumns.CANONICAL_SOURCE),
              r.getAs(SyndicationColumns.CANONICAL_TITLE),
              instant(r.getAs(SyndicationColumns.CANONICAL_PUBLISHED_AT)),
              r.getAs(SyndicationColumns.ARTICLE_ID),
              r.getAs(SyndicationColumns.SOURCE),
              r.getAs(SyndicationColumns.TITLE),
              instant(r.getAs(SyndicationColumns.PUBLISHED_AT)),
              r.getAs(SyndicationColumns.URL),
              r.getAs(SyndicationColumns.MATCH),
              String.valueOf(r.<Double>getAs(SyndicationColumns.SIMILARITY)),
              String.valueOf(r.<Long>getAs(SyndicationColumns.GROUP_ARTICLES)),
              String.valueOf(r.<Long>getAs(SyndicationColumns.GROUP_SOURCES))));
    }
    // By hand. Group c1: c1 + n1, n2, e1, e2 = 5 articles from Tidewater, Larkspur (twice),
    // Quay, Fenmoor = 4 sources. Group x1: x1 + e3 = 2 articles, 2 sources. p1 has no copy.
    String c1 = "s1|c1|Tidewater Wire|title c1|2025-03-01T08:00:00Z|";
    String x1 = "s2|x1|Calloway Ledger|title x1|2025-03-02T08:00:00Z|";
    assertEquals(
        List.of(
            c1
                + "e1|Quay Courier|title e1|2025-03-01T11:00:00Z|https://example.invalid/e1|exact"
                + "|1.0|5|4",
            c1 + "e2|Fenmoor Post|title e2|null|https://example.invalid/e2|exact|0.8|5|4",
            c1
                + "n1|Larkspur Gazette|title n1|2025-03-01T09:00:00Z|https://example.invalid/n1"
                + "|near|0.8|5|4",
            c1
                + "n2|Larkspur Gazette|title n2|2025-03-01T10:00:00Z|https://example.invalid/n2"
                + "|near|0.6|5|4",
            x1
                + "e3|Brightwater Times|title e3|2025-03-02T09:00:00Z|https://example.invalid/e3"
                + "|exact|1.0|2|2"),
        got);
  }

  private static String instant(java.sql.Timestamp t) {
    return t == null ? "null" : t.toInstant().toString();
  }

  @Test
  void noCopyNoRow() {
    Dataset<Row> articles =
        StoriesFixtures.articles(
            List.of(
                article("a", "s", "Outlet A", "2025-03-01T08:00:00Z", null, null, null),
                article("b", "s", "Outlet B", "2025-03-01T09:00:00Z", null, null, null)));
    assertEquals(0, Syndication.table(articles).count());
  }
}
