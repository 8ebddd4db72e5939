package dev.parallax.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap in two steps: draw the replicates of one sample's mean once ({@link
 * #bootstrapMeans}, {@link #bootstrapMeansClustered}), then take the interval of the mean ({@link
 * #percentileInterval}) or of a difference of two independently drawn samples ({@link
 * #percentileDiffInterval}). A sample taking part in many comparisons is resampled only once.
 */
final class Bootstrap {
  private Bootstrap() {}

  /**
   * {@code reps} means of resamples of {@code x} of size {@code n}, drawn with replacement, in draw
   * order.
   *
   * @param reps number of bootstrap replicates, at least 1 (2,000 or more for a 95% interval)
   * @param seed seed of the {@link SplittableRandom} that draws the resamples
   * @return {@code reps} means; all NaN for an empty {@code x}
   */
  static double[] bootstrapMeans(double[] x, int reps, long seed) {
    return replicates(ResamplingUnits.ofValues(x), reps, seed);
  }

  /**
   * {@code reps} pooled sentence means of resamples of the articles (as many as there are, drawn
   * with replacement); NaN for a replicate that drew no sentence.
   *
   * @param clusters sentence values grouped by article; inner arrays may be empty
   */
  static double[] bootstrapMeansClustered(double[][] clusters, int reps, long seed) {
    return replicates(ResamplingUnits.ofClusters(clusters), reps, seed);
  }

  private static double[] replicates(ResamplingUnits a, int reps, long seed) {
    ResamplingUnits.requireReps(reps);
    double[] out = new double[reps];
    if (a.sentences == 0) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    // the draws of new SplittableRandom(seed).nextInt(a.size()), without its integer division
    UniformDraws draws = new UniformDraws(seed, a.size());
    for (int r = 0; r < reps; r++) {
      out[r] = a.resampledMean(draws);
    }
    return out;
  }

  /**
   * Percentile interval of bootstrap replicates: the {@code (1 - level)/2} and {@code (1 +
   * level)/2} quantiles (definition 7) of the non-NaN replicates.
   *
   * @param level coverage, in the open interval (0, 1), e.g. 0.95
   * @return {@code {low, high, skipped}} in the unit of the values, skipped = number of NaN
   *     replicates (as a double); {@code {NaN, NaN, n}} when every replicate is NaN
   */
  static double[] percentileInterval(double[] replicates, double level) {
    return percentile(replicates, null, level);
  }

  /**
   * Percentile interval of a difference from two independent sets of bootstrap replicates of equal
   * length: replicate {@code r} of the difference is {@code a[r] - b[r]}, skipped when either is
   * NaN. Because the two sets come from independent resamplings (different seeds), this is the
   * bootstrap of {@code mean(a) - mean(b)} with the two samples resampled independently.
   *
   * @return {@code {low, high, skipped}} as for {@link #percentileInterval}
   * @throws IllegalArgumentException if the lengths differ
   */
  static double[] percentileDiffInterval(double[] a, double[] b, double level) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "replicate counts differ: " + a.length + " and " + b.length);
    }
    return percentile(a, b, level);
  }

  private static double[] percentile(double[] a, double[] b, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1): " + level);
    }
    double[] stats = new double[a.length];
    int kept = 0;
    for (int r = 0; r < a.length; r++) {
      double stat = b == null ? a[r] : a[r] - b[r];
      if (!Double.isNaN(stat)) {
        stats[kept++] = stat;
      }
    }
    if (kept == 0) {
      return new double[] {Double.NaN, Double.NaN, a.length};
    }
    double[] q = Quantiles.quantilePair(stats, kept, (1 - level) / 2, (1 + level) / 2);
    return new double[] {q[0], q[1], a.length - kept};
  }
}
