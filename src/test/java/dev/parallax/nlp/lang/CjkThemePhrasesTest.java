package dev.parallax.nlp.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The Japanese, Chinese and Korean theme phrases of data/lexicons/themes.tsv (language rows). */
class CjkThemePhrasesTest {

  /** A sentence with the phrase in the middle, after and before ordinary words. */
  static String carrier(String language, String phrase) {
    return switch (language) {
      case "ja" -> "会見で首相は" + phrase + "について説明した。";
      case "zh" -> "发言人在记者会上谈到了" + phrase + "，并作了说明。";
      case "ko" -> "대변인은 회견에서 " + phrase + " 문제를 설명했다.";
      default -> throw new IllegalArgumentException(language);
    };
  }

  @Test
  void everyStoryThemeHasFiveToFifteenPhrasesInEachLanguage() throws IOException {
    List<String> storyThemes = new ArrayList<>();
    Path themes =
        Path.of(System.getProperty("parallax.projectDir", "."), "data", "lexicons", "themes.tsv");
    for (String line : Files.readAllLines(themes)) {
      String[] cols = line.split("\t", -1);
      String id = cols[0];
      boolean english = cols.length < 5 || cols[4].isEmpty() || cols[4].equals("en");
      if (!line.startsWith("#") && english && !id.equals("theme_id") && !id.startsWith("frame_")) {
        storyThemes.add(id);
      }
    }
    assertEquals(11, storyThemes.size());
    Map<String, Map<String, List<String>>> phrases = CjkThemePhrases.load();
    assertEquals(new TreeSet<>(List.of("ja", "zh", "ko")), new TreeSet<>(phrases.keySet()));
    for (String language : phrases.keySet()) {
      assertEquals(storyThemes, new ArrayList<>(phrases.get(language).keySet()), language);
      for (Map.Entry<String, List<String>> e : phrases.get(language).entrySet()) {
        int n = e.getValue().size();
        assertTrue(n >= 5 && n <= 15, language + " " + e.getKey() + ": " + n + " phrases");
        assertEquals(
            n,
            new TreeSet<>(e.getValue()).size(),
            language + " " + e.getKey() + " repeats a phrase");
      }
    }
  }

