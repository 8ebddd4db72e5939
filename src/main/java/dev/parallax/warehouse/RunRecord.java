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
 * @param input ingest's reconciliation counts; null when the run had no ingest stage or ingest did
 *     not finish
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

  /** Ingest's counts: {@code records == accepted + rejected}; duplicates are among accepted. */
  public record InputCounts(long records, long accepted, long rejected, long duplicates) {}

  public RunRecord {
    stageSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
    rowsWritten = Collections.unmodifiableMap(new LinkedHashMap<>(rowsWritten));
  }

  /** Wall-clock seconds from start to finish, to the millisecond. */
  public double seconds() {
    return Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
  }
}
