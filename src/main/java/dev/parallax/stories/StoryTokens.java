package dev.parallax.stories;

import dev.parallax.nlp.lang.CjkScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The terms of an article for story similarity: lowercased Latin-script words (stop words, single
 * letters and bare numbers dropped), character bigrams of each run of Han, kana or Hangul text (a
 * run of one character is kept as it is), and the concept tokens of {@link EntityLexicon} ({@value
 * #CONCEPT} followed by the entity id). Repeats are kept: the vectors count them (sublinear tf).
 */
public final class StoryTokens {
  private StoryTokens() {}

  /** Prefix of a concept token; no word or bigram starts with it. */
  public static final String CONCEPT = "§";

  static final Set<String> STOP =
      Set.of(
          "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
          "before", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has",
          "have", "he", "her", "his", "how", "if", "in", "into", "is", "it", "its", "more", "most",
          "no", "not", "of", "on", "one", "or", "other", "our", "out", "over", "said", "says",
          "she", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these",
          "they", "this", "those", "to", "up", "was", "we", "were", "what", "when", "which",
          "while", "who", "will", "with", "would", "you");

  /** Words, bigrams and concept tokens of the text, in order. */
  public static List<String> of(String text, EntityLexicon lexicon) {
    List<String> out = words(text);
    for (String c : lexicon.concepts(text)) {
      out.add(CONCEPT + c);
    }
    return out;
  }

  /** Words and CJK bigrams only. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String s = text.toLowerCase(Locale.ROOT);
    int i = 0;
    int n = s.length();
    while (i < n) {
      int cp = s.codePointAt(i);
      if (cjk(cp)) {
        int start = i;
        List<Integer> run = new ArrayList<>();
        while (i < n && cjk(s.codePointAt(i))) {
          run.add(s.codePointAt(i));
          i += Character.charCount(s.codePointAt(i));
        }
        if (run.size() == 1) {
          out.add(s.substring(start, i));
        }
        for (int k = 0; k + 1 < run.size(); k++) {
          out.add(new String(new int[] {run.get(k), run.get(k + 1)}, 0, 2));
        }
      } else if (Character.isLetterOrDigit(cp)) {
        int start = i;
        boolean letter = false;
        while (i < n
            && (Character.isLetterOrDigit(s.codePointAt(i)) || s.charAt(i) == '\'')
            && !cjk(s.codePointAt(i))) {
          letter |= Character.isLetter(s.codePointAt(i));
          i += Character.charCount(s.codePointAt(i));
        }
        String w = s.substring(start, i);
        if (w.endsWith("'s")) {
          w = w.substring(0, w.length() - 2);
        }
        w = w.replace("'", "");
        if (letter && w.length() > 1 && !STOP.contains(w)) {
          out.add(w);
        }
      } else {
        i += Character.charCount(cp);
      }
    }
    return out;
  }

  static boolean cjk(int cp) {
    // the prolonged sound mark ー is of script COMMON but stands inside katakana words
    return CjkScript.isCjk(cp) || cp == 0x30FC;
  }
}
