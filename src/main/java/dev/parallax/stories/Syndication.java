package dev.parallax.stories;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.SyndicationColumns;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code syndication} table from the final {@code articles}: who reprinted whom.
 *
 * <p>A group is a canonical article and its copies: the articles whose {@code near_duplicate_of}
 * names it (match {@code near}, similarity = {@code near_duplicate_similarity}), and the exact
 * duplicates ({@code duplicate_of}) of it or of one of its near copies (match {@code exact};
 * similarity 1 to an exact copy of the canonical, else that of the copy it repeats). An exact
 * duplicate of an article in no near-duplicate group makes a group of its own with that article as
 * canonical. One row per copy; the canonical itself has no row. {@code group_articles} counts the
 * canonical and its copies, {@code group_sources} their distinct sources; {@code story} is the
 * canonical's.
 */
public final class Syndication {
  private Syndication() {}

  /**
   * One row per copy (see {@link SyndicationColumns#SCHEMA}), in no particular order.
   *
   * @param articles the articles table's rows (at least article_id, story, source, title,
   *     published_at, url, duplicate_of, near_duplicate_of, near_duplicate_similarity)
   */
  public static Dataset<Row> table(Dataset<Row> articles) {
    Dataset<Row> a =
        articles.select(
            col(ArticlesColumns.ARTICLE_ID),
            col(ArticlesColumns.STORY),
            col(ArticlesColumns.SOURCE),
            col(ArticlesColumns.TITLE),
            col(ArticlesColumns.PUBLISHED_AT),
            col(ArticlesColumns.URL),
            col(ArticlesColumns.DUPLICATE_OF),
            col(ArticlesColumns.NEAR_DUPLICATE_OF),
            col(ArticlesColumns.NEAR_DUPLICATE_SIMILARITY));
    Dataset<Row> near =
        a.filter(col(ArticlesColumns.NEAR_DUPLICATE_OF).isNotNull())
            .select(
                col(ArticlesColumns.ARTICLE_ID).as("_id"),
                col(ArticlesColumns.NEAR_DUPLICATE_OF).as("_group"),
                lit(SyndicationColumns.NEAR).as("_match"),
                col(ArticlesColumns.NEAR_DUPLICATE_SIMILARITY).as("_similarity"));
    // an exact copy joins the group of the article it repeats
    Dataset<Row> target =
        a.select(
            col(ArticlesColumns.ARTICLE_ID).as("_t_id"),
            col(ArticlesColumns.NEAR_DUPLICATE_OF).as("_t_of"),
            col(ArticlesColumns.NEAR_DUPLICATE_SIMILARITY).as("_t_similarity"));
    Dataset<Row> exactCopies = a.filter(col(ArticlesColumns.DUPLICATE_OF).isNotNull());
    Dataset<Row> exact =
        exactCopies
            .join(target, exactCopies.col(ArticlesColumns.DUPLICATE_OF).equalTo(col("_t_id")))
            .select(
                col(ArticlesColumns.ARTICLE_ID).as("_id"),
                coalesce(col("_t_of"), col("_t_id")).as("_group"),
                lit(SyndicationColumns.EXACT).as("_match"),
                when(col("_t_of").isNull(), lit(1.0))
                    .otherwise(col("_t_similarity"))
                    .as("_similarity"));
    Dataset<Row> copies = near.unionByName(exact);
    Dataset<Row> withCopy = copies.join(a, copies.col("_id").equalTo(a.col("article_id")));
    Dataset<Row> canonical =
        a.select(
            col(ArticlesColumns.ARTICLE_ID).as("_c_id"),
            col(ArticlesColumns.STORY).as("_c_story"),
            col(ArticlesColumns.SOURCE).as("_c_source"),
            col(ArticlesColumns.TITLE).as("_c_title"),
            col(ArticlesColumns.PUBLISHED_AT).as("_c_published"));
    Dataset<Row> sizes =
        withCopy
            .groupBy(col("_group").as("_s_group"))
            .agg(
                count(lit(1)).plus(1).as(SyndicationColumns.GROUP_ARTICLES),
                collect_set(col(ArticlesColumns.SOURCE)).as("_sources"));
    Dataset<Row> rows =
        withCopy
            .join(canonical, withCopy.col("_group").equalTo(canonical.col("_c_id")))
            .join(sizes, col("_group").equalTo(col("_s_group")))
            .select(
                col("_c_story").as(SyndicationColumns.STORY),
                col("_group").as(SyndicationColumns.GROUP_ID),
                col("_c_source").as(SyndicationColumns.CANONICAL_SOURCE),
                col("_c_title").as(SyndicationColumns.CANONICAL_TITLE),
                col("_c_published").as(SyndicationColumns.CANONICAL_PUBLISHED_AT),
                col(ArticlesColumns.ARTICLE_ID).as(SyndicationColumns.ARTICLE_ID),
                col(ArticlesColumns.SOURCE).as(SyndicationColumns.SOURCE),
                col(ArticlesColumns.TITLE).as(SyndicationColumns.TITLE),
                col(ArticlesColumns.PUBLISHED_AT).as(SyndicationColumns.PUBLISHED_AT),
                col(ArticlesColumns.URL).as(SyndicationColumns.URL),
                col("_match").as(SyndicationColumns.MATCH),
                col("_similarity").as(SyndicationColumns.SIMILARITY),
                col(SyndicationColumns.GROUP_ARTICLES),
                size(array_union(col("_sources"), array(col("_c_source"))))
                    .cast("long")
                    .as(SyndicationColumns.GROUP_SOURCES));
    return rows.select(
        Arrays.stream(SyndicationColumns.SCHEMA.fieldNames())
            .map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new));
  }
}
