package dev.parallax.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code languages.detect} key: its default, its three spellings and its refusals; the range of
 * {@code dedup.near_duplicate_threshold}.
 */
class ConfigLoaderTest {
  @TempDir Path tmp;

  private Path yaml(String text) throws IOException {
    return Files.writeString(tmp.resolve("job.yaml"), text);
  }

  private static List<String> detect(ParallaxConfig c) {
    return c.languages(ConfigKeys.DETECT_LANGUAGES);
  }

  @Test
  void defaultIsTheStoryLanguagesAndTheWidelyWrittenOnes() {
    assertEquals(
        List.of("en", "ja", "zh", "ko", "fr", "de", "es", "pt", "ru", "ar", "hi", "ta", "vi", "id"),
        detect(ConfigLoader.load(null, Map.of())));
  }

  @Test
  void theShippedJobFileListsTheDefault() {
    ParallaxConfig c = ConfigLoader.load(Path.of("jobs", "parallax.yaml"), Map.of());
    assertEquals(ConfigKeys.DEFAULT_DETECT_LANGUAGES, detect(c));
  }

  @Test
  void aYamlListUnderLanguages() throws IOException {
    Path f = yaml("languages:\n  detect: [en, ja, ZH]\n");
    assertEquals(List.of("en", "ja", "zh"), detect(ConfigLoader.load(f, Map.of())));
  }

  @Test
  void aBlockYamlListAndACommaSeparatedString() throws IOException {
    Path block = yaml("languages:\n  detect:\n    - ko\n    - en\n");
    assertEquals(List.of("ko", "en"), detect(ConfigLoader.load(block, Map.of())));
    Path text = yaml("languages:\n  detect: \"pt, en ,pt\"\n");
    assertEquals(List.of("pt", "en"), detect(ConfigLoader.load(text, Map.of())));
  }

  @Test
  void aFlagOverridesTheFile() throws IOException {
    Path f = yaml("languages:\n  detect: [en, ja]\n");
    ParallaxConfig c = ConfigLoader.load(f, Map.of("languages.detect", "en,ta"));
    assertEquals(List.of("en", "ta"), detect(c));
  }

