package dev.parallax.stories;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ConfigLoader;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.config.StoryDefinition;
import dev.parallax.ingest.IngestJob;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import dev.parallax.warehouse.schema.ArticlesColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evidence for {@code stories.threshold}: the similarity of the sample's on-story articles (35
 * records about the Ishiba–Trump summit in en, ja, zh, ko; the sample's op-ed is the seed) and of
 * synthetic off-story articles of the same month to the seed. The table is printed; the default
 * threshold must lie in the gap. Figures are quoted in docs/stories.md.
 */
class StorySimilarityTest {
  static final String STORY = "ishiba-trump-2025";
  static final String SEED_SOURCE = "Op-Ed (seed)";

  /** One measured article. */
  record Measured(
      String source,
      String language,
      boolean onStory,
      double full,
      double concept,
      double coverage,
      double score) {}

  static List<Measured> measured;

  /** An article's full cosine to its nearest other article. */
  record Nearest(String source, String language, boolean onStory, double cosine) {}

  static List<Nearest> nearest;

  @BeforeAll
  static void measure() throws Exception {
    SparkSession spark = TestSpark.get();
    Path tmp = Files.createTempDirectory("story-similarity");
    Dataset<Row> sample = ingest(spark, Path.of("data/coverage"), tmp.resolve("a"), true);
    Path offStory = Path.of(StorySimilarityTest.class.getResource("/stories/off-story").toURI());
    Dataset<Row> off = ingest(spark, offStory, tmp.resolve("b"), false);
    Dataset<Row> articles =
        sample
            .unionByName(off)
            .withColumn(
                ArticlesColumns.STORY_KIND,
                when(col(ArticlesColumns.SOURCE).equalTo(SEED_SOURCE), lit("seeded")))
            .withColumn(
                ArticlesColumns.STORY,
                when(col(ArticlesColumns.SOURCE).equalTo(SEED_SOURCE), lit(STORY))
                    .otherwise(lit("default")));
    StoryVectors.Fitted fitted = StoryVectors.of(articles, EntityLexicon.load(config(tmp)));
    List<Row> rows =
        fitted
            .rows()
            .select(
                col(ArticlesColumns.STORY),
                col(StoryVectors.VEC),
                col(StoryVectors.CONCEPT_VEC),
                col(ArticlesColumns.ARTICLE_ID),
                col(ArticlesColumns.SOURCE),
                col(ArticlesColumns.LANGUAGE),
                col("_on_story"),
                col(ArticlesColumns.STORY_KIND))
            .collectAsList();
    List<Row> seeds = rows.stream().filter(r -> "seeded".equals(r.getString(7))).toList();
    assertEquals(1, seeds.size());
    StoryAssignment.Scorer scorer =
        StoryAssignment.scorers(
                seeds,
                new StoryAssignment.Params(
                    List.of(
                        new StoryDefinition(STORY, List.of("seed"), List.of(), null, null, null)),
                    0.2,
                    false,
                    0.3,
                    3,
                    EntityLexicon.parse("none", "")))
            .get(0);
    nearest = new ArrayList<>();
    for (Row a : rows) {
      double best = 0;
      for (Row b : rows) {
        if (a != b && b.getString(7) == null) {
          best =
              Math.max(
                  best,
                  StoryVectors.dot(((Vector) a.get(1)).toSparse(), ((Vector) b.get(1)).toSparse()));
        }
      }
      if (a.getString(7) == null) {
        nearest.add(new Nearest(a.getString(4), a.getString(5), a.getBoolean(6), best));
      }
    }
    nearest.sort(Comparator.comparingDouble(Nearest::cosine));
    System.out.println("full cosine to the nearest other article (automatic stories link pairs):");
    for (Nearest n : nearest) {
      System.out.printf(
          "  %-9s %-2s %-34s nearest=%.3f%n",
          n.onStory() ? "on-story" : "off-story", n.language(), n.source(), n.cosine());
    }
    measured = new ArrayList<>();
    for (Row r : rows) {
      if (r.getString(7) != null) {
        continue;
      }
      var v = ((Vector) r.get(1)).toSparse();
      var k = ((Vector) r.get(2)).toSparse();
      double full = StoryVectors.dot(v, scorer.centroid());
      double concept = StoryVectors.dot(k, scorer.conceptCentroid());
      measured.add(
          new Measured(
              r.getString(4),
              r.getString(5),
              r.getBoolean(6),
              full,
              concept,
              StoryVectors.coverage(k, scorer.conceptCentroid()),
              scorer.similarity(v, k)));
    }
    measured.sort(Comparator.comparingDouble(Measured::score));
    System.out.println(
        "story similarity to the seed (score = max(full cosine, concept coverage)):");
    for (Measured m : measured) {
      System.out.printf(
          "  %-9s %-2s %-34s full=%.3f concept_cosine=%.3f concept_coverage=%.3f score=%.3f%n",
          m.onStory() ? "on-story" : "off-story",
          m.language(),
          m.source(),
          m.full(),
          m.concept(),
          m.coverage(),
          m.score());
    }
  }

