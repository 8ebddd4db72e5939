package dev.parallax.nlp.tone;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Capitalised multi-word names ("Great Britain", "Justice Department", "Department of Justice",
 * "Liberty Mutual"), whose words carry no sentiment: a name's words score 0 as one neutral word.
 *
 * <p>A name is a run of at least two capitalised tokens, possibly joined inside by the lower-case
 * words "of", "for", "and", "the" or by a hyphen token, that starts and ends with a capitalised
 * token. A token is capitalised when its first character is an upper-case letter; not capitalised
 * are the pronoun "I" (also in "I'm", "I'd") and an ALL-CAPS word of two or more letters that has a
 * valence (emphasis, as in "a GREAT deal", not a name). Two guards:
 *
 * <ul>
 *   <li><b>Sentence start.</b> The first word of a sentence is capitalised whatever it is, so it
 *       joins a name only if it has no valence of its own and is not an article ("Department of
 *       Justice said" is a name; in "Happy Americans celebrated" or "Great Britain voted" the first
 *       word keeps its score — list the name as a 0.0 phrase in the domain lexicon, like "great
 *       britain", to neutralise it there too).
 *   <li><b>Title Case and ALL CAPS.</b> When fewer than a quarter of the sentence's words after the
 *       first start with a lower-case letter (and there are at least three such words), the
 *       capitals mark a headline or shouting, not names, and no name is found at all.
 * </ul>
 */
final class Names {
  private Names() {}

  /** Articles that start a sentence are not part of a name ("The Department of Justice said"). */
  private static final Set<String> ARTICLES = Set.of("the", "a", "an");

  private static final Set<String> JOINERS = Set.of("of", "for", "and", "the", "-");

  /** Lower-case words below this share (of words after the first) mark a Title Case sentence. */
  private static final double MIN_LOWER_SHARE = 0.25;

  private static final int MIN_WORDS_FOR_GUARD = 3;

  /**
   * For each token, the index after the end of the name that starts there, or −1.
   *
   * @param tokens the sentence's tokens as given
   * @param key their lookup keys ({@link SentenceWords#normalise})
   */
  static int[] find(ToneLexicon lexicon, List<String> tokens, String[] key) {
    int n = key.length;
    int[] end = new int[n];
    Arrays.fill(end, -1);
    int first = -1;
    int words = 0;
    int lower = 0;
    for (int i = 0; i < n; i++) {
      String t = tokens.get(i);
      if (!hasLetter(t)) {
        continue;
      }
      if (first < 0) {
        first = i;
        continue;
      }
      words++;
      if (Character.isLowerCase(t.charAt(0))) {
        lower++;
      }
    }
    if (first < 0 || (words >= MIN_WORDS_FOR_GUARD && lower < MIN_LOWER_SHARE * words)) {
      return end;
    }
    int i = first;
    while (i < n) {
      if (!capitalised(lexicon, tokens.get(i), key[i])
          || (i == first && (hasValence(lexicon, key[i]) || ARTICLES.contains(key[i])))) {
        i++;
        continue;
      }
      int last = i;
      int caps = 1;
      int j = i + 1;
      while (j < n) {
        if (capitalised(lexicon, tokens.get(j), key[j])) {
          last = j;
          caps++;
          j++;
        } else if (JOINERS.contains(tokens.get(j)) && j - last <= 2) {
          j++;
        } else {
          break;
        }
      }
      if (caps >= 2) {
        end[i] = last + 1;
        i = last + 1;
      } else {
        i++;
      }
    }
    return end;
  }

  private static boolean capitalised(ToneLexicon lexicon, String token, String key) {
    if (token.isEmpty() || !Character.isUpperCase(token.charAt(0))) {
      return false;
    }
    if (token.equals("I")
        || (token.length() > 1 && isApostrophe(token.charAt(1)) && token.charAt(0) == 'I')) {
      return false;
    }
    int letters = 0;
    boolean allUpper = true;
    for (int c = 0; c < token.length(); c++) {
      char ch = token.charAt(c);
      if (Character.isLetter(ch)) {
        letters++;
        allUpper &= Character.isUpperCase(ch);
      }
    }
    return !(allUpper && letters >= 2 && hasValence(lexicon, key));
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  private static boolean hasValence(ToneLexicon lexicon, String key) {
    return !Double.isNaN(lexicon.valence(key));
  }

  private static boolean hasLetter(String token) {
    for (int c = 0; c < token.length(); c++) {
      if (Character.isLetter(token.charAt(c))) {
        return true;
      }
    }
    return false;
  }
}
