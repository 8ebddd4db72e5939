package dev.parallax.nlp.tone;

import static dev.parallax.nlp.tone.TestLexicons.toks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Rules of the scorer on a small inline lexicon (good 1.9, bad −2.5, great 3.1, like 1.5, peace
 * 2.5, tensions −1.7, win 2.8, kind 2.4, no −1.2, yeah 1.2, critical −1.3; domain entries in {@link
 * TestLexicons}). Every expected value is worked out in the comment from VADER's rules, with c(x) =
 * x/√(x²+15).
 */
class ToneScorerTest {

  private static final double EPS = 1e-6;

  private final ToneScorer scorer = new ToneScorer(TestLexicons.inline());
  private final ToneScorer plain = new ToneScorer(TestLexicons.inline().withoutDomain());

  private double score(String spaced) {
    return scorer.score(toks(spaced));
  }

  @Test
  void singleWord() {
    // 1.9 / √(1.9² + 15) = 1.9 / √18.61 = 0.4404336
    assertEquals(0.4404336, score("good"), EPS);
    // −2.5 / √(6.25 + 15) = −0.5423261
    assertEquals(-0.5423261, score("bad"), EPS);
  }

  @Test
  void wordsWithoutEntryScoreZero() {
    assertEquals(0.0, score("The report was published ."), 0.0);
  }

  @Test
  void emptyInputIsZero() {
    assertEquals(0.0, scorer.score(List.of()), 0.0);
    assertEquals(0.0, scorer.explain(List.of()).score(), 0.0);
  }

  @Test
  void negationFlips() {
    // −0.74 × 1.9 = −1.406 → −1.406 / √(1.976836 + 15) = −0.3412377
    assertEquals(-0.3412377, score("not good"), EPS);
    // "n't" as its own token negates too
    assertEquals(-0.3412377, score("it is n't good"), EPS);
  }

  @Test
  void negationWindowIsThreeWords() {
    // "not" three words back: still −1.406 → −0.3412377
    assertEquals(-0.3412377, score("not in fact good"), EPS);
    // "not" four words back: no effect, 1.9 → 0.4404336
    assertEquals(0.4404336, score("not in fact now good"), EPS);
  }

  @Test
  void punctuationTokensDoNotTakeAPositionInTheWindow() {
    // words are [not, in, fact, good]: "not" three back → −1.406 → −0.3412377
    assertEquals(-0.3412377, score("not , in fact , good"), EPS);
  }

  @Test
  void boosterRaisesMagnitude() {
    // 1.9 + 0.293 = 2.193 → 2.193 / √(4.809249 + 15) = 0.4927250
    assertEquals(0.4927250, score("very good"), EPS);
    // sign follows the valence: −2.5 − 0.293 = −2.793 → −0.5849186
    assertEquals(-0.5849186, score("very bad"), EPS);
  }

  @Test
  void boosterIsDampedByDistance() {
    // two back: 1.9 + 0.293 × 0.95 = 2.17835 → 0.4902265
    assertEquals(0.4902265, score("very much good"), EPS);
    // three back: 1.9 + 0.293 × 0.9 = 2.1637 → 0.4877159
    assertEquals(0.4877159, score("very much now good"), EPS);
  }

  @Test
  void dampenerLowersMagnitude() {
    // 1.9 − 0.293 = 1.607 → 1.607 / √(2.582449 + 15) = 0.3832447
    assertEquals(0.3832447, score("slightly good"), EPS);
    // −2.5 + 0.293 = −2.207 → −0.4951014
    assertEquals(-0.4951014, score("slightly bad"), EPS);
  }

  @Test
  void kindOfIsADampenerNotAWord() {
    // "kind" (2.4) followed by "of" scores 0; "kind of" dampens: 1.9 − 0.293 = 1.607 → 0.3832447
    assertEquals(0.3832447, score("kind of good"), EPS);
    // towards zero for a negative word: −2.5 + 0.293 = −2.207 → −0.4951014
    assertEquals(-0.4951014, score("kind of bad"), EPS);
    // "kind" alone is a word: 2.4 → 2.4 / √20.76 = 0.5267415
    assertEquals(0.5267415, score("kind"), EPS);
  }

  @Test
  void butShiftsWeight() {
    // 0.5 × 1.9 + 1.5 × (−2.5) = 0.95 − 3.75 = −2.8 → −2.8 / √(7.84 + 15) = −0.5858818
    assertEquals(-0.5858818, score("good but bad"), EPS);
  }

