package dev.parallax.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Records of CSV files, one per row, named by the header; references give the row's line.
 *
 * <p>A CSV file is read as a stream in one task, never whole: a quoted field may hold line breaks,
 * so a file cannot be cut at an arbitrary line the way JSON Lines is. It is read twice: a first
 * pass checks the whole file (gzip, empty, NUL bytes, UTF-8, {@code ingest.max_file_bytes}) as the
 * file-level rejects require, then the parse pass hands one record at a time to commons-csv. A
 * record over {@code ingest.max_record_bytes} is {@code oversized_record}; when it is found before
 * it ends (more than the cap read since the previous record) reading stops there, since CSV cannot
 * be resumed inside a quoted field, and the row says the rest of the file was not read.
 */
final class CsvRecords {
  private CsvRecords() {}

  private static final int BUFFER = 1 << 16;
  private static final int HEAD_BYTES = 4096;

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setAllowMissingColumnNames(true)
          .build();

  /**
   * One record per row of an RFC 4180 file with a header line; a row with the wrong number of
   * fields is unreadable, and a parse error makes the rest of the file one unreadable record.
   *
   * @param content the file's content, decompressed, from its start
   * @param rawHead the first bytes of the file as stored, for a gzip error's excerpt
   */
  static Iterator<RawRecord> read(
      String file,
      JsonLineRecords.Content content,
      JsonLineRecords.RawHead rawHead,
      boolean gzip,
      IngestLimits limits) {
    Check check;
    try {
      check = check(content, limits);
    } catch (IOException e) {
      String what = gzip ? "not a valid gzip file: " : "could not read file: ";
      return one(
          RawRecord.unreadable(
              file,
              "file",
              Reasons.UNREADABLE_FILE,
              what + e.getMessage(),
              RecordReader.excerpt(rawHead.get())));
    }
    String excerpt = RecordReader.excerpt(check.head);
    if (check.tooLarge) {
      return one(
          RawRecord.unreadable(
              file,
              "file",
              Reasons.FILE_TOO_LARGE,
              "file is larger than ingest.max_file_bytes ("
                  + limits.maxFileBytes()
                  + " bytes"
                  + (gzip ? " decompressed" : "")
                  + "); a CSV file is checked whole before its records are read, so none is kept",
              excerpt));
    }
    if (check.blank) {
      return one(RawRecord.unreadable(file, "file", Reasons.EMPTY_FILE, "file is empty", excerpt));
    }
    if (check.nul) {
      return one(
          RawRecord.unreadable(
              file,
              "file",
              Reasons.BINARY_CONTENT,
              "file contains NUL bytes: binary, not text",
              excerpt));
    }
    if (!check.utf8) {
      return one(
          RawRecord.unreadable(
              file, "file", Reasons.INVALID_ENCODING, "file is not valid UTF-8 text", excerpt));
    }
    return new Records(file, content, excerpt, limits);
  }

  private static Iterator<RawRecord> one(RawRecord r) {
    return List.of(r).iterator();
  }

  /** What the first pass found about the whole file. */
  private static final class Check {
    byte[] head = new byte[0];
    boolean tooLarge;
    boolean blank = true;
    boolean nul;
    boolean utf8 = true;
  }

  private static Check check(JsonLineRecords.Content content, IngestLimits limits)
      throws IOException {
    Check c = new Check();
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bb = ByteBuffer.allocate(BUFFER + 16);
    CharBuffer cb = CharBuffer.allocate(BUFFER);
    byte[] chunk = new byte[BUFFER];
    long total = 0;
    try (InputStream in = content.openAt(0)) {
      int n;
      while ((n = in.read(chunk)) > 0) {
        if (total < HEAD_BYTES) {
          int add = (int) Math.min(n, HEAD_BYTES - total);
          c.head = Arrays.copyOf(c.head, c.head.length + add);
          System.arraycopy(chunk, 0, c.head, c.head.length - add, add);
        }
        total += n;
        if (total > limits.maxFileBytes()) {
          c.tooLarge = true;
          return c;
        }
        if (c.blank && !RecordReader.isBlank(chunk, 0, n)) {
          c.blank = false;
        }
        if (!c.nul && RecordReader.hasNul(chunk, 0, n)) {
          c.nul = true;
        }
        if (c.utf8) {
          bb.put(chunk, 0, n).flip();
          while (true) {
            var r = dec.decode(bb, cb, false);
            cb.clear();
            if (r.isError()) {
              c.utf8 = false;
              break;
            }
            if (r.isUnderflow()) {
              break;
            }
          }
          bb.compact();
        }
      }
    }
    if (c.utf8) {
      bb.flip();
      var r = dec.decode(bb, cb, true);
      cb.clear();
      c.utf8 = !r.isError() && !dec.flush(cb).isError();
    }
    return c;
  }

