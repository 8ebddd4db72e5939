package dev.parallax.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The records of a JSON Lines file, or of one split of it, read as a stream: one line in memory at
 * a time, and never more than {@code ingest.max_record_bytes} of it.
 *
 * <p>A split owns the lines that start at a byte offset in {@code [start, end)} (the first split
 * also owns the line at 0); the line that starts inside a split is read to its end even past {@code
 * end}, as Hadoop's LineRecordReader does. Line numbers and record indexes of a split that does not
 * start the file come from a counting pass over the earlier splits ({@link #count}), which runs
 * this same reader without parsing, so both passes agree line by line.
 *
 * <p>Per line: a line longer than {@code ingest.max_record_bytes} is {@code oversized_record}, the
 * rest of it skipped unread into memory; the others are checked and parsed as {@link JsonRecords}
 * does. Once more than {@code ingest.max_file_bytes} bytes of the (decompressed) file have been
 * read, reading stops: the line being read and everything after it is one {@code file_too_large}
 * row. A gzip stream that breaks keeps the records before the break; the line being read and the
 * rest are one {@code unreadable_file} row (the whole file, ref {@code file}, when no record came
 * before it).
 */
final class JsonLineRecords implements Iterator<RawRecord> {

  /**
   * Where a reader starts and what it knows of the lines before it.
   *
   * @param start first byte offset owned (0 for the first split or a whole file)
   * @param end offset past the last owned line start; {@link Long#MAX_VALUE} for the whole file
   * @param firstLine line number (1-based) of the first owned line
   * @param firstRecord record index of the first record of the split
   * @param fileRecords records of the whole file when known (split files), else -1
   */
  record Split(long start, long end, long firstLine, long firstRecord, long fileRecords)
      implements Serializable {
    static final Split WHOLE = new Split(0, Long.MAX_VALUE, 1, 0, -1);

    boolean whole() {
      return end == Long.MAX_VALUE;
    }
  }

  /** What a split holds: its lines (blank ones too) and its records (non-blank lines). */
  record Counts(long lines, long records) implements Serializable {}

  /** Opens the file's content (decompressed) at an offset; 0 for compressed files. */
  @FunctionalInterface
  interface Content {
    InputStream openAt(long offset) throws IOException;
  }

  /** The first bytes of the raw (possibly compressed) file, for a whole-file reject's excerpt. */
  @FunctionalInterface
  interface RawHead {
    byte[] get();
  }

  private static final int BUFFER = 1 << 16;
  private static final int HEAD_BYTES = 4096;

  private final String file;
  private final Content content;
  private final RawHead rawHead;
  private final boolean gzip;
  private final Split split;
  private final IngestLimits limits;
  private final boolean parse;

  /** The record cap, at most what one Java array (the line's bytes) can hold. */
  private final long recordCap;

  private InputStream in;
  private final byte[] buf = new byte[BUFFER];
  private int bufPos;
  private int bufLen;

  /** Offset (decompressed) of the next byte {@link #read} returns. */
  private long pos;

  /** The line being read: its first {@code maxRecordBytes + 1} bytes at most. */
  private byte[] line = new byte[256];

  private byte[] head = new byte[0];
  private long lineNo;
  private long emitted;
  private boolean started;
  private boolean done;
  private RawRecord next;

  private JsonLineRecords(
      String file,
      Content content,
      RawHead rawHead,
      boolean gzip,
      Split split,
      IngestLimits limits,
      boolean parse) {
    this.file = file;
    this.content = content;
    this.rawHead = rawHead;
    this.gzip = gzip;
    this.split = split;
    this.limits = limits;
    this.parse = parse;
    this.lineNo = split.firstLine() - 1;
    this.recordCap = Math.min(limits.maxRecordBytes(), Integer.MAX_VALUE - 16);
  }

  /** The records of one split (or of the whole file with {@link Split#WHOLE}), read lazily. */
  static Iterator<RawRecord> read(
      String file,
      Content content,
      RawHead rawHead,
      boolean gzip,
      Split split,
      IngestLimits limits) {
    return new JsonLineRecords(file, content, rawHead, gzip, split, limits, true);
  }

  /** The lines and records a split holds, by the same reading without parsing. */
  static Counts count(String file, Content content, Split split, IngestLimits limits) {
    JsonLineRecords r =
        new JsonLineRecords(file, content, () -> new byte[0], false, split, limits, false);
    while (r.hasNext()) {
      r.next();
    }
    return new Counts(r.lineNo - (split.firstLine() - 1), r.emitted);
  }

  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      step();
    }
    return next != null;
  }

  @Override
  public RawRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RawRecord r = next;
    next = null;
    emitted++;
    return r;
  }

  private void step() {
    long lineStart = pos;
    try {
      if (!started) {
        started = true;
        if (!open()) {
          finish();
          return;
        }
        lineStart = pos;
      }
      if (pos >= split.end() || pos > limits.maxFileBytes()) {
        // past the split, or past the cap: the line that crossed it was reported by its owner
        finish();
        return;
      }
      int kept = 0;
      long length = 0;
      boolean blank = true;
      int last = -1;
      boolean eof = false;
      // The line is scanned a buffer at a time: up to its newline, the buffer's end, or the last
      // byte that keeps the file within its cap.
      while (true) {
        if (bufPos == bufLen && !fill()) {
          eof = true;
          break;
        }
        long capLeft = limits.maxFileBytes() - pos;
        int end = (int) Math.min(bufLen, bufPos + Math.max(0, Math.min(capLeft, BUFFER)));
        int from = bufPos;
        int stop = from;
        while (stop < end && buf[stop] != '\n') {
          stop++;
        }
        if (stop > from) {
          length += stop - from;
          last = buf[stop - 1] & 0xff;
          for (int i = from; blank && i < stop; i++) {
            blank = isBlankByte(buf[i] & 0xff);
          }
          if (parse && kept <= recordCap) {
            int n = (int) Math.min(stop - from, recordCap + 1 - kept);
            if (kept + n > line.length) {
              line =
                  Arrays.copyOf(
                      line, (int) Math.min(Math.max(line.length * 2L, kept + n), recordCap + 2));
            }
            System.arraycopy(buf, from, line, kept, n);
            kept += n;
          }
          pos += stop - from;
          bufPos = stop;
        }
        if (stop < end) {
          // the newline, within the cap
          bufPos++;
          pos++;
          break;
        }
        if (end < bufLen) {
          // the next byte would pass the cap
          lineNo++;
          next = tooLarge(lineStart);
          finish();
          return;
        }
      }
      if (eof && length == 0) {
        // the empty "line" after a final newline (or an empty file): nothing to read
        finish();
        return;
      }
      lineNo++;
      if (!blank) {
        long stop = last == '\r' ? length - 1 : length;
        String ref = "line " + lineNo;
        if (stop > recordCap) {
          next =
              RawRecord.unreadable(
                  file,
                  ref,
                  Reasons.OVERSIZED_RECORD,
                  limits.recordReason("line", stop),
                  parse
                      ? RecordReader.excerpt(
                          line, 0, Math.min(kept, RecordReader.EXCERPT_BYTES + 1))
                      : "");
        } else {
          next = parse ? JsonRecords.fromLine(file, ref, line, 0, (int) stop) : COUNTED;
        }
      }
      if (eof) {
        finish();
      }
    } catch (IOException e) {
      next = broken(lineStart, e);
      finish();
    }
  }

  /** Placeholder record of the counting pass. */
  private static final RawRecord COUNTED = RawRecord.unreadable("", "", "counted", "counted", "");

  /** Opens the content and moves to the first owned line; false when the split owns none. */
  private boolean open() throws IOException {
    if (split.start() == 0) {
      in = content.openAt(0);
      pos = 0;
      return true;
    }
    // The byte before the split decides: a line starts at `start` only after a newline.
    in = content.openAt(split.start() - 1);
    pos = split.start() - 1;
    int b;
    while ((b = read()) >= 0) {
      if (b == '\n') {
        return pos < split.end();
      }
      if (pos >= split.end()) {
        return false;
      }
    }
    return false;
  }

  private int read() throws IOException {
    if (bufPos == bufLen && !fill()) {
      return -1;
    }
    pos++;
    return buf[bufPos++] & 0xff;
  }

  /** Reads the next bytes into the empty buffer; false at the end of the content. */
  private boolean fill() throws IOException {
    bufLen = in.read(buf, 0, buf.length);
    bufPos = 0;
    if (bufLen <= 0) {
      bufLen = 0;
      return false;
    }
    if (pos < HEAD_BYTES && split.start() == 0 && parse) {
      int add = (int) Math.min(bufLen, HEAD_BYTES - pos);
      head = Arrays.copyOf(head, head.length + add);
      System.arraycopy(buf, 0, head, head.length - add, add);
    }
    return true;
  }

  private void finish() {
    done = true;
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // Reading is over; a close failure loses nothing.
      }
    }
    boolean empty =
        split.whole()
            ? emitted == 0 && next == null
            : split.start() == 0 && split.fileRecords() == 0 && next == null;
    if (empty && parse) {
      next =
          RawRecord.unreadable(
              file, "file", Reasons.EMPTY_FILE, "file is empty", RecordReader.excerpt(head));
    }
  }

  private RawRecord tooLarge(long lineStart) {
    return RawRecord.unreadable(
        file,
        "line " + lineNo,
        Reasons.FILE_TOO_LARGE,
        "file is larger than ingest.max_file_bytes ("
            + limits.maxFileBytes()
            + " bytes"
            + (gzip ? " decompressed" : "")
            + "); not read from byte offset "
            + lineStart
            + " (line "
            + lineNo
            + ") on",
        "");
  }

  private RawRecord broken(long lineStart, IOException e) {
    String what = gzip ? "not a valid gzip file: " : "could not read file: ";
    if (emitted == 0 && split.start() == 0) {
      return RawRecord.unreadable(
          file,
          "file",
          Reasons.UNREADABLE_FILE,
          what + e.getMessage(),
          RecordReader.excerpt(rawHead.get()));
    }
    lineNo++;
    return RawRecord.unreadable(
        file,
        "line " + lineNo,
        Reasons.UNREADABLE_FILE,
        what
            + e.getMessage()
            + "; the records before line "
            + lineNo
            + " are kept, the file is not read from byte offset "
            + lineStart
            + (gzip ? " (decompressed)" : "")
            + " on",
        "");
  }

  private static boolean isBlankByte(int b) {
    return Character.isWhitespace(b) || b == 0xEF || b == 0xBB || b == 0xBF;
  }
}
