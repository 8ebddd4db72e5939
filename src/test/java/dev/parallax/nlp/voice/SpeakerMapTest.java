package dev.parallax.nlp.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpeakerMapTest {

  private static final String SMALL =
      """
      # test map
      # version: 1.0.0
      alias\tcanonical\taffiliation\tcountry\ttype
      Trump\tDonald Trump\tU.S. government\tUS\tperson
      the president\tDonald Trump\tU.S. government\tUS\tperson
      Lin Jian\tLin Jian\tChinese government\tCN\tperson
      Chinese foreign ministry\tMinistry of Foreign Affairs of China\tChinese government\tCN\tgovernment_body
      Japan's foreign ministry\tMinistry of Foreign Affairs of Japan\tJapanese government\tJP\tgovernment_body
      石破\tShigeru Ishiba\tJapanese government\tJP\tperson
      """;

  @Test
  void longestAliasWithinWholeWords() {
    SpeakerMap m = SpeakerMap.parse("small.tsv", SMALL);
    assertEquals(6, m.aliases());
    assertEquals("Donald Trump", m.lookup("President Donald Trump").canonical());
    assertEquals("Donald Trump", m.lookup("THE PRESIDENT").canonical());
    assertNull(m.lookup("a Trumpet player"));
    assertNull(m.lookup("Trump's spokesman"));
    assertEquals(
        "Ministry of Foreign Affairs of Japan", m.lookup("Japan’s foreign ministry").canonical());
    assertEquals("Shigeru Ishiba", m.lookup("石破首相").canonical());
    assertNull(m.lookup(null));
    assertNull(m.lookup("  "));
  }

  @Test
  void personWinsOverBody() {
    SpeakerMap m = SpeakerMap.parse("small.tsv", SMALL);
    assertEquals(
        "Lin Jian", m.lookup("Chinese foreign ministry spokesperson Lin Jian").canonical());
    assertEquals(
        "Ministry of Foreign Affairs of China",
        m.lookup("a Chinese foreign ministry spokesperson").canonical());
  }

  @Test
  void malformedLinesNameFileAndLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SpeakerMap.parse(
                    "my.tsv",
                    "# c\nalias\tcanonical\taffiliation\tcountry\ttype\nTrump\tDonald Trump\n"));
    assertTrue(e.getMessage().startsWith("my.tsv:3:"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> SpeakerMap.parse("my.tsv", "alias\tname\n"));
    assertTrue(e.getMessage().startsWith("my.tsv:1:"), e.getMessage());
  }

  @Test
  void bundledMapIsConsistentAndOnTheClasspath() throws IOException {
    String text;
    try (InputStream in = SpeakerMapTest.class.getResourceAsStream("/lexicons/speakers.tsv")) {
      assertNotNull(in, "lexicons/speakers.tsv on the classpath");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(text.contains("# version: 1.0.0"));
    SpeakerMap m = SpeakerMap.parse("speakers.tsv", text);
    // Every alias once ignoring case, and one canonical speaker has one affiliation, country, type.
    Map<String, String> byCanonical = new HashMap<>();
    List<String> aliases = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("alias\t")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      aliases.add(c[0].toLowerCase(Locale.ROOT));
      String rest = c[2] + "|" + c[3] + "|" + c[4];
      String before = byCanonical.putIfAbsent(c[1], rest);
      assertTrue(before == null || before.equals(rest), c[1]);
      assertTrue(
          List.of(
                  "person",
                  "government_body",
                  "media",
                  "company",
                  "business_group",
                  "union",
                  "group")
              .contains(c[4]),
          line);
    }
    assertEquals(aliases.size(), m.aliases(), "no alias twice");
    assertEquals(168, m.aliases());
    assertEquals(31, byCanonical.size());
    assertEquals("Shigeru Ishiba", m.lookup("Japanese Prime Minister Shigeru Ishiba").canonical());
    assertEquals("Donald Trump", m.lookup("Mr. Trump").canonical());
    assertEquals("Lin Jian", m.lookup("Foreign Ministry spokesperson Lin Jian").canonical());
    assertEquals("Shigeru Ishiba", m.lookup("이시바 총리").canonical());
  }

  @Test
  void analyzerNeverFailsOnRandomText() throws IOException {
    // Random mixes of words, quotation marks, apostrophes and line breaks with random sentence
    // spans: the analyzer must return one voice per sentence and quotes inside the text.
    VoiceAnalyzer a = new VoiceAnalyzer(VoiceDevSetTest.speakers());
    String[] parts = {
      "“",
      "”",
      "‘",
      "’",
      "\"",
      "«",
      "»",
      "「",
      "」",
      " said",
      " Trump",
      " he",
      ",",
      ".",
      " ",
      "\n\n",
      "\n",
      " according to",
      " officials",
      " that",
      "—",
      "Ishiba",
      " says",
      " saying",
      ":",
      "Q"
    };
    Random r = new Random(19);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + r.nextInt(60);
      for (int i = 0; i < len; i++) {
        sb.append(parts[r.nextInt(parts.length)]);
      }
      String text = sb.toString();
      List<Span> spans = new ArrayList<>();
      int p = 0;
      while (p < text.length()) {
        int e = Math.min(text.length(), p + 1 + r.nextInt(30));
        spans.add(new Span(p, e));
        p = e + r.nextInt(2);
      }
      for (String lang : new String[] {"en", "ja", "zh", "ko"}) {
        ArticleVoices v = a.analyse(lang, text, spans);
        assertEquals(spans.size(), v.sentences().size());
        for (Quote q : v.quotes()) {
          for (Span s : q.pieces()) {
            assertTrue(s.end() <= text.length());
          }
        }
      }
    }
  }
}
