package dev.parallax.warehouse;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the {@code runs} table: what one command did for one run date.
 *
 * @param runId the run's id, also the name of its staging folder and the lock holder's name
 * @param command the CLI command that ran: a stage's name ({@code ingest}, {@code annotate}, …) or
 *     {@code run}
 * @param status whether every stage finished and published
 * @param startedAt when the run took the lock (UTC)
 * @param finishedAt when the last stage finished or the failure was caught (UTC)
 * @param stageSeconds wall-clock seconds per stage in the order they ran, the failed stage included
 * @param input the reconciliation counts of ingest and annotate; null when the run had neither, or
 *     neither finished
 * @param rowsWritten rows published per table, in publish order (the runs table itself excluded)
 * @param version the application version ({@code Main.version()})
 * @param configSha256 SHA-256 of the resolved configuration, run date excluded
 * @param master the Spark master URL the run was configured with
 * @param error the first line of the failure; null when {@code status} is succeeded
 */
public record RunRecord(
    String runId,
    String command,
    Status status,
    Instant startedAt,
    Instant finishedAt,
    Map<String, Double> stageSeconds,
    InputCounts input,
    Map<String, Long> rowsWritten,
    String version,
    String configSha256,
    String master,
    String error) {

  /** How a run ended; {@link #column()} is the value stored. */
  public enum Status {
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String column;

    Status(String column) {
      this.column = column;
    }

    public String column() {
      return column;
    }
  }

  /**
   * The run's reconciliation: {@code records == accepted + rejected} (ingest) and {@code accepted
   * == analysed + duplicates + nearDuplicates + notAnalysed} (annotate). A field is null when the
   * stage that counts it did not run or did not finish.
   *
   * @param records input records ingest read
   * @param accepted records published to articles
   * @param rejected records published to rejects
   * @param duplicates accepted articles flagged as exact duplicates
   * @param nearDuplicates accepted articles flagged as near duplicates ({@code near_duplicate_of})
   * @param analysed articles annotated by a language profile, duplicates excluded
   * @param notAnalysed articles not annotated for want of a profile for their language
   * @param notAnalysedByLanguage {@code notAnalysed} by language ("unknown" for none), sorted; null
   *     with {@code notAnalysed}
   * @param skippedRecords crawl records ingest read that are not input records, by kind ({@code
   *     "warc request"} …), sorted; empty when none, null when ingest did not run
   */
  public record InputCounts(
      Long records,
      Long accepted,
      Long rejected,
      Long duplicates,
      Long nearDuplicates,
      Long analysed,
      Long notAnalysed,
      Map<String, Long> notAnalysedByLanguage,
      Map<String, Long> skippedRecords) {
    public InputCounts {
      skippedRecords =
          skippedRecords == null
              ? null
              : Collections.unmodifiableMap(new java.util.TreeMap<>(skippedRecords));
      notAnalysedByLanguage =
          notAnalysedByLanguage == null
              ? null
              : Collections.unmodifiableMap(new java.util.TreeMap<>(notAnalysedByLanguage));
    }

    /** Ingest's counts alone. */
    public static InputCounts ingested(
        long records,
        long accepted,
        long rejected,
        long duplicates,
        long nearDuplicates,
        Map<String, Long> skippedRecords) {
      return new InputCounts(
          records,
          accepted,
          rejected,
          duplicates,
          nearDuplicates,
          null,
          null,
          null,
          skippedRecords);
    }

    /** Annotate's counts alone. */
    public static InputCounts annotated(
        long duplicates,
        long nearDuplicates,
        long analysed,
        long notAnalysed,
        Map<String, Long> byLanguage) {
      return new InputCounts(
          null, null, null, duplicates, nearDuplicates, analysed, notAnalysed, byLanguage, null);
    }

    /** These counts with annotate's from {@code later} added (ingest's kept where set). */
    public InputCounts with(InputCounts later) {
      return new InputCounts(
          records != null ? records : later.records,
          accepted != null ? accepted : later.accepted,
          rejected != null ? rejected : later.rejected,
          duplicates != null ? duplicates : later.duplicates,
          nearDuplicates != null ? nearDuplicates : later.nearDuplicates,
          later.analysed != null ? later.analysed : analysed,
          later.notAnalysed != null ? later.notAnalysed : notAnalysed,
          later.notAnalysedByLanguage != null ? later.notAnalysedByLanguage : notAnalysedByLanguage,
          skippedRecords != null ? skippedRecords : later.skippedRecords);
    }
  }

  public RunRecord {
    stageSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
    rowsWritten = Collections.unmodifiableMap(new LinkedHashMap<>(rowsWritten));
  }

  /** Wall-clock seconds from start to finish, to the millisecond. */
  public double seconds() {
    return Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
  }
}
