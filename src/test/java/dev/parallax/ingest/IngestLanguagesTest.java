package dev.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestCorpus;
import dev.parallax.TestSpark;
import dev.parallax.config.ConfigLoader;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.warehouse.Warehouse;
import dev.parallax.warehouse.schema.ArticlesColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingests a small corpus in six languages and reads the language columns back.
 *
 * <p>The corpus, counted by hand: the four synthetic CJK articles of data/coverage (two Japanese,
 * one Chinese, one Korean, each declaring its language), a Portuguese article declaring {@code
 * pt-BR} and a Tamil one declaring nothing (both written below), and a JSON Lines file with an
 * English article labelled {@code ja} and a record without text. Input 8 = accepted 7 + rejected 1.
 */
class IngestLanguagesTest {
  static final String RUN_DATE = "2025-02-10";

  /** Synthetic: written for this test, the outlet invented. */
  static final String PORTUGUESE =
      """
      ---
      source: Folha do Cerrado
      title: Ishiba e Trump prometem nova era para a aliança
      published: 2025-02-08T10:00:00-03:00
      language: pt-BR
      story: ishiba-trump-2025
      synthetic: true
      ---

      O primeiro-ministro japonês, Shigeru Ishiba, encontrou-se pela primeira vez com o \
      presidente Donald Trump na Casa Branca, na sexta-feira. Os dois governos prometeram ampliar \
      a cooperação em defesa, e Tóquio anunciou que os investimentos japoneses nos Estados Unidos \
      vão chegar a um trilhão de dólares. A questão das tarifas sobre automóveis, porém, continua \
      em aberto, segundo diplomatas ouvidos pela reportagem.
      """;

  /** Synthetic: written for this test, the outlet invented; no declared language. */
  static final String TAMIL =
      """
      ---
      source: Kaveri Murasu
      title: இஷிபா - டிரம்ப் சந்திப்பு
      published: 2025-02-08T09:00:00+05:30
      story: ishiba-trump-2025
      synthetic: true
      ---

      ஜப்பான் பிரதமர் இஷிபா வெள்ளிக்கிழமை வெள்ளை மாளிகையில் அமெரிக்க அதிபர் டிரம்பை முதல் \
      முறையாகச் சந்தித்தார். இரு நாடுகளின் கூட்டணி, வர்த்தக வரிகள் மற்றும் முதலீடு குறித்து \
      இருவரும் பேசினர். வாகன வரி பற்றிய கேள்விக்கு இன்னும் தீர்வு காணப்படவில்லை என்று \
      அதிகாரிகள் தெரிவித்தனர்.
      """;

  /** Synthetic: an English article labelled Japanese, and a record without text. */
  static final String MISLABELLED_JSONL =
      """
      {"source": "Harbour Ledger", "language": "ja", "synthetic": "true", "text": "The two \
      leaders said that the alliance has entered a new era, and officials from both sides \
      agreed that the question of tariffs on cars would be settled by the end of the year."}
      {"source": "Harbour Ledger", "language": "en", "text": "   "}
      """;

  @TempDir static Path tmp;
  static IngestJob.Result result;
  static Dataset<Row> table;
  static List<Row> articles;

  @BeforeAll
  static void ingest() throws Exception {
    Path input = tmp.resolve("input");
    Files.createDirectories(input);
    for (String f : TestCorpus.CJK_FILES) {
      Files.copy(Path.of("data/coverage", f), input.resolve(f));
    }
    Files.writeString(input.resolve("folha-do-cerrado-1.md"), PORTUGUESE);
    Files.writeString(input.resolve("kaveri-murasu-1.md"), TAMIL);
    Files.writeString(input.resolve("harbour-ledger.jsonl"), MISLABELLED_JSONL);
    Path warehouse = tmp.resolve("warehouse");
    ParallaxConfig config =
        ConfigLoader.load(
            null,
            Map.of(
                "input", input.toString(),
                "warehouse", warehouse.toString(),
                "run_date", RUN_DATE));
    SparkSession spark = TestSpark.get();
    result =
        IngestJob.run(spark, config, new Warehouse(spark, warehouse.toString(), 1_000_000), "t");
    table =
        spark
            .read()
            .parquet(warehouse.resolve("articles").resolve("run_date=" + RUN_DATE).toString());
    articles = table.collectAsList();
  }

