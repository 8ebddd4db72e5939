package dev.parallax.ingest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one record of a plain-text or Markdown file, fields from its front matter. */
final class TextRecords {
  private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern MD_EMPHASIS =
      Pattern.compile("(\\*\\*|__|(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])|`)");
  private static final Pattern MD_HEADING = Pattern.compile("(?m)^[ \\t]{0,3}#{1,6}[ \\t]+");
  private static final Pattern MD_QUOTE = Pattern.compile("(?m)^[ \\t]{0,3}>[ \\t]?");
  private static final Pattern FRONT_MATTER_LINE =
      Pattern.compile("^([A-Za-z_][A-Za-z0-9_.-]*)\\s*:\\s?(.*)$");

  private TextRecords() {}

  /**
   * Text with an optional front-matter block: {@code ---}, then {@code key: value} lines, then
   * {@code ---}. Values are kept as written (no YAML typing: {@code NO} stays "NO"); surrounding
   * quotes are removed.
   */
  static RawRecord readFrontMatter(String file, String rawText) {
    String text = RecordReader.stripBom(rawText).replace("\r\n", "\n");
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
        return RawRecord.unreadable(
            file,
            "file",
            Reasons.MALFORMED_FRONT_MATTER,
            "front matter opened with '---' is never closed",
            RecordReader.excerpt(text));
      }
      for (int i = 1; i < close; i++) {
        String l = lines[i];
        if (l.isBlank() || l.stripLeading().startsWith("#")) {
          continue;
        }
        Matcher m = FRONT_MATTER_LINE.matcher(l);
        if (!m.matches()) {
          return RawRecord.unreadable(
              file,
              "file",
              Reasons.MALFORMED_FRONT_MATTER,
              "front matter line " + (i + 1) + " is not 'key: value'",
              RecordReader.excerpt(text));
        }
        String v = m.group(2).strip();
        if (v.length() >= 2
            && ((v.startsWith("\"") && v.endsWith("\""))
                || (v.startsWith("'") && v.endsWith("'")))) {
          v = v.substring(1, v.length() - 1);
        }
        if (!v.isEmpty()) {
          fields.put(m.group(1), v);
        }
      }
      body = String.join("\n", Arrays.asList(lines).subList(close + 1, lines.length));
    }
    String lower = file.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".md") || lower.endsWith(".md.gz") || lower.contains(".markdown")) {
      body = markdownToText(body, fields.get("title"));
    }
    fields.put("text", body);
    return RawRecord.ok(file, "file", fields, RecordReader.excerpt(text));
  }

  /** Plain text of a Markdown body: headings, emphasis, links and quote markers dropped. */
  static String markdownToText(String md, String title) {
    String s = md.strip();
    if (title != null) {
      String firstLine = s.lines().findFirst().orElse("");
      if (firstLine.startsWith("#")
          && firstLine.replaceFirst("^#+\\s*", "").strip().equals(title.strip())) {
        s = s.substring(firstLine.length()).strip();
      }
    }
    s = MD_LINK.matcher(s).replaceAll("$1");
    s = MD_HEADING.matcher(s).replaceAll("");
    s = MD_QUOTE.matcher(s).replaceAll("");
    return MD_EMPHASIS.matcher(s).replaceAll("");
  }
}
