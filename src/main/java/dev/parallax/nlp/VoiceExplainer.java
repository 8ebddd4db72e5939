package dev.parallax.nlp;

import dev.parallax.nlp.tone.ToneScorer;
import dev.parallax.nlp.voice.Span;
import dev.parallax.nlp.voice.VoiceAnalyzer;
import dev.parallax.warehouse.schema.QuotesColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * What the annotate stage makes of a snippet's voices, outside any Spark job: each sentence's voice
 * and the tone of its own words, and each quote with its speaker and tone, computed by the same
 * code as the {@code voice}, {@code authorial_tone} and quotes columns ({@link VoiceColumns}).
 */
public final class VoiceExplainer {
  private final NlpPipeline pipeline;
  private final ToneScorer scorer;
  private final VoiceAnalyzer voices;

  /** Needs an active SparkSession only to construct the Spark NLP models (none is used after). */
  public VoiceExplainer(NlpLexicons lexicons, boolean plainVader) {
    this.pipeline = NlpPipeline.base();
    this.scorer = new ToneScorer(plainVader ? lexicons.tone().withoutDomain() : lexicons.tone());
    this.voices = new VoiceAnalyzer(lexicons.speakers());
  }

  /**
   * One line per sentence ({@code voice: quoted}, with the tone of the writer's own words when a
   * quote sits inside an authorial sentence) and one per quote ({@code quote 1 (direct) by Mr.
   * Trump → Donald Trump, U.S. government: tone +0.4404 “…”}), the snippet read as English.
   */
  public List<String> explain(String text) {
    List<NlpPipeline.Sentence> sentences = pipeline.annotate(text);
    List<Span> spans = new ArrayList<>();
    List<Double> tones = new ArrayList<>();
    for (NlpPipeline.Sentence s : sentences) {
      spans.add(SentenceAnnotator.stripped(s, text));
      tones.add(scorer.score(s.tokens()));
    }
    List<VoiceColumns.Of> columns =
        VoiceColumns.of(
            voices,
            ThemeTaxonomy.ENGLISH,
            text,
            spans,
            fragment -> scorer.score(pipeline.tokens(fragment)),
            tones::get);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      VoiceColumns.Of c = columns.get(i);
      StringBuilder b = new StringBuilder();
      if (columns.size() > 1) {
        b.append("sentence ").append(i + 1).append(": ");
      }
      b.append("voice: ").append(c.voice());
      if (c.authorialTone() != null && !c.authorialTone().equals(tones.get(i))) {
        b.append(" · own words (quotes left out): ").append(signed(c.authorialTone()));
      }
      out.add(b.toString());
      for (Row q : c.quotes()) {
        out.add(quoteLine(q));
      }
    }
    return out;
  }

  private static String quoteLine(Row q) {
    StringBuilder b =
        new StringBuilder("quote ").append(q.getLong(at(QuotesColumns.QUOTE_IDX)) + 1);
    b.append(" (").append(q.getString(at(QuotesColumns.KIND))).append(") by ");
    String speaker = q.getString(at(QuotesColumns.SPEAKER));
    if (speaker == null) {
      b.append("nobody named");
    } else {
      b.append(speaker);
      String canonical = q.getString(at(QuotesColumns.SPEAKER_CANONICAL));
      String affiliation = q.getString(at(QuotesColumns.AFFILIATION));
      if (canonical != null) {
        b.append(" → ").append(canonical);
        if (affiliation != null) {
          b.append(", ").append(affiliation);
        }
      } else {
        b.append(" (not in the speakers map)");
      }
    }
    int tone = at(QuotesColumns.TONE);
    b.append(": tone ").append(q.isNullAt(tone) ? "none" : signed(q.getDouble(tone)));
    b.append(" “").append(q.getString(at(QuotesColumns.QUOTE_TEXT))).append('”');
    return b.toString();
  }

  /** Position of a field in a quote row ({@link QuotesColumns#QUOTE}). */
  private static int at(String field) {
    return QuotesColumns.QUOTE.fieldIndex(field);
  }

  private static String signed(double v) {
    return String.format(Locale.ROOT, "%+.4f", v).replace('-', '−');
  }
}