  /** Thrown by {@link Tracking} when a record runs past the cap before it ends. */
  private static final class RecordTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    RecordTooLarge(long cap) {
      super("more than " + cap + " bytes since the previous record");
    }
  }

  /**
   * The text the parser reads, with what references and excerpts need: the line of a character
   * position and the text from a line on, kept from the start of the last record returned (one
   * record and the parser's read-ahead), and a count of the bytes read since then.
   */
  private static final class Tracking extends Reader {
    private final Reader in;
    private final long cap;
    private final StringBuilder window = new StringBuilder();

    /** Index in {@link #window} of character {@link #cutAt}. */
    private int cut;

    private long cutAt;
    private long linesBeforeCut;
    private long bytesSinceMark;

    Tracking(Reader in, long cap) {
      this.in = in;
      this.cap = cap;
    }

    @Override
    public int read(char[] c, int off, int len) throws IOException {
      if (bytesSinceMark > cap) {
        throw new RecordTooLarge(cap);
      }
      int n = in.read(c, off, len);
      if (n > 0) {
        window.append(c, off, n);
        for (int i = off; i < off + n; i++) {
          char ch = c[i];
          bytesSinceMark += ch < 0x80 ? 1 : ch < 0x800 || Character.isSurrogate(ch) ? 2 : 3;
        }
      }
      return n;
    }

    /** A record was returned: the cap counts from here. */
    void mark() {
      bytesSinceMark = 0;
    }

    /**
     * The 1-based line of the first character at or after {@code position} that is not a line
     * break; the text before it is let go.
     */
    long lineOf(long position) {
      int i = cut + (int) (position - cutAt);
      while (i < window.length() && (window.charAt(i) == '\n' || window.charAt(i) == '\r')) {
        i++;
      }
      for (int j = cut; j < i; j++) {
        if (window.charAt(j) == '\n') {
          linesBeforeCut++;
        }
      }
      cutAt += i - cut;
      cut = i;
      if (cut > BUFFER && cut > window.length() / 2) {
        window.delete(0, cut);
        cut = 0;
      }
      return linesBeforeCut + 1;
    }

    /** Up to about 2 KiB of text from the start of {@code line} on (read further if needed). */
    String tailFromLine(long line) {
      int i = cut;
      for (long l = linesBeforeCut + 1; l < line && i >= 0; l++) {
        i = window.indexOf("\n", i);
        if (i >= 0) {
          i++;
        }
      }
      if (i < 0) {
        return "";
      }
      char[] more = new char[2048];
      try {
        while (window.length() - i < 2048) {
          int n = in.read(more, 0, more.length);
          if (n < 0) {
            break;
          }
          window.append(more, 0, n);
        }
      } catch (IOException e) {
        // the excerpt is what was read
      }
      return window.substring(i, Math.min(window.length(), i + 2048));
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** The parse pass: commons-csv over the tracked text, one record per step. */
  private static final class Records extends SteppedIterator<RawRecord> {
    private final String file;
    private final String head;
    private final IngestLimits limits;
    private final JsonLineRecords.Content content;
    private Tracking text;
    private CSVParser parser;
    private Iterator<CSVRecord> it;
    private List<String> header;
    private long nextLine = 2;
    private int record;

    Records(String file, JsonLineRecords.Content content, String head, IngestLimits limits) {
      this.file = file;
      this.content = content;
      this.head = head;
      this.limits = limits;
    }

    @Override
    protected void step() {
      if (parser == null) {
        try {
          PushbackReader r =
              new PushbackReader(
                  new InputStreamReader(content.openAt(0), StandardCharsets.UTF_8), 1);
          int first = r.read();
          if (first >= 0 && first != '\uFEFF') {
            r.unread(first);
          }
          text = new Tracking(r, limits.maxRecordBytes());
          parser = CSVParser.parse(text, FORMAT);
          header = parser.getHeaderNames();
          it = parser.iterator();
          text.mark();
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
          ready.add(
              RawRecord.unreadable(
                  file,
                  "file",
                  Reasons.MALFORMED_CSV,
                  "CSV header could not be read: " + e.getMessage(),
                  head));
          finish();
          return;
        }
      }
      CSVRecord rec;
      try {
        if (!it.hasNext()) {
          finish();
          return;
        }
        rec = it.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        String ref = "record " + (record + 1) + " (line " + nextLine + ")";
        String excerpt = RecordReader.excerpt(text.tailFromLine(nextLine));
        if (e.getCause() instanceof RecordTooLarge) {
          ready.add(
              RawRecord.unreadable(
                  file,
                  ref,
                  Reasons.OVERSIZED_RECORD,
                  "record of more than "
                      + limits.maxRecordBytes()
                      + " bytes is over ingest.max_record_bytes; not parsed, and the rest of the"
                      + " file is not read (CSV cannot be resumed inside a record)",
                  excerpt));
        } else {
          String msg = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
          ready.add(
              RawRecord.unreadable(
                  file,
                  ref,
                  Reasons.MALFORMED_CSV,
                  "CSV broken from here to the end of the file: " + msg,
                  excerpt));
        }
        finish();
        return;
      }
      text.mark();
      record++;
      String ref = "record " + record + " (line " + text.lineOf(rec.getCharacterPosition()) + ")";
      String joined = String.join(",", rec.values());
      String raw = RecordReader.excerpt(joined);
      nextLine = parser.getCurrentLineNumber() + 1;
      long size = utf8Length(joined);
      if (size > limits.maxRecordBytes()) {
        ready.add(
            RawRecord.unreadable(
                file, ref, Reasons.OVERSIZED_RECORD, limits.recordReason("record", size), raw));
        return;
      }
      if (rec.size() != header.size()) {
        ready.add(
            RawRecord.unreadable(
                file,
                ref,
                Reasons.MALFORMED_CSV,
                "row has " + rec.size() + " fields, the header has " + header.size(),
                raw));
        return;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i);
        if (name != null && !name.isBlank() && !rec.get(i).isEmpty()) {
          fields.put(name.trim(), rec.get(i));
        }
      }
      ready.add(RawRecord.ok(file, ref, fields, raw));
    }

    private void finish() {
      done = true;
      try {
        if (parser != null) {
          parser.close();
        } else if (text != null) {
          text.close();
        }
      } catch (IOException ignored) {
        // Reading is over; a close failure loses nothing.
      }
      if (!any && ready.isEmpty()) {
        ready.add(
            RawRecord.unreadable(
                file, "file", Reasons.EMPTY_FILE, "CSV has a header but no records", head));
      }
    }
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      n += ch < 0x80 ? 1 : ch < 0x800 || Character.isSurrogate(ch) ? 2 : 3;
    }
    return n;
  }
}
