package dev.parallax.crawl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.bench.PageTemplates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-to-end test's crawl, read back with jwarc and checked against what it promises. */
class CrawlFixtureTest {
  @TempDir static Path tmp;
  static CrawlFixture fixture;
  static List<WarcRecords.Rec> records;
  static Map<String, WarcRecords.Rec> responses;

  @BeforeAll
  static void write() throws IOException {
    fixture = CrawlFixture.write(tmp.resolve("crawl"));
    records = WarcRecords.read(fixture.warc());
    responses = new LinkedHashMap<>();
    for (WarcRecords.Rec r : records) {
      if (r.type().equals("response")) {
        assertEquals(null, responses.put(r.target(), r), "one response per URL: " + r.target());
      }
    }
  }

  @Test
  void oneWarcFileWithARequestBeforeEveryResponse() throws IOException {
    try (Stream<Path> s = Files.list(tmp.resolve("crawl"))) {
      assertEquals(List.of(fixture.warc()), s.toList(), "only the WARC in the folder");
    }
    // 35 sample records + 6 wire pages + 6 off-story + 2 images, PDF, robots, 301, 404, 500 + index
    assertEquals(35 + 6 + 6 + 7 + 1, fixture.responseRecords());
    assertEquals("warcinfo", records.get(0).type());
    assertEquals(1 + 2 * fixture.responseRecords(), records.size());
    for (int i = 1; i < records.size(); i += 2) {
      assertEquals("request", records.get(i).type());
      assertEquals("response", records.get(i + 1).type());
      assertEquals(records.get(i).target(), records.get(i + 1).target());
    }
    assertEquals(fixture.responseRecords(), responses.size(), "URLs are unique");
  }

  @Test
  void theSampleArticlesAreThereTheSeedIncluded() {
    assertEquals(35, fixture.samplePageUrls().size(), "35 records in data/coverage (README)");
    assertEquals(
        "https://op-ed-seed.example/2025/02/06/ishiba-trump-white-house", fixture.seedUrl());
    // the reprint in the Commerce Ledger (the sample's exact duplicate) keeps its own URL
    assertTrue(
        fixture
            .samplePageUrls()
            .contains(
                "https://commerceledger.example/world/2025/02/06/"
                    + "ishiba-seeks-rapport-tariff-shelter-first-trump-meeting"));
    Set<String> langs = new HashSet<>();
    for (String url : fixture.samplePageUrls()) {
      Document doc = Jsoup.parse(responses.get(url).html());
      langs.add(doc.selectFirst("html").attr("lang"));
      assertEquals("true", doc.selectFirst("meta[name=\"parallax:synthetic\"]").attr("content"));
      assertFalse(fixture.paragraphsByUrl().get(url).isEmpty(), url);
    }
    assertEquals(Set.of("en", "ja", "zh", "ko"), langs);
    // a paragraph known by hand from data/coverage/heiwa-daily-1.md, in its page as text
    String heiwa =
        "https://heiwa-daily.example/en/editorial/2025/02/09/"
            + "flattery-diplomacy-will-not-secure-japans-future";
    assertTrue(
        Jsoup.parse(responses.get(heiwa).html())
            .text()
            .contains(
                "Prime Minister Shigeru Ishiba returned from Washington this weekend to a chorus"
                    + " of relief."));
    assertFalse(
        fixture.paragraphsByUrl().get(heiwa).get(0).startsWith("#"),
        "the Markdown title heading is not a paragraph");
  }

  @Test
  void everyArticleParagraphIsInItsPageAndEveryBoilerplateSentenceOnlyAroundIt() {
    List<String> allParagraphs = new ArrayList<>();
    fixture.paragraphsByUrl().values().forEach(allParagraphs::addAll);
    for (Map.Entry<String, List<String>> e : fixture.paragraphsByUrl().entrySet()) {
      String html = responses.get(e.getKey()).html();
      for (String p : e.getValue()) {
        assertTrue(html.contains("<p>" + PageTemplates.escape(p) + "</p>"), p);
      }
      List<String> boilerplate = fixture.boilerplateByUrl().get(e.getKey());
      assertTrue(boilerplate.size() >= 10, e.getKey());
      for (String b : boilerplate) {
        assertTrue(html.contains(b), "boilerplate in its page: " + b);
      }
    }
    assertTrue(fixture.boilerplateSentences().size() > 50);
    for (String b : fixture.boilerplateSentences()) {
      for (String p : allParagraphs) {
        assertFalse(p.contains(b), "boilerplate inside an article paragraph: " + b);
      }
    }
  }

