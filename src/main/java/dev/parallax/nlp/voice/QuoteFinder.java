package dev.parallax.nlp.voice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the direct quotations of an article: stretches between quotation marks, in one linear pass
 * over the text (plus one backward pass that precomputes, for every mark, the next mark that can
 * close it).
 *
 * <p>Mark families: curly double “ ”, curly single ‘ ’ (a ’ between two letters is an apostrophe
 * and never a mark), straight double " (direction from context), guillemets « » and the CJK corner
 * brackets 「 」 and 『 』. The straight single quote ' is never a mark. Only the outermost quotation
 * counts: inside an open quotation, marks of other families (a nested ‘…’) are text.
 *
 * <p>A quotation is closed by the next closing mark of its family within the same paragraph. When
 * none follows in the paragraph: if the next paragraph starts with an opening mark of the same
 * family, the quotation continues there (the news convention for a quotation over several
 * paragraphs: no closing mark at the end of a paragraph, an opening mark at the start of the next);
 * otherwise it is unclosed and ends with the sentence it opens in (or the paragraph, if that comes
 * first), so a stray or missing mark never swallows the rest of the article.
 */
final class QuoteFinder {

  /** Sentences an unclosed quotation covers at most, counting the one it opens in. */
  static final int UNCLOSED_SENTENCES = 1;

  private static final int OPEN = 1;
  private static final int CLOSE = 2;
  private static final int EITHER = OPEN | CLOSE;

  /** One stretch of a quotation: {@code [begin, end)} the words inside the marks. */
  record Region(int quote, int begin, int end) {}

  private QuoteFinder() {}

