package dev.parallax.nlp.tone;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Lexicons and token helpers shared by the tone tests. */
final class TestLexicons {

  /** A few VADER-format lines; values as in the real VADER lexicon. */
  static final String VADER =
      """
            good\t1.9\t0.9434\t[2, 1, 2, 3, 3, 1, 2, 2, 1, 2]
            bad\t-2.5\t0.67082\t[-3, -2, -2, -3, -2, -3, -3, -2, -2, -3]
            great\t3.1\t0.7\t[3, 3, 4, 4, 2, 3, 2, 3, 4, 3]
            like\t1.5\t0.67082\t[2, 2, 1, 1, 1, 2, 2, 2, 1, 1]
            peace\t2.5\t1.0247\t[3, 3, 1, 4, 4, 2, 2, 1, 2, 3]
            tensions\t-1.7\t0.64031\t[-2, -2, -1, -2, -2, -1, -1, -2, -3, -1]
            win\t2.8\t0.87178\t[3, 2, 4, 3, 3, 2, 4, 2, 2, 3]
            kind\t2.4\t0.66332\t[2, 2, 3, 2, 3, 3, 2, 3, 1, 3]
            no\t-1.2\t0.74833\t[-1, -1, 0, -1, -2, -1, -1, -2, -1, -2]
            yeah\t1.2\t0.6\t[1, 1, 1, 2, 1, 1, 1, 2, 2, 0]
            critical\t-1.3\t0.9\t[-1, -2, -1, -1, -1, -3, 0, -1, -2, -1]
            """;

  static final String DOMAIN =
      """
            # Test domain lexicon
            term\tvalence\trationale
            peace and stability\t2.4\tdiplomatic stock phrase, milder than 'peace'
            tensions\t-1.5\tmilder in news usage than in VADER's ratings
            critical minerals\t0\tindustry term, 'critical' is not negative here
            win-win\t2.0\tcliché of joint statements
            alliance\t1.0\tmildly positive
            peace talks\t1.0\tprocess, mildly positive
            peace talks collapse\t-2.0\tlonger phrase wins
            """;

  private TestLexicons() {}

  static ToneLexicon inline() {
    try {
      return ToneLexicon.parse(
          "vader-test", new StringReader(VADER), "domain-test", new StringReader(DOMAIN));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path projectDir() {
    String dir = System.getProperty("parallax.projectDir");
    return Path.of(dir != null && !dir.isBlank() ? dir : System.getProperty("user.dir"));
  }

  static Path vaderFile() {
    return projectDir().resolve("data/lexicons/vader/vader_lexicon.txt");
  }

  /** The real VADER lexicon with the given domain text. */
  static ToneLexicon realVader(String domain) {
    Path file = vaderFile();
    try (Reader vader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ToneLexicon.parse(file.toString(), vader, "domain-test", new StringReader(domain));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Tokens of a sentence written with spaces between tokens. */
  static List<String> toks(String spaced) {
    return spaced.isEmpty() ? List.of() : List.of(spaced.split(" "));
  }
}
