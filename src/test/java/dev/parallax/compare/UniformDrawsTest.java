package dev.parallax.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UniformDrawsTest {

  /** The first {@code n} draws of both generators for one seed and bound must be equal. */
  private static void sameDraws(long seed, int bound, int n) {
    SplittableRandom reference = new SplittableRandom(seed);
    UniformDraws draws = new UniformDraws(seed, bound);
    for (int i = 0; i < n; i++) {
      int expected = reference.nextInt(bound);
      assertEquals(expected, draws.next(), "seed " + seed + " bound " + bound + " draw " + i);
    }
  }

  @Test
  void equalSplittableRandomsBoundedDrawsForSmallAndPowerOfTwoBounds() {
    for (int bound = 1; bound <= 1100; bound++) {
      sameDraws(bound * 7919L - 3, bound, 300);
    }
    for (int shift = 0; shift < 31; shift++) {
      sameDraws(shift, 1 << shift, 200);
    }
  }

  @Test
  void equalSplittableRandomsBoundedDrawsForRandomSeedsAndBounds() {
    SplittableRandom meta = new SplittableRandom(20261204L);
    for (int t = 0; t < 3000; t++) {
      long seed = meta.nextLong();
      int bound = 1 + meta.nextInt(t % 3 == 0 ? Integer.MAX_VALUE : 1 << (1 + t % 30));
      sameDraws(seed, bound, 50);
    }
  }

  @Test
  void equalSplittableRandomsBoundedDrawsNearTheTopOfTheRange() {
    // bounds above 2^30 reject up to half of the candidates: the rejection loop is exercised
    for (int bound :
        new int[] {
          Integer.MAX_VALUE, Integer.MAX_VALUE - 1, (1 << 30) + 1, (1 << 30) - 1, 1_500_000_001
        }) {
      sameDraws(bound, bound, 5000);
      sameDraws(-bound, bound, 5000);
    }
  }

  @Test
  void bootstrapMeansEqualTheSplittableRandomFormulation() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int t = 0; t < 200; t++) {
      int k = 1 + rnd.nextInt(900);
      double[][] clusters = new double[k][];
      for (int i = 0; i < k; i++) {
        clusters[i] = new double[rnd.nextInt(4)];
        for (int j = 0; j < clusters[i].length; j++) {
          clusters[i][j] = rnd.nextDouble() * 2 - 1;
        }
      }
      long seed = rnd.nextLong();
      int reps = 1 + rnd.nextInt(300);
      // the former draws: one SplittableRandom, nextInt(k) per unit, summed in draw order
      double[] expected = new double[reps];
      SplittableRandom rng = new SplittableRandom(seed);
      double[] sums = new double[k];
      int[] sizes = new int[k];
      long total = 0;
      for (int i = 0; i < k; i++) {
        for (double v : clusters[i]) {
          sums[i] += v;
        }
        sizes[i] = clusters[i].length;
        total += sizes[i];
      }
      for (int r = 0; r < reps; r++) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < k; i++) {
          int c = rng.nextInt(k);
          sum += sums[c];
          n += sizes[c];
        }
        expected[r] = n == 0 ? Double.NaN : sum / n;
      }
      if (total == 0) {
        java.util.Arrays.fill(expected, Double.NaN);
      }
      assertArrayEquals(expected, Statistics.bootstrapMeansClustered(clusters, reps, seed));
    }
  }

  @Test
  void refusesABoundBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new UniformDraws(1, 0));
  }
}
