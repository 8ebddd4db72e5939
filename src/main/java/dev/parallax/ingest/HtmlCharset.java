package dev.parallax.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bytes of an HTML page. The charset is the first of: a byte-order mark; the HTTP
 * {@code Content-Type} header's {@code charset} (crawl records); a {@code <meta charset>} or {@code
 * <meta http-equiv="Content-Type">} in the first {@value #PRESCAN_BYTES} bytes; else UTF-8, and if
 * the bytes are not valid UTF-8, windows-1252 with a warning. The BOM comes first as in the HTML
 * standard's encoding sniffing: a BOM is never wrong about the bytes that follow it.
 *
 * <p>Labels are mapped as browsers map them (WHATWG Encoding): {@code gb2312} and {@code gbk}
 * decode as GBK, {@code shift_jis} as windows-31j, {@code iso-8859-1} and {@code us-ascii} as
 * windows-1252. An unknown label is ignored (the next rule applies) with a warning.
 */
public final class HtmlCharset {
  private HtmlCharset() {}

  static final int PRESCAN_BYTES = 4096;

  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Map<String, String> ALIASES =
      Map.of(
          "gb2312", "GBK",
          "gbk", "GBK",
          "x-gbk", "GBK",
          "shift_jis", "windows-31j",
          "sjis", "windows-31j",
          "x-sjis", "windows-31j",
          "iso-8859-1", "windows-1252",
          "latin1", "windows-1252",
          "us-ascii", "windows-1252",
          "ascii", "windows-1252");

  /**
   * A decoded page.
   *
   * @param text the page's text, without a BOM
   * @param charset the charset used (Java name)
   * @param warning what went wrong choosing it (an unknown label, invalid UTF-8), else null
   */
  public record Decoded(String text, String charset, String warning) {}

  /**
   * Decodes {@code bytes}.
   *
   * @param contentType the HTTP Content-Type header value, or null (files)
   */
  public static Decoded decode(byte[] bytes, String contentType) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new Decoded(
          new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8", null);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE", null);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE", null);
    }
    StringBuilder warnings = new StringBuilder();
    Charset declared = null;
    if (contentType != null) {
      Matcher m = HEADER_CHARSET.matcher(contentType);
      if (m.find()) {
        declared = charset(m.group(1), "HTTP Content-Type", warnings);
      }
    }
    if (declared == null) {
      String head =
          new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        declared = charset(m.group(1), "<meta> charset", warnings);
      }
    }
    // A page declaring UTF-16 in a meta tag is ASCII-compatible text, so it is in fact not UTF-16.
    if (declared != null && !declared.name().startsWith("UTF-16")) {
      return new Decoded(new String(bytes, declared), declared.name(), warningOrNull(warnings));
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new Decoded(text, "UTF-8", warningOrNull(warnings));
    } catch (CharacterCodingException e) {
      if (warnings.length() > 0) {
        warnings.append("; ");
      }
      warnings.append("page declares no charset and is not valid UTF-8; decoded as windows-1252");
      Charset cp1252 = Charset.forName("windows-1252");
      return new Decoded(new String(bytes, cp1252), cp1252.name(), warnings.toString());
    }
  }

  private static Charset charset(String label, String where, StringBuilder warnings) {
    String l = label.toLowerCase(Locale.ROOT);
    String name = ALIASES.getOrDefault(l, l);
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      if (warnings.length() > 0) {
        warnings.append("; ");
      }
      warnings.append(where).append(" names unknown charset '").append(label).append("'; ignored");
      return null;
    }
  }

  private static String warningOrNull(StringBuilder sb) {
    return sb.length() == 0 ? null : sb.toString();
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
