package dev.parallax.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from hand computation (shown in comments) or from naive reference
 * implementations in this class, never from {@link Statistics} itself.
 */
class StatisticsTest {

  private static final double EPS = 1e-12;

  // ---------------------------------------------------------------------------------------------
  // Moments and quantiles

  @Test
  void meanAndVarianceByHand() {
    double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
    // sum 40, n 8 -> mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32 -> variance 32/7
    assertEquals(5.0, Statistics.mean(x), EPS);
    assertEquals(32.0 / 7, Statistics.sampleVariance(x), EPS);
    assertTrue(Double.isNaN(Statistics.mean(new double[0])));
    assertTrue(Double.isNaN(Statistics.sampleVariance(new double[] {3})));
    assertEquals(3.0, Statistics.mean(new double[] {3}), 0);
  }

  @Test
  void quantileIsRType7() {
    // sorted {1,2,3,4}: h = 3p. p=0.1 -> h=0.3 -> 1 + 0.3*(2-1) = 1.3; p=0.5 -> h=1.5 -> 2.5
    double[] x = {4, 1, 3, 2};
    assertEquals(1.3, Statistics.quantile(x, 0.1), EPS);
    assertEquals(2.5, Statistics.quantile(x, 0.5), EPS);
    assertEquals(1.0, Statistics.quantile(x, 0), 0);
    assertEquals(4.0, Statistics.quantile(x, 1), 0);
    // {10,20,40}, p=0.9: h = 1.8 -> 20 + 0.8*(40-20) = 36
    assertEquals(36.0, Statistics.quantile(new double[] {40, 10, 20}, 0.9), EPS);
    assertArrayEquals(new double[] {4, 1, 3, 2}, x, "input not modified");
    assertTrue(Double.isNaN(Statistics.quantile(new double[0], 0.5)));
    assertThrows(IllegalArgumentException.class, () -> Statistics.quantile(x, 1.5));
  }

  // ---------------------------------------------------------------------------------------------
  // Bootstrap against exact enumeration
  //
  // Enumerating every equally likely resample gives the exact discrete bootstrap distribution F.
  // As the number of replicates N grows, the type-7 quantile of the replicates, which interpolates
  // between order statistics (N-1)p and (N-1)p + 1, tends to the p-quantile of F, the smallest
  // value v with F(v) >= p, whenever p is not itself a level of F. Both order statistics then
  // fall on that same atom, and the Monte Carlo limit equals the exact one to rounding, unless
  // the empirical CDF at some atom crosses p. limitQuantile() asserts every level of F lies more
  // than 6 standard errors sqrt(p(1-p)/N) (plus 2/N for the two order statistics) from p, so the
  // chance of such a crossing is below 1e-8 per atom; with equality guaranteed up to rounding,
  // the tolerance is 1e-12. All data are small integers, so the test's sums and the code's sums
  // are exact and their ratios identical.

  private static final int MC_REPS = 200_000;

  @Test
  void bootstrapMeanMatchesExactEnumeration() {
    double[] x = {1, 2, 4};
    // 27 resamples; sums: 3:1, 4:3, 5:3, 6:4, 7:6, 8:3, 9:3, 10:3, 12:1 (of 27)
    TreeMap<Double, Double> dist = new TreeMap<>();
    for (double u : x) {
      for (double v : x) {
        for (double w : x) {
          dist.merge((u + v + w) / 3, 1.0 / 27, Double::sum);
        }
      }
    }
    assertEquals(9, dist.size());
    // Hand check of the 95% interval: P(mean = 1) = P(mean = 4) = 1/27 > 0.025 -> {1, 4}.
    double[] ci95 = meanCi(x, MC_REPS, 0.95, 11);
    assertArrayEquals(new double[] {1, 4}, ci95, EPS);
    for (double level : new double[] {0.95, 0.8, 0.5}) {
      double[] ci = meanCi(x, MC_REPS, level, 12);
      assertEquals(limitQuantile(dist, (1 - level) / 2, MC_REPS), ci[0], EPS, "low at " + level);
      assertEquals(limitQuantile(dist, (1 + level) / 2, MC_REPS), ci[1], EPS, "high at " + level);
    }
  }

  /** Every pair of resamples of a and b, each (n_a^n_a · n_b^n_b of them) equally likely. */
  private static SortedMap<Double, Double> exactDiffDistribution(double[] a, double[] b) {
    List<double[]> resamplesA = allResamples(a);
    List<double[]> resamplesB = allResamples(b);
    double weight = 1.0 / ((double) resamplesA.size() * resamplesB.size());
    TreeMap<Double, Double> dist = new TreeMap<>();
    for (double[] ra : resamplesA) {
      for (double[] rb : resamplesB) {
        dist.merge(naiveMean(ra) - naiveMean(rb), weight, Double::sum);
      }
    }
    return dist;
  }

