package dev.parallax.nlp.tone;

import static dev.parallax.nlp.tone.TestLexicons.toks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The news rules (capitalised names, negated negatives, "not rule out") and the AFINN-165 average,
 * on the real VADER lexicon with a small domain lexicon. Values used: justice 2.4, great 3.1, bad
 * −2.5 (VADER), retaliation −1.6 and health care 0 (domain); no other word of these sentences has
 * an entry. Every expected value is worked out by hand: x/√(x²+15).
 */
class ToneNewsRulesTest {

  private static final double EPS = 1e-4;

  private static final String DOMAIN =
      """
      term\tvalence\trationale
      retaliation\t-1.6\tpunitive response
      health care\t0\tsector name
      """;

  private final ToneLexicon lexicon = TestLexicons.realVader(DOMAIN);
  private final ToneScorer news = new ToneScorer(lexicon);
  private final ToneScorer plain = new ToneScorer(lexicon.withoutDomain());

  private double score(String spaced) {
    return news.score(toks(spaced));
  }

  @Test
  void capitalisedNamesScoreZero() {
    // "Department of Justice and Great Britain" is one name run: justice and great score 0
    assertEquals(0.0, score("He met officials of the Department of Justice and Great Britain ."));
    // plain VADER: 2.4 + 3.1 = 5.5 → 5.5/√45.25 = 0.8176
    assertEquals(
        0.8176,
        plain.score(toks("He met officials of the Department of Justice and Great Britain .")),
        EPS);
    // the first word joins a name when it has no valence of its own
    assertEquals(0.0, score("Department of Justice officials said so ."));
    // lower-case justice scores, the name does not: 2.4 → 2.4/√20.76 = 0.5267
    assertEquals(0.5267, score("Some call for justice from the Justice Department ."), EPS);
    // one capitalised word is no name: 2.4 → 0.5267
    assertEquals(0.5267, score("Some call for Justice ."), EPS);
  }

  @Test
  void aSentimentWordThatStartsTheSentenceKeepsItsScore() {
    // "Great" first and valenced: not a name start; "Britain" alone is no name. 3.1 → 0.6249
    assertEquals(0.6249, score("Great Britain voted ."), EPS);
  }

  @Test
  void allCapsSentimentWordsAreEmphasisNotNames() {
    // GREAT is ALL CAPS with a valence: not part of a name; 3.1 + 0.733 = 3.833 → 0.7035
    assertEquals(0.7035, score("it was a GREAT Britain deal ."), EPS);
  }

  @Test
  void titleCaseSentencesKeepTheirTone() {
    // no word after the first starts lower case: a headline, no names.
    // great 3.1 × 2 + justice 2.4 = 8.6 → 8.6/√88.96 = 0.9118
    assertEquals(0.9118, score("Great Deal For Great Britain Says Justice Department"), EPS);
  }

  @Test
  void fixedTermsScoreZero() {
    assertEquals(0.0, score("spending on health care rose ."));
  }

  @Test
  void negatedNegativeIsAWeakPositive() {
    // bad −2.5 × −0.3 = 0.75 → 0.75/√15.5625 = 0.1901 (plain VADER: × −0.74 = 1.85 → 0.4310)
    assertEquals(0.1901, score("It is not a bad deal ."), EPS);
    assertEquals(0.4310, plain.score(toks("It is not a bad deal .")), EPS);
    // a negated positive is unchanged: great 3.1 × −0.74 = −2.294 → −2.294/√20.262 = −0.5096
    assertEquals(-0.5096, score("It is not a great deal ."), EPS);
  }

  @Test
  void whatIsNotRuledOutKeepsItsSignMildly() {
    // retaliation −1.6 × 0.5 = −0.8, not negated by "n't" → −0.8/√15.64 = −0.2023
    assertEquals(-0.2023, score("Officials did n't rule out retaliation ."), EPS);
    // refused −1.2 (VADER) scores on its own: −1.2 − 0.8 = −2.0 → −2/√19 = −0.4588
    assertEquals(-0.4588, score("Officials refused to rule out retaliation ."), EPS);
    // plain VADER: −1.6 × −0.74 = 1.184 → 1.184/√16.4019 = 0.2924 (retaliation from the domain
    // is not in plain VADER: 0)
    assertEquals(0.0, plain.score(toks("Officials did n't rule out retaliation .")), 0.0);
    // "ruled out" without a negation changes nothing: −1.6 → −1.6/√17.56 = −0.3818
    assertEquals(-0.3818, score("Officials ruled out retaliation ."), EPS);
  }

  @Test
  void afinnRunIsAveragedWithVaders() throws IOException {
    ToneLexicon both =
        lexicon.withAfinn(
            "afinn-test", new StringReader("# test\ngreat\t3\nbad\t-3\nnot good\t-2\n"));
    assertTrue(both.averagesAfinn());
    assertFalse(both.withoutDomain().averagesAfinn());
    ToneScorer mean = new ToneScorer(both);
    // VADER: great 3.1 → 0.6249; AFINN: 3 × 0.8 = 2.4 → 2.4/√20.76 = 0.5267; mean 0.5758
    assertEquals(0.5758, mean.score(toks("a great day")), EPS);
    // justice is in VADER (2.4 → 0.5267) but not in this AFINN list (0): mean 0.2634
    assertEquals(0.2634, mean.score(toks("they seek justice")), EPS);
    // the domain entries apply to both runs: retaliation −1.6 → −0.3818 in each
    assertEquals(-0.3818, mean.score(toks("retaliation followed")), EPS);
    ToneExplanation e = mean.explain(toks("a great day"));
    assertEquals(mean.score(toks("a great day")), e.score(), 1e-12);
    assertEquals(
        "AFINN-165, same rules: +0.5267; mean of VADER and AFINN-165 → +0.5758",
        e.sentenceRules().get(e.sentenceRules().size() - 1));
  }

  @Test
  void afinnFileErrorsNameTheLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> lexicon.withAfinn("afinn-test", new StringReader("good\t3\nbad\t-6\n")));
    assertEquals("tone lexicon afinn-test: line 2: valence -6 is outside -5..5", e.getMessage());
  }

  @Test
  void explanationListsNeutralisedNamesAndTerms() {
    ToneExplanation e =
        news.explain(toks("The Department of Justice said health care costs rose ."));
    assertEquals(
        List.of("'Department of Justice' (name)", "'health care' (fixed term)"), e.neutralised());
    assertEquals(
        List.of("name 'Department of Justice': its words are not scored"),
        e.steps().get(1).rules());
    String text = e.toString();
    assertTrue(
        text.endsWith(
            "      neutralised: 'Department of Justice' (name), 'health care' (fixed term)\n"),
        text);
    assertEquals(List.of(), news.explain(toks("a great day")).neutralised());
    assertFalse(news.explain(toks("a great day")).toString().contains("neutralised"));
  }
}
