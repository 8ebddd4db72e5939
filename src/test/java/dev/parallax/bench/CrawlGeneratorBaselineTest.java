package dev.parallax.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.TestSpark;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawl yardstick counts the words of the generated WARC files as a second count does. */
class CrawlGeneratorBaselineTest {
  @TempDir Path tmp;

  @Test
  void countsEveryWordOfTheDecompressedFiles() throws IOException {
    CrawlGenerator.Crawl crawl = new CrawlGenerator(3).write(tmp.resolve("crawl"), 40);
    WarcBaseline.Result r =
        WarcBaseline.run(
            TestSpark.get(), crawl.warcDir().toString(), tmp.resolve("out").toString());
    // a second count: the whole decompressed text, lowercased, runs of letters and digits
    long words = 0;
    Set<String> distinct = new HashSet<>();
    for (Path f : crawl.warcFiles()) {
      String text;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      }
      StringBuilder word = new StringBuilder();
      for (int i = 0; i <= text.length(); ) {
        int cp = i < text.length() ? text.codePointAt(i) : ' ';
        if (Character.isLetter(cp) || isNumber(cp)) {
          word.appendCodePoint(cp);
        } else if (word.length() > 0) {
          words++;
          distinct.add(word.toString());
          word.setLength(0);
        }
        i += Character.charCount(cp);
      }
    }
    assertTrue(words > 10_000, words + " words");
    assertEquals(words, r.words());
    assertEquals(distinct.size(), r.wordRows());
  }

  private static boolean isNumber(int cp) {
    int t = Character.getType(cp);
    return t == Character.DECIMAL_DIGIT_NUMBER
        || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER;
  }
}
