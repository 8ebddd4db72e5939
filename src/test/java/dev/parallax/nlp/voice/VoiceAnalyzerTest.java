package dev.parallax.nlp.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One hand-written case per voice rule (docs/voice.md). Expected spans are found in the text by
 * hand (indexOf of the words written out in the test), speakers written out.
 */
class VoiceAnalyzerTest {

  private static VoiceAnalyzer analyzer;

  @BeforeAll
  static void load() throws IOException {
    analyzer = new VoiceAnalyzer(VoiceDevSetTest.speakers());
  }

  /** The sentences joined by single spaces ("\n\n" where a sentence is "¶"), and their spans. */
  private record Article(String text, List<Span> spans) {}

  private static Article article(String... sentences) {
    StringBuilder sb = new StringBuilder();
    List<Span> spans = new ArrayList<>();
    boolean newPara = false;
    for (String s : sentences) {
      if (s.equals("¶")) {
        newPara = true;
        continue;
      }
      if (sb.length() > 0) {
        sb.append(newPara ? "\n\n" : " ");
      }
      newPara = false;
      int b = sb.length();
      sb.append(s);
      spans.add(new Span(b, sb.length()));
    }
    return new Article(sb.toString(), spans);
  }

  private static ArticleVoices run(Article a) {
    return analyzer.analyse("en", a.text(), a.spans());
  }

  private static Span span(String text, String part) {
    int b = text.indexOf(part);
    assertTrue(b >= 0, part);
    return new Span(b, b + part.length());
  }

  @Test
  void quoteWithSpeakerAfter() {
    Article a = article("“We will win,” Trump said.");
    ArticleVoices v = run(a);
    assertEquals(Voice.QUOTED, v.sentences().get(0).voice());
    assertEquals(List.of(), v.sentences().get(0).authorial());
    Quote q = v.quotes().get(0);
    assertEquals(Quote.Kind.DIRECT, q.kind());
    assertEquals(List.of(span(a.text(), "We will win,")), q.pieces());
    assertEquals("We will win,", q.text());
    assertEquals("Trump", q.speaker());
    assertEquals("Donald Trump", q.canonical().canonical());
    assertEquals(1, v.quotes().size());
  }

  @Test
  void quoteWithInvertedSpeakerAndApposition() {
    Article a = article("“The bar is low,” said Kenji Murayama, a professor at Seiran University.");
    Quote q = run(a).quotes().get(0);
    assertEquals("Kenji Murayama", q.speaker());
    assertNull(q.canonical());
  }

  @Test
  void quoteAfterColon() {
    Article a = article("Ishiba said: “Our alliance will rise to new heights.”");
    ArticleVoices v = run(a);
    assertEquals(Voice.QUOTED, v.sentences().get(0).voice());
    Quote q = v.quotes().get(0);
    assertEquals("Our alliance will rise to new heights.", q.text());
    assertEquals("Ishiba", q.speaker());
    assertEquals("Shigeru Ishiba", q.canonical().canonical());
  }

  @Test
  void embeddedQuoteIsExcludedFromAuthorialWords() {
    Article a = article("The deal, which Trump called “fantastic,” was signed.");
    ArticleVoices v = run(a);
    assertEquals(Voice.AUTHORIAL, v.sentences().get(0).voice());
    assertEquals(
        List.of(span(a.text(), "The deal, which Trump called"), span(a.text(), "was signed.")),
        v.sentences().get(0).authorial());
    assertEquals(1, v.quotes().size());
    assertEquals("fantastic,", v.quotes().get(0).text());
    assertEquals("Trump", v.quotes().get(0).speaker());
  }

  @Test
  void scareQuoteIsNoQuote() {
    Article a = article("The so-called “America First” agenda has unsettled allies.");
    ArticleVoices v = run(a);
    assertEquals(Voice.AUTHORIAL, v.sentences().get(0).voice());
    assertEquals(
        List.of(span(a.text(), "The so-called"), span(a.text(), "agenda has unsettled allies.")),
        v.sentences().get(0).authorial());
    assertEquals(List.of(), v.quotes());
  }

