package dev.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextNormaliserTest {

  @Test
  void nullStaysNull() {
    assertNull(TextNormaliser.normalise(null));
    assertNull(TextNormaliser.normaliseLine(null));
  }

  @Test
  void composesDecomposedCharactersToNfc() {
    String decomposed = "Caf" + "e\u0301"; // e + COMBINING ACUTE ACCENT
    assertEquals("Caf\u00E9", TextNormaliser.normalise(decomposed));
    assertEquals(4, TextNormaliser.normalise(decomposed).length());
  }

  @Test
  void decodesHtmlEntities() {
    assertEquals("Fish & chips", TextNormaliser.normalise("Fish &amp; chips"));
    assertEquals("Yes \u2014 no", TextNormaliser.normalise("Yes &mdash; no"));
    assertEquals("It\u2019s here", TextNormaliser.normalise("It&#8217;s here"));
    assertEquals("It\u2019s here", TextNormaliser.normalise("It&#x2019;s here"));
  }

  @Test
  void nbspEntityAndCharacterBecomeAPlainSpace() {
    assertEquals("10 km", TextNormaliser.normalise("10&nbsp;km"));
    assertEquals("10 km", TextNormaliser.normalise("10\u00A0km"));
  }

  @Test
  void textWithoutEntitiesKeepsItsAmpersands() {
    assertEquals("AT&T and R&D", TextNormaliser.normalise("AT&T and R&D"));
  }

  @Test
  void lineEndingsBecomeNewlines() {
    assertEquals("one\ntwo\nthree", TextNormaliser.normalise("one\r\ntwo\rthree"));
  }

  @Test
  void tabsAndRunsOfSpacesFoldToOneSpace() {
    assertEquals("a b c d", TextNormaliser.normalise("a\tb  \t c     d"));
  }

  @Test
  void spacesAtLineEdgesAndTextEdgesAreTrimmed() {
    assertEquals("first\nsecond", TextNormaliser.normalise("   first   \n   second   "));
  }

  @Test
  void zeroWidthCharactersAreDropped() {
    assertEquals("wordjoin", TextNormaliser.normalise("word\u200Bjoin"));
    assertEquals("abcd", TextNormaliser.normalise("a\u200Cb\u200Dc\u2060d"));
    assertEquals("bom", TextNormaliser.normalise("\uFEFFbom"));
  }

  @Test
  void spacesAroundADroppedZeroWidthCharacterFoldToOne() {
    assertEquals("a b", TextNormaliser.normalise("a \u200B b"));
  }

  @Test
  void controlCharactersOtherThanNewlineAreDropped() {
    assertEquals("ab\ncd", TextNormaliser.normalise("a\u0007b\ncd\u0000"));
  }

  @Test
  void threeOrMoreNewlinesBecomeOneParagraphBreak() {
    assertEquals("p1\n\np2", TextNormaliser.normalise("p1\n\n\np2"));
    assertEquals("p1\n\np2", TextNormaliser.normalise("p1\n\n\n\n\n\np2"));
    // blank lines holding only spaces count as empty
    assertEquals("p1\n\np2", TextNormaliser.normalise("p1\n  \n \t \n\np2"));
    // a single paragraph break is kept as is
    assertEquals("p1\n\np2", TextNormaliser.normalise("p1\n\np2"));
  }

  @Test
  void curlyQuotesAndDashesAreKept() {
    String typographic = "\u201CQuoted,\u201D she said \u2018softly\u2019 \u2013 then \u2014 left.";
    assertEquals(typographic, TextNormaliser.normalise(typographic));
  }

  @Test
  void normaliseLineJoinsLinesWithSingleSpaces() {
    assertEquals(
        "A headline over two lines",
        TextNormaliser.normaliseLine("  A headline\n\n over two\r\nlines "));
  }

  /** The regular expressions {@link TextNormaliser#fold} replaced, applied one after another. */
  private static String foldByRegex(String s) {
    s = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
    s =
        Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B\\u200C\\u200D\\u2060\\uFEFF]")
            .matcher(s)
            .replaceAll("");
    s =
        Pattern.compile("[\\t\\x0B\\f\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000 ]+")
            .matcher(s)
            .replaceAll(" ");
    s = Pattern.compile("(?m)^ +| +$").matcher(s).replaceAll("");
    return Pattern.compile("\\n{3,}").matcher(s).replaceAll("\n\n");
  }

  /**
   * 200,000 random strings over letters and every character class the rules treat specially (spaces
   * of each kind, tab, CR, LF, U+2028/9, controls, zero-width, NEL, a surrogate pair): the one-pass
   * fold equals the regular expressions it replaced, before and after strip.
   */
  @Test
  void onePassFoldEqualsTheRegularExpressions() {
    char[] alphabet = {
      'a', 'b', ' ', ' ', '\t', '\n', '\n', '\r', '\u000B', '\f', '\u00A0', '\u1680', '\u2000',
      '\u2005', '\u200A', '\u202F', '\u205F', '\u3000', '\u2028', '\u2029', '\u0000', '\u0007',
      '\u001F', '\u007F', '\u0085', '\u009F', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF',
      '\u200E', '.', '\u00E9'
    };
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    for (int t = 0; t < 200_000; t++) {
      StringBuilder b = new StringBuilder();
      int len = random.nextInt(16);
      for (int i = 0; i < len; i++) {
        if (random.nextInt(40) == 0) {
          b.append("\uD83D\uDE00");
        } else {
          b.append(alphabet[random.nextInt(alphabet.length)]);
        }
      }
      String in = b.toString();
      assertEquals(foldByRegex(in), TextNormaliser.fold(in), () -> "input " + escape(in));
      assertEquals(
          foldByRegex(Normalizer.normalize(in, Normalizer.Form.NFC)).strip(),
          TextNormaliser.normalise(in),
          () -> "input " + escape(in));
    }
  }

  @Test
  void foldsSpacesLineEdgesAndBlankLineRuns() {
    assertEquals(
        "a b\n\nc d",
        TextNormaliser.normalise(" \u00A0a \t\u2003b \r\n \r\n\n\n\u200Bc\u0007 \u3000d\n "));
    assertEquals("x\ny", TextNormaliser.normalise("x\u2028y"));
    assertEquals("", TextNormaliser.normalise(" \n\t\uFEFF "));
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.chars()
        .forEach(
            c ->
                b.append(
                    c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
    return b.toString();
  }
}
