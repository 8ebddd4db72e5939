package dev.parallax.stories;

import dev.parallax.nlp.lang.CjkScript;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The shingles of an article's text and their MinHash signature: the pure, per-article half of
 * {@link NearDuplicates}.
 *
 * <p>Text is NFKC-normalised and lower-cased; only letters and digits count (punctuation,
 * whitespace and paragraph breaks do not), so a copy that differs in quotes, dashes or line breaks
 * has the same shingles. A text whose letters are at least half Han, kana or Hangul (Japanese,
 * Chinese, Korean) is shingled by characters: every run of {@link #CJK_CHARS} consecutive letters
 * or digits, spaces ignored (Japanese and Chinese write none, and Korean spacing varies between
 * outlets). Any other text is shingled by words: every run of {@code words} consecutive words (a
 * word is a maximal run of letters and digits); a text with fewer words than that has one shingle,
 * all its words. Each shingle is stored as a 64-bit hash (FNV-1a then the SplitMix64 finaliser);
 * two different shingles of the same article share a hash with probability about n²/2⁶⁵, nil for
 * any article size Parallax reads, so the Jaccard index of the hash sets is the Jaccard index of
 * the shingle sets.
 */
public final class Shingles {
  private Shingles() {}

  /**
   * Characters per shingle in CJK text. Five: about two to three Japanese or Chinese words. The
   * sample's two Japanese articles on the same meeting, written independently, have a Jaccard index
   * of 0.012 at five characters (0.027 at four, 0.064 at three; README, Methods, Near duplicates).
   */
  public static final int CJK_CHARS = 5;

  /** Length of a MinHash signature: hash functions per article. */
  public static final int SIGNATURE_SIZE = 120;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /**
   * The distinct shingle hashes of {@code text}, sorted ascending; empty when the text has no
   * letter or digit.
   *
   * @param words words per shingle of space-separated text, at least 1
   */
  public static long[] of(String text, int words) {
    return of(text, words, CJK_CHARS);
  }

  /** {@link #of(String, int)} with another length of CJK shingles (for measurements). */
  static long[] of(String text, int words, int cjkChars) {
    int[] cps = lowerCodePoints(text);
    return isCjk(cps) ? characterShingles(cps, cjkChars) : wordShingles(cps, words);
  }

  /**
   * The code points of {@code text} NFKC-normalised and lower-cased ({@link Locale#ROOT}). ASCII
   * text, which NFKC leaves unchanged, skips the normaliser and the code point stream (same code
   * points, less work: the common case of English text).
   */
  static int[] lowerCodePoints(String text) {
    int n = text.length();
    boolean ascii = true;
    for (int i = 0; i < n && ascii; i++) {
      ascii = text.charAt(i) < 0x80;
    }
    if (!ascii) {
      return Normalizer.normalize(text, Normalizer.Form.NFKC)
          .toLowerCase(Locale.ROOT)
          .codePoints()
          .toArray();
    }
    int[] cps = new int[n];
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      cps[i] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
    return cps;
  }

  /**
   * At least half of the letters are Han, Hiragana, Katakana or Hangul ({@link CjkScript#isCjk}; a
   * passage inside an article counts as CJK only past half, {@link CjkScript#isMostlyCjk}).
   */
  static boolean isCjk(int[] cps) {
    long letters = 0;
    long cjk = 0;
    for (int c : cps) {
      if (Character.isLetter(c)) {
        letters++;
        if (CjkScript.isCjk(c)) {
          cjk++;
        }
      }
    }
    return letters > 0 && 2 * cjk >= letters;
  }

  private static long[] characterShingles(int[] cps, int k) {
    int[] kept = Arrays.stream(cps).filter(Character::isLetterOrDigit).toArray();
    if (kept.length == 0) {
      return new long[0];
    }
    int n = Math.max(1, kept.length - k + 1);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long h = FNV_OFFSET;
      for (int j = i; j < Math.min(kept.length, i + k); j++) {
        h = fnv(h, kept[j]);
      }
      out[i] = mix(h);
    }
    return distinctSorted(out);
  }

  private static long[] wordShingles(int[] cps, int k) {
    // each word's hash, in text order
    long[] wordHashes = new long[cps.length];
    int n = 0;
    long h = FNV_OFFSET;
    boolean inWord = false;
    for (int c : cps) {
      if (Character.isLetterOrDigit(c)) {
        h = fnv(h, c);
        inWord = true;
      } else if (inWord) {
        wordHashes[n++] = h;
        h = FNV_OFFSET;
        inWord = false;
      }
    }
    if (inWord) {
      wordHashes[n++] = h;
    }
    if (n == 0) {
      return new long[0];
    }
    int shingles = Math.max(1, n - k + 1);
    long[] out = new long[shingles];
    for (int i = 0; i < shingles; i++) {
      long s = FNV_OFFSET;
      for (int j = i; j < Math.min(n, i + k); j++) {
        s = mix(s ^ wordHashes[j]) * FNV_PRIME;
      }
      out[i] = mix(s);
    }
    return distinctSorted(out);
  }

  private static long fnv(long h, int codePoint) {
    return (h ^ codePoint) * FNV_PRIME;
  }

  /** SplitMix64's finaliser: a bijection of the 64-bit values that mixes every input bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** {@code a} sorted ascending without repeats (sorts {@code a} in place). */
  private static long[] distinctSorted(long[] a) {
    if (a.length == 0) {
      return a;
    }
    Arrays.sort(a);
    int n = 1;
    for (int i = 1; i < a.length; i++) {
      if (a[i] != a[n - 1]) {
        a[n++] = a[i];
      }
    }
    return n == a.length ? a : Arrays.copyOf(a, n);
  }

  /**
   * The MinHash signature of a non-empty shingle set: for each of {@code size} hash functions
   * {@code h_i(x) = mix(x XOR s_i)} (each a bijection, with its own constant {@code s_i}), the
   * smallest value over the shingles. Two sets agree at one position with probability close to
   * their Jaccard index.
   */
  public static long[] signature(long[] shingles, int size) {
    long[] sig = new long[size];
    Arrays.fill(sig, Long.MAX_VALUE);
    for (int i = 0; i < size; i++) {
      long seed = mix(0x9E3779B97F4A7C15L * (i + 1));
      long min = Long.MAX_VALUE;
      for (long x : shingles) {
        long v = mix(x ^ seed);
        if (v < min) {
          min = v;
        }
      }
      sig[i] = min;
    }
    return sig;
  }

  /** The share of positions where two signatures of equal length agree: the Jaccard estimate. */
  public static double estimate(long[] a, long[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  /** The Jaccard index |A ∩ B| / |A ∪ B| of two sorted distinct arrays; 0 when both are empty. */
  public static double jaccard(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? 0 : (double) common / union;
  }

  /** The key of band {@code band} ({@code rows} signature values from {@code band * rows}). */
  static long bandKey(long[] sig, int band, int rows) {
    long h = mix(band + 1L);
    for (int i = band * rows; i < (band + 1) * rows; i++) {
      h = mix(h ^ sig[i]);
    }
    return h;
  }
}