  @Test
  void sentenceWithoutQuoteIsWhollyAuthorial() {
    Article a = article("Markets were calm on Monday.");
    ArticleVoices v = run(a);
    assertEquals(List.of(new Span(0, a.text().length())), v.sentences().get(0).authorial());
  }

  @Test
  void quoteOverTwoSentences() {
    Article a =
        article("“Ishiba doesn’t need to be Abe.", "He needs to be useful,” said Rebecca Olin.");
    ArticleVoices v = run(a);
    assertEquals(Voice.QUOTED, v.sentences().get(0).voice());
    assertEquals(Voice.QUOTED, v.sentences().get(1).voice());
    assertEquals(1, v.quotes().size());
    Quote q = v.quotes().get(0);
    assertEquals(0, q.sentence());
    assertEquals(2, q.sentenceCount());
    assertEquals(
        List.of(
            span(a.text(), "Ishiba doesn’t need to be Abe."),
            span(a.text(), "He needs to be useful,")),
        q.pieces());
    assertEquals("Ishiba doesn’t need to be Abe. He needs to be useful,", q.text());
    assertEquals("Rebecca Olin", q.speaker());
  }

  @Test
  void quoteOverParagraphsWithoutClosingMark() {
    Article a =
        article("“They are a great ally.", "¶", "“But that is going to end,” the president said.");
    ArticleVoices v = run(a);
    assertEquals(1, v.quotes().size());
    Quote q = v.quotes().get(0);
    assertEquals(2, q.sentenceCount());
    assertEquals("They are a great ally. But that is going to end,", q.text());
    assertEquals("the president", q.speaker());
    assertEquals("Donald Trump", q.canonical().canonical());
  }

  @Test
  void unclosedQuoteEndsWithItsSentence() {
    Article a = article("“A stray mark opens here.", "The summary did not mention tariffs.");
    ArticleVoices v = run(a);
    assertEquals(Voice.QUOTED, v.sentences().get(0).voice());
    assertEquals(Voice.AUTHORIAL, v.sentences().get(1).voice());
    assertEquals("A stray mark opens here.", v.quotes().get(0).text());
  }

  @Test
  void followingQuoteKeepsTheSpeaker() {
    Article a = article("“The bar is low,” said Rebecca Olin.", "“But it is not on the floor.”");
    ArticleVoices v = run(a);
    assertEquals(Voice.QUOTED, v.sentences().get(1).voice());
    assertEquals("Rebecca Olin", v.quotes().get(1).speaker());
  }

  @Test
  void interruptedQuoteIsTwoQuotesOfOneSpeaker() {
    Article a = article("“Japan is a great country,” Trump said, “and a strong ally.”");
    ArticleVoices v = run(a);
    assertEquals(Voice.QUOTED, v.sentences().get(0).voice());
    assertEquals(2, v.quotes().size());
    assertEquals("and a strong ally.", v.quotes().get(1).text());
    assertEquals("Trump", v.quotes().get(0).speaker());
    assertEquals("Trump", v.quotes().get(1).speaker());
  }

  @Test
  void straightAndSingleQuotes() {
    Article a =
        article(
            "\"We will explain,\" Hayashi said.",
            "‘Japan’s investment creates jobs,’ Mr Ishiba said.");
    ArticleVoices v = run(a);
    assertEquals("We will explain,", v.quotes().get(0).text());
    assertEquals("Yoshimasa Hayashi", v.quotes().get(0).canonical().canonical());
    assertEquals("Japan’s investment creates jobs,", v.quotes().get(1).text());
    assertEquals("Shigeru Ishiba", v.quotes().get(1).canonical().canonical());
  }

  @Test
  void guillemets() {
    Article a = article("«The alliance is solid», said Claire Martin.");
    Quote q = run(a).quotes().get(0);
    assertEquals("The alliance is solid", q.text());
    assertEquals("Claire Martin", q.speaker());
  }

  @Test
  void reportedSpeechWithThat() {
    Article a = article("Trump said on Friday that Nippon Steel would invest in U.S. Steel.");
    ArticleVoices v = run(a);
    assertEquals(Voice.ATTRIBUTED, v.sentences().get(0).voice());
    assertEquals(List.of(), v.sentences().get(0).authorial());
    Quote q = v.quotes().get(0);
    assertEquals(Quote.Kind.ATTRIBUTED, q.kind());
    assertEquals(List.of(span(a.text(), "Nippon Steel would invest in U.S. Steel")), q.pieces());
    assertEquals("Trump", q.speaker());
  }

