package dev.parallax.bench;

import static org.apache.spark.sql.functions.sum;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * The yardstick for the crawl corpus: the least a plain Spark job does with the same bytes. Each
 * {@code .warc.gz} file is read with {@code binaryFiles} and decompressed as a stream (its gzip
 * members one after another), every line — WARC and HTTP headers, HTML, image bytes alike — is
 * split into lowercased words of letters and digits, the words are counted per file and then over
 * all files ({@code reduceByKey}), and the counts are written to Parquet. No WARC parsing, no HTML
 * extraction, no checks.
 */
final class WarcBaseline {
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final StructType SCHEMA =
      new StructType()
          .add("word", DataTypes.StringType, false)
          .add("count", DataTypes.LongType, false);

  private WarcBaseline() {}

  /** Rows written (distinct words) and the words counted. */
  record Result(long wordRows, long words) {}

  static Result run(SparkSession spark, String warcDir, String outDir) {
    spark.sparkContext().setJobDescription("bench baseline: gunzip WARC files, count words");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaPairRDD<String, Long> counts =
        jsc.binaryFiles(warcDir)
            .flatMapToPair(f -> pairs(wordCounts(f._2())))
            .reduceByKey(Long::sum);
    Dataset<Row> rows =
        spark.createDataFrame(counts.map(t -> RowFactory.create(t._1(), t._2())), SCHEMA);
    rows.write().mode(SaveMode.Overwrite).parquet(outDir + "/word_counts");
    Dataset<Row> back = spark.read().parquet(outDir + "/word_counts");
    List<Row> total = back.agg(sum("count")).collectAsList();
    return new Result(back.count(), total.get(0).isNullAt(0) ? 0 : total.get(0).getLong(0));
  }

  private static Iterator<Tuple2<String, Long>> pairs(Map<String, Long> counts) {
    return counts.entrySet().stream().map(e -> new Tuple2<>(e.getKey(), e.getValue())).iterator();
  }

  /** Words of one gzip file (all its members), counted. */
  static Map<String, Long> wordCounts(PortableDataStream file) {
    try (InputStream in = new GZIPInputStream(file.open(), 1 << 16)) {
      return wordCounts(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Long> wordCounts(InputStream decompressed) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(decompressed, StandardCharsets.UTF_8), 1 << 16);
    String line;
    while ((line = r.readLine()) != null) {
      for (String w : NON_WORD.split(line.toLowerCase(Locale.ROOT), -1)) {
        if (!w.isEmpty()) {
          counts.merge(w, 1L, Long::sum);
        }
      }
    }
    return counts;
  }
}
