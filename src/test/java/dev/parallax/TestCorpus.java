package dev.parallax;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
