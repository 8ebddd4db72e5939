package dev.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every rule of {@link LanguageId}, on texts written for this test. */
class LanguageIdTest {

  static final String ENGLISH =
      "Prime Minister Shigeru Ishiba met President Donald Trump at the White House on Friday. The"
          + " two leaders promised a new golden age for the alliance, and Japan pledged to raise its"
          + " investment in the United States to one trillion dollars. Trade officials on both sides"
          + " said the question of tariffs on Japanese cars had not been settled, and analysts in"
          + " Tokyo warned that the warm words could cool quickly if the president turned to trade.";

  static final String JAPANESE =
      "石破茂首相は7日、ホワイトハウスでトランプ米大統領と初めて会談した。両首脳は日米同盟を新たな"
          + "黄金時代に引き上げることで一致し、首相は対米投資を1兆ドル規模に拡大する考えを伝えた。"
          + "一方、関税をめぐる協議は持ち越しとなり、政府内には警戒感も残っている。";

  static final String CHINESE =
      "日本首相石破茂七日在白宫与美国总统特朗普举行首次会晤。双方同意把美日同盟提升到新的高度，"
          + "日方表示将把对美投资扩大到一万亿美元。分析人士指出，关税问题仍未解决，东京方面对此保持警惕。";

  static final String KOREAN =
      "이시바 시게루 일본 총리는 7일 백악관에서 도널드 트럼프 미국 대통령과 첫 정상회담을 가졌다. "
          + "두 정상은 미일동맹을 새로운 황금시대로 끌어올리기로 합의했으며, 일본은 대미 투자를 "
          + "1조 달러로 늘리겠다고 밝혔다. 관세 문제는 여전히 해결되지 않았다.";

  static final String PORTUGUESE =
      "O primeiro-ministro do Japão, Shigeru Ishiba, reuniu-se na sexta-feira com o presidente"
          + " Donald Trump na Casa Branca. Os dois líderes falaram sobre a aliança, as tarifas e os"
          + " investimentos japoneses nos Estados Unidos, e prometeram uma nova era de cooperação"
          + " entre os dois países, embora as questões comerciais continuem sem solução.";

  static final String TAMIL =
      "ஜப்பான் பிரதமர் ஷிகெரு இஷிபா வெள்ளிக்கிழமை வாஷிங்டனில் அமெரிக்க அதிபர் டொனால்ட் டிரம்பை"
          + " சந்தித்தார். இரு தலைவர்களும் பாதுகாப்பு, வர்த்தகம் மற்றும் முதலீடு குறித்து பேசினர்.";

  static final String THAI =
      "นายกรัฐมนตรีญี่ปุ่นเดินทางไปพบประธานาธิบดีสหรัฐที่ทำเนียบขาวเมื่อวันศุกร์"
          + " เพื่อหารือเรื่องการค้าและความมั่นคงในภูมิภาค";

  static final String FRENCH =
      "Le Premier ministre japonais a rencontré vendredi le président américain à la Maison-Blanche."
          + " Les deux dirigeants ont parlé de l'alliance, des droits de douane et des investissements"
          + " japonais aux États-Unis, mais la question des voitures n'a pas été réglée.";

  static final String GERMAN =
      "Der japanische Premierminister traf am Freitag den amerikanischen Präsidenten im Weißen Haus."
          + " Die beiden sprachen über das Bündnis, die Zölle und die japanischen Investitionen in den"
          + " Vereinigten Staaten, doch was aus den Autozöllen wird, bleibt offen.";

  static final String SPANISH =
      "El primer ministro japonés se reunió el viernes con el presidente estadounidense en la Casa"
          + " Blanca. Los dos líderes hablaron de la alianza, los aranceles y las inversiones japonesas"
          + " en Estados Unidos, aunque la cuestión de los automóviles quedó pendiente.";

  static final String INDONESIAN =
      "Perdana Menteri Jepang bertemu dengan Presiden Amerika Serikat di Gedung Putih pada hari"
          + " Jumat. Kedua pemimpin membahas aliansi, tarif, dan investasi Jepang di Amerika Serikat,"
          + " tetapi masalah tarif mobil belum diselesaikan.";

  final LanguageId id = LanguageId.forCandidates(LanguageId.DEFAULT_CANDIDATES);

  @Test
  void englishIsEnglishWithoutWarnings() {
    DetectedLanguage d = id.identify(ENGLISH, "en");
    assertEquals("en", d.language());
    assertEquals("en", d.declared());
    assertTrue(d.confidence() >= LanguageId.MIN_CONFIDENCE, "confidence " + d.confidence());
    assertEquals(List.of(), d.warnings());
    assertTrue(d.detected());
  }

