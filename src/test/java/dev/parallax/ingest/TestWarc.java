package dev.parallax.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Builds small WARC files with jwarc's writer for tests: invented pages of invented outlets ({@code
 * .example} hosts), fixed dates and record ids so the bytes are the same on every run.
 */
final class TestWarc {
  private TestWarc() {}

  static final Instant CRAWLED = Instant.parse("2025-02-08T06:00:00Z");

  /** A written file's bytes and the byte offset at which each record starts. */
  static final class Written {
    private final byte[] bytes;
    private final List<Long> offsets;

    Written(byte[] bytes, List<Long> offsets) {
      this.bytes = bytes;
      this.offsets = offsets;
    }

    byte[] bytes() {
      return bytes.clone();
    }

    List<Long> offsets() {
      return offsets;
    }

    void writeTo(Path p) {
      try {
        Files.write(p, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Writes records, gzip-compressed (one member per record) or plain. */
  static Written write(boolean gzip, WarcRecord... records) {
    try {
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      org.netpreserve.jwarc.WarcWriter w =
          new org.netpreserve.jwarc.WarcWriter(
              Channels.newChannel(bos), gzip ? WarcCompression.GZIP : WarcCompression.NONE);
      List<Long> offsets = new ArrayList<>();
      for (WarcRecord r : records) {
        offsets.add(w.position());
        w.write(r);
      }
      w.close();
      return new Written(bos.toByteArray(), offsets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTP response record; {@code contentType} null leaves the header out. */
  static WarcResponse response(
      String url, int status, String reason, String contentType, byte[] body, String... headers) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason);
    head.append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = Arrays.copyOf(h, h.length + body.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    try {
      return new WarcResponse.Builder(URI.create(url))
          .date(CRAWLED)
          .recordId(id(url + status))
          .body(MediaType.HTTP_RESPONSE, all)
          .build();
    } catch (RuntimeException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A 200 response with an HTML page in UTF-8. */
  static WarcResponse page(String url, String html) {
    return response(
        url, 200, "OK", "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  static WarcResponse redirect(String from, String to) {
    return response(from, 301, "Moved Permanently", "text/html", new byte[0], "Location", to);
  }

  static WarcRequest request(String url) {
    try {
      return new WarcRequest.Builder(URI.create(url))
          .date(CRAWLED)
          .recordId(id("request " + url))
          .body(new HttpRequest.Builder("GET", URI.create(url)).build())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Warcinfo warcinfo() {
    return new Warcinfo.Builder()
        .date(CRAWLED)
        .recordId(id("warcinfo"))
        .fields(Map.of("software", List.of("parallax-tests"), "description", List.of("synthetic")))
        .build();
  }

  static WarcMetadata metadata(String url) {
    return new WarcMetadata.Builder()
        .date(CRAWLED)
        .recordId(id("metadata " + url))
        .targetURI(url)
        .fields(Map.of("fetchTimeMs", List.of("120")))
        .build();
  }

  static WarcRevisit revisit(String url) {
    return new WarcRevisit.Builder(URI.create(url))
        .date(CRAWLED)
        .recordId(id("revisit " + url))
        .build();
  }

  static WarcResource resource(String url, String contentType, byte[] body) {
    return new WarcResource.Builder(URI.create(url))
        .date(CRAWLED)
        .recordId(id("resource " + url))
        .body(MediaType.parse(contentType), body)
        .build();
  }

  /** A WET conversion record: the page's text, already extracted. */
  static WarcConversion conversion(String url, String text) {
    return new WarcConversion.Builder()
        .date(CRAWLED)
        .recordId(id("conversion " + url))
        .setHeader("WARC-Target-URI", url)
        .body(MediaType.PLAIN_TEXT, text.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  static UUID id(String s) {
    return UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The outlet map the tests use: the bundled one. */
  static Outlets outlets() {
    try (var in = Outlets.class.getResourceAsStream(Outlets.BUILTIN_RESOURCE)) {
      return Outlets.parse("builtin", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static WarcRecords.Options options() {
    return new WarcRecords.Options(MainText.DEFAULT, 10L * 1024 * 1024, outlets());
  }

  /** Every item of a file's bytes, read through {@link WarcRecords}. */
  static List<WarcRecords.Item> read(String name, byte[] bytes, WarcRecords.Options options) {
    WarcRecords.Source source =
        offset -> {
          var in = new java.io.ByteArrayInputStream(bytes);
          in.skip(offset);
          return in;
        };
    List<WarcRecords.Item> out = new ArrayList<>();
    for (Iterator<WarcRecords.Item> it = WarcRecords.read(name, source, options); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  static List<WarcRecords.Item> read(String name, byte[] bytes) {
    return read(name, bytes, options());
  }
}
