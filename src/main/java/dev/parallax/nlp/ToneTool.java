package dev.parallax.nlp;

import dev.parallax.nlp.tone.ToneExplanation;
import dev.parallax.nlp.tone.ToneScorer;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores free text with exactly the tokenizer and scorer of the annotate stage, outside any Spark
 * job: the pipeline runs in the calling thread.
 */
public final class ToneTool {
  private final NlpPipeline pipeline;
  private final ToneScorer scorer;

  /** Needs an active SparkSession only to construct the Spark NLP models (none is used after). */
  public ToneTool(NlpLexicons lexicons, boolean plainVader) {
    this.pipeline = NlpPipeline.base();
    this.scorer = new ToneScorer(plainVader ? lexicons.tone().withoutDomain() : lexicons.tone());
  }

  /** The surface tokens of a snippet, all its sentences in order. */
  public List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (NlpPipeline.Sentence s : pipeline.annotate(text)) {
      out.addAll(s.tokens());
    }
    return out;
  }

  public double score(String text) {
    return scorer.score(tokens(text));
  }

  public ToneExplanation explain(String text) {
    return scorer.explain(tokens(text));
  }
}
