package dev.parallax.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import dev.parallax.nlp.ThemeTaxonomy;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The yardstick: what a plain Spark ML job does with the same files. Lowercased words split on
 * non-word characters (RegexTokenizer), English stop words removed (StopWordsRemover), then per
 * source the count of every term and of the taxonomy's single-word theme phrases, both written to
 * Parquet. No sentences, stemming, phrases, tone or statistics.
 */
final class Baseline {
  private Baseline() {}

  /** Rows written: distinct (source, term) pairs and (source, theme term) pairs. */
  record Result(long termRows, long themeTermRows) {}

  /** The taxonomy's phrases that are one word of letters and digits, lowercased. */
  static Set<String> singleWordThemeTerms(ThemeTaxonomy taxonomy) {
    Set<String> out = new TreeSet<>();
    for (ThemeTaxonomy.Theme t : taxonomy.themes()) {
      for (String p : t.phrases()) {
        String w = p.toLowerCase(Locale.ROOT);
        if (w.matches("\\w+")) {
          out.add(w);
        }
      }
    }
    return out;
  }

  static Result run(SparkSession spark, String inputDir, String outDir, Set<String> themeTerms) {
    spark.sparkContext().setJobDescription("bench baseline: tokenize, count terms per source");
    Dataset<Row> raw = spark.read().json(inputDir).select("source", "text");
    RegexTokenizer tokenizer =
        new RegexTokenizer()
            .setInputCol("text")
            .setOutputCol("words")
            .setPattern("\\W+")
            .setToLowercase(true);
    StopWordsRemover stop = new StopWordsRemover().setInputCol("words").setOutputCol("terms");
    Dataset<Row> counts =
        stop.transform(tokenizer.transform(raw))
            .select(col("source"), explode(col("terms")).as("term"))
            .groupBy("source", "term")
            .count()
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      counts.write().mode(SaveMode.Overwrite).parquet(outDir + "/term_counts");
      Dataset<Row> themes = counts.filter(col("term").isin(themeTerms.toArray()));
      themes.write().mode(SaveMode.Overwrite).parquet(outDir + "/theme_term_counts");
      return new Result(
          spark.read().parquet(outDir + "/term_counts").count(),
          spark.read().parquet(outDir + "/theme_term_counts").count());
    } finally {
      counts.unpersist();
    }
  }
}
