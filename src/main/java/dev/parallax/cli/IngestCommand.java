package dev.parallax.cli;

import dev.parallax.config.ParallaxConfig;
import picocli.CommandLine.Command;

/** {@code parallax ingest}: raw coverage to the articles and rejects tables. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Read raw coverage (jsonl, json, csv, txt/md with front matter, html, parquet; "
          + ".gz too) into the articles table; records that fail a check go to rejects with the "
          + "reason. Each article's language is identified from its text among "
          + "languages.detect; near duplicates (reprints with their own headline or edits) are "
          + "flagged and listed in the syndication table. Prints input=N accepted=A rejected=R "
          + "duplicates=D near_duplicates=M."
    })
final class IngestCommand extends StageCommand {
  IngestCommand() {
    super("parallax ingest");
  }

  @Override
  StageRunner.Stage[] stages(ParallaxConfig config) {
    return new StageRunner.Stage[] {Stages.INGEST};
  }
}
