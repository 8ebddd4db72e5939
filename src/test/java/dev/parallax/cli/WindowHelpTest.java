package dev.parallax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code compare --help} and {@code run --help} say what the window is and where it goes. */
class WindowHelpTest {
  @Test
  void compareHelpNamesTheWindowAndTheTimeline() {
    CliRun.Outcome o = CliRun.execute("compare", "--help");
    assertEquals(0, o.code(), o.err());
    String help = o.out().replaceAll("\\s+", " ");
    for (String s :
        List.of(
            "--window-days=N",
            "(run date - N, run date]",
            "timeline",
            "window_start",
            "window_end",
            "compare.time_zone")) {
      assertTrue(help.contains(s), s + " in: " + o.out());
    }
  }

  @Test
  void runHelpNamesTheWindow() {
    CliRun.Outcome o = CliRun.execute("run", "--help");
    assertEquals(0, o.code(), o.err());
    String help = o.out().replaceAll("\\s+", " ");
    for (String s : List.of("--window-days=N", "(run date - N, run date]")) {
      assertTrue(help.contains(s), s + " in: " + o.out());
    }
  }
}
