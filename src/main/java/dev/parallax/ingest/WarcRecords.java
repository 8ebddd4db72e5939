package dev.parallax.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * Reads a WARC or WET file as a lazy stream of records, one in memory at a time, with jwarc.
 *
 * <p>Input records: {@code response} records (an HTTP response with an HTML payload becomes an
 * article; other payloads, redirects and HTTP errors are rejects with a reason), {@code resource}
 * records (HTML pages; other types are {@code not_html}) and {@code conversion} records (WET: the
 * text as it is, title null). Every other WARC-Type ({@code warcinfo, request, metadata, revisit,
 * continuation}) is not an input record and is reported as skipped under {@code "warc <type>"}.
 *
 * <p>Damage is contained to the record it hits; the rest of the file is read:
 *
 * <ul>
 *   <li>A record is accepted only once the record after it has parsed (or the file ended cleanly)
 *       where its Content-Length said: if the next record fails to parse and the next record start
 *       found by scanning parses fine, the Content-Length was wrong ({@code malformed_record}).
 *   <li>A record whose header does not parse is {@code malformed_record}; one cut off by the end of
 *       the file or of its gzip member is {@code truncated_record}.
 *   <li>After either, reading resumes at the next record start after the damaged one: the next
 *       {@code WARC/1.} line in a plain WARC, the next gzip member that decompresses to {@code
 *       WARC/} in a {@code .warc.gz} (each record is its own gzip member).
 *   <li>A record over {@code ingest.max_record_bytes} is {@code oversized_record}, its payload
 *       skipped unparsed.
 *   <li>Once the records' Content-Lengths add up to more than {@code ingest.max_file_bytes}, the
 *       record that passes the cap and the rest of the file are one {@code file_too_large} row, and
 *       nothing more is decompressed: a record declaring a gzip bomb's size stops the file before
 *       its payload is read.
 * </ul>
 *
 * <p>record_ref is {@code "offset <n>"}: the record's byte offset in the (compressed) file.
 */
public final class WarcRecords {
  private WarcRecords() {}

  /**
   * Reading options, shipped to the tasks.
   *
   * @param maxFileBytes {@code ingest.max_file_bytes}: once the records' contents (their
   *     Content-Length, decompressed) add up to more, the record that passes it and the rest of the
   *     file are one {@code file_too_large} row, not read
   */
  public record Options(
      MainText.Extractor extractor, long maxRecordBytes, Outlets outlets, long maxFileBytes)
      implements Serializable {
    /** Options with the default {@code ingest.max_file_bytes}. */
    public Options(MainText.Extractor extractor, long maxRecordBytes, Outlets outlets) {
      this(extractor, maxRecordBytes, outlets, IngestLimits.DEFAULT.maxFileBytes());
    }
  }

  /** Opens the file at a byte offset (Hadoop FileSystem in jobs, bytes in tests). */
  @FunctionalInterface
  public interface Source {
    InputStream openAt(long offset) throws IOException;
  }

  /**
   * One record of the file: an input record ({@code record} set), or a record that is not input
   * ({@code skippedType} set, e.g. {@code "warc request"}).
   */
  public record Item(RawRecord record, String skippedType) {}

  static final Set<String> INPUT_TYPES = Set.of("response", "resource", "conversion");
  private static final int SNIFF_BYTES = 512;

  /** The records of one file, read lazily. */
  public static Iterator<Item> read(String file, Source source, Options options) {
    return new Records(file, source, options);
  }

  /** The lazy iterator: a small state machine over jwarc's reader. */
  private static final class Records extends SteppedIterator<Item> {
    private final String file;
    private final Source source;
    private final Options options;
    private WarcReader reader;

    /** Offset in the file where {@link #reader}'s stream starts. */
    private long base;

    /** The last record read, held until the record after it has parsed. */
    private Item pending;

    private long pendingOffset;

    /** Content-Length of the records read so far (decompressed bytes, for the file cap). */
    private long contentBytes;

    private Boolean gzip;

    Records(String file, Source source, Options options) {
      this.file = file;
      this.source = source;
      this.options = options;
    }

