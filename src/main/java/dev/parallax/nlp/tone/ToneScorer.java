package dev.parallax.nlp.tone;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static dev.parallax.nlp.tone.VaderRules.AFTER_BUT;
import static dev.parallax.nlp.tone.VaderRules.ALPHA;
import static dev.parallax.nlp.tone.VaderRules.BEFORE_BUT;
import static dev.parallax.nlp.tone.VaderRules.BOOST;
import static dev.parallax.nlp.tone.VaderRules.CAPS;
import static dev.parallax.nlp.tone.VaderRules.DISTANCE_2;
import static dev.parallax.nlp.tone.VaderRules.DISTANCE_3;
import static dev.parallax.nlp.tone.VaderRules.EXCLAMATION;
import static dev.parallax.nlp.tone.VaderRules.MAX_EXCLAMATIONS;
import static dev.parallax.nlp.tone.VaderRules.NEGATION;
import static dev.parallax.nlp.tone.VaderRules.NEVER_SO;
import static dev.parallax.nlp.tone.VaderRules.QUESTION;
import static dev.parallax.nlp.tone.VaderRules.QUESTION_CAP;

/**
 * Immutable, Serializable, thread-safe. VADER's compound sentence score (Hutto &amp; Gilbert 2014) over
 * pre-tokenized sentences, with the domain entries of a {@link ToneLexicon}.
 *
 * <p>The rules are those of the reference implementation (cjhutto/vaderSentiment, vaderSentiment.py),
 * applied to the sentence's "words": every token except punctuation-only tokens and clitics such as "'s"
 * or "'ll" that have no entry (VADER's whitespace tokenizer leaves those attached to a word, so they take
 * up no position in the three-word windows); a matched multi-token phrase is one word, and the rules look
 * at the words before its first token. A token with no entry of its own is looked up without a possessive
 * 's, then without leading and trailing punctuation. A word with a single-word domain entry is scored,
 * never used as a booster. Where this class departs from the reference implementation:
 * <ul>
 *   <li>an entry with valence 0 scores 0 whatever precedes it (VADER would let a booster lift it to ±0.293);</li>
 *   <li>"never" three words back amplifies only together with a "so"/"this" in between (VADER's operator
 *       precedence amplifies any word preceded by "so"/"this" three or more words into the sentence);</li>
 *   <li>"kind of", "sort of", "just enough" dampen towards zero like the one-word dampeners, wherever the
 *       word stands (VADER adds −0.293 whatever the sign, and only from the fourth word on);</li>
 *   <li>VADER's idioms ("yeah right", "kiss of death", …) are phrases matched anywhere and scored once,
 *       with negation and boosters applying to them, instead of replacing the valence of the lexicon words
 *       they contain;</li>
 *   <li>ALL-CAPS emphasis needs both an ALL-CAPS token and one with a lowercase letter; tokens without
 *       letters (numbers, punctuation) do not count as lowercase;</li>
 *   <li>"but" weights words by position, not by VADER's lookup of the first equal value.</li>
 * </ul>
 */
