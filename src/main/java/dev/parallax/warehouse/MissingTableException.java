package dev.parallax.warehouse;

/** A stage's input table has no partition for the run date: the earlier stage must run first. */
public final class MissingTableException extends RuntimeException {
  public MissingTableException(String message) {
    super(message);
  }
}
