package dev.parallax.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.config.ConfigLoader;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.ingest.LanguageId;
import dev.parallax.nlp.NlpLexicons;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times language identification alone, in one thread, on the benchmark's synthetic corpus: the cost
 * that ingest pays per article for {@code articles.language}. Prints one line per candidate set:
 * microseconds per article (median of the timed passes) and the seconds for the whole corpus.
 *
 * <p>{@code java -cp ... dev.parallax.bench.LanguageIdTiming [articles] [passes]} (defaults 20000
 * and 3). Two candidate sets: the default {@code languages.detect} (English text is recognised by
 * its function words) and the default without {@code en}, so that Lingua reads a sample of every
 * article: the cost of a corpus in a Latin-script language other than English.
 */
public final class LanguageIdTiming {
  private LanguageIdTiming() {}

  /** The default seed of {@code parallax bench}, so the texts are the benchmark's. */
  static final long SEED = 20250207L;

  public static void main(String[] args) throws IOException {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("parallax-langid-");
    try {
      ParallaxConfig config = ConfigLoader.load(null, Map.of());
      CorpusGenerator generator = new CorpusGenerator(NlpLexicons.load(config).themes(), SEED);
      CorpusGenerator.Corpus corpus = generator.write(dir, articles);
      List<String> texts = texts(corpus.files());
      System.out.printf(
          Locale.ROOT, "%d articles, %.1f MB of text%n", texts.size(), corpus.textMb());
      List<String> withoutEnglish = new ArrayList<>(LanguageId.DEFAULT_CANDIDATES);
      withoutEnglish.remove("en");
      time("default languages.detect", LanguageId.DEFAULT_CANDIDATES, texts, passes);
      time("without en (Lingua reads every article)", withoutEnglish, texts, passes);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static void time(String label, List<String> candidates, List<String> texts, int passes) {
    LanguageId id = LanguageId.forCandidates(candidates);
    int warmUp = Math.min(texts.size(), 2000);
    long sink = 0;
    for (int i = 0; i < warmUp; i++) {
      sink += String.valueOf(id.identify(texts.get(i), null).language()).length();
    }
    double[] micros = new double[passes];
    for (int p = 0; p < passes; p++) {
      long start = System.nanoTime();
      for (String t : texts) {
        sink += String.valueOf(id.identify(t, "en").language()).length();
      }
      micros[p] = (System.nanoTime() - start) / 1e3 / texts.size();
    }
    Arrays.sort(micros);
    double median = micros[passes / 2];
    System.out.printf(
        Locale.ROOT,
        "%s: %.1f us/article (median of %d passes, range %.1f-%.1f), %.2f s for %d articles"
            + " in one thread (checksum %d)%n",
        label,
        median,
        passes,
        micros[0],
        micros[passes - 1],
        median * texts.size() / 1e6,
        texts.size(),
        sink % 10);
  }

  static List<String> texts(List<Path> files) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    for (Path f : files) {
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          out.add(json.readTree(line).get("text").asText());
        }
      }
    }
    return out;
  }
}
