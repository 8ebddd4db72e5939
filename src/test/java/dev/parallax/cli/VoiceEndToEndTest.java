package dev.parallax.cli;

import static dev.parallax.cli.SampleWarehouse.duckDbTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Voice, quotes and speakers on the bundled sample, end to end (the shared sample run), read back
 * with DuckDB as an analyst would; and {@code tone --explain} on a quoted line.
 */
class VoiceEndToEndTest {
  @TempDir static Path tmp;

  @Test
  void sentencesCarryVoicesAndQuotesNameTheStorysSpeakers() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      String sentences = duckDbTable("sentences");
      String quotes = duckDbTable("quotes");
      // every analysed sentence (en, ja, zh, ko) has a voice of the three
      assertEquals(
          0,
          CliEndToEndTest.scalarLong(
              s,
              "SELECT count(*) FROM "
                  + sentences
                  + " WHERE voice IS NULL OR voice NOT IN ('authorial', 'quoted', 'attributed')"));
      for (String voice : new String[] {"authorial", "quoted", "attributed"}) {
        assertTrue(
            CliEndToEndTest.scalarLong(
                    s, "SELECT count(*) FROM " + sentences + " WHERE voice = '" + voice + "'")
                > 0,
            voice);
      }
      // the writer's own tone exists only for authorial sentences, and only where tone does
      assertEquals(
          0,
          CliEndToEndTest.scalarLong(
              s,
              "SELECT count(*) FROM "
                  + sentences
                  + " WHERE authorial_tone IS NOT NULL AND (voice <> 'authorial' OR tone IS NULL)"));
      long quoteRows = CliEndToEndTest.scalarLong(s, "SELECT count(*) FROM " + quotes);
      assertTrue(quoteRows > 20, "quotes: " + quoteRows);
      // each quote starts in a sentence of the sentences table
      assertEquals(
          quoteRows,
          CliEndToEndTest.scalarLong(
              s,
              "SELECT count(*) FROM "
                  + quotes
                  + " q JOIN "
                  + sentences
                  + " t USING (article_id, sentence_idx, run_date)"));
      Set<String> speakers = new HashSet<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT DISTINCT speaker_canonical FROM "
                  + quotes
                  + " WHERE speaker_canonical IS NOT NULL")) {
        while (rs.next()) {
          speakers.add(rs.getString(1));
        }
      }
      assertTrue(speakers.contains("Donald Trump"), speakers.toString());
      assertTrue(speakers.contains("Shigeru Ishiba"), speakers.toString());
    }
  }

  /**
   * quoted_speakers recounted in DuckDB from the quotes table: quotes per story × source × speaker
   * (canonical, else as written), and each source's shares summing to 1.
   */
  @Test
  void quotedSpeakersRecountedFromQuotes() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      String qs = duckDbTable("quoted_speakers");
      long rows = CliEndToEndTest.scalarLong(s, "SELECT count(*) FROM " + qs);
      assertTrue(rows > 5, "quoted_speakers rows: " + rows);
      assertEquals(
          0,
          CliEndToEndTest.scalarLong(
              s,
              "SELECT count(*) FROM (SELECT story, source, sum(share_of_source_quotes) AS t FROM "
                  + qs
                  + " GROUP BY story, source) WHERE abs(t - 1) > 1e-9"));
      String recount =
          "WITH r AS (SELECT story, source, coalesce(speaker_canonical, speaker) AS speaker,"
              + " count(*) AS n FROM "
              + duckDbTable("quotes")
              + " WHERE story IN (SELECT DISTINCT story FROM "
              + qs
              + ") GROUP BY ALL) ";
      assertEquals(rows, CliEndToEndTest.scalarLong(s, recount + "SELECT count(*) FROM r"));
      assertEquals(
          rows,
          CliEndToEndTest.scalarLong(
              s,
              recount
                  + "SELECT count(*) FROM r JOIN "
                  + qs
                  + " q ON q.story = r.story AND q.source = r.source"
                  + " AND q.speaker IS NOT DISTINCT FROM r.speaker AND q.quotes = r.n"));
    }
  }

  @Test
  void reportHasWhoIsQuoted() throws Exception {
    String html =
        Files.readString(
            SampleWarehouse.get()
                .resolve("reports/run_date=" + SampleWarehouse.RUN_DATE + "/report.html"),
            StandardCharsets.UTF_8);
    assertTrue(html.contains("Who is quoted"));
    assertTrue(html.contains("Donald Trump"));
  }

  @Test
  void toneExplainShowsVoiceQuoteAndSpeaker() throws Exception {
    Path in = tmp.resolve("lines.txt");
    Files.write(
        in,
        java.util.List.of(
            "\u201cWe will never back down,\u201d Mr. Trump said.",
            "Officials did not rule out retaliation."),
        StandardCharsets.UTF_8);
    CliRun.Outcome o = CliRun.execute("tone", "--explain", in.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("voice: quoted"), o.out());
    assertTrue(o.out().contains("by Mr. Trump \u2192 Donald Trump"), o.out());
    assertTrue(o.out().contains("voice: authorial"), o.out());
  }
}
