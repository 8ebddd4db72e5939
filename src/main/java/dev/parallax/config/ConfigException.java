package dev.parallax.config;

/** A configuration or argument mistake, with a one-line message naming the problem and the fix. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
