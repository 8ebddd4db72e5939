package dev.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link WarcRecords} on WARC files written by jwarc ({@link TestWarc}), one kind of record or
 * damage per test. Offsets are the writer's positions before each record, taken independently of
 * the reader.
 */
class WarcRecordsTest {
  static final String BRIDGE_URL = "https://www.harbourline.example/city/2025/02/bridge-repairs";
  static final String FLOOD_URL = "https://news.tidewater-gazette.example/valley/flood-walls";
  static final String ORCHARD_URL = "https://www.unlisted-weekly.example/farming/frost";

  static String bridge() {
    return TestPages.semantic("Harbourline Courier", TestPages.BRIDGE).html();
  }

  static String flood() {
    return TestPages.divSoup("Tidewater Gazette", TestPages.FLOOD).html();
  }

  static String orchard() {
    return TestPages.inlineClutter("Unlisted Weekly", TestPages.ORCHARD).html();
  }

  static List<RawRecord> records(List<WarcRecords.Item> items) {
    return items.stream().filter(i -> i.record() != null).map(WarcRecords.Item::record).toList();
  }

  static Map<String, Long> skipped(List<WarcRecords.Item> items) {
    Map<String, Long> m = new TreeMap<>();
    for (WarcRecords.Item i : items) {
      if (i.skippedType() != null) {
        m.merge(i.skippedType(), 1L, Long::sum);
      }
    }
    return m;
  }

  static String codes(List<RawRecord> recs) {
    return String.join(",", recs.stream().map(r -> r.readable() ? "ok" : r.reasonCode()).toList());
  }

  @Test
  void aCrawlOfArticlesErrorsAndNonInputRecords() {
    TestWarc.Written w =
        TestWarc.write(
            true,
            TestWarc.warcinfo(),
            TestWarc.request(BRIDGE_URL),
            TestWarc.page(BRIDGE_URL, bridge()),
            TestWarc.metadata(BRIDGE_URL),
            TestWarc.response(
                "https://www.harbourline.example/img/bridge.jpg",
                200,
                "OK",
                "image/jpeg",
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x10}),
            TestWarc.response(
                "https://www.harbourline.example/robots.txt",
                200,
                "OK",
                "text/plain",
                "User-agent: *\nDisallow: /search\n".getBytes(StandardCharsets.US_ASCII)),
            TestWarc.response(
                "https://www.harbourline.example/gone",
                404,
                "Not Found",
                "text/html",
                "<html><body><p>Page not found</p></body></html>".getBytes(StandardCharsets.UTF_8)),
            TestWarc.response(
                "https://www.harbourline.example/busy",
                503,
                "Service Unavailable",
                "text/html",
                new byte[0]),
            TestWarc.revisit(BRIDGE_URL),
            TestWarc.resource(FLOOD_URL, "text/html", flood().getBytes(StandardCharsets.UTF_8)),
            // No Content-Type header: sniffed as HTML from its first bytes.
            TestWarc.response(
                ORCHARD_URL, 200, "OK", null, orchard().getBytes(StandardCharsets.UTF_8)));
    List<WarcRecords.Item> items = TestWarc.read("crawl.warc.gz", w.bytes());
    List<RawRecord> recs = records(items);
    assertEquals("ok,not_html,not_html,http_status,http_status,ok,ok", codes(recs));
    assertEquals(
        Map.of("warc metadata", 1L, "warc request", 1L, "warc revisit", 1L, "warc warcinfo", 1L),
        skipped(items));
    List<Long> inputOffsets =
        List.of(
            w.offsets().get(2),
            w.offsets().get(4),
            w.offsets().get(5),
            w.offsets().get(6),
            w.offsets().get(7),
            w.offsets().get(9),
            w.offsets().get(10));
    assertEquals(
        inputOffsets.stream().map(o -> "offset " + o).toList(),
        recs.stream().map(RawRecord::recordRef).toList());

