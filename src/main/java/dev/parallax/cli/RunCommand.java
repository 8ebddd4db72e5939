package dev.parallax.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parallax run}: every stage in order. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run every stage in order for one run date: ingest."})
final class RunCommand implements Callable<Integer> {
  @Mixin
  RunOptions options;

  @Override
  public Integer call() {
    StageRunner.run(options.resolve(), System.out, "parallax run", Stages.INGEST);
    return ExitCodes.OK;
  }
}
