package dev.parallax.ingest;

import java.io.Serializable;
import java.util.Map;

/**
 * One input record as read from its file, before validation: either its fields (names as in the
 * input, values as text) or the reason it could not be read at all.
 *
 * @param inputFile the file it came from
 * @param recordRef where in the file: "line 12", "item 3", "row 7", "record 2 (line 5)" or "file"
 * @param fields field name to value; null when unreadable
 * @param reasonCode machine-readable reason when unreadable (see {@link Reasons}), else null
 * @param reason human-readable reason when unreadable, else null
 * @param rawExcerpt the start of the raw input, for rejects
 */
public record RawRecord(
    String inputFile,
    String recordRef,
    Map<String, String> fields,
    String reasonCode,
    String reason,
    String rawExcerpt)
    implements Serializable {

  static RawRecord ok(String file, String ref, Map<String, String> fields, String raw) {
    return new RawRecord(file, ref, fields, null, null, raw);
  }

  static RawRecord unreadable(String file, String ref, String code, String reason, String raw) {
    return new RawRecord(file, ref, null, code, reason, raw);
  }

  public boolean readable() {
    return reasonCode == null;
  }
}