  @Test
  void sharedReplicatesGiveTheBootstrapOfTheDifference() {
    // every pair of resamples equally likely, approached by two independently drawn sets of
    // replicates
    double[] a = {0, 3};
    double[] b = {1, 2, 6};
    SortedMap<Double, Double> dist = exactDiffDistribution(a, b);
    double[] repA = Statistics.bootstrapMeans(a, MC_REPS, 23);
    double[] repB = Statistics.bootstrapMeans(b, MC_REPS, 24);
    for (double level : new double[] {0.95, 0.8, 0.5}) {
      double[] ci = Statistics.percentileDiffInterval(repA, repB, level);
      assertEquals(limitQuantile(dist, (1 - level) / 2, MC_REPS), ci[0], EPS, "low at " + level);
      assertEquals(limitQuantile(dist, (1 + level) / 2, MC_REPS), ci[1], EPS, "high at " + level);
      assertEquals(0.0, ci[2]);
    }
  }

  @Test
  void replicateEdgeCases() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Statistics.percentileDiffInterval(new double[2], new double[3], 0.9));
    assertTrue(
        Arrays.stream(Statistics.bootstrapMeans(new double[0], 3, 1)).allMatch(Double::isNaN));
  }

  @Test
  void asymptoticPermutationByHand() {
    // a = {1,2,3}, b = {4,5,6}: pooled mean 3.5, sum of squares 17.5; Var(sum of a) under
    // relabelling = 3·3/(6·5) · 17.5 = 5.25; difference = (2 sum_a - 21)/3, variance 4/9 · 5.25
    // = 7/3; observed -3, z = 1.96396, p = 2 (1 - Φ(z)) = 0.0495346
    assertEquals(
        0.04953461343562682,
        Statistics.asymptoticPermutationPValue(new double[] {1, 2, 3}, new double[] {4, 5, 6}),
        1e-12);
    assertEquals(
        1.0, Statistics.asymptoticPermutationPValue(new double[] {2, 2}, new double[] {2, 2, 2}));
    assertTrue(
        Double.isNaN(Statistics.asymptoticPermutationPValue(new double[0], new double[] {1})));
    // one sentence per article: the clustered form is the plain one
    assertEquals(
        Statistics.asymptoticPermutationPValue(new double[] {1, 2, 3}, new double[] {4, 5, 6}),
        Statistics.asymptoticPermutationPValueClustered(
            new double[][] {{1}, {2}, {3}}, new double[][] {{4}, {5}, {6}}),
        1e-15);
  }

  @Test
  void asymptoticPermutationApproachesTheExactTest() {
    // 10 + 10 skewed values: C(20, 10) = 184,756 splits enumerated exactly
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    for (double shift : new double[] {0.0, 0.3, 0.6}) {
      double[] a = new double[10];
      double[] b = new double[10];
      for (int i = 0; i < 10; i++) {
        a[i] = Math.exp(rnd.nextGaussian() * 0.5) + shift;
        b[i] = Math.exp(rnd.nextGaussian() * 0.5);
      }
      double exact = naiveExactPValue(singletons(a), singletons(b));
      double asymptotic = Statistics.asymptoticPermutationPValue(a, b);
      assertEquals(exact, asymptotic, 0.02, "shift " + shift);
    }
    // clustered: 12 articles of 1-3 sentences a side, against 200,000 Monte Carlo relabellings
    double[][] ca = new double[12][];
    double[][] cb = new double[12][];
    for (int i = 0; i < 12; i++) {
      ca[i] = new double[1 + rnd.nextInt(3)];
      cb[i] = new double[1 + rnd.nextInt(3)];
      for (int j = 0; j < ca[i].length; j++) {
        ca[i][j] = rnd.nextGaussian() * 0.4 + 0.25;
      }
      for (int j = 0; j < cb[i].length; j++) {
        cb[i][j] = rnd.nextGaussian() * 0.4;
      }
    }
    double mc = Statistics.permutationPValueClustered(ca, cb, 200_000, 9);
    assertEquals(mc, Statistics.asymptoticPermutationPValueClustered(ca, cb), 0.02);
  }

  @Test
  void clusteredBootstrapMatchesExactEnumeration() {
    double[][] clusters = {{1, 2}, {5}, {}, {3, 3, 3}};
    // 4^4 = 256 equally likely cluster resamples; only "empty x4" (1/256) has no sentence.
    TreeMap<Double, Double> conditional = new TreeMap<>();
    int empty = 0;
    for (int[] pick : allIndexTuples(4, 4)) {
      double[] pooled = pool(clusters, pick);
      if (pooled.length == 0) {
        empty++;
      } else {
        conditional.merge(naiveMean(pooled), 1.0 / 255, Double::sum);
      }
    }
    assertEquals(1, empty);
    for (double level : new double[] {0.95, 0.8, 0.6}) {
      double[] ci = meanCiClustered(clusters, MC_REPS, level, 31);
      assertEquals(
          limitQuantile(conditional, (1 - level) / 2, MC_REPS), ci[0], EPS, "low at " + level);
      assertEquals(
          limitQuantile(conditional, (1 + level) / 2, MC_REPS), ci[1], EPS, "high at " + level);
      assertSkippedNear(MC_REPS, 1.0 / 256, ci[2]);
    }
  }

  @Test
  void clusteredBootstrapDiffMatchesExactEnumeration() {
    double[][] a = {{1, 2}, {5}, {}};
    double[][] b = {{0}, {4, 4}};
    // a: 27 resamples, 1 of them empty; b: 4 resamples, none empty -> skip probability 1/27
    TreeMap<Double, Double> conditional = new TreeMap<>();
    for (int[] pa : allIndexTuples(3, 3)) {
      double[] pooledA = pool(a, pa);
      if (pooledA.length == 0) {
        continue;
      }
      for (int[] pb : allIndexTuples(2, 2)) {
        conditional.merge(naiveMean(pooledA) - naiveMean(pool(b, pb)), 1.0 / (26 * 4), Double::sum);
      }
    }
    for (double level : new double[] {0.95, 0.9, 0.5}) {
      double[] ci = diffCiClustered(a, b, MC_REPS, level, 41);
      assertEquals(
          limitQuantile(conditional, (1 - level) / 2, MC_REPS), ci[0], EPS, "low at " + level);
      assertEquals(
          limitQuantile(conditional, (1 + level) / 2, MC_REPS), ci[1], EPS, "high at " + level);
      assertSkippedNear(MC_REPS, 1.0 / 27, ci[2]);
    }
  }

  /** Skipped replicates are Binomial(reps, prob); allow 6 standard deviations. */
  private static void assertSkippedNear(int reps, double prob, double skipped) {
    double sd = Math.sqrt(reps * prob * (1 - prob));
    assertEquals(reps * prob, skipped, 6 * sd, "skipped replicates");
    assertEquals(Math.rint(skipped), skipped, 0, "a count");
  }

  /**
   * The p-quantile of a discrete distribution (value -> probability), after asserting that the
   * Monte Carlo estimate from {@code reps} draws must converge to it (see the comment above).
   */
  private static double limitQuantile(SortedMap<Double, Double> dist, double p, int reps) {
    double margin = 6 * Math.sqrt(p * (1 - p) / reps) + 2.0 / reps;
    double cdf = 0;
    Double answer = null;
    for (Map.Entry<Double, Double> e : dist.entrySet()) {
      cdf += e.getValue();
      assertTrue(
          Math.abs(cdf - p) > margin,
          "test data unsuitable: CDF level " + cdf + " too close to p = " + p);
      if (answer == null && cdf >= p) {
        answer = e.getKey();
      }
    }
    assertEquals(1.0, cdf, 1e-9);
    return answer;
  }

  @Test
  void bootstrapEdgeCases() {
    double[] nan2 = {Double.NaN, Double.NaN};
    assertArrayEquals(nan2, meanCi(new double[0], 100, 0.95, 1));
    assertArrayEquals(new double[] {7.5, 7.5}, meanCi(new double[] {7.5}, 100, 0.95, 1));
    assertArrayEquals(nan2, diffCi(new double[0], new double[] {1}, 100, 0.95, 1));
    assertArrayEquals(nan2, diffCi(new double[] {1}, new double[0], 100, 0.95, 1));
    assertArrayEquals(
        new double[] {-1, -1}, diffCi(new double[] {1}, new double[] {2}, 10, 0.95, 1));

    assertArrayEquals(
        new double[] {Double.NaN, Double.NaN, 100},
        meanCiClustered(new double[][] {{}, {}}, 100, 0.95, 1));
    assertArrayEquals(
        new double[] {Double.NaN, Double.NaN, 100}, meanCiClustered(new double[0][], 100, 0.95, 1));
    assertArrayEquals(
        new double[] {Double.NaN, Double.NaN, 100},
        diffCiClustered(new double[][] {{1}}, new double[][] {{}}, 100, 0.95, 1));

    // One sentence among three articles: every kept replicate has mean 7; a replicate is
    // skipped when the 3 draws all miss it, probability (2/3)^3 = 8/27.
    double[] single = meanCiClustered(new double[][] {{}, {7}, {}}, 27_000, 0.95, 1);
    assertEquals(7.0, single[0], 0);
    assertEquals(7.0, single[1], 0);
    assertSkippedNear(27_000, 8.0 / 27, single[2]);

    assertThrows(IllegalArgumentException.class, () -> meanCi(new double[] {1}, 0, 0.95, 1));
    assertThrows(IllegalArgumentException.class, () -> meanCi(new double[] {1}, 10, 1.0, 1));
    assertThrows(IllegalArgumentException.class, () -> meanCi(new double[] {1}, 10, 0.0, 1));
  }

  @Test
  void plainMethodsEqualClustersOfOne() {
    SplittableRandom rng = new SplittableRandom(5);
    double[] a = randomValues(rng, 40);
    double[] b = randomValues(rng, 30);
    double[] ciPlain = meanCi(a, 500, 0.9, 3);
    double[] ciClustered = meanCiClustered(singletons(a), 500, 0.9, 3);
    assertArrayEquals(new double[] {ciPlain[0], ciPlain[1], 0}, ciClustered);
    double[] diffPlain = diffCi(a, b, 500, 0.9, 3);
    double[] diffClustered = diffCiClustered(singletons(a), singletons(b), 500, 0.9, 3);
    assertArrayEquals(new double[] {diffPlain[0], diffPlain[1], 0}, diffClustered);
    assertEquals(
        Statistics.permutationPValue(a, b, 999, 3),
        Statistics.permutationPValueClustered(singletons(a), singletons(b), 999, 3));
  }

  // ---------------------------------------------------------------------------------------------
  // Determinism

  @Test
  void sameSeedSameResultDifferentSeedDifferentResult() {
    SplittableRandom rng = new SplittableRandom(99);
    double[] a = randomValues(rng, 50);
    double[] b = randomValues(rng, 60);
    double[][] ca = randomClusters(rng, 20);
    double[][] cb = randomClusters(rng, 25);

    assertArrayEquals(meanCi(a, 2000, 0.95, 7), meanCi(a, 2000, 0.95, 7));
    assertArrayEquals(diffCi(a, b, 2000, 0.95, 7), diffCi(a, b, 2000, 0.95, 7));
    assertArrayEquals(meanCiClustered(ca, 2000, 0.95, 7), meanCiClustered(ca, 2000, 0.95, 7));
    assertArrayEquals(
        diffCiClustered(ca, cb, 2000, 0.95, 7), diffCiClustered(ca, cb, 2000, 0.95, 7));
    assertEquals(
        Statistics.permutationPValue(a, b, 999, 7), Statistics.permutationPValue(a, b, 999, 7));
    assertEquals(
        Statistics.permutationPValueClustered(ca, cb, 999, 7),
        Statistics.permutationPValueClustered(ca, cb, 999, 7));

    // Continuous data: two seeds giving bit-identical limits has probability ~0.
    assertFalse(Arrays.equals(meanCi(a, 2000, 0.95, 7), meanCi(a, 2000, 0.95, 8)));
    assertFalse(Arrays.equals(diffCi(a, b, 2000, 0.95, 7), diffCi(a, b, 2000, 0.95, 8)));
    assertFalse(
        Arrays.equals(meanCiClustered(ca, 2000, 0.95, 7), meanCiClustered(ca, 2000, 0.95, 8)));
    assertFalse(
        Arrays.equals(
            diffCiClustered(ca, cb, 2000, 0.95, 7), diffCiClustered(ca, cb, 2000, 0.95, 8)));
  }

  // ---------------------------------------------------------------------------------------------
  // Permutation tests

  @Test
  void bruteForceExactPermutationByHand() {
    // The brute-force reference against hand counts.
    // 6 values split 3/3: C(6,3) = 20 splits. Observed |diff| = 8 - 2 = 6 is reached only by
    // {1,2,3} vs {7,8,9} and its mirror, every other split mixes groups -> p = 2/20.
    assertEquals(
        0.1,
        naiveExactPValue(singletons(new double[] {1, 2, 3}), singletons(new double[] {7, 8, 9})),
        EPS);
    // Identical groups: observed diff 0, every split counts -> p = 1.
    assertEquals(
        1.0,
        naiveExactPValue(singletons(new double[] {1, 2}), singletons(new double[] {1, 2})),
        EPS);
  }

  /**
   * Monte Carlo p-values with R permutations estimate the exact p with standard error
   * sqrt(p(1-p)/R) <= 0.5/sqrt(R) = 0.0016 for R = 100,000, plus the (1 + B)/(R + 1) offset of at
   * most 1/R; the tolerance 0.008 is 5 standard errors.
   */
  @Test
  void monteCarloPermutationApproachesExact() {
    double[][][] cases = {
      {{1, 2, 3}, {7, 8, 9}},
      {{1, 5, 2, 8}, {3, 9, 4}},
      {{0, 0, 1, 1}, {0, 1, 1, 1, 1}},
      {{2.5, 3.1}, {1.0, 4.2, 3.3, 0.7}},
      {{0.3, -0.2, 0.5, 0.1, 0.4}, {-0.1, 0.0, -0.4, 0.2, -0.3, 0.05}},
    };
    int reps = 100_000;
    for (double[][] c : cases) {
      double exact = naiveExactPValue(singletons(c[0]), singletons(c[1]));
      assertEquals(
          exact, Statistics.permutationPValue(c[0], c[1], reps, 17), 0.008, Arrays.deepToString(c));
    }
  }

  @Test
  void clusteredPermutationApproachesExact() {
    double[][][][] cases = {
      {{{1, 2}, {3}, {}}, {{7, 8}, {9}, {6, 6, 6}}},
      {{{0.5}, {0.1, 0.2, 0.3}, {-0.4, 0.9}}, {{0.0}, {}, {0.2, -0.1}, {0.6}}},
      {{{1}, {}}, {{}, {2, 3}, {4}}},
    };
    int reps = 100_000;
    for (double[][][] c : cases) {
      double exact = naiveExactPValue(c[0], c[1]);
      assertEquals(
          exact,
          Statistics.permutationPValueClustered(c[0], c[1], reps, 23),
          0.008,
          Arrays.deepToString(c));
    }
  }

  @Test
  void smallestPValueWith999Reps() {
    // a = 100..114 (15 values), b = 0..24 (25 values). mean(A) - mean(rest) grows with sum(A),
    // so the observed split, A = the 15 largest values, is the unique maximum (107 - 12 = 95);
    // the most negative split, A = 0..14, gives 7 - (195 + 1605)/25 = 7 - 72 = -65, smaller in
    // size. A random permutation reaches the observed split with probability 1/C(40,15), about
    // 2.5e-11, so B = 0 and p = 1/1000.
    double[] a = new double[15];
    double[] b = new double[25];
    for (int i = 0; i < 15; i++) {
      a[i] = 100 + i;
    }
    for (int i = 0; i < 25; i++) {
      b[i] = i;
    }
    assertEquals(0.001, Statistics.permutationPValue(a, b, 999, 1), 0);
    assertEquals(0.001, Statistics.permutationPValue(b, a, 999, 2), 0);
  }

  @Test
  void permutationEdgeCases() {
    double[] empty = new double[0];
    double[] one = {1};
    assertTrue(Double.isNaN(Statistics.permutationPValue(empty, one, 99, 1)));
    assertTrue(Double.isNaN(Statistics.permutationPValue(one, empty, 99, 1)));
    assertTrue(
        Double.isNaN(
            Statistics.permutationPValueClustered(
                new double[][] {{}}, new double[][] {{1}}, 99, 1)));
    assertTrue(
        Double.isNaN(
            Statistics.permutationPValueClustered(new double[][] {{1}}, new double[0][], 99, 1)));
    assertThrows(
        IllegalArgumentException.class, () -> Statistics.permutationPValue(one, one, 0, 1));
  }

  /**
   * Exact permutation p-value by brute force over bit masks: every assignment of the pooled
   * clusters with the original group sizes; splits with an empty group are left out.
   */
  private static double naiveExactPValue(double[][] a, double[][] b) {
    List<double[]> all = new ArrayList<>(Arrays.asList(a));
    all.addAll(Arrays.asList(b));
    int k = all.size();
    double observed =
        Math.abs(naiveMean(flatten(Arrays.asList(a))) - naiveMean(flatten(Arrays.asList(b))));
    int extreme = 0;
    int valid = 0;
    for (int mask = 0; mask < (1 << k); mask++) {
      if (Integer.bitCount(mask) != a.length) {
        continue;
      }
      List<double[]> groupA = new ArrayList<>();
      List<double[]> groupB = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        ((mask >> i & 1) == 1 ? groupA : groupB).add(all.get(i));
      }
      double[] fa = flatten(groupA);
      double[] fb = flatten(groupB);
      if (fa.length == 0 || fb.length == 0) {
        continue;
      }
      valid++;
      if (Math.abs(naiveMean(fa) - naiveMean(fb)) >= observed - 1e-9) {
        extreme++;
      }
    }
    return (double) extreme / valid;
  }

  // ---------------------------------------------------------------------------------------------
  // Effect sizes

  @Test
  void cohensDByHand() {
    // a: mean 2, var 1; b: mean 5.5, var (2.25+0.25+0.25+2.25)/3 = 5/3.
    // pooled var = (2*1 + 3*5/3) / 5 = 1.4, sd = 1.1832159566; d = -3.5 / 1.1832159566 =
    // -2.9580398915
    assertEquals(
        -2.958039891549808,
        Statistics.cohensD(new double[] {1, 2, 3}, new double[] {4, 5, 6, 7}),
        1e-12);
    assertEquals(
        2.958039891549808,
        Statistics.cohensD(new double[] {4, 5, 6, 7}, new double[] {1, 2, 3}),
        1e-12);
    assertTrue(Double.isNaN(Statistics.cohensD(new double[] {1}, new double[] {2, 3})));
    assertTrue(Double.isNaN(Statistics.cohensD(new double[] {1, 1}, new double[] {2, 2})));
  }

  @Test
  void cliffsDeltaByHand() {
    // a={1,2,3}, b={2,4}: pairs (1,2)< (1,4)< (2,2)= (2,4)< (3,2)> (3,4)< -> (1 - 4)/6 = -0.5
    assertEquals(-0.5, cliffsDelta(new double[] {1, 2, 3}, new double[] {2, 4}), EPS);
    assertEquals(0.5, cliffsDelta(new double[] {2, 4}, new double[] {1, 2, 3}), EPS);
    assertEquals(0.0, cliffsDelta(new double[] {3, 3}, new double[] {3}), EPS);
    assertEquals(1.0, cliffsDelta(new double[] {5, 6}, new double[] {1, 2, 3}), EPS);
    assertTrue(Double.isNaN(cliffsDelta(new double[0], new double[] {1})));
    assertTrue(Double.isNaN(cliffsDelta(new double[] {1}, new double[0])));
  }

  @Test
  void cliffsDeltaAgainstDoubleLoop() {
    SplittableRandom rng = new SplittableRandom(8);
    for (int trial = 0; trial < 100; trial++) {
      double[] a = new double[1 + rng.nextInt(40)];
      double[] b = new double[1 + rng.nextInt(40)];
      for (int i = 0; i < a.length; i++) {
        a[i] = rng.nextInt(12); // small range: many ties
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = rng.nextInt(12) + (trial % 3) - 1;
      }
      long diff = 0;
      for (double x : a) {
        for (double y : b) {
          diff += Double.compare(x, y) > 0 ? 1 : x < y ? -1 : 0;
        }
      }
      assertEquals((double) diff / (a.length * b.length), cliffsDelta(a, b), 1e-12);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fightin' Words

  @Test
  void logOddsTwoWordTable() {
    // Counts:      I     J    pooled
    //   crisis    10     5     15
    //   reform    90   195    285
    //   total    100   200    300
    // alpha0 = 30 -> alpha(crisis) = 30*15/300 = 1.5, alpha(reform) = 30*285/300 = 28.5.
    assertEquals(1.5, Statistics.priorAlpha(15, 300, 30), EPS);
    assertEquals(28.5, Statistics.priorAlpha(285, 300, 30), EPS);
    // crisis: ln(11.5 / (100+30-10-1.5)) = ln(11.5/118.5) = ln(0.0970464135) = -2.3325659252
    //         ln( 6.5 / (200+30-5-1.5))  = ln(6.5/223.5)  = ln(0.0290827740) = -3.5376092372
    //         delta = 1.2050433119; variance = 1/11.5 + 1/6.5 = 0.0869565217 + 0.1538461538
    //         = 0.2408026756; z = 1.2050433119 / 0.4907164515 = 2.4556812975
    double[] crisis = Statistics.logOddsDirichlet(10, 100, 5, 200, 1.5, 30);
    assertArrayEquals(new double[] {1.2050433119, 0.2408026756, 2.4556812975}, crisis, 1e-9);
    // reform: ln(118.5 / (130-118.5)) - ln(223.5 / (230-223.5)) = 2.3325659252 - 3.5376092372
    //         = -1.2050433119 (with two words, reform's "rest" is crisis's word+prior);
    //         variance = 1/118.5 + 1/223.5 = 0.0129130915; z = -1.2050433119/0.1136357845 =
    // -10.6044351990
    double[] reform = Statistics.logOddsDirichlet(90, 100, 195, 200, 28.5, 30);
    assertArrayEquals(new double[] {-1.2050433119, 0.0129130915, -10.6044351990}, reform, 1e-9);
  }

  @Test
  void logOddsSwapNegates() {
    double[] ij = Statistics.logOddsDirichlet(7, 1000, 30, 2500, 2.2, 500);
    double[] ji = Statistics.logOddsDirichlet(30, 2500, 7, 1000, 2.2, 500);
    assertEquals(-ij[0], ji[0], 1e-12);
    assertEquals(ij[1], ji[1], 1e-12);
    assertEquals(-ij[2], ji[2], 1e-12);
    // Same rate and size in both corpora -> no difference.
    assertArrayEquals(
        new double[] {0, 2 / 5.0, 0}, Statistics.logOddsDirichlet(4, 100, 4, 100, 1, 10), 1e-12);
  }

  @Test
  void logOddsRejectsBadArguments() {
    assertThrows(
        IllegalArgumentException.class, () -> Statistics.logOddsDirichlet(-1, 10, 1, 10, 1, 10));
    assertThrows(
        IllegalArgumentException.class, () -> Statistics.logOddsDirichlet(11, 10, 1, 10, 1, 10));
    assertThrows(
        IllegalArgumentException.class, () -> Statistics.logOddsDirichlet(1, 10, 1, 10, 0, 10));
    assertThrows(
        IllegalArgumentException.class, () -> Statistics.logOddsDirichlet(10, 10, 1, 10, 1, 0.5));
    assertThrows(
        IllegalArgumentException.class,
        () -> Statistics.logOddsDirichlet(Double.NaN, 10, 1, 10, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> Statistics.priorAlpha(1, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> Statistics.priorAlpha(-1, 10, 10));
  }

  // ---------------------------------------------------------------------------------------------
  // Normal distribution

  @Test
  void normalCdfTextbookValues() {
    assertEquals(0.5, NormalDistribution.cdf(0), 1e-15);
    assertEquals(0.9750021, NormalDistribution.cdf(1.96), 1e-7);
    assertEquals(0.1586553, NormalDistribution.cdf(-1), 1e-7);
    assertEquals(0.8413447, NormalDistribution.cdf(1), 1e-7);
    assertEquals(0.0013499, NormalDistribution.cdf(-3), 1e-7);
    assertEquals(0.0, NormalDistribution.cdf(Double.NEGATIVE_INFINITY), 0);
    assertEquals(1.0, NormalDistribution.cdf(Double.POSITIVE_INFINITY), 0);
    assertTrue(Double.isNaN(NormalDistribution.cdf(Double.NaN)));
  }

  @Test
  void normalCdfAgainstSimpsonIntegration() {
    // Central part: Φ(z) = 1/2 + ∫_0^z φ; Simpson with step <= 1e-3 has error ~1e-15.
    for (double z = -8; z <= 8; z += 0.05) {
      double expected = 0.5 + simpson(0, z, Math.max(2, (int) Math.ceil(Math.abs(z) * 1000)));
      assertEquals(expected, NormalDistribution.cdf(z), 1e-13, "z = " + z);
      assertEquals(
          1.0, NormalDistribution.cdf(z) + NormalDistribution.cdf(-z), 1e-15, "symmetry at " + z);
    }
    // Tails, relative: Φ(-x) = ∫_x^{x+12} φ (the rest is below e^-72 relative).
    for (double x : new double[] {3.0, 3.5, 4, 6, 10, 20, 35}) {
      double expected = simpson(x, x + 12, 200_000);
      double actual = NormalDistribution.cdf(-x);
      assertEquals(1.0, actual / expected, 1e-10, "tail at " + x);
    }
  }

  private static double simpson(double from, double to, int intervals) {
    int n = intervals % 2 == 0 ? intervals : intervals + 1;
    double h = (to - from) / n;
    double sum = phi(from) + phi(to);
    for (int i = 1; i < n; i++) {
      sum += (i % 2 == 1 ? 4 : 2) * phi(from + i * h);
    }
    return sum * h / 3;
  }

  private static double phi(double z) {
    return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** The interval the compare stage takes for one sample: {@code {low, high}}. */
  private static double[] meanCi(double[] x, int reps, double level, long seed) {
    return Arrays.copyOf(
        Statistics.percentileInterval(Statistics.bootstrapMeans(x, reps, seed), level), 2);
  }

  /** {@code {low, high, skipped}} for one sample of articles. */
  private static double[] meanCiClustered(double[][] clusters, int reps, double level, long seed) {
    return Statistics.percentileInterval(
        Statistics.bootstrapMeansClustered(clusters, reps, seed), level);
  }

  /** {@code {low, high}} of a difference, the two samples resampled from different seeds. */
  private static double[] diffCi(double[] a, double[] b, int reps, double level, long seed) {
    return Arrays.copyOf(
        Statistics.percentileDiffInterval(
            Statistics.bootstrapMeans(a, reps, seed),
            Statistics.bootstrapMeans(b, reps, ~seed),
            level),
        2);
  }

  /** {@code {low, high, skipped}} of a difference of two samples of articles. */
  private static double[] diffCiClustered(
      double[][] a, double[][] b, int reps, double level, long seed) {
    return Statistics.percentileDiffInterval(
        Statistics.bootstrapMeansClustered(a, reps, seed),
        Statistics.bootstrapMeansClustered(b, reps, ~seed),
        level);
  }

  /** Cliff's delta of unsorted samples: sorted copies through the merge pass. */
  private static double cliffsDelta(double[] a, double[] b) {
    double[] sa = a.clone();
    double[] sb = b.clone();
    Arrays.sort(sa);
    Arrays.sort(sb);
    return Statistics.cliffsDeltaOfSorted(sa, sb);
  }

  private static double naiveMean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** All n^n ordered resamples of {@code x}. */
  private static List<double[]> allResamples(double[] x) {
    List<double[]> out = new ArrayList<>();
    for (int[] pick : allIndexTuples(x.length, x.length)) {
      double[] r = new double[pick.length];
      for (int i = 0; i < pick.length; i++) {
        r[i] = x[pick[i]];
      }
      out.add(r);
    }
    return out;
  }

  /** All {@code base^length} tuples of indices in [0, base). */
  private static List<int[]> allIndexTuples(int base, int length) {
    List<int[]> out = new ArrayList<>();
    int total = (int) Math.pow(base, length);
    for (int code = 0; code < total; code++) {
      int[] t = new int[length];
      for (int i = 0, c = code; i < length; i++, c /= base) {
        t[i] = c % base;
      }
      out.add(t);
    }
    return out;
  }

  private static double[] pool(double[][] clusters, int[] pick) {
    List<double[]> chosen = new ArrayList<>();
    for (int i : pick) {
      chosen.add(clusters[i]);
    }
    return flatten(chosen);
  }

  private static double[] flatten(List<double[]> clusters) {
    return clusters.stream().flatMapToDouble(Arrays::stream).toArray();
  }

  private static double[][] singletons(double[] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = new double[] {x[i]};
    }
    return out;
  }

  private static double[] randomValues(SplittableRandom rng, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextDouble(-1, 1);
    }
    return x;
  }

  /** Articles of 0 to 9 sentences with tones in [-1, 1); about 5 sentences each. */
  private static double[][] randomClusters(SplittableRandom rng, int articles) {
    double[][] out = new double[articles][];
    for (int i = 0; i < articles; i++) {
      out[i] = randomValues(rng, rng.nextInt(10));
    }
    return out;
  }

  /**
   * Quantiles by selection are those of the sorted array, bit for bit (sign of zero too), on arrays
   * with many ties, all-equal arrays, both zeros, sizes 1 to 300 and every pair of levels used by
   * the intervals.
   */
  @Test
  void quantilePairBySelectionEqualsSortedQuantiles() {
    SplittableRandom rng = new SplittableRandom(5);
    double[] pool = {-1, -0.5, -0.0, 0.0, 0.25, 0.25, 1, 3.75e-3};
    double[][] levels = {{0.025, 0.975}, {0.05, 0.95}, {0.005, 0.995}, {0, 1}, {0.5, 0.5}};
    for (int trial = 0; trial < 3_000; trial++) {
      int n = 1 + rng.nextInt(300);
      double[] x = new double[n];
      int kind = rng.nextInt(3);
      for (int i = 0; i < n; i++) {
        x[i] = kind == 0 ? pool[rng.nextInt(pool.length)] : kind == 1 ? 0.0 : rng.nextGaussian();
      }
      double[] sorted = x.clone();
      Arrays.sort(sorted);
      for (double[] l : levels) {
        double[] q = Quantiles.quantilePair(x.clone(), n, l[0], l[1]);
        for (int j = 0; j < 2; j++) {
          double h = (n - 1) * l[j];
          int lo = (int) Math.floor(h);
          double expected =
              lo >= n - 1 ? sorted[n - 1] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
          assertEquals(
              Double.doubleToRawLongBits(expected),
              Double.doubleToRawLongBits(q[j]),
              "n=" + n + " p=" + l[j] + " expected " + expected + " got " + q[j]);
        }
      }
    }
  }

  /** The merge-pass Cliff's delta against counting every pair, ties and both zeros included. */
  @Test
  void cliffsDeltaOfSortedEqualsCountingEveryPair() {
    SplittableRandom rng = new SplittableRandom(9);
    double[] pool = {-1, -0.0, 0.0, 0.5, 0.5, 2};
    for (int trial = 0; trial < 2_000; trial++) {
      double[] a = new double[1 + rng.nextInt(40)];
      double[] b = new double[1 + rng.nextInt(40)];
      for (int i = 0; i < a.length; i++) {
        a[i] = rng.nextBoolean() ? pool[rng.nextInt(pool.length)] : rng.nextGaussian();
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = rng.nextBoolean() ? pool[rng.nextInt(pool.length)] : rng.nextGaussian();
      }
      long diff = 0;
      for (double x : a) {
        for (double y : b) {
          diff += x > y ? 1 : x < y ? -1 : 0;
        }
      }
      double expected = (double) diff / (a.length * b.length);
      double[] sa = a.clone();
      double[] sb = b.clone();
      Arrays.sort(sa);
      Arrays.sort(sb);
      assertEquals(expected, Statistics.cliffsDeltaOfSorted(sa, sb), 1e-15);
      assertEquals(expected, cliffsDelta(a, b), 1e-15);
    }
    assertTrue(Double.isNaN(Statistics.cliffsDeltaOfSorted(new double[0], new double[] {1})));
  }
}