  @Test
  void allCapsEmphasisOnlyInMixedCaseText() {
    // mixed case: 1.9 + 0.733 = 2.633 → 2.633 / √(6.932689 + 15) = 0.5622182
    assertEquals(0.5622182, score("The food is GOOD"), EPS);
    // all caps: no emphasis, 1.9 → 0.4404336
    assertEquals(0.4404336, score("THE FOOD IS GOOD"), EPS);
    // tokens without letters do not make the text mixed-case: 1.9 + one '!' 0.292 = 2.192 →
    // 0.4925549
    assertEquals(0.4925549, score("GOOD !"), EPS);
    // booster in caps: 1.9 + (0.293 + 0.733) = 2.926 → 0.6027998
    assertEquals(0.6027998, score("It is VERY good"), EPS);
  }

  @Test
  void exclamationMarksAddAndCapAtFour() {
    // 1.9 + 0.292 = 2.192 → 0.4925549
    assertEquals(0.4925549, score("good !"), EPS);
    // "!!" counts two: 1.9 + 0.584 = 2.484 → 0.5398692
    assertEquals(0.5398692, score("good !!"), EPS);
    // six marks count four: 1.9 + 4 × 0.292 = 3.068 → 3.068 / √(9.412624 + 15) = 0.6209378
    assertEquals(0.6209378, score("good ! ! ! ! ! !"), EPS);
    // added away from zero: −2.5 − 0.584 = −3.084 → −0.6229216
    assertEquals(-0.6229216, score("bad ! !"), EPS);
    // no words with valence: nothing to emphasise
    assertEquals(0.0, score("Wow ! ! !"), 0.0);
  }

  @Test
  void questionMarksCountFromTwoAndCap() {
    // one '?' adds nothing: 0.4404336
    assertEquals(0.4404336, score("good ?"), EPS);
    // two: 1.9 + 2 × 0.18 = 2.26 → 0.5039974
    assertEquals(0.5039974, score("good ? ?"), EPS);
    // five: 1.9 + 0.96 = 2.86 → 0.5940364
    assertEquals(0.5940364, score("good ? ? ? ? ?"), EPS);
  }

  @Test
  void leastNegatesUnlessAtLeast() {
    // "the least good": 1.9 × −0.74 = −1.406 → −0.3412377
    assertEquals(-0.3412377, score("the least good"), EPS);
    // "at least good": 1.9 → 0.4404336
    assertEquals(0.4404336, score("at least good"), EPS);
  }

  @Test
  void neverSoAmplifiesInsteadOfNegating() {
    // "so" boosts: 1.9 + 0.293 = 2.193; "never so" ×1.25 = 2.74125 → 0.5777207
    assertEquals(0.5777207, score("never so good"), EPS);
    // plain "never" negates: −1.406 → −0.3412377
    assertEquals(-0.3412377, score("never good"), EPS);
  }

  @Test
  void noNegatesTheNextLexiconWord() {
    // "no" scores 0 before a lexicon word, which is negated: 1.9 × −0.74 = −1.406 → −0.3412377
    assertEquals(-0.3412377, score("no good"), EPS);
    // "no" alone is a lexicon word: −1.2 → −1.2 / √16.44 = −0.2959582
    assertEquals(-0.2959582, score("no"), EPS);
  }

  @Test
  void vaderIdiomIsAPhrase() {
    // "yeah right" −2 replaces yeah's 1.2: −2 / √19 = −0.4588315
    assertEquals(-0.4588315, score("yeah right"), EPS);
  }

  @Test
  void domainPhraseOverridesItsWords() {
    // phrase 2.4 instead of peace 2.5: 2.4 / √20.76 = 0.5267415
    assertEquals(0.5267415, score("peace and stability"), EPS);
    // plain VADER: peace 2.5 alone → 2.5 / √21.25 = 0.5423261
    assertEquals(0.5423261, plain.score(toks("peace and stability")), EPS);
    // a comma breaks the phrase: peace 2.5 → 0.5423261
    assertEquals(0.5423261, score("peace , and stability"), EPS);
    // the phrase is negated like a word: 2.4 × −0.74 = −1.776 → −0.4168259
    assertEquals(-0.4168259, score("not peace and stability"), EPS);
  }

  @Test
  void longestPhraseWins() {
    // "peace talks collapse" −2 over "peace talks" 1: −2 / √19 = −0.4588315
    assertEquals(-0.4588315, score("the peace talks collapse"), EPS);
    // 1 / √16 = 0.25
    assertEquals(0.25, score("peace talks"), EPS);
  }

