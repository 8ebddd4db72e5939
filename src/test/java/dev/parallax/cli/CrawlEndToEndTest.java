package dev.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.crawl.CrawlFixture;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.RejectsColumns;
import dev.parallax.warehouse.schema.StoriesColumns;
import dev.parallax.warehouse.schema.SyndicationColumns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a news crawl: one WARC file ({@link CrawlFixture}) holding the sample's 35
 * articles as pages of invented outlets (navigation, cookie banners, captions, newsletter boxes,
 * read-more lists around the text), a wire story reprinted by five outlets with their own headlines
 * and bylines, six off-story pages in four languages, images, a PDF, robots.txt, a redirect, a 404,
 * a 500 and an all-navigation index page. It runs {@code run --story ishiba-trump-2025 --story-seed
 * <the seed op-ed>} through the CLI's main path, with the outlet map the fixture writes, and checks
 * the tables against the fixture's own ground truth (never against Parallax's output).
 */
class CrawlEndToEndTest {
  static final String DAY = "2025-02-12";
  static final Path SHARED_SEED = Path.of("../shared/seed/ishiba-trump-visit-opinion.txt");

  @TempDir static Path tmp;
  static CrawlFixture crawl;
  static CliRun.Outcome run;
  static Path warehouse;
  static Path seed;
  static List<Row> articles;
  static Map<String, Row> articleByUrl = new TreeMap<>();
  static List<Row> rejects;
  static List<Row> syndication;
  static List<Row> stories;

  @BeforeAll
  static void runTheJobOnTheCrawl() throws Exception {
    crawl = CrawlFixture.write(tmp.resolve("crawl"));
    Path outlets = crawl.writeOutlets(tmp.resolve("outlets.tsv"));
    // The seed as the project ships it when the shared folder is beside the checkout; the sample's
    // copy of the same op-ed (with front matter) otherwise.
    seed = Files.exists(SHARED_SEED) ? SHARED_SEED : CrawlFixture.SEED_FILE;
    warehouse = tmp.resolve("warehouse");
    run =
        CliRun.execute(
            "run",
            "--input",
            crawl.warc().getParent().toString(),
            "--warehouse",
            warehouse.toString(),
            "--run-date",
            DAY,
            "--story",
            CrawlFixture.STORY,
            "--story-seed",
            seed.toString(),
            "--set",
            "ingest.outlets=" + outlets,
            "--set",
            "compare.bootstrap_reps=200",
            "--set",
            "compare.permutations=199");
    articles = table("articles");
    for (Row r : articles) {
      if (r.getAs(ArticlesColumns.URL) != null) {
        articleByUrl.put(r.getAs(ArticlesColumns.URL), r);
      }
    }
    rejects = table("rejects");
    syndication = table("syndication");
    stories = table("stories");
  }

  static List<Row> table(String name) {
    return TestSpark.get()
        .read()
        .parquet(warehouse.resolve(name + "/run_date=" + DAY).toString())
        .collectAsList();
  }

  @Test
  void theRunSucceedsAndEveryResponseRecordIsAccountedFor() {
    assertEquals(0, run.code(), run.err());
    // every response record of the crawl is an input record: an article or a reject; the seed
    // file given with --story-seed is one more input record
    long pages = crawl.responseRecords();
    assertTrue(
        run.out().contains("input=" + (pages + 1) + " accepted="), "input line: " + run.out());
    assertEquals(pages + 1, articles.size() + rejects.size());
  }

  @Test
  void everyOnStoryPageLandsInTheStoryAndNoOffStoryPageDoes() {
    List<String> missing = new ArrayList<>();
    for (String url : crawl.onStoryUrls()) {
      Row a = articleByUrl.get(url);
      if (a == null || !CrawlFixture.STORY.equals(a.getAs(ArticlesColumns.STORY))) {
        missing.add(url + " -> " + (a == null ? "no article" : a.getAs(ArticlesColumns.STORY)));
      }
    }
    assertEquals(List.of(), missing, "on-story pages outside the story");
    for (String url : crawl.offStoryUrls()) {
      Row a = articleByUrl.get(url);
      assertNotNull(a, url);
      assertFalse(CrawlFixture.STORY.equals(a.getAs(ArticlesColumns.STORY)), url);
    }
  }

