package dev.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    assertEquals("A headline over two lines",
        TextNormaliser.normaliseLine("  A headline\n\n over two\r\nlines "));
  }
}
