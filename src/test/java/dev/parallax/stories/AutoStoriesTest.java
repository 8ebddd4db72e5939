package dev.parallax.stories;

import static dev.parallax.stories.StoryFixtures.frame;
import static dev.parallax.stories.StoryFixtures.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.warehouse.schema.ArticlesColumns;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Automatic stories: two invented stories of three articles each, a fourth article of the first
 * story published outside the window, and two unrelated singletons, with no seeded story and {@code
 * stories.auto} on.
 */
class AutoStoriesTest {
  @Test
  void bucketMembersSurviveSparksKryoSerializer() {
    // The jobs run with Spark's Kryo serializer (SparkSessions); the test session does not, so
    // the shuffled bucket member is round-tripped through Kryo here.
    org.apache.spark.serializer.SerializerInstance kryo =
        new org.apache.spark.serializer.KryoSerializer(new org.apache.spark.SparkConf())
            .newInstance();
    scala.reflect.ClassTag<AutoStories.Member> tag =
        scala.reflect.ClassTag$.MODULE$.apply(AutoStories.Member.class);
    AutoStories.Member m =
        new AutoStories.Member(
            "a1",
            1_738_900_000L,
            new org.apache.spark.ml.linalg.SparseVector(
                10, new int[] {1, 3}, new double[] {0.6, 0.8}));
    AutoStories.Member back = kryo.deserialize(kryo.serialize(m, tag), tag);
    assertEquals("a1", back.id());
    assertEquals(1_738_900_000L, back.t());
    assertEquals(m.v(), back.v());
    AutoStories.Member undated =
        kryo.deserialize(kryo.serialize(new AutoStories.Member("b", null, m.v()), tag), tag);
    assertNull(undated.t());
  }

  static final String V = "2025-02-08T06:00:00Z";
  static Map<String, String> storyOf = new TreeMap<>();
  static Map<String, String> kindOf = new TreeMap<>();
  static Map<String, String> labels;

  @BeforeAll
  static void cluster() {
    StoryAssignment.Result r =
        StoryAssignment.assign(
            frame(
                open(
                    "a1",
                    "Isla Post",
                    "en",
                    V,
                    "The Monte Brava volcano erupted overnight, sending an ash cloud over Porto"
                        + " Verde. The airport closed and villages near the volcano were evacuated."),
                open(
                    "a2",
                    "Verde Times",
                    "en",
                    V,
                    "Ash from the Monte Brava volcano closed Porto Verde airport as the eruption"
                        + " continued; villages were evacuated."),
                open(
                    "a3",
                    "Coastal Wire",
                    "en",
                    "2025-02-09T06:00:00Z",
                    "Porto Verde airport stays closed after the Monte Brava eruption; volcano ash"
                        + " still falls on evacuated villages."),
                open(
                    "a4",
                    "Coastal Wire",
                    "en",
                    "2025-02-25T06:00:00Z",
                    "Monte Brava volcano eruption: Porto Verde airport closed, villages"
                        + " evacuated, ash cloud."),
                open(
                    "b1",
                    "Isla Post",
                    "en",
                    V,
                    "Grandmaster Lena Oduya won the Kestrel chess championship after a tense"
                        + " final round against Marco Vell."),
                open(
                    "b2",
                    "Board Weekly",
                    "en",
                    V,
                    "Oduya beat Vell in the final round to take the Kestrel chess championship"
                        + " title."),
                open(
                    "b3",
                    "Verde Times",
                    "en",
                    V,
                    "Chess: Lena Oduya is Kestrel champion after the final round win over Marco"
                        + " Vell."),
                open(
                    "x1",
                    "Kitchen Notes",
                    "en",
                    V,
                    "A simple recipe for lemon bread with honey glaze and toasted almonds."),
                open(
                    "x2",
                    "Market Letter",
                    "en",
                    V,
                    "Copper prices slipped while bond yields rose on inflation worries.")),
            StoryFixtures.params(List.of(), true));
    for (Row row : r.articles().collectAsList()) {
      String id = row.getString(row.fieldIndex(ArticlesColumns.ARTICLE_ID));
      storyOf.put(id, row.getString(row.fieldIndex(ArticlesColumns.STORY)));
      kindOf.put(id, row.getString(row.fieldIndex(ArticlesColumns.STORY_KIND)));
      assertNull(
          row.get(row.fieldIndex(ArticlesColumns.STORY_SIMILARITY)),
          "no seeded story: similarity null");
    }
    labels = r.labels();
  }

  @Test
  void eachStoryIsOneAutomaticStoryNumberedBySizeThenSmallestId() {
    // Both have three articles: ties go by the smallest article id, a1 before b1.
    for (String id : List.of("a1", "a2", "a3")) {
      assertEquals("auto-1", storyOf.get(id), id);
      assertEquals("auto", kindOf.get(id), id);
    }
    for (String id : List.of("b1", "b2", "b3")) {
      assertEquals("auto-2", storyOf.get(id), id);
    }
  }

  @Test
  void singletonsAndTheArticleOutsideTheWindowAreUnassigned() {
    for (String id : List.of("x1", "x2", "a4")) {
      assertEquals("unassigned", storyOf.get(id), id);
      assertEquals("unassigned", kindOf.get(id), id);
    }
  }

  @Test
  void labelsAreTheStoriesTopTerms() {
    assertEquals(2, labels.size(), labels.toString());
    String volcano = labels.get("auto-1");
    String chess = labels.get("auto-2");
    assertEquals(5, volcano.split(", ", -1).length, volcano);
    assertTrue(volcano.contains("volcano") || volcano.contains("brava"), volcano);
    assertTrue(chess.contains("oduya") || chess.contains("kestrel"), chess);
  }

  @Test
  void topTermsKeepTheLargestWeights() {
    org.apache.spark.ml.linalg.SparseVector v =
        new org.apache.spark.ml.linalg.SparseVector(
            100, new int[] {1, 5, 9}, new double[] {0.2, 0.9, 0.4});
    org.apache.spark.ml.linalg.SparseVector top = AutoStories.topTerms(v);
    assertEquals(3, top.indices().length);
    assertEquals(1.0, top.values()[0]);
  }
}
