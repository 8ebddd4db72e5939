package dev.parallax.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The reference {@link BenjaminiHochberg} against the paper's example, by hand and against an
 * O(m^2) formulation without sorting.
 */
class BenjaminiHochbergTest {

  private static final double EPS = 1e-12;

  @Test
  void benjaminiHochbergPaperExample() {
    // Benjamini & Hochberg (1995), section 3.2: m = 15, at q* = 0.05 the first four are rejected.
    double[] sorted = {
      0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262,
      0.5719, 0.6528, 0.7590, 1.0000
    };
    double[] p = new double[15];
    for (int i = 0; i < 15; i++) {
      p[i] = sorted[14 - i]; // reversed, to check the output follows the input order
    }
    double[] q = BenjaminiHochberg.adjust(p);
    for (int i = 0; i < 15; i++) {
      assertEquals(14 - i < 4, q[i] <= 0.05, "rejection of p = " + p[i]);
    }
    // m p(j) / j by hand: j=1 .0015, 2 .003, 3 .0095, 4 .035625, 5 .0603, 6 .0695, 7 .0638571,
    // 8 .0645, 9 .0765, 10 .486, 11 .581182, 12 .714875, 13 .753231, 14 .813214, 15 1.
    // q = running minimum from the top: q6 takes j=7's .0638571, the rest keep their own value.
    double[] expectedSorted = {
      0.0015,
      0.003,
      0.0095,
      0.035625,
      0.0603,
      15 * 0.0298 / 7,
      15 * 0.0298 / 7,
      0.0645,
      0.0765,
      0.486,
      15 * 0.4262 / 11,
      15 * 0.5719 / 12,
      15 * 0.6528 / 13,
      15 * 0.7590 / 14,
      1.0
    };
    for (int i = 0; i < 15; i++) {
      assertEquals(expectedSorted[14 - i], q[i], 1e-12, "q of p = " + p[i]);
    }
  }

  @Test
  void benjaminiHochbergNaNPassthrough() {
    // m = 2 (NaN excluded): 0.01 -> 2*0.01/1 = 0.02; 0.04 -> 2*0.04/2 = 0.04
    double[] q = BenjaminiHochberg.adjust(new double[] {0.01, Double.NaN, 0.04});
    assertArrayEquals(new double[] {0.02, Double.NaN, 0.04}, q, EPS);
    assertEquals(0, BenjaminiHochberg.adjust(new double[0]).length);
    assertArrayEquals(
        new double[] {Double.NaN}, BenjaminiHochberg.adjust(new double[] {Double.NaN}));
    assertThrows(
        IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {1.2}));
    assertThrows(
        IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {-0.1}));
  }

  @Test
  void benjaminiHochbergAgainstNaiveOnRandomInput() {
    SplittableRandom rng = new SplittableRandom(2024);
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + rng.nextInt(60);
      double[] p = new double[n];
      for (int i = 0; i < n; i++) {
        double u = rng.nextDouble();
        // Rounded values give ties; some tiny values; some NaN.
        p[i] =
            rng.nextInt(10) == 0
                ? Double.NaN
                : rng.nextBoolean() ? Math.round(u * 20) / 20.0 : u * u * u;
      }
      double[] q = BenjaminiHochberg.adjust(p);
      double[] expected = naiveBh(p);
      assertArrayEquals(expected, q, 1e-12, Arrays.toString(p));
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(p[i])) {
          continue;
        }
        assertTrue(q[i] >= p[i] - 1e-15 && q[i] <= 1);
        for (int j = 0; j < n; j++) {
          if (!Double.isNaN(p[j]) && p[i] <= p[j]) {
            assertTrue(q[i] <= q[j], "monotone");
          }
        }
      }
    }
  }

  /**
   * O(m^2) BH without sorting: q_i = min over k with p_k >= p_i of min(1, m p_k / #{l : p_l <=
   * p_k}). Counting ties into the rank gives each tied group its best ratio, as the step-up min
   * does.
   */
  private static double[] naiveBh(double[] p) {
    int m = 0;
    for (double v : p) {
      if (!Double.isNaN(v)) {
        m++;
      }
    }
    double[] q = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      if (Double.isNaN(p[i])) {
        q[i] = Double.NaN;
        continue;
      }
      double best = 1;
      for (double pk : p) {
        if (Double.isNaN(pk) || pk < p[i]) {
          continue;
        }
        int rank = 0;
        for (double pl : p) {
          if (!Double.isNaN(pl) && pl <= pk) {
            rank++;
          }
        }
        best = Math.min(best, m * pk / rank);
      }
      q[i] = best;
    }
    return q;
  }
}
