package dev.parallax.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Words, CJK bigrams and the entities lexicon's concept tokens. */
class StoryTokensTest {
  @Test
  void latinWordsLoweredStopWordsNumbersAndPossessivesDropped() {
    assertEquals(
        List.of("ishiba", "visit", "washington"),
        StoryTokens.words("The Ishiba's visit to Washington in 2025"));
  }

  @Test
  void cjkRunsBecomeCharacterBigrams() {
    assertEquals(List.of("石破", "破首", "首相", "相と", "と会", "会談"), StoryTokens.words("石破首相と会談"));
    assertEquals(List.of("트럼", "럼프", "대통", "통령"), StoryTokens.words("트럼프 대통령"));
    assertEquals(List.of("米"), StoryTokens.words("米"));
  }

  @Test
  void aliasesInEveryLanguageBecomeOneConcept() {
    EntityLexicon lex = StoryFixtures.builtinLexicon();
    assertTrue(lex.size() >= 30, "entities: " + lex.size());
    assertEquals(
        List.of("ishiba", "trump", "trump", "white_house", "ishiba"),
        lex.concepts("石破茂とトランプ。Trump at the White House; 이시바. Trumpet, whitehouse."));
    // 日米 names both countries.
    assertEquals(List.of("japan", "united_states"), lex.concepts("日米"));
  }

  @Test
  void conceptTokensArePrefixed() {
    EntityLexicon lex = EntityLexicon.parse("t", "entity\tlanguage\talias\nx\ten\tFoo Bar\n");
    assertEquals(List.of("foo", "bar", "§x"), StoryTokens.of("Foo Bar", lex));
  }

  @Test
  void aMalformedLexiconLineIsOneLine() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> EntityLexicon.parse("bad.tsv", "# c\nentity\tlanguage\talias\nx\ten\n"));
    assertEquals(
        "lexicon bad.tsv: line 3 has 2 columns, expected 3 non-empty ones (entity, language, alias)",
        e.getMessage());
  }
}