  @Test
  void reportedSpeechKeepsALaterThat() {
    Article a = article("Japanese officials say Ishiba will stress that Japan invests.");
    Quote q = run(a).quotes().get(0);
    assertEquals("Ishiba will stress that Japan invests", q.text());
    assertEquals("Japanese officials", q.speaker());
    assertNull(q.canonical());
  }

  @Test
  void reportedSpeechWithSpeakerAtTheEnd() {
    Article a = article("Ishiba is unlikely to replicate that style, analysts said.");
    Quote q = run(a).quotes().get(0);
    assertEquals("Ishiba is unlikely to replicate that style", q.text());
    assertEquals("analysts", q.speaker());
  }

  @Test
  void accordingTo() {
    Article a = article("According to officials, he has reviewed footage of past summits.");
    Quote q = run(a).quotes().get(0);
    assertEquals("he has reviewed footage of past summits", q.text());
    assertEquals("officials", q.speaker());
  }

  @Test
  void speakerWithParenthesisAndTitle() {
    Article a =
        article(
            "Foreign Minister Takeshi Iwaya, speaking in Munich, warned that coercion would not be"
                + " tolerated.");
    Quote q = run(a).quotes().get(0);
    assertEquals("coercion would not be tolerated", q.text());
    assertEquals("Foreign Minister Takeshi Iwaya", q.speaker());
    assertEquals("Takeshi Iwaya", q.canonical().canonical());
  }

  @Test
  void participleReportsTheSubject() {
    Article a =
        article("China criticized the statement, saying it interfered in internal affairs.");
    Quote q = run(a).quotes().get(0);
    assertEquals("it interfered in internal affairs", q.text());
    assertEquals("China", q.speaker());
  }

  @Test
  void pronounTakesThePersonNamedBefore() {
    Article a =
        article(
            "Prime Minister Shigeru Ishiba returned on Sunday.",
            "“We built trust,” he told reporters.",
            "He said he would brief opposition leaders.");
    ArticleVoices v = run(a);
    assertEquals("Shigeru Ishiba", v.quotes().get(0).speaker());
    assertEquals("Shigeru Ishiba", v.quotes().get(0).canonical().canonical());
    assertEquals(Voice.ATTRIBUTED, v.sentences().get(2).voice());
    assertEquals("Shigeru Ishiba", v.quotes().get(1).canonical().canonical());
  }

  @Test
  void shortNameTakesTheFullerSpeaker() {
    Article a =
        article(
            "“It is difficult,” said Lee Ji-hoon, a senior fellow.",
            "¶",
            "“Tokyo may be carrying a message,” Mr. Lee said.");
    assertEquals("Lee Ji-hoon", run(a).quotes().get(1).speaker());
  }

  @Test
  void idiomsAndNegationAreNotSpeech() {
    Article a =
        article(
            "That said, the visit gave Tokyo room.",
            "He did not say how large a stake might be.",
            "Tokyo has no say over the tariff schedule.",
            "Said to cost $44 billion, the project has found no buyers.");
    for (SentenceVoice s : run(a).sentences()) {
      assertEquals(Voice.AUTHORIAL, s.voice());
    }
  }

  @Test
  void actionsNounsAndPredictionsAreNotSpeech() {
    Article a =
        article(
            "Tokyo has also announced more than 10 trillion yen in public support.",
            "Skeptics will say Tokyo has repackaged old plans.",
            "Those promises were tied to ownership.",
            "Each of these lines responds to a concrete threat.",
            "Neither leader explained what that meant in dollars.");
    for (SentenceVoice s : run(a).sentences()) {
      assertEquals(Voice.AUTHORIAL, s.voice());
    }
  }

  @Test
  void subjectAfterARelativePronoun() {
    Article a =
        article(
            "The figure was $1 trillion, the level to which Mr. Ishiba said investment would rise.");
    ArticleVoices v = run(a);
    assertEquals(Voice.ATTRIBUTED, v.sentences().get(0).voice());
    assertEquals("Mr. Ishiba", v.quotes().get(0).speaker());
  }