  @Test
  void eachScriptAndLanguageOfTheSample() {
    assertEquals("ja", id.identify(JAPANESE, "ja").language());
    assertEquals("zh", id.identify(CHINESE, "zh").language());
    assertEquals("ko", id.identify(KOREAN, "ko").language());
    assertEquals("pt", id.identify(PORTUGUESE, "pt").language());
    assertEquals("ta", id.identify(TAMIL, "ta").language());
    assertEquals(1.0, id.identify(JAPANESE, "ja").confidence());
    assertEquals(1.0, id.identify(KOREAN, null).confidence());
    assertEquals(List.of(), id.identify(PORTUGUESE, "pt-BR").warnings());
  }

  @Test
  void otherLatinScriptCandidatesGoToTheDetector() {
    for (String t : List.of(FRENCH, GERMAN, SPANISH, INDONESIAN, PORTUGUESE)) {
      assertTrue(!LanguageId.readsAsEnglish(LanguageId.sample(t, Script.LATIN)), t);
    }
    assertEquals("fr", id.identify(FRENCH, null).language());
    assertEquals("de", id.identify(GERMAN, null).language());
    assertEquals("es", id.identify(SPANISH, null).language());
    assertEquals("id", id.identify(INDONESIAN, null).language());
  }

  @Test
  void englishReadsAsEnglishWithAndWithoutTheFunctionWordRule() {
    assertTrue(LanguageId.readsAsEnglish(LanguageId.sample(ENGLISH, Script.LATIN)));
    LanguageId linguaOnly =
        new LanguageId(java.util.Set.copyOf(LanguageId.DEFAULT_CANDIDATES), false);
    DetectedLanguage d = linguaOnly.identify(ENGLISH, "en");
    assertEquals("en", d.language());
    assertTrue(d.confidence() >= LanguageId.MIN_CONFIDENCE && d.confidence() <= 1.0);
  }

  @Test
  void chineseWithAKatakanaNameStaysChinese() {
    // 4 katakana of about 130 Han characters: 3 % kana, below the 5 % that makes Japanese.
    DetectedLanguage d = id.identify(CHINESE + "日本媒体称，トランプ总统对这次会谈非常满意，双方还将继续磋商。", "zh");
    assertEquals("zh", d.language());
  }

  @Test
  void tooShortFallsBackToTheDeclaredLanguageWithAWarning() {
    DetectedLanguage d = id.identify("Ishiba meets Trump", "EN");
    assertEquals("en", d.language());
    assertNull(d.confidence());
    assertTrue(!d.detected());
    assertEquals(1, d.warnings().size());
    assertTrue(d.warnings().get(0).contains("too short"), d.warnings().get(0));

    DetectedLanguage none = id.identify("Ishiba meets Trump", null);
    assertNull(none.language());
    assertTrue(none.warnings().get(0).contains("(none)"), none.warnings().get(0));
  }

  @Test
  void shortCjkCountsThreeLettersACharacter() {
    // 14 Han/kana characters weigh 42 letters: enough; the same sentence in 5 characters is not.
    assertEquals("ja", id.identify("石破首相はトランプ氏と会談した", null).language());
    assertTrue(id.identify("首相が会談", "ja").warnings().get(0).contains("too short"));
  }

  @Test
  void digitsAndEmojiOnlyAreTooShort() {
    DetectedLanguage d = id.identify("2025-02-07 🇯🇵🤝🇺🇸 100% 1,000,000 👍👍 #1 …", "en");
    assertEquals("en", d.language());
    assertNull(d.confidence());
    assertTrue(d.warnings().get(0).contains("0 letters"), d.warnings().get(0));
  }

  @Test
  void aDeclaredLanguageThatDisagreesIsOverruledWithAWarning() {
    DetectedLanguage d = id.identify(JAPANESE, "en");
    assertEquals("ja", d.language());
    assertEquals("en", d.declared());
    assertEquals(1, d.warnings().size());
    assertTrue(d.warnings().get(0).contains("declared en"), d.warnings().get(0));

    DetectedLanguage p = id.identify(PORTUGUESE, "es");
    assertEquals("pt", p.language());
    assertTrue(p.warnings().get(0).contains("declared es"), p.warnings().get(0));
  }

