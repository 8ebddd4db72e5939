package dev.parallax.report;

import static dev.parallax.report.Blocks.dbl;
import static dev.parallax.report.Blocks.lng;

import dev.parallax.report.Blocks.Cell;
import dev.parallax.warehouse.schema.QuotedSpeakersColumns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Who is quoted: whom each source lets speak in the story, from {@code quoted_speakers}. First a
 * source × speaker heatmap of each source's share of its quotes (the story's {@value
 * #SPEAKER_COLUMNS} most quoted named speakers, then the unattributed quotes and the other speakers
 * together, so each row sums to 100%), with its numbers; then one table per source of its {@value
 * #TOP_SPEAKERS} most quoted speakers (rank, speaker, affiliation, quotes and share, direct quotes
 * / attributed statements, mean tone of what they are quoted saying). A story without a quote gets
 * one line saying so; sources without a quote are named in a note.
 */
record QuotedSpeakersSection(Story st) implements Section {
  /** Named speakers given a column of the heatmap, most quoted in the story first. */
  static final int SPEAKER_COLUMNS = 8;

  /** Speakers listed per source. */
  static final int TOP_SPEAKERS = 10;

  /** The label of the quotes nobody is named for (speaker null). */
  static final String UNATTRIBUTED = "unattributed";

  private static final String UNATTRIBUTED_COLUMN = "(unattributed)";
  private static final String OTHERS_COLUMN = "(other speakers)";

  @Override
  public String key() {
    return "quoted";
  }

  @Override
  public String nav() {
    return "Who is quoted";
  }

  @Override
  public String heading() {
    return "Who is quoted";
  }

  @Override
  public String howTo(Page page) {
    return "Whom each source lets speak. A <b>quote</b> is a direct quotation (inside quotation "
        + "marks) or an attributed statement (reported speech: <i>X said that …</i>, "
        + "<i>according to X</i>). Speakers are named through the speakers map "
        + "(<code>data/lexicons/speakers.tsv</code>: \"Trump\", \"the president\" → Donald Trump, "
        + "with affiliation); a speaker outside the map keeps the name as written, so two "
        + "spellings are two rows until the map merges them. <b>Unattributed</b> counts the "
        + "quotes nobody is named for. <b>Share</b> is the speaker's part of the source's quotes "
        + "in this story (each heatmap row sums to 100%); <b>tone</b> is the mean tone of what "
        + "the source quotes the speaker saying (−1 … +1, with the number of toned quotes), not "
        + "the source's own tone. Few quotes make large shares: read the counts beside them. "
        + "All rows are in <code>quoted_speakers.csv</code>.";
  }

  @Override
  public void body(Page page) {
    HtmlBuilder h = page.html;
    Map<String, List<Row>> bySource = new LinkedHashMap<>();
    for (Row r : st.speakers) {
      bySource
          .computeIfAbsent(r.getAs(QuotedSpeakersColumns.SOURCE), k -> new ArrayList<>())
          .add(r);
    }
    if (bySource.isEmpty()) {
      Blocks.paragraph(h, "empty", "No quotes found in this story's articles.");
      return;
    }
    heatmap(page, bySource);
    List<String> silent =
        st.sources.stream().filter(s -> !bySource.containsKey(s)).map(st::named).toList();
    if (!silent.isEmpty()) {
      Blocks.paragraph(h, "note", "No quote found in: " + String.join(", ", silent) + ".");
    }
    h.element("h3", "Top speakers of each source").nl().open("div", "class", "grid").nl();
    for (Map.Entry<String, List<Row>> e : bySource.entrySet()) {
      speakers(h, e.getKey(), e.getValue());
    }
    h.close("div").nl();
  }

