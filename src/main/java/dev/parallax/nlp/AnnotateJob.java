package dev.parallax.nlp;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.warehouse.Table;
import dev.parallax.warehouse.Warehouse;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/** The annotate stage: {@code articles} to {@code sentences}. */
public final class AnnotateJob {
  private AnnotateJob() {}

  /** Columns of the sentences table. */
  public static final StructType SENTENCES = new StructType()
      .add("article_id", StringType, false)
      .add("story", StringType, false)
      .add("source", StringType, false)
      .add("published_at", TimestampType)
      .add("sentence_idx", LongType, false)
      .add("char_begin", LongType, false)
      .add("char_end", LongType, false)
      .add("text", StringType, false)
      .add("n_tokens", LongType, false)
      .add("tokens", createArrayType(StringType, false))
      .add("themes", createArrayType(StringType, false))
      .add("frames", createArrayType(StringType, false))
      .add("theme_mentions", createArrayType(StringType, false))
      .add("matched_terms", createArrayType(StringType, false))
      .add("tone", DoubleType, false)
      .add("hedges", LongType, false)
      .add("boosters", LongType, false)
      .add("attitude", LongType, false)
      .add("self_mentions", LongType, false);

  /** Counts of one annotate run. */
  public record Result(long articles, long sentences) {}

  /** The sentences of the non-duplicate articles (all articles if configured), unpublished. */
  public static Dataset<Row> sentences(SparkSession spark, Dataset<Row> articles,
      SentenceAnnotator annotator, boolean includeDuplicates) {
    Dataset<Row> input = (includeDuplicates ? articles : articles.filter(col("duplicate_of").isNull()))
        .select("article_id", "story", "source", "published_at", "text");
    int slices = Math.max(1, spark.sparkContext().defaultParallelism() * 2);
    JavaRDD<Row> rows = input.repartition(slices).javaRDD()
        .mapPartitions(annotator::annotatePartition);
    return spark.createDataFrame(rows, SENTENCES);
  }

  public static Result run(SparkSession spark, ParallaxConfig config, Warehouse warehouse,
      String runId, NlpLexicons lexicons) {
    spark.sparkContext().setJobDescription("annotate: build the Spark NLP pipeline");
    SentenceAnnotator annotator = SentenceAnnotator.build(spark, lexicons);
    Dataset<Row> articles = warehouse.read(Table.ARTICLES, config.runDate());
    spark.sparkContext().setJobDescription("annotate: sentences, themes, tone and stance markers");
    Dataset<Row> sentences = sentences(spark, articles, annotator,
        config.booleanValue(ConfigKeys.INCLUDE_DUPLICATES)).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = warehouse.publish(Table.SENTENCES, config.runDate(), runId, sentences);
      long docs = sentences.select("article_id").distinct().count();
      return new Result(docs, n);
    } finally {
      sentences.unpersist();
    }
  }
}
