package dev.parallax.cli;

import dev.parallax.config.ParallaxConfig;
import dev.parallax.config.StoryConfig;
import dev.parallax.ingest.IngestJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
          + "duplicates=D near_duplicates=M.",
      "With --story ID --story-seed FILE (or stories: in the config), the seed files are ingested "
          + "as the story's seeds and every article that declares no story joins the most similar "
          + "seeded story at or above stories.threshold; the rest form automatic stories (auto-N) "
          + "or stay unassigned. The stories table lists them."
    })
final class IngestCommand extends StageCommand {
  IngestCommand() {
    super("parallax ingest");
  }

  @Mixin StoryOptions story;

  @Override
  StoryConfig.FlagStory flagStory() {
    return story.flagStory();
  }

  @Override
  StageRunner.Stage[] stages(ParallaxConfig config) {
    IngestJob.storyParams(config); // the entities lexicon is checked before Spark starts
    return new StageRunner.Stage[] {Stages.INGEST};
  }
}