  @Test
  void theWireStoryIsReprintedByFiveOutletsWithTheirOwnHeadlinesAndBylines() {
    List<String> group = fixture.syndicationUrls();
    assertEquals(6, group.size());
    assertEquals(group.get(0), fixture.syndicationCanonicalUrl());
    Set<String> hosts = new HashSet<>();
    Set<String> titles = new HashSet<>();
    Set<String> bylines = new HashSet<>();
    OffsetDateTime canonical =
        OffsetDateTime.parse(fixture.publishedByUrl().get(fixture.syndicationCanonicalUrl()));
    List<String> wire = fixture.paragraphsByUrl().get(group.get(0));
    for (String url : group) {
      Document doc = Jsoup.parse(responses.get(url).html());
      hosts.add(URI.create(url).getHost());
      titles.add(doc.selectFirst("meta[property=\"og:title\"]").attr("content"));
      bylines.add(doc.selectFirst("meta[name=\"author\"]").attr("content"));
      assertFalse(
          OffsetDateTime.parse(fixture.publishedByUrl().get(url)).isBefore(canonical),
          "the canonical is the earliest published");
      List<String> ps = fixture.paragraphsByUrl().get(url);
      assertEquals(wire.size(), ps.size());
      // the middle paragraphs are the wire's word for word; the first and last are edited
      assertEquals(wire.subList(1, wire.size() - 1), ps.subList(1, ps.size() - 1));
      if (!url.equals(group.get(0))) {
        assertFalse(ps.get(0).equals(wire.get(0)), url);
        assertTrue(ps.get(ps.size() - 1).startsWith(wire.get(wire.size() - 1)), url);
        assertFalse(ps.get(ps.size() - 1).equals(wire.get(wire.size() - 1)), url);
      }
    }
    assertEquals(6, hosts.size(), "six outlets");
    assertEquals(6, titles.size(), "six headlines");
    assertEquals(6, bylines.size(), "six bylines");
  }

  @Test
  void offStoryPagesAreAboutSomethingElseInFourLanguages() {
    assertEquals(6, fixture.offStoryUrls().size());
    Set<String> langs = new HashSet<>();
    for (String url : fixture.offStoryUrls()) {
      langs.add(Jsoup.parse(responses.get(url).html()).selectFirst("html").attr("lang"));
      for (String p : fixture.paragraphsByUrl().get(url)) {
        for (String word : List.of("Ishiba", "Trump", "石破", "トランプ", "特朗普", "이시바", "트럼프")) {
          assertFalse(p.contains(word), url + ": " + p);
        }
      }
    }
    assertEquals(Set.of("en", "ko", "zh", "ja"), langs);
    Set<String> onAndOff = new HashSet<>(fixture.onStoryUrls());
    onAndOff.addAll(fixture.offStoryUrls());
    assertEquals(
        fixture.onStoryUrls().size() + fixture.offStoryUrls().size(),
        onAndOff.size(),
        "no page is both");
    assertEquals(onAndOff, fixture.paragraphsByUrl().keySet(), "every article page is one of them");
  }

  @Test
  void nonArticleRecordsCarryWhatTheirReasonSays() {
    Map<String, String> reasons = fixture.nonArticleReasons();
    assertEquals(7, reasons.size());
    Map<String, Integer> byReason = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : reasons.entrySet()) {
      WarcRecords.Rec r = responses.get(e.getKey());
      assertNotNull(r, e.getKey());
      byReason.merge(e.getValue(), 1, Integer::sum);
      switch (e.getValue()) {
        case "not_html" -> {
          assertEquals(200, r.status());
          assertFalse(r.contentType().startsWith("text/html"), r.contentType());
        }
        case "redirect" -> {
          assertEquals(301, r.status());
          assertTrue(fixture.onStoryUrls().contains(r.location()), r.location());
        }
        case "http_status" -> assertTrue(r.status() >= 400, e.getKey());
        default -> throw new AssertionError(e.getValue());
      }
    }
    assertEquals(Map.of("not_html", 4, "redirect", 1, "http_status", 2), byReason);
    assertEquals(
        Set.of(404, 500),
        Set.of(
            responses
                .get("https://fairhaven-observer.example/news/world/old-summit-preview")
                .status(),
            responses.get("https://copperfield-courier.example/live/summit-updates").status()));
    WarcRecords.Rec index = responses.get(fixture.indexPageUrl());
    assertEquals(200, index.status());
    assertTrue(
        Jsoup.parse(index.html()).select("p").stream()
            .allMatch(p -> p.closest("footer, header, .cookie-banner") != null),
        "no paragraph outside the chrome");
  }

  @Test
  void theOutletMapNamesEveryArticleHost() {
    Map<String, String> sourceByHost = new LinkedHashMap<>();
    String[] lines = fixture.outletsTsv().split("\n", -1);
    assertEquals("host_suffix\tsource\tcountry\tsource_type", lines[0]);
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] f = lines[i].split("\t", -1);
      assertEquals(4, f.length, lines[i]);
      sourceByHost.put(f[0], f[1]);
    }
    for (Map.Entry<String, String> e : fixture.sourceByUrl().entrySet()) {
      assertEquals(e.getValue(), sourceByHost.get(URI.create(e.getKey()).getHost()), e.getKey());
    }
    assertEquals("Meridian Wire", sourceByHost.get("meridianwire.example"));
    assertTrue(sourceByHost.keySet().stream().allMatch(h -> h.endsWith(".example")));
  }

  @Test
  void theSameCallWritesTheSameBytes() throws IOException {
    CrawlFixture again = CrawlFixture.write(tmp.resolve("again"));
    assertArrayEquals(Files.readAllBytes(fixture.warc()), Files.readAllBytes(again.warc()));
  }
}
