package dev.parallax;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The small input corpora the end-to-end tests copy into their temporary folders. */
public final class TestCorpus {
  private TestCorpus() {}

  /**
   * The data/coverage files of the end-to-end corpus: with src/test/resources/corpus-mini, 14
   * accepted records from 6 sources (one an exact duplicate) and 2 rejects (see CliEndToEndTest).
   */
  public static final List<String> SAMPLE_FILES =
      List.of(
          "op-ed-seed.txt",
          "kasumigaseki-bulletin.jsonl",
          "commerce-ledger.csv",
          "meridian-wire.jsonl.gz",
          "huaxia-daily-herald-2.html",
          "heiwa-daily-3.md");

  /** The sample's Japanese, Chinese and Korean articles in data/coverage (synthetic). */
  public static final List<String> CJK_FILES =
      List.of(
          "kasumi-shimpo-1.md", "kazaguruma-hoso-1.md", "yangzi-tide-1.md", "gangmul-ilbo-1.md");

  /**
   * A front-matter article of data/coverage as written: its {@code key: value} fields and its body
   * (after the closing {@code ---}, stripped; Markdown kept). Read here, not through ingest, so
   * tests of other stages do not depend on ingest's reader.
   */
  public record SampleArticle(Map<String, String> fields, String body) {}

  /** Reads data/coverage/{@code file} (a text or Markdown file with front matter). */
  public static SampleArticle sampleArticle(String file) throws IOException {
    String all = Files.readString(Path.of("data/coverage", file));
    int end = all.indexOf("\n---\n", 4);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : all.substring(4, end).split("\n", -1)) {
      int colon = line.indexOf(':');
      fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    return new SampleArticle(fields, all.substring(end + 5).strip());
  }

  /** Copies corpus-mini and the given data/coverage files into {@code dir}; returns it. */
  public static Path mini(Path dir, List<String> sampleFiles) throws IOException {
    copyTree(Path.of("src/test/resources/corpus-mini"), dir);
    for (String f : sampleFiles) {
      Files.copy(Path.of("data/coverage", f), dir.resolve(f));
    }
    return dir;
  }

  /** Copies a folder with everything in it. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path dst = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dst);
        } else {
          Files.copy(p, dst);
        }
      }
    }
  }
}
