package dev.parallax.nlp.tone;

import static dev.parallax.nlp.tone.ToneTrace.num;
import static dev.parallax.nlp.tone.ToneTrace.signed;
import static dev.parallax.nlp.tone.VaderRules.AFTER_BUT;
import static dev.parallax.nlp.tone.VaderRules.BEFORE_BUT;
import static dev.parallax.nlp.tone.VaderRules.BOOST;
import static dev.parallax.nlp.tone.VaderRules.CAPS;
import static dev.parallax.nlp.tone.VaderRules.DISTANCE_2;
import static dev.parallax.nlp.tone.VaderRules.DISTANCE_3;
import static dev.parallax.nlp.tone.VaderRules.NEGATION;
import static dev.parallax.nlp.tone.VaderRules.NEVER_SO;

import java.util.Set;

/**
 * VADER's rules that move the valence of one word: boosters and dampeners up to three words back,
 * ALL-CAPS emphasis, negation ("not", "no", "never so", "least"), two-word dampeners, and the
 * sentence's "but". Each step records what it did in the trace when one is given.
 */
final class WordRules {
  private WordRules() {}

  /** Factor of a negated negative under the news rules (VADER's −0.74 otherwise). */
  static final double NEGATED_NEGATIVE = -0.3;

  /** Factor of what is "not ruled out", which keeps its sign. */
  static final double NOT_RULED_OUT = 0.5;

  private static final Set<String> RULE = Set.of("rule", "rules", "ruled", "ruling");

  private static final Set<String> REFUSE =
      Set.of("refuse", "refuses", "refused", "refusing", "declined", "declines", "decline");

  /** The valence of word u after VADER's per-word rules (everything but the "but" rule). */
  static double wordValence(SentenceWords w, int u, boolean capDiff, ToneTrace trace) {
    int tok = w.token[u];
    String k = w.key[u];
    if (w.booster[u] != 0) {
      if (trace != null) {
        trace.add(
            tok, (w.booster[u] > 0 ? "booster" : "dampener") + ": scales the next three words");
      }
      return 0.0;
    }
    if (k.equals("kind") && u + 1 < w.count && w.key[u + 1].equals("of")) {
      if (trace != null) {
        trace.add(tok, "'kind of' is a dampener, not a word");
      }
      return 0.0;
    }
    double base = w.valence[u];
    if (Double.isNaN(base)) {
      if (trace != null && w.negation[u]) {
        trace.add(tok, "negation: flips the next three words");
      } else if (trace != null && k.equals("but")) {
        trace.add(tok, "contrast: words before ×0.5, after ×1.5");
      }
      return 0.0;
    }
    if (base == 0.0) {
      if (trace != null && !w.name[u]) {
        trace.add(tok, "neutral entry");
      }
      return 0.0;
    }
    if (k.equals("no") && u + 1 < w.count && w.inLexicon(u + 1)) {
      if (trace != null) {
        trace.add(tok, "'no' before a lexicon word: 0, negates that word instead");
      }
      return 0.0;
    }
    double v = base;
    int ruleVerb = w.newsRules ? notRuledOut(w, u) : -1;
    if (ruleVerb < 0
        && ((u > 0 && w.key[u - 1].equals("no"))
            || (u > 1 && w.key[u - 2].equals("no"))
            || (u > 2
                && w.key[u - 3].equals("no")
                && (w.key[u - 1].equals("or") || w.key[u - 1].equals("nor"))))) {
      v = negate(w, u, v, "no", trace);
    }
    if (w.upper[u] && capDiff) {
      double caps = v > 0 ? CAPS : -CAPS;
      v += caps;
      if (trace != null) {
        trace.add(tok, "ALL CAPS " + signed(caps));
      }
    }
    for (int d = 1; d <= 3; d++) {
      if (u >= d && !w.inLexicon(u - d)) {
        v = boost(w, u, d, v, capDiff, trace);
        if (u - d > ruleVerb) {
          v = negationCheck(w, u, d, v, trace);
        }
      }
    }
    if (ruleVerb >= 0) {
      v *= NOT_RULED_OUT;
      if (trace != null) {
        trace.add(tok, "not ruled out: keeps its sign ×" + num(NOT_RULED_OUT));
      }
    }
    for (int d = 2; d <= 3; d++) {
      if (u >= d && VaderRules.bigramScalar(w.key[u - d], w.key[u - d + 1]) != 0) {
        double s = v < 0 ? BOOST : -BOOST;
        v += s;
        if (trace != null) {
          trace.add(tok, "dampener '" + w.key[u - d] + " " + w.key[u - d + 1] + "' " + signed(s));
        }
      }
    }
    return leastCheck(w, u, v, trace);
  }

