package dev.parallax.nlp.tone;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The constants and closed word lists of VADER (Hutto &amp; Gilbert 2014, reference implementation
 * cjhutto/vaderSentiment). All keys are lowercase with ASCII apostrophes.
 */
final class VaderRules {

  /** Mean rating increase for a booster word; dampeners use the negative. */
  static final double BOOST = 0.293;

  /** Mean rating increase for an ALL-CAPS word in mixed-case text. */
  static final double CAPS = 0.733;

  static final double NEGATION = -0.74;

  /** Multiplier for "never so/this" before a word. */
  static final double NEVER_SO = 1.25;

  /** Booster scalar damping when the booster is two words before the scored word. */
  static final double DISTANCE_2 = 0.95;

  /** Booster scalar damping when the booster is three words before the scored word. */
  static final double DISTANCE_3 = 0.9;

  /** Weight of the words before the first contrastive "but". */
  static final double BEFORE_BUT = 0.5;

  /** Weight of the words after the first contrastive "but". */
  static final double AFTER_BUT = 1.5;

  /** Emphasis per '!', for at most {@link #MAX_EXCLAMATIONS} of them. */
  static final double EXCLAMATION = 0.292;

  static final int MAX_EXCLAMATIONS = 4;

  /** Emphasis per '?' when there are two or three of them. */
  static final double QUESTION = 0.18;

  /** Emphasis for four or more '?'. */
  static final double QUESTION_CAP = 0.96;

  /** The alpha of the normalisation x / sqrt(x² + alpha). */
  static final double ALPHA = 15.0;

  /**
   * Single-word boosters (+) and dampeners (−): VADER's original booster dictionary. Later releases
   * add adjective forms ("major", "total", "extreme", …), which in news text mostly describe rather
   * than intensify, so they are not used.
   */
  static final Map<String, Double> BOOSTERS = boosters();

  /**
   * Two-word dampeners, as {first, second} pairs; VADER's booster dictionary holds them as "kind
   * of", "sort of" and "just enough", which a whitespace tokenizer never yields as one token.
   */
  static final List<String[]> BIGRAM_DAMPENERS =
      List.of(
          new String[] {"kind", "of"},
          new String[] {"sort", "of"},
          new String[] {"just", "enough"});

  /** Negation words; in addition every word containing "n't" negates. */
  static final Set<String> NEGATE =
      Set.of(
          "aint",
          "arent",
          "cannot",
          "cant",
          "couldnt",
          "darent",
          "didnt",
          "doesnt",
          "ain't",
          "aren't",
          "can't",
          "couldn't",
          "daren't",
          "didn't",
          "doesn't",
          "dont",
          "hadnt",
          "hasnt",
          "havent",
          "isnt",
          "mightnt",
          "mustnt",
          "neither",
          "don't",
          "hadn't",
          "hasn't",
          "haven't",
          "isn't",
          "mightn't",
          "mustn't",
          "neednt",
          "needn't",
          "never",
          "none",
          "nope",
          "nor",
          "not",
          "nothing",
          "nowhere",
          "oughtnt",
          "shant",
          "shouldnt",
          "uhuh",
          "wasnt",
          "werent",
          "oughtn't",
          "shan't",
          "shouldn't",
          "uh-uh",
          "wasn't",
          "weren't",
          "without",
          "wont",
          "wouldnt",
          "won't",
          "wouldn't",
          "rarely",
          "seldom",
          "despite");

  /**
   * VADER's special-case idioms (phrases containing lexicon words), term → valence. VADER's
   * single-word "badass" case is left out: the reference implementation compares it with two-word
   * sequences only, so it never fires there either.
   */
  static final Map<String, Double> IDIOMS =
      Map.of(
          "the shit",
          3.0,
          "the bomb",
          3.0,
          "bad ass",
          1.5,
          "bus stop",
          0.0,
          "yeah right",
          -2.0,
          "kiss of death",
          -1.5,
          "to die for",
          3.0,
          "beating heart",
          3.1,
          "broken heart",
          -2.9);

  private VaderRules() {}

  static boolean negates(String key) {
    return NEGATE.contains(key) || key.contains("n't");
  }

  /** The booster/dampener scalar of a lowercase word, 0 if it is neither. */
  static double boosterScalar(String key) {
    Double scalar = BOOSTERS.get(key);
    return scalar == null ? 0.0 : scalar;
  }

  /** The dampener scalar (negative) of the word pair, 0 if the pair is not a two-word dampener. */
  static double bigramScalar(String first, String second) {
    for (String[] pair : BIGRAM_DAMPENERS) {
      if (pair[0].equals(first) && pair[1].equals(second)) {
        return -BOOST;
      }
    }
    return 0.0;
  }

  private static Map<String, Double> boosters() {
    Map<String, Double> map = new HashMap<>();
    for (String w :
        List.of(
            "absolutely",
            "amazingly",
            "awfully",
            "completely",
            "considerably",
            "decidedly",
            "deeply",
            "effing",
            "enormously",
            "entirely",
            "especially",
            "exceptionally",
            "extremely",
            "fabulously",
            "flipping",
            "flippin",
            "fricking",
            "frickin",
            "frigging",
            "friggin",
            "fully",
            "fucking",
            "greatly",
            "hella",
            "highly",
            "hugely",
            "incredibly",
            "intensely",
            "majorly",
            "more",
            "most",
            "particularly",
            "purely",
            "quite",
            "really",
            "remarkably",
            "so",
            "substantially",
            "thoroughly",
            "totally",
            "tremendously",
            "uber",
            "unbelievably",
            "unusually",
            "utterly",
            "very")) {
      map.put(w, BOOST);
    }
    for (String w :
        List.of(
            "almost",
            "barely",
            "hardly",
            "kinda",
            "kindof",
            "kind-of",
            "less",
            "little",
            "marginally",
            "occasionally",
            "partly",
            "scarcely",
            "slightly",
            "somewhat",
            "sorta",
            "sortof",
            "sort-of")) {
      map.put(w, -BOOST);
    }
    return Map.copyOf(map);
  }
}
