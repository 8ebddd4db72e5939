package dev.parallax.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.crawl.WarcRecords;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawl corpus read back with jwarc: counts by kind, determinism, ground truth, pages. */
class CrawlGeneratorTest {
  static final int RECORDS = 300;
  @TempDir static Path tmp;
  static CrawlGenerator.Crawl crawl;
  static Map<String, WarcRecords.Rec> responses;
  static List<List<WarcRecords.Rec>> files;

  @BeforeAll
  static void write() throws IOException {
    crawl = new CrawlGenerator(7).write(tmp.resolve("a"), RECORDS);
    responses = new LinkedHashMap<>();
    files = new ArrayList<>();
    for (Path f : crawl.warcFiles()) {
      List<WarcRecords.Rec> recs = WarcRecords.read(f);
      files.add(recs);
      for (WarcRecords.Rec r : recs) {
        if (r.type().equals("response")) {
          assertEquals(null, responses.put(r.target(), r), "one response per URL " + r.target());
        }
      }
    }
  }

  @Test
  void recordsByTypeAndFile() {
    assertEquals(4, crawl.warcFiles().size(), "at least four files");
    assertEquals(RECORDS, responses.size());
    long all = 0;
    int perFileMin = Integer.MAX_VALUE;
    int perFileMax = 0;
    for (List<WarcRecords.Rec> recs : files) {
      assertEquals("warcinfo", recs.get(0).type());
      assertEquals(1, recs.stream().filter(r -> r.type().equals("warcinfo")).count());
      for (int i = 1; i < recs.size(); i += 2) {
        assertEquals("request", recs.get(i).type());
        assertEquals("response", recs.get(i + 1).type());
        assertEquals(recs.get(i).target(), recs.get(i + 1).target());
      }
      int n = (recs.size() - 1) / 2;
      perFileMin = Math.min(perFileMin, n);
      perFileMax = Math.max(perFileMax, n);
      all += recs.size();
    }
    assertEquals(4 + 2 * RECORDS, all);
    assertEquals(all, crawl.warcRecords());
    assertEquals(75, perFileMin, "300 responses evenly over 4 files");
    assertEquals(75, perFileMax);
  }

  @Test
  void theManifestMatchesTheRecordsAndTheKindsHaveTheirShares() throws IOException {
    List<String> lines = Files.readAllLines(crawl.manifest());
    assertEquals(CrawlGenerator.Entry.HEADER, lines.get(0));
    assertEquals(RECORDS + 1, lines.size());
    Map<String, Integer> kinds = new TreeMap<>();
    for (CrawlGenerator.Entry e : crawl.entries()) {
      kinds.merge(e.kind().code(), 1, Integer::sum);
      assertTrue(responses.containsKey(e.url()), e.url());
      assertEquals(e.host(), URI.create(e.url()).getHost());
      assertTrue(e.host().endsWith(".example"), e.host());
    }
    // by hand for 300 records: robots 300/200 = 1, images 12% = 36, PDF at least 1, index 3% =
    // 9, redirects 3% = 9, 404 2% = 6, 500 0.5% = 1.5 rounded to 2; the other 236 are articles
    assertEquals(1, kinds.get("robots"));
    assertEquals(36, kinds.get("image"));
    assertEquals(1, kinds.get("pdf"));
    assertEquals(9, kinds.get("index"));
    assertEquals(9, kinds.get("redirect"));
    assertEquals(6, kinds.get("not_found"));
    assertEquals(2, kinds.get("server_error"));
    assertEquals(
        236, kinds.get("article") + kinds.get("wire") + kinds.get("reprint"), kinds.toString());
    assertTrue(kinds.get("wire") >= 3 && kinds.get("reprint") >= 2 * kinds.get("wire"), "" + kinds);
  }

  @Test
  void eachKindIsServedAsItsReasonSays() {
    Set<String> articleUrls = new HashSet<>();
    crawl.entries().stream()
        .filter(e -> e.kind().isArticle())
        .forEach(e -> articleUrls.add(e.url()));
    for (CrawlGenerator.Entry e : crawl.entries()) {
      WarcRecords.Rec r = responses.get(e.url());
      switch (e.kind()) {
        case ARTICLE, WIRE, REPRINT, INDEX -> {
          assertEquals(200, r.status());
          assertTrue(r.contentType().startsWith("text/html"), r.contentType());
          assertTrue(r.html().contains("<meta name=\"parallax:synthetic\" content=\"true\">"));
        }
        case IMAGE -> {
          assertEquals("image/jpeg", r.contentType());
          assertEquals((byte) 0xFF, r.body()[0]);
          assertEquals((byte) 0xD8, r.body()[1]);
        }
        case PDF -> assertTrue(r.html().startsWith("%PDF-"));
        case ROBOTS -> {
          assertTrue(e.url().endsWith("/robots.txt"));
          assertTrue(r.contentType().startsWith("text/plain"));
        }
        case REDIRECT -> {
          assertTrue(r.status() == 301 || r.status() == 302, "" + r.status());
          assertTrue(articleUrls.contains(r.location()), r.location());
        }
        case NOT_FOUND -> assertEquals(404, r.status());
        case SERVER_ERROR -> assertEquals(500, r.status());
      }
      if (e.kind().isArticle()) {
        assertTrue(e.story().startsWith("story-"), e.story());
      } else {
        assertEquals("off", e.story());
        assertEquals("", e.group());
      }
    }
  }

