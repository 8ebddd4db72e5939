package dev.parallax.compare;

/** Effect sizes of a difference between two samples: Cohen's d and Cliff's delta. */
final class EffectSizes {
  private EffectSizes() {}

  /**
   * Cohen's d, {@code (mean(a) - mean(b)) / s} with the pooled standard deviation {@code s =
   * sqrt(((n_a - 1) var(a) + (n_b - 1) var(b)) / (n_a + n_b - 2))}: the mean difference in standard
   * deviations, unbounded, positive when {@code a} is larger.
   *
   * @return d; NaN if either sample has fewer than 2 values or {@code s = 0}
   */
  static double cohensD(double[] a, double[] b) {
    if (a.length < 2 || b.length < 2) {
      return Double.NaN;
    }
    double pooledVariance =
        ((a.length - 1) * Statistics.sampleVariance(a)
                + (b.length - 1) * Statistics.sampleVariance(b))
            / (a.length + b.length - 2);
    if (!(pooledVariance > 0)) {
      return Double.NaN;
    }
    return (Statistics.mean(a) - Statistics.mean(b)) / Math.sqrt(pooledVariance);
  }

  /**
   * Cliff's delta, {@code (#(a_i > b_j) - #(a_i < b_j)) / (n_a n_b)} over all pairs: the
   * probability that a value of {@code a} exceeds one of {@code b} minus the reverse, in [-1, 1],
   * ties counting for neither. Takes two NaN-free samples each sorted ascending and counts in one
   * merge pass, {@code O(n_a + n_b)}, so a caller comparing one sample with many others sorts it
   * once.
   *
   * @return delta; NaN if either sample is empty
   */
  static double cliffsDeltaOfSorted(double[] sortedA, double[] sortedB) {
    if (sortedA.length == 0 || sortedB.length == 0) {
      return Double.NaN;
    }
    long greater = 0;
    long less = 0;
    int below = 0; // values of b below v
    int notAbove = 0; // values of b at or below v
    for (double v : sortedA) {
      while (below < sortedB.length && sortedB[below] < v) {
        below++;
      }
      while (notAbove < sortedB.length && sortedB[notAbove] <= v) {
        notAbove++;
      }
      greater += below;
      less += sortedB.length - notAbove;
    }
    return (double) (greater - less) / ((double) sortedA.length * sortedB.length);
  }
}
