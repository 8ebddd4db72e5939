package dev.parallax.cli;

/** Process exit codes, for schedulers: each failure class gets its own. */
public final class ExitCodes {
  private ExitCodes() {}

  /** Every stage finished and published. */
  public static final int OK = 0;

  /** Job failed while running (Spark error, bug, out of memory); published tables are intact. */
  public static final int JOB_FAILED = 1;

  /** Bad configuration or arguments; nothing was started. */
  public static final int CONFIG = 2;

  /** The input cannot be read at all (missing path, empty glob, no permission). */
  public static final int INPUT = 3;

  /** Another run holds the lock for this warehouse and run date. */
  public static final int LOCKED = 4;

  /** A stage's input table is missing: run the earlier stage first. */
  public static final int MISSING_TABLE = 5;
}
