package dev.parallax.nlp.tone;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user-supplied tone lexicon for a language without VADER's rules (Japanese, Chinese, Korean):
 * one {@code token<TAB>valence} entry per line, valence in [−4, 4] as in VADER's first two columns
 * (further columns are ignored), {@code #} comments and blank lines skipped. A token is matched
 * against a sentence's tokens exactly as the language profile gives them (base forms, lower case).
 *
 * <p>The score of a sentence is VADER's normalisation of the sum {@code x} of its tokens' valences,
 * {@code x / √(x² + 15)}, in (−1, 1); no English rule (negation, boosters, "but", capitals,
 * punctuation) applies. Immutable and serializable.
 */
public final class TokenValences implements Serializable {
  private static final long serialVersionUID = 1L;

  /** VADER's normalisation constant alpha. */
  private static final double ALPHA = 15.0;

  private static final double MAX_VALENCE = 4.0;

  private final String name;
  private final Map<String, Double> valences;

  private TokenValences(String name, Map<String, Double> valences) {
    this.name = name;
    this.valences = valences;
  }

  /**
   * Parses a lexicon's text.
   *
   * @param name the file's name, for messages
   * @throws IllegalArgumentException naming the file and line: fewer than two columns, an empty
   *     token, a valence that is not a number in [−4, 4], a token listed twice, or no entry at all
   */
  public static TokenValences parse(String name, String content) {
    Map<String, Double> out = new HashMap<>();
    String[] lines = content.split("\\r?\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String where = "tone lexicon " + name + ": line " + (i + 1);
      String[] cols = line.split("\t", -1);
      if (cols.length < 2) {
        throw new IllegalArgumentException(
            where + " has " + cols.length + " column, expected token<TAB>valence");
      }
      String token = cols[0].strip().toLowerCase(Locale.ROOT);
      if (token.isEmpty()) {
        throw new IllegalArgumentException(where + ": empty token");
      }
      double v;
      try {
        v = Double.parseDouble(cols[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            where + ": valence '" + cols[1].strip() + "' is not a number", e);
      }
      if (!(v >= -MAX_VALENCE && v <= MAX_VALENCE)) {
        throw new IllegalArgumentException(
            where + ": valence " + cols[1].strip() + " is outside [-4, 4]");
      }
      if (out.put(token, v) != null) {
        throw new IllegalArgumentException(where + ": token '" + token + "' is listed twice");
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("tone lexicon " + name + ": no entries found");
    }
    return new TokenValences(name, Map.copyOf(out));
  }

  /** The file the lexicon came from. */
  public String name() {
    return name;
  }

  /** Number of entries. */
  public int size() {
    return valences.size();
  }

  /**
   * The tone of a sentence given as its profile tokens: {@code x / √(x² + 15)} where {@code x} is
   * the sum of the valences of the tokens that have an entry; 0.0 when none has one.
   */
  public double score(List<String> tokens) {
    double x = 0;
    for (String t : tokens) {
      Double v = valences.get(t);
      if (v != null) {
        x += v;
      }
    }
    return x / Math.sqrt(x * x + ALPHA);
  }
}
