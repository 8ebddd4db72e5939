package dev.parallax.stories;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import dev.parallax.config.StoryDefinition;
import dev.parallax.warehouse.schema.ArticlesColumns;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Gives every article its story, in this order: a record that names its story keeps it (story_kind
 * declared); else the seeded story it is most similar to, at or above that story's threshold,
 * inside its time window and with one of its required terms (seeded); else, when a story is defined
 * or {@code stories.auto} is on, an automatic story ({@link AutoStories}: auto, or unassigned for
 * an article similar to no other); else the config's default story, as before stories existed
 * (declared).
 *
 * <p>Similarity to a story is {@code max(cos(v, c), cos(k, kc))}: {@code v} the article's TF-IDF
 * vector over words, CJK bigrams and concept tokens, {@code k} its vector over concept tokens
 * alone, {@code c} and {@code kc} the normalised centroids of the story's seeds ({@link
 * StoryVectors}). The full cosine finds same-language coverage; the concept cosine finds the
 * coverage in other languages, which shares few words with the seed but names the same people,
 * places and topics. Linear in the articles: the centroids are computed once on the driver and
 * travel with the task.
 */
public final class StoryAssignment {
  private StoryAssignment() {}

  /**
   * What assignment needs from the configuration.
   *
   * @param stories the seeded stories (may be empty)
   * @param threshold {@code stories.threshold}, for stories without their own
   * @param auto {@code stories.auto}
   * @param autoThreshold {@code stories.auto_threshold}
   * @param autoWindowDays {@code stories.auto_window_days}
   */
  public record Params(
      List<StoryDefinition> stories,
      double threshold,
      boolean auto,
      double autoThreshold,
      int autoWindowDays,
      EntityLexicon lexicon)
      implements Serializable {
    public Params {
      stories = List.copyOf(stories);
    }

    /** True when stories are assigned at all (otherwise undeclared articles keep the default). */
    boolean active() {
      return auto || !stories.isEmpty();
    }

    double thresholdOf(StoryDefinition s) {
      return s.threshold() == null ? threshold : s.threshold();
    }
  }

  /**
   * The assigned articles and the labels of the seeded and automatic stories.
   *
   * @param articles the input rows with story, story_kind and story_similarity set (same schema)
   * @param labels story id to its top terms (see {@link StoryLabels})
   * @param seeds story id to the article ids of its seeds, sorted
   */
  public record Result(
      Dataset<Row> articles, Map<String, String> labels, Map<String, List<String>> seeds) {}

