package dev.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sentences offsets recipe of docs/tables.md, {@code substring(a.text, s.char_begin + 1,
 * s.char_end - s.char_begin) = s.text}, on every sentence row of synthetic articles with emoji and
 * other characters outside the Basic Multilingual Plane (two UTF-16 units, one code point) in
 * English, Japanese, Chinese, Korean and mixed text, and with a character Spark NLP's sentence
 * detector reserves (U+255E). Checked in Spark SQL and in DuckDB over the published Parquet files,
 * for annotate with the default sentence splitter and with {@code annotate.sentence_detector:
 * spark-nlp}; and the offsets of three articles are checked against values counted by hand.
 */
class SentenceOffsetsTest {
  static final String DAY = "2025-04-01";
  static final List<String> DETECTORS = List.of("parallax", "spark-nlp");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Hand-counted: "😀 Hello there." is 14 code points [0, 14) (15 UTF-16 units); after one space,
   * "Café 😀 is open!" is 15 [15, 30); after one space, "Last one 𠮷 here." is 16 [31, 47).
   */
  static final String EMOJI = "😀 Hello there. Caf\u00e9 😀 is open! Last one 𠮷 here.";

  static final List<String> EMOJI_ROWS =
      List.of(
          "0|0|14|😀 Hello there.", "1|15|30|Caf\u00e9 😀 is open!", "2|31|47|Last one 𠮷 here.");

  /**
   * Hand-counted: "Price ╞ 4 rose." is 15 code points [0, 15); after one space, "Next one 😀 fell."
   * is 16 [16, 32). U+255E is one the detector rewrites in its output; the text stays as written.
   */
  static final String RESERVED = "Price \u255E 4 rose. Next one 😀 fell.";

  static final List<String> RESERVED_ROWS =
      List.of("0|0|15|Price \u255E 4 rose.", "1|16|32|Next one 😀 fell.");

  /**
   * Hand-counted: "石破首相は会談した😀。" is 11 code points [0, 11) (12 UTF-16 units), "日米同盟を確認した。" 10 [11,
   * 21).
   */
  static final String JAPANESE = "石破首相は会談した😀。日米同盟を確認した。";

  static final List<String> JAPANESE_ROWS = List.of("0|0|11|石破首相は会談した😀。", "1|11|21|日米同盟を確認した。");

  /** Every article: url suffix, language, text. */
  static final List<String[]> ARTICLES =
      List.of(
          new String[] {"emoji", "en", EMOJI},
          new String[] {"reserved", "en", RESERVED},
          new String[] {"ja", "ja", JAPANESE},
          new String[] {"zh", "zh", "特朗普在白宫举行会谈😀。双方讨论了关税𠮷问题！\n\n分析人士认为，日美同盟仍然稳固。"},
          new String[] {"ko", "ko", "한미 정상회담이 열렸다 😀. 양국은 관세를 논의했다!\n\n전문가들은 동맹이 굳건하다고 말했다."},
          new String[] {
            "mixed",
            "en",
            "Ishiba 🇯🇵 met Trump 🇺🇸 in Washington. He said 「日米同盟は強固だ😀。」 and smiled.\n\n"
                + "“Tariffs 𝄞 worry exporters,” an aide said. 关税问题仍在讨论中。 한국도 주목했다. "
                + "Markets rose 😀😀 on Friday!"
          });

  @TempDir static Path tmp;
  static final Map<String, Path> WAREHOUSES = new LinkedHashMap<>();

  @BeforeAll
  static void annotate() throws IOException {
    Path input = tmp.resolve("input");
    Files.createDirectories(input);
    List<String> lines = new ArrayList<>();
    for (String[] a : ARTICLES) {
      Map<String, String> r = new LinkedHashMap<>();
      r.put("source", "Offsets Test Wire " + a[0]);
      r.put("url", "https://offsets.example/" + a[0]);
      r.put("language", a[1]);
      r.put("synthetic", "true");
      r.put("text", a[2]);
      lines.add(JSON.writeValueAsString(r));
    }
    Files.write(input.resolve("offsets.jsonl"), lines, StandardCharsets.UTF_8);
    for (String detector : DETECTORS) {
      Path warehouse = tmp.resolve("warehouse-" + detector);
      CliRun.Outcome ingest =
          CliRun.execute(
              "ingest",
              "--input",
              input.toString(),
              "--warehouse",
              warehouse.toString(),
              "--run-date",
              DAY);
      assertEquals(0, ingest.code(), ingest.err());
      CliRun.Outcome annotate =
          CliRun.execute(
              "annotate",
              "--warehouse",
              warehouse.toString(),
              "--run-date",
              DAY,
              "--set",
              "annotate.sentence_detector=" + detector);
      assertEquals(0, annotate.code(), annotate.err());
      WAREHOUSES.put(detector, warehouse);
    }
  }

