package dev.parallax.nlp.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentence boundaries for Japanese, Chinese and Korean text, as code-point spans {@code [begin,
 * end)} of the text.
 *
 * <p>A sentence ends at:
 *
 * <ul>
 *   <li>a run of the ideographic full stop 。 and the full-width marks ！ ？ (and ．), in every
 *       language;
 *   <li>ASCII {@code ! ?}, and for Korean, which uses Western punctuation, {@code .}: only when a
 *       space or the end of the text follows (after any closing marks), so "2.5%", "U.S.와" and
 *       "Yahoo!ニュース" stay whole;
 *   <li>a paragraph break (a line break followed by a blank line); a single line break does not end
 *       a sentence.
 * </ul>
 *
 * <p>Closing quotes and brackets right after the end mark ({@code 」』）)】〉》”’"'}) stay with the
 * sentence. An end mark inside brackets or quotes ({@code 「『（(【〈《“〔［}) does not end the sentence,
 * unless closing marks right after it close every open bracket (Chinese quotes a whole sentence as
 * {@code 他说：“……。”}). In Japanese a quote closed that way followed by the quotative particle と or っ
 * (「……。」と述べた) continues the sentence. Brackets are counted per paragraph, so an unbalanced one
 * cannot swallow more than its paragraph.
 */
final class SentenceSplitter {

  private SentenceSplitter() {}

  /** The sentence spans of {@code text} in {@code language} (ja, zh or ko), in order. */
  static List<int[]> split(String text, String language) {
    boolean korean = "ko".equals(language);
    boolean japanese = "ja".equals(language);
    int[] cps = text.codePoints().toArray();
    int n = cps.length;
    List<int[]> out = new ArrayList<>();
    int start = skipSpace(cps, 0);
    int depth = 0;
    int i = start;
    while (i < n) {
      int c = cps[i];
      if (c == '\n' && blankLineFollows(cps, i)) {
        emit(out, cps, start, i);
        start = skipSpace(cps, i);
        i = start;
        depth = 0;
        continue;
      }
      if (isOpener(c)) {
        depth++;
        i++;
        continue;
      }
      if (isCloser(c)) {
        depth = Math.max(0, depth - 1);
        i++;
        continue;
      }
      boolean wide = isWideTerminator(c);
      boolean ascii = c == '!' || c == '?' || (korean && c == '.');
      if (!wide && !ascii) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n
          && (isWideTerminator(cps[j])
              || cps[j] == '!'
              || cps[j] == '?'
              || (korean && cps[j] == '.'))) {
        wide |= isWideTerminator(cps[j]);
        j++;
      }
      int depthAfter = depth;
      while (j < n && (isCloser(cps[j]) || isAttachingQuote(cps[j]))) {
        if (isCloser(cps[j])) {
          depthAfter = Math.max(0, depthAfter - 1);
        }
        j++;
      }
      boolean closedAQuote = depthAfter < depth;
      boolean ends =
          depthAfter == 0
              && (wide || j == n || Character.isWhitespace(cps[j]))
              && !(japanese && closedAQuote && j < n && (cps[j] == 'と' || cps[j] == 'っ'));
      depth = depthAfter;
      if (ends) {
        emit(out, cps, start, j);
        start = skipSpace(cps, j);
        i = start;
      } else {
        i = j;
      }
    }
    emit(out, cps, start, n);
    return out;
  }

  private static void emit(List<int[]> out, int[] cps, int begin, int end) {
    while (end > begin && Character.isWhitespace(cps[end - 1])) {
      end--;
    }
    if (end > begin) {
      out.add(new int[] {begin, end});
    }
  }

  private static int skipSpace(int[] cps, int i) {
    while (i < cps.length && Character.isWhitespace(cps[i])) {
      i++;
    }
    return i;
  }

  /** Whether the line break at {@code i} is followed by another before any visible character. */
  private static boolean blankLineFollows(int[] cps, int i) {
    for (int j = i + 1; j < cps.length && Character.isWhitespace(cps[j]); j++) {
      if (cps[j] == '\n') {
        return true;
      }
    }
    return false;
  }

  private static boolean isWideTerminator(int c) {
    return c == '。' || c == '！' || c == '？' || c == '．' || c == '｡';
  }

  private static boolean isOpener(int c) {
    return c == '「' || c == '『' || c == '（' || c == '(' || c == '【' || c == '〈' || c == '《'
        || c == '“' || c == '〔' || c == '［';
  }

  private static boolean isCloser(int c) {
    return c == '」' || c == '』' || c == '）' || c == ')' || c == '】' || c == '〉' || c == '》'
        || c == '”' || c == '〕' || c == '］';
  }

  /** Marks that close a quote but also serve as apostrophes or undirected quotes. */
  private static boolean isAttachingQuote(int c) {
    return c == '’' || c == '"' || c == '\'';
  }
}