  /**
   * The quotations' regions in text order. Regions of one quotation share {@link Region#quote}; a
   * quotation has several regions only when it continues over paragraphs.
   *
   * @param sentences the article's sentences, in order (for the limit on unclosed quotations)
   */
  static List<Region> find(String text, List<Span> sentences) {
    int n = text.length();
    // Pass 1: the marks with their family and role.
    int[] pos = new int[16];
    byte[] fam = new byte[16];
    byte[] role = new byte[16];
    int count = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int f = family(c);
      if (f < 0) {
        continue;
      }
      int r = role(text, i, c);
      if (r == 0) {
        continue;
      }
      if (count == pos.length) {
        pos = Arrays.copyOf(pos, count * 2);
        fam = Arrays.copyOf(fam, count * 2);
        role = Arrays.copyOf(role, count * 2);
      }
      pos[count] = i;
      fam[count] = (byte) f;
      role[count] = (byte) r;
      count++;
    }
    List<Region> out = new ArrayList<>();
    if (count == 0) {
      return out;
    }
    // Pass 2 (backward): for every mark, the index of the next mark of its family that can close.
    int[] nextCloser = new int[count];
    int[] lastSeen = new int[FAMILIES];
    Arrays.fill(lastSeen, -1);
    for (int k = count - 1; k >= 0; k--) {
      nextCloser[k] = lastSeen[fam[k]];
      if ((role[k] & CLOSE) != 0) {
        lastSeen[fam[k]] = k;
      }
    }
    Paragraphs paragraphs = new Paragraphs(text);
    int quote = 0;
    int k = 0;
    int floor = 0; // text before this position is already decided
    while (k < count) {
      if (pos[k] < floor || (role[k] & OPEN) == 0) {
        k++;
        continue;
      }
      int open = k;
      int begin = pos[open] + 1;
      boolean continued = true;
      while (continued) {
        continued = false;
        int paraEnd = paragraphs.endOf(pos[open]);
        int closer = nextCloser[open];
        if (closer >= 0 && pos[closer] < paraEnd) {
          out.add(new Region(quote, begin, pos[closer]));
          floor = pos[closer] + 1;
          k = closer + 1;
        } else {
          int next = paragraphs.startAfter(paraEnd);
          int reopen = next < n ? indexOfMarkAt(pos, count, next, k) : -1;
          if (reopen >= 0 && fam[reopen] == fam[open] && (role[reopen] & OPEN) != 0) {
            out.add(new Region(quote, begin, trimEnd(text, begin, paraEnd)));
            open = reopen;
            begin = pos[open] + 1;
            continued = true;
          } else {
            int end = Math.min(paraEnd, unclosedLimit(sentences, pos[open]));
            end = Math.max(end, begin);
            out.add(new Region(quote, begin, trimEnd(text, begin, end)));
            floor = end;
            k = open + 1;
          }
        }
      }
      quote++;
    }
    return out;
  }

  private static final int FAMILIES = 6;

  private static int family(char c) {
    return switch (c) {
      case '“', '”' -> 0;
      case '‘', '’' -> 1;
      case '"' -> 2;
      case '«', '»' -> 3;
      case '「', '」' -> 4;
      case '『', '』' -> 5;
      default -> -1;
    };
  }

  private static int role(String text, int i, char c) {
    return switch (c) {
      case '“', '«', '「', '『', '‘' -> OPEN;
      case '”', '»', '」', '』' -> CLOSE;
      case '’' -> apostropheRole(text, i);
      case '"' -> straightRole(text, i);
      default -> 0;
    };
  }

  /**
   * ’ between letters is an apostrophe (don’t, Japan’s, ’90s); after a word or punctuation it may
   * close.
   */
  private static int apostropheRole(String text, int i) {
    boolean letterBefore = i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
    boolean letterAfter = i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
    if (letterAfter) {
      return 0;
    }
    return letterBefore || (i > 0 && isClosingPunct(text.charAt(i - 1))) ? CLOSE : 0;
  }

  /** " opens after a space or opening punctuation, closes before one, else either. */
  private static int straightRole(String text, int i) {
    char before = i > 0 ? text.charAt(i - 1) : ' ';
    char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
    boolean spaceBefore = Character.isWhitespace(before) || "([{—–-/:".indexOf(before) >= 0;
    boolean spaceAfter = Character.isWhitespace(after) || ".,;:!?)]}—–".indexOf(after) >= 0;
    if (spaceBefore && !spaceAfter) {
      return OPEN;
    }
    if (spaceAfter && !spaceBefore) {
      return CLOSE;
    }
    return EITHER;
  }

  private static boolean isClosingPunct(char c) {
    return ".,!?;:—–".indexOf(c) >= 0;
  }

  /** Index of the mark at text position {@code p} (searching from mark {@code from}), or -1. */
  private static int indexOfMarkAt(int[] pos, int count, int p, int from) {
    int lo = Math.max(from, 0);
    int hi = count - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (pos[mid] < p) {
        lo = mid + 1;
      } else if (pos[mid] > p) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** End of the sentence {@link #UNCLOSED_SENTENCES} − 1 after the one containing {@code p}. */
  private static int unclosedLimit(List<Span> sentences, int p) {
    int lo = 0;
    int hi = sentences.size() - 1;
    int at = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (sentences.get(mid).begin() <= p) {
        at = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (at < 0) {
      return sentences.isEmpty() ? Integer.MAX_VALUE : sentences.get(0).end();
    }
    return sentences.get(Math.min(at + UNCLOSED_SENTENCES - 1, sentences.size() - 1)).end();
  }

  private static int trimEnd(String text, int begin, int end) {
    while (end > begin && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /**
   * Paragraph boundaries: a line break followed (after spaces) by another line break; when the text
   * has no such blank line, every line break.
   */
  static final class Paragraphs {
    private final int length;
    private final String text;
    private final int[] breaks;

    Paragraphs(String text) {
      this.text = text;
      this.length = text.length();
      int[] blank = collect(text, true);
      this.breaks = blank.length > 0 ? blank : collect(text, false);
    }

    private static int[] collect(String t, boolean blankOnly) {
      int[] out = new int[8];
      int count = 0;
      int i = t.indexOf('\n');
      while (i >= 0) {
        int j = i + 1;
        while (j < t.length()
            && (t.charAt(j) == ' ' || t.charAt(j) == '\t' || t.charAt(j) == '\r')) {
          j++;
        }
        boolean isBreak = !blankOnly || (j < t.length() && t.charAt(j) == '\n');
        if (isBreak) {
          if (count == out.length) {
            out = Arrays.copyOf(out, count * 2);
          }
          out[count++] = i;
        }
        i = t.indexOf('\n', i + 1);
      }
      return Arrays.copyOf(out, count);
    }

    /** End (exclusive) of the paragraph containing {@code p}: the position of its break. */
    int endOf(int p) {
      int at = Arrays.binarySearch(breaks, p);
      int idx = at >= 0 ? at : -at - 1;
      return idx < breaks.length ? breaks[idx] : length;
    }

    /** First non-whitespace position after the paragraph break at {@code end}. */
    int startAfter(int end) {
      int j = end;
      while (j < length && Character.isWhitespace(text.charAt(j))) {
        j++;
      }
      return j;
    }
  }
}
