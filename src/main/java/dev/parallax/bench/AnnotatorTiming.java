package dev.parallax.bench;

import dev.parallax.config.ConfigLoader;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.nlp.NlpLexicons;
import dev.parallax.nlp.NlpPipeline;
import dev.parallax.nlp.SentenceAnnotator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Times the annotator alone (sentences, tokens, stems, themes, tone, stance markers, rows), in one
 * thread, on the benchmark's synthetic corpus, once with each sentence detection: Spark NLP's
 * SentenceDetector (the baseline of this measurement) and Parallax's splitter. Prints microseconds
 * per article (median of the timed passes) and the ratio of the two, measured in the same process,
 * alternating the two so that a change in the host's speed hits both.
 *
 * <p>{@code java -cp ... dev.parallax.bench.AnnotatorTiming [articles] [passes]} (defaults 2000 and
 * 3). {@code AnnotatorTiming long} times single long articles instead (256 KiB, 1 MiB and 5 MiB,
 * each the generated articles joined by paragraph breaks), once with each detection: the seconds
 * should grow with the length, not its square.
 */
public final class AnnotatorTiming {
  private AnnotatorTiming() {}

  public static void main(String[] args) throws IOException {
    boolean longArticles = args.length > 0 && args[0].equals("long");
    int articles = longArticles ? 1_500 : args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    SparkSession spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("parallax-annotator-timing")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    Path dir = Files.createTempDirectory("parallax-annotator-");
    try {
      ParallaxConfig config = ConfigLoader.load(null, Map.of());
      NlpLexicons lexicons = NlpLexicons.load(config);
      CorpusGenerator generator = new CorpusGenerator(lexicons.themes(), LanguageIdTiming.SEED);
      CorpusGenerator.Corpus corpus = generator.write(dir, articles);
      List<Row> rows = new ArrayList<>();
      int i = 0;
      for (String text : LanguageIdTiming.texts(corpus.files())) {
        rows.add(RowFactory.create("a" + i++, "story", "source", null, "en", text));
      }
      if (longArticles) {
        timeLongArticles(spark, lexicons, LanguageIdTiming.texts(corpus.files()));
        return;
      }
      System.out.printf(
          Locale.ROOT, "%d articles, %.1f MB of text, one thread%n", rows.size(), corpus.textMb());
      NlpPipeline.SentenceDetection[] detections = {
        NlpPipeline.SentenceDetection.SPARK_NLP, NlpPipeline.SentenceDetection.PARALLAX
      };
      SentenceAnnotator[] annotators = new SentenceAnnotator[detections.length];
      for (int d = 0; d < detections.length; d++) {
        annotators[d] = SentenceAnnotator.build(spark, lexicons, detections[d]);
        run(annotators[d], rows.subList(0, Math.min(rows.size(), 500)));
      }
      double[][] micros = new double[detections.length][passes];
      long sink = 0;
      for (int p = 0; p < passes; p++) {
        for (int d = 0; d < detections.length; d++) {
          long start = System.nanoTime();
          sink += run(annotators[d], rows);
          micros[d][p] = (System.nanoTime() - start) / 1e3 / rows.size();
        }
      }
      double[] medians = new double[detections.length];
      for (int d = 0; d < detections.length; d++) {
        Arrays.sort(micros[d]);
        medians[d] = micros[d][passes / 2];
        System.out.printf(
            Locale.ROOT,
            "%s: %.0f us/article (median of %d passes, range %.0f-%.0f)%n",
            detections[d].name().toLowerCase(Locale.ROOT).replace('_', '-'),
            medians[d],
            passes,
            micros[d][0],
            micros[d][passes - 1]);
      }
      System.out.printf(
          Locale.ROOT,
          "parallax / spark-nlp: %.2f (sentence rows checksum %d)%n",
          medians[1] / medians[0],
          sink);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      spark.stop();
    }
  }

  private static void timeLongArticles(
      SparkSession spark, NlpLexicons lexicons, List<String> texts) {
    StringBuilder all = new StringBuilder();
    for (String t : texts) {
      all.append(t).append("\n\n");
    }
    for (NlpPipeline.SentenceDetection d : NlpPipeline.SentenceDetection.values()) {
      SentenceAnnotator annotator = SentenceAnnotator.build(spark, lexicons, d);
      String warmUp = all.substring(0, Math.min(all.length(), 256 * 1024));
      run(annotator, List.of(RowFactory.create("w", "story", "source", null, "en", warmUp)));
      for (int kib : new int[] {256, 1024, 5120}) {
        String text = all.substring(0, Math.min(all.length(), kib * 1024));
        long start = System.nanoTime();
        long sentences =
            run(annotator, List.of(RowFactory.create("long", "story", "source", null, "en", text)));
        System.out.printf(
            Locale.ROOT,
            "%s: one article of %d KiB (%d sentences) in %.2f s%n",
            d.name().toLowerCase(Locale.ROOT).replace('_', '-'),
            kib,
            sentences,
            (System.nanoTime() - start) / 1e9);
      }
    }
  }

  private static long run(SentenceAnnotator annotator, List<Row> rows) {
    long n = 0;
    Iterator<Row> out = annotator.annotatePartition(rows.iterator());
    while (out.hasNext()) {
      out.next();
      n++;
    }
    return n;
  }
}