  /** The source × speaker share heatmap and its table. */
  private void heatmap(Page page, Map<String, List<Row>> bySource) {
    HtmlBuilder h = page.html;
    Map<String, Long> totals = new HashMap<>();
    boolean unattributed = false;
    for (Row r : st.speakers) {
      String speaker = r.getAs(QuotedSpeakersColumns.SPEAKER);
      if (speaker == null) {
        unattributed = true;
      } else {
        totals.merge(speaker, lng(r, QuotedSpeakersColumns.QUOTES), Long::sum);
      }
    }
    List<String> named =
        totals.keySet().stream()
            .sorted(
                Comparator.comparing((String s) -> -totals.get(s))
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    List<String> columns =
        new ArrayList<>(named.subList(0, Math.min(SPEAKER_COLUMNS, named.size())));
    boolean others = named.size() > columns.size();
    List<String> labels = new ArrayList<>(columns);
    if (unattributed) {
      labels.add(UNATTRIBUTED_COLUMN);
    }
    if (others) {
      labels.add(OTHERS_COLUMN);
    }
    List<String> sources = new ArrayList<>(bySource.keySet());
    double[][] values = new double[sources.size()][labels.size()];
    String[][] text = new String[sources.size()][labels.size()];
    long[] quotes = new long[sources.size()];
    for (int r = 0; r < sources.size(); r++) {
      double[] row = values[r];
      java.util.Arrays.fill(row, Double.NaN);
      for (Row q : bySource.get(sources.get(r))) {
        String speaker = q.getAs(QuotedSpeakersColumns.SPEAKER);
        double share = 100 * dbl(q, QuotedSpeakersColumns.SHARE_OF_SOURCE_QUOTES);
        quotes[r] = lng(q, QuotedSpeakersColumns.SOURCE_QUOTES);
        int c =
            speaker == null
                ? labels.indexOf(UNATTRIBUTED_COLUMN)
                : columns.contains(speaker)
                    ? columns.indexOf(speaker)
                    : labels.indexOf(OTHERS_COLUMN);
        row[c] = Double.isNaN(row[c]) ? share : row[c] + share;
      }
      for (int c = 0; c < labels.size(); c++) {
        text[r][c] = Double.isNaN(row[c]) ? "–" : Html.num(row[c], 0) + "%";
      }
    }
    double max = 0;
    for (double[] row : values) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          max = Math.max(max, v);
        }
      }
    }
    Palette palette = Palette.sequential(Math.max(10, Math.ceil(max / 10) * 10));
    String title = "Share of each source's quotes, by speaker";
    h.element("h3", title).nl().open("div", "class", "figure wide").nl();
    page.chart(
        "quoted-heatmap",
        new Charts.Heatmap(
                page.nextChartId(),
                title,
                st.named(sources),
                labels,
                values,
                text,
                palette,
                "share of the source's quotes (%)")
            .svg());
    List<Cell[]> rows = new ArrayList<>();
    for (int r = 0; r < sources.size(); r++) {
      Cell[] row = new Cell[labels.size() + 2];
      row[0] = st.source(sources.get(r));
      row[1] = Cell.text(Html.count(quotes[r]));
      for (int c = 0; c < labels.size(); c++) {
        row[c + 2] = Blocks.heat(values[r][c], palette, Cell.text(text[r][c]));
      }
      rows.add(row);
    }
    List<String> head = new ArrayList<>();
    head.add("source");
    head.add("quotes");
    head.addAll(labels);
    Blocks.table(h, "quoted-shares", head, "kn" + "n".repeat(labels.size()), rows);
    h.close("div").nl();
  }

  /** One source's card: its top speakers, most quoted first (the table's rank). */
  private void speakers(HtmlBuilder h, String source, List<Row> rows) {
    long total = lng(rows.get(0), QuotedSpeakersColumns.SOURCE_QUOTES);
    h.open("div", "class", "card").nl().element("h4", st.named(source)).nl();
    List<Cell[]> out = new ArrayList<>();
    for (Row r : rows.subList(0, Math.min(TOP_SPEAKERS, rows.size()))) {
      String speaker = r.getAs(QuotedSpeakersColumns.SPEAKER);
      String affiliation = r.getAs(QuotedSpeakersColumns.AFFILIATION);
      double tone = dbl(r, QuotedSpeakersColumns.TONE_MEAN);
      out.add(
          new Cell[] {
            Cell.text(String.valueOf(lng(r, QuotedSpeakersColumns.RANK_IN_SOURCE))),
            speaker == null
                ? Cell.element("i", UNATTRIBUTED, "class", "muted")
                : Cell.text(speaker),
            affiliation != null
                ? Cell.text(affiliation)
                : speaker == null
                        || Boolean.TRUE.equals(r.getAs(QuotedSpeakersColumns.IN_SPEAKERS_MAP))
                    ? Cell.text("–")
                    : Cell.element("span", "not in speakers map", "class", "muted"),
            Cell.text(Html.count(lng(r, QuotedSpeakersColumns.QUOTES))),
            Cell.text(
                Html.num(100 * dbl(r, QuotedSpeakersColumns.SHARE_OF_SOURCE_QUOTES), 1) + "%"),
            Cell.text(
                lng(r, QuotedSpeakersColumns.DIRECT_QUOTES)
                    + " / "
                    + lng(r, QuotedSpeakersColumns.ATTRIBUTED_STATEMENTS)),
            Double.isNaN(tone)
                ? Cell.text("–")
                : Blocks.tone(tone, st.tone)
                    .then(Cell.text(" "))
                    .then(
                        Cell.element(
                            "span",
                            "n=" + lng(r, QuotedSpeakersColumns.TONED_QUOTES),
                            "class",
                            "n"))
          });
    }
    Blocks.table(
        h,
        "quoted-speakers",
        List.of("rank", "speaker", "affiliation", "quotes", "share", "direct / attributed", "tone"),
        "nkknnnn",
        out);
    long named = rows.stream().filter(r -> r.getAs(QuotedSpeakersColumns.SPEAKER) != null).count();
    long unattributed =
        rows.stream()
            .filter(r -> r.getAs(QuotedSpeakersColumns.SPEAKER) == null)
            .mapToLong(r -> lng(r, QuotedSpeakersColumns.QUOTES))
            .sum();
    Blocks.paragraph(
        h,
        "note",
        Blocks.plural(total, "quote", "quotes")
            + " in all: "
            + Blocks.plural(named, "named speaker", "named speakers")
            + (unattributed > 0
                ? ", " + Blocks.plural(unattributed, "quote", "quotes") + " unattributed"
                : "")
            + (rows.size() > TOP_SPEAKERS
                ? "; the "
                    + (rows.size() - TOP_SPEAKERS)
                    + " rows after the first "
                    + TOP_SPEAKERS
                    + " are in quoted_speakers.csv"
                : "")
            + ".");
    h.close("div").nl();
  }
}