  @Test
  void theFiveReprintsAreNearDuplicatesOfTheWireStory() {
    Row canonical = articleByUrl.get(crawl.syndicationCanonicalUrl());
    String canonicalId = canonical.getAs(ArticlesColumns.ARTICLE_ID);
    List<String> reprints = crawl.syndicationUrls().subList(1, crawl.syndicationUrls().size());
    assertEquals(5, reprints.size());
    for (String url : reprints) {
      assertEquals(
          canonicalId, articleByUrl.get(url).getAs(ArticlesColumns.NEAR_DUPLICATE_OF), url);
    }
    List<String> copies = new ArrayList<>();
    for (Row r : syndication) {
      if (canonicalId.equals(r.getAs(SyndicationColumns.GROUP_ID))) {
        copies.add(r.getAs(SyndicationColumns.URL));
        assertEquals(
            crawl.sourceByUrl().get(crawl.syndicationCanonicalUrl()),
            r.getAs(SyndicationColumns.CANONICAL_SOURCE));
        assertEquals(
            crawl.sourceByUrl().get((String) r.getAs(SyndicationColumns.URL)),
            r.getAs(SyndicationColumns.SOURCE));
      }
    }
    copies.sort(String::compareTo);
    List<String> expected = new ArrayList<>(reprints);
    expected.sort(String::compareTo);
    assertEquals(expected, copies);
  }

  @Test
  void notArticleRecordsAreRejectedWithTheirReason() {
    Map<String, String> expected = new TreeMap<>(crawl.nonArticleReasons());
    expected.put(crawl.indexPageUrl(), "no_main_text");
    Map<String, String> got = new TreeMap<>();
    for (String url : expected.keySet()) {
      for (Row r : rejects) {
        if (((String) r.getAs(RejectsColumns.REASON)).endsWith("(" + url + ")")) {
          got.put(url, r.getAs(RejectsColumns.REASON_CODE));
        }
      }
    }
    assertEquals(expected, got);
  }

  @Test
  void noBoilerplateSentenceReachesTheArticlesText() {
    List<String> leaked = new ArrayList<>();
    for (Row a : articles) {
      String text = a.getAs(ArticlesColumns.TEXT);
      for (String sentence : crawl.boilerplateSentences()) {
        if (text.contains(sentence)) {
          leaked.add(a.getAs(ArticlesColumns.URL) + ": " + sentence);
        }
      }
    }
    assertEquals(List.of(), leaked);
  }

  @Test
  void pagesCarryTheirOutletAndPublishedTimeFromThePage() {
    for (String url : crawl.onStoryUrls()) {
      Row a = articleByUrl.get(url);
      assertEquals(crawl.sourceByUrl().get(url), a.getAs(ArticlesColumns.SOURCE), url);
    }
    Row wire = articleByUrl.get(crawl.syndicationCanonicalUrl());
    assertEquals(
        java.time.OffsetDateTime.parse(crawl.publishedByUrl().get(crawl.syndicationCanonicalUrl()))
            .toInstant(),
        ((java.sql.Timestamp) wire.getAs(ArticlesColumns.PUBLISHED_AT)).toInstant());
  }

  @Test
  void theStoriesTableListsTheSeededStoryWithItsSeedAndItIsCompared() {
    Row story =
        stories.stream()
            .filter(r -> CrawlFixture.STORY.equals(r.getAs(StoriesColumns.STORY)))
            .findFirst()
            .orElseThrow();
    assertEquals("seeded", story.getAs(StoriesColumns.KIND));
    assertEquals(1, story.getList(story.fieldIndex(StoriesColumns.SEEDS)).size());
    assertTrue((Boolean) story.getAs(StoriesColumns.COMPARED));
    // the story's articles: every on-story page plus the seed file's record
    assertEquals(
        crawl.onStoryUrls().size() + 1L, (long) (Long) story.getAs(StoriesColumns.ARTICLES));
  }

  @Test
  void theReportShowsWhoReprintedWhom() throws Exception {
    String html =
        Files.readString(
            warehouse.resolve("reports/run_date=" + DAY + "/report.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("Who reprinted whom"));
    assertTrue(html.contains(CrawlFixture.STORY));
    for (String url : crawl.syndicationUrls().subList(1, 6)) {
      assertTrue(html.contains(org.jsoup.nodes.Entities.escape(crawl.sourceByUrl().get(url))), url);
    }
  }
}
