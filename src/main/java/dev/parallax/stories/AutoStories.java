package dev.parallax.stories;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import dev.parallax.warehouse.schema.ArticlesColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Automatic stories for the articles no declared or seeded story took, near-linear in the articles:
 * candidate pairs come from MinHash locality-sensitive hashing ({@link MinHashLSH}) over each
 * article's {@value #TOP_TERMS} highest-weighted TF-IDF terms, so only articles that share
 * distinctive terms are ever compared; a candidate pair becomes an edge when the articles were
 * published at most {@code windowDays} apart (an article without a date may pair with any) and
 * their TF-IDF cosine is at least {@code threshold}; the connected components of the edges ({@link
 * ConnectedComponents}) are the stories.
 *
 * <p>Ids are {@code auto-1}, {@code auto-2}, … by size, largest first (ties by the smallest article
 * id), so the same articles give the same ids. An article in no edge is {@code unassigned}.
 */
public final class AutoStories {
  private AutoStories() {}

  /** Terms per article that MinHash sees. */
  static final int TOP_TERMS = 20;

  /**
   * OR-ed hash tables: a pair whose top terms overlap by Jaccard j is a candidate with 1-(1-j)^8.
   */
  static final int HASH_TABLES = 8;

  /** Pairs whose top terms share less than this Jaccard similarity are never candidates. */
  static final double MIN_JACCARD = 0.05;

  static final long LSH_SEED = 20250207L;

  /** The articles with undeclared, unseeded rows given an automatic story or unassigned. */
  record Result(Dataset<Row> articles) {}

  static Result assign(Dataset<Row> scored, double threshold, int windowDays) {
    SparkSession spark = scored.sparkSession();
    spark.sparkContext().setJobDescription("ingest: automatic stories");
    Dataset<Row> edges = edges(scored, threshold, windowDays);
    Dataset<Row> components = ConnectedComponents.of(spark, edges, "a", "b");
    Dataset<Row> ids = numbered(spark, components);
    Column open = col(ArticlesColumns.STORY_KIND).isNull();
    Dataset<Row> joined =
        scored.join(ids, scored.col(ArticlesColumns.ARTICLE_ID).equalTo(ids.col("id")), "left");
    Dataset<Row> out =
        joined
            .withColumn(
                ArticlesColumns.STORY,
                when(open.and(col("_auto").isNotNull()), col("_auto"))
                    .when(open, lit(ArticlesColumns.UNASSIGNED_STORY))
                    .otherwise(col(ArticlesColumns.STORY)))
            .withColumn(
                ArticlesColumns.STORY_KIND,
                when(open.and(col("_auto").isNotNull()), lit(ArticlesColumns.KIND_AUTO))
                    .when(open, lit(ArticlesColumns.KIND_UNASSIGNED))
                    .otherwise(col(ArticlesColumns.STORY_KIND)))
            .drop("id", "_auto");
    return new Result(out);
  }

  /**
   * Linked pairs {@code (a, b)}, {@code a < b}, among the rows with story_kind null: LSH
   * candidates, within the window, cosine at least {@code threshold}.
   */
  static Dataset<Row> edges(Dataset<Row> scored, double threshold, int windowDays) {
    UserDefinedFunction top =
        udf((UDF1<Vector, Vector>) v -> topTerms(v.toSparse()), SQLDataTypes.VectorType());
    Dataset<Row> open =
        scored
            .filter(col(ArticlesColumns.STORY_KIND).isNull())
            .select(
                col(ArticlesColumns.ARTICLE_ID).as("id"),
                unix_timestamp(col(ArticlesColumns.PUBLISHED_AT)).as("t"),
                col(StoryVectors.VEC).as("v"),
                top.apply(col(StoryVectors.VEC)).as("top"))
            .filter(
                udf((UDF1<Vector, Boolean>) v -> v.numNonzeros() > 0, DataTypes.BooleanType)
                    .apply(col("top")));
    StructType edgeSchema =
        new StructType()
            .add("a", DataTypes.StringType, false)
            .add("b", DataTypes.StringType, false);
    if (open.isEmpty()) {
      return scored.sparkSession().createDataFrame(List.<Row>of(), edgeSchema);
    }
    MinHashLSH lsh =
        new MinHashLSH()
            .setNumHashTables(HASH_TABLES)
            .setSeed(LSH_SEED)
            .setInputCol("top")
            .setOutputCol("_hashes");
    UserDefinedFunction cosine =
        udf(
            (UDF2<Vector, Vector, Double>) (x, y) -> StoryVectors.dot(x.toSparse(), y.toSparse()),
            DataTypes.DoubleType);
    Dataset<?> pairs = lsh.fit(open).approxSimilarityJoin(open, open, 1 - MIN_JACCARD, "_jd");
    long window = windowDays * 86_400L;
    return pairs
        .filter(col("datasetA.id").lt(col("datasetB.id")))
        .filter(
            col("datasetA.t")
                .isNull()
                .or(col("datasetB.t").isNull())
                .or(abs(col("datasetA.t").minus(col("datasetB.t"))).leq(window)))
        .filter(cosine.apply(col("datasetA.v"), col("datasetB.v")).geq(threshold))
        .select(col("datasetA.id").as("a"), col("datasetB.id").as("b"));
  }

  /** The presence vector of the vector's {@value #TOP_TERMS} largest weights (ties by index). */
  static SparseVector topTerms(SparseVector v) {
    int[] idx = v.indices();
    double[] vals = v.values();
    Integer[] order = new Integer[idx.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, Comparator.<Integer>comparingDouble(i -> -vals[i]).thenComparing(i -> idx[i]));
    int n = Math.min(TOP_TERMS, order.length);
    int[] keep = new int[n];
    for (int i = 0; i < n; i++) {
      keep[i] = idx[order[i]];
    }
    Arrays.sort(keep);
    double[] ones = new double[n];
    Arrays.fill(ones, 1.0);
    return new SparseVector(v.size(), keep, ones);
  }

  /** Component label to {@code auto-N}: by size descending, then label. */
  static Dataset<Row> numbered(SparkSession spark, Dataset<Row> components) {
    List<Row> sizes = components.groupBy("component").count().collectAsList();
    List<Row> sorted = new ArrayList<>(sizes);
    sorted.sort(
        Comparator.<Row>comparingLong(r -> -r.getLong(1)).thenComparing(r -> r.getString(0)));
    List<Row> labels = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      labels.add(RowFactory.create(sorted.get(i).getString(0), "auto-" + (i + 1)));
    }
    StructType schema =
        new StructType()
            .add("component", DataTypes.StringType, false)
            .add("_auto", DataTypes.StringType, false);
    Dataset<Row> names = spark.createDataFrame(labels, schema);
    return components.join(names, "component").select(col("id"), col("_auto"));
  }
}
