package dev.parallax.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Turns the bytes of one input file into {@link RawRecord}s: one per record that could be read, one
 * unreadable record per part that could not (a bad JSON line, a broken CSV tail, a whole binary
 * file). Never throws for bad content; every byte range ends in some record.
 *
 * <p>This class checks what every format shares (gzip, empty files, NUL bytes, UTF-8) and hands the
 * text to the reader of its format: {@link JsonRecords}, {@link CsvRecords}, {@link TextRecords}
 * (text and Markdown) or {@link HtmlRecords}. Parquet files are read by Spark in {@link IngestJob},
 * not here.
 */
public final class RecordReader {
  static final int EXCERPT_BYTES = 1024;

  private RecordReader() {}

  /** Reads one file's raw bytes with the default main-text extractor. */
  public static List<RawRecord> read(String file, byte[] stored) {
    return read(file, stored, MainText.DEFAULT);
  }

  /**
   * Reads one file's raw bytes (still gzip-compressed if the name ends in .gz); HTML pages' main
   * text by {@code extractor}. Crawl archives (WARC, WET) are not read here but by {@link
   * WarcRecords}, a stream of records.
   */
  public static List<RawRecord> read(String file, byte[] stored, MainText.Extractor extractor) {
    InputFormat format = InputFormat.of(file);
    if (format == InputFormat.UNKNOWN) {
      return wholeFile(
          file,
          Reasons.UNKNOWN_FORMAT,
          "file type not recognised; use .jsonl, .json, .csv, .txt, .md, .html, .parquet, .warc,"
              + " .wet or a .gz of one",
          excerpt(stored));
    }
    byte[] bytes = stored;
    if (InputFormat.isGzip(file)) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        return wholeFile(
            file,
            Reasons.UNREADABLE_FILE,
            "not a valid gzip file: " + e.getMessage(),
            excerpt(stored));
      }
    }
    if (isBlank(bytes)) {
      return wholeFile(file, Reasons.EMPTY_FILE, "file is empty", excerpt(bytes));
    }
    if (format == InputFormat.JSONL) {
      return JsonRecords.readJsonLines(file, bytes);
    }
    if (format.isCrawl()) {
      throw new IllegalArgumentException(file + " is a crawl archive, read by WarcRecords");
    }
    if (hasNul(bytes, 0, bytes.length)) {
      return wholeFile(
          file,
          Reasons.BINARY_CONTENT,
          "file contains NUL bytes: binary, not text",
          excerpt(bytes));
    }
    if (format == InputFormat.HTML) {
      // HTML declares its own charset (BOM, <meta charset>); see HtmlCharset.
      return List.of(HtmlRecords.readHtml(file, bytes, extractor));
    }
    String text;
    try {
      text = decodeStrict(bytes, 0, bytes.length);
    } catch (CharacterCodingException e) {
      return wholeFile(
          file, Reasons.INVALID_ENCODING, "file is not valid UTF-8 text", excerpt(bytes));
    }
    return switch (format) {
      case JSON -> JsonRecords.readJson(file, text);
      case CSV -> CsvRecords.readCsv(file, text);
      case TEXT -> List.of(TextRecords.readFrontMatter(file, text));
      default -> throw new IllegalStateException("format " + format + " is read by Spark");
    };
  }

  /** The whole file as one unreadable record. */
  static List<RawRecord> wholeFile(String file, String code, String reason, String excerpt) {
    return List.of(RawRecord.unreadable(file, "file", code, reason, excerpt));
  }

  static String decodeStrict(byte[] b, int from, int to) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(b, from, to - from))
        .toString();
  }

  static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  static boolean hasNul(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == 0) {
        return true;
      }
    }
    return false;
  }

  static boolean isBlank(byte[] b) {
    return isBlank(b, 0, b.length);
  }

  static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(b[i] & 0xff)
          && b[i] != (byte) 0xEF
          && b[i] != (byte) 0xBB
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
    String decoded =
        new String(b, from, end - from, StandardCharsets.UTF_8).replace('\0', '\uFFFD');
    return truncateUtf8(decoded, EXCERPT_BYTES);
  }

  /**
   * The longest prefix of {@code s} whose UTF-8 form fits in {@code maxBytes}, whole characters
   * only.
   */
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
