package dev.parallax.cli;

import dev.parallax.config.ConfigLoader;
import dev.parallax.config.ParallaxConfig;
import dev.parallax.nlp.NlpLexicons;
import dev.parallax.nlp.ToneTool;
import dev.parallax.nlp.VoiceExplainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parallax tone}: the sentence-tone scorer on any text, with the reasons. */
@Command(
    name = "tone",
    mixinStandardHelpOptions = true,
    description = {
      "Score each input line (one sentence or snippet per line) with the tone scorer "
          + "of the annotate stage and print 'score<TAB>line'. Scores are in [-1, 1]; "
          + "|score| < 0.05 is neutral. With --explain, also print the words and rules that moved "
          + "the score, and the line's voice as annotate sees it: each sentence's voice "
          + "(authorial, quoted, attributed), the tone of the writer's own words when a quote "
          + "sits inside, and each quote with its speaker (as written, then as the speakers map "
          + "names it) and tone. Reads FILE, or standard input when FILE is '-' or absent."
    })
final class ToneCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..1",
      paramLabel = "FILE|-",
      description = "Input file; '-' or none = stdin.")
  String file;

  @Option(names = "--explain", description = "Show each scored word and the rules applied.")
  boolean explain;

  @Option(
      names = "--plain-vader",
      description = "VADER's rules and lexicon only: no domain lexicon, news rules or AFINN-165.")
  boolean plainVader;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Config file naming the lexicons (default: jobs/parallax.yaml if present).")
  Path config;

  @Override
  public Integer call() throws IOException {
    Path cfg =
        config != null
            ? config
            : Files.isRegularFile(Path.of("jobs/parallax.yaml"))
                ? Path.of("jobs/parallax.yaml")
                : null;
    ParallaxConfig resolved = ConfigLoader.load(cfg, Map.of());
    NlpLexicons lexicons = NlpLexicons.load(resolved);
    if (file != null && !file.equals("-") && !Files.isRegularFile(Path.of(file))) {
      throw new dev.parallax.ingest.IngestJob.InputException(
          "tone: file " + file + " does not exist");
    }
    SparkSession.builder()
        .master("local[1]")
        .appName("parallax tone")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    ToneTool tool = new ToneTool(lexicons, plainVader);
    VoiceExplainer voices = explain ? new VoiceExplainer(lexicons, plainVader) : null;
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    try (BufferedReader in =
        file == null || file.equals("-")
            ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
            : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        if (explain) {
          out.println(tool.explain(line));
          voices.explain(line).forEach(out::println);
          out.println("line: " + line);
          out.println();
        } else {
          out.printf(Locale.ROOT, "%.4f\t%s%n", tool.score(line), line);
        }
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
