package dev.parallax.compare;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Column functions for the "Fightin' Words" log-odds of one group against the rest of its story,
 * with the informative Dirichlet prior taken from the pooled story ({@link
 * Statistics#logOddsDirichlet}, {@link Statistics#priorAlpha}).
 *
 * <p>Inputs are counts: {@code y} the item's count in the group, {@code n} the group's total,
 * {@code yStory}/{@code nStory} the same for the whole story; the rest is story minus group. The
 * result is null when it is undefined: no rest ({@code nStory = n}), an item absent from the story,
 * or counts outside the method's contract.
 */
final class LogOdds {
  private LogOdds() {}

  private static final UserDefinedFunction DELTA =
      udf(
          (UDF5<Long, Long, Long, Long, Double, Double>)
              (y, n, ys, ns, a0) -> part(y, n, ys, ns, a0, 0),
          DataTypes.DoubleType);
  private static final UserDefinedFunction Z =
      udf(
          (UDF5<Long, Long, Long, Long, Double, Double>)
              (y, n, ys, ns, a0) -> part(y, n, ys, ns, a0, 2),
          DataTypes.DoubleType);

  /** The log-odds ratio delta (natural log), group against rest. */
  static Column delta(Column y, Column n, Column yStory, Column nStory, double alpha0) {
    return DELTA.apply(y, n, yStory, nStory, lit(alpha0));
  }

  /** The z-score of delta. */
  static Column z(Column y, Column n, Column yStory, Column nStory, double alpha0) {
    return Z.apply(y, n, yStory, nStory, lit(alpha0));
  }

  /** {@code {delta, variance, z}} of the group against the rest, or null when undefined. */
  static double[] score(long y, long n, long yStory, long nStory, double alpha0) {
    long yRest = yStory - y;
    long nRest = nStory - n;
    if (nRest <= 0 || yStory <= 0 || nStory <= 0 || yRest < 0) {
      return null;
    }
    try {
      double alphaW = Statistics.priorAlpha((double) yStory, (double) nStory, alpha0);
      return Statistics.logOddsDirichlet(
          (double) y, (double) n, (double) yRest, (double) nRest, alphaW, alpha0);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Double part(Long y, Long n, Long ys, Long ns, Double a0, int index) {
    if (y == null || n == null || ys == null || ns == null || a0 == null) {
      return null;
    }
    double[] s = score(y, n, ys, ns, a0);
    return s == null || Double.isNaN(s[index]) ? null : s[index];
  }
}
