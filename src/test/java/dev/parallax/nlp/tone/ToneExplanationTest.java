package dev.parallax.nlp.tone;

import static dev.parallax.nlp.tone.TestLexicons.toks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToneExplanationTest {

  private static final double EPS = 1e-9;

  private final ToneScorer scorer = new ToneScorer(TestLexicons.inline());

  @Test
  void stepsCarryBaseValueAndRules() {
    List<String> tokens = toks("It is not very good but the peace and stability holds !");
    ToneExplanation e = scorer.explain(tokens);
    assertEquals(scorer.score(tokens), e.score(), 0.0);
    assertEquals(tokens.size(), e.steps().size());

    // good: 1.9; "very" one back + 0.293 → 2.193; "not" two back × −0.74 → −1.62282; before "but" ×
    // 0.5
    ToneExplanation.Step good = e.steps().get(4);
    assertEquals("good", good.token());
    assertEquals(1.9, good.base(), EPS);
    assertEquals(-0.81141, good.value(), EPS);
    assertEquals(
        List.of("booster 'very' +0.293", "negated by 'not' ×−0.74", "but: ×0.5 before contrast"),
        good.rules());

    // the phrase is scored on its first token: 2.4 × 1.5 = 3.6; its other tokens add nothing
    ToneExplanation.Step peace = e.steps().get(7);
    assertEquals(2.4, peace.base(), EPS);
    assertEquals(3.6, peace.value(), EPS);
    assertEquals(
        List.of(
            "domain phrase 'peace and stability' 2.4 overrides words", "but: ×1.5 after contrast"),
        peace.rules());
    assertEquals(0.0, e.steps().get(9).value(), 0.0);

    // x = −0.81141 + 3.6 + 0.292 = 3.08059
    assertEquals(3.08059, e.rawSum(), EPS);
    assertEquals(
        List.of("sum of words +2.789", "'!' ×1 +0.292", "normalised x/√(x²+15): +3.081 → +0.6225"),
        e.sentenceRules());
  }

  @Test
  void capsAndExclamationRules() {
    ToneExplanation e = scorer.explain(toks("The food is GOOD ! !"));
    assertEquals(List.of("ALL CAPS +0.733"), e.steps().get(3).rules());
    assertTrue(e.sentenceRules().contains("'!' ×2 +0.584"), e.sentenceRules().toString());
  }

  @Test
  void toStringIsAReadableTable() {
    String text = scorer.explain(toks("I don’t like the new tensions")).toString();
    // like: 1.5 × −0.74 = −1.11; tensions −1.5 (domain over VADER −1.7), four words after "don’t"
    // so not
    // negated: x = −2.61 → −2.61/√21.8121 = −0.5588
    assertTrue(text.startsWith("tone −0.5588  (x = −2.61)\n"), text);
    assertTrue(text.contains("negated by 'don't' ×−0.74"), text);
    assertTrue(text.contains("domain −1.5 overrides VADER −1.7"), text);
    assertTrue(text.contains("normalised x/√(x²+15)"), text);
    assertEquals(1 + 1 + 6 + 2, text.split("\n").length, text);
  }
}
