package dev.parallax.compare;

import java.util.SplittableRandom;

/**
 * The values {@code new SplittableRandom(seed).nextInt(bound)} returns, call after call, for one
 * fixed bound, computed without an integer division: the bootstrap draws hundreds of millions of
 * unit indices, and the hardware division in {@code nextInt(bound)}'s {@code u % bound} was most of
 * their cost. The generator is {@link SplittableRandom}'s (SplitMix64 with the golden gamma, its
 * 32-bit mix, and its rejection of over-represented candidates); the remainder comes from Lemire's
 * exact multiply-shift (D. Lemire, O. Kaser, N. Kurz, "Faster remainder by direct computation",
 * 2019: for 32-bit operands, {@code u % d == mulhi(M·u mod 2^64, d)} with {@code M = ⌊(2^64 − 1)/d⌋
 * + 1}). UniformDrawsTest checks the draws equal SplittableRandom's.
 */
final class UniformDraws {
  /** SplittableRandom's gamma for a generator made from a seed alone. */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final int bound;
  private final int mask;
  private final boolean powerOfTwo;
  private final long magic;
  private long state;

  /**
   * @param seed the seed {@code new SplittableRandom(seed)} would be given
   * @param bound upper bound (exclusive), at least 1
   */
  UniformDraws(long seed, int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    this.state = seed;
    this.bound = bound;
    this.mask = bound - 1;
    this.powerOfTwo = (bound & mask) == 0;
    this.magic = Long.divideUnsigned(-1L, bound) + 1;
  }

  /** The next value in [0, bound), as {@code SplittableRandom.nextInt(bound)} draws it. */
  int next() {
    int r = mix32(state += GOLDEN_GAMMA);
    if (powerOfTwo) {
      return r & mask;
    }
    // SplittableRandom's (RandomSupport.boundedNextInt's) loop, with u % bound by multiplication
    for (int u = r >>> 1; u + mask - (r = remainder(u)) < 0; u = mix32(state += GOLDEN_GAMMA) >>> 1)
      ;
    return r;
  }

  /** {@code u % bound} for {@code 0 <= u < 2^31}. */
  private int remainder(int u) {
    long low = magic * u;
    // the high 64 bits of the unsigned 128-bit product low · bound (bound is positive)
    return (int) (Math.multiplyHigh(low, bound) + ((low >> 63) & bound));
  }

  private static int mix32(long z) {
    z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
    return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
  }
}