  @Test
  void storiesLanguagesAndTheirPages() {
    Set<String> stories = new HashSet<>();
    Set<String> languages = new HashSet<>();
    for (CrawlGenerator.Entry e : crawl.entries()) {
      if (!e.kind().isArticle()) {
        continue;
      }
      stories.add(e.story());
      languages.add(e.language());
      Document doc = Jsoup.parse(responses.get(e.url()).html());
      assertEquals(e.language(), doc.selectFirst("html").attr("lang"));
      assertFalse(doc.selectFirst("meta[property=\"og:title\"]").attr("content").isBlank());
      assertFalse(doc.selectFirst("meta[name=\"author\"]").attr("content").isBlank());
      String published = publishedOf(doc);
      assertEquals(e.published(), published, e.url());
    }
    assertEquals(CrawlGenerator.MIN_STORIES, CrawlGenerator.storyCount(RECORDS));
    assertTrue(stories.size() >= 20, stories.size() + " stories");
    assertEquals(Set.of("en", "ja", "zh", "ko"), languages);
  }

  /** The published time wherever the page's style puts it. */
  private static String publishedOf(Document doc) {
    Element og = doc.selectFirst("meta[property=\"article:published_time\"]");
    if (og != null) {
      return og.attr("content");
    }
    Element time = doc.selectFirst("time[datetime]");
    if (time != null) {
      return time.attr("datetime");
    }
    String ld = doc.selectFirst("script[type=\"application/ld+json\"]").data();
    int i = ld.indexOf("\"datePublished\":\"") + 17;
    return ld.substring(i, ld.indexOf('"', i));
  }

  @Test
  void syndicationGroupsShareTheWireTextBetweenEditedEnds() {
    Map<String, List<CrawlGenerator.Entry>> groups = new HashMap<>();
    for (CrawlGenerator.Entry e : crawl.entries()) {
      if (!e.group().isEmpty()) {
        groups.computeIfAbsent(e.group(), k -> new ArrayList<>()).add(e);
      }
    }
    assertFalse(groups.isEmpty());
    for (List<CrawlGenerator.Entry> g : groups.values()) {
      CrawlGenerator.Entry wire =
          g.stream().filter(e -> e.kind() == CrawlGenerator.Kind.WIRE).findFirst().orElseThrow();
      assertEquals(1, g.stream().filter(e -> e.kind() == CrawlGenerator.Kind.WIRE).count());
      assertTrue(g.size() >= 2, "a wire story and at least one reprint");
      List<String> wireText = paragraphs(wire.url());
      Set<String> hosts = new HashSet<>();
      for (CrawlGenerator.Entry e : g) {
        assertEquals(wire.story(), e.story());
        assertTrue(hosts.add(e.host()), "one copy per outlet");
        assertFalse(
            OffsetDateTime.parse(e.published()).isBefore(OffsetDateTime.parse(wire.published())),
            "the wire's page is published first");
        if (e.equals(wire)) {
          continue;
        }
        List<String> text = paragraphs(e.url());
        assertEquals(wireText.size(), text.size());
        assertEquals(wireText.subList(1, text.size() - 1), text.subList(1, text.size() - 1));
        assertFalse(text.get(0).equals(wireText.get(0)));
        assertTrue(text.get(text.size() - 1).startsWith(wireText.get(text.size() - 1)));
      }
    }
  }

  @Test
  void boilerplateSurroundsButNeverEntersTheArticleParagraphs() throws IOException {
    Map<String, String> outletByHost = new HashMap<>();
    for (String line : Files.readAllLines(crawl.outlets()).subList(1, CrawlGenerator.OUTLETS + 1)) {
      String[] f = line.split("\t", -1);
      outletByHost.put(f[0], f[1]);
    }
    int pages = 0;
    for (CrawlGenerator.Entry e : crawl.entries()) {
      if (!e.kind().isArticle()) {
        continue;
      }
      String html = responses.get(e.url()).html();
      PageTemplates.Outlet outlet = new PageTemplates.Outlet(outletByHost.get(e.host()), e.host());
      List<PageTemplates.Style> styles = new ArrayList<>();
      for (PageTemplates.Style s : PageTemplates.Style.values()) {
        if (PageTemplates.boilerplate(s, outlet).stream().allMatch(html::contains)) {
          styles.add(s);
        }
      }
      assertEquals(1, styles.size(), "exactly one template's boilerplate in " + e.url());
      List<String> paragraphs = paragraphs(e.url());
      for (String b : PageTemplates.boilerplate(styles.get(0), outlet)) {
        for (String p : paragraphs) {
          assertFalse(p.contains(b), b);
        }
      }
      pages++;
    }
    assertEquals(236, pages);
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
    CrawlGenerator.Crawl b = new CrawlGenerator(7).write(tmp.resolve("b"), RECORDS);
    for (int i = 0; i < crawl.warcFiles().size(); i++) {
      assertArrayEquals(
          Files.readAllBytes(crawl.warcFiles().get(i)), Files.readAllBytes(b.warcFiles().get(i)));
    }
    assertArrayEquals(Files.readAllBytes(crawl.manifest()), Files.readAllBytes(b.manifest()));
    assertArrayEquals(Files.readAllBytes(crawl.outlets()), Files.readAllBytes(b.outlets()));
    CrawlGenerator.Crawl c = new CrawlGenerator(8).write(tmp.resolve("c"), RECORDS);
    assertFalse(
        java.util.Arrays.equals(
            Files.readAllBytes(crawl.warcFiles().get(0)),
            Files.readAllBytes(c.warcFiles().get(0))));
  }

  @Test
  void tooFewRecordsIsAMistake() {
    assertThrows(
        IllegalArgumentException.class, () -> new CrawlGenerator(1).write(tmp.resolve("x"), 19));
  }

  /** The {@code <p>} elements directly inside the article, as text. */
  private static List<String> paragraphs(String url) {
    List<String> out = new ArrayList<>();
    for (Element p : Jsoup.parse(responses.get(url).html()).select("article > p:not(.byline)")) {
      out.add(p.text());
    }
    return out;
  }
}
