package dev.parallax.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TSV lexicons: their layout, and one-line errors that name the file and line. */
class LexiconParseTest {
  static final String THEMES =
      """
      # a comment
      # version: 2.1

      theme_id\tlabel\tframe\tphrases
      trade\tTrade\teconomic\ttariff|trade war
      frame_legality\tLegality (frame)\tlegality\tcourt
      """;

  @Test
  void themesParseWithVersionFramesAndPhrases() {
    ThemeTaxonomy t = ThemeTaxonomy.parse("t.tsv", THEMES);
    assertEquals("2.1", t.version());
    assertEquals(2, t.themes().size());
    assertEquals(List.of("tariff", "trade war"), t.themes().get(0).phrases());
    assertEquals("legality", t.themes().get(1).frame());
  }

  @Test
  void themeErrorsNameFileAndLine() {
    ConfigException cols =
        assertThrows(
            ConfigException.class,
            () ->
                ThemeTaxonomy.parse(
                    "t.tsv", "theme_id\tlabel\tframe\tphrases\ntrade\tTrade\teconomic\n"));
    assertEquals(
        "theme lexicon t.tsv: line 2 has 3 columns, expected 4 or 5"
            + " (theme_id, label, frame, phrases[, language])",
        cols.getMessage());
    ConfigException frame =
        assertThrows(
            ConfigException.class,
            () ->
                ThemeTaxonomy.parse(
                    "t.tsv", "theme_id\tlabel\tframe\tphrases\n\ntrade\tTrade\teconomy\ttariff\n"));
    assertTrue(
        frame.getMessage().startsWith("theme lexicon t.tsv: line 3: frame 'economy' is not one of"),
        frame.getMessage());
    ConfigException header =
        assertThrows(
            ConfigException.class,
            () -> ThemeTaxonomy.parse("t.tsv", "trade\tTrade\teconomic\ttariff\n"));
    assertEquals(
        "theme lexicon t.tsv: line 1 should be the header"
            + " 'theme_id<TAB>label<TAB>frame<TAB>phrases<TAB>language'",
        header.getMessage());
    assertThrows(
        ConfigException.class,
        () ->
            ThemeTaxonomy.parse(
                "t.tsv",
                "theme_id\tlabel\tframe\tphrases\ntrade\tA\teconomic\tx\ntrade\tB\teconomic\ty\n"));
  }

  @Test
  void languageRowsAddPhrasesAndAFourColumnRowIsEnglish() {
    ThemeTaxonomy t =
        ThemeTaxonomy.parse(
            "t.tsv",
            """
            theme_id\tlabel\tframe\tphrases\tlanguage
            trade\tTrade\teconomic\ttariff|Trade War
            trade\tTrade\teconomic\t関税|貿易\tja
            trade\tTrade\teconomic\t관세\tko
            frame_legality\tLegality (frame)\tlegality\tcourt\ten
            energy\tEnergy\teconomic\t能源\tzh
            """);
    assertEquals(3, t.themes().size());
    ThemeTaxonomy.Theme trade = t.themes().get(0);
    assertEquals(List.of("tariff", "trade war"), trade.phrases());
    assertEquals(List.of("tariff", "trade war"), trade.phrases("en"));
    assertEquals(List.of("関税", "貿易"), trade.phrases("ja"));
    assertEquals(List.of("관세"), trade.phrases("ko"));
    assertEquals(List.of(), trade.phrases("zh"));
    assertEquals(List.of("court"), t.themes().get(1).phrases());
    // a theme with phrases in one CJK language only: no English phrases
    assertEquals(List.of(), t.themes().get(2).phrases());
    assertEquals(List.of("能源"), t.themes().get(2).phrases("zh"));
    assertEquals(List.of("en", "ja", "ko", "zh"), List.copyOf(t.languages()));
  }

  @Test
  void languageRowErrorsNameFileAndLine() {
    String head = "theme_id\tlabel\tframe\tphrases\tlanguage\ntrade\tTrade\teconomic\ttariff\n";
    ConfigException language =
        assertThrows(
            ConfigException.class,
            () -> ThemeTaxonomy.parse("t.tsv", head + "trade\tTrade\teconomic\ttarifa\tpt\n"));
    assertEquals(
        "theme lexicon t.tsv: line 3: language 'pt' has no profile; use one of [en, ja, ko, zh]",
        language.getMessage());
    ConfigException label =
        assertThrows(
            ConfigException.class,
            () -> ThemeTaxonomy.parse("t.tsv", head + "trade\tCommerce\teconomic\t関税\tja\n"));
    assertEquals(
        "theme lexicon t.tsv: line 3: theme 'trade' has label and frame 'Trade', 'economic' on an"
            + " earlier line; repeat them unchanged",
        label.getMessage());
    ConfigException twice =
        assertThrows(
            ConfigException.class,
            () ->
                ThemeTaxonomy.parse(
                    "t.tsv",
                    head
                        + "trade\tTrade\teconomic\t関税\tja\n"
                        + "trade\tTrade\teconomic\t貿易\tja\n"));
    assertEquals(
        "theme lexicon t.tsv: line 4: theme id 'trade' appears twice for language ja",
        twice.getMessage());
    ConfigException six =
        assertThrows(
            ConfigException.class,
            () -> ThemeTaxonomy.parse("t.tsv", head + "trade\tTrade\teconomic\t関税\tja\tx\n"));
    assertTrue(six.getMessage().startsWith("theme lexicon t.tsv: line 3 has 6 columns"));
  }

  @Test
  void stanceMarkersCountLongestMatchAndSkipNames() {
    StanceMarkers m =
        StanceMarkers.parse(
            "s.tsv",
            """
        # version: 1
        category\tmarker\tnote
        hedge\tmay\tmodal
        hedge\tit is possible that\tmulti
        booster\tclearly\t
        self_mention\tus\t
        attitude\tcrucial\t
        """);
    // hedges: "It is possible that" (one, longest match) + "may" = 2; "May" mid-sentence is a
    // month; booster "clearly" = 1; "US" is the country, "us" the pronoun = 1 self-mention.
    long[] c =
        m.count(
            List.of(
                "It",
                "is",
                "possible",
                "that",
                "talks",
                "may",
                "clearly",
                "resume",
                "in",
                "May",
                "for",
                "US",
                "and",
                "us",
                "."));
    assertEquals(2, c[0]);
    assertEquals(1, c[1]);
    assertEquals(0, c[2]);
    assertEquals(1, c[3]);
  }

  @Test
  void stanceErrorsNameFileAndLine() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> StanceMarkers.parse("s.tsv", "category\tmarker\tnote\nhedging\tmay\t\n"));
    assertTrue(
        e.getMessage().startsWith("stance lexicon s.tsv: line 2: category 'hedging' is not one of"),
        e.getMessage());
  }

  @Test
  void bundledLexiconsParse() {
    NlpLexicons l = NlpFixtures.lexicons();
    assertTrue(l.themes().themes().size() >= 25);
    assertEquals("1.2.0", l.themes().version());
    assertEquals(List.of("en", "ja", "ko", "zh"), List.copyOf(l.themes().languages()));
    assertEquals("1.0.0", l.stance().version());
    for (ThemeTaxonomy.Theme t : l.themes().themes()) {
      assertTrue(ThemeTaxonomy.FRAMES.contains(t.frame()), t.id());
    }
  }
}
