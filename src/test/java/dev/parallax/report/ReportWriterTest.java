package dev.parallax.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import dev.parallax.compare.CompareFixtures;
import dev.parallax.warehouse.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports of the compare fixture corpus (story s1 differs strongly, story s2 does not). */
class ReportWriterTest {
  @TempDir static Path tmp;
  static CompareFixtures.JobRun run;
  static ReportWriter.Result report;

  @BeforeAll
  static void write() {
    run = CompareFixtures.runCompare(tmp.resolve("warehouse"));
    report =
        ReportWriter.write(
            TestSpark.get(),
            run.warehouse(),
            LocalDate.parse(CompareFixtures.RUN_DATE),
            "r1",
            0.95,
            0.05);
  }

  @Test
  void writesOneCsvPerTableAndTheSummary() throws IOException {
    Path dir = tmp.resolve("warehouse/reports/run_date=" + CompareFixtures.RUN_DATE);
    assertEquals(dir, report.directory());
    assertEquals(
        List.of(
            "theme_frequency.csv",
            "stance_by_source.csv",
            "stance_difference.csv",
            "distinctive_terms.csv",
            "source_summary.csv",
            "quoted_speakers.csv",
            "timeline.csv",
            "summary.md",
            "report.html"),
        report.files());
    for (Table t : ReportWriter.TABLES) {
      String csv = Files.readString(dir.resolve(t.folder() + ".csv"), StandardCharsets.UTF_8);
      String[] lines = csv.split("\r\n", -1);
      String[] columns =
          run.warehouse().read(t, LocalDate.parse(CompareFixtures.RUN_DATE)).columns();
      assertEquals(String.join(",", columns), lines[0], t.folder());
      // header + rows + the empty string after the last CRLF (no field here spans lines)
      long rows = run.warehouse().read(t, LocalDate.parse(CompareFixtures.RUN_DATE)).count();
      assertEquals(rows + 2, lines.length, t.folder());
    }
    String timeline = Files.readString(dir.resolve("timeline.csv"), StandardCharsets.UTF_8);
    long timelineRows =
        run.warehouse().read(Table.TIMELINE, LocalDate.parse(CompareFixtures.RUN_DATE)).count();
    assertEquals(timelineRows + 2, timeline.split("\r\n", -1).length, timeline);
    assertEquals(
        report.summary(), Files.readString(dir.resolve("summary.md"), StandardCharsets.UTF_8));
    assertEquals(
        report.html(), Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8));
  }

  @Test
  void theMissingRunDatesOfAWindowAreThoseWithoutSentences() {
    LocalDate runDate = LocalDate.parse(CompareFixtures.RUN_DATE);
    // the fixture has sentences for the run date only
    assertEquals(
        List.of(runDate.minusDays(2), runDate.minusDays(1)),
        ReportWindow.of(
                List.of(
                    List.of(
                        new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
                            new Object[] {
                              java.sql.Date.valueOf(runDate.minusDays(2)),
                              java.sql.Date.valueOf(runDate)
                            },
                            dev.parallax.warehouse.schema.WindowColumns.append(
                                new org.apache.spark.sql.types.StructType())))),
                d -> run.warehouse().exists(Table.SENTENCES, d))
            .missing());
    assertTrue(report.summary().contains("\nWindow: run date 2025-02-10 alone.\n"));
  }

  @Test
  void htmlSaysSoWhenTheIngestTablesAreMissing() {
    // the fixture publishes sentences and the compare tables only
    assertTrue(
        report
            .html()
            .contains("The articles or rejects table has no partition for this " + "run date"),
        report.html());
    assertTrue(report.html().contains("Story: s1") && report.html().contains("Story: s2"));
  }

  @Test
  void formulaLikeSourceNamesAreDefused() throws IOException {
    String csv = Files.readString(report.directory().resolve("source_summary.csv"));
    assertTrue(csv.contains("\r\ns2,\"'@evil, \"\"quoted\"\"\","), csv);
    assertFalse(csv.contains(",@evil"), csv);
  }

  @Test
  void summaryHasTheFourSectionsAndBothKindsOfDifferenceList() {
    String md = report.summary();
    assertTrue(md.startsWith("# Parallax summary, run date 2025-02-10\n"), md);
    assertTrue(md.contains("## Story: s1"));
    assertTrue(md.contains("## Story: s2"));
    assertTrue(md.contains("### Sources"));
    // matrix: story themes only, labelled when the taxonomy gave a label
    assertTrue(md.contains("| source | Theme one |"), md);
    assertFalse(md.contains("frame_economic |"), md);
    assertTrue(md.contains("### Largest stance differences (significant at q < 0.05)"), md);
    assertTrue(md.contains("| all sentences | A | B |"), md);
    assertTrue(
        md.contains("### Largest stance differences (none significant at q < 0.05; largest shown)"),
        md);
    assertTrue(md.contains("not significant"), md);
    assertTrue(md.contains("### Distinctive terms (top 5 per source)"), md);
    assertTrue(md.contains("| A | "), md);
    assertTrue(md.contains("@evil, \"quoted\""), md);
    // no articles, rejects or stories table in this warehouse: no stories list
    assertFalse(md.contains("## Stories"), md);
  }

  @Test
  void rewritingReplacesTheDirectoryAndLeavesNoTemporaries() throws IOException {
    Path dir = report.directory();
    Files.writeString(dir.resolve("stale.txt"), "from an older version");
    Files.createDirectories(
        dir.getParent().resolve(".run_date=" + CompareFixtures.RUN_DATE + ".tmp-killed"));
    ReportWriter.Result again =
        ReportWriter.write(
            TestSpark.get(),
            run.warehouse(),
            LocalDate.parse(CompareFixtures.RUN_DATE),
            "r2",
            0.95,
            0.05);
    assertEquals(report.summary(), again.summary());
    assertEquals(report.html(), again.html());
    assertFalse(Files.exists(dir.resolve("stale.txt")));
    try (Stream<Path> s = Files.list(dir.getParent())) {
      assertEquals(
          List.of(dir.getFileName().toString()), s.map(p -> p.getFileName().toString()).toList());
    }
  }
}
