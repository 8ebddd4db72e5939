package dev.parallax.report;

/**
 * Writes HTML text in document order. Text and attribute values always go through {@link
 * Html#escape}, so corpus strings reach the page only as escaped text; tag and attribute names are
 * constants of the calling code. {@link #markup} is the one way in for markup that is not built
 * here: the report's authored prose, the stylesheet and the charts' SVG.
 *
 * <p>Nothing is added between calls, not even a line break ({@link #nl} writes one), so the caller
 * decides the page's bytes exactly.
 */
final class HtmlBuilder {
  private final StringBuilder out = new StringBuilder(1 << 18);

  /**
   * A start tag.
   *
   * @param attributes name, value, name, value, …; values are escaped
   */
  HtmlBuilder open(String tag, String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs: " + tag);
    }
    out.append('<').append(tag);
    for (int i = 0; i < attributes.length; i += 2) {
      out.append(' ')
          .append(attributes[i])
          .append("=\"")
          .append(Html.escape(attributes[i + 1]))
          .append('"');
    }
    out.append('>');
    return this;
  }

  HtmlBuilder close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** An element holding only text: {@code <tag …>text</tag>}. */
  HtmlBuilder element(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  /** Character data, escaped; null writes nothing. */
  HtmlBuilder text(String text) {
    out.append(Html.escape(text));
    return this;
  }

  /**
   * Markup written as given. Only for markup this program authors or generates (constant prose with
   * its {@code <b>} and {@code <code>}, the stylesheet, the SVG of {@link Charts}, which escapes
   * its own text), never for text that came from the corpus.
   */
  HtmlBuilder markup(String html) {
    out.append(html);
    return this;
  }

  HtmlBuilder nl() {
    out.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
