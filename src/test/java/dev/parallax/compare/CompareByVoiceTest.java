package dev.parallax.compare;

import static dev.parallax.compare.CompareFixtures.one;
import static dev.parallax.compare.CompareFixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.nlp.AnnotateJob;
import dev.parallax.nlp.voice.Voice;
import dev.parallax.warehouse.schema.QuotedSpeakersColumns;
import dev.parallax.warehouse.schema.StanceBySourceColumns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Stance by voice and whom each source quotes, on a hand-made story. Source A: a1 = an authorial
 * sentence (tone 0.5, theme t1), a quoted one (0.9, t1), an authorial one whose words outside its
 * embedded quote score −0.1 (whole sentence 0.2), an attributed one (−0.6); a2 = an authorial
 * sentence (0.3) and one with no voice (a language without voice rules; 0.7). Source B: b1 = three
 * authorial sentences (0.1, 0.1, 0.4, the first on t1).
 */
class CompareByVoiceTest {
  static final double EPS = 1e-12;
  static final CompareParams PARAMS = new CompareParams(7, 300, 99, 50, 0.95, 3, 2, 30, 1000, 1);
  static final String[] KEY = {"story", "source", "theme", "voice"};
  static final String AUTHORIAL = Voice.AUTHORIAL.label();

  static final List<CompareFixtures.S> SENTENCES =
      List.of(
          s("s1", "A", "a1").tone(0.5).themes("t1").voice(AUTHORIAL, 0.5),
          s("s1", "A", "a1")
              .tone(0.9)
              .themes("t1")
              .voice("quoted", null)
              .quote("direct", "Mr. Trump", "Donald Trump", "U.S. government", 0.9),
          s("s1", "A", "a1")
              .tone(0.2)
              .voice(AUTHORIAL, -0.1)
              .quote("direct", "Trump", "Donald Trump", "U.S. government", 0.6)
              .quote("direct", null, null, null, null),
          s("s1", "A", "a1")
              .tone(-0.6)
              .voice("attributed", null)
              .quote("attributed", "officials", null, null, -0.6),
          s("s1", "A", "a2")
              .tone(0.3)
              .voice(AUTHORIAL, 0.3)
              .quote("direct", "the president", "Donald Trump", "U.S. government", null),
          s("s1", "A", "a2").tone(0.7),
          s("s1", "B", "b1")
              .tone(0.1)
              .themes("t1")
              .voice(AUTHORIAL, 0.1)
              .quote("attributed", "Ishiba", "Shigeru Ishiba", "Government of Japan", 0.4),
          s("s1", "B", "b1").tone(0.1).voice(AUTHORIAL, 0.1),
          s("s1", "B", "b1").tone(0.4).voice(AUTHORIAL, 0.4));

  @Test
  void authorialStanceRestsOnTheWritersOwnWordsOnly() {
    List<Row> rows =
        StanceBySource.compute(CompareFixtures.frame(SENTENCES), PARAMS).collectAsList();
    // A: _all, t1 in both voices; B: _all, t1 in both voices
    assertEquals(8, rows.size());
    Row all = one(rows, KEY, "s1", "A", "_all", "all");
    assertEquals(6L, (long) all.getAs("sentences"));
    // (0.5 + 0.9 + 0.2 - 0.6 + 0.3 + 0.7) / 6
    assertEquals(2.0 / 6, all.<Double>getAs("tone_mean"), EPS);
    Row own = one(rows, KEY, "s1", "A", "_all", "authorial");
    // the three authorial sentences, with the tone of their own words: (0.5 - 0.1 + 0.3) / 3
    assertEquals(3L, (long) own.getAs("sentences"));
    assertEquals(3L, (long) own.getAs("toned_sentences"));
    assertEquals(2L, (long) own.getAs("articles"));
    assertEquals(0.7 / 3, own.<Double>getAs("tone_mean"), EPS);
    // positive: 0.5, 0.3; negative: -0.1
    assertEquals(2.0 / 3, own.<Double>getAs("positive_share"), EPS);
    assertEquals(1.0 / 3, own.<Double>getAs("negative_share"), EPS);
    Row ownT1 = one(rows, KEY, "s1", "A", "t1", "authorial");
    assertEquals(1L, (long) ownT1.getAs("sentences"));
    assertEquals(0.5, ownT1.<Double>getAs("tone_mean"), EPS);
    assertEquals(
        0.2, one(rows, KEY, "s1", "B", "_all", "authorial").<Double>getAs("tone_mean"), EPS);
  }

