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
}
