package dev.parallax.compare;

import java.util.SplittableRandom;

/**
 * Two-sided permutation tests of equal means, by Monte Carlo relabelling or by the normal
 * approximation of the permutation distribution, for plain values and for articles (clusters) of
 * sentence values.
 */
final class PermutationTest {
  private PermutationTest() {}

  /**
   * Absolute slack when comparing a permuted statistic with the observed one, so ties that differ
   * only by rounding count as "at least as extreme".
   */
  private static final double TIE_TOLERANCE = 1e-12;

  /**
   * Two-sided Monte Carlo permutation test of {@code mean(a) = mean(b)}. Each of {@code reps}
   * permutations reassigns the pooled values at random to groups of the original sizes; the p-value
   * is {@code (1 + B) / (reps + 1)} with {@code B} the number of permutations whose {@code |mean
   * difference|} is at least the observed one less 1e-12 (Phipson &amp; Smyth 2010, which keeps the
   * test valid and p above zero).
   *
   * @param reps number of random permutations, at least 1; the smallest attainable p-value is
   *     {@code 1 / (reps + 1)}, e.g. 0.001 for 999
   * @param seed seed of the {@link SplittableRandom} that draws the permutations
   * @return p in (0, 1]; NaN if either sample is empty
   */
  static double permutationPValue(double[] a, double[] b, int reps, long seed) {
    return monteCarlo(ResamplingUnits.ofValues(a), ResamplingUnits.ofValues(b), reps, seed);
  }

  /**
   * Two-sided Monte Carlo permutation test for clustered data: whole articles are reassigned at
   * random between the groups (keeping each group's number of articles), and the statistic is the
   * difference of pooled sentence means. A permutation that leaves one group without a sentence has
   * no statistic; it is left out of both {@code B} and the {@code reps} in {@code (1 + B) / (reps +
   * 1)}.
   *
   * @return p in (0, 1]; NaN if either group has no sentence
   */
  static double permutationPValueClustered(double[][] a, double[][] b, int reps, long seed) {
    return monteCarlo(ResamplingUnits.ofClusters(a), ResamplingUnits.ofClusters(b), reps, seed);
  }

  private static double monteCarlo(ResamplingUnits a, ResamplingUnits b, int reps, long seed) {
    ResamplingUnits.requireReps(reps);
    if (a.sentences == 0 || b.sentences == 0) {
      return Double.NaN;
    }
    if (a.size() > b.size()) {
      // |statistic| is symmetric in the groups; drawing the smaller one is cheaper.
      return monteCarlo(b, a, reps, seed);
    }
    ResamplingUnits all = ResamplingUnits.concat(a, b);
    double threshold = Math.abs(all.splitDifference(a.total, a.sentences)) - TIE_TOLERANCE;
    int k = all.size();
    int[] order = new int[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    long extreme = 0;
    long valid = 0;
    for (int r = 0; r < reps; r++) {
      double sum = 0;
      long sentences = 0;
      for (int i = 0; i < a.size(); i++) {
        int j = i + rng.nextInt(k - i);
        int c = order[j];
        order[j] = order[i];
        order[i] = c;
        sum += all.sums[c];
        sentences += all.sizes[c];
      }
      double d = all.splitDifference(sum, sentences);
      if (!Double.isNaN(d)) {
        valid++;
        if (Math.abs(d) >= threshold) {
          extreme++;
        }
      }
    }
    return (1.0 + extreme) / (valid + 1.0);
  }

  /**
   * Two-sided permutation test of {@code mean(a) = mean(b)} with the permutation distribution
   * replaced by its normal approximation (the "asymptotic" permutation test, as in Strasser &amp;
   * Weber 1999 and R's coin). Under random relabelling the sum of group {@code a} is a sample
   * without replacement of {@code k_a} of the {@code k} pooled values, whose variance is exactly
   * {@code k_a k_b / (k (k - 1)) · Σ (x - x̄)²}; the mean difference is linear in that sum, so
   * {@code z = observed difference / its permutation standard deviation} and {@code p = 2 Φ(-|z|)}.
   * Accurate when both groups are large (tens of values or more), and free of the Monte Carlo floor
   * {@code 1 / (reps + 1)}.
   *
   * @return p in (0, 1]; 1 when all values are equal; NaN if either sample is empty
   */
  static double asymptoticPermutationPValue(double[] a, double[] b) {
    return asymptotic(ResamplingUnits.ofValues(a), ResamplingUnits.ofValues(b));
  }

  /**
   * The asymptotic counterpart of {@link #permutationPValueClustered}: whole articles are the units
   * and the statistic is the difference of pooled sentence means. It is linearised around the
   * pooled mean μ: with article residuals {@code e_i = s_i - μ n_i} (value sum minus μ times
   * sentence count, Σ e = 0), the difference is {@code Σ_a e_i · (1/E[N_a] + 1/E[N_b])} to first
   * order, where {@code E[N_a] = k_a N / k} is the expected sentence count of group a, and the
   * permutation variance of {@code Σ_a e_i} is {@code k_a k_b / (k (k - 1)) · Σ e_i²}. With one
   * sentence per article this is exactly {@link #asymptoticPermutationPValue}.
   *
   * @return p in (0, 1]; NaN if either group has no sentence
   */
  static double asymptoticPermutationPValueClustered(double[][] a, double[][] b) {
    return asymptotic(ResamplingUnits.ofClusters(a), ResamplingUnits.ofClusters(b));
  }

  private static double asymptotic(ResamplingUnits a, ResamplingUnits b) {
    if (a.sentences == 0 || b.sentences == 0) {
      return Double.NaN;
    }
    ResamplingUnits all = ResamplingUnits.concat(a, b);
    int k = all.size();
    double mu = all.total / all.sentences;
    double ss = 0;
    for (int i = 0; i < k; i++) {
      double e = all.sums[i] - mu * all.sizes[i];
      ss += e * e;
    }
    double observed = all.splitDifference(a.total, a.sentences);
    double expectedA = (double) a.size() * all.sentences / k;
    double expectedB = (double) b.size() * all.sentences / k;
    double sd =
        (1 / expectedA + 1 / expectedB)
            * Math.sqrt((double) a.size() * b.size() / ((double) k * (k - 1)) * ss);
    if (!(sd > 0) || Math.abs(observed) <= TIE_TOLERANCE) {
      return 1.0;
    }
    return Math.min(1.0, 2 * NormalDistribution.cdf(-Math.abs(observed) / sd));
  }
}
