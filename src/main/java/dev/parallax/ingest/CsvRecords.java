package dev.parallax.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Records of CSV files, one per row, named by the header; references give the row's line. */
final class CsvRecords {
  private CsvRecords() {}

  /**
   * One record per row of an RFC 4180 file with a header line; a row with the wrong number of
   * fields is unreadable, and a parse error makes the rest of the file one unreadable record.
   */
  static List<RawRecord> readCsv(String file, String text) {
    List<RawRecord> out = new ArrayList<>();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .build();
    String body = RecordReader.stripBom(text);
    LineIndex lines = new LineIndex(body);
    long nextLine = 2;
    int record = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
      List<String> header = parser.getHeaderNames();
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        CSVRecord rec;
        try {
          if (!it.hasNext()) {
            break;
          }
          rec = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          String msg = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
          out.add(
              RawRecord.unreadable(
                  file,
                  "record " + (record + 1) + " (line " + nextLine + ")",
                  Reasons.MALFORMED_CSV,
                  "CSV broken from here to the end of the file: " + msg,
                  RecordReader.excerpt(tailFromLine(text, nextLine))));
          break;
        }
        record++;
        String ref =
            "record "
                + record
                + " (line "
                + lines.lineOf(firstNonBlank(body, rec.getCharacterPosition()))
                + ")";
        String raw = RecordReader.excerpt(String.join(",", rec.values()));
        nextLine = parser.getCurrentLineNumber() + 1;
        if (rec.size() != header.size()) {
          out.add(
              RawRecord.unreadable(
                  file,
                  ref,
                  Reasons.MALFORMED_CSV,
                  "row has " + rec.size() + " fields, the header has " + header.size(),
                  raw));
          continue;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          String name = header.get(i);
          if (name != null && !name.isBlank() && !rec.get(i).isEmpty()) {
            fields.put(name.trim(), rec.get(i));
          }
        }
        out.add(RawRecord.ok(file, ref, fields, raw));
      }
    } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
      out.add(
          RawRecord.unreadable(
              file,
              "file",
              Reasons.MALFORMED_CSV,
              "CSV header could not be read: " + e.getMessage(),
              RecordReader.excerpt(text)));
    }
    if (out.isEmpty()) {
      out.add(
          RawRecord.unreadable(
              file,
              "file",
              Reasons.EMPTY_FILE,
              "CSV has a header but no records",
              RecordReader.excerpt(text)));
    }
    return out;
  }

  /** The offset of the first character at or after {@code from} that is not a line break. */
  private static long firstNonBlank(String text, long from) {
    int i = (int) from;
    while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
      i++;
    }
    return i;
  }

  /** Line numbers (1-based) of character offsets. */
  private static final class LineIndex {
    private final int[] starts;

    LineIndex(String text) {
      List<Integer> l = new ArrayList<>();
      l.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          l.add(i + 1);
        }
      }
      starts = l.stream().mapToInt(Integer::intValue).toArray();
    }

    long lineOf(long offset) {
      int idx = Arrays.binarySearch(starts, (int) offset);
      return (idx >= 0 ? idx : -idx - 2) + 1L;
    }
  }

  private static String tailFromLine(String text, long line) {
    int pos = 0;
    for (long l = 1; l < line && pos >= 0; l++) {
      pos = text.indexOf('\n', pos);
      if (pos >= 0) {
        pos++;
      }
    }
    return pos < 0 ? "" : text.substring(pos);
  }
}
