package dev.parallax.stories;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import dev.parallax.warehouse.schema.ArticlesColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Automatic stories for the articles no declared or seeded story took, near-linear in the articles:
 * candidate pairs come from MinHash locality-sensitive hashing (banded, see {@link #edges}) over
 * each article's {@value #TOP_TERMS} highest-weighted TF-IDF terms, so only articles that share
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
   *
   * <p>Candidates: MinHash over each article's top terms, {@value #BANDS} bands of {@value #ROWS}
   * hashes (a pair whose top terms overlap by Jaccard j shares a band with probability 1 − (1 −
   * j^{@value #ROWS})^{@value #BANDS}: 0.90 at j = 0.5, 0.28 at j = 0.2, 0.08 at j = 0.1). Each
   * band bucket computes its pairs' window and cosine itself, so an article's vector travels once
   * per band, not once per pair. A bucket of more than {@value #BUCKET_CAP} articles (text many
   * articles share) pairs each article with only the {@value #NEIGHBOURS} articles before it in id
   * order, which keeps the work linear; the members of one story still link through those
   * neighbours and the other bands.
   */
  static Dataset<Row> edges(Dataset<Row> scored, double threshold, int windowDays) {
    SparkSession spark = scored.sparkSession();
    StructType edgeSchema =
        new StructType()
            .add("a", DataTypes.StringType, false)
            .add("b", DataTypes.StringType, false);
    Dataset<Row> open =
        scored
            .filter(col(ArticlesColumns.STORY_KIND).isNull())
            .select(
                col(ArticlesColumns.ARTICLE_ID).as("id"),
                unix_timestamp(col(ArticlesColumns.PUBLISHED_AT)).as("t"),
                col(StoryVectors.VEC).as("v"));
    long window = windowDays * 86_400L;
    long[][] hashes = hashCoefficients();
    org.apache.spark.api.java.JavaRDD<Row> edges =
        open.javaRDD()
            .flatMapToPair(
                r -> {
                  SparseVector v = ((Vector) r.get(2)).toSparse();
                  List<scala.Tuple2<Long, Member>> out = new ArrayList<>(BANDS);
                  if (v.numNonzeros() == 0) {
                    return out.iterator();
                  }
                  Member m = new Member(r.getString(0), r.isNullAt(1) ? null : r.getLong(1), v);
                  int[] top = topTerms(v).indices();
                  for (int band = 0; band < BANDS; band++) {
                    long key = band;
                    for (int row = 0; row < ROWS; row++) {
                      key = key * 1_000_003L + minHash(top, hashes[band * ROWS + row]);
                    }
                    out.add(new scala.Tuple2<>(key, m));
                  }
                  return out.iterator();
                })
            .groupByKey()
            .flatMap(
                bucket -> {
                  List<Member> members = new ArrayList<>();
                  bucket._2().forEach(members::add);
                  members.sort(Comparator.comparing(Member::id));
                  List<Row> out = new ArrayList<>();
                  boolean capped = members.size() > BUCKET_CAP;
                  for (int i = 1; i < members.size(); i++) {
                    for (int j = capped ? Math.max(0, i - NEIGHBOURS) : 0; j < i; j++) {
                      Member a = members.get(j);
                      Member b = members.get(i);
                      boolean near =
                          a.t() == null || b.t() == null || Math.abs(a.t() - b.t()) <= window;
                      if (near && StoryVectors.dot(a.v(), b.v()) >= threshold) {
                        out.add(RowFactory.create(a.id(), b.id()));
                      }
                    }
                  }
                  return out.iterator();
                });
    return spark.createDataFrame(edges, edgeSchema).distinct();
  }

  /** Bands of the candidate MinHash. */
  static final int BANDS = 8;

  /** Hashes per band (a band matches when all its hashes do). */
  static final int ROWS = 2;

  /**
   * Above this many articles a bucket pairs each only with its {@link #NEIGHBOURS} predecessors.
   */
  static final int BUCKET_CAP = 50;

  static final int NEIGHBOURS = 10;

  private static final long PRIME = 2_147_483_647L;

  /**
   * An article in a band bucket: id, published epoch second (null: none), TF-IDF vector. A plain
   * class, not a record: Spark's Kryo serializer (the jobs' default) cannot write record fields.
   */
  static final class Member implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private String id;
    private Long t;
    private SparseVector v;

    @SuppressWarnings("unused") // for Kryo
    private Member() {}

    Member(String id, Long t, SparseVector v) {
      this.id = id;
      this.t = t;
      this.v = v;
    }

    String id() {
      return id;
    }

    Long t() {
      return t;
    }

    SparseVector v() {
      return v;
    }
  }

  /**
   * {@code (a, b)} of each of the BANDS × ROWS universal hash functions, from {@link #LSH_SEED}.
   */
  static long[][] hashCoefficients() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(LSH_SEED);
    long[][] out = new long[BANDS * ROWS][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new long[] {1 + r.nextLong(PRIME - 1), r.nextLong(PRIME)};
    }
    return out;
  }

  static long minHash(int[] terms, long[] ab) {
    long min = Long.MAX_VALUE;
    for (int t : terms) {
      min = Math.min(min, (ab[0] * t + ab[1]) % PRIME);
    }
    return min;
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
