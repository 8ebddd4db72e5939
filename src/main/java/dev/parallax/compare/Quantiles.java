package dev.parallax.compare;

import java.util.Arrays;

/**
 * Quantiles by Hyndman &amp; Fan (1996) definition 7 (see {@link Statistics}), by sorting or, for
 * the two limits of a percentile interval, by selection in linear time.
 */
final class Quantiles {
  private Quantiles() {}

  /**
   * The {@code p}-quantile of {@code x} by definition 7; NaN for an empty array. {@code x} is not
   * modified.
   *
   * @param p probability in [0, 1]
   */
  static double quantile(double[] x, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + p);
    }
    if (x.length == 0) {
      return Double.NaN;
    }
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    return quantileOfSorted(sorted, sorted.length, p);
  }

  /**
   * The {@code p1} and {@code p2} quantiles ({@code p1 <= p2}, same definition as {@link
   * #quantile}) of {@code x[0, n)}, NaN-free, found by selection in linear time instead of a sort;
   * {@code x[0, n)} is reordered. Values are those of the sorted array, bit for bit: elements are
   * ordered as {@link Arrays#sort(double[])} orders them (−0.0 before 0.0).
   */
  static double[] quantilePair(double[] x, int n, double p1, double p2) {
    int k1 = Math.min((int) Math.floor((n - 1) * p1), n - 1);
    select(x, 0, n, k1);
    double q1 = interpolate(x, n, k1, p1);
    int k2 = Math.min((int) Math.floor((n - 1) * p2), n - 1);
    if (k2 > k1) {
      select(x, k1 + 1, n, k2); // x[k1 + 1, n) holds exactly the elements ranked above k1
    }
    return new double[] {q1, interpolate(x, n, k2, p2)};
  }

  /**
   * {@link #quantileOfSorted} once {@code x[k]} is in its sorted place and all above are not less.
   */
  private static double interpolate(double[] x, int n, int k, double p) {
    if (k >= n - 1) {
      return x[k];
    }
    double next = x[k + 1];
    for (int i = k + 2; i < n; i++) {
      if (before(x[i], next)) {
        next = x[i];
      }
    }
    double h = (n - 1) * p;
    return x[k] + (h - k) * (next - x[k]);
  }

  /**
   * Rearranges {@code x[from, to)} so that {@code x[k]} is the one a sort would put there, the
   * elements before it not after it and those after it not before it. Three-way partitions around a
   * median-of-three pivot, so runs of equal values (a group whose tones are all 0) take linear
   * time.
   */
  private static void select(double[] x, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    while (hi > lo) {
      double pivot = median(x[lo], x[(lo + hi) >>> 1], x[hi]);
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        if (before(x[i], pivot)) {
          swap(x, lt++, i++);
        } else if (before(pivot, x[i])) {
          swap(x, i, gt--);
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return;
      }
    }
  }

  private static double median(double a, double b, double c) {
    if (before(b, a)) {
      double t = a;
      a = b;
      b = t;
    }
    // a <= b
    if (before(c, a)) {
      return a;
    }
    return before(c, b) ? c : b;
  }

  /** Arrays.sort's order on NaN-free doubles: numeric, −0.0 before 0.0. */
  private static boolean before(double a, double b) {
    return a < b || (a == b && Double.doubleToRawLongBits(a) < Double.doubleToRawLongBits(b));
  }

  private static void swap(double[] x, int i, int j) {
    double t = x[i];
    x[i] = x[j];
    x[j] = t;
  }

  private static double quantileOfSorted(double[] sorted, int n, double p) {
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }
}
