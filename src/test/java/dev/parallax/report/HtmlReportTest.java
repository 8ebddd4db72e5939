package dev.parallax.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** report.html of {@link ReportFixtures}: sections, charts, escaping, self-containment, numbers. */
class HtmlReportTest {
  static ReportFixtures.Run run;
  static String html;

  @BeforeAll
  static void report() {
    run = ReportFixtures.report();
    html = run.html();
  }

  @Test
  void reportCommandWritesTheHtmlBesideTheCsvFilesAndTheSummary() {
    assertEquals(0, run.exitCode(), run.stdout());
    assertTrue(run.stdout().contains("stage=report status=ok"), run.stdout());
    assertTrue(
        run.stdout()
            .contains("files=10 html_bytes=" + html.getBytes(StandardCharsets.UTF_8).length),
        run.stdout());
    for (String f :
        List.of(
            "theme_frequency.csv",
            "stance_by_source.csv",
            "stance_difference.csv",
            "distinctive_terms.csv",
            "source_summary.csv",
            "quoted_speakers.csv",
            "timeline.csv",
            "syndication.csv",
            "summary.md",
            "report.html")) {
      assertTrue(run.directory().resolve(f).toFile().isFile(), f);
    }
  }

  @Test
  void theStanceCsvFilesKeepTheRowsOfBothVoices() throws Exception {
    String csv =
        java.nio.file.Files.readString(
            run.directory().resolve("stance_by_source.csv"), StandardCharsets.UTF_8);
    // s1: _all, t1, t2 for 3 sources and frame_economic for the warm one = 10 rows of voice all;
    // own words: the same but the plain source has no authorial sentence on t2 = 9
    String s1 = csv.substring(csv.indexOf("\r\ns1,"), csv.indexOf("\r\ns2,"));
    assertEquals(10, count(s1, ",all,"), s1);
    assertEquals(9, count(s1, ",authorial,"), s1);
    String speakers =
        java.nio.file.Files.readString(
            run.directory().resolve("quoted_speakers.csv"), StandardCharsets.UTF_8);
    // header + 3 (warm) + 4 (plain) + 1 (Harbor) rows
    assertEquals(1 + 8, speakers.split("\r\n", -1).length - 1, speakers);
  }

  @Test
  void hasEverySectionOncePerStoryAndTheRunSectionOnce() {
    assertEquals(1, count(html, "data-section=\"run\""));
    for (String s :
        List.of(
            "sources",
            "attention",
            "syndication",
            "themes",
            "tone",
            "tone-time",
            "differences",
            "quoted",
            "terms")) {
      assertEquals(3, count(html, "data-section=\"" + s + "\""), s);
    }
    assertEquals(1, count(html, "How to read this.", "data-section=\"run\"", "</section>"));
    assertEquals(1 + 3 * 9, count(html, "How to read this."));
    assertTrue(html.contains("<a href=\"#s1-quoted\">Who is quoted</a>"), "in the nav");
    assertTrue(
        html.indexOf("id=\"s1-differences\"") < html.indexOf("id=\"s1-quoted\"")
            && html.indexOf("id=\"s1-quoted\"") < html.indexOf("id=\"s1-terms\""),
        "after the differences, before the terms");
    assertTrue(
        html.contains("Story: s1") && html.contains("Story: s2") && html.contains("Story: s3"));
  }

  @Test
  void everyChartIsOneInlineSvgWithItsTableBeside() {
    int total = 0;
    for (Map.Entry<String, Integer> e : ReportFixtures.CHARTS.entrySet()) {
      assertEquals(e.getValue(), count(html, "data-chart=\"" + e.getKey() + "\""), e.getKey());
      total += e.getValue();
    }
    assertEquals(total, count(html, "<svg "));
    assertEquals(total, count(html, "</svg>"));
    // each figure is followed by the table of its numbers before the next figure
    Matcher m =
        Pattern.compile("</figure>\\s*<div class=\"table\"><table data-table=\"([a-z-]+)\"")
            .matcher(html);
    int tables = 0;
    while (m.find()) {
      tables++;
    }
    assertEquals(total, tables);
  }

