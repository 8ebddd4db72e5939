package dev.parallax.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parallax.TestSpark;
import dev.parallax.warehouse.schema.SentencesColumns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * Offsets of sentence rows straight from {@link SentenceAnnotator#annotate}: code points, end
 * exclusive, the span of the row's text. Expected values are counted by hand.
 */
class SentenceOffsetsUnitTest {
  static List<String> rows(String language, String text) {
    TestSpark.get();
    Row article = RowFactory.create("a-1", "story", "Synthetic Source", null, language, text);
    List<String> out = new ArrayList<>();
    for (Row r : NlpFixtures.annotator().annotate(article)) {
      out.add(
          r.getLong(SentencesColumns.SCHEMA.fieldIndex(SentencesColumns.CHAR_BEGIN))
              + "|"
              + r.getLong(SentencesColumns.SCHEMA.fieldIndex(SentencesColumns.CHAR_END))
              + "|"
              + r.getString(SentencesColumns.SCHEMA.fieldIndex(SentencesColumns.TEXT)));
    }
    return out;
  }

  /**
   * The detector trims only characters up to U+0020; an ideographic space at either end is outside
   * the row's text and so outside its offsets. "Lead 😀 one." is 11 code points after the leading
   * U+3000: [1, 12); after a space, "Then two." is 9: [13, 22); the trailing U+3000 is left out.
   */
  @Test
  void englishOffsetsAreCodePointsOfTheStrippedText() {
    assertEquals(
        List.of("1|12|Lead 😀 one.", "13|22|Then two."),
        rows("en", "\u3000Lead 😀 one. Then two.\u3000"));
  }

  /** "𠮷野家で食べた。" is 8 code points (9 UTF-16 units): [0, 8); after a space "次に行った。" [9, 15). */
  @Test
  void japaneseOffsetsAreCodePoints() {
    assertEquals(List.of("0|8|𠮷野家で食べた。", "9|15|次に行った。"), rows("ja", "𠮷野家で食べた。 次に行った。"));
  }

  /** Offsets asked out of order still count from the text's start. */
  @Test
  void codePointOffsetsWalkBothWays() {
    String text = "a😀b𠮷c";
    CodePointOffsets offsets = new CodePointOffsets(text);
    assertEquals(5, offsets.of(text.length()));
    assertEquals(2, offsets.of(3)); // after "a😀"
    assertEquals(0, offsets.of(0));
    assertEquals(4, offsets.of(6)); // after "a😀b𠮷"
  }
}
