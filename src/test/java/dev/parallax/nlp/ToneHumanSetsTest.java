package dev.parallax.nlp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.config.ConfigLoader;
import dev.parallax.nlp.tone.ToneScorer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression guard for general tone: the three human-rated sets published with VADER (tweets,
 * movie-review and product-review sentences, ../shared/data/tone-human/, see its SOURCE.md), scored
 * with the final scorer and with plain VADER (the same rules, general lexicon only). Pearson r
 * against the mean human rating is printed for both; the final scorer may not fall below plain
 * VADER by more than {@link #TOLERANCE} on any set. None of these sets is news, so they guard the
 * news rules against harming general text; they are not a target.
 */
class ToneHumanSetsTest {
  private static final Path DIR = Path.of("../shared/data/tone-human");

  /** How far below plain VADER's r the final scorer may fall on a set. */
  private static final double TOLERANCE = 0.01;

  private static final List<String> SETS =
      List.of(
          "tweets_GroundTruth.txt",
          "movieReviewSnippets_GroundTruth.txt",
          "amazonReviewSnippets_GroundTruth.txt");

  record Item(double rating, List<String> tokens) {}

  static ToneTool tokenizer;

  @BeforeAll
  static void load() {
    TestSpark.get();
    tokenizer = new ToneTool(NlpFixtures.lexicons(), false);
  }

  static List<Item> read(String file) throws IOException {
    List<Item> items = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8)) {
      String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (l.isBlank()) {
        continue;
      }
      String[] c = l.split("\t", 3);
      items.add(new Item(Double.parseDouble(c[1]), tokenizer.tokens(c[2])));
    }
    return items;
  }

  @Test
  void finalScorerKeepsPlainVadersAgreementOnEverySet() throws IOException {
    ToneScorer fin = new ToneScorer(NlpFixtures.lexicons().tone());
    ToneScorer noAfinn =
        new ToneScorer(
            NlpLexicons.load(ConfigLoader.load(null, Map.of("lexicons.tone_afinn", "none")))
                .tone());
    ToneScorer plain = new ToneScorer(NlpFixtures.lexicons().tone().withoutDomain());
    List<String> failures = new ArrayList<>();
    for (String set : SETS) {
      List<Item> items = read(set);
      int n = items.size();
      double[] human = new double[n];
      double[] f = new double[n];
      double[] p = new double[n];
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        human[i] = items.get(i).rating();
        f[i] = fin.score(items.get(i).tokens());
        p[i] = plain.score(items.get(i).tokens());
        a[i] = noAfinn.score(items.get(i).tokens());
      }
      double rf = ToneDevSetTest.pearson(f, human);
      double rp = ToneDevSetTest.pearson(p, human);
      double ra = ToneDevSetTest.pearson(a, human);
      System.out.printf(
          Locale.ROOT,
          "tone human set %s (n=%d): final r=%.3f | without AFINN r=%.3f | plain VADER r=%.3f%n",
          set,
          n,
          rf,
          ra,
          rp);
      if (rf < rp - TOLERANCE) {
        failures.add(set);
      }
    }
    assertTrue(failures.isEmpty(), "final scorer's r below plain VADER's by > 0.01 on " + failures);
  }
}
