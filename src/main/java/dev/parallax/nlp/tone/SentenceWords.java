package dev.parallax.nlp.tone;

import java.util.Arrays;
import java.util.Locale;

/**
 * A sentence's words in VADER's sense, one slot per word: tokens grouped so that a matched phrase
 * or a capitalised name is one word, with bare punctuation and clitics without an entry dropped;
 * each word's first token, lookup key, valence (NaN without an entry), booster scalar, negation
 * flag, ALL-CAPS flag and name flag.
 */
final class SentenceWords {

  /** Case classes of a token, as {@link ToneScorer} finds them. */
  static final byte NO_CASE = 0;

  static final byte UPPER = 1;
  static final byte MIXED_OR_LOWER = 2;

  final int[] token;
  final String[] key;
  final double[] valence;
  final double[] booster;
  final boolean[] negation;
  final boolean[] upper;

  /** Whether the word is a capitalised name ({@link Names}), scored 0. */
  final boolean[] name;

  int count;

  /** Whether the news rules apply ({@link ToneLexicon#newsRules}). */
  boolean newsRules;

  private SentenceWords(int capacity) {
    token = new int[capacity];
    key = new String[capacity];
    valence = new double[capacity];
    booster = new double[capacity];
    negation = new boolean[capacity];
    upper = new boolean[capacity];
    name = new boolean[capacity];
  }

  boolean inLexicon(int w) {
    return !Double.isNaN(valence[w]);
  }

  /**
   * Groups tokens into words: phrases become one word, bare punctuation and clitics are dropped.
   *
   * @param key each token lowercased with ASCII apostrophes ({@link #normalise})
   * @param caseOf each token's case class
   * @param nameEnd for each token, the end of the capitalised name starting there ({@link Names}),
   *     or −1; null for none
   * @param trace where to record the lookups, or null
   */
  static SentenceWords of(
      ToneLexicon lexicon, String[] key, byte[] caseOf, int[] nameEnd, ToneTrace trace) {
    int n = key.length;
    SentenceWords w = new SentenceWords(n);
    w.newsRules = lexicon.newsRules;
    int i = 0;
    while (i < n) {
      String k = key[i];
      ToneLexicon.Entry entry = lexicon.entry(k);
      String first = firstAtom(k);
      ToneLexicon.Entry firstEntry = first.equals(k) ? entry : lexicon.entry(first);
      ToneLexicon.Phrase[] candidates = firstEntry == null ? null : firstEntry.phrases;
      ToneLexicon.Phrase phrase = null;
      int end = -1;
      if (candidates != null) {
        for (ToneLexicon.Phrase p : candidates) {
          end = match(p, key, i);
          if (end >= i + 2) {
            phrase = p;
            break;
          }
        }
      }
      int u = w.count;
      if (nameEnd != null
          && nameEnd[i] > i
          && (phrase == null || phrase.origin != ToneLexicon.Origin.DOMAIN)) {
        String name = String.join(" ", Arrays.asList(key).subList(i, nameEnd[i]));
        w.token[u] = i;
        w.key[u] = name;
        w.valence[u] = 0.0;
        w.name[u] = true;
        w.count++;
        if (trace != null) {
          String written = String.join(" ", trace.tokens.subList(i, nameEnd[i]));
          trace.neutralised.add("'" + written + "' (name)");
          trace.add(i, "name '" + written + "': its words are not scored");
          for (int t = i + 1; t < nameEnd[i]; t++) {
            trace.add(t, "part of name '" + written + "', scored at token " + i);
          }
        }
        i = nameEnd[i];
        continue;
      }
      if (phrase != null) {
        boolean upper = true;
        boolean anyCased = false;
        for (int t = i; t < end; t++) {
          upper &= caseOf[t] != MIXED_OR_LOWER;
          anyCased |= caseOf[t] != NO_CASE;
        }
        w.token[u] = i;
        w.key[u] = phrase.term;
        w.valence[u] = phrase.valence;
        w.upper[u] = upper && anyCased;
        w.count++;
        if (trace != null) {
          if (phrase.valence == 0.0 && phrase.origin == ToneLexicon.Origin.DOMAIN) {
            trace.neutralised.add(
                "'" + String.join(" ", trace.tokens.subList(i, end)) + "' (fixed term)");
          }
          trace.base[i] = phrase.valence;
          trace.add(
              i,
              phrase.origin.label
                  + " '"
                  + phrase.term
                  + "' "
                  + ToneTrace.num(phrase.valence)
                  + " overrides words");
          for (int t = i + 1; t < end; t++) {
            trace.add(t, "part of '" + phrase.term + "', scored at token " + i);
          }
        }
        i = end;
        continue;
      }
      String hit = entry != null && !Double.isNaN(entry.valence) ? k : fallback(lexicon, k);
      if (hit == null && (isPunctuation(k) || isClitic(k))) {
        if (trace != null) {
          trace.add(i, isPunctuation(k) ? "punctuation: not a word" : "clitic: not a word");
        }
        i++;
        continue;
      }
      ToneLexicon.Entry hitEntry = k.equals(hit) ? entry : hit == null ? null : lexicon.entry(hit);
      boolean domain = hitEntry != null && hitEntry.domain;
      w.token[u] = i;
      w.key[u] = k;
      w.valence[u] = hitEntry == null ? Double.NaN : hitEntry.valence;
      w.booster[u] = entry == null ? 0.0 : entry.booster;
      w.negation[u] = entry != null ? entry.negation : k.contains("n't");
      w.upper[u] = caseOf[i] == UPPER;
      w.count++;
      if (trace != null && hit != null) {
        trace.base[i] = w.valence[u];
        describeEntry(lexicon, trace, i, k, hit, domain);
      }
      i++;
    }
    return w;
  }

