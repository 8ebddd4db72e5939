package dev.parallax.nlp.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A user's tone lexicon for a language without VADER's rules. */
class TokenValencesTest {
  static final String LEXICON =
      """
      \uFEFF# a comment, after a byte order mark
      歓迎\t1.5
      懸念\t-2.0\t0.5\t[-2, -2]
      成功\t2.0
      """;

  @Test
  void sumOfMatchedValencesNormalisedAsVader() {
    TokenValences v = TokenValences.parse("ja.tsv", LEXICON);
    assertEquals(3, v.size());
    // x = 1.5: 1.5 / sqrt(2.25 + 15) = 1.5 / 4.15331 = 0.361158
    assertEquals(0.361158, v.score(List.of("大統領", "歓迎")), 1e-6);
    // x = 1.5 - 2.0 + 2.0 = 1.5, the same
    assertEquals(0.361158, v.score(List.of("歓迎", "懸念", "成功")), 1e-6);
    // x = -2.0 - 2.0 = -4: -4 / sqrt(16 + 15) = -0.718421
    assertEquals(-0.718421, v.score(List.of("懸念", "懸念")), 1e-6);
    // no entry: 0.0 (a scored, neutral sentence; tone is null only without a lexicon)
    assertEquals(0.0, v.score(List.of("首相")), 0.0);
  }

  @Test
  void errorsNameFileAndLine() {
    assertEquals(
        "tone lexicon t: line 2 has 1 column, expected token<TAB>valence",
        assertThrows(IllegalArgumentException.class, () -> TokenValences.parse("t", "#\n歓迎\n"))
            .getMessage());
    assertEquals(
        "tone lexicon t: line 1: valence 4.5 is outside [-4, 4]",
        assertThrows(IllegalArgumentException.class, () -> TokenValences.parse("t", "歓迎\t4.5\n"))
            .getMessage());
    assertEquals(
        "tone lexicon t: line 1: valence 'good' is not a number",
        assertThrows(IllegalArgumentException.class, () -> TokenValences.parse("t", "歓迎\tgood\n"))
            .getMessage());
    assertEquals(
        "tone lexicon t: line 2: token '歓迎' is listed twice",
        assertThrows(
                IllegalArgumentException.class, () -> TokenValences.parse("t", "歓迎\t1\n歓迎\t2\n"))
            .getMessage());
    assertEquals(
        "tone lexicon t: no entries found",
        assertThrows(IllegalArgumentException.class, () -> TokenValences.parse("t", "# only\n"))
            .getMessage());
  }
}
