package dev.parallax.nlp;

import dev.parallax.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared layout of the project's TSV lexicons: {@code #} comments (one of them {@code #
 * version: X}), blank lines, one header line starting with a fixed column name, then one
 * tab-separated entry per line.
 *
 * @param version the declared version, or "unversioned"
 * @param rows the data lines, with their 1-based line numbers
 */
record LexiconTsv(String version, List<Line> rows) {

  /** One data line: its number in the file and its columns. */
  @SuppressWarnings("ArrayRecordComponent") // parser output, never compared or hashed
  record Line(int number, String[] columns) {}

  /**
   * Splits a lexicon's text; a missing or wrong header is a {@link ConfigException} naming the file
   * and line.
   *
   * @param kind what the file is, for messages ("theme lexicon")
   * @param header the expected header line, e.g. "theme_id\tlabel\tframe\tphrases"
   */
  static LexiconTsv parse(String kind, String name, String content, String header) {
    String version = "unversioned";
    boolean seenHeader = false;
    List<Line> rows = new ArrayList<>();
    String[] lines = content.split("\\r?\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        String c = line.substring(1).strip();
        if (c.startsWith("version:")) {
          version = c.substring("version:".length()).strip();
        }
        continue;
      }
      if (!seenHeader) {
        String firstColumn = header.substring(0, header.indexOf('\t') + 1);
        if (!line.startsWith(firstColumn)) {
          throw new ConfigException(
              where(kind, name, i + 1)
                  + " should be the header '"
                  + header.replace("\t", "<TAB>")
                  + "'");
        }
        seenHeader = true;
        continue;
      }
      rows.add(new Line(i + 1, line.split("\t", -1)));
    }
    return new LexiconTsv(version, List.copyOf(rows));
  }

  static String where(String kind, String name, int line) {
    return kind + " " + name + ": line " + line;
  }
}
