package dev.parallax.nlp.tone;

import static dev.parallax.nlp.tone.TestLexicons.toks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real VADER lexicon (data/lexicons/vader/vader_lexicon.txt). Expected values are worked out by
 * hand from the lexicon's values and match the compound VADER publishes for these sentences (README
 * of cjhutto/vaderSentiment) to its four decimals. Values used: good 1.9, smart 1.7, handsome 2.2,
 * funny 1.9, horrible −2.5, bad −2.5, sux −1.5, lol 1.8 (the later of its two lines), compelling
 * 0.9, doubt −1.5, excellent 2.7, critical −1.3, shortage −1.0; no other word of these sentences
 * has an entry. The scorer runs with the news rules off (plain VADER: {@link
 * ToneLexicon#withoutDomain}), since those rules deliberately depart from VADER's published
 * compounds (a negated negative is a weak positive); only the "critical minerals" case uses the
 * domain phrase.
 */
class ToneScorerVaderTest {

  private static final double EPS = 1e-4;

  private static ToneScorer scorer;
  private static ToneScorer domain;

  @BeforeAll
  static void load() {
    assertTrue(
        Files.isRegularFile(TestLexicons.vaderFile()), "missing " + TestLexicons.vaderFile());
    ToneLexicon lexicon =
        TestLexicons.realVader("term\tvalence\trationale\ncritical minerals\t0\tindustry term\n");
    scorer = new ToneScorer(lexicon.withoutDomain());
    domain = new ToneScorer(lexicon);
  }

  private static double score(String spaced) {
    return scorer.score(toks(spaced));
  }

  @Test
  void plainSentences() {
    // good 1.9 → 1.9/√18.61 = 0.4404
    assertEquals(0.4404, score("The book was good ."), EPS);
    // not good: 1.9 × −0.74 = −1.406 → −0.3412
    assertEquals(-0.3412, score("The book was not good ."), EPS);
    // GOOD in mixed case 1.9 + 0.733 = 2.633; two '!' + 0.584 = 3.217 → 3.217/√25.349 = 0.6390
    assertEquals(0.6390, score("The food here is GOOD ! !"), EPS);
    // 1.7 + 2.2 + 1.9 = 5.8 → 5.8/√48.64 = 0.8316
    assertEquals(0.8316, score("VADER is smart , handsome , and funny ."), EPS);
  }

  @Test
  void boostersAndCaps() {
    // very smart 1.7 + 0.293 = 1.993; handsome: "smart" one back has an entry and is skipped,
    // "very" two
    // back adds 0.293 × 0.95 → 2.47835; funny 1.9: 6.37135 → 6.37135/√55.5941 = 0.8545
    assertEquals(0.8545, score("VADER is very smart , handsome , and funny ."), EPS);
    // SMART 1.7 + 0.733 + (0.293 + 0.733) = 3.459; handsome 2.2 + 1.026 × 0.95 = 3.1747;
    // FUNNY 1.9 + 0.733 = 2.633: 9.2667 → 0.9227
    assertEquals(0.9227, score("VADER is VERY SMART , handsome , and FUNNY ."), EPS);
    // SUX −1.5 − 0.733 = −2.233, '!' −0.292 → −2.525 → −0.5461
    assertEquals(-0.5461, score("Today SUX !"), EPS);
    // "kind of" −0.293: 1.607 → 0.3832
    assertEquals(0.3832, score("The book was only kind of good ."), EPS);
  }

  @Test
  void negationAndContrast() {
    // smart −1.258; handsome: "not" two back −1.628; funny: "nor" −1.406 → −4.292 → −0.7424
    assertEquals(-0.7424, score("VADER is not smart , handsome , nor funny ."), EPS);
    // horrible −2.5 × −0.74 = 1.85 → 0.4310
    assertEquals(0.4310, score("At least it is n't a horrible book ."), EPS);
    assertEquals(0.4310, score("Not bad at all"), EPS);
    // sux −1.5 + 0.293 (kinda) = −1.207, × 0.5 = −0.6035; lol 1.8 × 1.5 = 2.7; '!' +0.292
    // → 2.3885 → 0.5249
    assertEquals(0.5249, score("Today only kinda sux ! But I 'll get by , lol"), EPS);
  }

  @Test
  void specialCases() {
    // "never … this good": 1.9 × 1.25 = 2.375, '!' +0.292 → 2.667 → 0.5672
    assertEquals(0.5672, score("Sentiment analysis has never been this good !"), EPS);
    // "never been good": −1.406 → −0.3412
    assertEquals(-0.3412, score("Sentiment analysis has never been good ."), EPS);
    // "the least compelling": 0.9 × −0.74 = −0.666 → −0.1695
    assertEquals(
        -0.1695,
        score("Roger Dodger is one of the least compelling variations on this theme ."),
        EPS);
    // "at least compelling": 0.9 → 0.2263
    assertEquals(
        0.2263, score("Roger Dodger is at least compelling as a variation on the theme ."), EPS);
    // doubt −1.5 negated by "without": 1.11; excellent 2.7 not negated ("without … doubt") → 3.81 →
    // 0.7013
    assertEquals(0.7013, score("Without a doubt , excellent idea ."), EPS);
  }

  @Test
  void criticalMineralsIsNeutralButCriticalIsNot() {
    assertEquals(0.0, domain.score(toks("Japan’s critical minerals strategy")), 0.0);
    // critical −1.3 → −1.3/√16.69 = −0.3182
    assertEquals(-0.3182, domain.score(toks("a critical report")), EPS);
    // critical −1.3 + shortage −1.0 = −2.3 → −2.3/√20.29 = −0.5106
    assertEquals(-0.5106, domain.score(toks("a critical shortage")), EPS);
  }

  @Test
  void tenThousandRandomSentencesScoreWithinRange() {
    List<String> vocab =
        List.of(
            "The",
            "government",
            "said",
            "on",
            "Tuesday",
            "that",
            "the",
            "talks",
            "with",
            "China",
            "were",
            "not",
            "very",
            "productive",
            ",",
            "but",
            "officials",
            "remain",
            "hopeful",
            "of",
            "a",
            "deal",
            "that",
            "would",
            "ease",
            "tensions",
            "over",
            "critical",
            "minerals",
            ".",
            "U.S.",
            "2%",
            "—",
            "Japan’s",
            "don’t",
            "n't",
            "'s",
            "crisis",
            "war",
            "peace",
            "growth",
            "strong",
            "weak",
            "!",
            "?",
            "win-win",
            "kind",
            "least",
            "never",
            "so",
            "good",
            "bad",
            "killed",
            "attack");
    Random random = new Random(7);
    List<List<String>> sentences = new ArrayList<>();
    for (int s = 0; s < 10_000; s++) {
      int n = 10 + random.nextInt(30);
      List<String> tokens = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        tokens.add(vocab.get(random.nextInt(vocab.size())));
      }
      sentences.add(tokens);
    }
    for (List<String> tokens : sentences) {
      double score = scorer.score(tokens);
      assertTrue(score >= -1 && score <= 1, tokens + " scored " + score);
      double news = domain.score(tokens);
      assertTrue(news >= -1 && news <= 1, tokens + " scored " + news + " with the news rules");
    }
  }
}
