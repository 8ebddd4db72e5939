package dev.parallax.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What language identification costs per article of 3-5 KB, printed (the budget is 10% of ingest
 * at 20,000 articles: ingest reads about 1,500 articles a second on two cores, so about 130 µs of
 * CPU an article). Asserts only that the articles come out in their language, never a time.
 */
class LanguageIdBenchmarkTest {

  static final int WARM_UP = 4_000;
  static final int MEASURED = 4_000;

  @Test
  void printsMicrosecondsPerArticle() throws IOException {
    List<String> paragraphs = englishParagraphs();
    Random random = new Random(7);
    List<String> texts = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < WARM_UP + MEASURED; i++) {
      int target = 3_000 + random.nextInt(2_000);
      StringBuilder sb = new StringBuilder();
      String lang;
      String unit;
      switch (i % 20) {
        case 0 -> { lang = "ja"; unit = LanguageIdTest.JAPANESE; }
        case 1 -> { lang = "zh"; unit = LanguageIdTest.CHINESE; }
        case 2 -> { lang = "ko"; unit = LanguageIdTest.KOREAN; }
        case 3 -> { lang = "pt"; unit = LanguageIdTest.PORTUGUESE; }
        default -> { lang = "en"; unit = null; }
      }
      while (sb.toString().getBytes(StandardCharsets.UTF_8).length < target) {
        sb.append(unit != null ? unit : paragraphs.get(random.nextInt(paragraphs.size())))
            .append("\n\n");
      }
      texts.add(sb.toString());
      expected.add(lang);
    }

    measure("function-word rule for English", LanguageId.forCandidates(LanguageId.DEFAULT_CANDIDATES), texts, expected);
    measure("Lingua for every Latin-script text", new LanguageId(Set.copyOf(LanguageId.DEFAULT_CANDIDATES), false), texts, expected);
  }

  private static void measure(String what, LanguageId id, List<String> texts, List<String> expected) {
    for (int i = 0; i < WARM_UP; i++) {
      id.identify(texts.get(i), "en");
    }
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var threads = ManagementFactory.getThreadMXBean();
    Map<String, Integer> found = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    long cpu0 = os.getProcessCpuTime();
    long thread0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    long bytes = 0;
    for (int i = WARM_UP; i < texts.size(); i++) {
      DetectedLanguage d = id.identify(texts.get(i), "en");
      found.merge(String.valueOf(d.language()), 1, Integer::sum);
      if (!expected.get(i).equals(d.language())) {
        wrong.add(expected.get(i) + " read as " + d);
      }
      bytes += texts.get(i).length();
    }
    long wall = System.nanoTime() - wall0;
    long cpu = os.getProcessCpuTime() - cpu0;
    long thread = threads.getCurrentThreadCpuTime() - thread0;
    System.out.printf(
        Locale.ROOT,
        "LanguageId, %s: %d articles (avg %d chars, 80%% English): %.1f µs wall, %.1f µs CPU of this"
            + " thread, %.1f µs CPU of the process (Lingua works in the common fork-join pool)"
            + " per article; languages %s%n",
        what, MEASURED, bytes / MEASURED, wall / 1e3 / MEASURED, thread / 1e3 / MEASURED,
        cpu / 1e3 / MEASURED, found);
    assertEquals(List.of(), wrong);
  }

  /** Paragraphs of the English sample coverage, at least 200 characters each. */
  static List<String> englishParagraphs() throws IOException {
    Path dir = Path.of(System.getProperty("parallax.projectDir", "."), "data", "coverage");
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".md") && !name.equals("README.md") || name.endsWith(".txt")) {
          String body = Files.readString(f);
          body = body.substring(body.indexOf("\n---", 3) + 4);
          for (String p : body.split("\n\\s*\n")) {
            if (p.strip().length() >= 200) {
              out.add(p.strip());
            }
          }
        }
      }
    }
    return out;
  }
}
