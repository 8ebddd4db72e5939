package dev.parallax.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sentence boundaries and tokens on real news typography. */
class NlpPipelineTest {
  static NlpPipeline pipeline;

  @BeforeAll
  static void build() {
    TestSpark.get();
    pipeline = NlpPipeline.base();
  }

  static List<String> sentences(String text) {
    return pipeline.annotate(text).stream().map(NlpPipeline.Sentence::text).toList();
  }

  static List<String> tokens(String text) {
    return pipeline.annotate(text).stream().flatMap(s -> s.tokens().stream()).toList();
  }

  @Test
  void abbreviationsDoNotEndSentences() {
    List<String> s =
        sentences(
            "U.S. President Donald Trump met Mr. Ishiba on Feb. 7 at the White "
                + "House. Japan is the No. 1 investor in the U.S. economy. Dr. Sato agreed.");
    assertEquals(
        List.of(
            "U.S. President Donald Trump met Mr. Ishiba on Feb. 7 at the White House.",
            "Japan is the No. 1 investor in the U.S. economy.",
            "Dr. Sato agreed."),
        s);
  }

  @Test
  void quotesAndExclamationsEndSentences() {
    List<String> s =
        sentences(
            "“We will defend Japan,” he said. “Absolutely!” Trump added? "
                + "Officials nodded.\n\nA new paragraph starts here");
    assertEquals(
        List.of(
            "“We will defend Japan,” he said.",
            "“Absolutely!”",
            "Trump added?",
            "Officials nodded.",
            "A new paragraph starts here"),
        s);
  }

  @Test
  void newsTypographyTokenises() {
    List<String> t =
        tokens(
            "Japan’s defense spending—but not tariffs—rose 2% to $1 trillion in "
                + "U.S.-Japan talks.");
    assertEquals(
        List.of(
            "Japan’s",
            "defense",
            "spending",
            "but",
            "not",
            "tariffs",
            "rose",
            "2%",
            "to",
            "$1",
            "trillion",
            "in",
            "U.S.",
            "Japan",
            "talks",
            "."),
        t);
  }

  @Test
  void abbreviationExceptionsMatchOnlyThemselves() {
    // "i.e.", "a.m." and "e.g." once matched "ime ", "a me" and "e go" as patterns, gluing words.
    assertEquals(
        List.of(
            "Japanese",
            "Prime",
            "Minister",
            "Shigeru",
            "Ishiba",
            "met",
            "the",
            "government",
            "at",
            "9",
            "a.m.",
            "on",
            "Friday",
            ",",
            "i.e.",
            "early",
            "."),
        tokens(
            "Japanese Prime Minister Shigeru Ishiba met the government at 9 a.m. on Friday, i.e. early."));
  }

  @Test
  void normalisedFormsDropPossessivesAndPunctuation() {
    NlpPipeline.Sentence s = pipeline.annotate("Japan’s “alliance” holds.").get(0);
    assertEquals(List.of("japan", "alliance", "holds"), s.normalized());
    assertTrue(s.stems().contains("allianc"), s.stems().toString());
  }
}