    Map<String, String> bridge = recs.get(0).fields();
    assertEquals(BRIDGE_URL, bridge.get("url"));
    assertEquals("Harbourline Courier", bridge.get("source"));
    assertEquals("US", bridge.get("country"));
    assertEquals("news", bridge.get("source_type"));
    assertEquals("harbourline.example", bridge.get("outlet_host"));
    assertEquals("true", bridge.get("synthetic"));
    assertEquals(String.join("\n\n", TestPages.BRIDGE.paragraphs()), bridge.get("text"));
    // news.tidewater-gazette.example matches the suffix tidewater-gazette.example.
    assertEquals("Tidewater Gazette", recs.get(5).fields().get("source"));
    assertEquals("news.tidewater-gazette.example", recs.get(5).fields().get("outlet_host"));
    // A host the outlet map does not list is its own source, www. dropped.
    assertEquals("unlisted-weekly.example", recs.get(6).fields().get("source"));
    assertNull(recs.get(6).fields().get("country"));
    assertTrue(recs.get(1).reason().contains("image/jpeg"), recs.get(1).reason());
    assertTrue(recs.get(3).reason().contains("404"), recs.get(3).reason());
  }

  /**
   * A syndicated copy points its canonical link at the wire's URL: the article's url stays the
   * crawled one (two outlets' copies would otherwise clash as one article id), the canonical link
   * is kept beside it.
   */
  @Test
  void theUrlIsTheCrawledOneAndTheCanonicalLinkIsKeptAside() {
    String wire = "https://www.meridian-wire.example/2025/02/bridge";
    String html =
        bridge().replace("</head>", "<link rel=\"canonical\" href=\"" + wire + "\"></head>");
    List<RawRecord> recs =
        records(
            TestWarc.read(
                "c.warc", TestWarc.write(false, TestWarc.page(BRIDGE_URL, html)).bytes()));
    assertEquals(BRIDGE_URL, recs.get(0).fields().get("url"));
    assertEquals(wire, recs.get(0).fields().get("canonical_url"));
    assertEquals(TestWarc.CRAWLED.toString(), recs.get(0).fields().get("fetched_at"));
  }

  @Test
  void aRedirectLoopIsTwoRedirectsAndTheNextPageIsRead() {
    String a = "https://www.harbourline.example/a";
    String b = "https://www.harbourline.example/b";
    TestWarc.Written w =
        TestWarc.write(
            false,
            TestWarc.redirect(a, b),
            TestWarc.redirect(b, a),
            TestWarc.page(BRIDGE_URL, bridge()));
    List<RawRecord> recs = records(TestWarc.read("loop.warc", w.bytes()));
    assertEquals("redirect,redirect,ok", codes(recs));
    assertTrue(recs.get(0).reason().contains("301 redirect to " + b), recs.get(0).reason());
    assertTrue(recs.get(1).reason().contains("301 redirect to " + a), recs.get(1).reason());
  }

  @Test
  void aWarcWithoutResponseRecordsHasNoInputAndCountsWhatItSkipped() {
    TestWarc.Written w =
        TestWarc.write(
            true, TestWarc.warcinfo(), TestWarc.request(BRIDGE_URL), TestWarc.request(FLOOD_URL));
    List<WarcRecords.Item> items = TestWarc.read("requests.warc.gz", w.bytes());
    assertEquals(List.of(), records(items));
    assertEquals(Map.of("warc request", 2L, "warc warcinfo", 1L), skipped(items));
  }

  @Test
  void aTruncatedWarcGzKeepsTheRecordsBeforeTheCut() {
    TestWarc.Written w =
        TestWarc.write(
            true,
            TestWarc.page(BRIDGE_URL, bridge()),
            TestWarc.page(FLOOD_URL, flood()),
            TestWarc.page(ORCHARD_URL, orchard()));
    byte[] cut = Arrays.copyOf(w.bytes(), w.bytes().length - 200);
    List<RawRecord> recs = records(TestWarc.read("cut.warc.gz", cut));
    assertEquals("ok,ok,truncated_record", codes(recs));
    assertEquals("offset " + w.offsets().get(2), recs.get(2).recordRef());
  }

  @Test
  void aDamagedGzipMemberInTheMiddleIsSkippedAndTheRestRead() {
    TestWarc.Written w =
        TestWarc.write(
            true,
            TestWarc.page(BRIDGE_URL, bridge()),
            TestWarc.page(FLOOD_URL, flood()),
            TestWarc.page(ORCHARD_URL, orchard()));
    byte[] b = w.bytes();
    // Overwrite the middle of the second member's compressed data.
    long start = w.offsets().get(1);
    long end = w.offsets().get(2);
    for (long i = start + (end - start) / 3; i < start + (end - start) / 2; i++) {
      b[(int) i] = (byte) 0x5A;
    }
    List<RawRecord> recs = records(TestWarc.read("damaged.warc.gz", b));
    assertEquals(3, recs.size(), codes(recs));
    assertTrue(recs.get(0).readable());
    assertFalse(recs.get(1).readable());
    assertEquals("offset " + w.offsets().get(1), recs.get(1).recordRef());
    assertEquals("offset " + w.offsets().get(2), recs.get(2).recordRef());
    assertEquals(
        String.join("\n\n", TestPages.ORCHARD.paragraphs().subList(0, 2)),
        String.join(
            "\n\n", List.of(recs.get(2).fields().get("text").split("\n\n", -1)).subList(0, 2)));
  }

  /** Plain WARC with the second record's Content-Length off by {@code delta}. */
  static byte[] wrongContentLength(TestWarc.Written w, int delta) {
    String s = new String(w.bytes(), StandardCharsets.ISO_8859_1);
    int rec = w.offsets().get(1).intValue();
    int cl = s.indexOf("Content-Length: ", rec);
    int eol = s.indexOf("\r\n", cl);
    long n = Long.parseLong(s.substring(cl + 16, eol));
    return (s.substring(0, cl) + "Content-Length: " + (n + delta) + s.substring(eol))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aWrongContentLengthRejectsThatRecordAndTheNextIsRead() {
    TestWarc.Written w =
        TestWarc.write(
            false,
            TestWarc.page(BRIDGE_URL, bridge()),
            TestWarc.page(FLOOD_URL, flood()),
            TestWarc.page(ORCHARD_URL, orchard()));
    for (int delta : new int[] {-40, +60}) {
      List<RawRecord> recs = records(TestWarc.read("cl.warc", wrongContentLength(w, delta)));
      assertEquals("ok,malformed_record,ok", codes(recs), "delta " + delta);
      assertEquals("offset " + w.offsets().get(1), recs.get(1).recordRef());
      assertTrue(recs.get(1).reason().contains("Content-Length"), recs.get(1).reason());
      assertEquals(ORCHARD_URL, recs.get(2).fields().get("url"));
    }
  }

  @Test
  void aBrokenHeaderIsMalformedAndTheRecordBeforeItStands() {
    TestWarc.Written w =
        TestWarc.write(
            false,
            TestWarc.page(BRIDGE_URL, bridge()),
            TestWarc.page(FLOOD_URL, flood()),
            TestWarc.page(ORCHARD_URL, orchard()));
    String s = new String(w.bytes(), StandardCharsets.ISO_8859_1);
    int rec = w.offsets().get(1).intValue();
    int cl = s.indexOf("Content-Length: ", rec);
    String broken =
        s.substring(0, cl) + "Content-Length: twelve" + s.substring(s.indexOf("\r\n", cl));
    List<RawRecord> recs =
        records(TestWarc.read("header.warc", broken.getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals("ok,malformed_record,ok", codes(recs));
    assertEquals(BRIDGE_URL, recs.get(0).fields().get("url"));
    assertEquals("offset " + w.offsets().get(1), recs.get(1).recordRef());
  }

  @Test
  void aTwentyMegabytePageIsRejectedUnparsedAndQuickly() {
    StringBuilder huge = new StringBuilder(bridge().replace("</body>", ""));
    String filler = "<p>" + TestPages.FLOOD.paragraphs().get(0) + "</p>\n";
    while (huge.length() < 20_000_000) {
      huge.append(filler);
    }
    huge.append("</body></html>");
    TestWarc.Written w =
        TestWarc.write(
            true,
            TestWarc.page("https://www.harbourline.example/huge", huge.toString()),
            TestWarc.page(FLOOD_URL, flood()));
    long t0 = System.nanoTime();
    List<RawRecord> recs = records(TestWarc.read("huge.warc.gz", w.bytes()));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals("oversized_record,ok", codes(recs));
    assertTrue(recs.get(0).reason().contains("ingest.max_record_bytes"), recs.get(0).reason());
    // Parsing and extracting 20 MB of HTML takes far longer than skipping it.
    assertTrue(seconds < 5, "took " + seconds + " s");
  }

  @Test
  void aPageOfNavigationHasNoMainText() {
    TestWarc.Written w =
        TestWarc.write(
            false,
            TestWarc.page("https://www.harbourline.example/sections", TestPages.allNavigation()),
            TestWarc.page(BRIDGE_URL, bridge()));
    List<RawRecord> recs = records(TestWarc.read("nav.warc", w.bytes()));
    assertEquals("no_main_text,ok", codes(recs));
  }

  /** An invented page whose text is given in a legacy charset declared only in a meta tag. */
  static byte[] legacyPage(String charsetLabel, Charset cs, String paragraph) {
    String html =
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset="
            + charsetLabel
            + "\"><meta name=\"parallax:synthetic\" content=\"true\"><title>t</title></head><body>"
            + "<article><p>"
            + paragraph
            + "</p><p>"
            + paragraph
            + "</p></article></body></html>";
    return html.getBytes(cs);
  }

  @Test
  void legacyCharsetsDeclaredOnlyInAMetaTag() {
    String ja = "港湾局は月曜日、北埠頭と南埠頭を結ぶ渡し船を十五分おきに運航すると発表した。橋の修理は十一週間かかる見込みだ。";
    String zh = "港务局星期一宣布，在桥梁维修期间，南北码头之间的渡轮将每十五分钟开行一班，维修预计需要十一周。";
    String fr =
        "Les réparations du pont coûteront 4,2 millions ; la conseillère Mira Castell a défendu « une dépense nécessaire » – et urgente.";
    TestWarc.Written w =
        TestWarc.write(
            false,
            TestWarc.response(
                "https://en.sakura-evening.example/ja/ferry",
                200,
                "OK",
                "text/html",
                legacyPage("Shift_JIS", Charset.forName("Shift_JIS"), ja)),
            TestWarc.response(
                "https://www.lotus-river-daily.example/ferry",
                200,
                "OK",
                "text/html",
                legacyPage("gb2312", Charset.forName("GBK"), zh)),
            TestWarc.response(
                "https://www.northgate-observer.example/fr/pont",
                200,
                "OK",
                "text/html",
                legacyPage("windows-1252", Charset.forName("windows-1252"), fr)));
    List<RawRecord> recs = records(TestWarc.read("legacy.warc", w.bytes()));
    assertEquals("ok,ok,ok", codes(recs));
    assertEquals(ja + "\n\n" + ja, recs.get(0).fields().get("text"));
    assertEquals(zh + "\n\n" + zh, recs.get(1).fields().get("text"));
    assertEquals(fr + "\n\n" + fr, recs.get(2).fields().get("text"));
    assertEquals("windows-31j", recs.get(0).fields().get("charset"));
    // en.sakura-evening.example is listed itself: the longer suffix wins over
    // sakura-evening.example.
    assertEquals("Sakura Evening Post (English)", recs.get(0).fields().get("source"));
  }

  @Test
  void wetConversionRecordsKeepTheirText() {
    String text = String.join("\n", TestPages.FLOOD.paragraphs());
    TestWarc.Written w =
        TestWarc.write(
            true,
            TestWarc.warcinfo(),
            TestWarc.conversion(FLOOD_URL, text),
            TestWarc.conversion("https://www.harbourline.example/stub", "Home\nAbout"));
    List<WarcRecords.Item> items = TestWarc.read("crawl.warc.wet.gz", w.bytes());
    List<RawRecord> recs = records(items);
    assertEquals("ok,no_main_text", codes(recs));
    assertEquals(text, recs.get(0).fields().get("text"));
    assertNull(recs.get(0).fields().get("title"));
    assertEquals("Tidewater Gazette", recs.get(0).fields().get("source"));
    assertEquals(Map.of("warc warcinfo", 1L), skipped(items));
  }

  @Test
  void anEmptyFileIsOneReject() {
    List<RawRecord> recs = records(TestWarc.read("empty.warc", new byte[0]));
    assertEquals("empty_file", codes(recs));
  }
}
