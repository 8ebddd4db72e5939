package dev.parallax.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
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

  /** Reads one file's raw bytes with the default main-text extractor and limits. */
  public static List<RawRecord> read(String file, byte[] stored) {
    return read(file, stored, MainText.DEFAULT, IngestLimits.DEFAULT);
  }

  /** Reads one file's raw bytes with the default limits; HTML main text by {@code extractor}. */
  public static List<RawRecord> read(String file, byte[] stored, MainText.Extractor extractor) {
    return read(file, stored, extractor, IngestLimits.DEFAULT);
  }

  /** Reads one file's raw bytes (still gzip-compressed if the name ends in .gz), all records. */
  public static List<RawRecord> read(
      String file, byte[] stored, MainText.Extractor extractor, IngestLimits limits) {
    List<RawRecord> out = new ArrayList<>();
    read(
            file,
            offset -> {
              ByteArrayInputStream in = new ByteArrayInputStream(stored);
              in.skip(offset);
              return in;
            },
            extractor,
            limits,
            JsonLineRecords.Split.WHOLE)
        .forEachRemaining(out::add);
    return out;
  }

  /**
   * The records of one file (or of one split of an uncompressed JSON Lines file), read lazily from
   * {@code source} (the file as stored, opened at a byte offset); HTML pages' main text by {@code
   * extractor}. JSON Lines and CSV are streamed; JSON, text, Markdown and HTML files are read
   * whole, a text, Markdown or HTML file being one record (so at most {@code
   * ingest.max_record_bytes} of it is read) and a JSON document at most {@code
   * ingest.max_file_bytes}. Crawl archives (WARC, WET) are not read here but by {@link
   * WarcRecords}.
   */
  static Iterator<RawRecord> read(
      String file,
      WarcRecords.Source source,
      MainText.Extractor extractor,
      IngestLimits limits,
      JsonLineRecords.Split split) {
    InputFormat format = InputFormat.of(file);
    JsonLineRecords.RawHead rawHead = () -> rawHead(source);
    if (format == InputFormat.UNKNOWN) {
      return wholeFile(
              file,
              Reasons.UNKNOWN_FORMAT,
              "file type not recognised; use .jsonl, .json, .csv, .txt, .md, .html, .parquet, .warc,"
                  + " .wet or a .gz of one",
              excerpt(rawHead.get()))
          .iterator();
    }
    if (format.isCrawl()) {
      throw new IllegalArgumentException(file + " is a crawl archive, read by WarcRecords");
    }
    boolean gzip = InputFormat.isGzip(file);
    JsonLineRecords.Content content =
        gzip
            ? offset -> {
              InputStream raw = source.openAt(0);
              try {
                return new GZIPInputStream(raw, 1 << 16);
              } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
              }
            }
            : source::openAt;
    if (format == InputFormat.JSONL) {
      return JsonLineRecords.read(file, content, rawHead, gzip, split, limits);
    }
    if (format == InputFormat.CSV) {
      return CsvRecords.read(file, content, rawHead, gzip, limits);
    }
    boolean oneRecord = format == InputFormat.TEXT || format == InputFormat.HTML;
    long cap =
        oneRecord
            ? limits.maxRecordBytes()
            : Math.min(limits.maxFileBytes(), Integer.MAX_VALUE - 16);
    byte[] bytes;
    try (InputStream in = content.openAt(0)) {
      bytes = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      return wholeFile(
              file,
              Reasons.UNREADABLE_FILE,
              (gzip ? "not a valid gzip file: " : "could not read file: ") + e.getMessage(),
              excerpt(rawHead.get()))
          .iterator();
    }
    if (bytes.length > cap) {
      String reason =
          oneRecord
              ? "file (one record) is over ingest.max_record_bytes ("
                  + limits.maxRecordBytes()
                  + " bytes"
                  + (gzip ? " decompressed" : "")
                  + "); not read past it"
              : "JSON document is over "
                  + (cap == limits.maxFileBytes()
                      ? "ingest.max_file_bytes (" + cap + " bytes"
                      : "the " + cap + " bytes a document read whole can have (use JSON Lines")
                  + (gzip ? ", decompressed" : "")
                  + "); not read past it";
      return wholeFile(
              file,
              oneRecord ? Reasons.OVERSIZED_RECORD : Reasons.FILE_TOO_LARGE,
              reason,
              excerpt(bytes))
          .iterator();
    }
    return whole(file, format, bytes, extractor).iterator();
  }

  /** The first bytes of the file as stored (compressed or not); empty when it cannot be read. */
  private static byte[] rawHead(WarcRecords.Source source) {
    try (InputStream in = source.openAt(0)) {
      return in.readNBytes(4096);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /** The records of a JSON, text, Markdown or HTML file read whole (decompressed). */
  private static List<RawRecord> whole(
      String file, InputFormat format, byte[] bytes, MainText.Extractor extractor) {
    if (isBlank(bytes)) {
      return wholeFile(file, Reasons.EMPTY_FILE, "file is empty", excerpt(bytes));
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
      case TEXT -> List.of(TextRecords.readFrontMatter(file, text));
      default -> throw new IllegalStateException("format " + format + " is not read whole");
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
