package dev.parallax.stories;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import dev.parallax.warehouse.schema.ArticlesColumns;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The label of each seeded and automatic story: its {@value #TERMS} terms with the largest TF-IDF
 * weight summed over the story's articles, decoded from each article's own tokens (the hashed
 * vectors cannot be read back). A concept token is shown as its entity id ({@code ishiba}) and sums
 * with the word of the same spelling.
 */
final class StoryLabels {
  private StoryLabels() {}

  static final int TERMS = 5;

  /** Story id to its label ("term, term, …"), for stories of kind seeded or auto. */
  static Map<String, String> of(Dataset<Row> articles, HashingTF hashing) {
    articles.sparkSession().sparkContext().setJobDescription("ingest: story labels");
    UserDefinedFunction termWeights =
        udf(
            (UDF2<scala.collection.Seq<String>, Vector, Map<String, Double>>)
                (tokens, v) -> weights(tokens, v.toSparse(), hashing),
            DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType));
    Dataset<Row> terms =
        articles
            .filter(
                col(ArticlesColumns.STORY_KIND)
                    .isin(ArticlesColumns.KIND_SEEDED, ArticlesColumns.KIND_AUTO))
            .select(
                col(ArticlesColumns.STORY),
                explode(termWeights.apply(col(StoryVectors.TOKENS), col(StoryVectors.VEC))))
            .groupBy(col(ArticlesColumns.STORY), col("key").as("term"))
            .agg(sum("value").as("w"))
            .withColumn(
                "_rank",
                row_number()
                    .over(
                        Window.partitionBy(ArticlesColumns.STORY)
                            .orderBy(col("w").desc(), col("term"))))
            .filter(col("_rank").leq(TERMS));
    Map<String, Map<Integer, String>> ranked = new TreeMap<>();
    for (Row r : terms.collectAsList()) {
      ranked
          .computeIfAbsent(r.getString(0), k -> new TreeMap<>())
          .put(r.getInt(r.fieldIndex("_rank")), r.getString(r.fieldIndex("term")));
    }
    Map<String, String> out = new LinkedHashMap<>();
    ranked.forEach((story, byRank) -> out.put(story, String.join(", ", byRank.values())));
    return out;
  }

  /** Each distinct token (concepts by entity id) with its weight in the normalised vector. */
  static Map<String, Double> weights(
      scala.collection.Seq<String> tokens, SparseVector v, HashingTF hashing) {
    Map<String, Double> out = new HashMap<>();
    Map<String, Boolean> seen = new HashMap<>();
    scala.collection.Iterator<String> it = tokens.iterator();
    while (it.hasNext()) {
      String t = it.next();
      if (seen.put(t, Boolean.TRUE) != null) {
        continue;
      }
      int k = Arrays.binarySearch(v.indices(), hashing.indexOf(t));
      if (k >= 0) {
        String shown = t.startsWith(StoryTokens.CONCEPT) ? t.substring(1) : t;
        out.merge(shown, v.values()[k], Double::sum);
      }
    }
    return out;
  }
}