  @Test
  void hyphenatedPhraseMatchesOneTokenOrThree() {
    // domain win-win 2.0 instead of two wins: 2 / √19 = 0.4588315
    assertEquals(0.4588315, score("a win-win deal"), EPS);
    assertEquals(0.4588315, score("a win - win deal"), EPS);
    // plain VADER: win + win = 5.6 → 5.6 / √46.36 = 0.8224629
    assertEquals(0.8224629, plain.score(toks("a win - win deal")), EPS);
  }

  @Test
  void domainWordOverridesVader() {
    // domain −1.5: −1.5 / √17.25 = −0.3611576
    assertEquals(-0.3611576, score("tensions"), EPS);
    // VADER −1.7: −1.7 / √17.89 = −0.4019238
    assertEquals(-0.4019238, plain.score(toks("tensions")), EPS);
    // lookup ignores case: "Tensions" is "tensions" → −0.3611576
    assertEquals(-0.3611576, score("Tensions rose"), EPS);
  }

  @Test
  void zeroPhraseIsNeutral() {
    // "critical minerals" 0; "critical" alone −1.3 → −1.3 / √16.69 = −0.3182110
    assertEquals(0.0, score("critical minerals"), 0.0);
    assertEquals(-0.3182110, score("a critical report"), EPS);
    // a booster does not lift a neutral entry
    assertEquals(0.0, score("very critical minerals"), 0.0);
  }

  @Test
  void possessiveFallsBackToTheStem() {
    // "alliance" 1.0 (domain) via "alliance’s": 1 / √16 = 0.25
    assertEquals(0.25, score("the alliance’s plans"), EPS);
    assertEquals(0.25, score("the Alliance's plans"), EPS);
  }

  @Test
  void curlyApostropheNegation() {
    // "don’t" negates like "don't": 1.5 × −0.74 = −1.11 → −1.11 / √16.2321 = −0.2755089
    assertEquals(-0.2755089, score("I don’t like it"), EPS);
    assertEquals(-0.2755089, score("I do n’t like it"), EPS);
  }

  @Test
  void resultAlwaysWithinBounds() {
    List<String> vocab =
        List.of(
            "good",
            "GOOD",
            "bad",
            "BAD",
            "great",
            "GREAT",
            "not",
            "very",
            "VERY",
            "slightly",
            "but",
            "no",
            "least",
            "at",
            "kind",
            "of",
            "never",
            "so",
            "!",
            "!!!!",
            "?",
            "??",
            ",",
            "peace",
            "and",
            "stability",
            "win",
            "-",
            "the",
            "critical",
            "minerals",
            "yeah",
            "right",
            "n't",
            "tensions",
            "—",
            "2%",
            "U.S.",
            "Japan’s");
    Random random = new Random(20240601L);
    for (int run = 0; run < 5000; run++) {
      int n = random.nextInt(40);
      List<String> tokens = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        tokens.add(vocab.get(random.nextInt(vocab.size())));
      }
      double s = scorer.score(tokens);
      assertTrue(s >= -1.0 && s <= 1.0, () -> s + " for " + tokens);
      assertEquals(s, scorer.explain(tokens).score(), 0.0, () -> "explain differs for " + tokens);
    }
    List<String> huge = new ArrayList<>(Arrays.asList(new String[2000]));
    huge.replaceAll(t -> "GREAT");
    huge.add("really");
    double s = scorer.score(huge);
    assertTrue(s > 0.99 && s <= 1.0, () -> "huge sum gave " + s);
  }

  @Test
  void nullTokensAreRejected() {
    assertThrows(NullPointerException.class, () -> scorer.score(null));
    assertThrows(NullPointerException.class, () -> scorer.score(Arrays.asList("good", null)));
  }

  @Test
  void serializedScorerScoresTheSame() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(scorer);
    }
    ToneScorer copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ToneScorer) in.readObject();
    }
    for (String s :
        List.of("not peace and stability", "a win - win deal", "The food is GOOD !", "tensions")) {
      assertEquals(scorer.score(toks(s)), copy.score(toks(s)), 0.0, s);
    }
  }

  @Test
  void concurrentScoringAgrees() {
    List<List<String>> sentences =
        List.of(
            toks("not very good but great !"),
            toks("peace and stability"),
            toks("I don’t like the tensions ? ?"));
    double[] expected = sentences.stream().mapToDouble(scorer::score).toArray();
    IntStream.range(0, 20_000)
        .parallel()
        .forEach(
            i -> {
              int k = i % sentences.size();
              assertEquals(expected[k], scorer.score(sentences.get(k)), 0.0);
            });
  }
}
