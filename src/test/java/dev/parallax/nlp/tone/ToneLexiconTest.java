package dev.parallax.nlp.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ToneLexiconTest {

  private static final String DOMAIN_FILE = "data/lexicons/tone_domain.tsv";
  private static final String HEADER = "# domain terms\nterm\tvalence\trationale\n";

  private static ToneLexicon parse(String vader, String domain) throws Exception {
    return ToneLexicon.parse(
        "vader.txt",
        new StringReader(vader),
        DOMAIN_FILE,
        domain == null ? null : new StringReader(domain));
  }

  private static String domainError(String domain) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> parse(TestLexicons.VADER, domain));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  private static String vaderError(String vader) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> parse(vader, null));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  @Test
  void countsWordsAndPhrases() {
    ToneLexicon lexicon = TestLexicons.inline();
    // 11 VADER words; domain adds win-win and alliance ("tensions" overrides an existing word)
    assertEquals(13, lexicon.size());
    // peace and stability, critical minerals, peace talks, peace talks collapse
    assertEquals(4, lexicon.phraseCount());
    ToneLexicon plain = lexicon.withoutDomain();
    assertEquals(11, plain.size());
    assertEquals(0, plain.phraseCount());
  }

  @Test
  void duplicateVaderTokenKeepsTheLastValue() throws Exception {
    ToneLexicon lexicon = parse("lol\t2.9\t0.8\t[]\nlol\t1.8\t1.4\t[]\n", null);
    assertEquals(1, lexicon.size());
    // 1.8 / √(3.24 + 15) = 0.4214636
    assertEquals(0.4214636, new ToneScorer(lexicon).score(TestLexicons.toks("lol")), 1e-6);
  }

  @Test
  void domainColumnCountError() {
    // line 1 comment, 2 header, 3 fine, 4 lacks the rationale column
    assertEquals(
        "tone lexicon data/lexicons/tone_domain.tsv: line 4 has 2 columns, expected 3",
        domainError(HEADER + "tensions\t-1.5\tmilder\nsanctions\t-1.0\n"));
  }

  @Test
  void domainValenceError() {
    assertEquals(
        "tone lexicon data/lexicons/tone_domain.tsv: line 3: valence 'x' is not a number",
        domainError(HEADER + "tensions\tx\tmilder\n"));
    assertEquals(
        "tone lexicon data/lexicons/tone_domain.tsv: line 3: valence 5 is outside -4..4",
        domainError(HEADER + "tensions\t5\tmilder\n"));
  }

  @Test
  void domainHeaderRequired() {
    assertEquals(
        "tone lexicon data/lexicons/tone_domain.tsv: line 2: expected the header line "
            + "'term<TAB>valence<TAB>rationale'",
        domainError("# no header\ntensions\t-1.5\tmilder\n"));
  }

  @Test
  void domainTermErrors() {
    assertEquals(
        "tone lexicon data/lexicons/tone_domain.tsv: line 3: term 'Tensions' is not lowercase",
        domainError(HEADER + "Tensions\t-1.5\tmilder\n"));
    assertEquals(
        "tone lexicon data/lexicons/tone_domain.tsv: line 3: term 'peace  talks' must be words "
            + "separated by single spaces",
        domainError(HEADER + "peace  talks\t1\tx\n"));
    assertEquals(
        "tone lexicon data/lexicons/tone_domain.tsv: line 4: term 'tensions' is already defined "
            + "on line 3",
        domainError(HEADER + "tensions\t-1.5\tmilder\ntensions\t-1\tagain\n"));
  }

  @Test
  void vaderErrors() {
    assertEquals(
        "tone lexicon vader.txt: line 2 has 1 column, expected at least 2",
        vaderError("good\t1.9\t0.9\t[]\nbad\n"));
    assertEquals(
        "tone lexicon vader.txt: line 1: valence '1,9' is not a number",
        vaderError("good\t1,9\t0.9\t[]\n"));
  }

  @Test
  void commentsAndBlankLinesAreSkipped() throws Exception {
    ToneLexicon lexicon =
        parse(
            TestLexicons.VADER,
            """
                \uFEFF# c

                term\tvalence\trationale

                # more
                new word\t1.0\tx
                """);
    assertEquals(1, lexicon.phraseCount());
  }
}