  private static void describeEntry(
      ToneLexicon lexicon, ToneTrace trace, int i, String key, String hit, boolean domain) {
    String form = hit.equals(key) ? "" : " (as '" + hit + "')";
    if (domain) {
      double vader = lexicon.vaderValence(hit);
      trace.add(
          i,
          "domain "
              + ToneTrace.num(lexicon.valence(hit))
              + form
              + (Double.isNaN(vader) ? "" : " overrides VADER " + ToneTrace.num(vader)));
    } else if (!form.isEmpty()) {
      trace.add(i, "VADER " + ToneTrace.num(lexicon.valence(hit)) + form);
    }
  }

  /**
   * Tokens that match the phrase starting at token {@code start}, as the index after the last one,
   * or −1. An atom may be a whole token or a hyphen-separated part of one; the match must end at a
   * token's end, and the last token may carry a possessive 's.
   */
  private static int match(ToneLexicon.Phrase p, String[] key, int start) {
    int t = start;
    int pos = 0;
    String[] atoms = p.atoms;
    for (int a = 0; a < atoms.length; a++) {
      if (t >= key.length) {
        return -1;
      }
      String k = key[t];
      String atom = atoms[a];
      int end = pos + atom.length();
      if (!k.startsWith(atom, pos)) {
        return -1;
      }
      if (!isAtomBoundary(k, end)) {
        boolean possessive = a == atoms.length - 1 && end + 2 == k.length() && k.endsWith("'s");
        if (!possessive) {
          return -1;
        }
        end = k.length();
      }
      if (end == k.length()) {
        t++;
        pos = 0;
      } else {
        pos = end;
      }
    }
    return pos == 0 ? t : -1;
  }

  private static boolean isAtomBoundary(String k, int j) {
    return j == k.length() || k.charAt(j) == '-' || (j > 0 && k.charAt(j - 1) == '-');
  }

  private static String firstAtom(String key) {
    int h = key.indexOf('-');
    if (h < 0 || key.length() == 1) {
      return key;
    }
    return h == 0 ? "-" : key.substring(0, h);
  }

  /**
   * For a key without a valence entry, the form that has one: the key without a possessive 's, else
   * without leading and trailing ASCII punctuation (if more than two characters remain, as in
   * VADER); null if none.
   */
  private static String fallback(ToneLexicon lexicon, String key) {
    int len = key.length();
    if (len > 2 && key.endsWith("'s")) {
      String stem = key.substring(0, len - 2);
      if (hasValence(lexicon, stem)) {
        return stem;
      }
    }
    if (len > 3 && (isAsciiPunctuation(key.charAt(0)) || isAsciiPunctuation(key.charAt(len - 1)))) {
      int from = 0;
      int to = len;
      while (from < to && isAsciiPunctuation(key.charAt(from))) {
        from++;
      }
      while (to > from && isAsciiPunctuation(key.charAt(to - 1))) {
        to--;
      }
      if (to - from > 2) {
        String stripped = key.substring(from, to);
        if (hasValence(lexicon, stripped)) {
          return stripped;
        }
      }
    }
    return null;
  }

  private static boolean hasValence(ToneLexicon lexicon, String key) {
    ToneLexicon.Entry e = lexicon.entry(key);
    return e != null && !Double.isNaN(e.valence);
  }

  /** A token's lookup key: lowercase, curly apostrophes made ASCII. */
  static String normalise(String token) {
    String k = token.toLowerCase(Locale.ROOT);
    if (k.indexOf('\u2019') >= 0 || k.indexOf('\u2018') >= 0) {
      k = k.replace('\u2019', '\'').replace('\u2018', '\'');
    }
    return k;
  }

  private static boolean isPunctuation(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (Character.isLetterOrDigit(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** "'s", "'ll", "'re", "'ve", "'d", "'m" and the like, split off by the tokenizer. */
  private static boolean isClitic(String key) {
    int len = key.length();
    if (len < 2 || len > 3 || key.charAt(0) != '\'') {
      return false;
    }
    for (int i = 1; i < len; i++) {
      if (!Character.isLetter(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiPunctuation(char c) {
    return c < 128 && !Character.isLetterOrDigit(c) && c > ' ' && c != 127;
  }
}