  static Row bySource(String source) {
    return articles.stream()
        .filter(r -> source.equals(r.getAs(ArticlesColumns.SOURCE)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no article from " + source));
  }

  static List<String> languageWarnings(Row r) {
    return r.<String>getList(r.fieldIndex(ArticlesColumns.WARNINGS)).stream()
        .filter(w -> w.startsWith("language: "))
        .toList();
  }

  @Test
  void inputIsAcceptedPlusRejectedAndNoArticleIsDroppedForItsLanguage() {
    assertEquals(8, result.input(), result::reconciliation);
    assertEquals(7, result.accepted(), result::reconciliation);
    assertEquals(1, result.rejected(), result::reconciliation);
    assertEquals(result.input(), result.accepted() + result.rejected());
    assertEquals(7, articles.size());
  }

  @Test
  void theThreeLanguageColumnsFollowEachOther() {
    List<String> names = List.of(table.schema().fieldNames());
    int language = names.indexOf(ArticlesColumns.LANGUAGE);
    assertEquals(ArticlesColumns.LANGUAGE_DECLARED, names.get(language + 1));
    assertEquals(ArticlesColumns.LANGUAGE_CONFIDENCE, names.get(language + 2));
  }

  @Test
  void cjkArticlesAreTheirDeclaredLanguageByScript() {
    Map<String, String> expected =
        Map.of(
            "Kasumi Shimpo", "ja",
            "Kazaguruma Hoso", "ja",
            "Yangzi Tide", "zh",
            "Gangmul Ilbo", "ko");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Row r = bySource(e.getKey());
      assertEquals(e.getValue(), r.getAs(ArticlesColumns.LANGUAGE), e.getKey());
      assertEquals(e.getValue(), r.getAs(ArticlesColumns.LANGUAGE_DECLARED), e.getKey());
      // One candidate writes Hangul; kana tells Japanese from Chinese: no detector, confidence 1.
      assertEquals(1.0, r.<Double>getAs(ArticlesColumns.LANGUAGE_CONFIDENCE), e.getKey());
      assertEquals(List.of(), languageWarnings(r), e.getKey());
    }
  }

  @Test
  void portugueseIsReadFromTheTextAndItsRegionDropped() {
    Row r = bySource("Folha do Cerrado");
    assertEquals("pt", r.getAs(ArticlesColumns.LANGUAGE));
    assertEquals("pt", r.getAs(ArticlesColumns.LANGUAGE_DECLARED));
    Double confidence = r.getAs(ArticlesColumns.LANGUAGE_CONFIDENCE);
    assertNotNull(confidence);
    assertTrue(confidence >= LanguageId.MIN_CONFIDENCE && confidence <= 1.0, "" + confidence);
    assertEquals(List.of(), languageWarnings(r));
  }

  @Test
  void tamilWithoutADeclarationIsDetected() {
    Row r = bySource("Kaveri Murasu");
    assertEquals("ta", r.getAs(ArticlesColumns.LANGUAGE));
    assertNull(r.getAs(ArticlesColumns.LANGUAGE_DECLARED));
    assertEquals(1.0, r.<Double>getAs(ArticlesColumns.LANGUAGE_CONFIDENCE));
    assertEquals(List.of(), languageWarnings(r));
  }

  @Test
  void englishLabelledJapaneseIsEnglishWithAWarning() {
    Row r = bySource("Harbour Ledger");
    assertEquals("en", r.getAs(ArticlesColumns.LANGUAGE));
    assertEquals("ja", r.getAs(ArticlesColumns.LANGUAGE_DECLARED));
    List<String> w = languageWarnings(r);
    assertEquals(1, w.size(), w::toString);
    assertTrue(w.get(0).contains("declared ja but the text reads as en"), w.get(0));
  }
}
