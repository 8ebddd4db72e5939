package dev.parallax.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlBuilderTest {
  @Test
  void textAndAttributeValuesAreEscapedMarkupIsNot() {
    String html =
        new HtmlBuilder()
            .open("td", "class", "a\" onclick=\"x")
            .text("<b>&'")
            .close("td")
            .nl()
            .element("p", null)
            .markup("<svg></svg>")
            .toString();
    assertEquals(
        "<td class=\"a&quot; onclick=&quot;x\">&lt;b&gt;&amp;&#39;</td>\n" + "<p></p><svg></svg>",
        html);
  }

  @Test
  void attributesComeInPairs() {
    assertThrows(IllegalArgumentException.class, () -> new HtmlBuilder().open("a", "href"));
  }

  @Test
  void theStylesheetIsInlined() {
    String html =
        HtmlReport.render(
            java.time.LocalDate.parse("2025-02-10"),
            0.95,
            0.05,
            null,
            new HtmlReport.Tables(
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                null,
                null,
                null));
    assertTrue(html.contains("<style>:root{--ink:#1f2933;"), html);
    assertTrue(html.contains("No sentences for this run date"), html);
  }
}
