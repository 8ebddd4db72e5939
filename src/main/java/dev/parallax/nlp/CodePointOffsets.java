package dev.parallax.nlp;

/**
 * UTF-16 indices of one text as Unicode code point offsets, the unit of {@code
 * sentences.char_begin} and {@code char_end} and of {@code substring} in Spark SQL and DuckDB.
 * Walks from the last index asked for, so the offsets of an article's sentences, asked in text
 * order, cost one pass over the article however many sentences it has. An unpaired surrogate counts
 * as one code point, as in {@link String#codePointCount} (and the UTF-8 writer turns it into one
 * character).
 */
final class CodePointOffsets {
  private final String text;
  private int index;
  private long offset;

  CodePointOffsets(String text) {
    this.text = text;
  }

  /** The code point offset of UTF-16 index {@code i} ({@code 0 <= i <= text.length()}). */
  long of(int i) {
    if (i >= index) {
      offset += text.codePointCount(index, i);
    } else {
      offset -= text.codePointCount(i, index);
    }
    index = i;
    return offset;
  }
}