  private static double boost(
      SentenceWords w, int u, int d, double v, boolean capDiff, ToneTrace trace) {
    double s = w.booster[u - d];
    if (s == 0) {
      return v;
    }
    boolean dampener = s < 0;
    if (v < 0) {
      s = -s;
    }
    boolean caps = w.upper[u - d] && capDiff;
    if (caps) {
      s += v > 0 ? CAPS : -CAPS;
    }
    if (d == 2) {
      s *= DISTANCE_2;
    } else if (d == 3) {
      s *= DISTANCE_3;
    }
    if (trace != null) {
      trace.add(
          w.token[u],
          (dampener ? "dampener '" : "booster '")
              + w.key[u - d]
              + "'"
              + (caps ? " in ALL CAPS" : "")
              + (d == 2 ? " (2 back ×0.95)" : d == 3 ? " (3 back ×0.9)" : "")
              + " "
              + signed(s));
    }
    return v + s;
  }

  /** VADER's negation check for the word d positions before word u (which has no lexicon entry). */
  private static double negationCheck(SentenceWords w, int u, int d, double v, ToneTrace trace) {
    String[] k = w.key;
    if ((d == 2 && k[u - 2].equals("never") && isSoOrThis(k[u - 1]))
        || (d == 3 && k[u - 3].equals("never") && (isSoOrThis(k[u - 2]) || isSoOrThis(k[u - 1])))) {
      if (trace != null) {
        trace.add(w.token[u], "'never so/this' ×" + num(NEVER_SO));
      }
      return v * NEVER_SO;
    }
    if ((d == 2 && k[u - 2].equals("without") && k[u - 1].equals("doubt"))
        || (d == 3
            && k[u - 3].equals("without")
            && (k[u - 2].equals("doubt") || k[u - 1].equals("doubt")))) {
      if (trace != null) {
        trace.add(w.token[u], "'without doubt' does not negate");
      }
      return v;
    }
    if (w.negation[u - d]) {
      return negate(w, u, v, k[u - d], trace);
    }
    return v;
  }

  /**
   * v negated by the word {@code by}: ×−0.74 as in VADER, but with the news rules a negated
   * negative becomes only a weak positive (×{@link #NEGATED_NEGATIVE}): "not a bad deal" is faint
   * praise, and "no threat" removes a worry rather than reporting good news.
   */
  private static double negate(SentenceWords w, int u, double v, String by, ToneTrace trace) {
    double f = w.newsRules && v < 0 ? NEGATED_NEGATIVE : NEGATION;
    if (trace != null) {
      trace.add(
          w.token[u],
          "negated by '" + by + "' ×" + num(f) + (f == NEGATION ? "" : " (negated negative)"));
    }
    return v * f;
  }

  /**
   * With word u up to three words after "rule out" ("rules", "ruled", "ruling") that is itself
   * negated or refused up to three words before ("did not rule out", "refused to rule out"): the
   * index of the rule verb, else −1. The thing not ruled out keeps its own sign, mildly: "officials
   * did not rule out retaliation" reports a possible retaliation, not good news.
   */
  static int notRuledOut(SentenceWords w, int u) {
    for (int o = u - 1; o >= Math.max(1, u - 3); o--) {
      if (!w.key[o].equals("out") || !RULE.contains(w.key[o - 1])) {
        continue;
      }
      int verb = o - 1;
      for (int b = verb - 1; b >= Math.max(0, verb - 3); b--) {
        if (w.negation[b] || REFUSE.contains(w.key[b])) {
          return verb;
        }
      }
    }
    return -1;
  }

  private static double leastCheck(SentenceWords w, int u, double v, ToneTrace trace) {
    if (u > 0 && !w.inLexicon(u - 1) && w.key[u - 1].equals("least")) {
      boolean comparative = u > 1 && (w.key[u - 2].equals("at") || w.key[u - 2].equals("very"));
      if (!comparative) {
        return negate(w, u, v, "least", trace);
      }
    }
    return v;
  }

  /** VADER's "but" rule: words before the first "but" weigh ×0.5, those after ×1.5. */
  static void butCheck(SentenceWords w, double[] sentiment, ToneTrace trace) {
    int but = -1;
    for (int u = 0; u < w.count; u++) {
      if (w.key[u].equals("but")) {
        but = u;
        break;
      }
    }
    if (but < 0) {
      return;
    }
    for (int u = 0; u < w.count; u++) {
      if (u == but || sentiment[u] == 0) {
        continue;
      }
      double f = u < but ? BEFORE_BUT : AFTER_BUT;
      sentiment[u] *= f;
      if (trace != null) {
        trace.add(
            w.token[u], "but: ×" + num(f) + (u < but ? " before contrast" : " after contrast"));
      }
    }
  }

  private static boolean isSoOrThis(String key) {
    return key.equals("so") || key.equals("this");
  }
}
