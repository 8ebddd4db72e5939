package dev.parallax.compare;

import java.util.SplittableRandom;

/**
 * Statistics behind the compare stage: means and quantiles here, and the entry points to the
 * bootstrap ({@link Bootstrap}), the permutation tests ({@link PermutationTest}), the effect sizes
 * ({@link EffectSizes}) and the "Fightin' Words" log-odds ratio ({@link FightinWords}).
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li><b>Values and units.</b> Samples are plain {@code double} values, typically sentence tones;
 *       a mean, a difference of means or a confidence limit is in the same unit as the values.
 *       Elements must be finite; this is not checked, and a NaN or infinite element gives
 *       unspecified (usually NaN) results.
 *   <li><b>Clusters.</b> The {@code ...Clustered} methods take {@code double[][]}: one inner array
 *       per article holding the values of its sentences. Inner arrays may be empty but not {@code
 *       null}. Their statistic is the pooled sentence mean (sum of all sentence values divided by
 *       the number of sentences, a ratio estimator), and resampling or permuting moves whole
 *       articles, which respects the dependence between sentences of one article. The plain methods
 *       are the special case in which every value is a cluster of its own.
 *   <li><b>Empty data</b> gives NaN, never an exception. Arguments outside a method's contract
 *       ({@code reps < 1}, a level outside (0, 1), negative counts, ...) throw {@link
 *       IllegalArgumentException}; {@code null} arrays throw {@link NullPointerException}.
 *   <li><b>Randomness</b> comes only from a {@link SplittableRandom} built from the caller's seed,
 *       so equal arguments always give identical results, on any machine and thread.
 *   <li><b>Quantiles</b> follow Hyndman &amp; Fan (1996) definition 7, R's default and "linear
 *       interpolation between closest ranks": for sorted values {@code v[0..n-1]} and probability
 *       {@code p}, let {@code h = (n - 1) p}; the quantile is {@code v[floor(h)] + (h - floor(h))
 *       (v[floor(h) + 1] - v[floor(h)])}.
 * </ul>
 */
public final class Statistics {
  private Statistics() {}

  /** Arithmetic mean; NaN for an empty array. */
  static double mean(double[] x) {
    if (x.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  /**
   * Unbiased sample variance (divisor {@code n - 1}), in squared units of the values; NaN when
   * {@code n < 2}.
   */
  static double sampleVariance(double[] x) {
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    double m = mean(x);
    double ss = 0;
    for (double v : x) {
      double d = v - m;
      ss += d * d;
    }
    return ss / (n - 1);
  }

  /**
   * The {@code p}-quantile of {@code x} by definition 7; NaN for an empty array. {@code x} is not
   * modified.
   *
   * @param p probability in [0, 1]
   */
  public static double quantile(double[] x, double p) {
    return Quantiles.quantile(x, p);
  }

  /**
   * {@code reps} bootstrap means of {@code x}, drawn with replacement from the given seed; all NaN
   * for an empty {@code x}. See {@link Bootstrap#bootstrapMeans}.
   */
  static double[] bootstrapMeans(double[] x, int reps, long seed) {
    return Bootstrap.bootstrapMeans(x, reps, seed);
  }

  /**
   * {@code reps} cluster-bootstrap pooled sentence means, NaN for a replicate that drew no
   * sentence. See {@link Bootstrap#bootstrapMeansClustered}.
   */
  static double[] bootstrapMeansClustered(double[][] clusters, int reps, long seed) {
    return Bootstrap.bootstrapMeansClustered(clusters, reps, seed);
  }

  /**
   * {@code {low, high, skipped}}, the percentile interval of bootstrap replicates at coverage
   * {@code level}. See {@link Bootstrap#percentileInterval}.
   */
  static double[] percentileInterval(double[] replicates, double level) {
    return Bootstrap.percentileInterval(replicates, level);
  }

  /**
   * {@code {low, high, skipped}}, the percentile interval of {@code a[r] - b[r]} over two
   * independent sets of replicates. See {@link Bootstrap#percentileDiffInterval}.
   */
  static double[] percentileDiffInterval(double[] a, double[] b, double level) {
    return Bootstrap.percentileDiffInterval(a, b, level);
  }

  /**
   * Monte Carlo permutation p-value of {@code mean(a) = mean(b)}, in (0, 1]. See {@link
   * PermutationTest#permutationPValue}.
   */
  static double permutationPValue(double[] a, double[] b, int reps, long seed) {
    return PermutationTest.permutationPValue(a, b, reps, seed);
  }

  /**
   * Monte Carlo permutation p-value moving whole articles, in (0, 1]. See {@link
   * PermutationTest#permutationPValueClustered}.
   */
  static double permutationPValueClustered(double[][] a, double[][] b, int reps, long seed) {
    return PermutationTest.permutationPValueClustered(a, b, reps, seed);
  }

  /**
   * Permutation p-value from the normal approximation of the permutation distribution. See {@link
   * PermutationTest#asymptoticPermutationPValue}.
   */
  static double asymptoticPermutationPValue(double[] a, double[] b) {
    return PermutationTest.asymptoticPermutationPValue(a, b);
  }

  /**
   * Asymptotic permutation p-value moving whole articles. See {@link
   * PermutationTest#asymptoticPermutationPValueClustered}.
   */
  static double asymptoticPermutationPValueClustered(double[][] a, double[][] b) {
    return PermutationTest.asymptoticPermutationPValueClustered(a, b);
  }

  /** Cohen's d with the pooled standard deviation. See {@link EffectSizes#cohensD}. */
  static double cohensD(double[] a, double[] b) {
    return EffectSizes.cohensD(a, b);
  }

  /**
   * Cliff's delta of two samples sorted ascending, in [-1, 1]. See {@link
   * EffectSizes#cliffsDeltaOfSorted}.
   */
  static double cliffsDeltaOfSorted(double[] sortedA, double[] sortedB) {
    return EffectSizes.cliffsDeltaOfSorted(sortedA, sortedB);
  }

  /**
   * {@code {delta, variance, z}} of a word between corpora I and J. See {@link
   * FightinWords#logOddsDirichlet}.
   */
  static double[] logOddsDirichlet(
      double yI, double nI, double yJ, double nJ, double alphaW, double alpha0) {
    return FightinWords.logOddsDirichlet(yI, nI, yJ, nJ, alphaW, alpha0);
  }

  /** The informative Dirichlet prior of one word. See {@link FightinWords#priorAlpha}. */
  static double priorAlpha(double countAll, double totalAll, double alpha0) {
    return FightinWords.priorAlpha(countAll, totalAll, alpha0);
  }
}