  /** Sentence rows where the recipe fails, and all sentence rows, in one SQL dialect. */
  static String recipe(String articles, String sentences) {
    return "SELECT count(*) FILTER (WHERE substring(a.text, s.char_begin + 1, "
        + "s.char_end - s.char_begin) <> s.text OR length(s.text) <> s.char_end - s.char_begin), "
        + "count(*), count(DISTINCT s.language) FROM "
        + sentences
        + " s JOIN "
        + articles
        + " a ON a.article_id = s.article_id";
  }

  static String handRows(String articles, String sentences, String url) {
    return "SELECT s.sentence_idx, s.char_begin, s.char_end, s.text FROM "
        + sentences
        + " s JOIN "
        + articles
        + " a ON a.article_id = s.article_id WHERE a.url = 'https://offsets.example/"
        + url
        + "' ORDER BY s.sentence_idx";
  }

  /** Sentences of the corpus as counted by hand: 3 + 2 + 2 + 3 + 3, and at least 4 mixed. */
  static void assertCounts(long failing, long rows, long languages, String where) {
    assertEquals(0, failing, where + ": rows where the recipe does not give the text");
    assertTrue(rows >= 17, where + ": sentences " + rows);
    assertEquals(4, languages, where + ": languages");
  }

  @Test
  void theRecipeGivesEverySentenceInSparkSql() {
    SparkSession spark = TestSpark.get();
    for (Map.Entry<String, Path> w : WAREHOUSES.entrySet()) {
      spark
          .read()
          .parquet(w.getValue().resolve("articles/run_date=" + DAY).toString())
          .createOrReplaceTempView("offsets_articles");
      spark
          .read()
          .parquet(w.getValue().resolve("sentences/run_date=" + DAY).toString())
          .createOrReplaceTempView("offsets_sentences");
      Row r = spark.sql(recipe("offsets_articles", "offsets_sentences")).first();
      assertCounts(r.getLong(0), r.getLong(1), r.getLong(2), "Spark, " + w.getKey());
      assertEquals(EMOJI_ROWS, sparkRows("emoji"), w.getKey());
      assertEquals(RESERVED_ROWS, sparkRows("reserved"), w.getKey());
      assertEquals(JAPANESE_ROWS, sparkRows("ja"), w.getKey());
    }
  }

  private static List<String> sparkRows(String url) {
    List<String> out = new ArrayList<>();
    for (Row r :
        TestSpark.get()
            .sql(handRows("offsets_articles", "offsets_sentences", url))
            .collectAsList()) {
      out.add(r.getLong(0) + "|" + r.getLong(1) + "|" + r.getLong(2) + "|" + r.getString(3));
    }
    return out;
  }

  @Test
  void theRecipeGivesEverySentenceInDuckDb() throws SQLException {
    for (Map.Entry<String, Path> w : WAREHOUSES.entrySet()) {
      String articles = duckDb(w.getValue(), "articles");
      String sentences = duckDb(w.getValue(), "sentences");
      List<String> r =
          List.of(FaultToleranceTest.query(recipe(articles, sentences)).get(0).split("\\|", -1));
      assertCounts(
          Long.parseLong(r.get(0)),
          Long.parseLong(r.get(1)),
          Long.parseLong(r.get(2)),
          "DuckDB, " + w.getKey());
      assertEquals(
          EMOJI_ROWS, FaultToleranceTest.query(handRows(articles, sentences, "emoji")), w.getKey());
      assertEquals(
          RESERVED_ROWS,
          FaultToleranceTest.query(handRows(articles, sentences, "reserved")),
          w.getKey());
      assertEquals(
          JAPANESE_ROWS, FaultToleranceTest.query(handRows(articles, sentences, "ja")), w.getKey());
    }
  }

  /** The shared sample warehouse's sentences (English and Japanese coverage) in DuckDB. */
  @Test
  void theRecipeGivesEverySentenceOfTheSampleWarehouse() throws SQLException {
    List<String> r =
        List.of(
            FaultToleranceTest.query(
                    recipe(
                        SampleWarehouse.duckDbTable("articles"),
                        SampleWarehouse.duckDbTable("sentences")))
                .get(0)
                .split("\\|", -1));
    assertEquals("0", r.get(0), "rows where the recipe does not give the text");
    assertTrue(Long.parseLong(r.get(1)) > 100, "sentences: " + r.get(1));
  }

  private static String duckDb(Path warehouse, String table) {
    return "read_parquet('" + warehouse.resolve(table + "/run_date=" + DAY) + "/*.parquet')";
  }
}