  /**
   * Assigns stories to articles of the {@code articles} schema whose story_kind is declared, seeded
   * (a seed) or null (undeclared: their story is the config default until assigned).
   */
  public static Result assign(Dataset<Row> articles, Params params) {
    String[] columns = articles.columns();
    if (!params.active()) {
      return new Result(
          articles.withColumn(
              ArticlesColumns.STORY_KIND,
              coalesce(col(ArticlesColumns.STORY_KIND), lit(ArticlesColumns.KIND_DECLARED))),
          Map.of(),
          Map.of());
    }
    articles.sparkSession().sparkContext().setJobDescription("ingest: story vectors");
    StoryVectors.Fitted fitted = StoryVectors.of(articles, params.lexicon());
    Dataset<Row> vectors = fitted.rows().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<Row> seedRows =
          vectors
              .filter(col(ArticlesColumns.STORY_KIND).equalTo(ArticlesColumns.KIND_SEEDED))
              .select(
                  col(ArticlesColumns.STORY),
                  col(StoryVectors.VEC),
                  col(StoryVectors.CONCEPT_VEC),
                  col(ArticlesColumns.ARTICLE_ID))
              .collectAsList();
      List<Scorer> scorers = scorers(seedRows, params);
      Map<String, List<String>> seeds = new TreeMap<>();
      for (Row r : seedRows) {
        seeds.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(3));
      }
      seeds.values().forEach(l -> l.sort(String::compareTo));
      Dataset<Row> seeded = seeded(vectors, scorers);
      AutoStories.Result auto =
          AutoStories.assign(
              seeded.persist(StorageLevel.MEMORY_AND_DISK()),
              params.autoThreshold(),
              params.autoWindowDays());
      Map<String, String> labels = StoryLabels.of(auto.articles(), fitted.hashing());
      Dataset<Row> out =
          auto.articles()
              .select(
                  java.util.Arrays.stream(columns)
                      .map(org.apache.spark.sql.functions::col)
                      .toArray(Column[]::new))
              .localCheckpoint(true);
      seeded.unpersist();
      return new Result(out, labels, seeds);
    } finally {
      vectors.unpersist();
    }
  }

  /** One seeded story ready to score articles: centroids, threshold, window and required terms. */
  record Scorer(
      String id,
      SparseVector centroid,
      SparseVector conceptCentroid,
      double threshold,
      Instant from,
      Instant toExclusive,
      List<String> requiredTerms)
      implements Serializable {

    /** max(full cosine, concept coverage). */
    double similarity(SparseVector v, SparseVector k) {
      return Math.max(StoryVectors.dot(v, centroid), StoryVectors.coverage(k, conceptCentroid));
    }

    /** Inside the window (no date: inside) and holding a required term (none required: yes). */
    boolean admits(Timestamp published, String lowerText) {
      if (published != null) {
        Instant t = published.toInstant();
        if ((from != null && t.isBefore(from))
            || (toExclusive != null && !t.isBefore(toExclusive))) {
          return false;
        }
      }
      if (requiredTerms.isEmpty()) {
        return true;
      }
      for (String term : requiredTerms) {
        if (lowerText.contains(term)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The scorers of the defined stories, centroids from their seed rows (story, full vector, concept
   * vector): a story whose seeds were all rejected has empty centroids and takes no article.
   */
  static List<Scorer> scorers(List<Row> seeds, Params params) {
    List<Scorer> out = new ArrayList<>();
    for (StoryDefinition s : params.stories()) {
      List<SparseVector> full = new ArrayList<>();
      List<SparseVector> concepts = new ArrayList<>();
      for (Row r : seeds) {
        if (s.id().equals(r.getString(0))) {
          full.add(((Vector) r.get(1)).toSparse());
          concepts.add(((Vector) r.get(2)).toSparse());
        }
      }
      out.add(
          new Scorer(
              s.id(),
              StoryVectors.centroid(full),
              StoryVectors.centroid(concepts),
              params.thresholdOf(s),
              s.from(),
              s.toExclusive(),
              s.requiredTerms().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList()));
    }
    return out;
  }

  private static final StructType BEST =
      new StructType()
          .add("story", DataTypes.StringType)
          .add("similarity", DataTypes.DoubleType)
          .add("best", DataTypes.DoubleType);

  /**
   * Undeclared articles scored against every seeded story: the best admitted story at or above its
   * threshold becomes theirs (seeded); the others keep story_kind null and get the highest
   * similarity seen as story_similarity (null when no story is defined).
   */
  static Dataset<Row> seeded(Dataset<Row> vectors, List<Scorer> scorers) {
    UserDefinedFunction best =
        udf(
            (UDF4<Vector, Vector, Timestamp, String, Row>)
                (v, k, published, text) ->
                    best(scorers, v.toSparse(), k.toSparse(), published, text),
            BEST);
    Column undeclared = col(ArticlesColumns.STORY_KIND).isNull();
    Column scored =
        best.apply(
            col(StoryVectors.VEC),
            col(StoryVectors.CONCEPT_VEC),
            col(ArticlesColumns.PUBLISHED_AT),
            concat_ws(
                "\n", coalesce(col(ArticlesColumns.TITLE), lit("")), col(ArticlesColumns.TEXT)));
    Dataset<Row> withBest = vectors.withColumn("_best", when(undeclared, scored));
    Column joined = col("_best.story").isNotNull();
    return withBest
        .withColumn(
            ArticlesColumns.STORY,
            when(undeclared.and(joined), col("_best.story")).otherwise(col(ArticlesColumns.STORY)))
        .withColumn(
            ArticlesColumns.STORY_SIMILARITY,
            when(undeclared.and(joined), col("_best.similarity"))
                .when(undeclared, col("_best.best"))
                .otherwise(col(ArticlesColumns.STORY_SIMILARITY)))
        .withColumn(
            ArticlesColumns.STORY_KIND,
            when(undeclared.and(joined), lit(ArticlesColumns.KIND_SEEDED))
                .otherwise(col(ArticlesColumns.STORY_KIND)))
        .drop("_best");
  }

  /** (story or null, its similarity, the highest similarity to any story or null). */
  static Row best(
      List<Scorer> scorers, SparseVector v, SparseVector k, Timestamp published, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String story = null;
    double similarity = Double.NEGATIVE_INFINITY;
    Double highest = null;
    for (Scorer s : scorers) {
      double sim = s.similarity(v, k);
      highest = highest == null ? sim : Math.max(highest, sim);
      if (sim >= s.threshold() && sim > similarity && s.admits(published, lower)) {
        story = s.id();
        similarity = sim;
      }
    }
    return RowFactory.create(story, story == null ? null : similarity, highest);
  }
}
