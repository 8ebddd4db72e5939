package dev.parallax.cli;

import dev.parallax.config.ParallaxConfig;
import picocli.CommandLine.Command;

/** {@code parallax report}: the comparison tables to CSV, Markdown and HTML reports. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write the reports of the run date's comparison tables under "
          + "<warehouse>/reports/run_date=YYYY-MM-DD/: a CSV copy of each table, summary.md (also "
          + "printed) and report.html, a self-contained page with charts (no script, no external "
          + "file; opens offline and can be mailed) that also reads articles and rejects for the "
          + "run's input counts. The directory is replaced as a whole."
    })
final class ReportCommand extends StageCommand {
  ReportCommand() {
    super("parallax report");
  }

  @Override
  StageRunner.Stage[] stages(ParallaxConfig config) {
    return new StageRunner.Stage[] {Stages.REPORT};
  }
}