  @Test
  void voiceAllRowsAreThoseOfSentencesWithoutVoices() {
    // the voice columns add rows of voice "authorial"; the rows of voice "all" are exactly the
    // rows the same sentences give without any voice (same counts, means, intervals, p-values)
    List<CompareFixtures.S> plain = new ArrayList<>();
    for (CompareFixtures.S x : SENTENCES) {
      plain.add(x.copyWithoutVoice());
    }
    List<Row> withVoices =
        StanceDifference.compute(CompareFixtures.frame(SENTENCES), PARAMS).collectAsList();
    List<Row> without =
        StanceDifference.compute(CompareFixtures.frame(plain), PARAMS).collectAsList();
    assertEquals(without, withVoices.stream().filter(r -> "all".equals(r.getAs("voice"))).toList());
    List<Row> sbsWith =
        StanceBySource.compute(CompareFixtures.frame(SENTENCES), PARAMS).collectAsList();
    List<Row> sbsWithout =
        StanceBySource.compute(CompareFixtures.frame(plain), PARAMS).collectAsList();
    assertEquals(
        new java.util.HashSet<>(sbsWithout),
        new java.util.HashSet<>(
            sbsWith.stream().filter(r -> "all".equals(r.getAs("voice"))).toList()));
  }

  @Test
  void differencesAreTestedWithinEachVoice() {
    List<Row> rows =
        StanceDifference.compute(CompareFixtures.frame(SENTENCES), PARAMS).collectAsList();
    String[] key = {"story", "theme", "voice", "source_a", "source_b"};
    Row own = one(rows, key, "s1", "_all", "authorial", "A", "B");
    // 0.7 / 3 - 0.6 / 3
    assertEquals(0.1 / 3, own.<Double>getAs("tone_diff"), EPS);
    assertEquals(3L, (long) own.getAs("toned_sentences_a"));
    Row all = one(rows, key, "s1", "_all", "all", "A", "B");
    assertEquals(2.0 / 6 - 0.2, all.<Double>getAs("tone_diff"), EPS);
    // both voices on _all and t1
    assertEquals(4, rows.size());
  }

  @Test
  void quotedSpeakersCountWhomEachSourceLetsSpeak() {
    List<Row> rows =
        QuotedSpeakers.compute(AnnotateJob.quotes(CompareFixtures.frame(SENTENCES)))
            .collectAsList();
    assertEquals(QuotedSpeakersColumns.SCHEMA.fieldNames().length, rows.get(0).size());
    String[] key = {"story", "source", "speaker"};
    // A: Donald Trump 3 (as "Mr. Trump", "Trump", "the president"), officials 1, unattributed 1
    Row trump = one(rows, key, "s1", "A", "Donald Trump");
    assertEquals(3L, (long) trump.getAs("quotes"));
    assertEquals(3L, (long) trump.getAs("direct_quotes"));
    assertEquals(0L, (long) trump.getAs("attributed_statements"));
    assertEquals(2L, (long) trump.getAs("articles"));
    assertEquals(5L, (long) trump.getAs("source_quotes"));
    assertEquals(0.6, trump.<Double>getAs("share_of_source_quotes"), EPS);
    assertEquals(2L, (long) trump.getAs("toned_quotes"));
    assertEquals(0.75, trump.<Double>getAs("tone_mean"), EPS);
    assertEquals(1L, (long) trump.getAs("rank_in_source"));
    assertEquals("U.S. government", trump.getAs("affiliation"));
    assertTrue(trump.<Boolean>getAs("in_speakers_map"));
    Row officials = one(rows, key, "s1", "A", "officials");
    assertEquals(1L, (long) officials.getAs("attributed_statements"));
    assertEquals(0.2, officials.<Double>getAs("share_of_source_quotes"), EPS);
    assertFalse(officials.<Boolean>getAs("in_speakers_map"));
    assertNull(officials.getAs("affiliation"));
    assertEquals(2L, (long) officials.getAs("rank_in_source"));
    Row nobody =
        rows.stream()
            .filter(r -> "A".equals(r.getAs("source")) && r.getAs("speaker") == null)
            .findFirst()
            .orElseThrow();
    assertEquals(1L, (long) nobody.getAs("quotes"));
    assertNull(nobody.getAs("tone_mean"));
    assertEquals(3L, (long) nobody.getAs("rank_in_source"));
    Row ishiba = one(rows, key, "s1", "B", "Shigeru Ishiba");
    assertEquals(1.0, ishiba.<Double>getAs("share_of_source_quotes"), EPS);
    assertEquals(1L, (long) ishiba.getAs("attributed_statements"));
    assertEquals(4, rows.size());
    assertEquals(
        StanceBySourceColumns.VOICE_AUTHORIAL, AUTHORIAL, "stance voice = sentence voice value");
  }
}
