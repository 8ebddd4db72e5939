package dev.parallax.cli;

import dev.parallax.compare.CompareJob;
import dev.parallax.compare.CompareParams;
import dev.parallax.compare.ThemeLabel;
import dev.parallax.config.ConfigKeys;
import dev.parallax.ingest.IngestJob;
import dev.parallax.nlp.AnnotateJob;
import dev.parallax.nlp.NlpLexicons;
import dev.parallax.nlp.ThemeTaxonomy;
import dev.parallax.report.ReportWriter;
import dev.parallax.warehouse.RunRecord;
import dev.parallax.warehouse.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stages as the CLI runs them: each calls its job and reports counts. */
final class Stages {
  private Stages() {}

  static final StageRunner.Stage INGEST =
      StageRunner.named(
          "ingest",
          ctx -> {
            IngestJob.Result r =
                IngestJob.run(ctx.spark(), ctx.config(), ctx.warehouse(), ctx.runId());
            for (String s : r.skipped()) {
              ctx.out().println("skipped " + s + " (documentation or hidden file, not coverage)");
            }
            ctx.out().println(r.reconciliation());
            return new StageRunner.StageReport(
                r.input(),
                r.accepted(),
                "files="
                    + r.files()
                    + " rejected="
                    + r.rejected()
                    + " duplicates="
                    + r.duplicates()
                    + " near_duplicates="
                    + r.nearDuplicates(),
                rowsWritten(
                    List.of(Table.ARTICLES, Table.REJECTS, Table.SYNDICATION, Table.STORIES),
                    r.accepted(),
                    r.rejected(),
                    r.syndication(),
                    r.stories()),
                RunRecord.InputCounts.ingested(
                    r.input(),
                    r.accepted(),
                    r.rejected(),
                    r.duplicates(),
                    r.nearDuplicates(),
                    r.skippedRecords()));
          });

  /** The annotate stage, with lexicons already loaded and checked before Spark started. */
  static StageRunner.Stage annotate(NlpLexicons lexicons) {
    return StageRunner.named(
        "annotate",
        ctx -> {
          AnnotateJob.Result r =
              AnnotateJob.run(ctx.spark(), ctx.config(), ctx.warehouse(), ctx.runId(), lexicons);
          RunRecord.InputCounts annotated =
              RunRecord.InputCounts.annotated(
                  r.duplicates(),
                  r.nearDuplicates(),
                  r.analysed(),
                  r.notAnalysed(),
                  r.notAnalysedByLanguage());
          return new StageRunner.StageReport(
              r.articles(),
              r.sentences(),
              "articles="
                  + r.articles()
                  + " sentences="
                  + r.sentences()
                  + " analysed="
                  + r.analysed()
                  + " duplicates="
                  + r.duplicates()
                  + " near_duplicates="
                  + r.nearDuplicates()
                  + " "
                  + r.notAnalysedLine()
                  + " quotes="
                  + r.quotes(),
              rowsWritten(List.of(Table.SENTENCES, Table.QUOTES), r.sentences(), r.quotes()),
              annotated);
        });
  }

  /** The compare stage: the window's sentences and quotes to the seven comparison tables. */
  static StageRunner.Stage compare(ThemeTaxonomy taxonomy) {
    return StageRunner.named(
        "compare",
        ctx -> {
          CompareJob.Result r =
              CompareJob.run(
                  ctx.spark(),
                  ctx.config(),
                  ctx.warehouse(),
                  ctx.runId(),
                  taxonomy.themes().stream()
                      .map(t -> new ThemeLabel(t.id(), t.label(), t.frame()))
                      .toList());
          for (String w : r.warnings()) {
            System.err.println("parallax: warning: " + w);
          }
          System.err.flush();
          return new StageRunner.StageReport(
              r.sentences(),
              r.rowsOut(),
              r.detail(),
              rowsWritten(
                  List.of(
                      Table.THEME_FREQUENCY,
                      Table.STANCE_BY_SOURCE,
                      Table.STANCE_DIFFERENCE,
                      Table.DISTINCTIVE_TERMS,
                      Table.SOURCE_SUMMARY,
                      Table.QUOTED_SPEAKERS,
                      Table.TIMELINE),
                  r.themeFrequency(),
                  r.stanceBySource(),
                  r.stanceDifference(),
                  r.distinctiveTerms(),
                  r.sourceSummary(),
                  r.quotedSpeakers(),
                  r.timeline()),
              null);
        });
  }

  /**
   * The report stage: CSV, Markdown and HTML reports of the comparison tables; summary to stdout.
   */
  static final StageRunner.Stage REPORT =
      StageRunner.named(
          "report",
          ctx -> {
            ReportWriter.Result rep =
                ReportWriter.write(
                    ctx.spark(),
                    ctx.warehouse(),
                    ctx.config().runDate(),
                    ctx.runId(),
                    ctx.config().doubleValue(ConfigKeys.CONFIDENCE),
                    CompareParams.FDR);
            ctx.out()
                .println(
                    "reports: " + (rep.directory() == null ? rep.location() : rep.directory()));
            ctx.out().println(rep.summary());
            return new StageRunner.StageReport(
                rep.rows(),
                rep.rows(),
                "files="
                    + rep.files().size()
                    + " html_bytes="
                    + rep.html().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
          });

  /**
   * Table folder to rows published, in the order given; {@code counts[i]} is {@code tables[i]}'s.
   */
  private static Map<String, Long> rowsWritten(List<Table> tables, long... counts) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < tables.size(); i++) {
      m.put(tables.get(i).folder(), counts[i]);
    }
    return m;
  }
}