  @Test
  void unattributedLongQuoteIsKeptWithoutSpeaker() {
    Article a =
        article("The phrase “a long and difficult period for the alliance” appeared twice.");
    ArticleVoices v = run(a);
    assertEquals(Voice.AUTHORIAL, v.sentences().get(0).voice());
    assertEquals(1, v.quotes().size());
    assertNull(v.quotes().get(0).speaker());
  }

  @Test
  void japaneseChineseKorean() {
    String ja = "石破首相は「日米同盟を強化する」と述べた。";
    ArticleVoices v = analyzer.analyse("ja", ja, List.of(new Span(0, ja.length())));
    assertEquals(Voice.QUOTED, v.sentences().get(0).voice());
    assertEquals("日米同盟を強化する", v.quotes().get(0).text());
    assertEquals("Shigeru Ishiba", v.quotes().get(0).canonical().canonical());

    String zh = "外交部发言人林剑表示，中方坚决反对。";
    v = analyzer.analyse("zh", zh, List.of(new Span(0, zh.length())));
    assertEquals(Voice.ATTRIBUTED, v.sentences().get(0).voice());
    assertEquals("中方坚决反对", v.quotes().get(0).text());
    assertEquals("Lin Jian", v.quotes().get(0).canonical().canonical());

    String ko = "연합뉴스에 따르면 양국 정상은 비핵화 목표를 재확인했다.";
    v = analyzer.analyse("ko", ko, List.of(new Span(0, ko.length())));
    assertEquals(Voice.ATTRIBUTED, v.sentences().get(0).voice());
    assertEquals("Yonhap", v.quotes().get(0).canonical().canonical());
  }

  @Test
  void otherLanguagesAreUnsupported() {
    assertTrue(VoiceAnalyzer.supports("en"));
    assertTrue(VoiceAnalyzer.supports("zh-TW"));
    assertFalse(VoiceAnalyzer.supports("fr"));
    assertFalse(VoiceAnalyzer.supports(null));
    String fr = "« Nous gagnerons », a dit le président.";
    ArticleVoices v = analyzer.analyse("fr", fr, List.of(new Span(0, fr.length())));
    assertEquals(Voice.AUTHORIAL, v.sentences().get(0).voice());
    assertEquals(List.of(new Span(0, fr.length())), v.sentences().get(0).authorial());
    assertEquals(List.of(), v.quotes());
  }

  @Test
  void pathologicalMarksFinish() {
    // 100,000 opening marks without a closing one, in 1,000 sentences of one paragraph.
    StringBuilder sb = new StringBuilder();
    List<Span> spans = new ArrayList<>();
    for (int s = 0; s < 1_000; s++) {
      int b = sb.length();
      sb.append("“".repeat(100)).append(" word.");
      spans.add(new Span(b, sb.length()));
      sb.append(' ');
    }
    ArticleVoices v = analyzer.analyse("en", sb.toString(), spans);
    assertEquals(1_000, v.sentences().size());
  }

  @Test
  void largeArticleTiming() {
    // About 1 MB of news sentences with quotations; printed, not asserted.
    String[] pool = {
      "“The message is simple,” said a Japanese government official.",
      "Trump said Japan would buy more American gas.",
      "The yen was little changed against the dollar.",
      "The deal, which Trump called “fantastic,” was signed.",
      "Ishiba is unlikely to replicate that style, analysts said."
    };
    StringBuilder sb = new StringBuilder();
    List<Span> spans = new ArrayList<>();
    int k = 0;
    while (sb.length() < 1_000_000) {
      int b = sb.length();
      sb.append(pool[k++ % pool.length]);
      spans.add(new Span(b, sb.length()));
      sb.append(k % 4 == 0 ? "\n\n" : " ");
    }
    for (int w = 0; w < 3; w++) {
      analyzer.analyse("en", sb.toString(), spans); // warm-up
    }
    long t0 = System.nanoTime();
    ArticleVoices v = analyzer.analyse("en", sb.toString(), spans);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "voice: %,d characters, %,d sentences, %,d quotes in %d ms%n",
        sb.length(), spans.size(), v.quotes().size(), ms);
    assertEquals(spans.size(), v.sentences().size());
  }
}
