package dev.parallax.compare;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The sentences of each story × source × theme, reduced to what the stance statistics need: one
 * row per group with exact counts and sums, and the group's sentence tones as a list of
 * (article_id, tone) structs. Each sentence belongs to the group of every theme it mentions and to
 * the group {@value #ALL} of its source.
 *
 * <p>Columns: story, source, theme, sentences, articles, tokens, positive (sentences with tone
 * ≥ {@value #POSITIVE}), negative (tone ≤ −{@value #POSITIVE}), hedges, boosters, attitude,
 * self_mentions (marker sums), tones (array of struct article_id, tone; unordered).
 */
public final class StanceGroups {
  private StanceGroups() {}

  /** Theme id of the group holding every sentence of a source. */
  public static final String ALL = "_all";
  /** Tone at or above which a sentence counts as positive (and at or below minus it, negative). */
  public static final double POSITIVE = 0.05;

  /** One row per story × source × theme (themes of the taxonomy plus {@value #ALL}). */
  public static Dataset<Row> of(Dataset<Row> sentences) {
    return sentences
        .select(col("story"), col("source"), col("article_id"), col("tone"), col("n_tokens"),
            col("hedges"), col("boosters"), col("attitude"), col("self_mentions"),
            explode(concat(array_distinct(coalesce(col("themes"), Columns.emptyStrings())),
                array(lit(ALL)))).as("theme"))
        .groupBy("story", "source", "theme")
        .agg(count(lit(1)).as("sentences"),
            countDistinct("article_id").as("articles"),
            sum("n_tokens").as("tokens"),
            count(when(col("tone").geq(POSITIVE), true)).as("positive"),
            count(when(col("tone").leq(-POSITIVE), true)).as("negative"),
            sum("hedges").as("hedges"),
            sum("boosters").as("boosters"),
            sum("attitude").as("attitude"),
            sum("self_mentions").as("self_mentions"),
            collect_list(struct(col("article_id"), col("tone"))).as("tones"));
  }
}
