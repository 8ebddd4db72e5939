package dev.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.warehouse.schema.ArticlesColumns;
import dev.parallax.warehouse.schema.StoriesColumns;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parallax ingest --story ID --story-seed FILE} end to end: a pile of on-story articles that
 * declare no story (three of the sample's, in English, Japanese and Chinese, with their story line
 * removed) and the synthetic off-story articles, seeded with the sample's op-ed as a plain-text
 * file without front matter.
 */
class StoriesCliTest {
  static final String STORY = "ishiba-trump-2025";
  @TempDir static Path tmp;
  static CliRun.Outcome outcome;
  static Map<String, Row> bySource = new TreeMap<>();
  static List<Row> stories;

  @BeforeAll
  static void ingest() throws IOException, URISyntaxException {
    Path input = Files.createDirectories(tmp.resolve("pile"));
    for (String f : List.of("heiwa-daily-1.md", "kazaguruma-hoso-1.md", "yangzi-tide-1.md")) {
      String text = Files.readString(Path.of("data/coverage", f), StandardCharsets.UTF_8);
      Files.writeString(input.resolve(f), text.replaceAll("(?m)^story: .*\\n", ""));
    }
    Path off = Path.of(StoriesCliTest.class.getResource("/stories/off-story").toURI());
    try (Stream<Path> files = Files.list(off)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        if (!f.getFileName().toString().equals("README.md")) {
          Files.copy(f, input.resolve(f.getFileName()));
        }
      }
    }
    // The seed: the sample's op-ed body, as plain text without front matter.
    String oped = Files.readString(Path.of("data/coverage/op-ed-seed.txt"), StandardCharsets.UTF_8);
    String body = oped.substring(oped.indexOf("\n---\n", 4) + 5);
    Path seed = Files.writeString(tmp.resolve("ishiba-trump-visit-opinion.txt"), body);
    Path wh = tmp.resolve("warehouse");
    outcome =
        CliRun.execute(
            "ingest",
            "--input",
            input.toString(),
            "--warehouse",
            wh.toString(),
            "--run-date",
            "2025-02-10",
            "--master",
            "local[2]",
            "--story",
            STORY,
            "--story-seed",
            seed.toString());
    for (Row r :
        TestSpark.get().read().parquet(wh.resolve("articles").toString()).collectAsList()) {
      bySource.put(r.getString(r.fieldIndex(ArticlesColumns.SOURCE)), r);
    }
    stories = TestSpark.get().read().parquet(wh.resolve("stories").toString()).collectAsList();
  }

  static String storyOf(String source) {
    Row r = bySource.get(source);
    return r.getString(r.fieldIndex(ArticlesColumns.STORY));
  }

  @Test
  void exitsZeroAndCountsTheSeedAsInput() {
    assertEquals(ExitCodes.OK, outcome.code(), outcome.err());
    // 3 on-story + 8 off-story + 1 seed
    assertTrue(outcome.out().contains("input=12 accepted=12 rejected=0"), outcome.out());
  }

  @Test
  void theSeedIsIngestedWithItsFileNameAsSource() {
    Row seed = bySource.get("ishiba-trump-visit-opinion");
    assertEquals(STORY, seed.getString(seed.fieldIndex(ArticlesColumns.STORY)));
    assertEquals("seeded", seed.getString(seed.fieldIndex(ArticlesColumns.STORY_KIND)));
    assertEquals(1.0, seed.getDouble(seed.fieldIndex(ArticlesColumns.STORY_SIMILARITY)));
  }

  @Test
  void everyOnStoryArticleJoinsAndNoOffStoryOneDoes() {
    for (String s : List.of("The Heiwa Daily", "Kazaguruma Hoso", "Yangzi Tide")) {
      assertEquals(STORY, storyOf(s), s);
    }
    for (String s :
        List.of(
            "Harbourline Courier",
            "Northgate Sports Desk",
            "Bukhansan Daily",
            "Jianghan Business Weekly",
            "Tsugaru Evening News",
            "Lakeshore Ledger",
            "Minato Keizai",
            "Chiyoda Political Review")) {
      assertTrue(!storyOf(s).equals(STORY), s + " joined the story");
    }
  }

  @Test
  void theStoriesTableListsTheSeededStoryWithItsSeed() {
    Row story =
        stories.stream()
            .filter(r -> r.getString(r.fieldIndex(StoriesColumns.STORY)).equals(STORY))
            .findFirst()
            .orElseThrow();
    assertEquals("seeded", story.getString(story.fieldIndex(StoriesColumns.KIND)));
    assertEquals(4L, story.getLong(story.fieldIndex(StoriesColumns.ARTICLES)));
    Row seed = bySource.get("ishiba-trump-visit-opinion");
    assertEquals(
        List.of(seed.getString(seed.fieldIndex(ArticlesColumns.ARTICLE_ID))),
        story.getList(story.fieldIndex(StoriesColumns.SEEDS)));
  }

  @Test
  void aMissingSeedIsAOneLineConfigErrorBeforeSpark() {
    CliRun.Outcome o =
        CliRun.execute(
            "ingest",
            "--input",
            tmp.toString(),
            "--warehouse",
            tmp.resolve("never").toString(),
            "--story",
            "x",
            "--story-seed",
            "no/such/seed.txt");
    assertEquals(ExitCodes.CONFIG, o.code());
    assertEquals(
        List.of("parallax: error: --story x: seed file no/such/seed.txt does not exist"),
        o.errorLines());
    assertTrue(!Files.exists(tmp.resolve("never")));
  }

  @Test
  void aSeedWithoutAStoryIsAOneLineConfigError() {
    CliRun.Outcome o = CliRun.execute("ingest", "--story-seed", "data/coverage/op-ed-seed.txt");
    assertEquals(ExitCodes.CONFIG, o.code());
    assertEquals(1, o.errorLines().size(), o.err());
    assertTrue(o.errorLines().get(0).contains("--story-seed needs --story ID"), o.err());
  }

  @Test
  void aMissingEntitiesLexiconIsAOneLineConfigErrorBeforeSpark() {
    CliRun.Outcome o =
        CliRun.execute(
            "ingest",
            "--warehouse",
            tmp.resolve("never2").toString(),
            "--story",
            "x",
            "--story-seed",
            "data/coverage/op-ed-seed.txt",
            "--set",
            "lexicons.entities=no/such/entities.tsv");
    assertEquals(ExitCodes.CONFIG, o.code());
    assertEquals(1, o.errorLines().size(), o.err());
    assertTrue(o.errorLines().get(0).contains("no/such/entities.tsv does not exist"), o.err());
    assertTrue(!Files.exists(tmp.resolve("never2")));
  }

  @Test
  void helpNamesTheStoryOptions() {
    CliRun.Outcome o = CliRun.execute("ingest", "--help");
    assertTrue(o.out().contains("--story=ID"), o.out());
    assertTrue(o.out().contains("--story-seed=FILE"), o.out());
  }
}
