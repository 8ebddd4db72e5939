package dev.parallax.warehouse;

/** The warehouse tables: their folder names and the columns rows are sorted by when published. */
public enum Table {
  ARTICLES("articles", "article_id"),
  REJECTS("rejects", "input_file", "record_ref"),
  SENTENCES("sentences", "article_id", "sentence_idx"),
  THEME_FREQUENCY("theme_frequency", "story", "source", "theme"),
  STANCE_BY_SOURCE("stance_by_source", "story", "source", "theme"),
  STANCE_DIFFERENCE("stance_difference", "story", "theme", "source_a", "source_b"),
  DISTINCTIVE_TERMS("distinctive_terms", "story", "source", "rank"),
  SOURCE_SUMMARY("source_summary", "story", "source"),
  RUNS("runs", "run_id");

  private final String folder;
  private final String[] sortColumns;

  Table(String folder, String... sortColumns) {
    this.folder = folder;
    this.sortColumns = sortColumns;
  }

  /** Folder name under the warehouse root, also the view name in {@code parallax sql}. */
  public String folder() {
    return folder;
  }

  /** A total order of the table's rows, so a rerun writes identical files. */
  public String[] sortColumns() {
    return sortColumns.clone();
  }
}
