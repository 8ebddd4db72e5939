package dev.parallax.stories;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;

import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.warehouse.schema.ArticlesColumns;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Near-duplicate articles (a wire story reprinted with its own headline, byline and edited first or
 * last paragraphs): {@code articles.near_duplicate_of} and {@code
 * articles.near_duplicate_similarity}.
 *
 * <p>Method: each article's text becomes a set of shingles ({@link Shingles}: word 5-shingles, or
 * character 5-shingles for Japanese, Chinese and Korean) and a MinHash signature of {@value
 * Shingles#SIGNATURE_SIZE} values. Locality-sensitive hashing with {@link Banding} ({@code b} bands
 * of {@code r} values, chosen from the threshold) makes candidate pairs of articles that agree on a
 * whole band (every pair of a band bucket of up to {@value #ALL_PAIRS_BUCKET} articles, each member
 * with the smallest id in a larger one: see {@link #bucketPairs}), so the work grows with the
 * articles, not with their pairs; each candidate pair is then verified by its <em>exact</em>
 * Jaccard index of the two shingle sets (not the signature estimate) and kept as an edge when it is
 * at least the threshold. Edges join articles into groups ({@link ConnectedComponents}); a group's
 * canonical article is its earliest published (null dates last, ties by smallest article_id), and
 * every other member gets {@code near_duplicate_of} = the canonical's id and {@code
 * near_duplicate_similarity} = its exact Jaccard index to the canonical, which may be below the
 * threshold for a member that joined through another member.
 *
 * <p>Exact duplicates ({@code duplicate_of} set) are not candidates: their canonical copy stands
 * for them. Articles without a letter or digit have no shingles and are in no group.
 */
public final class NearDuplicates {
  private NearDuplicates() {}

  /**
   * The settings of one run.
   *
   * @param threshold smallest exact Jaccard index of an edge, in (0, 1]
   * @param shingleWords words per shingle of space-separated text
   */
  public record Params(double threshold, int shingleWords) implements java.io.Serializable {
    /** The run's {@code dedup.near_duplicate_threshold} and {@code dedup.shingle_words}. */
    public static Params of(ParallaxConfig config) {
      return new Params(
          config.doubleValue(ConfigKeys.NEAR_DUPLICATE_THRESHOLD),
          config.intValue(ConfigKeys.SHINGLE_WORDS));
    }

    public Params {
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
      }
      if (shingleWords < 1) {
        throw new IllegalArgumentException("shingleWords must be at least 1, got " + shingleWords);
      }
    }
  }

  /**
   * LSH banding of a signature: {@code bands} bands of {@code rows} values; two articles are a
   * candidate pair when all values of at least one band agree.
   */
  public record Banding(int bands, int rows) implements java.io.Serializable {
    /** Probability that two articles of Jaccard index {@code s} become a candidate pair. */
    public double probability(double s) {
      return 1 - Math.pow(1 - Math.pow(s, rows), bands);
    }

    /**
     * The banding of a {@code size}-value signature with the most rows per band (fewest chance
     * candidates) that still makes a pair at the threshold a candidate with probability at least
     * {@value #RECALL}; bands = ⌊size / rows⌋.
     */
    public static Banding forThreshold(double threshold, int size) {
      for (int r = size; r >= 1; r--) {
        Banding b = new Banding(size / r, r);
        if (b.probability(threshold) >= RECALL) {
          return b;
        }
      }
      return new Banding(size, 1);
    }

    /** Least probability that a pair exactly at the threshold becomes a candidate. */
    public static final double RECALL = 0.99;
  }

  private static final String ID = "_nd_id";
  private static final String PUBLISHED = "_nd_published";
  private static final String SHINGLES = "_nd_shingles";
  private static final String OF = "_nd_of";
  private static final String SIMILARITY = "_nd_similarity";

  /** Shingle sets as {@link #bytes} of the sorted hashes: no boxed values between the steps. */
  private static final StructType SHINGLED =
      new StructType()
          .add(ID, DataTypes.StringType, false)
          .add(PUBLISHED, DataTypes.TimestampType)
          .add(SHINGLES, DataTypes.BinaryType, false);

  private static final StructType PAIRS =
      new StructType().add("a", DataTypes.StringType, false).add("b", DataTypes.StringType, false);

  /**
   * {@code articles} (the articles schema) with {@code near_duplicate_of} and {@code
   * near_duplicate_similarity} set as described above, other columns and rows unchanged. Runs Spark
   * jobs (the edges are collected by {@link ConnectedComponents}); the returned Dataset reads the
   * groups from a local checkpoint, not from recomputed shingles.
   *
   * <p>Two passes over the text: the first computes each article's shingles, signature and band
   * keys in one go and keeps only the band keys; the second shingles again only the articles of
   * some candidate pair, for the exact Jaccard indexes, so the shingle set of an article without a
   * candidate is never stored or shuffled.
   */
  public static Dataset<Row> mark(Dataset<Row> articles, Params params) {
    return mark(articles, params, "ingest");
  }

  /**
   * As {@link #mark(Dataset, Params)}, its Spark jobs described as the given stage's (e.g. {@code
   * "compare: window"}).
   */
  public static Dataset<Row> mark(Dataset<Row> articles, Params params, String stage) {
    SparkSession spark = articles.sparkSession();
    Banding banding = Banding.forThreshold(params.threshold(), Shingles.SIGNATURE_SIZE);
    int words = params.shingleWords();
    spark
        .sparkContext()
        .setJobDescription(stage + ": near-duplicates, shingles and candidate pairs");
    Dataset<Row> texts =
        articles
            .filter(col(ArticlesColumns.DUPLICATE_OF).isNull())
            .select(
                col(ArticlesColumns.ARTICLE_ID).as(ID),
                col(ArticlesColumns.PUBLISHED_AT).as(PUBLISHED),
                col(ArticlesColumns.TEXT));
    Dataset<Row> pairs = candidatePairs(spark, texts, banding, words).localCheckpoint(true);
    Dataset<Row> candidates =
        pairs.select(col("a").as("_nd_c")).union(pairs.select(col("b").as("_nd_c"))).distinct();
    Dataset<Row> shingled =
        shingled(
                spark,
                texts.join(broadcast(candidates), col(ID).equalTo(col("_nd_c")), "left_semi"),
                words)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // one partition, so streaming the (few) edges to the driver is one Spark job, not one per
      // partition of the joins
      Dataset<Row> edges = edges(pairs, shingled, params.threshold()).repartition(1);
      Dataset<Row> groups = ConnectedComponents.of(spark, edges, "a", "b");
      spark.sparkContext().setJobDescription(stage + ": near-duplicates, similarity to canonical");
      Dataset<Row> members =
          groups
              .join(shingled, groups.col("id").equalTo(shingled.col(ID)))
              .withColumn(
                  "canonical",
                  first(ID)
                      .over(
                          Window.partitionBy("component")
                              .orderBy(col(PUBLISHED).asc_nulls_last(), col(ID))))
              .filter(col(ID).notEqual(col("canonical")))
              .select(col(ID), col("canonical"), col(SHINGLES).as("member_shingles"));
      Dataset<Row> canon = shingled.select(col(ID).as("c_id"), col(SHINGLES).as("c_shingles"));
      Dataset<Row> marks =
          members
              .join(canon, members.col("canonical").equalTo(canon.col("c_id")))
              .select(
                  col(ID).as(OF + "_id"),
                  col("canonical").as(OF),
                  JACCARD.apply(col("member_shingles"), col("c_shingles")).as(SIMILARITY))
              .localCheckpoint(true);
      Dataset<Row> joined =
          articles.join(
              marks,
              articles.col(ArticlesColumns.ARTICLE_ID).equalTo(marks.col(OF + "_id")),
              "left");
      return joined
          .withColumn(ArticlesColumns.NEAR_DUPLICATE_OF, col(OF))
          .withColumn(ArticlesColumns.NEAR_DUPLICATE_SIMILARITY, col(SIMILARITY))
          .select(
              java.util.Arrays.stream(articles.columns())
                  .map(c -> col("`" + c + "`"))
                  .toArray(org.apache.spark.sql.Column[]::new));
    } finally {
      shingled.unpersist();
    }
  }

  /**
   * Exact Jaccard index of two shingle sets stored as {@link #bytes}: {@link Shingles#jaccard}, the
   * same quotient as Spark's {@code size(array_intersect(a, b)) / size(array_union(a, b))} of the
   * sorted distinct arrays.
   */
  static final UserDefinedFunction JACCARD =
      udf(
              (UDF2<byte[], byte[], Double>) (a, b) -> Shingles.jaccard(longs(a), longs(b)),
              DataTypes.DoubleType)
          .asNonNullable();

  /** The shingle sets ({@link #SHINGLED}) of the rows {@code (id, published, text)}. */
  private static Dataset<Row> shingled(SparkSession spark, Dataset<Row> texts, int words) {
    JavaRDD<Row> rows =
        texts
            .javaRDD()
            .mapPartitions(
                // one row at a time: a partition's shingle sets are never all in memory at once
                it ->
                    new java.util.Iterator<Row>() {
                      private Row next = advance();

                      private Row advance() {
                        while (it.hasNext()) {
                          Row r = it.next();
                          long[] sh = Shingles.of(r.getString(2), words);
                          if (sh.length > 0) {
                            return RowFactory.create(r.getString(0), r.get(1), bytes(sh));
                          }
                        }
                        return null;
                      }

                      @Override
                      public boolean hasNext() {
                        return next != null;
                      }

                      @Override
                      public Row next() {
                        if (next == null) {
                          throw new java.util.NoSuchElementException();
                        }
                        Row r = next;
                        next = advance();
                        return r;
                      }
                    });
    return spark.createDataFrame(rows, SHINGLED);
  }

  /**
   * The candidate pairs {@code (a, b)}, a &lt; b, distinct, of the rows {@code (id, published,
   * text)}: each article's shingles, signature and band keys are computed in one task and only
   * {@code (id, band, key)} leaves it; the articles that agree on a band's key form a bucket
   * ({@link #bucketPairs}).
   */
  static Dataset<Row> candidatePairs(
      SparkSession spark, Dataset<Row> texts, Banding banding, int words) {
    int bands = banding.bands();
    int rows = banding.rows();
    // (band, key) -> id as plain pairs, grouped by an RDD shuffle: no Row conversion of the
    // band rows, and no sort-based aggregation (Spark's object hash aggregate of collect_list
    // falls back to sorting every row past 128 keys)
    JavaRDD<Row> pairRows =
        texts
            .javaRDD()
            .mapPartitionsToPair(
                it -> {
                  List<Tuple2<Tuple2<Integer, Long>, String>> out = new ArrayList<>();
                  while (it.hasNext()) {
                    Row r = it.next();
                    long[] sh = Shingles.of(r.getString(2), words);
                    if (sh.length == 0) {
                      continue;
                    }
                    long[] sig = Shingles.signature(sh, Shingles.SIGNATURE_SIZE);
                    String id = r.getString(0);
                    for (int band = 0; band < bands; band++) {
                      out.add(
                          new Tuple2<>(new Tuple2<>(band, Shingles.bandKey(sig, band, rows)), id));
                    }
                  }
                  return out.iterator();
                })
            .groupByKey()
            .values()
            .flatMap(
                ids -> {
                  List<String> bucket = new ArrayList<>();
                  ids.forEach(bucket::add);
                  return bucket.size() < 2
                      ? java.util.Collections.<Row>emptyIterator()
                      : bucketPairs(bucket).iterator();
                });
    return spark.createDataFrame(pairRows, PAIRS).distinct();
  }

  /**
   * The edges {@code (a, b, similarity)}, a &lt; b, of the candidate pairs whose exact Jaccard
   * index is at least {@code threshold}; {@code shingled} holds the shingles of every article of a
   * pair.
   */
  static Dataset<Row> edges(Dataset<Row> pairs, Dataset<Row> shingled, double threshold) {
    Dataset<Row> sa = shingled.select(col(ID).as("sa_id"), col(SHINGLES).as("sa"));
    Dataset<Row> sb = shingled.select(col(ID).as("sb_id"), col(SHINGLES).as("sb"));
    return pairs
        .join(sa, pairs.col("a").equalTo(sa.col("sa_id")))
        .join(sb, pairs.col("b").equalTo(sb.col("sb_id")))
        .select(col("a"), col("b"), JACCARD.apply(col("sa"), col("sb")).as("similarity"))
        .filter(col("similarity").geq(threshold));
  }

  /** The bytes of {@code values}, eight a value, big-endian. */
  static byte[] bytes(long[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES);
    b.asLongBuffer().put(values);
    return b.array();
  }

  /** The values of {@link #bytes}. */
  static long[] longs(byte[] bytes) {
    long[] out = new long[bytes.length / Long.BYTES];
    ByteBuffer.wrap(bytes).asLongBuffer().get(out);
    return out;
  }

  /**
   * Largest band bucket whose every pair is a candidate; a larger bucket pairs each member with its
   * smallest id only.
   */
  static final int ALL_PAIRS_BUCKET = 50;

  /**
   * The candidate pairs {@code (a, b)}, a &lt; b, of one band bucket (articles with equal band
   * values): every pair when the bucket has at most {@value #ALL_PAIRS_BUCKET} articles, else each
   * article with the bucket's smallest id. A large bucket is either many copies of one story (each
   * copy is then verified against one of them, enough to join the group) or articles sharing common
   * text such as a recurring boilerplate line, whose all pairs would be quadratic; pairing with one
   * member keeps the candidates linear in the articles. A true pair missed in such a bucket is
   * still found in any other band where the two agree.
   */
  static List<Row> bucketPairs(List<String> ids) {
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(String::compareTo);
    List<Row> out = new ArrayList<>();
    int n = sorted.size();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        out.add(RowFactory.create(sorted.get(i), sorted.get(j)));
      }
      if (n > ALL_PAIRS_BUCKET) {
        break;
      }
    }
    return out;
  }
}
