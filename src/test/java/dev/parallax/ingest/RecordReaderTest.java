package dev.parallax.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordReaderTest {

  // ---- fixtures ----

  private static List<RawRecord> read(String name, String content) {
    return RecordReader.read(name, content.getBytes(UTF_8));
  }

  private static RawRecord only(List<RawRecord> records) {
    assertEquals(1, records.size(), records::toString);
    return records.get(0);
  }

  private static void assertOk(RawRecord r, String ref) {
    assertTrue(r.readable(), () -> "expected readable, got " + r);
    assertEquals(ref, r.recordRef());
    assertNull(r.reason());
  }

  private static void assertRejected(RawRecord r, String code, String ref) {
    assertEquals(code, r.reasonCode(), r::toString);
    assertEquals(ref, r.recordRef(), r::toString);
    assertNull(r.fields());
    assertFalse(r.reason() == null || r.reason().isBlank(), "a reject carries a sentence");
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      out.writeBytes(p instanceof byte[] b ? b : p.toString().getBytes(UTF_8));
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private static int utf8Length(String s) {
    return s.getBytes(UTF_8).length;
  }

  private static String repeat(char c, int n) {
    char[] a = new char[n];
    Arrays.fill(a, c);
    return new String(a);
  }

  // ---- JSON Lines ----

  @Nested
  class JsonLines {
    @Test
    void goodLinesGiveOneRecordEachWithValuesAsText() {
      List<RawRecord> rs =
          read(
              "a.jsonl",
              """
          {"source":"A","text":"one","n":3,"ok":true,"tags":["x","y"],"gone":null}
          {"source":"B","text":"two"}
          """);
      assertEquals(2, rs.size());
      assertOk(rs.get(0), "line 1");
      assertOk(rs.get(1), "line 2");
      assertEquals(
          Map.of("source", "A", "text", "one", "n", "3", "ok", "true", "tags", "[\"x\",\"y\"]"),
          rs.get(0).fields(),
          "null values are dropped, structures kept as JSON");
      assertEquals("a.jsonl", rs.get(0).inputFile());
      assertEquals("{\"source\":\"B\",\"text\":\"two\"}", rs.get(1).rawExcerpt());
    }

    @Test
    void blankLinesAreSkippedButStillCounted() {
      List<RawRecord> rs = read("a.jsonl", "{\"a\":\"1\"}\n\n   \n\t\n{\"a\":\"2\"}\n\n");
      assertEquals(2, rs.size(), rs::toString);
      assertOk(rs.get(0), "line 1");
      assertOk(rs.get(1), "line 5");
    }

    @Test
    void malformedLineIsRejectedWithItsLineNumberAndOthersKept() {
      List<RawRecord> rs = read("a.jsonl", "{\"a\":\"1\"}\n{\"a\": \"cut off\n{\"a\":\"3\"}\n");
      assertEquals(3, rs.size());
      assertOk(rs.get(0), "line 1");
      assertRejected(rs.get(1), Reasons.MALFORMED_JSON, "line 2");
      assertEquals("{\"a\": \"cut off", rs.get(1).rawExcerpt());
      assertOk(rs.get(2), "line 3");
    }

    @Test
    void arrayLineIsNotAnObject() {
      List<RawRecord> rs = read("a.jsonl", "[{\"a\":\"1\"}]\n42\n\"text\"\n");
      assertRejected(rs.get(0), Reasons.NOT_AN_OBJECT, "line 1");
      assertRejected(rs.get(1), Reasons.NOT_AN_OBJECT, "line 2");
      assertRejected(rs.get(2), Reasons.NOT_AN_OBJECT, "line 3");
    }

    @Test
    void invalidUtf8OnlyRejectsItsOwnLine() {
      byte[] latin1Line = "{\"source\":\"Caf\u00e9\"}".getBytes(ISO_8859_1);
      List<RawRecord> rs =
          RecordReader.read(
              "a.jsonl", bytes("{\"a\":\"caf\u00e9\"}\n", latin1Line, "\n{\"a\":\"3\"}\n"));
      assertEquals(3, rs.size());
      assertOk(rs.get(0), "line 1");
      assertEquals("caf\u00e9", rs.get(0).fields().get("a"));
      assertRejected(rs.get(1), Reasons.INVALID_ENCODING, "line 2");
      assertOk(rs.get(2), "line 3");
    }

    @Test
    void nulBytesInALineAreBinaryContent() {
      List<RawRecord> rs =
          RecordReader.read(
              "a.jsonl",
              bytes("{\"a\":\"1\"}\n", new byte[] {'{', 0, 0, '}'}, "\n{\"a\":\"3\"}\n"));
      assertEquals(3, rs.size());
      assertRejected(rs.get(1), Reasons.BINARY_CONTENT, "line 2");
      assertFalse(rs.get(1).rawExcerpt().contains("\0"), "no NUL in an excerpt");
      assertOk(rs.get(2), "line 3");
    }

    @Test
    void crlfLineEndingsAreStripped() {
      List<RawRecord> rs = read("a.jsonl", "{\"a\":\"1\"}\r\n\r\n{\"a\":\"2\"}\r\n");
      assertEquals(2, rs.size());
      assertOk(rs.get(0), "line 1");
      assertOk(rs.get(1), "line 3");
      assertEquals("2", rs.get(1).fields().get("a"));
      assertFalse(rs.get(1).rawExcerpt().contains("\r"));
    }

    @Test
    void byteOrderMarkIsIgnored() {
      RawRecord r = only(read("a.jsonl", "\uFEFF{\"source\":\"A\"}\n"));
      assertOk(r, "line 1");
      assertEquals(Map.of("source", "A"), r.fields());
    }

    @Test
    void lastLineWithoutNewlineIsRead() {
      List<RawRecord> rs = read("a.ndjson", "{\"a\":\"1\"}\n{\"a\":\"2\"}");
      assertEquals(2, rs.size());
      assertOk(rs.get(1), "line 2");
    }
  }

  // ---- JSON ----

  @Nested
  class Json {
    @Test
    void arrayOfObjectsGivesItems() {
      List<RawRecord> rs = read("a.json", "[{\"source\":\"A\"},{\"source\":\"B\"}]");
      assertEquals(2, rs.size());
      assertOk(rs.get(0), "item 1");
      assertOk(rs.get(1), "item 2");
      assertEquals("B", rs.get(1).fields().get("source"));
    }

    @Test
    void singleObjectIsOneItem() {
      RawRecord r = only(read("a.json", "{\"source\":\"A\",\"text\":\"t\"}"));
      assertOk(r, "item 1");
      assertEquals(Map.of("source", "A", "text", "t"), r.fields());
    }

    @Test
    void articlesWrapperIsUnwrapped() {
      List<RawRecord> rs =
          read(
              "a.json",
              "{\"generated\":\"2025-02-07\",\"articles\":[{\"source\":\"A\"},{\"source\":\"B\"}]}");
      assertEquals(2, rs.size());
      assertOk(rs.get(0), "item 1");
      assertEquals("A", rs.get(0).fields().get("source"));
      assertOk(rs.get(1), "item 2");
    }

    @Test
    void nonObjectItemIsRejectedAndOthersKept() {
      List<RawRecord> rs = read("a.json", "[{\"source\":\"A\"}, \"oops\", 7, {\"source\":\"D\"}]");
      assertEquals(4, rs.size());
      assertOk(rs.get(0), "item 1");
      assertRejected(rs.get(1), Reasons.NOT_AN_OBJECT, "item 2");
      assertRejected(rs.get(2), Reasons.NOT_AN_OBJECT, "item 3");
      assertOk(rs.get(3), "item 4");
    }

    @Test
    void malformedJsonIsOneFileReject() {
      assertRejected(only(read("a.json", "[{\"source\":\"A\"},")), Reasons.MALFORMED_JSON, "file");
    }

    @Test
    void emptyArrayIsAnEmptyFile() {
      assertRejected(only(read("a.json", "[ ]")), Reasons.EMPTY_FILE, "file");
      assertRejected(only(read("a.json", "{\"articles\": []}")), Reasons.EMPTY_FILE, "file");
    }

    @Test
    void topLevelScalarIsNotAnObject() {
      assertRejected(only(read("a.json", "42")), Reasons.NOT_AN_OBJECT, "file");
    }

    @Test
    void byteOrderMarkIsIgnored() {
      assertOk(only(read("a.json", "\uFEFF[{\"source\":\"A\"}]")), "item 1");
    }

    @Test
    void contentAfterTheFirstJsonValueIsNotSilentlyDropped() {
      List<RawRecord> rs =
          read("a.json", "{\"source\":\"A\",\"text\":\"x\"}\n{\"source\":\"B\",\"text\":\"y\"}\n");
      // Either both objects are read, or the file is rejected: never one record and no trace of B.
      boolean bothRead = rs.size() == 2 && rs.stream().allMatch(RawRecord::readable);
      boolean rejected = rs.stream().anyMatch(r -> Reasons.MALFORMED_JSON.equals(r.reasonCode()));
      assertTrue(bothRead || rejected, rs::toString);
    }
  }

  // ---- CSV ----

  @Nested
  class Csv {
    @Test
    void quotedMultiLineFieldsWithCommasAndDoubledQuotes() {
      String csv =
          "source,title,text\n"
              + "A,\"Hello, world\",\"first line\nsecond, line with \"\"quotes\"\"\"\n"
              + "B,plain,simple\n";
      List<RawRecord> rs = read("a.csv", csv);
      assertEquals(2, rs.size());
      assertOk(rs.get(0), "record 1 (line 2)");
      assertEquals(
          Map.of(
              "source",
              "A",
              "title",
              "Hello, world",
              "text",
              "first line\nsecond, line with \"quotes\""),
          rs.get(0).fields());
      // record 1 spans lines 2-3, so record 2 starts on line 4
      assertOk(rs.get(1), "record 2 (line 4)");
      assertEquals(Map.of("source", "B", "title", "plain", "text", "simple"), rs.get(1).fields());
    }

    @Test
    void lineNumbersFollowSeveralMultiLineRecords() {
      String csv =
          "source,text\n" // line 1
              + "A,\"a\na\na\"\n" // lines 2-4
              + "B,b\n" // line 5
              + "C,\"c\nc\"\n" // lines 6-7
              + "D,d\n"; // line 8
      List<RawRecord> rs = read("a.csv", csv);
      assertEquals(
          List.of(
              "record 1 (line 2)", "record 2 (line 5)", "record 3 (line 6)", "record 4 (line 8)"),
          rs.stream().map(RawRecord::recordRef).toList());
    }

    @Test
    void crlfLineEndingsCountAsOneLine() {
      List<RawRecord> rs = read("a.csv", "source,text\r\nA,\"x\r\ny\"\r\nB,z\r\n");
      assertOk(rs.get(0), "record 1 (line 2)");
      assertOk(rs.get(1), "record 2 (line 4)");
      assertEquals("z", rs.get(1).fields().get("text"));
    }

    @Test
    void rowWithTheWrongFieldCountIsRejectedAlone() {
      List<RawRecord> rs =
          read("a.csv", "source,url,text\nA,u1,one\nB,u2\nC,u3,three,extra\nD,u4,four\n");
      assertEquals(4, rs.size());
      assertOk(rs.get(0), "record 1 (line 2)");
      assertRejected(rs.get(1), Reasons.MALFORMED_CSV, "record 2 (line 3)");
      assertTrue(
          rs.get(1).reason().contains("2") && rs.get(1).reason().contains("3"), rs.get(1).reason());
      assertRejected(rs.get(2), Reasons.MALFORMED_CSV, "record 3 (line 4)");
      assertOk(rs.get(3), "record 4 (line 5)");
    }

    @Test
    void unterminatedQuoteRejectsTheRestAndKeepsEarlierRecords() {
      String csv =
          "source,text\n"
              + "A,\"multi\nline\"\n" // record 1, lines 2-3
              + "B,fine\n" // record 2, line 4
              + "C,\"never closed\n" // record 3, line 5: broken from here
              + "D,swallowed\n";
      List<RawRecord> rs = read("a.csv", csv);
      assertEquals(3, rs.size(), rs::toString);
      assertOk(rs.get(0), "record 1 (line 2)");
      assertOk(rs.get(1), "record 2 (line 4)");
      assertRejected(rs.get(2), Reasons.MALFORMED_CSV, "record 3 (line 5)");
      assertEquals("C,\"never closed\nD,swallowed\n", rs.get(2).rawExcerpt());
    }

    @Test
    void headerOnlyIsAnEmptyFile() {
      assertRejected(only(read("a.csv", "source,text\n")), Reasons.EMPTY_FILE, "file");
    }

    @Test
    void emptyCellsAreLeftOut() {
      RawRecord r = only(read("a.csv", "source,url,text\nA,,t\n"));
      assertEquals(Map.of("source", "A", "text", "t"), r.fields());
    }

    @Test
    void byteOrderMarkBeforeTheHeaderIsIgnored() {
      RawRecord r = only(read("a.csv", "\uFEFFsource,text\nA,t\n"));
      assertEquals(Map.of("source", "A", "text", "t"), r.fields());
    }

    @Test
    void recordAfterABlankLineHasItsOwnLineNumber() {
      List<RawRecord> rs = read("a.csv", "source,text\nA,a\n\nB,b\n");
      assertEquals(2, rs.size());
      assertOk(rs.get(1), "record 2 (line 4)");
    }
  }

  // ---- text and Markdown with front matter ----

  @Nested
  class FrontMatter {
    private static final String DOC =
        """
        ---
        source: Gamma Gazette
        title: Ferry resumes
        published: 2025-02-07T18:30:00-05:00
        ---
        # Ferry resumes

        The **harbour ferry** is _back_ on *schedule*, the [port](https://port.example) said.
        """;

    @Test
    void frontMatterFieldsAreReadAndTheBodyKept() {
      RawRecord r = only(read("a.txt", DOC));
      assertOk(r, "file");
      assertEquals("Gamma Gazette", r.fields().get("source"));
      assertEquals("Ferry resumes", r.fields().get("title"));
      assertEquals("2025-02-07T18:30:00-05:00", r.fields().get("published"));
      // .txt bodies are kept verbatim, Markdown and all
      assertEquals(
          "# Ferry resumes\n\nThe **harbour ferry** is _back_ on *schedule*, the "
              + "[port](https://port.example) said.\n",
          r.fields().get("text"));
    }

    @Test
    void markdownBodyIsStrippedForMd() {
      RawRecord r = only(read("a.md", DOC));
      assertOk(r, "file");
      // the heading repeating the title is dropped; emphasis markers and link targets go
      assertEquals(
          "The harbour ferry is _back_ on schedule, the port said.", r.fields().get("text"));
    }

    @Test
    void markdownHeadingsQuotesAndCodeAreStripped() {
      RawRecord r = only(read("a.markdown", "## Background\nSome `code` here.\n> A quote.\n"));
      assertEquals("Background\nSome code here.\nA quote.", r.fields().get("text"));
    }

    @Test
    void imagesKeepOnlyTheirAltText() {
      RawRecord r = only(read("a.md", "Look: ![a ferry](img.png) there."));
      assertEquals("Look: a ferry there.", r.fields().get("text"));
    }

    @Test
    void headingAfterAParagraphKeepsTheParagraphBreak() {
      RawRecord r = only(read("a.md", "Intro.\n\n## Section\n\nBody.\n\n> Quote.\n"));
      assertEquals("Intro.\n\nSection\n\nBody.\n\nQuote.", r.fields().get("text"));
    }

    @Test
    void crlfFrontMatterIsRead() {
      RawRecord r = only(read("a.txt", "---\r\nsource: A\r\n---\r\nBody.\r\n"));
      assertEquals(Map.of("source", "A", "text", "Body.\n"), r.fields());
    }

    @Test
    void noFrontMatterGivesOnlyText() {
      RawRecord r = only(read("a.txt", "Just a body.\n\nTwo paragraphs.\n"));
      assertOk(r, "file");
      assertEquals(Map.of("text", "Just a body.\n\nTwo paragraphs.\n"), r.fields());
    }

    @Test
    void unclosedFrontMatterIsMalformed() {
      assertRejected(
          only(read("a.md", "---\nsource: A\ntitle: T\nThe body never starts.\n")),
          Reasons.MALFORMED_FRONT_MATTER,
          "file");
    }

    @Test
    void frontMatterThatIsAListIsMalformed() {
      assertRejected(
          only(read("a.txt", "---\n- source\n- A\n---\nBody.\n")),
          Reasons.MALFORMED_FRONT_MATTER,
          "file");
    }

    @Test
    void frontMatterThatIsAScalarIsMalformed() {
      assertRejected(
          only(read("a.txt", "---\njust a sentence\n---\nBody.\n")),
          Reasons.MALFORMED_FRONT_MATTER,
          "file");
    }

    @Test
    void frontMatterLineWithoutKeyIsMalformed() {
      // Front matter is 'key: value' lines kept as written (no YAML typing), so "[unclosed" is a
      // plain value; a line with no key is the malformed case.
      assertRejected(
          only(read("a.txt", "---\nsource A without a colon\n---\nBody.\n")),
          Reasons.MALFORMED_FRONT_MATTER,
          "file");
    }

    @Test
    void emptyFrontMatterIsAllowed() {
      RawRecord r = only(read("a.txt", "---\n---\nBody.\n"));
      assertOk(r, "file");
      assertEquals(Map.of("text", "Body.\n"), r.fields());
    }

    @Test
    void frontMatterValuesAreKeptAsWritten() {
      RawRecord r = only(read("a.txt", "---\nsource: A\ncountry: NO\nid: 0012\n---\nBody.\n"));
      assertEquals("NO", r.fields().get("country"));
      assertEquals("0012", r.fields().get("id"));
    }
  }

  // ---- HTML ----

  @Nested
  class Html {
    private static final String PAGE =
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <title>Council passes budget | Beta Post</title>
          <meta property="og:title" content="Council passes budget">
          <meta name="parallax:source" content="Beta Post">
          <meta property="og:site_name" content="betapost.example">
          <link rel="canonical" href="https://beta.example/budget">
          <meta property="og:url" content="https://beta.example/other">
          <meta property="article:published_time" content="2025-02-08T12:00:00Z">
          <meta name="author" content="Jo Reporter">
          <meta name="parallax:id" content="bp-17">
          <meta name="parallax:story" content="transit-budget">
          <meta name="parallax:country" content="GB">
          <meta name="parallax:source_type" content="newspaper">
          <meta name="parallax:synthetic" content="true">
          <style>p { color: red; }</style>
          <script>var tracking = "<p>not text</p>";</script>
        </head>
        <body>
          <header><p>Site header</p></header>
          <nav><p>Home | News</p></nav>
          <p>Outside the article.</p>
          <article>
            <h1>Council passes budget</h1>
            <p>Council approved the budget &mdash; seven votes to two.</p>
            <script>document.write("<p>injected</p>")</script>
            <aside><p>Related: other stories</p></aside>
            <p>Fares rise by 5&nbsp;% &amp; service &lt;improves&gt;.</p>
            <ul><li>Item one</li><li>Item <em>two</em></li></ul>
            <blockquote><p>&ldquo;A good day,&rdquo; the mayor said.</p></blockquote>
            <figure><img src="x.png"><figcaption>A caption</figcaption></figure>
          </article>
          <footer><p>Copyright</p></footer>
        </body>
        </html>
        """;

    @Test
    void metadataIsReadFromMetaTags() {
      RawRecord r = only(read("page.html", PAGE));
      assertOk(r, "file");
      Map<String, String> f = r.fields();
      assertEquals("Beta Post", f.get("source"), "parallax:source wins over og:site_name");
      assertEquals("Council passes budget", f.get("title"), "og:title wins over <title>");
      assertEquals("https://beta.example/budget", f.get("url"), "canonical wins over og:url");
      assertEquals("2025-02-08T12:00:00Z", f.get("published"));
      assertEquals("Jo Reporter", f.get("author"));
      assertEquals("en-GB", f.get("language"));
      assertEquals("bp-17", f.get("id"));
      assertEquals("transit-budget", f.get("story"));
      assertEquals("GB", f.get("country"));
      assertEquals("newspaper", f.get("source_type"));
      assertEquals("true", f.get("synthetic"));
    }

    @Test
    void textIsTheArticleParagraphsOnlyWithEntitiesDecoded() {
      String text = only(read("page.html", PAGE)).fields().get("text");
      assertEquals(
          "Council approved the budget \u2014 seven votes to two.\n\n"
              + "Fares rise by 5 % & service <improves>.\n\n" // jsoup's text() turns &nbsp; into a
              // space
              // The list of two two-word items is dropped: Readability's conditional cleaning
              // takes a list with that little text for page furniture (MainText).
              + "\u201CA good day,\u201D the mayor said.",
          text);
      for (String dropped :
          List.of(
              "Site header",
              "Home",
              "Outside",
              "tracking",
              "injected",
              "Related",
              "Copyright",
              "caption",
              "color")) {
        assertFalse(text.contains(dropped), () -> "should drop '" + dropped + "': " + text);
      }
    }

    @Test
    void fallbacksForSourceTitleUrlAndDate() {
      String page =
          "<html><head><title>Plain title</title>"
              + "<meta property=\"og:site_name\" content=\"Site Name\">"
              + "<meta property=\"og:url\" content=\"https://site.example/a\">"
              + "</head><body><main><time datetime=\"2025-02-07\">7 Feb</time><p>Body.</p></main></body></html>";
      Map<String, String> f = only(read("a.htm", page)).fields();
      assertEquals("Site Name", f.get("source"));
      assertEquals("Plain title", f.get("title"));
      assertEquals("https://site.example/a", f.get("url"));
      assertEquals("2025-02-07", f.get("published"));
      assertEquals("Body.", f.get("text"));
      assertNull(f.get("language"));
    }

    @Test
    void titleFallsBackToTheFirstHeading() {
      Map<String, String> f =
          only(read("a.html", "<body><h1>Heading</h1><p>x</p></body>")).fields();
      assertEquals("Heading", f.get("title"));
    }

    @Test
    void pageWithoutParagraphsUsesTheBodyText() {
      Map<String, String> f =
          only(read("a.html", "<body><div>Just a div &amp; text</div></body>")).fields();
      assertEquals("Just a div & text", f.get("text"));
    }
  }

  // ---- gzip ----

  @Nested
  class Gzip {
    @Test
    void gzippedJsonLines() {
      List<RawRecord> rs =
          RecordReader.read("a.jsonl.gz", gzip(bytes("{\"source\":\"A\"}\n{\"source\":\"B\"}\n")));
      assertEquals(2, rs.size());
      assertOk(rs.get(1), "line 2");
      assertEquals("B", rs.get(1).fields().get("source"));
    }

    @Test
    void gzippedText() {
      RawRecord r =
          only(RecordReader.read("a.txt.gz", gzip(bytes("---\nsource: A\n---\n**Body**\n"))));
      assertOk(r, "file");
      assertEquals(Map.of("source", "A", "text", "**Body**\n"), r.fields());
    }

    @Test
    void gzippedMarkdownIsStripped() {
      RawRecord r = only(RecordReader.read("a.md.gz", gzip(bytes("**Body**\n"))));
      assertEquals("Body", r.fields().get("text"));
    }

    @Test
    void corruptGzipIsUnreadable() {
      byte[] full = gzip(bytes(repeat('x', 500)));
      assertRejected(
          only(RecordReader.read("a.jsonl.gz", Arrays.copyOf(full, full.length / 2))),
          Reasons.UNREADABLE_FILE,
          "file");
      assertRejected(
          only(RecordReader.read("a.txt.gz", bytes("plain text, not gzip"))),
          Reasons.UNREADABLE_FILE,
          "file");
    }

    @Test
    void gzipOfNothingIsAnEmptyFile() {
      assertRejected(
          only(RecordReader.read("a.jsonl.gz", gzip(new byte[0]))), Reasons.EMPTY_FILE, "file");
    }
  }

  // ---- whole-file rejects ----

  @Nested
  class WholeFile {
    @ParameterizedTest
    @ValueSource(strings = {"a.jsonl", "a.json", "a.csv", "a.txt", "a.md", "a.html"})
    void emptyFileIsRejected(String name) {
      assertRejected(only(RecordReader.read(name, new byte[0])), Reasons.EMPTY_FILE, "file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.jsonl", "a.json", "a.csv", "a.txt"})
    void whitespaceOnlyFileIsEmpty(String name) {
      assertRejected(only(read(name, " \n\r\n\t \n")), Reasons.EMPTY_FILE, "file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.docx", "feed.xml", "README", "data.tsv", "a.gz"})
    void unknownExtensionIsRejected(String name) {
      RawRecord r = only(read(name, "<xml>whatever</xml>"));
      assertRejected(r, Reasons.UNKNOWN_FORMAT, "file");
      assertEquals(name, r.inputFile());
    }

    @Test
    void nulBytesInATextFileAreBinaryContent() {
      RawRecord r =
          only(RecordReader.read("photo.txt", bytes("\u0089PNG", new byte[] {0, 0, 1, 2})));
      assertRejected(r, Reasons.BINARY_CONTENT, "file");
      assertFalse(r.rawExcerpt().contains("\0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.txt", "a.md", "a.csv", "a.json"})
    void latin1FileIsInvalidEncoding(String name) {
      byte[] latin1 = "source,text\nCaf\u00e9,\u00e9t\u00e9\n".getBytes(ISO_8859_1);
      assertRejected(only(RecordReader.read(name, latin1)), Reasons.INVALID_ENCODING, "file");
    }

    /** HTML names its own charset; bytes that are not UTF-8 and name none are windows-1252. */
    @Test
    void htmlInALegacyCharsetIsDecoded() {
      String para =
          "Caf\u00e9 owners on the quay say the \u20ac4.2m repairs are \u201clong overdue\u201d.";
      byte[] declared =
          ("<html><head><meta charset=\"windows-1252\"></head><body><p>"
                  + para
                  + "</p></body></html>")
              .getBytes(java.nio.charset.Charset.forName("windows-1252"));
      RawRecord r = only(RecordReader.read("a.html", declared));
      assertEquals(para, r.fields().get("text"));
      assertNull(r.fields().get(ArticleRules.INGEST_WARNING));
      byte[] undeclared =
          ("<html><body><p>" + para + "</p></body></html>")
              .getBytes(java.nio.charset.Charset.forName("windows-1252"));
      RawRecord u = only(RecordReader.read("b.html", undeclared));
      assertEquals(para, u.fields().get("text"));
      assertTrue(u.fields().get(ArticleRules.INGEST_WARNING).contains("windows-1252"));
    }
  }

  // ---- raw excerpts ----

  @Nested
  class Excerpts {
    @Test
    void longLineExcerptIsCutAt1024Bytes() {
      String line = "{\"text\":\"" + repeat('a', 3000) + "\"}";
      RawRecord r = only(read("a.jsonl", line));
      assertEquals(1024, utf8Length(r.rawExcerpt()));
      assertTrue(line.startsWith(r.rawExcerpt()));
    }

    /** Puts a multi-byte character across the 1024-byte mark at every possible offset. */
    @ParameterizedTest
    @ValueSource(ints = {1018, 1019, 1020, 1021, 1022, 1023, 1024})
    void excerptNeverSplitsAMultiByteCharacter(int asciiBefore) {
      for (String ch : List.of("\u00e9", "\u65E5", "\uD83D\uDE00")) { // 2, 3 and 4 bytes
        String text = repeat('a', asciiBefore) + ch + ch + repeat('b', 2000);
        for (String name : List.of("a.txt", "a.jsonl")) {
          String excerpt = only(read(name, text)).rawExcerpt();
          assertTrue(utf8Length(excerpt) <= 1024, () -> name + ": " + utf8Length(excerpt));
          assertTrue(utf8Length(excerpt) > 1024 - 4);
          assertFalse(excerpt.contains("\uFFFD"), name + " split a character");
          assertTrue(text.startsWith(excerpt));
        }
      }
    }

    @Test
    void csvAndJsonExcerptsAreBoundedToo() {
      String big = repeat('\u00e9', 2000);
      RawRecord csv = read("a.csv", "source,text\nA," + big + "\n").get(0);
      assertTrue(utf8Length(csv.rawExcerpt()) <= 1024);
      RawRecord json = read("a.json", "[{\"text\":\"" + big + "\"}]").get(0);
      assertTrue(utf8Length(json.rawExcerpt()) <= 1024);
      assertFalse(json.rawExcerpt().contains("\uFFFD"));
    }

    @Test
    void excerptOfUndecodableBytesStaysWithin1024Bytes() {
      byte[] latin1 = new byte[3000];
      Arrays.fill(latin1, (byte) 0xE9);
      assertTrue(utf8Length(only(RecordReader.read("a.txt", latin1)).rawExcerpt()) <= 1024);
      byte[] nul = new byte[3000];
      assertTrue(utf8Length(only(RecordReader.read("a.txt", nul)).rawExcerpt()) <= 1024);
    }
  }
}