    @Override
    protected void step() {
      try {
        if (gzip == null) {
          gzip = startsWithGzipMagic(0);
        }
        if (reader == null) {
          reader = new WarcReader(source.openAt(base));
        }
      } catch (IOException e) {
        ready.add(
            new Item(
                RawRecord.unreadable(
                    file,
                    "offset " + base,
                    Reasons.UNREADABLE_FILE,
                    "could not read file: " + e.getMessage(),
                    ""),
                null));
        finish();
        return;
      }
      Optional<WarcRecord> next;
      try {
        next = reader.next();
      } catch (IOException | RuntimeException e) {
        failedAfterPending(e);
        return;
      }
      if (next.isEmpty()) {
        flushPending();
        finish();
        return;
      }
      flushPending();
      WarcRecord rec = next.get();
      long offset = base + reader.position();
      long size;
      try {
        size = rec.body().size();
      } catch (IOException e) {
        size = 0; // the record's own reading reports it
      }
      if (size > options.maxFileBytes() - contentBytes) {
        ready.add(
            new Item(
                RawRecord.unreadable(
                    file,
                    "offset " + offset,
                    Reasons.FILE_TOO_LARGE,
                    "records' contents reach "
                        + (contentBytes + size)
                        + " bytes with this one, over ingest.max_file_bytes ("
                        + options.maxFileBytes()
                        + "); the file is not read from offset "
                        + offset
                        + " on",
                    ""),
                null));
        finish();
        return;
      }
      contentBytes += size;
      try {
        pending = item(rec, offset);
        pendingOffset = offset;
      } catch (IOException | RuntimeException e) {
        ready.add(damaged(offset, e));
        resync(offset + 1);
      }
    }

    /** The record after {@link #pending} (or the first one at {@link #base}) did not parse. */
    private void failedAfterPending(Exception e) {
      if (pending == null) {
        ready.add(damaged(base, e));
        resync(base + 1);
        return;
      }
      long c = candidate(pendingOffset + 1);
      if (c < 0) {
        rejectPendingLength(-1);
        finish();
        return;
      }
      Exception atC = parsesAt(c);
      if (atC == null) {
        rejectPendingLength(c);
        reopen(c);
      } else {
        flushPending();
        ready.add(damaged(c, atC));
        resync(c + 1);
      }
    }

    private void rejectPendingLength(long next) {
      RawRecord p = pending.record();
      String where = next < 0 ? "the end of the file" : "the next record at offset " + next;
      ready.add(
          new Item(
              RawRecord.unreadable(
                  file,
                  "offset " + pendingOffset,
                  Reasons.MALFORMED_RECORD,
                  "WARC Content-Length does not end where a record starts (next record found by"
                      + " scanning: "
                      + where
                      + ")",
                  p == null ? "" : p.rawExcerpt()),
              null));
      pending = null;
    }

    private void flushPending() {
      if (pending != null) {
        ready.add(pending);
        pending = null;
      }
    }

    private void resync(long from) {
      long c = candidate(from);
      if (c < 0) {
        finish();
      } else {
        reopen(c);
      }
    }

    private void reopen(long at) {
      closeReader();
      base = at;
      pending = null;
    }

    private void finish() {
      flushPending();
      closeReader();
      done = true;
      if (!any && ready.isEmpty()) {
        ready.add(
            new Item(
                RawRecord.unreadable(
                    file, "file", Reasons.EMPTY_FILE, "file holds no WARC record", ""),
                null));
      }
    }

    private void closeReader() {
      if (reader != null) {
        try {
          reader.close();
        } catch (IOException ignored) {
          // Reading is over; a close failure loses nothing.
        }
        reader = null;
      }
    }

    private Item damaged(long offset, Exception e) {
      boolean truncated = e instanceof EOFException || e.getCause() instanceof EOFException;
      String msg =
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      return new Item(
          RawRecord.unreadable(
              file,
              "offset " + offset,
              truncated ? Reasons.TRUNCATED_RECORD : Reasons.MALFORMED_RECORD,
              (truncated ? "record cut short: " : "record cannot be parsed: ")
                  + abbreviate(msg, 200),
              ""),
          null);
    }

    /** Null when a record parses at {@code offset}, else what went wrong. */
    private Exception parsesAt(long offset) {
      try (WarcReader r = new WarcReader(source.openAt(offset))) {
        Optional<WarcRecord> rec = r.next();
        return rec.isPresent() ? null : new EOFException("no record at offset " + offset);
      } catch (IOException | RuntimeException e) {
        return e;
      }
    }

