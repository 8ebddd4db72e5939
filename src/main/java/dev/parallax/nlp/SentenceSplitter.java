package dev.parallax.nlp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentence boundaries in one linear pass, identical to Spark NLP's {@code SentenceDetector} as
 * {@link NlpPipeline#sentenceDetector()} configures it: custom bounds only ({@link
 * NlpPipeline#SENTENCE_END}, then {@link NlpPipeline#PARAGRAPH}), strategy {@code append}, no
 * length limits.
 *
 * <p>What the detector does with that configuration (Spark NLP 5.5.3, {@code
 * CustomPragmaticMethod}, {@code PragmaticSentenceExtractor}, {@code SentenceDetector.annotate}):
 * each bound's regular expression, in order, puts a break symbol after each of its matches; the
 * text is split at the symbols; each piece is {@code String.trim()}-med; a piece left empty is
 * dropped; a sentence's begin is where its trimmed text is found in the input, searching on from
 * the previous sentence, and its end is {@code begin + length - 1}. Since the symbols sit after a
 * sentence end's punctuation (before the whitespace the bound's lookahead requires) or after a
 * paragraph break's last newline, the paragraph bound sees every whitespace run whole: its matches
 * are those in the text itself. So the breaks are the ends of the two bounds' matches in the input,
 * and the sentences are the trimmed pieces between them.
 *
 * <p>This class finds those matches without running either expression over the text. A sentence end
 * is a maximal run of {@code .!?} with the closing quotes after it, followed by whitespace and an
 * optional opening quote before a capital or digit; the regular expression, started anywhere in
 * such a run, ends at the same place and succeeds or fails on the same lookahead, so the match
 * starts at the first character of the run whose lookbehinds (no abbreviation, no single capital
 * letter before it) pass. Only those lookbehinds go through {@code java.util.regex}, at the
 * punctuation itself, so their word boundaries are Java's. A paragraph break is a whitespace run
 * with two or more newlines; the match ends after its last newline. Each run is read once: the pass
 * is linear in the text, where the regular expression backtracks over a long run of punctuation,
 * and Spark NLP's split looks ahead to the end of the text at every break.
 *
 * <p>Texts holding the detector's private symbols ({@code U+F050}–{@code U+F057}) or the box
 * drawing characters it uses as placeholders ({@code U+2550}–{@code U+256C}), which its symbol
 * recovery would rewrite, are not split here: {@link #split} returns {@code null}. {@link
 * NlpPipeline} masks them first ({@link #maskReserved}), on this path and on Spark NLP's, so the
 * detector's rewriting never reaches a sentence's offsets or text. {@code NlpEquivalenceTest}
 * checks the boundaries against the detector.
 */
final class SentenceSplitter {
  /** The sentence-end bound's two lookbehinds, tested at the punctuation where a match starts. */
  private static final Pattern LOOKBEHINDS =
      Pattern.compile("(?<!\\b(?:" + NlpPipeline.ABBREVIATIONS + "))(?<!\\b[A-Z])");

  private SentenceSplitter() {}

  /**
   * Sentences of {@code text} as {@code [begin0, end0, begin1, end1, ...]}, ends inclusive as in
   * Spark NLP's annotations; {@code null} when the text holds a character the detector reserves.
   * The sentence text is {@code text.substring(begin, end + 1)}.
   */
  static int[] split(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (isReserved(text.charAt(i))) {
        return null;
      }
    }
    Sentences out = new Sentences();
    Matcher lookbehinds = LOOKBEHINDS.matcher(text).useTransparentBounds(true);
    int pieceStart = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isPunct(c)) {
        int j = i;
        while (j < n && isPunct(text.charAt(j))) {
          j++;
        }
        int k = j;
        while (k < n && isClosingQuote(text.charAt(k))) {
          k++;
        }
        if (followedByCapital(text, k)) {
          for (int s = i; s < j; s++) {
            if (lookbehinds.region(s, n).lookingAt()) {
              out.piece(text, pieceStart, k);
              pieceStart = k;
              break;
            }
          }
        }
        i = k > j ? k : j;
      } else if (isSpace(c)) {
        int first = -1;
        int last = -1;
        int j = i;
        while (j < n && isSpace(text.charAt(j))) {
          if (text.charAt(j) == '\n') {
            if (first < 0) {
              first = j;
            }
            last = j;
          }
          j++;
        }
        if (first >= 0 && last > first) {
          out.piece(text, pieceStart, last + 1);
          pieceStart = last + 1;
        }
        i = j;
      } else {
        i++;
      }
    }
    out.piece(text, pieceStart, n);
    return out.toArray();
  }

  /**
   * The sentence-end bound's lookahead at {@code k}: {@code (?=\s+["“‘(]?[A-Z0-9])}. Backtracking
   * the whitespace cannot help (a shorter run is followed by whitespace), so the run is maximal.
   */
  private static boolean followedByCapital(String text, int k) {
    int n = text.length();
    int m = k;
    while (m < n && isSpace(text.charAt(m))) {
      m++;
    }
    if (m == k || m >= n) {
      return false;
    }
    char c = text.charAt(m);
    if (isCapitalOrDigit(c)) {
      return true;
    }
    return isOpeningQuote(c) && m + 1 < n && isCapitalOrDigit(text.charAt(m + 1));
  }

  private static boolean isPunct(char c) {
    return c == '.' || c == '!' || c == '?';
  }

  private static boolean isClosingQuote(char c) {
    return c == '"' || c == '”' || c == '’' || c == ')';
  }

  private static boolean isOpeningQuote(char c) {
    return c == '"' || c == '“' || c == '‘' || c == '(';
  }

  private static boolean isCapitalOrDigit(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** What {@link #maskReserved} puts in place of a reserved character: not a word character. */
  static final char MASK = '\uFFFD';

  /**
   * {@code text} with each character the detector reserves (see {@link #split}) replaced by {@link
   * #MASK}: the same length, so offsets hold in both, and the same boundaries, since the bounds
   * read neither kind of character (both are non-word, non-space, not punctuation or quotes).
   * {@code text} itself when it has none.
   */
  static String maskReserved(String text) {
    char[] out = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (isReserved(text.charAt(i))) {
        if (out == null) {
          out = text.toCharArray();
        }
        out[i] = MASK;
      }
    }
    return out == null ? text : new String(out);
  }

  private static boolean isReserved(char c) {
    return (c >= '\uF050' && c <= '\uF057') || (c >= '\u2550' && c <= '\u256C');
  }

  /** Java's {@code \s} without UNICODE_CHARACTER_CLASS: {@code [ \t\n\x0B\f\r]}. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** Collected sentence bounds: each piece between breaks, trimmed as {@code String.trim()}. */
  private static final class Sentences {
    private int[] bounds = new int[32];
    private int size;

    void piece(String text, int from, int to) {
      while (from < to && text.charAt(from) <= ' ') {
        from++;
      }
      while (to > from && text.charAt(to - 1) <= ' ') {
        to--;
      }
      if (from == to) {
        return;
      }
      if (size + 2 > bounds.length) {
        bounds = java.util.Arrays.copyOf(bounds, 2 * bounds.length);
      }
      bounds[size++] = from;
      bounds[size++] = to - 1;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(bounds, size);
    }
  }
}
