package dev.parallax.cli;

import dev.parallax.config.ParallaxConfig;
import dev.parallax.nlp.NlpLexicons;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parallax run}: every stage in order. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run every stage in order for one run date: ingest, annotate, compare, report."})
final class RunCommand implements Callable<Integer> {
  @Mixin
  RunOptions options;

  @Override
  public Integer call() {
    ParallaxConfig config = options.resolve();
    NlpLexicons lexicons = NlpLexicons.load(config);
    StageRunner.run(config, System.out, "parallax run", Stages.INGEST, Stages.annotate(lexicons),
        Stages.compare(lexicons.themes()), Stages.REPORT);
    return ExitCodes.OK;
  }
}
