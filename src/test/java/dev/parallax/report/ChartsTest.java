package dev.parallax.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The charts as SVG: well-formed, escaped text, ids prefixed by the chart id, deterministic. */
class ChartsTest {
  static final String NASTY = "<b a=\"1\">'x' & y</b>";

  @Test
  void labelsAreSvgTextEscapedByJFreeSvg() throws Exception {
    String svg =
        new Charts.Bars(
                "c7",
                "Terms of " + NASTY,
                List.of(new Charts.Bar(NASTY, 2.5), new Charts.Bar("plain", 1.0)),
                "z",
                Color.BLUE,
                3,
                400)
            .svg();
    assertFalse(svg.contains("<b"), svg);
    Document doc = parse(svg);
    assertEquals("Terms of " + NASTY, doc.getElementsByTagName("title").item(0).getTextContent());
    assertTrue(texts(doc).contains(NASTY), texts(doc).toString());
    assertTrue(texts(doc).contains("2.5"), "bar value label");
  }

  @Test
  void rotatedHeatmapLabelsAreTextAndIdsAreScopedToTheChart() throws Exception {
    String svg =
        new Charts.Heatmap(
                "c3",
                "t",
                List.of("row " + NASTY, "r2"),
                List.of("col " + NASTY, "c2"),
                new double[][] {{1, 2}, {Double.NaN, 4}},
                new String[][] {{"1.0", "2.0"}, {"–", "4.0"}},
                Palette.sequential(5),
                "per 1,000")
            .svg();
    Document doc = parse(svg);
    List<String> texts = texts(doc);
    assertTrue(texts.contains("row " + NASTY) && texts.contains("col " + NASTY), texts.toString());
    assertEquals("c3", doc.getDocumentElement().getAttribute("id"));
    NodeList clips = doc.getElementsByTagName("clipPath");
    assertTrue(clips.getLength() > 0);
    for (int i = 0; i < clips.getLength(); i++) {
      assertTrue(((Element) clips.item(i)).getAttribute("id").startsWith("c3-"));
    }
  }

  @Test
  void chartsOverDaysNameTheSeriesInALegendAndAreDeterministic() throws Exception {
    List<String> days = List.of("2025-02-07", "2025-02-08", "2025-02-09");
    List<Color> colors = List.of(Palette.category(0), Palette.category(1));
    String bars =
        new Charts.StackedBars(
                "c4",
                "Articles per day",
                days,
                List.of(NASTY, "B"),
                new double[][] {{1, 0, 2}, {1, 0, 0}},
                colors,
                "articles")
            .svg();
    Document doc = parse(bars);
    assertTrue(texts(doc).contains(NASTY), "legend: " + texts(doc));
    assertTrue(texts(doc).containsAll(days), texts(doc).toString());
    assertEquals(
        bars,
        new Charts.StackedBars(
                "c4",
                "Articles per day",
                days,
                List.of(NASTY, "B"),
                new double[][] {{1, 0, 2}, {1, 0, 0}},
                colors,
                "articles")
            .svg());
    String lines =
        new Charts.Lines(
                "c5",
                "Tone per day",
                days,
                List.of("All sentences", NASTY),
                new Double[][] {{0.1, null, -0.2}, {null, 0.3, 0.4}},
                colors,
                "mean tone",
                -0.25,
                0.5,
                0.25)
            .svg();
    doc = parse(lines);
    assertTrue(
        texts(doc).contains(NASTY) && texts(doc).contains("2025-02-08"), texts(doc).toString());
    assertEquals("c5", doc.getDocumentElement().getAttribute("id"));
  }

  /**
   * Two charts built from separately constructed, equal inputs draw the same SVG, byte for byte; a
   * chart whose one estimate differs draws another, so the comparison can tell them apart.
   */
  @Test
  void sameSpecSameSvg() {
    String first = forest(0.4).svg();
    String second = forest(0.4).svg();
    assertEquals(first, second);
    assertNotEquals(first, forest(0.3).svg());
  }

  /** A forest plot built from new objects on every call; A's estimate is {@code estimateA}. */
  static Charts.Forest forest(double estimateA) {
    List<Charts.Interval> items = new ArrayList<>();
    items.add(new Charts.Interval("A (n=3)", estimateA, 0.2, 0.6, new Color(0, 0, 255)));
    items.add(new Charts.Interval("B (n=1)", -0.1, Double.NaN, Double.NaN, new Color(255, 0, 0)));
    return new Charts.Forest("c1", "tone", items, "tone", -1, 1, 0.25, 500);
  }

  @Test
  void niceSteps() {
    assertEquals(5, Charts.niceStep(30, 8));
    assertEquals(0.25, Charts.niceStep(2, 8));
    assertEquals(100, Charts.niceStep(250, 4));
    assertEquals(2, Charts.niceStep(10, 5));
  }

  static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> texts(Document doc) {
    List<String> out = new ArrayList<>();
    NodeList t = doc.getElementsByTagName("text");
    for (int i = 0; i < t.getLength(); i++) {
      out.add(t.item(i).getTextContent());
    }
    return out;
  }
}
