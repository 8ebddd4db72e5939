package dev.parallax.stories;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;

import dev.parallax.config.StoryDefinition;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.StoriesColumns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The {@code stories} table ({@link StoriesColumns}): one row per story of the assigned articles,
 * with its kind, label, size, sources, languages, dates, seeds, threshold, and whether compare will
 * compare it ({@code compare.min_sources}).
 */
public final class StoriesTable {
  private StoriesTable() {}

  /**
   * The table's rows, one per story of {@code articles}.
   *
   * @param articles assigned articles ({@link StoryAssignment.Result#articles()})
   * @param assigned labels and seeds from the assignment
   * @param minSources {@code compare.min_sources}
   */
  public static Dataset<Row> of(
      Dataset<Row> articles,
      StoryAssignment.Result assigned,
      StoryAssignment.Params params,
      int minSources) {
    articles.sparkSession().sparkContext().setJobDescription("ingest: stories table");
    List<Row> groups =
        articles
            .groupBy(col(ArticlesColumns.STORY))
            .agg(
                count(col(ArticlesColumns.ARTICLE_ID)).as("n"),
                countDistinct(col(ArticlesColumns.SOURCE)).as("sources"),
                sort_array(collect_set(col(ArticlesColumns.LANGUAGE))).as("languages"),
                min(col(ArticlesColumns.PUBLISHED_AT)).as("first"),
                max(col(ArticlesColumns.PUBLISHED_AT)).as("last"))
            .orderBy(col(ArticlesColumns.STORY))
            .collectAsList();
    List<Row> rows = new ArrayList<>();
    for (Row g : groups) {
      String story = g.getString(0);
      long sources = g.getLong(2);
      String kind = kind(story, params);
      Double threshold =
          switch (kind) {
            case ArticlesColumns.KIND_SEEDED -> params.thresholdOf(definition(story, params));
            case ArticlesColumns.KIND_AUTO -> params.autoThreshold();
            default -> null;
          };
      String reason = notComparedReason(kind, sources, minSources);
      rows.add(
          RowFactory.create(
              story,
              kind,
              kind.equals(ArticlesColumns.KIND_SEEDED) || kind.equals(ArticlesColumns.KIND_AUTO)
                  ? assigned.labels().get(story)
                  : null,
              g.getLong(1),
              sources,
              g.getList(3).toArray(new String[0]),
              g.get(4),
              g.get(5),
              assigned.seeds().getOrDefault(story, List.of()).toArray(new String[0]),
              threshold,
              reason == null,
              reason));
    }
    return articles.sparkSession().createDataFrame(rows, StoriesColumns.SCHEMA);
  }

  /** seeded (a defined story), auto, unassigned, or declared. */
  static String kind(String story, StoryAssignment.Params params) {
    if (definition(story, params) != null) {
      return ArticlesColumns.KIND_SEEDED;
    }
    if (params.active() && story.startsWith("auto-")) {
      return ArticlesColumns.KIND_AUTO;
    }
    if (params.active() && story.equals(ArticlesColumns.UNASSIGNED_STORY)) {
      return ArticlesColumns.KIND_UNASSIGNED;
    }
    return ArticlesColumns.KIND_DECLARED;
  }

  /** Why a story is not compared, or null when it is. */
  static String notComparedReason(String kind, long sources, int minSources) {
    if (kind.equals(ArticlesColumns.KIND_UNASSIGNED)) {
      return "unassigned articles are not one story";
    }
    if (sources < minSources) {
      return sources
          + (sources == 1 ? " source" : " sources")
          + ", compare.min_sources is "
          + minSources;
    }
    return null;
  }

  private static StoryDefinition definition(String story, StoryAssignment.Params params) {
    for (StoryDefinition s : params.stories()) {
      if (s.id().equals(story)) {
        return s;
      }
    }
    return null;
  }
}
