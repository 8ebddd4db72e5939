package dev.parallax.compare;

import dev.parallax.config.ConfigException;
import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import java.io.Serializable;

/**
 * The settings of the compare stage, checked once on the driver before any Spark job starts.
 *
 * @param seed base seed of every bootstrap and permutation ({@code compare.seed}); each row derives
 *     its own seed from it and the row key, see {@link Seeds}
 * @param bootstrapReps bootstrap replicates per interval, at least 1
 * @param permutations random permutations per test, at least 1
 * @param asymptoticMinUnits both sides of a difference with at least this many resampling units get
 *     the asymptotic permutation p-value instead of the Monte Carlo one; at least 2
 * @param confidence coverage of every interval, in (0, 1)
 * @param minSentences rows resting on fewer sentences (per side) are flagged {@code small_sample}
 * @param minArticlesForCluster resample whole articles when a group has at least this many
 * @param topTerms distinctive terms kept per story and source
 * @param priorScale alpha0, the total pseudo-count of the Dirichlet prior, &gt; 0
 * @param minTermCount terms seen fewer times in the whole story are not ranked
 */
public record CompareParams(
    long seed,
    int bootstrapReps,
    int permutations,
    int asymptoticMinUnits,
    double confidence,
    int minSentences,
    int minArticlesForCluster,
    int topTerms,
    double priorScale,
    int minTermCount)
    implements Serializable {

  /** Q-values below this mark a stance difference {@code significant} (false discovery rate 5%). */
  public static final double FDR = 0.05;

  public CompareParams {
    require(bootstrapReps >= 1, ConfigKeys.BOOTSTRAP_REPS, bootstrapReps, "at least 1, e.g. 2000");
    require(permutations >= 1, ConfigKeys.PERMUTATIONS, permutations, "at least 1, e.g. 4999");
    require(
        asymptoticMinUnits >= 2,
        ConfigKeys.ASYMPTOTIC_MIN_UNITS,
        asymptoticMinUnits,
        "at least 2, e.g. 50");
    require(
        confidence > 0 && confidence < 1,
        ConfigKeys.CONFIDENCE,
        confidence,
        "between 0 and 1, e.g. 0.95");
    require(minSentences >= 0, ConfigKeys.MIN_SENTENCES, minSentences, "0 or more");
    require(
        minArticlesForCluster >= 1,
        ConfigKeys.MIN_ARTICLES_CLUSTER,
        minArticlesForCluster,
        "at least 1, e.g. 5");
    require(topTerms >= 1, ConfigKeys.TOP_TERMS, topTerms, "at least 1, e.g. 30");
    require(
        priorScale > 0 && !Double.isInfinite(priorScale),
        ConfigKeys.PRIOR_SCALE,
        priorScale,
        "a positive number, e.g. 1000");
    require(minTermCount >= 1, ConfigKeys.MIN_TERM_COUNT, minTermCount, "at least 1, e.g. 3");
  }

  /** The compare settings of a resolved configuration. */
  public static CompareParams from(ParallaxConfig config) {
    return new CompareParams(
        config.longValue(ConfigKeys.SEED),
        config.intValue(ConfigKeys.BOOTSTRAP_REPS),
        config.intValue(ConfigKeys.PERMUTATIONS),
        config.intValue(ConfigKeys.ASYMPTOTIC_MIN_UNITS),
        config.doubleValue(ConfigKeys.CONFIDENCE),
        config.intValue(ConfigKeys.MIN_SENTENCES),
        config.intValue(ConfigKeys.MIN_ARTICLES_CLUSTER),
        config.intValue(ConfigKeys.TOP_TERMS),
        config.doubleValue(ConfigKeys.PRIOR_SCALE),
        config.intValue(ConfigKeys.MIN_TERM_COUNT));
  }

  /** The built-in defaults of {@link ConfigKeys}. */
  public static CompareParams defaults() {
    return new CompareParams(
        Long.parseLong(ConfigKeys.SEED.defaultValue()),
        Integer.parseInt(ConfigKeys.BOOTSTRAP_REPS.defaultValue()),
        Integer.parseInt(ConfigKeys.PERMUTATIONS.defaultValue()),
        Integer.parseInt(ConfigKeys.ASYMPTOTIC_MIN_UNITS.defaultValue()),
        Double.parseDouble(ConfigKeys.CONFIDENCE.defaultValue()),
        Integer.parseInt(ConfigKeys.MIN_SENTENCES.defaultValue()),
        Integer.parseInt(ConfigKeys.MIN_ARTICLES_CLUSTER.defaultValue()),
        Integer.parseInt(ConfigKeys.TOP_TERMS.defaultValue()),
        Double.parseDouble(ConfigKeys.PRIOR_SCALE.defaultValue()),
        Integer.parseInt(ConfigKeys.MIN_TERM_COUNT.defaultValue()));
  }

  private static void require(boolean ok, ConfigKeys.Key key, Object value, String expected) {
    if (!ok) {
      throw new ConfigException(
          "config key " + key.name() + ": '" + value + "' must be " + expected);
    }
  }
}
