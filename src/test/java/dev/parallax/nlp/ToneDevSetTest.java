package dev.parallax.nlp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agreement of the tone scorer with the hand-labelled dev set (src/test/resources/tone/devset.tsv,
 * rubric in docs/tone-devset.md), for the final scorer, the final scorer without AFINN-165 ({@code
 * lexicons.tone_afinn: none}) and plain VADER (same rules, general lexicon only). Pearson r is
 * against the −4..+4 rating; 3-class accuracy uses VADER's neutral band |score| &lt; 0.05 against
 * the −1/0/+1 label. The figures are printed for the record; the assertions guard against
 * regressions: the final scorer must agree better than the previous one and than plain VADER. The
 * set was used while developing the news rules, so its figures are optimistic.
 */
class ToneDevSetTest {
  /**
   * Pearson r and accuracy of the previous scorer (VADER rules with the domain lexicon 1.1.0, no
   * name rule, VADER's negation of negatives, no AFINN-165), measured with this test before the
   * news rules were added.
   */
  static final double PREVIOUS_R = 0.654;

  static final double PREVIOUS_ACCURACY = 0.709;

  record Item(int rating, int label, String sentence) {}

  static List<Item> items = new ArrayList<>();

  @BeforeAll
  static void load() throws IOException {
    TestSpark.get();
    boolean header = false;
    for (String line : Files.readAllLines(Path.of("src/test/resources/tone/devset.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      if (!header) {
        header = true;
        continue;
      }
      String[] c = line.split("\t", -1);
      items.add(new Item(Integer.parseInt(c[1]), Integer.parseInt(c[2]), c[4]));
    }
  }

  /** {Pearson r, 3-class accuracy} of a scorer over the dev set. */
  static double[] agreement(ToneTool tool) {
    int n = items.size();
    double[] x = new double[n];
    double[] y = new double[n];
    int correct = 0;
    for (int i = 0; i < n; i++) {
      x[i] = tool.score(items.get(i).sentence());
      y[i] = items.get(i).rating();
      int cls = x[i] >= 0.05 ? 1 : x[i] <= -0.05 ? -1 : 0;
      if (cls == items.get(i).label()) {
        correct++;
      }
    }
    return new double[] {pearson(x, y), (double) correct / n};
  }

  /** Textbook Pearson correlation, written out independently of the scorer. */
  static double pearson(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= y.length;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  @Test
  void finalScorerAgreesWithRatersBetterThanThePreviousOneAndPlainVader() {
    double[] fin = agreement(new ToneTool(NlpFixtures.lexicons(), false));
    NlpLexicons vaderOnly =
        NlpLexicons.load(ConfigLoader.load(null, Map.of("lexicons.tone_afinn", "none")));
    double[] noAfinn = agreement(new ToneTool(vaderOnly, false));
    double[] plain = agreement(new ToneTool(NlpFixtures.lexicons(), true));
    System.out.printf(
        Locale.ROOT,
        "tone dev set (n=%d): final r=%.3f acc=%.3f | without AFINN r=%.3f acc=%.3f"
            + " | previous r=%.3f acc=%.3f | plain VADER r=%.3f acc=%.3f%n",
        items.size(),
        fin[0],
        fin[1],
        noAfinn[0],
        noAfinn[1],
        PREVIOUS_R,
        PREVIOUS_ACCURACY,
        plain[0],
        plain[1]);
    assertTrue(items.size() >= 150, "dev set has at least 150 sentences");
    assertTrue(fin[0] > PREVIOUS_R, "Pearson r must improve on the previous scorer's");
    assertTrue(fin[0] >= plain[0], "Pearson r must not drop below plain VADER's");
    assertTrue(fin[1] >= plain[1], "3-class accuracy must not drop below plain VADER's");
  }

  @Test
  void pearsonMatchesAHandComputedExample() {
    // x = 1,2,3; y = 1,3,2: mx = my = 2; sxy = (−1)(−1) + 0 + (1)(0) = 1; sxx = syy = 2 → r = 0.5.
    assertTrue(Math.abs(pearson(new double[] {1, 2, 3}, new double[] {1, 3, 2}) - 0.5) < 1e-12);
  }
}
