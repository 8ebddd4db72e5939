package dev.parallax.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * report.html of {@link ReportFixtures} against a committed golden copy, {@code
 * src/test/resources/report/fixture-report.html}, so a change to how the page is assembled cannot
 * change what it shows without this test saying where.
 *
 * <p>When the report is changed on purpose, regenerate the golden file and review its diff:
 *
 * <pre>
 * mvn -B -o test -Dtest=HtmlReportGoldenTest -Dparallax.golden.update=true
 * </pre>
 *
 * <p>That writes the file (and passes); commit it with the change. The file depends on the compare
 * stage's numbers for the fixture too, so a deliberate change there regenerates it the same way.
 */
class HtmlReportGoldenTest {
  static final String GOLDEN = "report/fixture-report.html";
  static final Path SOURCE = Path.of("src/test/resources", GOLDEN);

  static String html;

  @BeforeAll
  static void report() throws IOException {
    html = ReportFixtures.report().html();
    if (Boolean.getBoolean("parallax.golden.update")) {
      Files.createDirectories(SOURCE.getParent());
      Files.writeString(SOURCE, html, StandardCharsets.UTF_8);
    }
  }

  static String golden() throws IOException {
    if (Boolean.getBoolean("parallax.golden.update")) {
      return Files.readString(SOURCE, StandardCharsets.UTF_8);
    }
    try (InputStream in = HtmlReportGoldenTest.class.getResourceAsStream("/" + GOLDEN)) {
      if (in == null) {
        fail("no golden file " + GOLDEN + "; see this class's javadoc to create it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void visibleTextIsTheGoldenText() throws IOException {
    assertEquals(Jsoup.parse(golden()).text(), Jsoup.parse(html).text());
  }

  @Test
  void wholePageIsTheGoldenPage() throws IOException {
    String expected = golden();
    if (!expected.equals(html)) {
      String[] a = expected.split("\n", -1);
      String[] b = html.split("\n", -1);
      for (int i = 0; i < Math.min(a.length, b.length); i++) {
        if (!a[i].equals(b[i])) {
          assertEquals(a[i], b[i], "first difference at line " + (i + 1));
        }
      }
      assertEquals(a.length, b.length, "line count");
    }
  }
}
