package dev.parallax.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The one record of an HTML page: an HTML file, or an HTML payload of a crawl record. */
final class HtmlRecords {
  private HtmlRecords() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Nesting limit when searching JSON-LD for an article node; real pages nest 2–4 deep. */
  private static final int JSON_LD_DEPTH = 8;

  /**
   * An HTML page's fields and its main text.
   *
   * @param fields metadata (as {@link ArticleRules} names fields) plus {@code text}
   * @param canonicalUrl the page's {@code <link rel=canonical>} or {@code og:url}, or null
   * @param siteName the page's {@code og:site_name}, or null
   * @param main the extracted main text
   */
  record Page(
      Map<String, String> fields, String canonicalUrl, String siteName, MainText.Extracted main) {}

  /** The record of an HTML file's bytes, decoded by {@link HtmlCharset}. */
  static RawRecord readHtml(String file, byte[] bytes, MainText.Extractor extractor) {
    HtmlCharset.Decoded decoded = HtmlCharset.decode(bytes, null);
    Page page = page(decoded.text(), extractor);
    Map<String, String> fields = page.fields();
    putIfPresent(fields, "source", firstNonBlank(fields.remove("source"), page.siteName()));
    putIfPresent(fields, "url", page.canonicalUrl());
    putIfPresent(fields, ArticleRules.INGEST_WARNING, decoded.warning());
    return RawRecord.ok(file, "file", fields, RecordReader.excerpt(decoded.text()));
  }

  /**
   * Metadata and main text of a page. Metadata: title ({@code og:title}, {@code <title>}, first
   * {@code h1}); published ({@code article:published_time}, {@code <meta name=date>}, JSON-LD
   * {@code datePublished}, first {@code <time datetime>}); author ({@code <meta name=author>},
   * JSON-LD {@code author.name}); declared language ({@code <html lang>}, {@code og:locale}); and
   * the {@code parallax:*} metas (id, source, story, country, source_type, synthetic).
   */
  static Page page(String html, MainText.Extractor extractor) {
    Document doc = Jsoup.parse(html);
    JsonNode ld = jsonLdArticle(doc);
    Map<String, String> fields = new LinkedHashMap<>();
    putIfPresent(fields, "id", meta(doc, "parallax:id"));
    putIfPresent(fields, "source", meta(doc, "parallax:source"));
    putIfPresent(
        fields,
        "title",
        firstNonBlank(meta(doc, "og:title"), doc.title(), textOf(doc.selectFirst("h1"))));
    putIfPresent(
        fields,
        "published",
        firstNonBlank(
            meta(doc, "article:published_time"),
            meta(doc, "date"),
            ld == null ? null : ld.path("datePublished").asText(null),
            attr(doc.selectFirst("time[datetime]"), "datetime")));
    putIfPresent(fields, "author", firstNonBlank(meta(doc, "author"), jsonLdAuthor(ld)));
    putIfPresent(
        fields,
        "language",
        firstNonBlank(attr(doc.selectFirst("html"), "lang"), meta(doc, "og:locale")));
    for (String key : List.of("story", "country", "source_type", "synthetic")) {
      putIfPresent(fields, key, meta(doc, "parallax:" + key));
    }
    String canonical =
        firstNonBlank(attr(doc.selectFirst("link[rel=canonical]"), "href"), meta(doc, "og:url"));
    String siteName = firstNonBlank(meta(doc, "og:site_name"));
    MainText.Extracted main = MainText.extract(doc, extractor);
    fields.put("text", main.text());
    return new Page(fields, canonical, siteName, main);
  }

  /**
   * The first JSON-LD node typed as an article ({@code *Article}, {@code Report}, {@code
   * BlogPosting}), searched through arrays and {@code @graph}; else the first node with a {@code
   * datePublished}; null when none.
   */
  static JsonNode jsonLdArticle(Document doc) {
    JsonNode dated = null;
    for (Element script : doc.select("script[type=application/ld+json]")) {
      JsonNode root;
      try {
        root = JSON.readTree(script.data());
      } catch (IOException e) {
        continue;
      }
      Deque<JsonNode> todo = new ArrayDeque<>();
      Deque<Integer> depth = new ArrayDeque<>();
      todo.add(root);
      depth.add(0);
      while (!todo.isEmpty()) {
        JsonNode n = todo.poll();
        int d = depth.poll();
        if (n == null || d > JSON_LD_DEPTH) {
          continue;
        }
        if (n.isArray()) {
          n.forEach(
              c -> {
                todo.add(c);
                depth.add(d + 1);
              });
        } else if (n.isObject()) {
          if (isArticleType(n.path("@type"))) {
            return n;
          }
          if (dated == null && n.hasNonNull("datePublished")) {
            dated = n;
          }
          if (n.has("@graph")) {
            todo.add(n.get("@graph"));
            depth.add(d + 1);
          }
        }
      }
    }
    return dated;
  }

  private static boolean isArticleType(JsonNode type) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticleType(t)) {
          return true;
        }
      }
      return false;
    }
    String t = type.asText("");
    return t.endsWith("Article") || t.equals("Report") || t.equals("BlogPosting");
  }

  /** {@code author.name}, {@code author[0].name} or a plain {@code author} string. */
  private static String jsonLdAuthor(JsonNode ld) {
    if (ld == null || !ld.has("author")) {
      return null;
    }
    JsonNode a = ld.get("author");
    if (a.isArray()) {
      a = a.size() == 0 ? null : a.get(0);
    }
    if (a == null) {
      return null;
    }
    return a.isTextual() ? a.asText() : a.path("name").asText(null);
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

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  static void putIfPresent(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank()) {
      m.put(k, v);
    }
  }
}