  @Test
  void everyPhraseHasTokensAndMatchesItsThemeInASentence() throws IOException {
    Map<String, Map<String, List<String>>> phrases = CjkThemePhrases.load();
    Map<String, PhraseMatcher> matchers = CjkThemePhrases.matchers();
    List<String> failures = new ArrayList<>();
    for (String language : phrases.keySet()) {
      CjkProfile profile = CjkProfile.of(language);
      for (Map.Entry<String, List<String>> e : phrases.get(language).entrySet()) {
        for (String phrase : e.getValue()) {
          List<String> tokens = profile.tokens(phrase);
          String sentence = carrier(language, phrase);
          List<String> found = matchers.get(language).themes(profile.tokens(sentence));
          if (tokens.isEmpty() || !found.contains(e.getKey())) {
            failures.add(
                language
                    + " "
                    + e.getKey()
                    + " '"
                    + phrase
                    + "' "
                    + tokens
                    + " in "
                    + profile.tokens(sentence)
                    + " found "
                    + found);
          }
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  /** Sentences written for this test, with the themes a reader finds in them. */
  static final String[][] SENTENCES = {
    {"ja", "alliance_security", "両首脳は日米同盟の抑止力を一層強化し、尖閣諸島が安保条約の適用対象であることを確認した。"},
    {"ja", "defence_spending", "政府は防衛費を段階的に増やし、反撃能力の保有に向けてトマホークを購入する方針だ。"},
    {"ja", "north_korea", "北朝鮮の核・ミサイル開発と拉致問題の即時解決に向けて、日米が緊密に連携する。"},
    {"ja", "china_taiwan", "共同声明は台湾海峡の平和の重要性に触れ、中国による東シナ海での一方的な行動に反対した。"},
    {"ja", "russia", "ロシアによるウクライナ侵略が続く中、首脳会談でも対ロ制裁の維持が話題になった。"},
    {"ja", "investment_jobs", "首相は対米投資を1兆ドルに引き上げ、米国で多くの雇用を生むと強調した。"},
    {"ja", "trade_tariffs", "トランプ氏は自動車関税の引き上げを示唆し、貿易赤字の削減を求めた。"},
    {"ja", "ai_semiconductors", "両国は半導体や人工知能などの先端技術で協力を深める。"},
    {"ja", "energy", "日本はアラスカ産の液化天然ガスの購入拡大を検討し、エネルギー安全保障を強化する。"},
    {"ja", "personal_diplomacy", "首相は大統領との個人的な信頼関係を築こうと努め、安倍氏の名前を何度も挙げた。"},
    {"ja", "regional_stability", "インド太平洋の平和と安定を脅かす力による現状変更に強く反対する。"},
    {"zh", "alliance_security", "双方重申美日同盟的重要性，美方表示将继续向日本提供核保护伞。"},
    {"zh", "defence_spending", "日本政府计划大幅增加防卫费，并购买美制战斧巡航导弹。"},
    {"zh", "north_korea", "两国领导人要求朝鲜彻底放弃核武器和弹道导弹计划。"},
    {"zh", "china_taiwan", "中国外交部对联合声明中涉及台湾的内容表示强烈不满。"},
    {"zh", "russia", "会谈还涉及俄乌冲突以及对俄制裁问题。"},
    {"zh", "investment_jobs", "石破茂表示日本企业将扩大对美投资，为美国创造更多就业。"},
    {"zh", "trade_tariffs", "特朗普并未排除对日本汽车加征关税的可能，并批评美日贸易逆差过大。"},
    {"zh", "ai_semiconductors", "双方同意在半导体和人工智能领域加强合作。"},
    {"zh", "energy", "日本承诺从美国进口更多液化天然气，以保障能源供应。"},
    {"zh", "personal_diplomacy", "分析人士认为，石破茂刻意营造与特朗普的私人关系，多次称赞对方。"},
    {"zh", "regional_stability", "此举不利于地区和平与稳定，只会加剧紧张局势。"},
    {"ko", "alliance_security", "두 정상은 미일동맹을 강화하고 센카쿠 열도에 안보조약이 적용된다는 점을 확인했다."},
    {"ko", "defence_spending", "일본 정부는 방위비를 늘리고 토마호크 미사일을 도입해 반격 능력을 갖출 계획이다."},
    {"ko", "north_korea", "양국은 북한의 완전한 비핵화를 목표로 긴밀히 공조하기로 했다."},
    {"ko", "china_taiwan", "공동성명은 대만해협의 평화와 중국의 해양 진출 문제를 다뤘다."},
    {"ko", "russia", "러시아의 우크라이나 침공 이후 대러 제재는 계속되고 있다."},
    {"ko", "investment_jobs", "이시바 총리는 대미 투자를 1조 달러로 늘려 미국에 일자리를 만들겠다고 말했다."},
    {"ko", "trade_tariffs", "트럼프 대통령은 일본산 자동차에 대한 관세 가능성을 열어 두고 무역적자를 문제 삼았다."},
    {"ko", "ai_semiconductors", "두 나라는 반도체와 인공지능 분야에서 협력을 확대한다."},
    {"ko", "energy", "일본은 미국산 액화천연가스 수입을 늘려 에너지 안보를 강화하겠다고 밝혔다."},
    {"ko", "personal_diplomacy", "이시바 총리는 골프 대신 칭찬으로 트럼프 대통령과의 친분을 쌓으려 했다."},
    {"ko", "regional_stability", "인도태평양 지역의 긴장이 높아지는 가운데 역내 평화와 안정이 중요하다."},
  };

  @Test
  void eachThemeIsFoundInASentenceWrittenForIt() throws IOException {
    Map<String, PhraseMatcher> matchers = CjkThemePhrases.matchers();
    List<String> failures = new ArrayList<>();
    for (String[] s : SENTENCES) {
      CjkProfile profile = CjkProfile.of(s[0]);
      List<String> tokens = profile.tokens(s[2]);
      List<String> found = matchers.get(s[0]).themes(tokens);
      if (!found.contains(s[1])) {
        failures.add(s[0] + " " + s[1] + ": " + tokens + " found " + found);
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(33, SENTENCES.length);
  }
}
