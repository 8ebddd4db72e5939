package dev.parallax.ingest;

import java.util.Locale;

/**
 * Input formats, told apart by file extension; a trailing {@code .gz} means gzip-compressed. WARC
 * and WET files are crawl archives read record by record ({@link WarcRecords}), not whole.
 */
public enum InputFormat {
  /** A web archive ({@code .warc}, {@code .warc.gz}): response, resource and conversion records. */
  WARC,
  /** A WET file ({@code .wet}, {@code .wet.gz}, {@code .warc.wet.gz}): conversion records, text. */
  WET,
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
    if (n.endsWith(".wet")) {
      return WET;
    } else if (n.endsWith(".warc")) {
      return WARC;
    } else if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
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

  /** Whether the format is a crawl archive, read as a stream of records by {@link WarcRecords}. */
  public boolean isCrawl() {
    return this == WARC || this == WET;
  }

  public static boolean isGzip(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}
