package dev.parallax.compare;

/**
 * The "Fightin' Words" log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &amp;
 * Quinn 2008), the arithmetic behind {@link LogOdds}.
 */
final class FightinWords {
  private FightinWords() {}

  /**
   * Log-odds ratio of a word between corpora I and J with an informative Dirichlet prior (eq.
   * 16–22):
   *
   * <pre>
   *   delta    = ln((yI + aW) / (nI + a0 - yI - aW)) - ln((yJ + aW) / (nJ + a0 - yJ - aW))
   *   variance = 1 / (yI + aW) + 1 / (yJ + aW)
   *   z        = delta / sqrt(variance)
   * </pre>
   *
   * delta is in natural-log odds and positive when the word is more typical of I; z is
   * approximately standard normal under no difference.
   *
   * @param yI count of the word in corpus I, {@code 0 <= yI <= nI}
   * @param nI total word count (tokens) of corpus I
   * @param yJ count of the word in corpus J, {@code 0 <= yJ <= nJ}
   * @param nJ total word count of corpus J
   * @param alphaW the word's prior pseudo-count, > 0, usually {@link #priorAlpha}
   * @param alpha0 the prior's total pseudo-count over the vocabulary (the same value passed to
   *     {@link #priorAlpha})
   * @return {@code {delta, variance, z}}
   * @throws IllegalArgumentException if a count is negative or NaN, a word count exceeds its
   *     corpus, {@code alphaW <= 0}, or {@code n + alpha0 - y - alphaW <= 0} for either corpus
   */
  static double[] logOddsDirichlet(
      double yI, double nI, double yJ, double nJ, double alphaW, double alpha0) {
    if (!(yI >= 0 && yI <= nI && yJ >= 0 && yJ <= nJ)) {
      throw new IllegalArgumentException(
          "need 0 <= y <= n for both corpora: yI=" + yI + " nI=" + nI + " yJ=" + yJ + " nJ=" + nJ);
    }
    if (!(alphaW > 0)) {
      throw new IllegalArgumentException("alphaW must be positive: " + alphaW);
    }
    double wordI = yI + alphaW;
    double wordJ = yJ + alphaW;
    double restI = nI + alpha0 - wordI;
    double restJ = nJ + alpha0 - wordJ;
    if (!(restI > 0 && restJ > 0)) {
      throw new IllegalArgumentException("alpha0 too small for alphaW=" + alphaW + ": " + alpha0);
    }
    double delta = Math.log(wordI / restI) - Math.log(wordJ / restJ);
    double variance = 1 / wordI + 1 / wordJ;
    return new double[] {delta, variance, delta / Math.sqrt(variance)};
  }

  /**
   * Informative Dirichlet prior for one word, {@code alpha0 * countAll / totalAll}: the word's
   * share of the pooled corpus (I and J together, or a larger background corpus) scaled to the
   * prior's total pseudo-count {@code alpha0}. {@code alpha0} sets how strongly the prior shrinks
   * rare words; callers typically use the pooled corpus size (the prior then weighs as much as the
   * data) or a configured scale. The result is 0 for a word absent from the pooled corpus, which
   * {@link #logOddsDirichlet} rejects, so only score words the pooled corpus contains.
   *
   * @param countAll count of the word in the pooled corpus, >= 0
   * @param totalAll total word count of the pooled corpus, > 0
   * @param alpha0 the prior's total pseudo-count, > 0
   */
  static double priorAlpha(double countAll, double totalAll, double alpha0) {
    if (!(countAll >= 0 && totalAll > 0 && alpha0 > 0)) {
      throw new IllegalArgumentException(
          "need countAll >= 0, totalAll > 0, alpha0 > 0: "
              + countAll
              + ", "
              + totalAll
              + ", "
              + alpha0);
    }
    return alpha0 * countAll / totalAll;
  }
}
