package dev.parallax.bench;

import dev.parallax.config.ConfigLoader;
import dev.parallax.nlp.NlpLexicons;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * One large JSON Lines file of the benchmark's synthetic articles ({@link CorpusGenerator}, same
 * seed, same bytes), for measuring ingest of a single multi-gigabyte file: {@code java -cp ...
 * dev.parallax.bench.JsonlFile <out.jsonl> <articles> [seed]}. 640,000 articles are about 3.0 GB.
 * The articles are generated 1,000 to a file in a folder beside the output, then appended to it in
 * order and deleted (the disk holds twice the output for a while).
 */
public final class JsonlFile {
  private JsonlFile() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: JsonlFile <out.jsonl> <articles> [seed]");
      System.exit(2);
    }
    Path out = Path.of(args[0]).toAbsolutePath();
    int articles = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    CorpusGenerator generator =
        new CorpusGenerator(NlpLexicons.load(ConfigLoader.load(null, Map.of())).themes(), seed);
    Path parts = Files.createTempDirectory(out.getParent(), ".jsonl-parts-");
    long t0 = System.nanoTime();
    CorpusGenerator.Corpus corpus = generator.write(parts, articles);
    try (OutputStream o = Files.newOutputStream(out)) {
      for (Path p : corpus.files()) {
        Files.copy(p, o);
        Files.delete(p);
      }
    }
    Files.delete(parts);
    System.out.printf(
        Locale.ROOT,
        "%s: %d articles, %d bytes, %.1f MB of article text, %.1f s%n",
        out,
        corpus.articles(),
        Files.size(out),
        corpus.textMb(),
        (System.nanoTime() - t0) / 1e9);
  }
}
