package dev.parallax.nlp.tone;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ToneScorer#explain} collects while scoring: each token's base valence, final value
 * and the rules that moved it, and the sentence-level steps.
 */
final class ToneTrace {
  final List<String> tokens;
  final double[] base;
  final double[] value;
  final List<List<String>> rules;
  final List<String> sentence = new ArrayList<>();
  final List<String> neutralised = new ArrayList<>();
  double rawSum;

  ToneTrace(List<String> tokens) {
    this.tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
    int n = this.tokens.size();
    base = new double[n];
    value = new double[n];
    rules = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rules.add(new ArrayList<>(2));
    }
  }

  void add(int token, String rule) {
    rules.get(token).add(rule);
  }

  void sentence(String rule) {
    sentence.add(rule);
  }

  ToneExplanation build(double score) {
    List<ToneExplanation.Step> steps = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      steps.add(new ToneExplanation.Step(i, tokens.get(i), base[i], value[i], rules.get(i)));
    }
    return new ToneExplanation(score, rawSum, steps, sentence, neutralised);
  }

  /** v rounded to three decimals, without trailing zeros, with a typographic minus. */
  static String num(double v) {
    long thousandths = Math.round(v * 1000);
    String s = BigDecimal.valueOf(thousandths, 3).stripTrailingZeros().toPlainString();
    return thousandths < 0 ? "−" + s.substring(1) : s;
  }

  static String signed(double v) {
    return v >= 0 ? "+" + num(v) : num(v);
  }
}
