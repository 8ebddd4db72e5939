package dev.parallax.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Resampling units (articles, or single values) reduced to what the bootstrap and the permutation
 * tests need: each unit's value sum and sentence count, and the totals. A plain sample is the
 * special case in which every value is a unit holding one sentence.
 */
final class ResamplingUnits {
  final double[] sums;
  final int[] sizes;
  final double total;
  final long sentences;

  private ResamplingUnits(double[] sums, int[] sizes) {
    this.sums = sums;
    this.sizes = sizes;
    double t = 0;
    long n = 0;
    for (int i = 0; i < sums.length; i++) {
      t += sums[i];
      n += sizes[i];
    }
    this.total = t;
    this.sentences = n;
  }

  /** Every value a unit of one sentence; {@code x} is shared, not copied. */
  static ResamplingUnits ofValues(double[] x) {
    int[] ones = new int[x.length];
    Arrays.fill(ones, 1);
    return new ResamplingUnits(x, ones);
  }

  /** One unit per inner array (an article's sentence values; may be empty, not null). */
  static ResamplingUnits ofClusters(double[][] clusters) {
    double[] sums = new double[clusters.length];
    int[] sizes = new int[clusters.length];
    for (int i = 0; i < clusters.length; i++) {
      for (double v : clusters[i]) {
        sums[i] += v;
      }
      sizes[i] = clusters[i].length;
    }
    return new ResamplingUnits(sums, sizes);
  }

  /** The units of {@code a} followed by those of {@code b}. */
  static ResamplingUnits concat(ResamplingUnits a, ResamplingUnits b) {
    double[] sums = Arrays.copyOf(a.sums, a.size() + b.size());
    int[] sizes = Arrays.copyOf(a.sizes, sums.length);
    System.arraycopy(b.sums, 0, sums, a.size(), b.size());
    System.arraycopy(b.sizes, 0, sizes, a.size(), b.size());
    return new ResamplingUnits(sums, sizes);
  }

  int size() {
    return sums.length;
  }

  /** Pooled mean of {@code size()} units drawn with replacement; NaN if they hold no sentence. */
  double resampledMean(SplittableRandom rng) {
    int k = sums.length;
    double sum = 0;
    long n = 0;
    for (int i = 0; i < k; i++) {
      int c = rng.nextInt(k);
      sum += sums[c];
      n += sizes[c];
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * As {@link #resampledMean(SplittableRandom)}, the units drawn by {@code draws} (bound {@code
   * size()}): the same draws give the same mean, bit for bit.
   */
  double resampledMean(UniformDraws draws) {
    int k = sums.length;
    double sum = 0;
    long n = 0;
    for (int i = 0; i < k; i++) {
      int c = draws.next();
      sum += sums[c];
      n += sizes[c];
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * Mean of one group minus mean of the rest, given the group's value sum and sentence count; NaN
   * if either side has no sentence.
   */
  double splitDifference(double groupSum, long groupSentences) {
    long rest = sentences - groupSentences;
    if (groupSentences == 0 || rest == 0) {
      return Double.NaN;
    }
    return groupSum / groupSentences - (total - groupSum) / rest;
  }

  /** Throws unless {@code reps >= 1}. */
  static void requireReps(int reps) {
    if (reps < 1) {
      throw new IllegalArgumentException("reps must be at least 1: " + reps);
    }
  }
}
