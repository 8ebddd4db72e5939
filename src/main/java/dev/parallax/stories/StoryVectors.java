package dev.parallax.stories;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import dev.parallax.warehouse.schema.ArticlesColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * TF-IDF vectors of articles for story similarity, linear in the corpus: Spark ML {@link HashingTF}
 * ({@value #FEATURES} features, term counts, used as sublinear tf {@code 1 + ln count} so that the
 * names an article repeats weigh more than a passing mention, without one term dominating) and
 * {@link IDF} fitted on the articles given (the run's articles and seeds), weights {@code idf + 1}
 * (smoothed as in scikit-learn, so a term in every article still counts: in a pile that is all one
 * story the story's own names are in every article), each vector L2-normalised so that a dot
 * product is a cosine.
 *
 * <p>Two vectors per article: {@link #VEC} over every token of {@link StoryTokens} and {@link
 * #CONCEPT_VEC} over the concept tokens alone, which is what carries an English seed over to
 * Japanese, Chinese and Korean coverage.
 */
public final class StoryVectors {
  private StoryVectors() {}

  static final int FEATURES = 1 << 18;

  static final String TOKENS = "_story_tokens";
  static final String CONCEPTS = "_story_concepts";
  static final String VEC = "_story_vec";
  static final String CONCEPT_VEC = "_story_concept_vec";

  /**
   * The articles with {@link #TOKENS}, {@link #CONCEPTS}, {@link #VEC} and {@link #CONCEPT_VEC}
   * added.
   *
   * @param hashing the term hashing of the full vectors (to decode terms for labels)
   */
  record Fitted(Dataset<Row> rows, HashingTF hashing) {}

  static Fitted of(Dataset<Row> articles, EntityLexicon lexicon) {
    UserDefinedFunction tokens =
        udf(
            (UDF1<String, String[]>) t -> StoryTokens.of(t, lexicon).toArray(new String[0]),
            DataTypes.createArrayType(DataTypes.StringType));
    UserDefinedFunction concepts =
        udf(
            (UDF1<scala.collection.Seq<String>, String[]>)
                all -> {
                  List<String> out = new ArrayList<>();
                  scala.collection.Iterator<String> it = all.iterator();
                  while (it.hasNext()) {
                    String s = it.next();
                    if (s.startsWith(StoryTokens.CONCEPT)) {
                      out.add(s);
                    }
                  }
                  return out.toArray(new String[0]);
                },
            DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> tokenised =
        articles
            .withColumn(
                TOKENS,
                tokens.apply(
                    concat_ws(
                        "\n",
                        coalesce(col(ArticlesColumns.TITLE), lit("")),
                        col(ArticlesColumns.TEXT))))
            .withColumn(CONCEPTS, concepts.apply(col(TOKENS)));
    HashingTF hashing =
        new HashingTF().setNumFeatures(FEATURES).setInputCol(TOKENS).setOutputCol("_tf");
    HashingTF conceptHashing =
        new HashingTF().setNumFeatures(FEATURES).setInputCol(CONCEPTS).setOutputCol("_ctf");
    Dataset<Row> tf = conceptHashing.transform(hashing.transform(tokenised));
    double[] weights = smoothed(new IDF().setInputCol("_tf").fit(tf).idf());
    double[] conceptWeights = smoothed(new IDF().setInputCol("_ctf").fit(tf).idf());
    JavaSparkContext jsc =
        JavaSparkContext.fromSparkContext(articles.sparkSession().sparkContext());
    Broadcast<double[]> w = jsc.broadcast(weights);
    Broadcast<double[]> cw = jsc.broadcast(conceptWeights);
    UserDefinedFunction weigh =
        udf((UDF1<Vector, Vector>) v -> weighted(v, w.value()), SQLDataTypes.VectorType());
    UserDefinedFunction weighConcepts =
        udf((UDF1<Vector, Vector>) v -> weighted(v, cw.value()), SQLDataTypes.VectorType());
    Dataset<Row> rows =
        tf.withColumn(VEC, weigh.apply(col("_tf")))
            .withColumn(CONCEPT_VEC, weighConcepts.apply(col("_ctf")))
            .drop("_tf", "_ctf");
    return new Fitted(rows, hashing);
  }

  private static double[] smoothed(Vector idf) {
    double[] out = idf.toArray();
    for (int i = 0; i < out.length; i++) {
      out[i] += 1;
    }
    return out;
  }

  /**
   * The term counts weighted by sublinear tf and idf, {@code (1 + ln count) * weight}, and
   * L2-normalised (all zeros stays all zeros).
   */
  static SparseVector weighted(Vector counts, double[] weights) {
    SparseVector sv = counts.toSparse();
    int[] idx = sv.indices();
    double[] vals = new double[idx.length];
    double norm = 0;
    for (int k = 0; k < idx.length; k++) {
      vals[k] = (1 + Math.log(sv.values()[k])) * weights[idx[k]];
      norm += vals[k] * vals[k];
    }
    norm = Math.sqrt(norm);
    for (int k = 0; k < idx.length; k++) {
      vals[k] /= norm;
    }
    return new SparseVector(sv.size(), idx, vals);
  }

  /** The dot product of two sparse vectors (indices ascending), by merging their indices. */
  static double dot(SparseVector a, SparseVector b) {
    int[] ia = a.indices();
    int[] ib = b.indices();
    double[] va = a.values();
    double[] vb = b.values();
    double s = 0;
    int i = 0;
    int j = 0;
    while (i < ia.length && j < ib.length) {
      if (ia[i] == ib[j]) {
        s += va[i++] * vb[j++];
      } else if (ia[i] < ib[j]) {
        i++;
      } else {
        j++;
      }
    }
    return s;
  }

  /**
   * The share of a unit vector's squared weight on the indices another vector has: {@code sum of
   * unit_i^2 over i in present}, in [0, 1].
   */
  static double coverage(SparseVector present, SparseVector unit) {
    int[] ia = present.indices();
    int[] ib = unit.indices();
    double[] vb = unit.values();
    double s = 0;
    int i = 0;
    int j = 0;
    while (i < ia.length && j < ib.length) {
      if (ia[i] == ib[j]) {
        s += vb[j] * vb[j];
        i++;
        j++;
      } else if (ia[i] < ib[j]) {
        i++;
      } else {
        j++;
      }
    }
    return s;
  }

  /**
   * The normalised mean of unit vectors (their centroid's direction); empty input, empty vector.
   */
  static SparseVector centroid(List<SparseVector> vectors) {
    Map<Integer, Double> sum = new TreeMap<>();
    for (SparseVector v : vectors) {
      for (int k = 0; k < v.indices().length; k++) {
        sum.merge(v.indices()[k], v.values()[k], Double::sum);
      }
    }
    double norm = Math.sqrt(sum.values().stream().mapToDouble(x -> x * x).sum());
    int[] idx = new int[sum.size()];
    double[] vals = new double[sum.size()];
    int k = 0;
    for (Map.Entry<Integer, Double> e : sum.entrySet()) {
      idx[k] = e.getKey();
      vals[k++] = norm == 0 ? 0 : e.getValue() / norm;
    }
    return (SparseVector) Vectors.sparse(FEATURES, idx, vals);
  }
}