  @Test
  void chartsAreWellFormedSvgWhoseTextKeepsTheCorpusStringsAsText() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String svg : svgs(html)) {
      Document doc =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
      assertEquals(0, doc.getElementsByTagName("script").getLength());
      assertEquals(0, doc.getElementsByTagName("b").getLength());
      assertEquals(0, doc.getElementsByTagName("i").getLength());
      NodeList t = doc.getElementsByTagName("text");
      for (int i = 0; i < t.getLength(); i++) {
        texts.add(t.item(i).getTextContent());
      }
    }
    assertTrue(texts.stream().anyMatch(s -> s.startsWith(ReportFixtures.SCRIPT)), texts.toString());
    assertTrue(
        texts.stream().anyMatch(s -> s.startsWith(ReportFixtures.FORMULA)), texts.toString());
    assertTrue(texts.contains(ReportFixtures.T1_LABEL), texts.toString());
    assertTrue(texts.contains(ReportFixtures.TAG_TERM), texts.toString());
    assertTrue(
        svgs(html).stream().anyMatch(s -> s.contains(">&lt;script&gt;alert(1)&lt;/script&gt;")));
  }

  @Test
  void corpusTextIsEscapedEverywhere() {
    String lower = html.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("<script"), "no script tag at all");
    assertFalse(html.contains("alert(1)</"), "the injected tag never closes");
    assertFalse(html.contains("<b>one</b>"));
    assertFalse(html.contains("<i>tag</i>"));
    assertFalse(html.contains("HYPERLINK(\"x\")"));
    assertTrue(html.contains("<td class=\"key\">&lt;script&gt;alert(1)&lt;/script&gt;</td>"));
    assertTrue(html.contains("=HYPERLINK(&quot;x&quot;)"));
    assertTrue(html.contains("Plain &amp; Simple Post"));
    assertTrue(html.contains("Theme &lt;b&gt;one&lt;/b&gt;"));
    assertTrue(html.contains("&lt;i&gt;tag&lt;/i&gt;"));
    assertTrue(html.contains("Second &amp; &quot;quoted&quot; title"));
    assertTrue(html.contains("not JSON: unexpected &lt;eof&gt;"));
  }

  @Test
  void selfContainedNothingToFetch() {
    String lower = html.toLowerCase(Locale.ROOT);
    assertFalse(
        Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(lower).find(),
        "no src= or href= to another host");
    assertFalse(lower.contains("@import"));
    assertFalse(Pattern.compile("url\\(\\s*[\"']?\\s*(https?:|//)").matcher(lower).find());
    assertFalse(
        lower.contains("<img")
            || lower.contains("<link")
            || lower.contains("<iframe")
            || lower.contains("<object")
            || lower.contains("<embed"));
    for (Matcher m = Pattern.compile("href\\s*=\\s*[\"']([^\"']*)").matcher(lower); m.find(); ) {
      assertTrue(m.group(1).startsWith("#"), "only in-page links: " + m.group(1));
    }
    assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
  }

  @Test
  void reconciliationAndRejectsByReason() {
    String run = between(html, "data-section=\"run\"", "</section>");
    // 13 accepted + 3 rejected = 16; 13 accepted = 9 analysed + 1 duplicate + 1 near duplicate
    // + 2 not analysed (q0 in Portuguese, u0 of unknown language: neither has a sentence)
    assertTrue(run.contains("<b>16</b><span>input records"), run);
    assertTrue(run.contains("<b>13</b><span>accepted"), run);
    assertTrue(run.contains("<b>1</b><span>near duplicates"), run);
    assertTrue(run.contains("<b>3</b><span>rejected"), run);
    assertTrue(run.contains("<b>1</b><span>exact duplicates"), run);
    assertTrue(run.contains("<b>9</b><span>articles analysed"), run);
    assertTrue(run.contains("<b>2</b><span>not analysed"), run);
    assertTrue(run.contains("<b>3</b><span>stories"), run);
    assertTrue(
        run.contains(
            "9 articles went into the analysis; 2 articles were not analysed (pt 1, unknown 1)."),
        run);
    assertTrue(
        run.contains(
            "<tr><td class=\"key\"><code>malformed_json</code></td>"
                + "<td class=\"num\">2</td><td class=\"num\">1</td>"),
        run);
    assertTrue(
        run.contains(
            "<tr><td class=\"key\"><code>missing_source</code></td>"
                + "<td class=\"num\">1</td><td class=\"num\">1</td>"),
        run);
    assertTrue(
        run.indexOf("malformed_json") < run.indexOf("missing_source"), "most frequent first");
  }

  @Test
  void whoReprintedWhomPerStory() {
    String s1 = between(html, "id=\"s1-syndication\"", "</section>");
    assertTrue(s1.contains("<h2>Who reprinted whom</h2>"), s1);
    // two groups of two articles each (by hand from the fixture): x0 (07 Feb 10:00) reprinted by
    // Echo near, and p0 (07 Feb 12:00) reprinted exactly by its own source; earlier original first
    assertTrue(s1.contains("2 articles were reprinted: 2 copies."), s1);
    assertTrue(
        s1.indexOf("Original: &lt;script&gt;alert(1)&lt;/script&gt;, “&lt;script&gt;")
            < s1.indexOf("Original: Plain &amp; Simple Post, “Calm talks” (2025-02-07 12:00)"),
        s1);
    List<String[]> first = rows(between(s1, "data-table=\"syndication\"", "</table>"));
    assertEquals(1, first.size());
    assertEquals("Echo &amp; &lt;Co&gt; Courier", first.get(0)[0]);
    assertEquals("2025-02-07 14:00", first.get(0)[1]);
    assertEquals("near", first.get(0)[3]);
    assertEquals("0.74", first.get(0)[4]);
    String second = s1.substring(s1.indexOf("Original: Plain"));
    List<String[]> exact = rows(between(second, "data-table=\"syndication\"", "</table>"));
    assertEquals("Plain &amp; Simple Post", exact.get(0)[0]);
    assertEquals("exact", exact.get(0)[3]);
    assertEquals("1.00", exact.get(0)[4]);
    String s2 = between(html, "id=\"s2-syndication\"", "</section>");
    assertTrue(s2.contains("No syndicated copies found in this story."), s2);
    // the near copy is listed under its story's articles and is not counted as not analysed
    assertTrue(html.contains("near duplicate, not analysed"));
  }

  @Test
  void significantDifferencesSortedLargestFirstWarmerSourceFirst() {
    String s1 = between(html, "id=\"s1-differences\"", "</section>");
    assertTrue(s1.contains("All 9 significant tone differences (q &lt; 0.05)"), s1);
    List<String[]> rows = rows(between(s1, "data-table=\"differences\"", "</table>"));
    assertEquals(9, rows.size());
    assertEquals("t2", rows.get(0)[0]);
    assertEquals(
        "&lt;script&gt;alert(1)&lt;/script&gt; <span class=\"muted\">(en)</span>", rows.get(0)[1]);
    assertEquals("=HYPERLINK(&quot;x&quot;) <span class=\"muted\">(en)</span>", rows.get(0)[3]);
    assertEquals("1.520", rows.get(0)[5]);
    assertEquals("All sentences", rows.get(1)[0]);
    assertEquals("1.500", rows.get(1)[5]);
    assertEquals("Theme &lt;b&gt;one&lt;/b&gt;", rows.get(2)[0]);
    assertEquals("1.480", rows.get(2)[5]);
    double previous = Double.POSITIVE_INFINITY;
    for (String[] r : rows) {
      double d = Double.parseDouble(r[5]);
      assertTrue(d <= previous && d >= 0, "sorted, never negative: " + d);
      previous = d;
      assertTrue(r[11].startsWith("significant"), r[11]);
    }
  }

  @Test
  void withoutSignificantDifferencesTheLargestAreShownAsNotSignificant() {
    String s2 = between(html, "id=\"s2-differences\"", "</section>");
    assertTrue(
        s2.contains(
            "No significant difference (q &lt; 0.05): the 2 largest differences, "
                + "all not significant"),
        s2);
    List<String[]> rows = rows(between(s2, "data-table=\"differences\"", "</table>"));
    assertEquals(2, rows.size());
    for (String[] r : rows) {
      assertTrue(r[11].startsWith("not significant"), r[11]);
      assertEquals(
          "D <span class=\"muted\">(en)</span>", r[1], "D is 0.05 warmer than C on every sentence");
    }
  }

  @Test
  void heatmapsHoldStoryThemesOnlyAndTheRates() {
    String s1 = between(html, "id=\"s1-themes\"", "</section>");
    assertFalse(s1.contains("frame_economic"), "frame themes are not in the story heatmap");
    List<String[]> rows = rows(between(s1, "data-table=\"rates\"", "</table>"));
    assertEquals(3, rows.size());
    // 8 mentions of each theme per source, over 16 sentences of 3 tokens (2 for the formula
    // source): 1000 · 8 / 48 = 166.67 and 1000 · 8 / 32 = 250.00; rows by source name
    String[] expected = {"166.67", "250.00", "166.67"};
    for (int i = 0; i < 3; i++) {
      String[] r = rows.get(i);
      assertTrue(
          r[1].contains(">" + expected[i] + "<") && r[2].contains(">" + expected[i] + "<"),
          String.join("|", r));
    }
    assertEquals("=HYPERLINK(&quot;x&quot;) <span class=\"muted\">(en)</span>", rows.get(1)[0]);
  }

  @Test
  void aSourceWithoutToneIsNamedWithItsLanguageAndLeftOutOfTheToneCharts() {
    String sources = between(html, "id=\"s3-sources\"", "</section>");
    List<String[]> rows = rows(between(sources, "data-table=\"sources\"", "</table>"));
    assertEquals(2, rows.size());
    assertEquals(ReportFixtures.HARBOR, rows.get(0)[0]);
    assertEquals("en", rows.get(0)[1]);
    assertTrue(rows.get(0)[5].contains("+0.200"), rows.get(0)[5]); // (0.2 + 0.3 − 0.1 + 0.4) / 4
    assertEquals(ReportFixtures.TOTO, rows.get(1)[0]);
    assertEquals("ja", rows.get(1)[1]);
    assertEquals("4", rows.get(1)[3], "its sentences count");
    assertEquals("–", rows.get(1)[5], "no tone, not a neutral 0");
    List<String[]> articles = rows(between(sources, "data-table=\"articles\"", "</table>"));
    assertEquals(4, articles.size());
    for (String[] a : articles) {
      boolean analysed = a[0].equals(ReportFixtures.HARBOR) || a[0].equals(ReportFixtures.TOTO);
      assertEquals(analysed ? "" : "not analysed (no sentence)", a[4], String.join("|", a));
    }

    String tone = between(html, "id=\"s3-tone\"", "</section>");
    List<String[]> all = rows(between(tone, "data-table=\"tone-all\"", "</table>"));
    assertEquals(1, all.size(), "only the source with a tone");
    assertEquals(ReportFixtures.HARBOR + " <span class=\"muted\">(en)</span>", all.get(0)[0]);
    assertEquals("4", all.get(0)[3]);
    assertTrue(
        tone.contains("Not scored for tone: " + ReportFixtures.TOTO + " (ja), 4 sentences"), tone);
    assertFalse(
        between(tone, "data-table=\"tone-matrix\"", "</table>").contains(ReportFixtures.TOTO));

    String differences = between(html, "id=\"s3-differences\"", "</section>");
    assertTrue(differences.contains("No two sources with a tone share a theme"), differences);
    assertFalse(differences.contains("<svg"), differences);

    String themes = between(html, "id=\"s3-themes\"", "</section>");
    List<String[]> rates = rows(between(themes, "data-table=\"rates\"", "</table>"));
    // t4: 4 mentions per 12 tokens and 2 per 12: 333.33 and 166.67
    assertEquals(ReportFixtures.TOTO + " <span class=\"muted\">(ja)</span>", rates.get(1)[0]);
    assertTrue(rates.get(1)[1].contains(">166.67<"), rates.get(1)[1]);
  }

  @Test
  void summaryNamesEachSourcesLanguageAndGivesNoToneWhereThereIsNone() throws Exception {
    String md =
        java.nio.file.Files.readString(
            run.directory().resolve("summary.md"), StandardCharsets.UTF_8);
    String s3 = md.substring(md.indexOf("## Story: s3"));
    // source | language | articles | sentences | toned sentences | tokens (4 × 3) | tone mean
    assertTrue(s3.contains("| Harbor Daily | en | 1 | 4 | 4 | 12 | 0.200 |"), s3);
    assertTrue(s3.contains("| 東都新聞 | ja | 1 | 4 | 0 | 12 | n/a |"), s3);
    assertTrue(s3.contains("| 東都新聞 (ja) | 166.67 |"), s3); // 2 mentions of t4 per 12 tokens
    assertTrue(s3.contains("No pair of sources with a tone shares a theme."), s3);
    assertTrue(
        md.contains("| &lt;script&gt;alert(1)&lt;/script&gt; (en) | =HYPERLINK(\"x\") (en) |"), md);
  }

  @Test
  void toneBySourceShowsTheOwnWordsBesideAllSentences() {
    String tone = between(html, "id=\"s1-tone\"", "</section>");
    List<String[]> rows = rows(between(tone, "data-table=\"tone-all\"", "</table>"));
    assertEquals(3, rows.size());
    // source | tone, all | CI | n | tone, own words | CI | n | own words − all | note
    // warm: all 0.75 (n 16), as before voices; own words 0.456 (n 10), by hand in ReportFixtures
    assertTrue(rows.get(0)[0].startsWith("&lt;script&gt;"), rows.get(0)[0]);
    assertTrue(rows.get(0)[1].contains(">+0.750<"), rows.get(0)[1]);
    assertEquals("16", rows.get(0)[3]);
    assertTrue(rows.get(0)[4].contains(">+0.456<"), rows.get(0)[4]);
    assertEquals("10", rows.get(0)[6]);
    assertEquals("−0.294", rows.get(0)[7]);
    assertEquals("", rows.get(0)[8]);
    // plain: all 0.02 / 16 = 0.00125; own words 0.16 / 8 = 0.02 on 8 sentences, a small sample
    assertTrue(rows.get(1)[0].startsWith("Plain &amp; Simple Post"), rows.get(1)[0]);
    assertTrue(rows.get(1)[1].contains(">+0.001<"), rows.get(1)[1]);
    assertTrue(rows.get(1)[4].contains(">+0.020<"), rows.get(1)[4]);
    assertEquals("8", rows.get(1)[6]);
    assertEquals("+0.019", rows.get(1)[7]);
    assertEquals("own words: small sample", rows.get(1)[8]);
    // cold: every sentence its own words, so both −0.75
    assertTrue(rows.get(2)[1].contains(">−0.750<"), rows.get(2)[1]);
    assertTrue(rows.get(2)[4].contains(">−0.750<"), rows.get(2)[4]);
    assertEquals("0.000", rows.get(2)[7]);
    assertTrue(tone.contains("<b>own words</b>"), "the voices are explained");
    assertTrue(tone.contains("Plain &amp; Simple Post, own words (n=8)"), "both voices drawn");
    // s2 has no voice: its overall table keeps the old columns
    String s2 = between(html, "id=\"s2-tone\"", "</section>");
    assertEquals(5, rows(between(s2, "data-table=\"tone-all\"", "</table>")).get(0).length);
    // s3: the English source's own words (0.2 + 0.3 − 0.1) / 3, three sentences
    String s3 = between(html, "id=\"s3-tone\"", "</section>");
    String[] harbor = rows(between(s3, "data-table=\"tone-all\"", "</table>")).get(0);
    assertTrue(harbor[4].contains(">+0.133<"), harbor[4]);
    assertEquals("−0.067", harbor[7]);
    assertEquals("small sample, own words: small sample", harbor[8]);
  }

  @Test
  void differencesInTheWritersOwnWordsBesideTheOverallOnes() {
    String s1 = between(html, "id=\"s1-differences\"", "</section>");
    assertTrue(s1.contains("<h3>In the writers&#39; own words: "), s1);
    List<String[]> rows = rows(between(s1, "data-table=\"differences-authorial\"", "</table>"));
    String[] warmCold = null;
    for (String[] r : rows) {
      if (r[0].equals("All sentences")
          && r[1].startsWith("&lt;script&gt;")
          && r[3].startsWith("=HYPERLINK")) {
        warmCold = r;
      }
      if (r[1].startsWith("Plain") || r[3].startsWith("Plain")) {
        assertTrue(r[12].endsWith("small sample"), "plain has 8 own-words sentences: " + r[12]);
      }
    }
    assertTrue(warmCold != null, s1);
    // 0.456 − (−0.75), on 10 and 16 sentences; over all sentences 1.500 (significant)
    assertEquals("1.206", warmCold[5]);
    assertEquals("10 / 16", warmCold[10]);
    assertEquals("+1.500", warmCold[11]);
    assertEquals("significant", warmCold[12]);
    // the overall chart and table are those of voice all: still the 9 rows
    assertEquals(9, rows(between(s1, "data-table=\"differences\"", "</table>")).size());
    String s2 = between(html, "id=\"s2-differences\"", "</section>");
    assertFalse(s2.contains("differences-authorial"), "no own-words rows in s2");
  }

  @Test
  void whoIsQuotedPerSourceWithSharesAndTheUnattributedRow() {
    String s1 = between(html, "id=\"s1-quoted\"", "</section>");
    // columns: story's named speakers by quotes (Trump 7, then Roe 2 and the official 2 by name,
    // the spokesperson 1), then the unattributed quotes
    List<String[]> shares = rows(between(s1, "data-table=\"quoted-shares\"", "</table>"));
    assertEquals(2, shares.size(), "the cold source quotes nobody");
    String[] warm = shares.get(0);
    assertTrue(warm[0].startsWith("&lt;script&gt;"), warm[0]);
    assertEquals("7", warm[1]);
    assertTrue(warm[2].contains(">57%<"), warm[2]); // 4 / 7
    assertEquals("–", warm[3]);
    assertTrue(warm[4].contains(">29%<"), warm[4]); // 2 / 7
    assertTrue(warm[6].contains(">14%<"), warm[6]); // 1 / 7
    String[] plain = shares.get(1);
    assertEquals("8", plain[1]);
    assertTrue(plain[2].contains(">38%<"), plain[2]); // 3 / 8 = 37.5%
    assertTrue(plain[3].contains(">25%<"), plain[3]);
    assertTrue(plain[5].contains(">13%<"), plain[5]); // 1 / 8 = 12.5%
    assertTrue(plain[6].contains(">25%<"), plain[6]);
    assertTrue(
        s1.contains("No quote found in: =HYPERLINK(&quot;x&quot;) (en)."), "the silent source");

    List<String> cards = new ArrayList<>();
    for (String c : s1.split("<div class=\"card\">", -1)) {
      cards.add(c);
    }
    String plainCard = cards.stream().filter(c -> c.startsWith("\n<h4>Plain")).findFirst().get();
    List<String[]> top = rows(between(plainCard, "data-table=\"quoted-speakers\"", "</table>"));
    // rank | speaker | affiliation | quotes | share | direct / attributed | tone
    assertEquals(4, top.size());
    assertEquals("1", top.get(0)[0]);
    assertEquals(ReportFixtures.TRUMP, top.get(0)[1]);
    assertEquals("U.S. government", top.get(0)[2]);
    assertEquals("37.5%", top.get(0)[4]);
    assertEquals("3 / 0", top.get(0)[5]);
    assertTrue(top.get(0)[6].contains(">+0.200<") && top.get(0)[6].contains("n=3"), top.get(0)[6]);
    assertEquals("Jane Roe", top.get(1)[1]);
    assertEquals("Acme &lt;Union&gt; &amp; Co", top.get(1)[2]);
    assertEquals("0 / 2", top.get(1)[5]);
    assertTrue(top.get(1)[6].contains(">−0.300<"), top.get(1)[6]);
    // the unattributed row: tied with Roe at 2 quotes, ranked after; no tone
    assertEquals("3", top.get(2)[0]);
    assertEquals("<i class=\"muted\">unattributed</i>", top.get(2)[1]);
    assertEquals("25.0%", top.get(2)[4]);
    assertEquals("–", top.get(2)[6]);
    assertEquals("&lt;em&gt;Spokes&lt;/em&gt;person", top.get(3)[1]);
    assertEquals("<span class=\"muted\">not in speakers map</span>", top.get(3)[2]);
    assertEquals("12.5%", top.get(3)[4]);
    assertTrue(plainCard.contains("8 quotes in all: 3 named speakers, 2 quotes unattributed."));
    assertFalse(html.contains("<em>Spokes"), "speakers are escaped");

    String s2 = between(html, "id=\"s2-quoted\"", "</section>");
    assertTrue(s2.contains("No quotes found in this story&#39;s articles."), s2);
    assertFalse(s2.contains("<table"), s2);
    String s3 = between(html, "id=\"s3-quoted\"", "</section>");
    assertTrue(s3.contains("No quote found in: " + ReportFixtures.TOTO + " (ja)."), s3);
    assertTrue(s3.contains(ReportFixtures.ISHIBA), s3);
  }

  @Test
  void summaryNamesEachSourcesTopThreeSpeakers() throws Exception {
    String md =
        java.nio.file.Files.readString(
            run.directory().resolve("summary.md"), StandardCharsets.UTF_8);
    String s1 = md.substring(md.indexOf("## Story: s1"), md.indexOf("## Story: s2"));
    assertTrue(s1.contains("### Who is quoted (top 3 speakers per source)"), s1);
    assertTrue(
        s1.contains(
            "| &lt;script&gt;alert(1)&lt;/script&gt; (en) | 7 | Donald Trump (U.S. government)"
                + " 57% (4), a senior official 29% (2), unattributed 14% (1) |"),
        s1);
    assertTrue(
        s1.contains(
            "| Plain &amp; Simple Post (en) | 8 | Donald Trump (U.S. government) 38% (3), "
                + "Jane Roe (Acme &lt;Union&gt; &amp; Co) 25% (2), unattributed 25% (2) |"),
        s1);
    String s2 = md.substring(md.indexOf("## Story: s2"), md.indexOf("## Story: s3"));
    assertTrue(s2.contains("No quotes found in this story's articles."), s2);
    // the differences listed are over all sentences: s1 still has its 9 rows (and a header)
    assertEquals(
        1 + 9, count(between(s1, "### Largest stance differences", "### Who is quoted"), "\n| "));
  }

  @Test
  void theHeaderAndTheSummaryStateTheWindow() throws Exception {
    String header = between(html, "<header>", "</header>");
    assertTrue(
        header.contains("<p class=\"lede window\">Window: run date 2025-02-10 alone.</p>"), header);
    String md =
        java.nio.file.Files.readString(
            run.directory().resolve("summary.md"), StandardCharsets.UTF_8);
    assertTrue(
        md.startsWith(
            "# Parallax summary, run date 2025-02-10\n\nWindow: run date 2025-02-10 alone.\n"),
        md);
  }

  @Test
  void attentionOverTimeZeroFillsTheDayWithoutArticles() {
    String s1 = between(html, "id=\"s1-attention\"", "</section>");
    List<String[]> rows = rows(between(s1, "data-table=\"attention\"", "</table>"));
    // day | warm | cold | plain | all sources (sources by name): x0, h0, p0 on 07 Feb, x1, h1 on
    // 09 Feb, nothing on 08 Feb
    assertEquals(3, rows.size());
    assertEquals(List.of("2025-02-07", "1", "1", "1", "<b>3</b>"), List.of(rows.get(0)));
    assertEquals(List.of("2025-02-08", "0", "0", "0", "<b>0</b>"), List.of(rows.get(1)));
    assertEquals(List.of("2025-02-09", "1", "1", "0", "<b>2</b>"), List.of(rows.get(2)));
    assertFalse(s1.contains("not drawn (source_summary"), s1);
    String s2 = between(html, "id=\"s2-attention\"", "</section>");
    assertTrue(
        s2.contains("1 article without a publication date is not drawn (source_summary.csv"), s2);
    assertEquals(1, rows(between(s2, "data-table=\"attention\"", "</table>")).size());
    String s3 = between(html, "id=\"s3-attention\"", "</section>");
    assertTrue(
        s3.contains(
            "1 article dated far off (more than 30 days from the window and from the median day of the story) is not drawn"),
        s3);
    assertFalse(
        between(s3, "<figure", "</table>").contains("1970-01-01"), "the far date is not drawn");
  }

  @Test
  void toneOverTimePoolsTheSourcesPerDay() {
    String s1 = between(html, "id=\"s1-tone-time\"", "</section>");
    List<String[]> rows = rows(between(s1, "data-table=\"tone-time\"", "</table>"));
    // day | All sentences | t1 | t2; 08 Feb has no toned sentence: no row
    assertEquals(2, rows.size());
    assertEquals("2025-02-07", rows.get(0)[0]);
    // all: (0.67 · 8 − 0.67 · 8 + 0.02) / 32 = 0.000625; t1: (0.66 · 4 − 0.66 · 4 + 0.16) / 16
    assertTrue(
        rows.get(0)[1].contains(">+0.001<") && rows.get(0)[1].contains("n=32"), rows.get(0)[1]);
    assertTrue(
        rows.get(0)[2].contains(">+0.010<") && rows.get(0)[2].contains("n=16"), rows.get(0)[2]);
    // 09 Feb: warm and cold only, 0.83 · 8 − 0.83 · 8 = 0
    assertEquals("2025-02-09", rows.get(1)[0]);
    assertTrue(
        rows.get(1)[1].contains(">0.000<") && rows.get(1)[1].contains("n=16"), rows.get(1)[1]);
    String s3 = between(html, "id=\"s3-tone-time\"", "</section>");
    List<String[]> harbor = rows(between(s3, "data-table=\"tone-time\"", "</table>"));
    assertEquals(1, harbor.size());
    assertTrue(harbor.get(0)[1].contains(">+0.200<") && harbor.get(0)[1].contains("n=4"));
  }

  @Test
  void theTimelineCsvHoldsTheRunDatesTimelineRows() throws Exception {
    String csv =
        java.nio.file.Files.readString(
            run.directory().resolve("timeline.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("story,source,language,day,theme,articles,"), csv);
    long rows =
        run.warehouse()
            .read(
                dev.parallax.warehouse.Table.TIMELINE,
                java.time.LocalDate.parse(ReportFixtures.RUN_DATE))
            .count();
    assertEquals(rows + 2, csv.split("\r\n", -1).length, csv);
  }

  @Test
  void renderingIsDeterministic() {
    String again =
        ReportWriter.write(
                dev.parallax.TestSpark.get(),
                run.warehouse(),
                java.time.LocalDate.parse(ReportFixtures.RUN_DATE),
                "again",
                0.95,
                0.05)
            .html();
    assertEquals(html, again);
  }

  static List<String> svgs(String html) {
    List<String> out = new ArrayList<>();
    for (int i = html.indexOf("<svg "); i >= 0; i = html.indexOf("<svg ", i + 1)) {
      out.add(html.substring(i, html.indexOf("</svg>", i) + 6));
    }
    return out;
  }

  /** The cells of each body row, as HTML. */
  static List<String[]> rows(String table) {
    List<String[]> out = new ArrayList<>();
    String body = table.substring(table.indexOf("<tbody>"));
    for (String tr : body.split("<tr>", -1)) {
      if (!tr.contains("<td")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(tr);
      while (m.find()) {
        cells.add(m.group(1));
      }
      out.add(cells.toArray(new String[0]));
    }
    return out;
  }

  static String between(String s, String from, String to) {
    int a = s.indexOf(from);
    assertTrue(a >= 0, "missing " + from);
    return s.substring(a, s.indexOf(to, a));
  }

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  static int count(String s, String needle, String from, String to) {
    return count(between(s, from, to), needle);
  }

  @Test
  void theRunSectionListsTheStoriesAndWhyOneWasNotCompared() {
    int table = html.indexOf("<table data-table=\"stories\">");
    assertTrue(table > 0, "no stories table");
    String rows = html.substring(table, html.indexOf("</table>", table));
    // Most articles first: s1 (6), s3 (4), s2 (2), auto-1 (1).
    assertTrue(
        rows.indexOf("<td>s1</td>") < rows.indexOf("<td>s3</td>")
            && rows.indexOf("<td>s3</td>") < rows.indexOf("<td>s2</td>")
            && rows.indexOf("<td>s2</td>") < rows.indexOf("<td>auto-1</td>"),
        rows);
    assertTrue(rows.contains("<td>no: 1 source, compare.min_sources is 2</td>"), rows);
    assertTrue(rows.contains("&lt;b&gt;closed&lt;/b&gt;"), "the label is escaped");
  }

  @Test
  void summaryListsTheStoriesTooMostArticlesFirst() throws Exception {
    String md =
        java.nio.file.Files.readString(
            run.directory().resolve("summary.md"), StandardCharsets.UTF_8);
    String s1 = "| s1 | declared |  | 6 | 3 | yes |\n";
    String s3 = "| s3 | declared |  | 4 | 4 | yes |\n";
    String s2 = "| s2 | declared |  | 2 | 2 | yes |\n";
    assertTrue(md.contains("## Stories\n\n| story | kind | label |"), md);
    assertTrue(md.contains(s1 + s3 + s2), md);
    assertTrue(md.contains("| 1 | 1 | no: 1 source, compare.min\\_sources is 2 |"), md);
  }
}
