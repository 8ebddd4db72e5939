package dev.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.cli.Main;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.RejectsColumns;
import dev.parallax.warehouse.schema.RunsColumns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest command (the CLI's {@code main} path, in this JVM) on a folder of crawl files written
 * with jwarc, then the published tables read back.
 *
 * <p>Expected, by hand from the files below:
 *
 * <pre>
 * crawl-1.warc.gz    warcinfo, request (skipped); bridge page (Harbourline Courier) accepted;
 *                    image/png not_html; 404 http_status; 301 redirect; flood page as a resource
 *                    record (Tidewater Gazette, host news.tidewater-gazette.example) accepted
 * crawl-2.warc       warcinfo, request, request (skipped): no input records
 * crawl-3.warc.wet.gz warcinfo (skipped); orchard text (a conversion record, host not in the
 *                    outlet map) accepted
 * cut.warc.gz        bridge copy (Northgate Observer) and flood copy (Lotus River Daily)
 *                    accepted; orchard copy cut off by the end of the file: truncated_record
 * </pre>
 *
 * input = 5 + 0 + 1 + 3 = 9; accepted = 2 + 1 + 2 = 5; rejected = 3 + 1 = 4; skipped records:
 * warcinfo 3, request 3. The Northgate and Lotus copies carry the Harbourline and Tidewater
 * articles, but their templates leak a line or two of boilerplate each (a photo caption, an author
 * bio: MainTextTest lists them), so their texts are not byte-identical: 0 exact duplicates, and
 * each pair is one near-duplicate group: 2 near duplicates.
 */
class WarcIngestTest {
  static final String DAY = "2025-02-09";
  @TempDir static Path tmp;
  static int exit;
  static String out;
  static List<Row> articles;
  static List<Row> rejects;
  static List<Row> runs;

  @BeforeAll
  static void ingestACrawl() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("crawl"));
    String bridge = "https://www.harbourline.example/city/bridge";
    String flood = "https://news.tidewater-gazette.example/valley/flood";
    String orchard = "https://www.unlisted-weekly.example/frost";
    TestWarc.write(
            true,
            TestWarc.warcinfo(),
            TestWarc.request(bridge),
            TestWarc.page(
                bridge, TestPages.semantic("Harbourline Courier", TestPages.BRIDGE).html()),
            TestWarc.response(
                "https://www.harbourline.example/logo.png",
                200,
                "OK",
                "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}),
            TestWarc.response(
                "https://www.harbourline.example/old", 404, "Not Found", "text/html", new byte[0]),
            TestWarc.redirect("https://harbourline.example/city/bridge", bridge),
            TestWarc.resource(
                flood,
                "text/html; charset=utf-8",
                TestPages.divSoup("Tidewater Gazette", TestPages.FLOOD)
                    .html()
                    .getBytes(StandardCharsets.UTF_8)))
        .writeTo(in.resolve("crawl-1.warc.gz"));
    TestWarc.write(false, TestWarc.warcinfo(), TestWarc.request(bridge), TestWarc.request(flood))
        .writeTo(in.resolve("crawl-2.warc"));
    TestWarc.write(
            true,
            TestWarc.warcinfo(),
            TestWarc.conversion(orchard, String.join("\n", TestPages.ORCHARD.paragraphs())))
        .writeTo(in.resolve("crawl-3.warc.wet.gz"));
    TestWarc.Written cut =
        TestWarc.write(
            true,
            TestWarc.page(
                "https://www.northgate-observer.example/bridge",
                TestPages.tableLayout("Northgate Observer", TestPages.BRIDGE).html()),
            TestWarc.page(
                "https://www.lotus-river-daily.example/flood",
                TestPages.inlineClutter("Lotus River Daily", TestPages.FLOOD).html()),
            TestWarc.page(
                "https://www.sakura-evening.example/frost",
                TestPages.semantic("Sakura Evening Post", TestPages.ORCHARD).html()));
    Files.write(in.resolve("cut.warc.gz"), Arrays.copyOf(cut.bytes(), cut.bytes().length - 100));

    Path warehouse = tmp.resolve("warehouse");
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      exit =
          Main.execute(
              "ingest",
              "--input",
              in.toString(),
              "--warehouse",
              warehouse.toString(),
              "--run-date",
              DAY);
    } finally {
      System.setOut(old);
    }
    out = buf.toString(StandardCharsets.UTF_8);
    System.out.print(out);
    articles =
        TestSpark.get()
            .read()
            .parquet(warehouse.resolve("articles/run_date=" + DAY).toString())
            .collectAsList();
    runs =
        TestSpark.get()
            .read()
            .parquet(warehouse.resolve("runs/run_date=" + DAY).toString())
            .collectAsList();
    rejects =
        TestSpark.get()
            .read()
            .parquet(warehouse.resolve("rejects/run_date=" + DAY).toString())
            .collectAsList();
  }

  @Test
  void exitsZeroAndPrintsTheCountsWithTheSkippedRecords() {
    assertEquals(0, exit, out);
    assertTrue(
        out.contains(
            "input=9 accepted=5 rejected=4 duplicates=0 near_duplicates=2 skipped_records=6 (warc"
                + " request=3, warc warcinfo=3; not input records)"),
        out);
  }

  @Test
  void theRunRecordKeepsTheSkippedRecordsByKind() {
    assertEquals(1, runs.size());
    assertEquals(
        "{\"warc request\":3,\"warc warcinfo\":3}", runs.get(0).getAs(RunsColumns.SKIPPED_RECORDS));
    assertEquals(9L, (Long) runs.get(0).getAs(RunsColumns.INPUT_RECORDS));
  }

  @Test
  void articlesCarryTheOutletAndTheCrawledUrl() {
    Map<String, Row> byHost = new TreeMap<>();
    for (Row r : articles) {
      byHost.put(r.getAs(ArticlesColumns.OUTLET_HOST), r);
    }
    assertEquals(
        List.of(
            "harbourline.example",
            "lotus-river-daily.example",
            "news.tidewater-gazette.example",
            "northgate-observer.example",
            "unlisted-weekly.example"),
        List.copyOf(byHost.keySet()));
    Row h = byHost.get("harbourline.example");
    assertEquals("Harbourline Courier", h.getAs(ArticlesColumns.SOURCE));
    assertEquals("US", h.getAs(ArticlesColumns.COUNTRY));
    assertEquals("news", h.getAs(ArticlesColumns.SOURCE_TYPE));
    assertEquals("https://www.harbourline.example/city/bridge", h.getAs(ArticlesColumns.URL));
    assertEquals(String.join("\n\n", TestPages.BRIDGE.paragraphs()), h.getAs(ArticlesColumns.TEXT));
    assertTrue((Boolean) h.getAs(ArticlesColumns.SYNTHETIC));
    assertEquals("en", h.getAs(ArticlesColumns.LANGUAGE));
    Row n = byHost.get("northgate-observer.example");
    assertEquals("GB", n.getAs(ArticlesColumns.COUNTRY));
    assertTrue(
        ((String) n.getAs(ArticlesColumns.TEXT))
            .contains(String.join("\n\n", TestPages.BRIDGE.paragraphs())));
    Row u = byHost.get("unlisted-weekly.example");
    assertEquals("unlisted-weekly.example", u.getAs(ArticlesColumns.SOURCE));
    assertNull(u.getAs(ArticlesColumns.COUNTRY));
    assertNull(u.getAs(ArticlesColumns.TITLE));
    for (Row r : articles) {
      assertTrue(((String) r.getAs(ArticlesColumns.RECORD_REF)).startsWith("offset "));
      String text = r.getAs(ArticlesColumns.TEXT);
      assertTrue(!text.contains("cookie") && !text.contains("Read more"), text);
    }
  }

  @Test
  void eachBridgeAndFloodPairIsOneNearDuplicateGroup() {
    // Neither page carries a published time, so the canonical of each pair is the smaller
    // article_id (the tie rule) and the other page is its near duplicate.
    Map<String, String> idByHost = new TreeMap<>();
    Map<String, String> copyOf = new TreeMap<>();
    for (Row r : articles) {
      assertNull(r.getAs(ArticlesColumns.PUBLISHED_AT));
      idByHost.put(r.getAs(ArticlesColumns.OUTLET_HOST), r.getAs(ArticlesColumns.ARTICLE_ID));
    }
    for (Row r : articles) {
      String of = r.getAs(ArticlesColumns.NEAR_DUPLICATE_OF);
      if (of != null) {
        copyOf.put(r.getAs(ArticlesColumns.ARTICLE_ID), of);
      }
    }
    Map<String, String> expected = new TreeMap<>();
    for (List<String> pair :
        List.of(
            List.of("harbourline.example", "northgate-observer.example"),
            List.of("news.tidewater-gazette.example", "lotus-river-daily.example"))) {
      String a = idByHost.get(pair.get(0));
      String b = idByHost.get(pair.get(1));
      expected.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
    }
    assertEquals(expected, copyOf);
  }

  @Test
  void rejectsNameTheirReason() {
    Map<String, Long> byReason = new TreeMap<>();
    for (Row r : rejects) {
      byReason.merge(r.getAs(RejectsColumns.REASON_CODE), 1L, Long::sum);
    }
    assertEquals(
        Map.of(
            Reasons.NOT_HTML, 1L,
            Reasons.HTTP_STATUS, 1L,
            Reasons.REDIRECT, 1L,
            Reasons.TRUNCATED_RECORD, 1L),
        byReason);
  }
}
