package dev.parallax.compare;

import java.util.Arrays;

/**
 * Reference Benjamini–Hochberg adjustment on plain arrays, against which the Spark window
 * implementation in {@link StanceDifference#withQValues} is tested.
 */
final class BenjaminiHochberg {
  private BenjaminiHochberg() {}

  /**
   * Benjamini–Hochberg (1995) adjusted p-values ("q-values"), in the input order. With the {@code
   * m} non-NaN p-values sorted ascending as {@code p(1) <= ... <= p(m)}, {@code q(i) = min over j
   * >= i of min(1, m p(j) / j)}; rejecting every hypothesis with {@code q <= alpha} is the step-up
   * procedure at false discovery rate {@code alpha}.
   *
   * @param p p-values in [0, 1] or NaN; NaN entries stay NaN and do not count towards {@code m}
   * @return a new array of q-values in [0, 1] (or NaN), {@code q[i] >= p[i]}
   * @throws IllegalArgumentException for a p-value outside [0, 1]
   */
  static double[] adjust(double[] p) {
    double[] q = new double[p.length];
    Arrays.fill(q, Double.NaN);
    int m = 0;
    for (double v : p) {
      if (!Double.isNaN(v)) {
        if (v < 0 || v > 1) {
          throw new IllegalArgumentException("p-value outside [0, 1]: " + v);
        }
        m++;
      }
    }
    Integer[] order = new Integer[m];
    for (int i = 0, r = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i])) {
        order[r++] = i;
      }
    }
    Arrays.sort(order, (i, j) -> Double.compare(p[i], p[j]));
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, m * p[i] / rank);
      q[i] = running;
    }
    return q;
  }
}
