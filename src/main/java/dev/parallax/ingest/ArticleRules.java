package dev.parallax.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validation and normalisation of one raw record into an article, or the reason it is rejected.
 * Pure and Spark-free, so every rule is unit-tested directly.
 *
 * <p>Required: {@code source} and {@code text}, non-blank after normalisation. Optional: {@code id,
 * url, title, published, language, story, author, country, source_type, synthetic, outlet_host};
 * aliases {@code body}/{@code content} for text, {@code outlet}/{@code publisher} for source,
 * {@code published_at}/{@code date} for published. Any other field is kept in {@code extra_json}.
 *
 * <p>The language of an accepted article is identified from its text ({@link LanguageId}); the
 * declared {@code language} is kept beside it, and what the identifier has to say (disagreement,
 * too short, mixed or unknown script) joins the warnings. Language never rejects a record.
 */
public final class ArticleRules {
  static final Set<String> KNOWN =
      Set.of(
          "id",
          "source",
          "url",
          "title",
          "published",
          "language",
          "story",
          "author",
          "country",
          "source_type",
          "synthetic",
          "outlet_host",
          "text");

  /**
   * A field a reader sets when it had something to say about reading the record (a guessed
   * charset); its value joins the article's warnings and is not kept in {@code extra_json}.
   */
  static final String INGEST_WARNING = "ingest_warning";

