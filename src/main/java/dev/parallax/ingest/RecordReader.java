package dev.parallax.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns the bytes of one input file into {@link RawRecord}s: one per record that could be read,
 * one unreadable record per part that could not (a bad JSON line, a broken CSV tail, a whole
 * binary file). Never throws for bad content; every byte range ends in some record.
 *
 * <p>Parquet files are read by Spark in {@link IngestJob}, not here.
 */
public final class RecordReader {
  static final int EXCERPT_BYTES = 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern MD_EMPHASIS = Pattern.compile("(\\*\\*|__|(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])|`)");
  private static final Pattern MD_HEADING = Pattern.compile("(?m)^[ \\t]{0,3}#{1,6}[ \\t]+");
  private static final Pattern MD_QUOTE = Pattern.compile("(?m)^[ \\t]{0,3}>[ \\t]?");

  private RecordReader() {}

  /** Reads one file's raw bytes (still gzip-compressed if the name ends in .gz). */
  public static List<RawRecord> read(String file, byte[] stored) {
    InputFormat format = InputFormat.of(file);
    if (format == InputFormat.UNKNOWN) {
      return List.of(RawRecord.unreadable(file, "file", Reasons.UNKNOWN_FORMAT,
          "file type not recognised; use .jsonl, .json, .csv, .txt, .md, .html, .parquet or a .gz of one",
          excerpt(stored)));
    }
    byte[] bytes = stored;
    if (InputFormat.isGzip(file)) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        return List.of(RawRecord.unreadable(file, "file", Reasons.UNREADABLE_FILE,
            "not a valid gzip file: " + e.getMessage(), excerpt(stored)));
      }
    }
    if (isBlank(bytes)) {
      return List.of(RawRecord.unreadable(file, "file", Reasons.EMPTY_FILE,
          "file is empty", excerpt(bytes)));
    }
    if (format == InputFormat.JSONL) {
      return readJsonLines(file, bytes);
    }
    if (hasNul(bytes, 0, bytes.length)) {
      return List.of(RawRecord.unreadable(file, "file", Reasons.BINARY_CONTENT,
          "file contains NUL bytes: binary, not text", excerpt(bytes)));
    }
    String text;
    try {
      text = decodeStrict(bytes, 0, bytes.length);
    } catch (CharacterCodingException e) {
      return List.of(RawRecord.unreadable(file, "file", Reasons.INVALID_ENCODING,
          "file is not valid UTF-8 text", excerpt(bytes)));
    }
    return switch (format) {
      case JSON -> readJson(file, text);
      case CSV -> readCsv(file, text);
      case TEXT -> List.of(readFrontMatter(file, text));
      case HTML -> List.of(readHtml(file, text));
      default -> throw new IllegalStateException("format " + format + " is read by Spark");
    };
  }

  private static List<RawRecord> readJsonLines(String file, byte[] bytes) {
    List<RawRecord> out = new ArrayList<>();
    int start = 0;
    int line = 0;
    while (start <= bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      line++;
      int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
      String ref = "line " + line;
      if (!isBlank(bytes, start, stop)) {
        String raw = excerpt(bytes, start, stop);
        if (hasNul(bytes, start, stop)) {
          out.add(RawRecord.unreadable(file, ref, Reasons.BINARY_CONTENT,
              "line contains NUL bytes: binary, not text", raw));
        } else {
          try {
            out.add(fromJson(file, ref, decodeStrict(bytes, start, stop), raw));
          } catch (CharacterCodingException e) {
            out.add(RawRecord.unreadable(file, ref, Reasons.INVALID_ENCODING,
                "line is not valid UTF-8 text", raw));
          }
        }
      }
      if (end >= bytes.length) {
        break;
      }
      start = end + 1;
    }
    return out;
  }

  private static RawRecord fromJson(String file, String ref, String json, String raw) {
    JsonNode node;
    try {
      node = JSON.readTree(stripBom(json));
    } catch (JsonProcessingException e) {
      return RawRecord.unreadable(file, ref, Reasons.MALFORMED_JSON,
          "not valid JSON: " + e.getOriginalMessage(), raw);
    }
    if (node == null || !node.isObject()) {
      return RawRecord.unreadable(file, ref, Reasons.NOT_AN_OBJECT,
          "expected a JSON object with fields, found " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()), raw);
    }
    return RawRecord.ok(file, ref, fieldsOf(node), raw);
  }

  private static List<RawRecord> readJson(String file, String text) {
    List<JsonNode> roots = new ArrayList<>();
    try (com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory().createParser(stripBom(text))) {
      while (parser.nextToken() != null) {
        roots.add(JSON.readTree(parser));
      }
    } catch (IOException | RuntimeException e) {
      String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      List<RawRecord> out = new ArrayList<>();
      if (!roots.isEmpty()) {
        out.addAll(itemsOf(file, roots, text));
      }
      out.add(RawRecord.unreadable(file, roots.isEmpty() ? "file" : "item " + (out.size() + 1),
          Reasons.MALFORMED_JSON, "not valid JSON" + (roots.isEmpty() ? "" : " after item " + out.size())
              + ": " + msg, excerpt(text)));
      return out;
    }
    if (roots.size() == 1) {
      JsonNode root = roots.get(0);
      if (root.isObject() && root.has("articles") && root.get("articles").isArray()) {
        root = root.get("articles");
      }
      if (root.isArray()) {
        List<JsonNode> items = new ArrayList<>();
        root.forEach(items::add);
        if (items.isEmpty()) {
          return List.of(RawRecord.unreadable(file, "file", Reasons.EMPTY_FILE, "JSON array is empty", excerpt(text)));
        }
        return itemsOf(file, items, text);
      }
      if (!root.isObject()) {
        return List.of(RawRecord.unreadable(file, "file", Reasons.NOT_AN_OBJECT,
            "expected a JSON object or an array of objects", excerpt(text)));
      }
    }
    return itemsOf(file, roots, text);
  }

  private static List<RawRecord> itemsOf(String file, List<JsonNode> items, String text) {
    List<RawRecord> out = new ArrayList<>();
    int i = 0;
    for (JsonNode item : items) {
      i++;
      String ref = "item " + i;
      if (item.isObject()) {
        out.add(RawRecord.ok(file, ref, fieldsOf(item), excerpt(item.toString())));
      } else {
        out.add(RawRecord.unreadable(file, ref, Reasons.NOT_AN_OBJECT,
            "item is a " + item.getNodeType().name().toLowerCase() + ", expected an object",
            excerpt(item.toString())));
      }
    }
    return out;
  }

  private static Map<String, String> fieldsOf(JsonNode obj) {
    Map<String, String> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isNull() || v.isMissingNode()) {
        continue;
      }
      fields.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
    }
    return fields;
  }

  private static List<RawRecord> readCsv(String file, String text) {
    List<RawRecord> out = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).build();
    String body = stripBom(text);
    LineIndex lines = new LineIndex(body);
    long nextLine = 2;
    int record = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
      List<String> header = parser.getHeaderNames();
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        CSVRecord rec;
        try {
          if (!it.hasNext()) {
            break;
          }
          rec = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          String msg = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
          out.add(RawRecord.unreadable(file, "record " + (record + 1) + " (line " + nextLine + ")",
              Reasons.MALFORMED_CSV, "CSV broken from here to the end of the file: " + msg,
              excerpt(tailFromLine(text, nextLine))));
          break;
        }
        record++;
        String ref = "record " + record + " (line " + lines.lineOf(firstNonBlank(body, rec.getCharacterPosition())) + ")";
        String raw = excerpt(String.join(",", rec.values()));
        nextLine = parser.getCurrentLineNumber() + 1;
        if (rec.size() != header.size()) {
          out.add(RawRecord.unreadable(file, ref, Reasons.MALFORMED_CSV,
              "row has " + rec.size() + " fields, the header has " + header.size(), raw));
          continue;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          String name = header.get(i);
          if (name != null && !name.isBlank() && !rec.get(i).isEmpty()) {
            fields.put(name.trim(), rec.get(i));
          }
        }
        out.add(RawRecord.ok(file, ref, fields, raw));
      }
    } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
      out.add(RawRecord.unreadable(file, "file", Reasons.MALFORMED_CSV,
          "CSV header could not be read: " + e.getMessage(), excerpt(text)));
    }
    if (out.isEmpty()) {
      out.add(RawRecord.unreadable(file, "file", Reasons.EMPTY_FILE,
          "CSV has a header but no records", excerpt(text)));
    }
    return out;
  }

  /** The offset of the first character at or after {@code from} that is not a line break. */
  private static long firstNonBlank(String text, long from) {
    int i = (int) from;
    while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
      i++;
    }
    return i;
  }

  /** Line numbers (1-based) of character offsets. */
  private static final class LineIndex {
    private final int[] starts;

    LineIndex(String text) {
      List<Integer> l = new ArrayList<>();
      l.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          l.add(i + 1);
        }
      }
      starts = l.stream().mapToInt(Integer::intValue).toArray();
    }

    long lineOf(long offset) {
      int idx = java.util.Arrays.binarySearch(starts, (int) offset);
      return (idx >= 0 ? idx : -idx - 2) + 1;
    }
  }

  private static String tailFromLine(String text, long line) {
    int pos = 0;
    for (long l = 1; l < line && pos >= 0; l++) {
      pos = text.indexOf('\n', pos);
      if (pos >= 0) {
        pos++;
      }
    }
    return pos < 0 ? "" : text.substring(pos);
  }

  private static final Pattern FRONT_MATTER_LINE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.-]*)\\s*:\\s?(.*)$");

  /**
   * Text with an optional front-matter block: {@code ---}, then {@code key: value} lines, then
   * {@code ---}. Values are kept as written (no YAML typing: {@code NO} stays "NO"); surrounding
   * quotes are removed.
   */
  private static RawRecord readFrontMatter(String file, String rawText) {
    String text = stripBom(rawText).replace("\r\n", "\n");
    Map<String, String> fields = new LinkedHashMap<>();
    String body = text;
    if (text.startsWith("---\n")) {
      String[] lines = text.split("\n", -1);
      int close = -1;
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].strip().equals("---")) {
          close = i;
          break;
        }
      }
      if (close < 0) {
        return RawRecord.unreadable(file, "file", Reasons.MALFORMED_FRONT_MATTER,
            "front matter opened with '---' is never closed", excerpt(text));
      }
      for (int i = 1; i < close; i++) {
        String l = lines[i];
        if (l.isBlank() || l.stripLeading().startsWith("#")) {
          continue;
        }
        java.util.regex.Matcher m = FRONT_MATTER_LINE.matcher(l);
        if (!m.matches()) {
          return RawRecord.unreadable(file, "file", Reasons.MALFORMED_FRONT_MATTER,
              "front matter line " + (i + 1) + " is not 'key: value'", excerpt(text));
        }
        String v = m.group(2).strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
          v = v.substring(1, v.length() - 1);
        }
        if (!v.isEmpty()) {
          fields.put(m.group(1), v);
        }
      }
      body = String.join("\n", java.util.Arrays.asList(lines).subList(close + 1, lines.length));
    }
    String lower = file.toLowerCase();
    if (lower.endsWith(".md") || lower.endsWith(".md.gz") || lower.contains(".markdown")) {
      body = markdownToText(body, fields.get("title"));
    }
    fields.put("text", body);
    return RawRecord.ok(file, "file", fields, excerpt(text));
  }

  /** Plain text of a Markdown body: headings, emphasis, links and quote markers dropped. */
  static String markdownToText(String md, String title) {
    String s = md.strip();
    if (title != null) {
      String firstLine = s.lines().findFirst().orElse("");
      if (firstLine.startsWith("#") && firstLine.replaceFirst("^#+\\s*", "").strip().equals(title.strip())) {
        s = s.substring(firstLine.length()).strip();
      }
    }
    s = MD_LINK.matcher(s).replaceAll("$1");
    s = MD_HEADING.matcher(s).replaceAll("");
    s = MD_QUOTE.matcher(s).replaceAll("");
    return MD_EMPHASIS.matcher(s).replaceAll("");
  }

  private static RawRecord readHtml(String file, String html) {
    Document doc = Jsoup.parse(html);
    Map<String, String> fields = new LinkedHashMap<>();
    putIfPresent(fields, "id", meta(doc, "parallax:id"));
    putIfPresent(fields, "source", firstNonBlank(meta(doc, "parallax:source"), meta(doc, "og:site_name")));
    putIfPresent(fields, "title", firstNonBlank(meta(doc, "og:title"), doc.title(),
        textOf(doc.selectFirst("h1"))));
    putIfPresent(fields, "url", firstNonBlank(attr(doc.selectFirst("link[rel=canonical]"), "href"),
        meta(doc, "og:url")));
    putIfPresent(fields, "published", firstNonBlank(meta(doc, "article:published_time"),
        meta(doc, "date"), attr(doc.selectFirst("time[datetime]"), "datetime")));
    putIfPresent(fields, "author", meta(doc, "author"));
    putIfPresent(fields, "language", firstNonBlank(attr(doc.selectFirst("html"), "lang"),
        meta(doc, "og:locale")));
    for (String key : List.of("story", "country", "source_type", "synthetic")) {
      putIfPresent(fields, key, meta(doc, "parallax:" + key));
    }
    doc.select("script, style, noscript, nav, header, footer, aside, form, iframe, svg, template, "
        + "button, figure figcaption, [role=navigation], [aria-hidden=true]").remove();
    Element main = firstNonNull(doc.selectFirst("article"), doc.selectFirst("main"),
        doc.selectFirst("[role=main]"), doc.body());
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
    return RawRecord.ok(file, "file", fields, excerpt(html));
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

  static String decodeStrict(byte[] b, int from, int to) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(b, from, to - from)).toString();
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static boolean hasNul(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBlank(byte[] b) {
    return isBlank(b, 0, b.length);
  }

  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(b[i] & 0xff) && b[i] != (byte) 0xEF && b[i] != (byte) 0xBB
          && b[i] != (byte) 0xBF) {
        return false;
      }
    }
    return true;
  }

  static String excerpt(byte[] b) {
    return excerpt(b, 0, b.length);
  }

  /** At most 1 KiB of UTF-8, cut on a character boundary; undecodable bytes become U+FFFD. */
  static String excerpt(byte[] b, int from, int to) {
    int end = Math.min(to, from + EXCERPT_BYTES);
    while (end < to && end > from && (b[end] & 0xC0) == 0x80) {
      end--;
    }
    String decoded = new String(b, from, end - from, StandardCharsets.UTF_8).replace('\0', '\uFFFD');
    return truncateUtf8(decoded, EXCERPT_BYTES);
  }

  /** The longest prefix of {@code s} whose UTF-8 form fits in {@code maxBytes}, whole characters only. */
  static String truncateUtf8(String s, int maxBytes) {
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + len > maxBytes) {
        break;
      }
      bytes += len;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }

  static String excerpt(String s) {
    return excerpt(s.getBytes(StandardCharsets.UTF_8));
  }
}
