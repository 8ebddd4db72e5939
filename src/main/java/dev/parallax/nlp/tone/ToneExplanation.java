package dev.parallax.nlp.tone;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How {@link ToneScorer} arrived at a sentence's score.
 *
 * @param score the compound tone in [−1, 1], equal to {@link ToneScorer#score}
 * @param rawSum the unnormalised sum x of the VADER run, after punctuation emphasis; without a
 *     second lexicon score = x/√(x²+15) clamped
 * @param steps one step per input token, in input order
 * @param sentenceRules the rules applied to the whole sentence after the word sum, in order
 *     (punctuation emphasis, normalisation, and with AFINN-165 its score and the mean)
 * @param neutralised the capitalised names and fixed terms whose words were not scored, as written,
 *     each followed by "(name)" or "(fixed term)", in order
 */
public record ToneExplanation(
    double score,
    double rawSum,
    List<Step> steps,
    List<String> sentenceRules,
    List<String> neutralised) {

  private static final int MAX_TOKEN_WIDTH = 24;

  public ToneExplanation {
    steps = List.copyOf(steps);
    sentenceRules = List.copyOf(sentenceRules);
    neutralised = List.copyOf(neutralised);
  }

  /**
   * One token's part in the score.
   *
   * @param index the token's position in the input
   * @param token the token as given
   * @param base the valence of its lexicon entry or phrase before any rule, 0 if it has none
   * @param value what it adds to the word sum after every rule, including "but"
   * @param rules the rules applied, in order, each with its effect, e.g. "negated by 'not' ×−0.74"
   */
  public record Step(int index, String token, double base, double value, List<String> rules) {
    public Step {
      Objects.requireNonNull(token, "token");
      rules = List.copyOf(rules);
    }
  }

  /**
   * A table of the tokens with their base valence, final value and rules, then the sentence-level
   * rules, then a line "neutralised: …" listing the names and fixed terms when there are any.
   */
  @Override
  public String toString() {
    int width = 5;
    for (Step s : steps) {
      width = Math.max(width, Math.min(MAX_TOKEN_WIDTH, s.token().length()));
    }
    StringBuilder sb = new StringBuilder();
    sb.append("tone ")
        .append(String.format(Locale.ROOT, "%+.4f", score).replace('-', '−'))
        .append("  (x = ")
        .append(ToneTrace.signed(rawSum))
        .append(")\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "%4s  %-" + width + "s  %8s  %8s  %s\n",
            "#",
            "token",
            "base",
            "value",
            "rules"));
    for (Step s : steps) {
      String token =
          s.token().length() <= MAX_TOKEN_WIDTH
              ? s.token()
              : s.token().substring(0, MAX_TOKEN_WIDTH - 1) + "…";
      boolean silent = s.base() == 0 && s.value() == 0;
      sb.append(
          String.format(
                  Locale.ROOT,
                  "%4d  %-" + width + "s  %8s  %8s  %s",
                  s.index(),
                  token,
                  silent ? "·" : ToneTrace.signed(s.base()),
                  silent ? "·" : ToneTrace.signed(s.value()),
                  String.join("; ", s.rules()))
              .stripTrailing());
      sb.append('\n');
    }
    for (String rule : sentenceRules) {
      sb.append("      ").append(rule).append('\n');
    }
    if (!neutralised.isEmpty()) {
      sb.append("      neutralised: ").append(String.join(", ", neutralised)).append('\n');
    }
    return sb.toString();
  }
}