  private static ParallaxConfig config(Path tmp) {
    return ConfigLoader.load(null, Map.of("warehouse", tmp.toString()));
  }

  private static Dataset<Row> ingest(SparkSession spark, Path input, Path wh, boolean onStory) {
    ParallaxConfig c =
        ConfigLoader.load(
            null,
            Map.of(
                "input", input.toString(), "warehouse", wh.toString(), "run_date", "2025-02-10"));
    IngestJob.run(spark, c, new Warehouse(spark, wh.toString(), 1_000_000), "measure");
    return new Warehouse(spark, wh.toString(), 1_000_000)
        .read(Table.ARTICLES, c.runDate())
        .drop("run_date")
        .filter(col(ArticlesColumns.DUPLICATE_OF).isNull())
        .withColumn("_on_story", lit(onStory));
  }

  private static double min(boolean onStory) {
    return measured.stream()
        .filter(m -> m.onStory() == onStory)
        .mapToDouble(Measured::score)
        .min()
        .orElseThrow();
  }

  private static double max(boolean onStory) {
    return measured.stream()
        .filter(m -> m.onStory() == onStory)
        .mapToDouble(Measured::score)
        .max()
        .orElseThrow();
  }

  @Test
  void everyOnStoryArticleScoresAboveEveryOffStoryOne() {
    System.out.printf("on-story min=%.3f, off-story max=%.3f%n", min(true), max(false));
    assertTrue(min(true) > max(false), "no gap between on-story and off-story");
  }

  @Test
  void theDefaultThresholdLiesInTheGap() {
    double threshold = Double.parseDouble(ConfigKeys.STORY_THRESHOLD.defaultValue());
    assertTrue(threshold <= min(true), "default threshold above an on-story article");
    assertTrue(threshold > max(false), "default threshold at or below an off-story article");
  }

  @Test
  void theSampleCoversFourLanguagesAndTheOffStorySetEight() {
    assertEquals(
        List.of("en", "ja", "ko", "zh"),
        measured.stream()
            .filter(Measured::onStory)
            .map(Measured::language)
            .distinct()
            .sorted()
            .toList());
    assertEquals(8, measured.stream().filter(m -> !m.onStory()).count());
  }

  @Test
  void noOffStoryArticleReachesTheAutomaticThresholdWithAnyOther() {
    double auto = Double.parseDouble(ConfigKeys.AUTO_THRESHOLD.defaultValue());
    double offMax =
        nearest.stream().filter(n -> !n.onStory()).mapToDouble(Nearest::cosine).max().orElseThrow();
    long linked = nearest.stream().filter(n -> n.onStory() && n.cosine() >= auto).count();
    System.out.printf(
        "automatic threshold %.2f: off-story nearest max=%.3f; on-story articles with a link: %d"
            + " of %d%n",
        auto, offMax, linked, nearest.stream().filter(Nearest::onStory).count());
    assertTrue(offMax < auto, "an off-story article would be linked");
  }
}
