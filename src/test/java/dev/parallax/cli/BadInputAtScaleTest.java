package dev.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.TestCorpus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and large input through the CLI ({@link Main#execute}), on corpora generated here.
 *
 * <p>Run date {@value #MIXED_DAY}, {@code run} (ingest, annotate, compare) over, counted by hand:
 *
 * <pre>
 * corpus-bad/ (copy)  input 20, accepted 4, rejected 16, 1 duplicate (see IngestJobTest);
 *                     annotated sources: Alpha Times, Delta Daily, Gamma Gazette
 * cjk.jsonl           4 articles: 2 Japanese (東京テスト新聞), 2 Chinese (北京测试日报)
 * hostile.jsonl       7 articles whose sources and titles hold formula starts (= + - @),
 *                     quotes, commas, a line break and a script tag
 * hostile.csv         1 article: "Comma, Inc.", title with a quoted line break, comma and quotes
 * </pre>
 *
 * input 32 = accepted 16 + rejected 16, duplicates 1; 13 sources annotated.
 *
 * <p>Run date {@value #LARGE_DAY}, {@code ingest} then {@code annotate}, over
 *
 * <pre>
 * tiny.jsonl          100,003 lines: 100,000 one-word articles (distinct urls and words, 100
 *                     sources) and 3 bad lines (line 10 malformed, line 50,000 without text,
 *                     the last line without source)
 * big.jsonl           1 article of at least 5 MiB on one line: {@link #bigParts} sentences "In
 *                     part N the writer argues ... matters.", a paragraph break every 20
 * </pre>
 *
 * input 100,004 = accepted 100,001 + rejected 3, no duplicates; annotate gives one sentence per
 * tiny article and one per part of the big one. (Spark NLP's sentence detector takes time quadratic
 * in the length of its input; annotate feeds it pieces of about 1,000 characters, so the 5 MiB
 * article takes seconds, not hours.)
 */
class BadInputAtScaleTest {
  static final String MIXED_DAY = "2025-03-02";
  static final String LARGE_DAY = "2025-03-01";
  static final int TINY_ARTICLES = 100_000;
  static final int BIG_BYTES = 5 * 1024 * 1024;
  static String bigText;
  static int bigParts;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Source and title as written in hostile.jsonl, and as ingest stores them (line breaks folded).
   */
  record Hostile(String source, String title, String storedSource, String storedTitle) {}

  static final List<Hostile> HOSTILE =
      List.of(
          new Hostile(
              "=HYPERLINK(\"http://evil.example\",\"Click\")",
              "=1+2",
              "=HYPERLINK(\"http://evil.example\",\"Click\")",
              "=1+2"),
          new Hostile("+Plus Wire", "+cmd|' /C calc'!A0", "+Plus Wire", "+cmd|' /C calc'!A0"),
          new Hostile("-Minus Post", "-2+3", "-Minus Post", "-2+3"),
          new Hostile("@Handle Daily", "@SUM(A1:A9)", "@Handle Daily", "@SUM(A1:A9)"),
          new Hostile(
              "The \"Quoted\" Times, Inc.",
              "He said, \"no\"",
              "The \"Quoted\" Times, Inc.",
              "He said, \"no\""),
          new Hostile(
              "Multi\nLine Gazette",
              "Line one\nLine two",
              "Multi Line Gazette",
              "Line one Line two"),
          new Hostile(
              "<script>alert('x')</script> Herald",
              "<script>document.cookie</script>",
              "<script>alert('x')</script> Herald",
              "<script>document.cookie</script>"));

  /**
   * The hostile records' texts: written apart (not one template with a number), so that
   * near-duplicate detection leaves every hostile source in the tables.
   */
  static final List<String> HOSTILE_TEXTS =
      List.of(
          "Report 0 says the alliance remains strong and that tariffs worry exporters.",
          "Officials in Tokyo discussed defense spending and North Korea at length on Friday.",
          "The visit ended with a pledge of new investment in American factories.",
          "Critics warned that a trade deal could still hurt farmers on both sides.",
          "A spokesman praised the personal rapport between the two leaders after lunch.",
          "Semiconductor supply chains took up most of the afternoon session, aides said.",
          "Markets in Asia rose slightly as investors welcomed the calm tone of the meeting.");

  @TempDir static Path tmp;
  static Path warehouse;
  static CliRun.Outcome mixed;
  static CliRun.Outcome large;
  static CliRun.Outcome largeAnnotated;

  @BeforeAll
  static void generateAndRun() throws IOException {
    Path mixedInput = tmp.resolve("mixed");
    TestCorpus.copyTree(Path.of("src/test/resources/corpus-bad"), mixedInput);
    writeCjk(mixedInput.resolve("cjk.jsonl"));
    writeHostile(mixedInput);
    Path largeInput = tmp.resolve("large");
    Files.createDirectories(largeInput);
    writeTiny(largeInput.resolve("tiny.jsonl"));
    writeBig(largeInput.resolve("big.jsonl"));
    warehouse = tmp.resolve("warehouse");
    large =
        CliRun.execute(
            "ingest",
            "--input",
            largeInput.toString(),
            "--warehouse",
            warehouse.toString(),
            "--run-date",
            LARGE_DAY);
    largeAnnotated =
        CliRun.execute("annotate", "--warehouse", warehouse.toString(), "--run-date", LARGE_DAY);
    mixed =
        CliRun.execute(
            "run",
            "--input",
            mixedInput.toString(),
            "--warehouse",
            warehouse.toString(),
            "--run-date",
            MIXED_DAY,
            "--set",
            "compare.bootstrap_reps=200",
            "--set",
            "compare.permutations=199");
  }

  @Test
  void hundredThousandTinyArticlesReconcileExactly() throws SQLException {
    assertEquals(0, large.code(), large.err());
    assertTrue(
        large.out().contains("input=100004 accepted=100001 rejected=3 duplicates=0"), large.out());
    assertEquals(
        List.of("100000|100000|100"),
        FaultToleranceTest.query(
            "SELECT count(*), count(DISTINCT text), count(DISTINCT source) FROM "
                + table("articles", LARGE_DAY)
                + " WHERE source LIKE 'Tiny %'"));
    assertEquals(
        List.of("line 10|malformed_json", "line 50000|missing_text", "line 100003|missing_source"),
        FaultToleranceTest.query(
            "SELECT record_ref, reason_code "
                + "FROM "
                + table("rejects", LARGE_DAY)
                + " ORDER BY record_index"));
    assertEquals(List.of("ingest|succeeded|100004|100001|3|0"), runs(LARGE_DAY).subList(0, 1));
  }

  @Test
  void theFiveMebibyteArticleAndTheTinyOnesAreAnnotated() throws SQLException {
    assertEquals(0, largeAnnotated.code(), largeAnnotated.err());
    assertEquals(
        List.of("annotate|succeeded"),
        FaultToleranceTest.query(
            "SELECT command || '|' "
                + "|| status FROM "
                + table("runs", LARGE_DAY)
                + " WHERE command = 'annotate'"));
    // one sentence per part, in order, covering the text to its end (char_end is exclusive, in
    // code points: the text's length)
    assertEquals(
        List.of(
            bigParts + "|0|" + (bigParts - 1) + "|" + bigText.codePointCount(0, bigText.length())),
        FaultToleranceTest.query(
            "SELECT count(*), min(sentence_idx), max(sentence_idx), "
                + "max(char_end) FROM "
                + table("sentences", LARGE_DAY)
                + " WHERE source = 'Longform Review'"));
    String last =
        "In part "
            + (bigParts - 1)
            + " the writer argues that the alliance with "
            + "Washington remains strong while tariffs on steel and defense spending weigh on "
            + "Tokyo, and that careful diplomacy matters.";
    assertEquals(
        List.of(last),
        FaultToleranceTest.query(
            "SELECT text FROM "
                + table("sentences", LARGE_DAY)
                + " WHERE source = 'Longform Review' AND sentence_idx = "
                + (bigParts - 1)));
    // every tiny article is one sentence of one token, the word itself
    assertEquals(
        List.of("100000|100000|1|1"),
        FaultToleranceTest.query(
            "SELECT count(*), count(DISTINCT article_id), min(n_tokens), max(n_tokens) FROM "
                + table("sentences", LARGE_DAY)
                + " WHERE source LIKE 'Tiny %' AND tokens[1] = text"));
  }

  @Test
  void mixedCorpusReconcilesExactly() throws SQLException {
    assertEquals(0, mixed.code(), mixed.err());
    assertTrue(mixed.out().contains("input=32 accepted=16 rejected=16 duplicates=1"), mixed.out());
    assertEquals(List.of("run|succeeded|32|16|16|1"), runs(MIXED_DAY));
  }

  @Test
  void fiveMebibyteArticleIsKeptWhole() throws SQLException, NoSuchAlgorithmException {
    assertTrue(bigText.length() >= BIG_BYTES);
    String sha =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(bigText.getBytes(StandardCharsets.UTF_8)));
    int n = bigText.length();
    assertEquals(
        List.of(n + "|" + n + "|" + sha + "|" + sha),
        FaultToleranceTest.query(
            "SELECT n_chars, length(text), content_sha256, sha256(text) FROM "
                + table("articles", LARGE_DAY)
                + " WHERE source = 'Longform Review'"));
  }

  @Test
  void japaneseAndChineseArticlesAreAcceptedAndAnnotated() throws SQLException {
    assertEquals(
        List.of("ja|東京テスト新聞|2", "zh|北京测试日报|2"),
        FaultToleranceTest.query(
            "SELECT language, source, count(*) FROM "
                + table("articles", MIXED_DAY)
                + " WHERE language IN ('ja', 'zh') GROUP BY ALL ORDER BY language"));
    assertEquals(
        List.of("4|0"),
        FaultToleranceTest.query(
            // no tone lexicon for ja or zh ships: every such sentence has tokens and a null tone
            "SELECT count(DISTINCT s.article_id), count(*) FILTER (WHERE s.tone IS NOT NULL "
                + "OR s.n_tokens < 1) FROM "
                + table("sentences", MIXED_DAY)
                + " s JOIN "
                + table("articles", MIXED_DAY)
                + " a USING (article_id) WHERE a.language IN ('ja', 'zh')"));
  }

  @Test
  void hostileSourcesAndTitlesAreStoredAsWritten() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (Hostile h : HOSTILE) {
      expected.add(h.storedSource() + "|" + h.storedTitle());
    }
    expected.add("Comma, Inc.|Title with a line break, and \"quotes\"");
    expected.sort(null);
    assertEquals(
        expected,
        FaultToleranceTest.query(
            "SELECT source || '|' || title FROM "
                + table("articles", MIXED_DAY)
                + " WHERE url LIKE 'https://hostile.example/%' ORDER BY 1"));
  }

  @Test
  void reportCsvsNeverStartACellWithAFormulaCharacter() throws IOException {
    Path reports = warehouse.resolve("reports/run_date=" + MIXED_DAY);
    List<Path> csvs;
    try (Stream<Path> s = Files.list(reports)) {
      csvs = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    // the seven compare tables (timeline included) and syndication (the mixed corpus has one exact
    // duplicate)
    assertEquals(8, csvs.size(), csvs.toString());
    long cells = 0;
    for (Path csv : csvs) {
      for (CSVRecord r : parse(csv)) {
        for (String v : r) {
          cells++;
          assertFalse(
              !v.isEmpty() && "=+@\t\r".indexOf(v.charAt(0)) >= 0,
              csv.getFileName() + " line " + r.getRecordNumber() + ": " + v);
          assertFalse(
              v.startsWith("-") && !v.matches("-[0-9]+(\\.[0-9]+)?"),
              csv.getFileName() + " line " + r.getRecordNumber() + ": " + v);
        }
      }
    }
    assertTrue(cells > 1000, "cells checked: " + cells);
  }

  @Test
  void quotingRoundTripsCommasQuotesAndGuardedFormulas() throws IOException {
    Path csv = warehouse.resolve("reports/run_date=" + MIXED_DAY + "/source_summary.csv");
    Set<String> sources = new TreeSet<>();
    List<CSVRecord> records = parse(csv);
    int col = records.get(0).toList().indexOf("source");
    for (CSVRecord r : records.subList(1, records.size())) {
      sources.add(r.get(col));
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "'=HYPERLINK(\"http://evil.example\",\"Click\")",
                "'+Plus Wire",
                "'-Minus Post",
                "'@Handle Daily",
                "The \"Quoted\" Times, Inc.",
                "Multi Line Gazette",
                "<script>alert('x')</script> Herald",
                "Comma, Inc.",
                "東京テスト新聞",
                "北京测试日报",
                "Alpha Times",
                "Delta Daily",
                "Gamma Gazette")),
        sources);
    String raw = Files.readString(csv, StandardCharsets.UTF_8);
    assertTrue(raw.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\""), raw);
    assertTrue(raw.contains("\"The \"\"Quoted\"\" Times, Inc.\""), raw);
    assertTrue(raw.contains("\"Comma, Inc.\""), raw);
  }

  static List<CSVRecord> parse(Path csv) throws IOException {
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180)) {
      List<CSVRecord> records = p.getRecords();
      int width = records.get(0).size();
      for (CSVRecord r : records) {
        assertEquals(width, r.size(), csv + " record " + r.getRecordNumber());
      }
      return records;
    }
  }

  static String table(String name, String day) {
    return "read_parquet('" + warehouse.resolve(name + "/run_date=" + day) + "/*.parquet')";
  }

  static List<String> runs(String day) throws SQLException {
    return FaultToleranceTest.query(
        "SELECT command || '|' || status || '|' || input_records "
            + "|| '|' || accepted || '|' || rejected || '|' || duplicates FROM "
            + table("runs", day)
            + " ORDER BY run_id");
  }

  /**
   * One article of at least {@link #BIG_BYTES} ASCII characters, its text already in normal form:
   * numbered sentences of about 170 characters, 20 to a paragraph. Sets {@link #bigText}.
   */
  static void writeBig(Path file) throws IOException {
    StringBuilder text = new StringBuilder(BIG_BYTES + 1000);
    int n = 0;
    while (text.length() < BIG_BYTES) {
      if (n > 0) {
        text.append(n % 20 == 0 ? "\n\n" : " ");
      }
      text.append("In part ")
          .append(n)
          .append(
              " the writer argues that the alliance with "
                  + "Washington remains strong while tariffs on steel and defense spending weigh on "
                  + "Tokyo, and that careful diplomacy matters.");
      n++;
    }
    bigText = text.toString();
    bigParts = n;
    Files.writeString(
        file,
        JSON.writeValueAsString(
                record(
                    "Longform Review",
                    "https://longform.example/1",
                    "A very long article",
                    text.toString(),
                    null))
            + "\n");
  }

  static void writeCjk(Path file) throws IOException {
    List<String> lines =
        List.of(
            cjk(
                "東京テスト新聞",
                1,
                "ja",
                "石破茂首相は2月7日、ワシントンでトランプ大統領と初めて会談した。" + "両首脳は日米同盟の強化を確認した。関税については慎重な議論が続いている。"),
            cjk("東京テスト新聞", 2, "ja", "日本はアメリカへの投資を拡大すると表明した。" + "北朝鮮の核問題についても意見を交わした。"),
            cjk("北京测试日报", 1, "zh", "日本首相石破茂与美国总统特朗普在白宫举行会谈。" + "双方讨论了贸易和关税问题。分析人士认为，日美同盟仍然稳固。"),
            cjk("北京测试日报", 2, "zh", "会谈中，双方还谈到了朝鲜半岛局势。日本承诺扩大对美投资。"));
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static String cjk(String source, int n, String language, String text) throws IOException {
    Map<String, String> r =
        record(source, "https://" + language + ".example/" + n, null, text, null);
    r.put("language", language);
    return JSON.writeValueAsString(r);
  }

  static void writeHostile(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < HOSTILE.size(); i++) {
      lines.add(
          JSON.writeValueAsString(
              record(
                  HOSTILE.get(i).source(),
                  "https://hostile.example/" + i,
                  HOSTILE.get(i).title(),
                  HOSTILE_TEXTS.get(i),
                  null)));
    }
    Files.write(dir.resolve("hostile.jsonl"), lines, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("hostile.csv"),
        "source,url,title,text\r\n"
            + "\"Comma, Inc.\",https://hostile.example/csv,\"Title with a\nline break, and "
            + "\"\"quotes\"\"\",\"Comma says the summit was a success. Critics warned about tariffs "
            + "and the cost of defense spending.\"\r\n",
        StandardCharsets.UTF_8);
  }

  /**
   * 100,003 lines: article i (0-based, 100,000 of them) has source "Tiny (i mod 100)", url .../i
   * and a distinct lowercase word, declared English (one word is too short to identify, so the
   * declared language is kept and the article is annotated); lines 10, 50,000 and 100,003 are bad.
   */
  static void writeTiny(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      int article = 0;
      for (int line = 1; line <= TINY_ARTICLES + 3; line++) {
        if (line == 10) {
          w.write(
              "{\"source\": \"Tiny 9\", \"url\": \"https://tiny.example/broken\", \"text\": \"cut");
        } else if (line == 50_000) {
          w.write("{\"source\": \"Tiny 0\", \"url\": \"https://tiny.example/notext\"}");
        } else if (line == TINY_ARTICLES + 3) {
          w.write("{\"url\": \"https://tiny.example/nosource\", \"text\": \"orphan\"}");
        } else {
          w.write(
              "{\"source\":\"Tiny "
                  + article % 100
                  + "\",\"url\":\"https://tiny.example/"
                  + article
                  + "\",\"language\":\"en\",\"text\":\""
                  + word(article)
                  + "\"}");
          article++;
        }
        w.write('\n');
      }
    }
  }

  /** A distinct lowercase word for each i: i + 26^3 in base 26, digits a..z (4 letters or more). */
  static String word(int i) {
    StringBuilder s = new StringBuilder();
    for (int v = i + 26 * 26 * 26; v > 0; v /= 26) {
      s.append((char) ('a' + v % 26));
    }
    return s.reverse().toString();
  }

  private static Map<String, String> record(
      String source, String url, String title, String text, String published) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("source", source);
    r.put("url", url);
    if (title != null) {
      r.put("title", title);
    }
    if (published != null) {
      r.put("published", published);
    }
    r.put("text", text);
    return r;
  }
}
