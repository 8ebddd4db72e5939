package dev.parallax.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

/** A WARC file read back with jwarc into plain values, for tests of the files the tests write. */
public final class WarcRecords {
  private WarcRecords() {}

  /**
   * One record: its WARC-Type, target URI (null for warcinfo), and for a response the HTTP status,
   * Content-Type, Location header and body.
   */
  @SuppressWarnings("ArrayRecordComponent") // never compared or hashed; the body is only read
  public record Rec(
      String type, String target, int status, String contentType, String location, byte[] body) {
    public String html() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Every record of {@code file}, in order. */
  public static List<Rec> read(Path file) throws IOException {
    List<Rec> out = new ArrayList<>();
    try (WarcReader reader = new WarcReader(file)) {
      for (WarcRecord r : reader) {
        if (r instanceof WarcResponse resp) {
          HttpResponse http = resp.http();
          out.add(
              new Rec(
                  r.type(),
                  resp.target(),
                  http.status(),
                  http.headers().first("Content-Type").orElse(""),
                  http.headers().first("Location").orElse(null),
                  http.body().stream().readAllBytes()));
        } else if (r instanceof WarcRequest req) {
          out.add(new Rec(r.type(), req.target(), 0, "", null, new byte[0]));
        } else {
          out.add(new Rec(r.type(), null, 0, "", null, new byte[0]));
        }
      }
    }
    return out;
  }
}