  @Test
  void aMixedArticleIsItsMajorityLanguage() {
    String quoted =
        ENGLISH
            + " In Tokyo, the chief cabinet secretary told reporters: 「日米同盟はインド太平洋の平和と安定の礎"
            + "であり、揺るぎないものだ」. The opposition was less impressed and said so in parliament.";
    DetectedLanguage d = id.identify(quoted, "en");
    assertEquals("en", d.language());
    assertTrue(d.confidence() >= LanguageId.MIN_CONFIDENCE);
    assertEquals(1, d.warnings().size());
    assertTrue(d.warnings().get(0).contains("mixed scripts"), d.warnings().get(0));
    assertTrue(d.warnings().get(0).contains("Han/kana"), d.warnings().get(0));

    // And the other way round: a Japanese article quoting an English sentence is Japanese.
    String japaneseQuoting = JAPANESE + "大統領は「We are going to have a great relationship」と語った。";
    assertEquals("ja", id.identify(japaneseQuoting, "ja").language());
  }

  @Test
  void aScriptNoCandidateUsesIsNotGuessed() {
    DetectedLanguage d = id.identify(THAI, "th");
    assertNull(d.language());
    assertNull(d.confidence());
    assertEquals("th", d.declared());
    assertTrue(d.warnings().get(0).contains("Thai script"), d.warnings().get(0));

    // Tamil is a candidate by default; without it, Tamil text cannot be placed either.
    DetectedLanguage t = LanguageId.forCandidates(List.of("en", "ja")).identify(TAMIL, "ta");
    assertNull(t.language());
    assertTrue(t.warnings().get(0).contains("Tamil script"), t.warnings().get(0));
  }

  @Test
  void singleCandidateScriptsNeedNoDetector() {
    String russian =
        "Премьер-министр Японии встретился с президентом США в Белом доме в пятницу. Лидеры"
            + " обсудили союз, торговлю и инвестиции.";
    String hindi =
        "जापान के प्रधानमंत्री ने शुक्रवार को व्हाइट हाउस में अमेरिकी राष्ट्रपति से मुलाकात की और"
            + " व्यापार तथा सुरक्षा पर चर्चा की।";
    assertEquals("ru", id.identify(russian, null).language());
    assertEquals("hi", id.identify(hindi, null).language());
  }

  @Test
  void candidateSetsAreSharedAndValidated() {
    assertSame(
        id,
        LanguageId.forCandidates(
            List.of(
                "EN", "ja", "zh", "ko", "fr", "de", "es", "pt", "ru", "ar", "hi", "ta", "vi", "id",
                "en")));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> LanguageId.forCandidates(List.of("en", "xx")));
    assertTrue(e.getMessage().contains("'xx'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LanguageId.forCandidates(List.of()));
  }

  @Test
  void theSyntheticCjkArticlesAreTheirDeclaredLanguage() throws Exception {
    for (String f : TestCorpus.CJK_FILES) {
      TestCorpus.SampleArticle a = TestCorpus.sampleArticle(f);
      String declared = a.fields().get("language");
      DetectedLanguage d = id.identify(a.body(), declared);
      assertEquals(declared, d.language(), f + " " + d);
      assertEquals(List.of(), d.warnings(), f);
    }
  }

  @Test
  void declaredTagsKeepTheirPrimarySubtag() {
    assertEquals("pt", LanguageId.normaliseDeclared(" pt-BR "));
    assertEquals("zh", LanguageId.normaliseDeclared("zh_Hant"));
    assertNull(LanguageId.normaliseDeclared(" "));
  }

  @Test
  void theSampleIsBoundedSpreadAndOfTheMajorityScript() {
    StringBuilder long_ = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      long_.append(ENGLISH).append(" 「日米同盟」 ");
    }
    String sample = LanguageId.sample(long_.toString(), Script.LATIN);
    assertTrue(
        sample.length() < LanguageId.SAMPLE_WINDOWS * (LanguageId.WINDOW_CHARS + 40), sample);
    assertTrue(
        sample
            .codePoints()
            .noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
    // Windows start and end at spaces: every sampled word is a word of the text.
    for (String w : sample.trim().split(" +", -1)) {
      assertTrue(long_.indexOf(w) >= 0, w);
    }
  }

  @Test
  void concurrentCallsAgreeWithSerialOnes() throws Exception {
    List<String> texts = List.of(ENGLISH, JAPANESE, CHINESE, KOREAN, PORTUGUESE, TAMIL, THAI);
    List<DetectedLanguage> serial = new ArrayList<>();
    for (String t : texts) {
      serial.add(id.identify(t, "en"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DetectedLanguage>> futures = new ArrayList<>();
      for (int round = 0; round < 20; round++) {
        for (String t : texts) {
          futures.add(
              pool.submit(
                  () -> LanguageId.forCandidates(LanguageId.DEFAULT_CANDIDATES).identify(t, "en")));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        DetectedLanguage d = futures.get(i).get();
        assertNotNull(d);
        assertEquals(serial.get(i % texts.size()), d);
      }
    } finally {
      pool.shutdown();
    }
  }
}
