package dev.parallax.compare;

/** The standard normal distribution function, for the asymptotic permutation test. */
final class NormalDistribution {
  private NormalDistribution() {}

  /** Above this |z|, {@link #cdf} evaluates the tail by continued fraction instead of series. */
  private static final double TAIL_SWITCH = 3.0;

  private static final double INV_SQRT_2PI = 0.3989422804014327;

  /**
   * Standard normal distribution function Φ(z), with absolute error below 1e-15 and, for {@code z <
   * -3}, relative error below 1e-13, so an upper tail is best taken as {@code cdf(-z)} and a
   * two-sided p-value as {@code 2 * cdf(-Math.abs(z))}. For {@code |z| <= 3} it sums Marsaglia's
   * (2004) series {@code Φ(z) = 1/2 + φ(z) (z + z^3/3 + z^5/(3·5) + ...)}; beyond, it evaluates
   * Laplace's continued fraction for the tail, {@code 1 - Φ(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x +
   * ...))))}.
   *
   * @return Φ(z) in [0, 1]; 0 for -∞, 1 for +∞, NaN for NaN
   */
  static double cdf(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    if (z < -TAIL_SWITCH) {
      return upperTail(-z);
    }
    if (z > TAIL_SWITCH) {
      return 1 - upperTail(z);
    }
    double z2 = z * z;
    double term = z;
    double sum = z;
    for (int k = 3; ; k += 2) {
      term *= z2 / k;
      double next = sum + term;
      if (next == sum) {
        break;
      }
      sum = next;
    }
    return 0.5 + sum * density(z);
  }

  /** {@code 1 - Φ(x)} for {@code x > TAIL_SWITCH}, by the modified Lentz algorithm. */
  private static double upperTail(double x) {
    if (x == Double.POSITIVE_INFINITY) {
      return 0;
    }
    double f = x;
    double c = x;
    double d = 0;
    for (int k = 1; k < 500; k++) {
      d = 1 / (x + k * d);
      c = x + k / c;
      double step = c * d;
      f *= step;
      if (Math.abs(step - 1) < 1e-16) {
        break;
      }
    }
    return density(x) / f;
  }

  private static double density(double z) {
    return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
  }
}
