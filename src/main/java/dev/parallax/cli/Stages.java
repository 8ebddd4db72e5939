package dev.parallax.cli;

import dev.parallax.ingest.IngestJob;
import dev.parallax.nlp.AnnotateJob;
import dev.parallax.nlp.NlpLexicons;

/** The stages as the CLI runs them: each calls its job and reports counts. */
final class Stages {
  private Stages() {}

  static final StageRunner.Stage INGEST = StageRunner.named("ingest", ctx -> {
    IngestJob.Result r = IngestJob.run(ctx.spark(), ctx.config(), ctx.warehouse(), ctx.runId());
    for (String s : r.skipped()) {
      ctx.out().println("skipped " + s + " (documentation or hidden file, not coverage)");
    }
    ctx.out().println(r.reconciliation());
    return new StageRunner.StageReport(r.input(), r.accepted(),
        "files=" + r.files() + " rejected=" + r.rejected() + " duplicates=" + r.duplicates());
  });

  /** The annotate stage, with lexicons already loaded and checked before Spark started. */
  static StageRunner.Stage annotate(NlpLexicons lexicons) {
    return StageRunner.named("annotate", ctx -> {
      AnnotateJob.Result r = AnnotateJob.run(ctx.spark(), ctx.config(), ctx.warehouse(),
          ctx.runId(), lexicons);
      return new StageRunner.StageReport(r.articles(), r.sentences(),
          "articles=" + r.articles() + " sentences=" + r.sentences());
    });
  }
}
