package dev.parallax.nlp.tone;

import static dev.parallax.nlp.tone.ToneTrace.num;
import static dev.parallax.nlp.tone.ToneTrace.signed;
import static dev.parallax.nlp.tone.VaderRules.ALPHA;
import static dev.parallax.nlp.tone.VaderRules.EXCLAMATION;
import static dev.parallax.nlp.tone.VaderRules.MAX_EXCLAMATIONS;
import static dev.parallax.nlp.tone.VaderRules.QUESTION;
import static dev.parallax.nlp.tone.VaderRules.QUESTION_CAP;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Immutable, Serializable, thread-safe. VADER's compound sentence score (Hutto &amp; Gilbert 2014)
 * over pre-tokenized sentences, with the domain entries of a {@link ToneLexicon}; when the lexicon
 * has AFINN-165 ({@link ToneLexicon#withAfinn}), the mean of that score and the score of the same
 * rules over AFINN-165 with the same domain entries (docs/tone.md).
 *
 * <p>With a domain lexicon the news rules apply as well: capitalised multi-word names score 0
 * ({@link Names}); a negated negative word is multiplied by −0.3 instead of −0.74, so that "not a
 * bad deal" is a weak positive; and a word up to three words after a negated or refused "rule out"
 * keeps its sign at half its valence ("did not rule out retaliation" is mildly negative). Plain
 * VADER ({@link ToneLexicon#withoutDomain}) has none of these.
 *
 * <p>The rules are those of the reference implementation (cjhutto/vaderSentiment,
 * vaderSentiment.py), applied to the sentence's "words": every token except punctuation-only tokens
 * and clitics such as "'s" or "'ll" that have no entry (VADER's whitespace tokenizer leaves those
 * attached to a word, so they take up no position in the three-word windows); a matched multi-token
 * phrase is one word, and the rules look at the words before its first token. A token with no entry
 * of its own is looked up without a possessive 's, then without leading and trailing punctuation. A
 * word with a single-word domain entry is scored, never used as a booster. Where this class departs
 * from the reference implementation:
 *
 * <ul>
 *   <li>an entry with valence 0 scores 0 whatever precedes it (VADER would let a booster lift it to
 *       ±0.293);
 *   <li>"never" three words back amplifies only together with a "so"/"this" in between (VADER's
 *       operator precedence amplifies any word preceded by "so"/"this" three or more words into the
 *       sentence);
 *   <li>"kind of", "sort of", "just enough" dampen towards zero like the one-word dampeners,
 *       wherever the word stands (VADER adds −0.293 whatever the sign, and only from the fourth
 *       word on);
 *   <li>VADER's idioms ("yeah right", "kiss of death", …) are phrases matched anywhere and scored
 *       once, with negation and boosters applying to them, instead of replacing the valence of the
 *       lexicon words they contain;
 *   <li>ALL-CAPS emphasis needs both an ALL-CAPS token and one with a lowercase letter; tokens
 *       without letters (numbers, punctuation) do not count as lowercase;
 *   <li>"but" weights words by position, not by VADER's lookup of the first equal value.
 * </ul>
 */
public final class ToneScorer implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ToneLexicon lexicon;

  public ToneScorer(ToneLexicon lexicon) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
  }

  /**
   * Compound tone in [−1, 1] for one sentence given as its tokens in order: surface forms with
   * original case, punctuation as separate tokens ("!", "?", ",", "."), possibly curly apostrophes
   * ("Japan’s", "don’t") and tokens like "U.S.", "2%", "—", "n't". Empty list → 0.
   *
   * @throws NullPointerException if the list or one of its tokens is null
   */
  public double score(List<String> tokens) {
    double score = run(lexicon, tokens, null);
    return lexicon.second == null ? score : (score + run(lexicon.second, tokens, null)) / 2;
  }

  /**
   * The same score with the contribution of every token and every rule that moved it. With a second
   * lexicon the steps are those of the VADER run, and the sentence rules end with the second run's
   * score and the mean.
   */
  public ToneExplanation explain(List<String> tokens) {
    ToneTrace trace = new ToneTrace(tokens);
    double score = run(lexicon, tokens, trace);
    if (lexicon.second != null) {
      double afinn = run(lexicon.second, tokens, null);
      double mean = (score + afinn) / 2;
      trace.sentence(
          "AFINN-165, same rules: "
              + compound(afinn)
              + "; mean of VADER and AFINN-165 → "
              + compound(mean));
      score = mean;
    }
    return trace.build(score);
  }

  private static String compound(double score) {
    return String.format(Locale.ROOT, "%+.4f", score).replace('-', '−');
  }

  private static double run(ToneLexicon lexicon, List<String> tokens, ToneTrace trace) {
    Objects.requireNonNull(tokens, "tokens");
    int n = tokens.size();
    if (n == 0) {
      return 0.0;
    }
    String[] key = new String[n];
    byte[] caseOf = new byte[n];
    boolean anyUpper = false;
    boolean anyLower = false;
    int exclamations = 0;
    int questions = 0;
    for (int i = 0; i < n; i++) {
      String t = tokens.get(i);
      if (t == null) {
        throw new NullPointerException("token " + i + " is null");
      }
      key[i] = SentenceWords.normalise(t);
      boolean cased = false;
      boolean lower = false;
      for (int c = 0; c < t.length(); c++) {
        char ch = t.charAt(c);
        if (ch == '!') {
          exclamations++;
        } else if (ch == '?') {
          questions++;
        } else if (Character.isLowerCase(ch) || Character.isTitleCase(ch)) {
          cased = true;
          lower = true;
        } else if (Character.isUpperCase(ch)) {
          cased = true;
        }
      }
      caseOf[i] =
          !cased
              ? SentenceWords.NO_CASE
              : lower ? SentenceWords.MIXED_OR_LOWER : SentenceWords.UPPER;
      anyUpper |= caseOf[i] == SentenceWords.UPPER;
      anyLower |= caseOf[i] == SentenceWords.MIXED_OR_LOWER;
    }
    boolean capDiff = anyUpper && anyLower;

    int[] names = lexicon.newsRules ? Names.find(lexicon, tokens, key) : null;
    SentenceWords w = SentenceWords.of(lexicon, key, caseOf, names, trace);
    int m = w.count;
    double[] sentiment = new double[m];
    for (int u = 0; u < m; u++) {
      sentiment[u] = WordRules.wordValence(w, u, capDiff, trace);
    }
    WordRules.butCheck(w, sentiment, trace);
    if (trace != null) {
      for (int u = 0; u < m; u++) {
        trace.value[w.token[u]] = sentiment[u];
      }
    }

    double sum = 0.0;
    for (int u = 0; u < m; u++) {
      sum += sentiment[u];
    }
    if (trace != null) {
      trace.sentence("sum of words " + signed(sum));
    }
    double emphasis = punctuationEmphasis(exclamations, questions, sum, trace);
    double x = sum > 0 ? sum + emphasis : sum < 0 ? sum - emphasis : sum;
    double score = x / Math.sqrt(x * x + ALPHA);
    score = Math.max(-1.0, Math.min(1.0, score));
    if (trace != null) {
      trace.rawSum = x;
      trace.sentence("normalised x/√(x²+15): " + signed(x) + " → " + compound(score));
    }
    return score;
  }

  private static double punctuationEmphasis(
      int exclamations, int questions, double sum, ToneTrace trace) {
    int ep = Math.min(exclamations, MAX_EXCLAMATIONS);
    double epEmphasis = ep * EXCLAMATION;
    double qmEmphasis = questions <= 1 ? 0.0 : questions <= 3 ? questions * QUESTION : QUESTION_CAP;
    if (trace != null && sum != 0) {
      String direction = sum > 0 ? "+" : "−";
      if (ep > 0) {
        trace.sentence(
            "'!' ×"
                + ep
                + (exclamations > ep ? " (of " + exclamations + ")" : "")
                + " "
                + direction
                + num(epEmphasis));
      }
      if (qmEmphasis > 0) {
        trace.sentence("'?' ×" + questions + " " + direction + num(qmEmphasis));
      }
    }
    return epEmphasis + qmEmphasis;
  }
}
