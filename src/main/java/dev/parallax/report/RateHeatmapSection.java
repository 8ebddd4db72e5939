package dev.parallax.report;

import dev.parallax.report.Blocks.Cell;
import java.util.ArrayList;
import java.util.List;

/**
 * Which story themes each source covers: a source × theme heatmap of mentions per 1,000 tokens
 * (themes most mentioned first; the {@code frame_*} themes are left to the CSV), with its numbers
 * in a table of the same colours.
 */
record RateHeatmapSection(Story st) implements Section {

  @Override
  public String key() {
    return "themes";
  }

  @Override
  public String nav() {
    return "Themes";
  }

  @Override
  public String heading() {
    return "Which themes each source covers";
  }

  @Override
  public String howTo(Page page) {
    return "Each cell is how often a source mentions a theme: matches of the theme's phrases "
        + "<b>per 1,000 tokens</b> (words) of that source's text, so long and short sources "
        + "compare fairly; tokens are counted by each language's tokeniser, so compare rates "
        + "between sources of one language (in brackets after the source). "
        + "Darker blue = mentioned more. Columns are ordered from the most to the "
        + "least covered theme. Story themes only; the general policy-frame themes are in "
        + "<code>theme_frequency.csv</code>.";
  }

  @Override
  public void body(Page page) {
    HtmlBuilder h = page.html;
    if (st.themes.isEmpty()) {
      Blocks.paragraph(h, "empty", "No story theme is mentioned.");
      return;
    }
    List<String> sources = st.sources;
    List<String> themes = st.themes;
    double[][] values = new double[sources.size()][themes.size()];
    String[][] text = new String[sources.size()][themes.size()];
    double max = 0;
    for (int r = 0; r < sources.size(); r++) {
      for (int c = 0; c < themes.size(); c++) {
        double v = st.rate(sources.get(r), themes.get(c));
        values[r][c] = v;
        text[r][c] = Double.isNaN(v) ? "–" : Html.num(v, 1);
        if (Double.isFinite(v)) {
          max = Math.max(max, v);
        }
      }
    }
    double step = max > 50 ? 10 : 5;
    Palette palette = Palette.sequential(Math.max(step, Math.ceil(max / step) * step));
    String title = "Theme mentions per 1,000 tokens, by source and theme";
    h.element("h3", title).nl().open("div", "class", "figure wide").nl();
    page.chart(
        "rates-heatmap",
        new Charts.Heatmap(
                page.nextChartId(),
                title,
                st.named(sources),
                st.labels(themes),
                values,
                text,
                palette,
                "mentions per 1,000 tokens")
            .svg());
    List<Cell[]> rows = new ArrayList<>();
    for (int r = 0; r < sources.size(); r++) {
      Cell[] row = new Cell[themes.size() + 1];
      row[0] = st.source(sources.get(r));
      for (int c = 0; c < themes.size(); c++) {
        row[c + 1] = Blocks.heat(values[r][c], palette, Cell.text(Html.num(values[r][c], 2)));
      }
      rows.add(row);
    }
    List<String> head = new ArrayList<>();
    head.add("source");
    head.addAll(st.labels(themes));
    Blocks.table(h, "rates", head, "k" + "n".repeat(themes.size()), rows);
    h.close("div").nl();
  }
}
