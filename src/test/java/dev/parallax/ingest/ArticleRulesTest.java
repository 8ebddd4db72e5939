package dev.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.ingest.ArticleRules.BadDate;
import dev.parallax.ingest.ArticleRules.Checked;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleRulesTest {

  // ---- fixtures ----

  /**
   * English long enough to identify (68 letters; 8 of its 17 words are English function words: The,
   * and, the, said, that, the, has, for), so the language adds no warning to the warnings these
   * tests count.
   */
  static final String TEXT =
      "The bridge opened on Friday, and the mayor said that the city has waited for it since 2019.";

  static final LanguageId LANGUAGES = LanguageId.forCandidates(LanguageId.DEFAULT_CANDIDATES);

  /** A valid record's fields; later key/value pairs add to or replace them. */
  private static Map<String, String> record(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("source", "Alpha Times");
    m.put("text", TEXT);
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        m.remove(kv[i]);
      } else {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  private static Checked check(Map<String, String> fields) {
    return ArticleRules.check(fields, "default-story", BadDate.REJECT, LANGUAGES);
  }

  private static Checked accepted(Map<String, String> fields) {
    Checked c = check(fields);
    assertNull(
        c.reasonCode(), () -> "expected accepted, got " + c.reasonCode() + ": " + c.reason());
    return c;
  }

  /** Hex SHA-256, computed here independently of the code under test. */
  private static String sha256Hex(String s) throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder();
    for (byte b : d) {
      hex.append(String.format("%02x", b & 0xff));
    }
    return hex.toString();
  }

  private static Instant published(String raw) {
    Checked c = accepted(record("published", raw));
    assertNotNull(c.publishedAt(), raw);
    return c.publishedAt().toInstant();
  }

  // ---- required fields ----

  @Test
  void missingSourceIsRejected() {
    Checked c = check(record("source", null));
    assertEquals(Reasons.MISSING_SOURCE, c.reasonCode());
    assertNotNull(c.reason());
    assertNull(c.articleId());
  }

  @Test
  void blankSourceIsRejected() {
    assertEquals(Reasons.MISSING_SOURCE, check(record("source", "   \t ")).reasonCode());
    assertEquals(Reasons.MISSING_SOURCE, check(record("source", "")).reasonCode());
    // only invisible characters: blank after normalisation
    assertEquals(Reasons.MISSING_SOURCE, check(record("source", "\u200B\u00A0")).reasonCode());
  }

  @Test
  void missingTextIsRejected() {
    assertEquals(Reasons.MISSING_TEXT, check(record("text", null)).reasonCode());
  }

  @Test
  void blankTextIsRejected() {
    assertEquals(Reasons.MISSING_TEXT, check(record("text", " \n\n \t")).reasonCode());
    assertEquals(Reasons.MISSING_TEXT, check(record("text", "&nbsp;")).reasonCode());
  }

  @Test
  void missingSourceIsReportedBeforeMissingText() {
    assertEquals(Reasons.MISSING_SOURCE, check(Map.of("title", "only a title")).reasonCode());
  }

  // ---- dates ----

  @Test
  void dateOnlyIsMidnightUtc() {
    assertEquals(Instant.parse("2025-02-07T00:00:00Z"), published("2025-02-07"));
  }

  @Test
  void isoOffsetIsConvertedToUtc() {
    // 18:30 at UTC-5 is 23:30 UTC
    assertEquals(Instant.parse("2025-02-07T23:30:00Z"), published("2025-02-07T18:30:00-05:00"));
  }

  @Test
  void isoZuluIsKept() {
    assertEquals(Instant.parse("2025-02-07T18:30:00Z"), published("2025-02-07T18:30:00Z"));
  }

  @Test
  void spaceSeparatedWithOffsetIsConvertedToUtc() {
    // 18:30 at UTC+9 is 09:30 UTC
    assertEquals(Instant.parse("2025-02-07T09:30:00Z"), published("2025-02-07 18:30:00+09:00"));
  }

  @Test
  void rfc1123IsParsed() {
    assertEquals(Instant.parse("2025-02-07T18:30:00Z"), published("Fri, 07 Feb 2025 18:30:00 GMT"));
  }

  @Test
  void surroundingSpacesAroundADateAreIgnored() {
    assertEquals(Instant.parse("2025-02-07T00:00:00Z"), published("  2025-02-07 "));
  }

  @ParameterizedTest
  @CsvSource({"2025-02-07T18:30:00", "2025-02-07 18:30:00", "2025-02-07 18:30"})
  void timestampWithoutOffsetIsTakenAsUtcWithAWarning(String raw) {
    Checked c = accepted(record("published", raw));
    assertEquals(Instant.parse("2025-02-07T18:30:00Z"), c.publishedAt().toInstant());
    assertEquals(1, c.warnings().size(), c.warnings()::toString);
    assertTrue(c.warnings().get(0).contains("UTC"), c.warnings().get(0));
  }

  @Test
  void datesWithAnOffsetGiveNoWarning() {
    assertTrue(accepted(record("published", "2025-02-07T18:30:00-05:00")).warnings().isEmpty());
    assertTrue(accepted(record("published", "2025-02-07")).warnings().isEmpty());
  }

  @Test
  void garbageDateIsRejectedUnderReject() {
    Checked c =
        ArticleRules.check(record("published", "next Tuesday"), "s", BadDate.REJECT, LANGUAGES);
    assertEquals(Reasons.INVALID_DATE, c.reasonCode());
    assertTrue(c.reason().contains("next Tuesday"), c.reason());
  }

  @Test
  void garbageDateIsNullWithAWarningUnderNull() {
    Checked c =
        ArticleRules.check(record("published", "next Tuesday"), "s", BadDate.NULL, LANGUAGES);
    assertNull(c.reasonCode());
    assertNull(c.publishedAt());
    assertEquals(1, c.warnings().size());
    assertTrue(c.warnings().get(0).contains("next Tuesday"), c.warnings().get(0));
  }

  @Test
  void blankDateIsNoDate() {
    Checked c = accepted(record("published", "  "));
    assertNull(c.publishedAt());
    assertTrue(c.warnings().isEmpty());
  }

  // ---- aliases and extra fields ----

  @Test
  void aliasesMapToTheirFields() {
    Checked c =
        accepted(
            Map.of("outlet", "Beta Post", "body", "Council met.", "published_at", "2025-02-07"));
    assertEquals("Beta Post", c.source());
    assertEquals("Council met.", c.text());
    assertEquals(Instant.parse("2025-02-07T00:00:00Z"), c.publishedAt().toInstant());
    assertNull(c.extraJson(), "aliases are not extra fields");
  }

  @Test
  void fieldNamesAreCaseInsensitive() {
    Checked c = accepted(Map.of("Source", "Beta Post", "TEXT", "Council met."));
    assertEquals("Beta Post", c.source());
    assertEquals("Council met.", c.text());
  }

  @Test
  void unknownFieldsGoToExtraJsonWithSortedKeys() {
    Checked c = accepted(record("zeta", "last", "alpha", "first", "mid", "x \"y\""));
    assertEquals("{\"alpha\":\"first\",\"mid\":\"x \\\"y\\\"\",\"zeta\":\"last\"}", c.extraJson());
  }

  @Test
  void noUnknownFieldsMeansNullExtraJson() {
    assertNull(accepted(record()).extraJson());
  }

  @Test
  void optionalFieldsAreNormalised() {
    Checked c =
        accepted(
            record(
                "title",
                "  Bridge\nopens ",
                "language",
                " EN ",
                "source_type",
                "Wire",
                "synthetic",
                "yes",
                "story",
                "harbour-bridge",
                "author",
                "A.  Writer",
                "country",
                "NZ",
                "id",
                "rec-7"));
    assertEquals("Bridge opens", c.title());
    assertEquals("en", c.language());
    assertEquals("en", c.languageDeclared());
    assertEquals("wire", c.sourceType());
    assertEquals(true, c.synthetic());
    assertEquals("harbour-bridge", c.story());
    assertEquals("A. Writer", c.author());
    assertEquals("NZ", c.country());
    assertEquals("rec-7", c.recordId());
  }

  @Test
  void storyDefaultsToTheConfiguredOne() {
    assertEquals("default-story", accepted(record()).story());
  }

  // ---- ids and hashes ----

  @Test
  void articleIdWithUrlIsSha256OfSourceAndUrl() throws Exception {
    Checked c = accepted(record("url", "https://alpha.example/bridge", "title", "ignored"));
    String expected =
        sha256Hex("Alpha Times" + "\u001f" + "https://alpha.example/bridge").substring(0, 16);
    assertEquals(expected, c.articleId());
    assertEquals(16, c.articleId().length());
  }

  @Test
  void articleIdWithoutUrlIsSha256OfSourceTitleAndText() throws Exception {
    Checked c = accepted(record("title", "Bridge opens"));
    String expected =
        sha256Hex("Alpha Times" + "\u001f" + "Bridge opens" + "\u001f" + TEXT).substring(0, 16);
    assertEquals(expected, c.articleId());
  }

  @Test
  void articleIdWithoutUrlOrTitleUsesAnEmptyTitle() throws Exception {
    Checked c = accepted(record());
    String expected = sha256Hex("Alpha Times\u001f\u001f" + TEXT).substring(0, 16);
    assertEquals(expected, c.articleId());
  }

  @Test
  void articleIdIsStable() {
    Map<String, String> r = record("url", "https://alpha.example/bridge");
    assertEquals(accepted(r).articleId(), accepted(new LinkedHashMap<>(r)).articleId());
    Map<String, String> noUrl = record("title", "t");
    assertEquals(accepted(noUrl).articleId(), accepted(new LinkedHashMap<>(noUrl)).articleId());
  }

  @Test
  void articleIdUsesTheNormalisedSource() {
    assertEquals(
        accepted(record("source", "Alpha Times", "url", "u")).articleId(),
        accepted(record("source", "  Alpha\u00A0 Times ", "url", "u")).articleId());
  }

  @Test
  void contentShaIsOfTheNormalisedText() throws Exception {
    Checked c = accepted(record("text", "  Fish &amp; chips\r\n\r\n\r\nare  served. "));
    assertEquals("Fish & chips\n\nare served.", c.text());
    assertEquals(sha256Hex("Fish & chips\n\nare served."), c.contentSha256());
  }

  @Test
  void sameTextDifferentSourceGivesSameContentShaButDifferentId() {
    Checked a = accepted(record("source", "A", "url", "https://x/1"));
    Checked b = accepted(record("source", "B", "url", "https://x/1"));
    assertEquals(a.contentSha256(), b.contentSha256());
    assertFalse(a.articleId().equals(b.articleId()));
  }

  // ---- counts ----

  @Test
  void nCharsCountsCodePointsNotUtf16Units() {
    // "Hi " (3) + U+1F600 (1 code point, 2 chars) + " " (1) + 日本語 (3) = 8 code points
    Checked c = accepted(record("text", "Hi \uD83D\uDE00 \u65E5\u672C\u8A9E"));
    assertEquals(8, c.nChars());
    assertEquals(3, c.nWords());
  }

  @Test
  void nCharsOfJapaneseText() {
    Checked c = accepted(record("text", "\u6771\u4EAC\u3067\u96E8")); // 東京で雨
    assertEquals(4, c.nChars());
  }

  @Test
  void nWordsCountsWhitespaceSeparatedRuns() {
    assertEquals(5, accepted(record("text", "one two\n\nthree  four\tfive")).nWords());
  }
}