  private static final Map<String, String> ALIASES =
      Map.of(
          "body",
          "text",
          "content",
          "text",
          "outlet",
          "source",
          "publisher",
          "source",
          "published_at",
          "published",
          "date",
          "published",
          "lang",
          "language");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SPACE_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSSSSS][.SSS]XXX");
  private static final DateTimeFormatter SPACE_LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSSSSS][.SSS]");

  private ArticleRules() {}

  /** What to do with an unparseable {@code published}: reject the record, or keep it with null. */
  public enum BadDate {
    REJECT,
    NULL
  }

  /**
   * An accepted article (reasonCode null) or a rejection (reasonCode set, other fields partial).
   */
  public record Checked(
      String articleId,
      String recordId,
      String story,
      String source,
      String url,
      String title,
      String author,
      Timestamp publishedAt,
      String language,
      String languageDeclared,
      Double languageConfidence,
      String country,
      String sourceType,
      Boolean synthetic,
      String outletHost,
      String text,
      long nChars,
      long nWords,
      String contentSha256,
      String extraJson,
      List<String> warnings,
      String reasonCode,
      String reason) {}

  /**
   * Checks one readable record's fields.
   *
   * @param languages the identifier of the run's candidate languages ({@code languages.detect})
   */
  public static Checked check(
      Map<String, String> rawFields, String defaultStory, BadDate badDate, LanguageId languages) {
    Map<String, String> f = new TreeMap<>();
    Map<String, String> extra = new TreeMap<>();
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, String> e : rawFields.entrySet()) {
      if (e.getKey().equals(INGEST_WARNING)) {
        warnings.add(e.getValue());
        continue;
      }
      String k = e.getKey().trim().toLowerCase(Locale.ROOT);
      k = ALIASES.getOrDefault(k, k);
      if (KNOWN.contains(k)) {
        f.putIfAbsent(k, e.getValue());
      } else {
        extra.put(e.getKey(), e.getValue());
      }
    }
    String source = blankToNull(TextNormaliser.normaliseLine(f.get("source")));
    String text = blankToNull(TextNormaliser.normalise(f.get("text")));
    String title = blankToNull(TextNormaliser.normaliseLine(f.get("title")));
    String url = blankToNull(TextNormaliser.normaliseLine(f.get("url")));
    String story = blankToNull(TextNormaliser.normaliseLine(f.get("story")));
    if (source == null) {
      return reject(Reasons.MISSING_SOURCE, "required field 'source' is missing or blank");
    }
    if (text == null) {
      return reject(Reasons.MISSING_TEXT, "required field 'text' is missing or blank");
    }
    Timestamp published = null;
    String rawDate = blankToNull(f.get("published"));
    if (rawDate != null) {
      try {
        ParsedDate d = parseDate(rawDate.strip());
        published = Timestamp.from(d.instant());
        if (d.warning() != null) {
          warnings.add(d.warning());
        }
      } catch (DateTimeParseException e) {
        String why =
            "published '"
                + abbreviate(rawDate, 60)
                + "' is not an ISO-8601 date or timestamp (e.g. 2025-02-07 or 2025-02-07T18:30:00-05:00)";
        if (badDate == BadDate.REJECT) {
          return reject(Reasons.INVALID_DATE, why);
        }
        warnings.add(why + "; published_at left null");
      }
    }
    DetectedLanguage language =
        languages.identify(text, TextNormaliser.normaliseLine(f.get("language")));
    warnings.addAll(language.warnings());
    String idBasis =
        url != null
            ? source + "\u001f" + url
            : source + "\u001f" + (title == null ? "" : title) + "\u001f" + text;
    return new Checked(
        sha256(idBasis).substring(0, 16),
        blankToNull(f.get("id")),
        story == null ? defaultStory : story,
        source,
        url,
        title,
        blankToNull(TextNormaliser.normaliseLine(f.get("author"))),
        published,
        language.language(),
        language.declared(),
        language.confidence(),
        blankToNull(TextNormaliser.normaliseLine(f.get("country"))),
        lower(f.get("source_type")),
        parseBoolean(f.get("synthetic")),
        blankToNull(TextNormaliser.normaliseLine(f.get("outlet_host"))),
        text,
        text.codePointCount(0, text.length()),
        countWords(text),
        sha256(text),
        extra.isEmpty() ? null : toJson(extra),
        List.copyOf(warnings),
        null,
        null);
  }

  /** True when the record names its own story: a non-blank {@code story} field. */
  public static boolean declaresStory(Map<String, String> rawFields) {
    for (Map.Entry<String, String> e : rawFields.entrySet()) {
      if (e.getKey().trim().toLowerCase(Locale.ROOT).equals("story")
          && blankToNull(TextNormaliser.normaliseLine(e.getValue())) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The fields of a record read from a story's seed file: its story is the seeded story's id, and a
   * record without a source (a plain-text seed has no front matter) gets {@code defaultSource}.
   */
  public static Map<String, String> asSeed(
      Map<String, String> rawFields, String story, String defaultSource) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    boolean hasSource = false;
    for (Map.Entry<String, String> e : rawFields.entrySet()) {
      String k = e.getKey().trim().toLowerCase(Locale.ROOT);
      if (k.equals("story")) {
        continue;
      }
      if ("source".equals(ALIASES.getOrDefault(k, k))
          && blankToNull(TextNormaliser.normaliseLine(e.getValue())) != null) {
        hasSource = true;
      }
      out.put(e.getKey(), e.getValue());
    }
    if (!hasSource) {
      out.put("source", defaultSource);
    }
    out.put("story", story);
    return out;
  }

  private static Checked reject(String code, String reason) {
    return new Checked(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, 0, 0, null, null, List.of(), code, reason);
  }

  record ParsedDate(Instant instant, String warning) {}

  /**
   * Parses ISO-8601 dates and timestamps (also with a space for 'T') and RFC 1123 dates. A
   * timestamp without an offset is taken as UTC, with a warning; a date alone is midnight UTC.
   */
  static ParsedDate parseDate(String s) {
    try {
      return new ParsedDate(OffsetDateTime.parse(s).toInstant(), null);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return new ParsedDate(OffsetDateTime.parse(s, SPACE_OFFSET).toInstant(), null);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return new ParsedDate(
          ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), null);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return new ParsedDate(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant(), null);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    String noOffset = "published '" + s + "' has no UTC offset; taken as UTC";
    try {
      return new ParsedDate(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC), noOffset);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    return new ParsedDate(LocalDateTime.parse(s, SPACE_LOCAL).toInstant(ZoneOffset.UTC), noOffset);
  }

  static long countWords(String text) {
    long n = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean w = !Character.isWhitespace(text.charAt(i));
      if (w && !in) {
        n++;
      }
      in = w;
    }
    return n;
  }

  private static Boolean parseBoolean(String v) {
    if (v == null) {
      return null;
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> Boolean.TRUE;
      case "false", "no", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static String lower(String v) {
    String s = blankToNull(TextNormaliser.normaliseLine(v));
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }

  private static String toJson(Map<String, String> m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
