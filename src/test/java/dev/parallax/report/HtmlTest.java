package dev.parallax.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesTheFiveMarkupCharacters() {
    assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.escape("<script>alert(1)</script>"));
    assertEquals("a &amp;amp; b", Html.escape("a &amp; b"));
    assertEquals("&quot;x&quot; &#39;y&#39;", Html.escape("\"x\" 'y'"));
    assertEquals("=HYPERLINK(&quot;x&quot;)", Html.escape("=HYPERLINK(\"x\")"));
  }

  @Test
  void keepsOtherTextAndDropsControlCharacters() {
    assertEquals(
        "Ishiba–Trump: “alliance” 日本 é\tx\ny", Html.escape("Ishiba–Trump: “alliance” 日本 é\tx\ny"));
    assertEquals("ab", Html.escape("a\u0000\u0007\u007fb"));
    assertEquals("", Html.escape(null));
  }

  @Test
  void numbers() {
    assertEquals("0.45", Html.num(0.4517, 2));
    assertEquals("–", Html.num(Double.NaN, 2));
    assertEquals("–", Html.num(null, 2));
    assertEquals("+0.45", Html.signed(0.4517, 2));
    assertEquals("−0.45", Html.signed(-0.4517, 2));
    assertEquals("0.00", Html.signed(-0.001, 2));
    assertEquals("12,345", Html.count(12345));
  }
}