  @Test
  void anUnknownCodeIsOneLineNamingIt() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(null, Map.of("languages.detect", "en,xx,ja")));
    assertTrue(
        e.getMessage().startsWith("option for languages.detect: 'xx' is not the ISO 639-1 code"),
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void aLanguageNameOrAThreeLetterCodeIsNotACode() throws IOException {
    Path f = yaml("languages:\n  detect: [en, english]\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of()));
    assertTrue(e.getMessage().contains("key languages.detect: 'english'"), e.getMessage());
    assertThrows(
        ConfigException.class, () -> ConfigLoader.load(null, Map.of("languages.detect", "jpn")));
  }

  @Test
  void anEmptyEntryOrAnEmptyListIsRefused() throws IOException {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(null, Map.of("languages.detect", "en,,ja")));
    assertTrue(e.getMessage().contains("empty entry"), e.getMessage());
    Path f = yaml("languages:\n  detect: []\n");
    assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of()));
  }

  @Test
  void aListUnderAnyOtherKeyIsStillRefused() throws IOException {
    Path f = yaml("compare:\n  seed: [1, 2]\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of()));
    assertTrue(e.getMessage().contains("key 'compare.seed' holds a list"), e.getMessage());
  }

  @Test
  void nearDuplicateThresholdIsAJaccardIndexAboveZeroAndAtMostOne() throws IOException {
    ParallaxConfig defaults = ConfigLoader.load(null, Map.of());
    assertEquals(0.5, defaults.doubleValue(ConfigKeys.NEAR_DUPLICATE_THRESHOLD));
    assertEquals(5, defaults.intValue(ConfigKeys.SHINGLE_WORDS));
    assertTrue(defaults.booleanValue(ConfigKeys.DEDUP_ENABLED));
    Path f = yaml("dedup:\n  near_duplicate_threshold: 1\n  enabled: false\n");
    ParallaxConfig c = ConfigLoader.load(f, Map.of());
    assertEquals(1.0, c.doubleValue(ConfigKeys.NEAR_DUPLICATE_THRESHOLD));
    for (String bad : List.of("0", "1.5", "-0.2")) {
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> ConfigLoader.load(null, Map.of("dedup.near_duplicate_threshold", bad)));
      assertEquals(
          "option for dedup.near_duplicate_threshold: '"
              + bad
              + "' must be above 0 and at most 1 (a Jaccard index), e.g. 0.5",
          e.getMessage());
    }
    ConfigException zero =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(null, Map.of("dedup.shingle_words", "0")));
    assertTrue(zero.getMessage().contains("must be at least 1"), zero.getMessage());
  }

  // ---- stories: ----

  private Path seed() throws IOException {
    return Files.writeString(tmp.resolve("seed.txt"), "Ishiba met Trump.");
  }

  private ConfigException storyMistake(String storiesYaml) throws IOException {
    Path f = yaml(storiesYaml);
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of()));
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e;
  }

  @Test
  void storiesAsAListWithEveryField() throws IOException {
    Path seed = seed();
    Path f =
        yaml(
            "stories:\n"
                + "  - id: ishiba-trump-2025\n"
                + "    seeds: ["
                + seed
                + "]\n"
                + "    required_terms: [Ishiba, 石破, 이시바]\n"
                + "    from: 2025-02-01\n"
                + "    to: 2025-02-14\n"
                + "    threshold: 0.3\n");
    List<StoryDefinition> stories = ConfigLoader.load(f, Map.of()).stories();
    assertEquals(1, stories.size());
    StoryDefinition s = stories.get(0);
    assertEquals("ishiba-trump-2025", s.id());
    assertEquals(List.of(seed.toString()), s.seeds());
    assertEquals(List.of("Ishiba", "石破", "이시바"), s.requiredTerms());
    assertEquals(java.time.Instant.parse("2025-02-01T00:00:00Z"), s.from());
    // 'to' is a whole day: the window ends at the next midnight, exclusive.
    assertEquals(java.time.Instant.parse("2025-02-15T00:00:00Z"), s.toExclusive());
    assertEquals(0.3, s.threshold());
  }

  @Test
  void storiesAsAMappingWithTheScalarKeysBeside() throws IOException {
    Path seed = seed();
    Path f =
        yaml(
            "stories:\n"
                + "  threshold: 0.4\n"
                + "  auto: true\n"
                + "  seeded:\n"
                + "    - id: a\n"
                + "      seeds: "
                + seed
                + "\n");
    ParallaxConfig c = ConfigLoader.load(f, Map.of());
    assertEquals(0.4, c.doubleValue(ConfigKeys.STORY_THRESHOLD));
    assertTrue(c.booleanValue(ConfigKeys.STORIES_AUTO));
    assertEquals("a", c.stories().get(0).id());
    assertEquals(List.of(seed.toString()), c.stories().get(0).seeds());
  }

  @Test
  void noStoriesByDefaultAndTheKeysDefaults() {
    ParallaxConfig c = ConfigLoader.load(null, Map.of());
    assertEquals(List.of(), c.stories());
    assertEquals(2, c.intValue(ConfigKeys.MIN_SOURCES));
    assertTrue(!c.booleanValue(ConfigKeys.STORIES_AUTO));
  }

  @Test
  void anUnknownStoryFieldIsOneLineNamingIt() throws IOException {
    ConfigException e =
        storyMistake("stories:\n  - id: a\n    seeds: [" + seed() + "]\n    seed: x\n");
    assertTrue(e.getMessage().contains("unknown story field 'seed'"), e.getMessage());
  }

  @Test
  void aStoryWithoutAnIdIsOneLine() throws IOException {
    ConfigException e = storyMistake("stories:\n  - seeds: [" + seed() + "]\n");
    assertTrue(e.getMessage().contains("story 1: story has no id"), e.getMessage());
  }

  @Test
  void aDuplicateStoryIdIsOneLine() throws IOException {
    Path seed = seed();
    ConfigException e =
        storyMistake(
            "stories:\n  - id: a\n    seeds: ["
                + seed
                + "]\n  - id: a\n    seeds: ["
                + seed
                + "]\n");
    assertTrue(e.getMessage().contains("story id 'a' is defined twice"), e.getMessage());
  }

  @Test
  void aMissingSeedFileIsOneLineNamingIt() throws IOException {
    ConfigException e = storyMistake("stories:\n  - id: a\n    seeds: [no/such/seed.txt]\n");
    assertTrue(
        e.getMessage().contains("story a: seed file no/such/seed.txt does not exist"),
        e.getMessage());
  }

  @Test
  void emptySeedsAreOneLine() throws IOException {
    ConfigException e = storyMistake("stories:\n  - id: a\n    seeds: []\n");
    assertTrue(e.getMessage().contains("story a: seeds is empty"), e.getMessage());
  }

  @Test
  void aBadDateIsOneLine() throws IOException {
    ConfigException e =
        storyMistake("stories:\n  - id: a\n    seeds: [" + seed() + "]\n    from: 2025-02-30\n");
    assertTrue(e.getMessage().contains("story a: from '2025-02-30' is not a date"), e.getMessage());
  }

  @Test
  void aReservedIdOrABadThresholdIsOneLine() throws IOException {
    Path seed = seed();
    assertTrue(
        storyMistake("stories:\n  - id: auto-1\n    seeds: [" + seed + "]\n")
            .getMessage()
            .contains("reserved"));
    assertTrue(
        storyMistake("stories:\n  - id: a\n    seeds: [" + seed + "]\n    threshold: 2\n")
            .getMessage()
            .contains("between 0 and 1"));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(null, Map.of("stories.threshold", "1.5")));
    assertTrue(e.getMessage().contains("between 0 and 1"), e.getMessage());
  }

  @Test
  void theCommandLineStoryReplacesTheSeedsOfTheSameIdAndKeepsTheRest() throws IOException {
    Path seed = seed();
    Path other = Files.writeString(tmp.resolve("other.txt"), "Another seed.");
    Path f = yaml("stories:\n  - id: a\n    seeds: [" + seed + "]\n    required_terms: [Ishiba]\n");
    ParallaxConfig c =
        ConfigLoader.load(f, Map.of(), new StoryConfig.FlagStory("a", List.of(other.toString())));
    assertEquals(1, c.stories().size());
    assertEquals(List.of(other.toString()), c.stories().get(0).seeds());
    assertEquals(List.of("Ishiba"), c.stories().get(0).requiredTerms());
    ParallaxConfig added =
        ConfigLoader.load(f, Map.of(), new StoryConfig.FlagStory("b", List.of(other.toString())));
    assertEquals(List.of("a", "b"), added.stories().stream().map(StoryDefinition::id).toList());
  }

  @Test
  void commandLineStoryMistakesAreOneLine() throws IOException {
    Path seed = seed();
    ConfigException noId =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    null, Map.of(), new StoryConfig.FlagStory(null, List.of(seed.toString()))));
    assertTrue(noId.getMessage().startsWith("--story-seed needs --story ID"), noId.getMessage());
    ConfigException noSeed =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(null, Map.of(), new StoryConfig.FlagStory("x", List.of())));
    assertTrue(noSeed.getMessage().contains("add --story-seed FILE"), noSeed.getMessage());
  }

  @Test
  void storiesChangeTheConfigIdentity() throws IOException {
    Path seed = seed();
    String without = ConfigLoader.load(null, Map.of()).configSha256();
    String with =
        ConfigLoader.load(null, Map.of(), new StoryConfig.FlagStory("a", List.of(seed.toString())))
            .configSha256();
    assertTrue(!without.equals(with));
  }

  @Test
  void aWindowOutsideOneTo366DaysIsOneLineNamingTheKey() {
    for (String bad : List.of("0", "367", "-1", "week")) {
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> ConfigLoader.load(null, Map.of("compare.window_days", bad)));
      assertTrue(
          e.getMessage().startsWith("option for compare.window_days: '" + bad + "'"),
          e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
    assertEquals(
        7,
        ConfigLoader.load(null, Map.of("compare.window_days", "7"))
            .intValue(ConfigKeys.WINDOW_DAYS));
    assertEquals(1, ConfigLoader.load(null, Map.of()).intValue(ConfigKeys.WINDOW_DAYS));
  }

  @Test
  void aTimeZoneIsAnIanaIdOrAnOffset() throws IOException {
    Path f = yaml("compare:\n  time_zone: Asia/Tokio\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of()));
    assertTrue(
        e.getMessage().contains("key compare.time_zone: 'Asia/Tokio' is not a time zone"),
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    for (String ok : List.of("Asia/Tokyo", "+09:00", "UTC")) {
      assertEquals(
          ok,
          ConfigLoader.load(null, Map.of("compare.time_zone", ok)).string(ConfigKeys.TIME_ZONE));
    }
  }
}
