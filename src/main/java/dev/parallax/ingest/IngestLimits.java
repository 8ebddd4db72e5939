package dev.parallax.ingest;

import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ParallaxConfig;
import java.io.Serializable;

/**
 * The caps on what one input file may make ingest read, in decompressed bytes, shipped to the
 * tasks.
 *
 * @param maxRecordBytes {@code ingest.max_record_bytes}: a record (a JSON line, a CSV record, a
 *     text, Markdown or HTML file, a crawl record's payload) over it is an {@code oversized_record}
 *     reject, not parsed
 * @param maxFileBytes {@code ingest.max_file_bytes}: reading a file stops once this many bytes of
 *     it (decompressed) have been read; what was not read is one {@code file_too_large} reject
 */
public record IngestLimits(long maxRecordBytes, long maxFileBytes) implements Serializable {
  /** The built-in defaults of the two keys. */
  public static final IngestLimits DEFAULT =
      new IngestLimits(
          Long.parseLong(ConfigKeys.MAX_RECORD_BYTES.defaultValue()),
          Long.parseLong(ConfigKeys.MAX_FILE_BYTES.defaultValue()));

  public IngestLimits {
    if (maxRecordBytes < 1 || maxFileBytes < 1) {
      throw new IllegalArgumentException("ingest limits must be at least 1 byte");
    }
  }

  public static IngestLimits of(ParallaxConfig config) {
    return new IngestLimits(
        config.longValue(ConfigKeys.MAX_RECORD_BYTES), config.longValue(ConfigKeys.MAX_FILE_BYTES));
  }

  /** The reason of a record over {@link #maxRecordBytes}. */
  String recordReason(String what, long bytes) {
    return what
        + " of "
        + bytes
        + " bytes is over ingest.max_record_bytes ("
        + maxRecordBytes
        + "); not parsed";
  }
}
