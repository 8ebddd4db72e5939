package dev.parallax.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The one record of an HTML file. */
final class HtmlRecords {
  private HtmlRecords() {}

  /**
   * The one record of an HTML page: metadata from {@code <meta>} tags, canonical link, title and
   * {@code <time>}; text from the paragraphs of the article (or main, or body) without navigation,
   * scripts and other page furniture.
   */
  static RawRecord readHtml(String file, String html) {
    Document doc = Jsoup.parse(html);
    Map<String, String> fields = new LinkedHashMap<>();
    putIfPresent(fields, "id", meta(doc, "parallax:id"));
    putIfPresent(
        fields, "source", firstNonBlank(meta(doc, "parallax:source"), meta(doc, "og:site_name")));
    putIfPresent(
        fields,
        "title",
        firstNonBlank(meta(doc, "og:title"), doc.title(), textOf(doc.selectFirst("h1"))));
    putIfPresent(
        fields,
        "url",
        firstNonBlank(attr(doc.selectFirst("link[rel=canonical]"), "href"), meta(doc, "og:url")));
    putIfPresent(
        fields,
        "published",
        firstNonBlank(
            meta(doc, "article:published_time"),
            meta(doc, "date"),
            attr(doc.selectFirst("time[datetime]"), "datetime")));
    putIfPresent(fields, "author", meta(doc, "author"));
    putIfPresent(
        fields,
        "language",
        firstNonBlank(attr(doc.selectFirst("html"), "lang"), meta(doc, "og:locale")));
    for (String key : List.of("story", "country", "source_type", "synthetic")) {
      putIfPresent(fields, key, meta(doc, "parallax:" + key));
    }
    doc.select(
            "script, style, noscript, nav, header, footer, aside, form, iframe, svg, template, "
                + "button, figure figcaption, [role=navigation], [aria-hidden=true]")
        .remove();
    Element main =
        firstNonNull(
            doc.selectFirst("article"),
            doc.selectFirst("main"),
            doc.selectFirst("[role=main]"),
            doc.body());
    StringBuilder text = new StringBuilder();
    if (main != null) {
      List<Element> blocks = main.select("p, li, blockquote, pre");
      if (blocks.isEmpty()) {
        text.append(main.text());
      }
      for (Element b : blocks) {
        if (b.parents().stream().anyMatch(p -> blocks.contains(p))) {
          continue;
        }
        String t = b.text().strip();
        if (!t.isEmpty()) {
          if (text.length() > 0) {
            text.append("\n\n");
          }
          text.append(t);
        }
      }
    }
    fields.put("text", text.toString());
    return RawRecord.ok(file, "file", fields, RecordReader.excerpt(html));
  }

  private static String meta(Document doc, String name) {
    Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
    return e == null ? null : e.attr("content");
  }

  private static String attr(Element e, String attr) {
    return e == null ? null : e.attr(attr);
  }

  private static String textOf(Element e) {
    return e == null ? null : e.text();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static void putIfPresent(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank()) {
      m.put(k, v);
    }
  }
}
