package dev.parallax.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;
import dev.parallax.TestSpark;
import dev.parallax.ingest.RawRecord;
import dev.parallax.ingest.RecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link NlpPipeline} calls Spark NLP's word-level annotators once per distinct word and cuts long
 * texts before sentence detection. Here its output is checked against the same annotators chained
 * in one Spark NLP pipeline and run on whole texts through a LightPipeline, the plain way, on every
 * text of the bundled coverage, the bad-input corpus, the tone dev set and typographic edge cases.
 */
class NlpEquivalenceTest {
  static NlpPipeline fast;
  static NlpPipeline sparkNlp;
  static LightPipeline chained;
  static LightPipeline detector;

  @BeforeAll
  static void build() {
    TestSpark.get();
    SentenceAnnotator.PhraseIndex index =
        SentenceAnnotator.PhraseIndex.of(NlpFixtures.lexicons().themes());
    fast = NlpPipeline.withMatcher(index.stemPhrases());
    sparkNlp =
        NlpPipeline.withMatcher(index.stemPhrases(), NlpPipeline.SentenceDetection.SPARK_NLP);
    detector =
        new LightPipeline(
            new PipelineModel(
                "detector",
                new Transformer[] {
                  NlpPipeline.documentAssembler(), NlpPipeline.sentenceDetector()
                }),
            false);
    chained =
        new LightPipeline(
            new PipelineModel(
                "chained",
                new Transformer[] {
                  NlpPipeline.documentAssembler(), NlpPipeline.sentenceDetector(),
                      NlpPipeline.tokenizer(),
                  NlpPipeline.normalizer(), NlpPipeline.stemmer(),
                      NlpPipeline.matcher(index.stemPhrases())
                }),
            false);
  }

  static final List<String> EDGE_CASES =
      List.of(
          "U.S. President Donald Trump met Mr. Ishiba on Feb. 7 at the White House. Japan is the "
              + "No. 1 investor in the U.S. economy. Dr. Sato agreed.",
          "“We will defend Japan,” he said. “Absolutely!” Trump added? Officials nodded.\n\nA new "
              + "paragraph starts here",
          "Japan’s defense spending—but not tariffs—rose 2% to $1 trillion in U.S.-Japan talks.",
          "\"U.S.\" (U.N.) [E.U.] 'Mr.' ‘Ms.’ at 9 a.m., i.e. early; e.g. late… Co.'s Ltd.’s",
          "石破茂首相は7日、ホワイトハウスでトランプ大統領と会談した。日米同盟を強化する。",
          "石破首相与特朗普总统举行会谈。双方讨论了关税和安全问题。",
          "Line one\r\nline two.\r\n\r\nNew paragraph.   Trailing spaces.   ",
          "   leading spaces. And a tab\tinside. Numbers 1,000.50 and 3.5% and 10-year bonds.",
          "Emoji 🇯🇵🤝🇺🇸 stay tokens. Ishiba-Trump summit; Abe-era ties. JAPAN'S ALLIANCE.",
          "",
          "   ",
          ".",
          "...",
          "— – -");

