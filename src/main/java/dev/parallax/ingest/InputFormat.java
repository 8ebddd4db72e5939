package dev.parallax.ingest;

import java.util.Locale;

/** Input formats, told apart by file extension; a trailing {@code .gz} means gzip-compressed. */
public enum InputFormat {
  JSONL,
  JSON,
  CSV,
  TEXT,
  HTML,
  PARQUET,
  UNKNOWN;

  /** The format of a file name ({@code a.jsonl.gz} is JSONL). */
  public static InputFormat of(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return JSONL;
    } else if (n.endsWith(".json")) {
      return JSON;
    } else if (n.endsWith(".csv")) {
      return CSV;
    } else if (n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".markdown")) {
      return TEXT;
    } else if (n.endsWith(".html") || n.endsWith(".htm")) {
      return HTML;
    } else if (n.endsWith(".parquet")) {
      return PARQUET;
    }
    return UNKNOWN;
  }

  public static boolean isGzip(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}
