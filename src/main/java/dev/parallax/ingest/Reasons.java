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

  // Crawl (WARC/WET) records that are not articles; each is one input record.
  /** Not an HTML page (image, PDF, robots.txt, JSON …), by Content-Type or, if absent, sniffed. */
  public static final String NOT_HTML = "not_html";

  /** An HTTP error response (status 4xx or 5xx). */
  public static final String HTTP_STATUS = "http_status";

  /** An HTTP redirect (status 3xx); the reason names the Location. */
  public static final String REDIRECT = "redirect";

  /** A page whose main text is missing or too little ({@link MainText#hasMainText}). */
  public static final String NO_MAIN_TEXT = "no_main_text";

  /** A record cut short: a truncated gzip member or a file that ends inside the record. */
  public static final String TRUNCATED_RECORD = "truncated_record";

  /** A record whose header cannot be parsed or whose Content-Length misses the next record. */
  public static final String MALFORMED_RECORD = "malformed_record";

  /**
   * A record (any format: a JSON line, a CSV record, a text or HTML file, a crawl record's payload)
   * larger than {@code ingest.max_record_bytes}; not parsed.
   */
  public static final String OVERSIZED_RECORD = "oversized_record";

  /**
   * The part of a file past {@code ingest.max_file_bytes} (decompressed), not read: one row naming
   * the byte offset where reading stopped and the cap.
   */
  public static final String FILE_TOO_LARGE = "file_too_large";
}
