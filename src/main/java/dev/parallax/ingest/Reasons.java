package dev.parallax.ingest;

/** The reason codes of the rejects table; each reject row also carries a sentence saying why. */
public final class Reasons {
  private Reasons() {}

  public static final String EMPTY_FILE = "empty_file";
  public static final String UNKNOWN_FORMAT = "unknown_format";
  public static final String UNREADABLE_FILE = "unreadable_file";
  public static final String BINARY_CONTENT = "binary_content";
  public static final String INVALID_ENCODING = "invalid_encoding";
  public static final String MALFORMED_JSON = "malformed_json";
  public static final String MALFORMED_CSV = "malformed_csv";
  public static final String MALFORMED_FRONT_MATTER = "malformed_front_matter";
  public static final String NOT_AN_OBJECT = "not_an_object";
  public static final String MISSING_SOURCE = "missing_source";
  public static final String MISSING_TEXT = "missing_text";
  public static final String INVALID_DATE = "invalid_date";
  public static final String DUPLICATE_ARTICLE_ID = "duplicate_article_id";
}