  static List<String> texts() throws IOException {
    List<String> texts = new ArrayList<>(EDGE_CASES);
    for (String dir :
        List.of(
            "data/coverage", "src/test/resources/corpus-bad", "src/test/resources/corpus-mini")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        for (Path f : files.sorted().filter(f -> !f.endsWith("README.md")).toList()) {
          for (RawRecord r : RecordReader.read(f.toString(), Files.readAllBytes(f))) {
            if (r.readable() && r.fields().get("text") != null) {
              texts.add(r.fields().get("text"));
            }
          }
        }
      }
    }
    StringBuilder paragraph = new StringBuilder();
    for (String line : Files.readAllLines(Path.of("src/test/resources/tone/devset.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      paragraph.append(line.split("\t", -1)[0]).append(' ');
      if (paragraph.length() > 2000) {
        texts.add(paragraph.toString());
        paragraph.setLength(0);
      }
    }
    texts.add(paragraph.toString());
    return texts;
  }

  @Test
  void sameAnnotationsAsTheChainedSparkNlpPipeline() throws IOException {
    List<String> texts = texts();
    texts.addAll(generated(150, 11));
    assertTrue(texts.size() > 150, "texts: " + texts.size());
    int sentences = 0;
    int matches = 0;
    int cut = 0;
    for (String text : texts) {
      List<NlpPipeline.Sentence> expected = reference(text);
      if (longestSentence(expected) >= NlpPipeline.MAX_CHUNK_CHARS) {
        continue;
      }
      assertSame(expected, fast.annotate(text), text);
      assertSame(expected, sparkNlp.annotate(text), text);
      // pieces much shorter than a paragraph: cuts after nearly every sentence
      assertSame(expected, fast.annotate(text, 150), text);
      assertSame(expected, sparkNlp.annotate(text, 150), text);
      sentences += expected.size();
      matches += expected.stream().mapToInt(s -> s.matchedStems().size()).sum();
      cut +=
          NlpPipeline.chunks(text, NlpPipeline.CHUNK_CHARS, NlpPipeline.MAX_CHUNK_CHARS).length - 2;
    }
    assertTrue(
        sentences > 500 && matches > 100 && cut > 50,
        sentences + " sentences, " + matches + " matches, " + cut + " cuts");
  }

  /**
   * The splitter against Spark NLP's detector alone (document assembler and sentence detector, as
   * configured for annotate) on every text: same sentences, same begin and end, same text.
   */
  @Test
  void theSplitterGivesTheDetectorsBoundaries() throws IOException {
    List<String> texts = texts();
    texts.addAll(generated(3_000, 7));
    int sentences = 0;
    for (String text : texts) {
      List<String> expected = detected(text);
      assertEquals(expected, split(text), () -> "text: «" + text + "»");
      sentences += expected.size();
    }
    assertTrue(sentences > 10_000, "sentences: " + sentences);
  }

  /**
   * The detector rewrites its reserved symbols in its output and then cannot find the sentence in
   * its input: on "Price ╞ 4. Next one." it gives begin -1 and the text "Price . 4.". Both paths
   * split the text with those symbols masked, so each sentence has the detector's boundaries on the
   * masked text and its own text as written; words without the symbols are annotated alike.
   */
  @Test
  void aTextWithTheDetectorsReservedSymbolsIsSplitWithThemMasked() {
    List<NlpPipeline.Sentence> rewritten = reference("Price ╞ 4. Next one.");
    assertEquals(-1, rewritten.get(0).begin());
    assertEquals("Price . 4.", rewritten.get(0).text());
    for (String text :
        List.of(
            "One.\uF050 Two.",
            "Price ╞ 4. Next one.",
            "Box ═ drawing. Fine ╬ here.",
            "A \uF051 b. \uF052 C. D ╬. Tariffs ═ rose. Mr. Abe ╞ spoke!")) {
      assertEquals(null, SentenceSplitter.split(text), text);
      String masked = SentenceSplitter.maskReserved(text);
      assertEquals(text.length(), masked.length());
      List<NlpPipeline.Sentence> expected = reference(masked);
      for (NlpPipeline pipeline : List.of(fast, sparkNlp)) {
        List<NlpPipeline.Sentence> actual = pipeline.annotate(text);
        assertEquals(expected.size(), actual.size(), text);
        for (int i = 0; i < expected.size(); i++) {
          NlpPipeline.Sentence e = expected.get(i);
          NlpPipeline.Sentence a = actual.get(i);
          assertEquals(e.begin() + "-" + e.end(), a.begin() + "-" + a.end(), text);
          assertEquals(text.substring(a.begin(), a.end() + 1).strip(), a.text(), text);
          assertEquals(e.tokens().size(), a.tokens().size(), text);
          assertEquals(e.normalized(), a.normalized(), text);
          assertEquals(e.stems(), a.stems(), text);
          assertEquals(e.matchedStems(), a.matchedStems(), text);
        }
      }
    }
  }

  /**
   * Texts with stretches of 9,000 to 45,000 characters without a sentence end: the splitter then
   * works on the same pieces as Spark NLP's path, which cuts a "sentence" of more than {@link
   * NlpPipeline#MAX_CHUNK_CHARS} at a space; both paths give the same annotations.
   */
  @Test
  void longStretchesWithoutSentenceEndsAreCutAsOnTheSparkNlpPath() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int length : new int[] {9_000, 9_990, 10_010, 18_990, 19_010, 20_500, 31_000, 45_000}) {
      StringBuilder b = new StringBuilder("Mr. Ishiba met the U.S. president. Then ");
      while (b.length() < length) {
        b.append(r.nextInt(5) == 0 ? "Japan " : "word").append(r.nextInt(97)).append(' ');
      }
      b.append("end. A short one.\n\nAnother paragraph! And “quotes.” Last.");
      String text = b.toString();
      if (length >= 18_990) {
        // the splitter then works on Spark NLP's pieces, not on the whole text
        assertTrue(!NlpPipeline.sentencesAreShort(SentenceSplitter.split(text), text.length()));
      }
      assertSame(sparkNlp.annotate(text), fast.annotate(text), text);
    }
  }

  /**
   * Runs of punctuation make the sentence-end regular expression backtrack (time quadratic in the
   * run); the splitter reads each run once. Checked on a run short enough for the detector.
   */
  @Test
  void aLongRunOfPunctuationIsReadOnce() {
    String text = "Start here. " + "!".repeat(3_000) + " Next sentence. " + ".?".repeat(2_000);
    assertEquals(detected(text), split(text));
    String huge = "Start here. " + "!".repeat(2_000_000) + " Next sentence.";
    int[] bounds = SentenceSplitter.split(huge);
    // "here." is not a sentence end (no capital follows); the run of "!" is
    assertArrayEquals(new int[] {0, 2_000_011, 2_000_013, huge.length() - 1}, bounds);
  }

  /** Spark NLP's detector on a whole text: "begin-end:text" per sentence. */
  static List<String> detected(String text) {
    List<String> out = new ArrayList<>();
    for (IAnnotation a : detector.fullAnnotateJava(text).getOrDefault("sentence", List.of())) {
      JavaAnnotation s = (JavaAnnotation) a;
      out.add(s.begin() + "-" + s.end() + ":" + s.result());
    }
    return out;
  }

  static List<String> split(String text) {
    int[] bounds = SentenceSplitter.split(text);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < bounds.length; k += 2) {
      out.add(bounds[k] + "-" + bounds[k + 1] + ":" + text.substring(bounds[k], bounds[k + 1] + 1));
    }
    return out;
  }

  /**
   * Invented texts for the boundary checks: half news-like sentences with abbreviations (Mr., U.S.,
   * Feb. 7, No. 1, a.m.), quotes, numbers and paragraph breaks; half random sequences of the
   * characters and words the bounds treat specially (punctuation runs, closing and opening quotes,
   * single capitals, every kind of whitespace, control characters, non-breaking and ideographic
   * spaces, CJK text, emoji).
   */
  static List<String> generated(int count, long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    String[] subjects = {
      "Mr. Ishiba",
      "U.S. President Trump",
      "Dr. Sato",
      "The U.K. envoy",
      "Gov. Abe",
      "Japan",
      "Sen. Smith",
      "A. Tanaka",
      "The E.U.",
      "Officials",
      "“Washington”",
      "(Tokyo)",
      "No. 10"
    };
    String[] verbs = {
      "met", "said", "agreed", "warned", "will visit", "asked about", "praised", "rejected"
    };
    String[] objects = {
      "the alliance", "tariffs of 25%", "$1 trillion in investment", "Feb. 7 talks",
      "the 10-year plan", "U.S.-Japan ties", "a deal at 9 a.m.", "i.e. the summit",
      "e.g. steel", "Nippon Steel Corp.", "the No. 1 investor", "defense spending of 2.5%"
    };
    String[] ends = {".", ".", ".", "!", "?", "...", "?!", ".”", "!”", "?’", ".)", ".\"", "…", ""};
    String[] starts = {"", "", "", "“", "‘", "(", "\"", "1", "In 2025, "};
    String[] gaps = {" ", " ", " ", "  ", "\n", "\n\n", "\r\n\r\n", "\n \n", "\t", " \n\n "};
    String[] soup = {
      "Mr",
      "Mr.",
      "U.S",
      "U.S.",
      "e.g.",
      "p.m.",
      "Feb.",
      "No.",
      "A.",
      "B",
      "x.",
      ".",
      "!",
      "?",
      "..",
      "!!",
      "?!",
      ".\"",
      ".”",
      "’",
      ")",
      "(",
      "“",
      "‘",
      "\"",
      "A",
      "Z",
      "a",
      "1",
      "9",
      "é",
      "É",
      "日本。",
      "石破",
      "🇯🇵",
      "—",
      "-",
      "...",
      "…",
      "Ishiba",
      "TRUMP",
      "said",
      " ",
      "\n",
      "\n\n",
      "\r",
      "\t",
      "\f",
      "\u000B",
      "\u00A0",
      "\u001F",
      "\u2028",
      "\u3000",
      "\n\u00A0\n"
    };
    List<String> out = new ArrayList<>(count);
    for (int t = 0; t < count; t++) {
      StringBuilder b = new StringBuilder();
      if (t % 2 == 0) {
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
          b.append(starts[r.nextInt(starts.length)])
              .append(subjects[r.nextInt(subjects.length)])
              .append(' ')
              .append(verbs[r.nextInt(verbs.length)])
              .append(' ')
              .append(objects[r.nextInt(objects.length)])
              .append(ends[r.nextInt(ends.length)])
              .append(gaps[r.nextInt(gaps.length)]);
        }
      } else {
        int n = 1 + r.nextInt(40);
        for (int i = 0; i < n; i++) {
          b.append(soup[r.nextInt(soup.length)]);
          if (r.nextInt(3) == 0) {
            b.append(' ');
          }
        }
      }
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void aSentenceLongerThanTheLimitIsCutAtASpaceAndLosesNoToken() {
    StringBuilder b = new StringBuilder("Start. Then ");
    for (int i = 0; b.length() < 3 * NlpPipeline.MAX_CHUNK_CHARS; i++) {
      b.append("word").append(i % 97).append(' ');
    }
    b.append("end. Last sentence.");
    String text = b.toString();
    List<NlpPipeline.Sentence> expected = reference(text);
    List<NlpPipeline.Sentence> actual = fast.annotate(text);
    assertEquals(3, expected.size());
    assertTrue(actual.size() > 3, "the long sentence is cut: " + actual.size());
    assertEquals(
        expected.stream().flatMap(s -> s.tokens().stream()).toList(),
        actual.stream().flatMap(s -> s.tokens().stream()).toList());
    assertTrue(actual.stream().allMatch(s -> s.end() - s.begin() < NlpPipeline.MAX_CHUNK_CHARS));
    assertEquals(expected.get(2).text(), actual.get(actual.size() - 1).text());
  }

  @Test
  void chunksEndAfterParagraphBreaksThenSentenceEndsThenSpaces() {
    String text = "One two. Three four.\n\nFive six seven. Eight nine.";
    // the paragraph break (ends at 22) is the last cut point within 30 characters
    assertArrayEquals(new int[] {0, 22, text.length()}, NlpPipeline.chunks(text, 30, 100));
    // within 14: "two. " ends at 9, then the paragraph break at 22; "Five six seven." has no
    // sentence end within 14 characters, so the chunk runs on to the next one, ending at 38
    assertArrayEquals(new int[] {0, 9, 22, 38, text.length()}, NlpPipeline.chunks(text, 14, 100));
    // the end of the text counts as a sentence end
    assertArrayEquals(
        new int[] {0, 17, 25}, NlpPipeline.chunks("Aaa bbb ccc ddd. Eee fff.", 5, 20));
    // no sentence end within the maximum: cut after the last space within it
    assertArrayEquals(new int[] {0, 6, 12, 15}, NlpPipeline.chunks("aaaaa bbbbb ccc", 7, 7));
    // and a word longer than the maximum stays whole
    assertArrayEquals(new int[] {0, 10, 13}, NlpPipeline.chunks("aaaaaaaaa bbb", 4, 4));
    assertArrayEquals(new int[] {0, 0}, NlpPipeline.chunks("", 10, 10));
  }

  @Test
  void theGuardInFrontOfTheSentenceEndRegexChangesNoMatch() throws IOException {
    String guard = "(?=[.!?])";
    assertTrue(NlpPipeline.SENTENCE_END.startsWith(guard));
    java.util.regex.Pattern guarded = java.util.regex.Pattern.compile(NlpPipeline.SENTENCE_END);
    java.util.regex.Pattern plain =
        java.util.regex.Pattern.compile(NlpPipeline.SENTENCE_END.substring(guard.length()));
    int found = 0;
    for (String text : texts()) {
      List<String> a = guarded.matcher(text).results().map(m -> m.start() + "-" + m.end()).toList();
      List<String> b = plain.matcher(text).results().map(m -> m.start() + "-" + m.end()).toList();
      assertEquals(b, a);
      found += a.size();
    }
    assertTrue(found > 500, "sentence ends: " + found);
  }

  @Test
  void thePieceScannerIsTheTokenizersTargetPattern() {
    java.util.regex.Pattern target = java.util.regex.Pattern.compile(NlpPipeline.TOKEN_TARGET);
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      assertEquals(
          target.matcher(String.valueOf(c)).matches(),
          NlpPipeline.isTargetChar(c),
          "U+" + Integer.toHexString(c));
    }
  }

  private static int longestSentence(List<NlpPipeline.Sentence> sentences) {
    return sentences.stream().mapToInt(s -> s.end() - s.begin() + 1).max().orElse(0);
  }

  private static void assertSame(
      List<NlpPipeline.Sentence> expected, List<NlpPipeline.Sentence> actual, String text) {
    String where = "text: " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
    assertEquals(expected.size(), actual.size(), "sentence count; " + where);
    for (int i = 0; i < expected.size(); i++) {
      NlpPipeline.Sentence e = expected.get(i);
      NlpPipeline.Sentence a = actual.get(i);
      String at = "sentence " + i + " «" + e.text() + "»; " + where;
      assertEquals(e.index(), a.index(), at);
      assertEquals(e.begin(), a.begin(), "begin of " + at);
      assertEquals(e.end(), a.end(), "end of " + at);
      assertEquals(e.text(), a.text(), at);
      assertEquals(e.tokens(), a.tokens(), "tokens of " + at);
      assertEquals(e.normalized(), a.normalized(), "normalized of " + at);
      assertEquals(e.stems(), a.stems(), "stems of " + at);
      assertEquals(e.matchedStems(), a.matchedStems(), "matches of " + at);
      assertEquals(e.matchedText(), a.matchedText(), "matched text of " + at);
      assertEquals(spans(e), spans(a), "match spans of " + at);
    }
  }

  private static List<String> spans(NlpPipeline.Sentence s) {
    return s.matchedSpans().stream().map(x -> x[0] + "-" + x[1]).toList();
  }

  /** The plain way: every annotator on every annotation, collected by sentence metadata. */
  static List<NlpPipeline.Sentence> reference(String text) {
    Map<String, List<IAnnotation>> out = chained.fullAnnotateJava(text);
    List<IAnnotation> sents = out.getOrDefault("sentence", List.of());
    int n = sents.size();
    List<List<String>> tokens = lists(n);
    List<List<String>> normal = lists(n);
    List<List<String>> stems = lists(n);
    List<List<String>> matchStems = lists(n);
    List<List<String>> matchText = lists(n);
    List<List<int[]>> spans = lists(n);
    collect(out.get("token"), tokens, null, null, null);
    collect(out.get("normal"), normal, null, null, null);
    collect(out.get("stem"), stems, null, null, null);
    collect(out.get("theme"), matchStems, matchText, spans, text);
    List<NlpPipeline.Sentence> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      JavaAnnotation s = (JavaAnnotation) sents.get(i);
      result.add(
          new NlpPipeline.Sentence(
              i,
              s.begin(),
              s.end(),
              s.result().strip(),
              tokens.get(i),
              normal.get(i),
              stems.get(i),
              matchStems.get(i),
              matchText.get(i),
              spans.get(i)));
    }
    return result;
  }

  private static <T> List<List<T>> lists(int n) {
    List<List<T>> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(new ArrayList<>());
    }
    return l;
  }

  private static void collect(
      List<IAnnotation> annotations,
      List<List<String>> results,
      List<List<String>> surfaces,
      List<List<int[]>> spans,
      String text) {
    if (annotations == null) {
      return;
    }
    for (IAnnotation a : annotations) {
      JavaAnnotation j = (JavaAnnotation) a;
      String idx = j.metadata().get("sentence");
      int s = idx == null ? 0 : Integer.parseInt(idx);
      if (s < 0 || s >= results.size() || j.result().isEmpty()) {
        continue;
      }
      results.get(s).add(j.result());
      if (surfaces != null) {
        surfaces
            .get(s)
            .add(text.substring(Math.max(0, j.begin()), Math.min(text.length(), j.end() + 1)));
        spans.get(s).add(new int[] {j.begin(), j.end()});
      }
    }
  }
}
