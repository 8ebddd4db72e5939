package dev.parallax.nlp.voice;

import java.io.Serializable;

/** A stretch {@code [begin, end)} of an article's text, in UTF-16 indices. */
public record Span(int begin, int end) implements Serializable {
  public Span {
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("bad span [" + begin + ", " + end + ")");
    }
  }

  public int length() {
    return end - begin;
  }
}