public final class ToneScorer implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final byte NO_CASE = 0;
    private static final byte UPPER = 1;
    private static final byte MIXED_OR_LOWER = 2;

    private final ToneLexicon lexicon;

    public ToneScorer(ToneLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /**
     * Compound tone in [−1, 1] for one sentence given as its tokens in order: surface forms with original
     * case, punctuation as separate tokens ("!", "?", ",", "."), possibly curly apostrophes ("Japan’s",
     * "don’t") and tokens like "U.S.", "2%", "—", "n't". Empty list → 0.
     *
     * @throws NullPointerException if the list or one of its tokens is null
     */
    public double score(List<String> tokens) {
        return run(tokens, null);
    }

    /** The same score with the contribution of every token and every rule that moved it. */
    public ToneExplanation explain(List<String> tokens) {
        Trace trace = new Trace(tokens);
        double score = run(tokens, trace);
        return trace.build(score);
    }

    /** Per-sentence working arrays, one slot per word (a phrase is one word). */
    private static final class Words {
        final int[] token;
        final String[] key;
        final double[] valence;
        final double[] booster;
        final boolean[] negation;
        final boolean[] upper;
        int count;

        Words(int capacity) {
            token = new int[capacity];
            key = new String[capacity];
            valence = new double[capacity];
            booster = new double[capacity];
            negation = new boolean[capacity];
            upper = new boolean[capacity];
        }

        boolean inLexicon(int w) {
            return !Double.isNaN(valence[w]);
        }
    }

    private double run(List<String> tokens, Trace trace) {
        Objects.requireNonNull(tokens, "tokens");
        int n = tokens.size();
        if (n == 0) {
            return 0.0;
        }
        String[] key = new String[n];
        byte[] caseOf = new byte[n];
        boolean anyUpper = false;
        boolean anyLower = false;
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i);
            if (t == null) {
                throw new NullPointerException("token " + i + " is null");
            }
            key[i] = normalise(t);
            boolean cased = false;
            boolean lower = false;
            for (int c = 0; c < t.length(); c++) {
                char ch = t.charAt(c);
                if (ch == '!') {
                    exclamations++;
                } else if (ch == '?') {
                    questions++;
                } else if (Character.isLowerCase(ch) || Character.isTitleCase(ch)) {
                    cased = true;
                    lower = true;
                } else if (Character.isUpperCase(ch)) {
                    cased = true;
                }
            }
            caseOf[i] = !cased ? NO_CASE : lower ? MIXED_OR_LOWER : UPPER;
            anyUpper |= caseOf[i] == UPPER;
            anyLower |= caseOf[i] == MIXED_OR_LOWER;
        }
        boolean capDiff = anyUpper && anyLower;

        Words w = words(key, caseOf, trace);
        int m = w.count;
        double[] sentiment = new double[m];
        for (int u = 0; u < m; u++) {
            sentiment[u] = wordValence(w, u, capDiff, trace);
        }
        butCheck(w, sentiment, trace);
        if (trace != null) {
            for (int u = 0; u < m; u++) {
                trace.value[w.token[u]] = sentiment[u];
            }
        }

        double sum = 0.0;
        for (int u = 0; u < m; u++) {
            sum += sentiment[u];
        }
        if (trace != null) {
            trace.sentence("sum of words " + signed(sum));
        }
        double emphasis = punctuationEmphasis(exclamations, questions, sum, trace);
        double x = sum > 0 ? sum + emphasis : sum < 0 ? sum - emphasis : sum;
        double score = x / Math.sqrt(x * x + ALPHA);
        score = Math.max(-1.0, Math.min(1.0, score));
        if (trace != null) {
            trace.rawSum = x;
            trace.sentence("normalised x/√(x²+15): " + signed(x) + " → " + String.format(Locale.ROOT, "%+.4f", score)
                    .replace('-', '−'));
        }
        return score;
    }

    /** Groups tokens into words: phrases become one word, bare punctuation and clitics are dropped. */
    private Words words(String[] key, byte[] caseOf, Trace trace) {
        int n = key.length;
        Words w = new Words(n);
        int i = 0;
        while (i < n) {
            String k = key[i];
            ToneLexicon.Entry entry = lexicon.entry(k);
            String first = firstAtom(k);
            ToneLexicon.Entry firstEntry = first == k ? entry : lexicon.entry(first);
            ToneLexicon.Phrase[] candidates = firstEntry == null ? null : firstEntry.phrases;
            ToneLexicon.Phrase phrase = null;
            int end = -1;
            if (candidates != null) {
                for (ToneLexicon.Phrase p : candidates) {
                    end = match(p, key, i);
                    if (end >= i + 2) {
                        phrase = p;
                        break;
                    }
                }
            }
            int u = w.count;
            if (phrase != null) {
                boolean upper = true;
                boolean anyCased = false;
                for (int t = i; t < end; t++) {
                    upper &= caseOf[t] != MIXED_OR_LOWER;
                    anyCased |= caseOf[t] != NO_CASE;
                }
                w.token[u] = i;
                w.key[u] = phrase.term;
                w.valence[u] = phrase.valence;
                w.upper[u] = upper && anyCased;
                w.count++;
                if (trace != null) {
                    trace.base[i] = phrase.valence;
                    trace.add(i, phrase.origin.label + " '" + phrase.term + "' " + num(phrase.valence)
                            + " overrides words");
                    for (int t = i + 1; t < end; t++) {
                        trace.add(t, "part of '" + phrase.term + "', scored at token " + i);
                    }
                }
                i = end;
                continue;
            }
            String hit = entry != null && !Double.isNaN(entry.valence) ? k : fallback(k);
            if (hit == null && (isPunctuation(k) || isClitic(k))) {
                if (trace != null) {
                    trace.add(i, isPunctuation(k) ? "punctuation: not a word" : "clitic: not a word");
                }
                i++;
                continue;
            }
            ToneLexicon.Entry hitEntry = hit == k ? entry : hit == null ? null : lexicon.entry(hit);
            boolean domain = hitEntry != null && hitEntry.domain;
            w.token[u] = i;
            w.key[u] = k;
            w.valence[u] = hitEntry == null ? Double.NaN : hitEntry.valence;
            w.booster[u] = entry == null ? 0.0 : entry.booster;
            w.negation[u] = entry != null ? entry.negation : k.contains("n't");
            w.upper[u] = caseOf[i] == UPPER;
            w.count++;
            if (trace != null && hit != null) {
                trace.base[i] = w.valence[u];
                describeEntry(trace, i, k, hit, domain);
            }
            i++;
        }
        return w;
    }

    private void describeEntry(Trace trace, int i, String key, String hit, boolean domain) {
        String form = hit.equals(key) ? "" : " (as '" + hit + "')";
        if (domain) {
            double vader = lexicon.vaderValence(hit);
            trace.add(i, "domain " + num(lexicon.valence(hit)) + form
                    + (Double.isNaN(vader) ? "" : " overrides VADER " + num(vader)));
        } else if (!form.isEmpty()) {
            trace.add(i, "VADER " + num(lexicon.valence(hit)) + form);
        }
    }

    /** The valence of word u after VADER's per-word rules (everything but the "but" rule). */
    private static double wordValence(Words w, int u, boolean capDiff, Trace trace) {
        int tok = w.token[u];
        String k = w.key[u];
        if (w.booster[u] != 0) {
            if (trace != null) {
                trace.add(tok, (w.booster[u] > 0 ? "booster" : "dampener") + ": scales the next three words");
            }
            return 0.0;
        }
        if (k.equals("kind") && u + 1 < w.count && w.key[u + 1].equals("of")) {
            if (trace != null) {
                trace.add(tok, "'kind of' is a dampener, not a word");
            }
            return 0.0;
        }
        double base = w.valence[u];
        if (Double.isNaN(base)) {
            if (trace != null && w.negation[u]) {
                trace.add(tok, "negation: flips the next three words");
            } else if (trace != null && k.equals("but")) {
                trace.add(tok, "contrast: words before ×0.5, after ×1.5");
            }
            return 0.0;
        }
        if (base == 0.0) {
            if (trace != null) {
                trace.add(tok, "neutral entry");
            }
            return 0.0;
        }
        if (k.equals("no") && u + 1 < w.count && w.inLexicon(u + 1)) {
            if (trace != null) {
                trace.add(tok, "'no' before a lexicon word: 0, negates that word instead");
            }
            return 0.0;
        }
        double v = base;
        if ((u > 0 && w.key[u - 1].equals("no")) || (u > 1 && w.key[u - 2].equals("no"))
                || (u > 2 && w.key[u - 3].equals("no") && (w.key[u - 1].equals("or") || w.key[u - 1].equals("nor")))) {
            v = base * NEGATION;
            if (trace != null) {
                trace.add(tok, "negated by 'no' ×" + num(NEGATION));
            }
        }
        if (w.upper[u] && capDiff) {
            double caps = v > 0 ? CAPS : -CAPS;
            v += caps;
            if (trace != null) {
                trace.add(tok, "ALL CAPS " + signed(caps));
            }
        }
        for (int d = 1; d <= 3; d++) {
            if (u >= d && !w.inLexicon(u - d)) {
                v = boost(w, u, d, v, capDiff, trace);
                v = negationCheck(w, u, d, v, trace);
            }
        }
        for (int d = 2; d <= 3; d++) {
            if (u >= d && VaderRules.bigramScalar(w.key[u - d], w.key[u - d + 1]) != 0) {
                double s = v < 0 ? BOOST : -BOOST;
                v += s;
                if (trace != null) {
                    trace.add(tok, "dampener '" + w.key[u - d] + " " + w.key[u - d + 1] + "' " + signed(s));
                }
            }
        }
        return leastCheck(w, u, v, trace);
    }

    private static double boost(Words w, int u, int d, double v, boolean capDiff, Trace trace) {
        double s = w.booster[u - d];
        if (s == 0) {
            return v;
        }
        boolean dampener = s < 0;
        if (v < 0) {
            s = -s;
        }
        boolean caps = w.upper[u - d] && capDiff;
        if (caps) {
            s += v > 0 ? CAPS : -CAPS;
        }
        if (d == 2) {
            s *= DISTANCE_2;
        } else if (d == 3) {
            s *= DISTANCE_3;
        }
        if (trace != null) {
            trace.add(w.token[u], (dampener ? "dampener '" : "booster '") + w.key[u - d] + "'"
                    + (caps ? " in ALL CAPS" : "") + (d == 2 ? " (2 back ×0.95)" : d == 3 ? " (3 back ×0.9)" : "")
                    + " " + signed(s));
        }
        return v + s;
    }

    /** VADER's negation check for the word d positions before word u (which has no lexicon entry). */
    private static double negationCheck(Words w, int u, int d, double v, Trace trace) {
        String[] k = w.key;
        if (d == 2 && k[u - 2].equals("never") && isSoOrThis(k[u - 1])
                || d == 3 && k[u - 3].equals("never") && (isSoOrThis(k[u - 2]) || isSoOrThis(k[u - 1]))) {
            if (trace != null) {
                trace.add(w.token[u], "'never so/this' ×" + num(NEVER_SO));
            }
            return v * NEVER_SO;
        }
        if (d == 2 && k[u - 2].equals("without") && k[u - 1].equals("doubt")
                || d == 3 && k[u - 3].equals("without") && (k[u - 2].equals("doubt") || k[u - 1].equals("doubt"))) {
            if (trace != null) {
                trace.add(w.token[u], "'without doubt' does not negate");
            }
            return v;
        }
        if (w.negation[u - d]) {
            if (trace != null) {
                trace.add(w.token[u], "negated by '" + k[u - d] + "' ×" + num(NEGATION));
            }
            return v * NEGATION;
        }
        return v;
    }

    private static double leastCheck(Words w, int u, double v, Trace trace) {
        if (u > 0 && !w.inLexicon(u - 1) && w.key[u - 1].equals("least")) {
            boolean comparative = u > 1 && (w.key[u - 2].equals("at") || w.key[u - 2].equals("very"));
            if (!comparative) {
                if (trace != null) {
                    trace.add(w.token[u], "negated by 'least' ×" + num(NEGATION));
                }
                return v * NEGATION;
            }
        }
        return v;
    }

    private static void butCheck(Words w, double[] sentiment, Trace trace) {
        int but = -1;
        for (int u = 0; u < w.count; u++) {
            if (w.key[u].equals("but")) {
                but = u;
                break;
            }
        }
        if (but < 0) {
            return;
        }
        for (int u = 0; u < w.count; u++) {
            if (u == but || sentiment[u] == 0) {
                continue;
            }
            double f = u < but ? BEFORE_BUT : AFTER_BUT;
            sentiment[u] *= f;
            if (trace != null) {
                trace.add(w.token[u], "but: ×" + num(f) + (u < but ? " before contrast" : " after contrast"));
            }
        }
    }

    private static double punctuationEmphasis(int exclamations, int questions, double sum, Trace trace) {
        int ep = Math.min(exclamations, MAX_EXCLAMATIONS);
        double epEmphasis = ep * EXCLAMATION;
        double qmEmphasis = questions <= 1 ? 0.0 : questions <= 3 ? questions * QUESTION : QUESTION_CAP;
        if (trace != null && sum != 0) {
            String direction = sum > 0 ? "+" : "−";
            if (ep > 0) {
                trace.sentence("'!' ×" + ep + (exclamations > ep ? " (of " + exclamations + ")" : "") + " "
                        + direction + num(epEmphasis));
            }
            if (qmEmphasis > 0) {
                trace.sentence("'?' ×" + questions + " " + direction + num(qmEmphasis));
            }
        }
        return epEmphasis + qmEmphasis;
    }

    /**
     * Tokens that match the phrase starting at token {@code start}, as the index after the last one, or −1.
     * An atom may be a whole token or a hyphen-separated part of one; the match must end at a token's end,
     * and the last token may carry a possessive 's.
     */
    private static int match(ToneLexicon.Phrase p, String[] key, int start) {
        int t = start;
        int pos = 0;
        String[] atoms = p.atoms;
        for (int a = 0; a < atoms.length; a++) {
            if (t >= key.length) {
                return -1;
            }
            String k = key[t];
            String atom = atoms[a];
            int end = pos + atom.length();
            if (!k.startsWith(atom, pos)) {
                return -1;
            }
            if (!isAtomBoundary(k, end)) {
                boolean possessive = a == atoms.length - 1 && end + 2 == k.length() && k.endsWith("'s");
                if (!possessive) {
                    return -1;
                }
                end = k.length();
            }
            if (end == k.length()) {
                t++;
                pos = 0;
            } else {
                pos = end;
            }
        }
        return pos == 0 ? t : -1;
    }

    private static boolean isAtomBoundary(String k, int j) {
        return j == k.length() || k.charAt(j) == '-' || (j > 0 && k.charAt(j - 1) == '-');
    }

    private static String firstAtom(String key) {
        int h = key.indexOf('-');
        if (h < 0 || key.length() == 1) {
            return key;
        }
        return h == 0 ? "-" : key.substring(0, h);
    }

    /**
     * For a key without a valence entry, the form that has one: the key without a possessive 's, else without
     * leading and trailing ASCII punctuation (if more than two characters remain, as in VADER); null if none.
     */
    private String fallback(String key) {
        int len = key.length();
        if (len > 2 && key.endsWith("'s")) {
            String stem = key.substring(0, len - 2);
            if (hasValence(stem)) {
                return stem;
            }
        }
        if (len > 3 && (isAsciiPunctuation(key.charAt(0)) || isAsciiPunctuation(key.charAt(len - 1)))) {
            int from = 0;
            int to = len;
            while (from < to && isAsciiPunctuation(key.charAt(from))) {
                from++;
            }
            while (to > from && isAsciiPunctuation(key.charAt(to - 1))) {
                to--;
            }
            if (to - from > 2) {
                String stripped = key.substring(from, to);
                if (hasValence(stripped)) {
                    return stripped;
                }
            }
        }
        return null;
    }

    private boolean hasValence(String key) {
        ToneLexicon.Entry e = lexicon.entry(key);
        return e != null && !Double.isNaN(e.valence);
    }

    static String normalise(String token) {
        String k = token.toLowerCase(Locale.ROOT);
        if (k.indexOf('\u2019') >= 0 || k.indexOf('\u2018') >= 0) {
            k = k.replace('\u2019', '\'').replace('\u2018', '\'');
        }
        return k;
    }

    private static boolean isPunctuation(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (Character.isLetterOrDigit(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** "'s", "'ll", "'re", "'ve", "'d", "'m" and the like, split off by the tokenizer. */
    private static boolean isClitic(String key) {
        int len = key.length();
        if (len < 2 || len > 3 || key.charAt(0) != '\'') {
            return false;
        }
        for (int i = 1; i < len; i++) {
            if (!Character.isLetter(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && c > ' ' && c != 127;
    }

    private static boolean isSoOrThis(String key) {
        return key.equals("so") || key.equals("this");
    }

    /** v rounded to three decimals, without trailing zeros, with a typographic minus. */
    static String num(double v) {
        long thousandths = Math.round(v * 1000);
        String s = BigDecimal.valueOf(thousandths, 3).stripTrailingZeros().toPlainString();
        return thousandths < 0 ? "−" + s.substring(1) : s;
    }

    static String signed(double v) {
        return v >= 0 ? "+" + num(v) : num(v);
    }

    /** Collects what {@link #run} did, for {@link #explain}. */
    private static final class Trace {
        final List<String> tokens;
        final double[] base;
        final double[] value;
        final List<List<String>> rules;
        final List<String> sentence = new ArrayList<>();
        double rawSum;

        Trace(List<String> tokens) {
            this.tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
            int n = this.tokens.size();
            base = new double[n];
            value = new double[n];
            rules = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rules.add(new ArrayList<>(2));
            }
        }

        void add(int token, String rule) {
            rules.get(token).add(rule);
        }

        void sentence(String rule) {
            sentence.add(rule);
        }

        ToneExplanation build(double score) {
            List<ToneExplanation.Step> steps = new ArrayList<>(tokens.size());
            for (int i = 0; i < tokens.size(); i++) {
                steps.add(new ToneExplanation.Step(i, tokens.get(i), base[i], value[i], rules.get(i)));
            }
            return new ToneExplanation(score, rawSum, steps, sentence);
        }
    }
}