    /**
     * The first offset at or after {@code from} where a record appears to start, or -1: a line
     * beginning {@code WARC/1.} (plain), or a gzip member whose content begins {@code WARC/}.
     */
    private long candidate(long from) {
      byte[] marker =
          gzip
              ? new byte[] {0x1f, (byte) 0x8b, 0x08}
              : "\nWARC/1.".getBytes(StandardCharsets.US_ASCII);
      long scanFrom = gzip ? from : from - 1;
      try (InputStream in = new BufferedInputStream(source.openAt(scanFrom), 1 << 16)) {
        long pos = scanFrom;
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
          if (b == (marker[matched] & 0xff)) {
            matched++;
          } else {
            matched = b == (marker[0] & 0xff) ? 1 : 0;
          }
          pos++;
          if (matched == marker.length) {
            long start = gzip ? pos - marker.length : pos - marker.length + 1;
            if (!gzip || gzipMemberIsWarc(start)) {
              return start;
            }
            matched = 0;
          }
        }
      } catch (IOException e) {
        return -1;
      }
      return -1;
    }

    private boolean gzipMemberIsWarc(long at) {
      try (InputStream in = new GZIPInputStream(source.openAt(at))) {
        byte[] head = in.readNBytes(5);
        return new String(head, StandardCharsets.US_ASCII).equals("WARC/");
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }

    private boolean startsWithGzipMagic(long at) throws IOException {
      try (InputStream in = source.openAt(at)) {
        return in.read() == 0x1f && in.read() == 0x8b;
      }
    }

    /** The item of one record; its payload is read here, before the reader moves on. */
    private Item item(WarcRecord rec, long offset) throws IOException {
      String type = rec.type().toLowerCase(Locale.ROOT);
      if (!INPUT_TYPES.contains(type)) {
        return new Item(null, "warc " + type);
      }
      String ref = "offset " + offset;
      String url = rec instanceof WarcTargetRecord t ? t.target() : null;
      long size;
      try {
        size = rec.body().size();
      } catch (IOException e) {
        size = 0; // the record's own reading reports it
      }
      if (size > options.maxRecordBytes()) {
        return reject(
            ref,
            Reasons.OVERSIZED_RECORD,
            "record content of "
                + size
                + " bytes is over ingest.max_record_bytes ("
                + options.maxRecordBytes()
                + "); not parsed",
            url,
            "");
      }
      String contentType = rec.headers().first("Content-Type").orElse("");
      if (type.equals("response")
          && contentType.toLowerCase(Locale.ROOT).startsWith("application/http")) {
        HttpResponse http = ((WarcResponse) rec).http();
        int status = http.status();
        if (status >= 300 && status < 400) {
          String location = http.headers().first("Location").orElse("(no Location header)");
          return reject(
              ref,
              Reasons.REDIRECT,
              "HTTP " + status + " redirect to " + abbreviate(location, 300),
              url,
              "");
        }
        if (status >= 400) {
          return reject(
              ref, Reasons.HTTP_STATUS, "HTTP status " + status + " " + http.reason(), url, "");
        }
        String payloadType = http.headers().first("Content-Type").orElse("");
        byte[] payload = readCapped(http.bodyDecoded());
        if (payload == null) {
          return oversized(ref, url);
        }
        return page(rec, ref, url, payloadType, payload);
      }
      byte[] payload = readCapped(rec.body());
      if (payload == null) {
        return oversized(ref, url);
      }
      if (type.equals("conversion")) {
        return converted(rec, ref, url, contentType, payload);
      }
      return page(rec, ref, url, contentType, payload);
    }

    private Item oversized(String ref, String url) {
      return reject(
          ref,
          Reasons.OVERSIZED_RECORD,
          "payload is over ingest.max_record_bytes (" + options.maxRecordBytes() + "); not parsed",
          url,
          "");
    }

    /** The payload, or null when it is longer than the cap. */
    private byte[] readCapped(MessageBody body) throws IOException {
      InputStream in = body.stream();
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxRecordBytes() + 1));
      return b.length > options.maxRecordBytes() ? null : b;
    }

    private Item page(WarcRecord rec, String ref, String url, String contentType, byte[] payload) {
      if (!isHtml(contentType, payload)) {
        String what =
            contentType.isBlank() ? "payload without Content-Type" : "Content-Type " + contentType;
        return reject(
            ref,
            Reasons.NOT_HTML,
            what + " is not an HTML page",
            url,
            RecordReader.excerpt(payload));
      }
      HtmlCharset.Decoded decoded = HtmlCharset.decode(payload, contentType);
      HtmlRecords.Page page = HtmlRecords.page(decoded.text(), options.extractor());
      if (!MainText.hasMainText(page.main())) {
        return reject(
            ref,
            Reasons.NO_MAIN_TEXT,
            noMainTextReason(page.main()),
            url,
            RecordReader.excerpt(decoded.text()));
      }
      Map<String, String> fields = new LinkedHashMap<>(page.fields());
      HtmlRecords.putIfPresent(fields, ArticleRules.INGEST_WARNING, decoded.warning());
      if (!decoded.charset().equals("UTF-8")) {
        fields.put("charset", decoded.charset());
      }
      if (page.canonicalUrl() != null && !page.canonicalUrl().equals(url)) {
        fields.put("canonical_url", page.canonicalUrl());
      }
      HtmlRecords.putIfPresent(fields, "site_name", page.siteName());
      return article(rec, ref, url, fields, RecordReader.excerpt(decoded.text()));
    }

    private Item converted(
        WarcRecord rec, String ref, String url, String contentType, byte[] payload) {
      HtmlCharset.Decoded d = HtmlCharset.decode(payload, contentType);
      String text = d.text();
      if (MainText.nonWhitespace(text) < MainText.MIN_CHARS) {
        return reject(
            ref,
            Reasons.NO_MAIN_TEXT,
            "converted text has "
                + MainText.nonWhitespace(text)
                + " non-whitespace characters (fewer than "
                + MainText.MIN_CHARS
                + ")",
            url,
            RecordReader.excerpt(text));
      }
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("text", text);
      HtmlRecords.putIfPresent(fields, "title", rec.headers().first("WARC-Title").orElse(null));
      HtmlRecords.putIfPresent(fields, ArticleRules.INGEST_WARNING, d.warning());
      return article(rec, ref, url, fields, RecordReader.excerpt(text));
    }

    /** An accepted-so-far record: URL, outlet and crawl time added to the page's fields. */
    private Item article(
        WarcRecord rec, String ref, String url, Map<String, String> fields, String excerpt) {
      String host = hostOf(url);
      Outlets.Outlet outlet = options.outlets().of(host);
      HtmlRecords.putIfPresent(fields, "url", url);
      fields.putIfAbsent("source", outlet.source());
      if (outlet.country() != null) {
        fields.putIfAbsent("country", outlet.country());
      }
      if (outlet.sourceType() != null) {
        fields.putIfAbsent("source_type", outlet.sourceType());
      }
      HtmlRecords.putIfPresent(fields, "outlet_host", Outlets.host(host));
      fields.put("fetched_at", rec.date().toString());
      return new Item(RawRecord.ok(file, ref, fields, excerpt), null);
    }

    private Item reject(String ref, String code, String reason, String url, String excerpt) {
      String withUrl = url == null ? reason : reason + " (" + abbreviate(url, 300) + ")";
      return new Item(RawRecord.unreadable(file, ref, code, withUrl, excerpt), null);
    }
  }

  static String noMainTextReason(MainText.Extracted main) {
    long chars = MainText.nonWhitespace(main.text());
    if (chars < MainText.MIN_CHARS) {
      return "main text has "
          + chars
          + " non-whitespace characters (fewer than "
          + MainText.MIN_CHARS
          + "): a page of navigation or a stub";
    }
    return String.format(
        Locale.ROOT,
        "%.0f%% of the main text is link text (%.0f%% or more): a page of links",
        100 * main.linkShare(),
        100 * MainText.MAX_LINK_SHARE);
  }

  /** Whether a payload is HTML: by Content-Type, or sniffed from its start when that is absent. */
  static boolean isHtml(String contentType, byte[] payload) {
    String base = contentType.split(";", -1)[0].strip().toLowerCase(Locale.ROOT);
    if (base.equals("text/html") || base.equals("application/xhtml+xml")) {
      return true;
    }
    if (!base.isEmpty()
        && !base.equals("application/octet-stream")
        && !base.equals("unknown/unknown")) {
      return false;
    }
    String head =
        new String(payload, 0, Math.min(payload.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
            .replace("\u00ef\u00bb\u00bf", "")
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html")
        || head.startsWith("<html")
        || head.startsWith("<head")
        || head.startsWith("<body")
        || (head.startsWith("<!--") && head.contains("<html"));
  }

  static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      return URI.create(url.strip()).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
