package dev.parallax.config;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One story the run looks for: its id, the seed files that anchor it, and what else an article must
 * pass to join it. Built by {@link ConfigLoader} from {@code stories:} in the config file and
 * {@code --story}/{@code --story-seed}; every field is checked there.
 *
 * @param id the story id articles get ({@code articles.story})
 * @param seeds seed files (any input format), at least one; their records are the story's seeds
 * @param requiredTerms an article qualifies only if its text contains at least one of these,
 *     case-insensitively; empty: no such condition
 * @param from start of the story's window on {@code published_at}, inclusive; null: open
 * @param toExclusive end of the window, exclusive (a date {@code to: 2025-02-09} is the whole day);
 *     null: open. Articles without {@code published_at} are inside every window
 * @param threshold similarity at or above which an article joins; null: {@code stories.threshold}
 */
public record StoryDefinition(
    String id,
    List<String> seeds,
    List<String> requiredTerms,
    Instant from,
    Instant toExclusive,
    Double threshold)
    implements Serializable {
  public StoryDefinition {
    seeds = List.copyOf(seeds);
    requiredTerms = List.copyOf(requiredTerms);
  }

  /** The same story with other seeds (the command line's, which replace the file's). */
  public StoryDefinition withSeeds(List<String> newSeeds) {
    return new StoryDefinition(id, newSeeds, requiredTerms, from, toExclusive, threshold);
  }

  /** The text form hashed into the config's identity. */
  String identity() {
    return "story "
        + id
        + " seeds="
        + seeds
        + " required_terms="
        + requiredTerms
        + " from="
        + from
        + " to="
        + toExclusive
        + " threshold="
        + threshold;
  }
}
