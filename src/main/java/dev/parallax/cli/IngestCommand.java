package dev.parallax.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parallax ingest}: raw coverage to the articles and rejects tables. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Read raw coverage (jsonl, json, csv, txt/md with front matter, html, parquet; "
        + ".gz too) into the articles table; records that fail a check go to rejects with the "
        + "reason. Prints input=N accepted=A rejected=R duplicates=D."})
final class IngestCommand implements Callable<Integer> {
  @Mixin
  RunOptions options;

  @Override
  public Integer call() {
    StageRunner.run(options.resolve(), System.out, "parallax ingest", Stages.INGEST);
    return ExitCodes.OK;
  }
}
