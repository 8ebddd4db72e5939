package dev.parallax.nlp.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Sentence rules, tokens and phrase matching of the Japanese, Chinese and Korean profiles. */
class CjkProfileTest {

  static List<String> texts(String language, String text) {
    List<String> out = new ArrayList<>();
    for (CjkSentence s : CjkProfile.of(language).sentences(text)) {
      out.add(s.text());
    }
    return out;
  }

  @Test
  void japaneseSentencesEndAtFullStopsAndFullWidthMarks() {
    assertEquals(
        List.of("首相は訪米した。", "成果はあったのか？", "大きかった！", "次は関税だ。"),
        texts("ja", "首相は訪米した。成果はあったのか？大きかった！次は関税だ。"));
  }

  @Test
  void closingQuotesAndBracketsStayWithTheSentence() {
    assertEquals(List.of("他说：“日美同盟坚如磐石。”", "记者随后提问。"), texts("zh", "他说：“日美同盟坚如磐石。”记者随后提问。"));
    assertEquals(List.of("「同盟は揺るがない。」", "首相はそう語った（共同）。"), texts("ja", "「同盟は揺るがない。」 首相はそう語った（共同）。"));
  }

  @Test
  void anEndMarkInsideAQuoteDoesNotEndTheSentence() {
    assertEquals(
        List.of("首相は「関税は困る。投資で応える」と述べた。", "以上だ。"), texts("ja", "首相は「関税は困る。投資で応える」と述べた。以上だ。"));
    // 。」と: a quote closed by its end mark and continued by the quotative particle.
    assertEquals(List.of("首相は「成果があった。」と述べた。"), texts("ja", "首相は「成果があった。」と述べた。"));
  }

  @Test
  void koreanUsesWesternMarksButNotInsideNumbersOrAbbreviations() {
    assertEquals(
        List.of("관세는 2.5% 인상됐다.", "U.S.와 일본은 합의했다!", "정말일까?"),
        texts("ko", "관세는 2.5% 인상됐다. U.S.와 일본은 합의했다! 정말일까?"));
  }

  @Test
  void paragraphBreaksEndSentencesButLineBreaksDoNot() {
    assertEquals(List.of("# 日米首脳会談", "首相は\n訪米した。"), texts("ja", "# 日米首脳会談\n\n首相は\n訪米した。"));
    // An unclosed bracket is closed by the paragraph break.
    assertEquals(List.of("「閉じない引用。続く。", "次の段落。"), texts("ja", "「閉じない引用。続く。\n\n次の段落。"));
  }

  @Test
  void spansAreCodePointOffsetsIntoTheText() {
    String text = "𠮷野家の社長が来た。 次の文。";
    List<CjkSentence> s = CjkProfile.of("ja").sentences(text);
    assertEquals(2, s.size());
    assertEquals(0, s.get(0).begin());
    assertEquals(10, s.get(0).end()); // 𠮷 is one code point, two chars
    assertEquals(11, s.get(1).begin());
    assertEquals(15, s.get(1).end());
    int[] cps = text.codePoints().toArray();
    for (CjkSentence x : s) {
      assertEquals(x.text(), new String(cps, x.begin(), x.end() - x.begin()));
      assertEquals(x.index(), s.indexOf(x));
    }
  }

  @Test
  void tokensAreBaseFormsWithoutParticlesOrPunctuation() {
    assertEquals(List.of("首相", "関税", "述べる"), CjkProfile.of("ja").tokens("首相は関税について述べた。"));
    assertEquals(List.of("首相", "ai", "lng"), CjkProfile.of("ja").tokens("首相とＡＩ、ＬＮＧ。"));
    List<String> ko = CjkProfile.of("ko").tokens("방위비를 늘렸다.");
    assertEquals(List.of("방위", "비", "늘리"), ko);
    assertEquals(List.of("关税", "问题"), CjkProfile.of("zh").tokens("关税问题。"));
  }

  @Test
  void onlyJapaneseChineseAndKoreanHaveProfiles() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CjkProfile.of("en"));
    assertTrue(e.getMessage().contains("'en'"), e.getMessage());
  }

  @Test
  void longestMatchFirstWithoutOverlaps() {
    CjkProfile ja = CjkProfile.of("ja");
    PhraseMatcher m =
        PhraseMatcher.of(
            ja,
            Map.of(
                "alliance", List.of("日米同盟", "同盟"),
                "trade", List.of("関税", "自動車関税"),
                "cars", List.of("自動車"),
                "both", List.of("関税")));
    List<String> tokens = ja.tokens("日米同盟と自動車関税、そして関税。");
    List<PhraseMatch> found = m.match(tokens);
    assertEquals(3, found.size(), found.toString());
    assertEquals(List.of("日", "米", "同盟"), found.get(0).tokens());
    assertEquals(List.of("alliance"), found.get(0).themes());
    // 自動車関税 (2 tokens) wins over 自動車 and 関税 inside it.
    assertEquals(List.of("自動車", "関税"), found.get(1).tokens());
    assertEquals(List.of("trade"), found.get(1).themes());
    // A phrase under two themes is one match with both.
    assertEquals(List.of("both", "trade"), found.get(2).themes());
    assertEquals(List.of("alliance", "both", "trade"), m.themes(tokens));
    assertEquals(6, m.phraseCount());
  }

  @Test
  void theLongestMatchWinsEvenWhenAShorterOneStartsEarlier() {
    CjkProfile zh = CjkProfile.of("zh");
    List<String> tokens = List.of("a", "b", "c", "d");
    PhraseMatcher m = PhraseMatcher.of(zh, Map.of("x", List.of("a b"), "y", List.of("b c d")));
    assertEquals(List.of("y"), m.themes(tokens));
  }

  @Test
  void aPhraseWithoutTokensIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PhraseMatcher.of(CjkProfile.of("ja"), Map.of("t", List.of("。"))));
    assertTrue(e.getMessage().contains("theme t (ja)"), e.getMessage());
  }

  @Test
  void profilesAndMatchersSurviveJavaSerialization() throws Exception {
    CjkProfile ko = CjkProfile.of("ko");
    PhraseMatcher m = PhraseMatcher.of(ko, Map.of("trade_tariffs", List.of("관세")));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ko);
      out.writeObject(m);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      CjkProfile ko2 = (CjkProfile) in.readObject();
      PhraseMatcher m2 = (PhraseMatcher) in.readObject();
      assertEquals(ko, ko2);
      assertEquals(List.of("trade_tariffs"), m2.themes(ko2.tokens("관세가 올랐다.")));
    }
  }

  @Test
  void concurrentThreadsTokeniseLikeOne() throws Exception {
    String text = "石破首相はホワイトハウスでトランプ大統領と会談し、対米投資を1兆ドルに拡大すると述べた。";
    List<String> expected = CjkProfile.of("ja").tokens(text);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        futures.add(pool.submit(() -> CjkProfile.of("ja").tokens(text)));
      }
      for (Future<List<String>> f : futures) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdown();
    }
  }
}
