package dev.parallax.stories;

import dev.parallax.TestSpark;
import dev.parallax.warehouse.schema.ArticlesColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Articles rows for the stories tests, set by column name, and a second, plain implementation of
 * shingling and the Jaccard index (string shingles in a {@link HashSet}, no hashing) that the tests
 * compute expected similarities with. Every text and outlet here is invented (synthetic).
 */
final class StoriesFixtures {
  private StoriesFixtures() {}

  /** An articles row: the named values, the rest of the non-null columns filled in. */
  static Row article(
      String id,
      String story,
      String source,
      String title,
      String published,
      String text,
      String duplicateOf) {
    Map<String, Object> v = new HashMap<>();
    v.put(ArticlesColumns.ARTICLE_ID, id);
    v.put(ArticlesColumns.STORY, story);
    v.put(ArticlesColumns.SOURCE, source);
    v.put(ArticlesColumns.URL, "https://example.invalid/" + id);
    v.put(ArticlesColumns.TITLE, title);
    v.put(
        ArticlesColumns.PUBLISHED_AT,
        published == null ? null : Timestamp.from(Instant.parse(published)));
    v.put(ArticlesColumns.SYNTHETIC, true);
    v.put(ArticlesColumns.TEXT, text);
    v.put(ArticlesColumns.N_CHARS, (long) text.length());
    v.put(ArticlesColumns.N_WORDS, (long) text.split("\\s+", -1).length);
    v.put(ArticlesColumns.CONTENT_SHA256, "sha-" + id);
    v.put(ArticlesColumns.DUPLICATE_OF, duplicateOf);
    v.put(ArticlesColumns.INPUT_FILE, "input/" + id + ".jsonl");
    v.put(ArticlesColumns.RECORD_REF, "line 1");
    v.put(ArticlesColumns.RECORD_INDEX, 0L);
    v.put(ArticlesColumns.WARNINGS, new String[0]);
    Object[] row = new Object[ArticlesColumns.SCHEMA.size()];
    for (Map.Entry<String, Object> e : v.entrySet()) {
      row[ArticlesColumns.SCHEMA.fieldIndex(e.getKey())] = e.getValue();
    }
    return RowFactory.create(row);
  }

  /** The text of a row built by {@link #article}. */
  static String textOf(Row r) {
    return r.getString(ArticlesColumns.SCHEMA.fieldIndex(ArticlesColumns.TEXT));
  }

  /** The article_id of a row built by {@link #article}. */
  static String idOf(Row r) {
    return r.getString(ArticlesColumns.SCHEMA.fieldIndex(ArticlesColumns.ARTICLE_ID));
  }

  static Dataset<Row> articles(List<Row> rows) {
    return TestSpark.get().createDataFrame(rows, ArticlesColumns.SCHEMA);
  }

  /** near_duplicate_of and near_duplicate_similarity of every article, by article_id. */
  static Map<String, Object[]> marks(Dataset<Row> marked) {
    Map<String, Object[]> out = new HashMap<>();
    for (Row r :
        marked
            .select(
                ArticlesColumns.ARTICLE_ID,
                ArticlesColumns.NEAR_DUPLICATE_OF,
                ArticlesColumns.NEAR_DUPLICATE_SIMILARITY)
            .collectAsList()) {
      out.put(r.getString(0), new Object[] {r.get(1), r.get(2)});
    }
    return out;
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** Word k-shingles as strings: lower-cased words of letters and digits, joined by spaces. */
  static Set<String> wordShingles(String text, int k) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i + k <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + k)));
    }
    return out;
  }

  /** Character k-shingles over the letters and digits of a text (spaces and punctuation out). */
  static Set<String> charShingles(String text, int k) {
    StringBuilder kept = new StringBuilder();
    text.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
    String s = kept.toString();
    Set<String> out = new HashSet<>();
    for (int i = 0; i + k <= s.length(); i++) {
      out.add(s.substring(i, i + k));
    }
    return out;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    return (double) common.size() / (a.size() + b.size() - common.size());
  }
}
