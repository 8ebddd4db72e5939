package dev.parallax.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.config.ConfigException;
import dev.parallax.config.ConfigLoader;
import dev.parallax.warehouse.schema.SentencesColumns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tone in Japanese, Chinese and Korean only where a lexicon is configured
 * (lexicons.tone.&lt;language&gt;): a lexicon file the test writes turns Japanese tone on; Chinese
 * and Korean, without one, keep tone null in every sentence.
 */
class CjkToneTest {
  private static final dev.parallax.nlp.voice.VoiceAnalyzer VOICES =
      new dev.parallax.nlp.voice.VoiceAnalyzer(dev.parallax.nlp.voice.SpeakerMap.empty());

  @TempDir Path tmp;

  static final String JA = "大統領は提案を歓迎した。一方で関税への懸念も強い。首相は米国を訪れた。";
  static final String ZH = "总统对此表示欢迎。双方讨论了关税问题。";
  static final String KO = "대통령은 제안을 환영했다. 관세 문제도 논의했다.";

  @Test
  void aLexiconFileTurnsToneOnForItsLanguageOnly() throws IOException {
    Path file = tmp.resolve("tone_ja.tsv");
    Files.writeString(file, "# test lexicon\n歓迎\t2.0\n懸念\t-1.5\n", StandardCharsets.UTF_8);
    NlpLexicons lex =
        NlpLexicons.load(ConfigLoader.load(null, Map.of("lexicons.tone.ja", file.toString())));
    assertEquals(List.of("ja"), List.copyOf(lex.toneByLanguage().keySet()));
    CjkAnnotator cjk = new CjkAnnotator(lex.themes(), lex.toneByLanguage());

    List<Row> ja = cjk.annotate("a", "s", "src", null, "ja", JA, VOICES);
    assertEquals(3, ja.size());
    // 歓迎 (+2.0): 2 / sqrt(4 + 15) = 0.458831
    assertEquals(0.458831, (Double) get(ja.get(0), SentencesColumns.TONE), 1e-6);
    // 懸念 (-1.5): -1.5 / sqrt(2.25 + 15) = -0.361158
    assertEquals(-0.361158, (Double) get(ja.get(1), SentencesColumns.TONE), 1e-6);
    // no entry: scored, 0.0
    assertEquals(0.0, (Double) get(ja.get(2), SentencesColumns.TONE), 0.0);
    for (Row r : ja) {
      assertNull(get(r, SentencesColumns.HEDGES), "stance markers are English only");
    }
    // 関税 is a trade_tariffs phrase in Japanese
    assertEquals(List.of("trade_tariffs:関税"), get(ja.get(1), SentencesColumns.MATCHED_TERMS));

    for (String[] lt : new String[][] {{"zh", ZH}, {"ko", KO}}) {
      List<Row> rows = cjk.annotate("b", "s", "src", null, lt[0], lt[1], VOICES);
      assertEquals(2, rows.size(), lt[0]);
      for (Row r : rows) {
        assertNull(get(r, SentencesColumns.TONE), lt[0] + " has no tone lexicon: " + r);
        assertNotNull(get(r, SentencesColumns.N_TOKENS));
      }
      assertTrue(((List<?>) get(rows.get(1), SentencesColumns.THEMES)).contains("trade_tariffs"));
    }
  }

  @Test
  void withoutAnyLexiconNoCjkSentenceHasTone() {
    CjkAnnotator cjk =
        new CjkAnnotator(NlpFixtures.lexicons().themes(), NlpFixtures.lexicons().toneByLanguage());
    for (String[] lt : new String[][] {{"ja", JA}, {"zh", ZH}, {"ko", KO}}) {
      for (Row r : cjk.annotate("c", "s", "src", null, lt[0], lt[1], VOICES)) {
        assertNull(get(r, SentencesColumns.TONE), lt[0]);
      }
    }
  }

  /** A column of a sentence row (rows built by the builder carry no schema). */
  static Object get(Row r, String column) {
    Object v = r.get(SentencesColumns.SCHEMA.fieldIndex(column));
    return v instanceof scala.collection.Seq<?> seq
        ? scala.collection.JavaConverters.seqAsJavaList(seq)
        : v;
  }

  @Test
  void aMissingLexiconFileIsAConfigError() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                NlpLexicons.load(
                    ConfigLoader.load(
                        null, Map.of("lexicons.tone.ko", tmp.resolve("nope.tsv").toString()))));
    assertTrue(e.getMessage().startsWith("lexicons.tone.ko: lexicon file "), e.getMessage());
  }
}
