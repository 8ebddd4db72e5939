package dev.parallax.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html of {@link ReportFixtures} in headless Chromium (Debian package {@code
 * chromium}) from a file: URL, offline, with a fresh profile: a screenshot that is not blank, and
 * the DOM the browser built, which must hold every chart and show the injected script only as text.
 * Skipped, with a message, when Chromium is not installed.
 */
class ReportBrowserTest {
  static final long TIMEOUT_SECONDS = 120;
  static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

  @TempDir static Path tmp;
  static String chromium;
  static Path report;

  @BeforeAll
  static void findChromium() {
    chromium =
        CANDIDATES.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    if (chromium == null) {
      // CI promises every test runs: there a missing browser is a failure, not a skip
      assertFalse(
          "true".equalsIgnoreCase(System.getenv("CI")),
          "CI=true and chromium is not installed (.ci/run installs it): " + CANDIDATES);
      System.err.println("ReportBrowserTest: " + SKIPPED);
      return;
    }
    ReportFixtures.Run run = ReportFixtures.report();
    assertEquals(0, run.exitCode(), run.stdout());
    report = run.directory().resolve("report.html");
  }

  static final String SKIPPED =
      "chromium not installed: apt-get install chromium (looked for "
          + CANDIDATES
          + "); the browser test of report.html is skipped";

  /** Skips the calling test, with {@link #SKIPPED} as the reason, when there is no Chromium. */
  static void requireChromium() {
    Assumptions.assumeTrue(chromium != null, SKIPPED);
  }

  @Test
  void screenshotIsNotBlank() throws Exception {
    requireChromium();
    Path png = tmp.resolve("report.png");
    Result r =
        chromium(
            "shot", "--screenshot=" + png, "--window-size=1280,2000", report.toUri().toString());
    assertTrue(Files.isRegularFile(png), "no screenshot; chromium said:\n" + r.stderr());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1280, img.getWidth());
    assertEquals(2000, img.getHeight());
    Set<Integer> colours = new HashSet<>();
    long inked = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        if (rgb != 0xFFFFFF) {
          inked++;
        }
      }
    }
    double share = (double) inked / ((long) img.getWidth() * img.getHeight());
    assertTrue(share > 0.05, "non-white share " + share);
    assertTrue(colours.size() > 100, "distinct colours " + colours.size());
  }

  @Test
  void domHoldsEveryChartAndTheInjectedTitleAsText() throws Exception {
    requireChromium();
    Result r = chromium("dom", "--dump-dom", report.toUri().toString());
    String dom = r.stdout();
    int charts = ReportFixtures.CHARTS.values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(charts, count(dom, "<svg "), "svg elements in the DOM");
    for (String kind : ReportFixtures.CHARTS.keySet()) {
      Matcher m =
          Pattern.compile("<figure class=\"chart\" data-chart=\"" + kind + "\"><svg ").matcher(dom);
      int n = 0;
      while (m.find()) {
        n++;
      }
      assertEquals(ReportFixtures.CHARTS.get(kind), n, kind);
    }
    assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title shows as text");
    assertFalse(dom.toLowerCase(Locale.ROOT).contains("<script"), "no live script element");
    assertTrue(dom.contains("=HYPERLINK(\"x\")") || dom.contains("=HYPERLINK(&quot;x&quot;)"));
  }

  record Result(String stdout, String stderr) {}

  /** Runs headless Chromium with a fresh profile; fails after {@link #TIMEOUT_SECONDS}. */
  static Result chromium(String name, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile-" + name))));
    cmd.addAll(List.of(args));
    File out = tmp.resolve(name + ".out").toFile();
    File err = tmp.resolve(name + ".err").toFile();
    Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
      }
      return new Result(
          Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8));
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}
