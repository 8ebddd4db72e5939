package dev.parallax.nlp.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The English voice rules over one sentence (docs/voice.md). Each rule reads a masked copy of the
 * sentence in which the words inside quotation marks are replaced by {@link #Q}, one per character,
 * so positions stay those of the sentence.
 */
final class EnglishRules {

  /** Stands for one character inside a direct quotation. */
  static final char Q = '\uE000';

  /** Rules are applied to sentences up to this length; longer ones stay authorial. */
  static final int MAX_SENTENCE = 2_000;

  /** Speech verbs that introduce a quotation or reported speech, finite forms. */
  static final String SAY_VERBS =
      "said|says|say|told|tells|tell|added|adds|stated|states|noted|notes|warned|warns|argued"
          + "|argues|insisted|insists|declared|declares|stressed|stresses|emphasized|emphasised"
          + "|emphasizes|emphasises|remarked|claimed|claims"
          + "|acknowledged|acknowledges|asserted|asserts|explained|explains|maintained|reiterated"
          + "|reiterates|conceded|concedes|admitted|admits|predicted|predicts|suggested|suggests"
          + "|cautioned|cautions|wrote|writes|tweeted|posted|complained|confirmed|confirms|indicated"
          + "|indicates|recalled|announced|announces";

  /**
   * Verbs that introduce a direct quotation ({@code "…," he continued}) but do not by themselves
   * report speech in a sentence without quotation marks.
   */
  static final String FRAME_ONLY_VERBS =
      "asked|asks|continued|countered|joked|agreed|quipped|replied|replies|responded|responds";

  /**
   * Speech verbs that also name actions ("announced tariffs", "confirmed the deal", "recalled his
   * friendship"): reported speech only with "that" within the next eight words.
   */
  private static final Set<String> THAT_VERBS =
      Set.of(
          "announced",
          "announces",
          "confirmed",
          "confirms",
          "indicated",
          "indicates",
          "suggested",
          "suggests",
          "acknowledged",
          "acknowledges",
          "predicted",
          "predicts",
          "recalled",
          "explained",
          "explains",
          "maintained",
          "admitted",
          "admits",
          "conceded",
          "concedes");

  private static final Set<String> MODALS =
      Set.of("will", "would", "could", "might", "may", "should", "must", "can", "shall");

  /** Words after which a subject starts afresh: relative pronouns and subordinators. */
  private static final Set<String> CLAUSE_OPENERS =
      Set.of(
          "which",
          "who",
          "whom",
          "that",
          "after",
          "when",
          "while",
          "because",
          "since",
          "before",
          "although",
          "though",
          "if",
          "once",
          "until",
          "where",
          "whereas");

  private static final Set<String> NEGATIVE_SUBJECTS = Set.of("neither", "no", "nobody", "none");

  /** Verbs of commitment and appeal: reported speech only with a following "to" or "that". */
  static final String COMMIT_VERBS =
      "urged|urges|vowed|vows|pledged|pledges|promised|promises|called on|calls on";

  /** Multi-word speech acts. */
  static final String EXPRESS_VERBS =
      "expressed (?:deep |grave |strong |serious )?(?:concern|concerns|regret|hope|support"
          + "|confidence|dissatisfaction|opposition|surprise|frustration|disappointment)"
          + "|called for|calls for|described\\b[^.;\\uE000]{0,60}?\\bas\\b";

  /** Participles after a comma: ", saying …" reports the speech of the sentence's subject. */
  static final String PARTICIPLES =
      "saying|adding|arguing|warning|insisting|noting|claiming|stressing|stating|asserting"
          + "|explaining|declaring|emphasizing|emphasising";

  private static final Pattern VERB =
      Pattern.compile(
          "\\b(?:"
              + EXPRESS_VERBS
              + "|"
              + COMMIT_VERBS
              + "|"
              + SAY_VERBS
              + "|asked (?:whether|if|how|why|what|when|who|that))\\b");

  /** First words of the verbs of {@link #VERB}. */
  private static final Set<String> VERB_FIRST_WORDS = firstWords();

  private static Set<String> firstWords() {
    java.util.HashSet<String> out = new java.util.HashSet<>();
    for (String alt :
        (SAY_VERBS + "|" + COMMIT_VERBS + "|expressed|called|calls|described|asked")
            .split("\\|", -1)) {
      out.add(alt.split(" ", -1)[0]);
    }
    return Set.copyOf(out);
  }

  private static final Set<String> PASSIVE =
      Set.of("is", "are", "was", "were", "be", "been", "being");
  private static final Set<String> NOT_SPEECH_OBJECTS = Set.of("little", "nothing", "much", "so");
  private static final Set<String> RELATIVES =
      Set.of("which", "who", "whom", "whose", "that", "what", "where");
  private static final Set<String> ARTICLES = Set.of("the", "a", "an");
  private static final Set<String> CONNECTORS = Set.of("of", "'s", "’s");
  private static final Set<String> TRAILING_FUNCTION_WORDS = Set.of("of", "the", "a", "an");

  private static final Pattern COMMIT = Pattern.compile("^(?:" + COMMIT_VERBS + ")$");

  private static final Pattern PARTICIPLE =
      Pattern.compile(",\\s+(?:" + PARTICIPLES + ")\\b(?:\\s+that\\b)?");

  private static final Pattern ACCORDING = Pattern.compile("\\b[Aa]ccording to\\s+");

  private static final Pattern NAMING =
      Pattern.compile(
          "(?:\\b(?:which|that|what|whom)\\s+)?([\\w.'’-]+(?:\\s+[\\w.'’-]+){0,5}?)\\s+"
              + "(?:(?:has|have|had|also|once|repeatedly)\\s+)*"
              + "(?:called|dubbed|termed|branded|labell?ed|described\\b[^.;\\uE000]{0,40}?\\bas)"
              + "(?:\\s+(?:it|them|this|that|the\\s+[\\w-]+))?\\s*[,:]?\\s*[“‘\"«]?$");

  private static final Pattern DATELINE =
      Pattern.compile("^[A-Z][A-Z.'’]{2,}(?:[ ,][^—–\\n]{0,40}?)?\\s*(?:—|–|--| - )\\s*");

  private static final Pattern WORD = Pattern.compile("[^\\s,;:]+");

  private static final Set<String> ADVERBS =
      Set.of(
          "also",
          "later",
          "again",
          "repeatedly",
          "previously",
          "then",
          "once",
          "has",
          "have",
          "had",
          "reportedly",
          "publicly",
          "privately",
          "separately",
          "earlier",
          "still",
          "already",
          "further",
          "simply",
          "flatly",
          "recently",
          "would",
          "will",
          "often",
          "frequently",
          "quickly",
          "immediately",
          "firmly",
          "bluntly",
          "angrily",
          "only",
          "himself",
          "herself",
          "themselves",
          "itself",
          "just",
          "openly",
          "curtly");

  private static final Set<String> NOT_IN_SPEAKER =
      Set.of(
          "is", "are", "was", "were", "be", "been", "being", "will", "would", "can", "could",
          "should", "may", "might", "must", "did", "does", "do", "not", "that", "if", "because",
          "when", "while", "has", "have", "had", "it's", "there");

  private static final Set<String> DETERMINERS =
      Set.of(
          "the", "a", "an", "one", "some", "many", "several", "two", "three", "four", "both",
          "other", "his", "her", "their", "its", "our", "he", "she", "they", "we", "i", "it",
          "most", "few", "all", "another", "each", "no");

  private static final Set<String> CUT_WORDS =
      Set.of(
          "who",
          "whose",
          "which",
          "in",
          "at",
          "from",
          "with",
          "on",
          "during",
          "after",
          "before",
          "speaking",
          "when",
          "while",
          "to",
          "as");

  private static final Set<String> LEADING_CONJUNCTIONS =
      Set.of(
          "and", "but", "yet", "so", "while", "as", "though", "although", "however", "meanwhile");

  private EnglishRules() {}

  /** A finding of a rule: the speaker as written and, for reported speech, the clause. */
  record Found(String speaker, int speakerAt, int clauseBegin, int clauseEnd) {}

  /**
   * The speaker frame of a sentence with a direct quotation: whether every word outside the
   * quotation marks only names who speaks ({@code "…," Trump said.}, {@code said the prime
   * minister}, {@code Ishiba said: "…"}). Returns null when the sentence has no quotation or has
   * words of its own; a Found with a null speaker when the outside words are punctuation only.
   */
  static Found frame(String m) {
    List<int[]> segments = new ArrayList<>();
    int quotes = 0;
    int i = 0;
    int n = m.length();
    while (i < n) {
      if (m.charAt(i) == Q) {
        quotes++;
        while (i < n && m.charAt(i) == Q) {
          i++;
        }
        continue;
      }
      int b = i;
      while (i < n && m.charAt(i) != Q) {
        i++;
      }
      if (hasWordChar(m, b, i)) {
        segments.add(new int[] {b, i, quotes});
      }
    }
    if (quotes == 0) {
      return null;
    }
    if (segments.isEmpty()) {
      return new Found(null, -1, -1, -1);
    }
    if (segments.size() > 1) {
      return null;
    }
    int[] seg = segments.get(0);
    String s = m.substring(seg[0], seg[1]);
    if (seg[2] == 0) {
      return preFrame(s, seg[0]);
    }
    return postFrame(s, seg[0]);
  }

  private static final Pattern PRE_FRAME =
      Pattern.compile(
          "^(?:.*?,\\s+)?([^,:;]+?)\\s+(?:(?:[a-z]+ly|also|later|then|again|has|had|have)\\s+)*"
              + "("
              + SAY_VERBS
              + "|"
              + COMMIT_VERBS
              + "|"
              + FRAME_ONLY_VERBS
              + ")(?:\\s+(?:to|on|in|at|during|through|via|after|before|from|with|of|later|again"
              + "|also|then|reporters|lawmakers|journalists|the press|an interviewer)\\b[^:,]{0,60}?)?"
              + "\\s*[:,]?\\s*[“‘\"«」『「]*\\s*$");

  private static Found preFrame(String s, int offset) {
    Matcher mt = PRE_FRAME.matcher(s);
    if (!mt.matches()) {
      return null;
    }
    String np = speakerPhrase(mt.group(1), true);
    if (np == null) {
      return null;
    }
    return new Found(np, offset + mt.start(1), -1, -1);
  }

  private static final Pattern POST_NP_VERB =
      Pattern.compile(
          "^[\\s,.;:—–\\-”’\"»」』]*([^,:;]+?)\\s+(?:(?:[a-z]+ly|also|later|then|again|has|had|have)"
              + "\\s+)*("
              + SAY_VERBS
              + "|"
              + COMMIT_VERBS
              + "|"
              + FRAME_ONLY_VERBS
              + ")\\b.*$",
          Pattern.DOTALL);

  private static final Pattern POST_VERB_NP =
      Pattern.compile(
          "^[\\s,.;:—–\\-”’\"»」』]*(?:[a-z]+ly\\s+)?("
              + SAY_VERBS
              + "|"
              + FRAME_ONLY_VERBS
              + ")\\s+(.+?)\\s*(?:[,;:(]\\s.*|[.!?]?\\s*)$",
          Pattern.DOTALL);

  private static Found postFrame(String s, int offset) {
    Matcher a = POST_VERB_NP.matcher(s);
    if (a.matches()) {
      String np = speakerPhrase(a.group(2), false);
      if (np != null) {
        return new Found(np, offset + a.start(2), -1, -1);
      }
    }
    Matcher b = POST_NP_VERB.matcher(s);
    if (b.matches()) {
      String np = speakerPhrase(b.group(1), true);
      if (np != null) {
        return new Found(np, offset + b.start(1), -1, -1);
      }
    }
    return null;
  }

  /**
   * Reported speech: "X said (that) …", "…, X said.", "according to X, …", "X, …, warned that …",
   * "…, saying …". Null when none of the rules applies.
   */
  static Found attribution(String m) {
    int start = 0;
    Matcher d = DATELINE.matcher(m);
    if (d.lookingAt()) {
      start = d.end();
    }
    int end = trimEndPunct(m, m.length());
    Found according = according(m, start, end);
    if (according != null && according.clauseBegin() > according.speakerAt()) {
      return according; // "According to X, …" leads
    }
    Matcher v = VERB.matcher(m);
    int i = start;
    int n = m.length();
    while (i < n) {
      // Words are checked against the verbs' first words before the regex runs: the regex's
      // long alternation would otherwise be tried at every position.
      while (i < n && !Character.isLetter(m.charAt(i))) {
        i++;
      }
      int b = i;
      while (i < n && Character.isLetter(m.charAt(i))) {
        i++;
      }
      if (b < i
          && (b == 0 || !Character.isLetterOrDigit(m.charAt(b - 1)))
          && VERB_FIRST_WORDS.contains(m.substring(b, i))) {
        v.region(b, n);
        if (v.lookingAt()) {
          Found f = atVerb(m, start, end, v.start(), v.end(), v.group());
          if (f != null) {
            return f;
          }
        }
      }
    }
    if (according != null) {
      return according;
    }
    Matcher p = PARTICIPLE.matcher(m);
    p.region(start, m.length());
    if (p.find()) {
      String np = leadingPhrase(m, start);
      if (np != null) {
        int cb = skipSpace(m, p.end());
        if (end > cb) {
          return new Found(np, start, cb, end);
        }
      }
    }
    return null;
  }

  private static Found according(String m, int start, int end) {
    Matcher acc = ACCORDING.matcher(m);
    acc.region(start, m.length());
    if (!acc.find() || acc.end() >= end) {
      return null;
    }
    int npEnd = indexOfAny(m, ",;", acc.end(), end);
    String np = speakerPhrase(m.substring(acc.end(), npEnd), false);
    if (np == null) {
      return null;
    }
    boolean atStart = m.substring(start, acc.start()).isBlank();
    int cb = atStart ? skipSpace(m, Math.min(npEnd + 1, end)) : start;
    int ce = atStart ? end : trimEndPunct(m, acc.start());
    return ce > cb ? new Found(np, acc.end(), cb, ce) : null;
  }

  private static Found atVerb(String m, int start, int end, int vb, int ve, String verb) {
    String before = m.substring(start, vb);
    List<String> prev = words(before);
    String last = prev.isEmpty() ? "" : prev.get(prev.size() - 1).toLowerCase(Locale.ROOT);
    String after = m.substring(ve, end);
    List<String> next = words(after);
    String first = next.isEmpty() ? "" : next.get(0).toLowerCase(Locale.ROOT);
    // Negated, passive and idiomatic uses are not reported speech.
    if (last.equals("not") || last.endsWith("n't") || last.equals("never") || last.equals("to")) {
      return null;
    }
    if (PASSIVE.contains(last) || MODALS.contains(last)) {
      return null; // "is said to", "will say": not a report of what was said
    }
    if (NOT_IN_SPEAKER.contains(first) && !first.equals("that")) {
      return null; // a noun before a verb: "Those promises were tied to …"
    }
    if (THAT_VERBS.contains(verb) && !followedWithin(next, 8, "that", "that")) {
      return null;
    }
    if ((verb.equals("said") && last.equals("that") && after.startsWith(","))
        || (verb.equals("told") && last.equals("all"))) {
      return null;
    }
    if ((verb.equals("say") || verb.equals("tell")) && DETERMINERS.contains(last)) {
      return null;
    }
    if (NOT_SPEECH_OBJECTS.contains(first)) {
      return null;
    }
    if (COMMIT.matcher(verb).matches() && !followedWithin(next, 8, "to", "that")) {
      return null;
    }
    // The speaker before the verb, skipping adverbs and a parenthesis between commas.
    int npEnd = vb;
    while (true) {
      int ws = lastWordStart(m, start, npEnd);
      if (ws < 0) {
        break;
      }
      String w = m.substring(ws, npEnd).strip().toLowerCase(Locale.ROOT);
      if (ADVERBS.contains(w) || (w.endsWith("ly") && w.length() > 4 && !w.equals("italy"))) {
        npEnd = ws;
      } else {
        break;
      }
    }
    int trimmed = trimEndSpace(m, start, npEnd);
    boolean inverted = false;
    if (trimmed > start && m.charAt(trimmed - 1) == ',') {
      // "…, said a spokesperson." or "X, speaking on condition of anonymity, said …": a
      // parenthesis when the words before its first comma are a short name.
      int open = m.lastIndexOf(',', trimmed - 2);
      int clauseStart = open < start ? -1 : Math.max(lastBoundary(m, start, open), start);
      boolean parenthesis =
          clauseStart >= 0
              && words(m.substring(clauseStart, open)).size() <= 5
              && speakerPhrase(m.substring(clauseStart, open), true) != null;
      String rest = m.substring(ve, end);
      String inv = rest.isBlank() || parenthesis ? null : speakerPhrase(rest, false);
      if (inv != null && words(rest).size() <= 8 && !rest.contains(",")) {
        int cb = start;
        int ce = trimEndPunct(m, trimmed - 1);
        if (ce > cb) {
          return new Found(inv, ve + (rest.length() - rest.stripLeading().length()), cb, ce);
        }
      }
      int prevComma = m.lastIndexOf(',', trimmed - 2);
      if (prevComma < start) {
        return null;
      }
      trimmed = trimEndSpace(m, start, prevComma);
      inverted = true;
    }
    int segStart = Math.max(lastBoundary(m, start, trimmed), start);
    String seg = m.substring(segStart, trimmed);
    if (seg.indexOf(Q) >= 0) {
      return null;
    }
    List<String> segWords = words(seg);
    if (!segWords.isEmpty()
        && LEADING_CONJUNCTIONS.contains(
            segWords.get(segWords.size() - 1).toLowerCase(Locale.ROOT))) {
      // "Trump praised Ishiba and said …": the subject of the coordinated verbs.
      String np = leadingPhrase(m, segStart);
      return np == null ? null : clauseAfter(m, np, segStart, ve, end, verb, next);
    }
    int opener = lastOpener(seg);
    if (opener > 0) {
      segStart += opener;
      seg = m.substring(segStart, trimmed);
    }
    String np = speakerPhrase(seg, true);
    if (np == null || NEGATIVE_SUBJECTS.contains(words(np).get(0).toLowerCase(Locale.ROOT))) {
      return null;
    }
    int npAt = segStart + (seg.length() - seg.stripLeading().length());
    // "…, analysts said." — the clause is what comes before.
    if (next.isEmpty() || isTrailingAdverbial(after)) {
      int ce = trimEndPunct(m, segStart > start ? segStart - 1 : segStart);
      if (ce > start && !inverted) {
        return new Found(np, npAt, start, ce);
      }
      return null;
    }
    if (after.stripLeading().startsWith(",") && segStart > start) {
      // "Countries should not …, he said, and should …": the whole sentence is reported.
      return new Found(np, npAt, start, end);
    }
    return clauseAfter(m, np, npAt, ve, end, verb, next);
  }

  /** What may stand between a speech verb and its "that": nothing or a short adverbial. */
  private static final Pattern BEFORE_THAT =
      Pattern.compile(
          "^\\s*(?:(?:on|in|at|during|after|before|to|this|last|late|earlier|later|again|also"
              + "|repeatedly|publicly|privately|separately|today|yesterday)\\b[^,;]{0,50})?,?\\s*$");

  /** Offset in {@code seg} just after its last relative pronoun or subordinator, or 0. */
  private static int lastOpener(String seg) {
    Matcher w = WORD.matcher(seg);
    int after = 0;
    boolean firstWord = true;
    while (w.find()) {
      if (!firstWord && CLAUSE_OPENERS.contains(w.group().toLowerCase(Locale.ROOT))) {
        after = w.end();
      }
      firstWord = false;
    }
    return after;
  }

  private static Found clauseAfter(
      String m, String np, int npAt, int ve, int end, String verb, List<String> next) {
    int cb = ve;
    int that = indexOfWord(m, "that", ve, end, 8);
    boolean told = verb.equals("told") || verb.equals("tells") || verb.equals("tell");
    if (that >= 0 && !told && !BEFORE_THAT.matcher(m.substring(ve, that)).matches()) {
      that = -1; // "that" of a later clause: "officials say Ishiba will stress that …"
    }
    if (that >= 0 && !COMMIT.matcher(verb).matches()) {
      cb = that + 4;
    } else if ((verb.equals("told") || verb.equals("tells") || verb.equals("tell"))
        && !next.isEmpty()) {
      int w = m.indexOf(next.get(0), ve);
      cb = w + next.get(0).length();
    }
    cb = skipSpace(m, cb);
    while (cb < end && (m.charAt(cb) == ':' || m.charAt(cb) == ',')) {
      cb = skipSpace(m, cb + 1);
    }
    if (end <= cb) {
      return null;
    }
    return new Found(np, npAt, cb, end);
  }

  private static final Pattern TRAILING_ADVERBIAL =
      Pattern.compile(
          "^\\s*(?:(?:on|this|last|late|early)\\s+(?:\\w+\\.?)(?:\\s+\\d+)?|today|yesterday|later"
              + "|in a statement|in an interview|on condition of anonymity)?\\s*[.!?]*\\s*$");

  private static boolean isTrailingAdverbial(String after) {
    return TRAILING_ADVERBIAL.matcher(after).matches();
  }

  /**
   * An embedded quotation's speaker from "X called", "which Trump called", "dubbed", "described …
   * as" right before the opening mark, or null.
   */
  static String naming(String m, int quoteBegin, int sentenceStart) {
    int from = Math.max(sentenceStart, quoteBegin - 80);
    String before = m.substring(from, quoteBegin);
    if (before.indexOf(Q) >= 0) {
      before = before.substring(before.lastIndexOf(Q) + 1);
    }
    Matcher mt = NAMING.matcher(before);
    if (!mt.find()) {
      return null;
    }
    return speakerPhrase(mt.group(1), true);
  }

  /**
   * The speaker phrase of a candidate noun phrase, trimmed ("a Japanese official traveling with
   * Ishiba" → "a Japanese official", "Rebecca Olin of the Pacific Policy Institute" → "Rebecca
   * Olin"), or null when it does not look like one.
   *
   * @param strict whether the words may also be a clause (then auxiliaries rule it out)
   */
  static String speakerPhrase(String raw, boolean strict) {
    List<String> w = new ArrayList<>(words(raw.replace('\n', ' ')));
    while (!w.isEmpty() && LEADING_CONJUNCTIONS.contains(w.get(0).toLowerCase(Locale.ROOT))) {
      w.remove(0);
    }
    if (w.isEmpty() || w.size() > 10) {
      return null;
    }
    if (RELATIVES.contains(w.get(0).toLowerCase(Locale.ROOT))) {
      return null; // a relative clause ("which China also claims"), not a speaker
    }
    for (String x : w) {
      String lx = x.toLowerCase(Locale.ROOT);
      if (NOT_IN_SPEAKER.contains(lx) || x.indexOf(Q) >= 0) {
        return null;
      }
    }
    // Cut descriptions after the head: "a trade economist in Osaka", "an official involved in …".
    int cut = w.size();
    int capitals = 0;
    for (int i = 0; i < w.size(); i++) {
      String x = w.get(i);
      String lx = x.toLowerCase(Locale.ROOT);
      if (i >= 1 && x.equals(lx) && (CUT_WORDS.contains(lx) || lx.endsWith("ing") || endsEd(lx))) {
        cut = i;
        break;
      }
      if (i >= 1
          && lx.equals("of")
          && capitals >= 2
          && !DETERMINERS.contains(w.get(0).toLowerCase(Locale.ROOT))) {
        cut = i;
        break;
      }
      if (Character.isUpperCase(x.charAt(0))) {
        capitals++;
      }
    }
    w = w.subList(0, cut);
    if (w.isEmpty()) {
      return null;
    }
    String firstWord = w.get(0);
    String lf = firstWord.toLowerCase(Locale.ROOT);
    boolean capital = Character.isUpperCase(firstWord.charAt(0));
    if (!capital && !DETERMINERS.contains(lf) && (strict ? w.size() > 3 : w.size() > 4)) {
      return null;
    }
    if (!capital && !DETERMINERS.contains(lf) && !Character.isLetter(firstWord.charAt(0))) {
      return null;
    }
    if (!capital && (lf.endsWith("ing") || endsEd(lf))) {
      return null; // a participle ("foregrounding economic pledges"), not a speaker
    }
    String last = w.get(w.size() - 1);
    if (CUT_WORDS.contains(last.toLowerCase(Locale.ROOT)) || last.equalsIgnoreCase("of")) {
      return null;
    }
    String out = String.join(" ", w);
    if (out.endsWith(".") && !out.endsWith("Mr.") && out.lastIndexOf('.', out.length() - 2) < 0) {
      out = out.substring(0, out.length() - 1);
    }
    return out.isEmpty() ? null : out;
  }

  private static boolean endsEd(String lx) {
    return lx.length() > 4 && lx.endsWith("ed") && !lx.equals("united") && !lx.equals("red");
  }

  /**
   * The noun phrase at the start of a clause: an optional determiner and the run of capitalised
   * words after it ("The United Steelworkers union has …" → "The United Steelworkers").
   */
  static String leadingPhrase(String m, int from) {
    Matcher w = WORD.matcher(m);
    w.region(from, m.length());
    List<String> out = new ArrayList<>();
    boolean first = true;
    while (w.find() && out.size() < 10) {
      String x = w.group();
      if (x.indexOf(Q) >= 0) {
        break;
      }
      String lx = x.toLowerCase(Locale.ROOT);
      if (first && LEADING_CONJUNCTIONS.contains(lx)) {
        first = false;
        continue;
      }
      if (first && ARTICLES.contains(lx)) {
        out.add(x);
      } else if (Character.isUpperCase(x.charAt(0))) {
        out.add(x);
      } else if (!first && CONNECTORS.contains(lx) && !out.isEmpty()) {
        out.add(x);
      } else {
        break;
      }
      first = false;
      if (m.charAt(w.end() - 1) == ',' || (w.end() < m.length() && m.charAt(w.end()) == ',')) {
        break;
      }
    }
    while (!out.isEmpty()
        && TRAILING_FUNCTION_WORDS.contains(out.get(out.size() - 1).toLowerCase(Locale.ROOT))) {
      out.remove(out.size() - 1);
    }
    return out.isEmpty() ? null : speakerPhrase(String.join(" ", out), false);
  }

  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    Matcher mt = WORD.matcher(s);
    while (mt.find()) {
      out.add(mt.group());
    }
    return out;
  }

  private static boolean followedWithin(List<String> next, int k, String a, String b) {
    for (int i = 0; i < Math.min(k, next.size()); i++) {
      String x = next.get(i).toLowerCase(Locale.ROOT);
      if (x.equals(a) || x.equals(b)) {
        return true;
      }
    }
    return false;
  }

  private static int indexOfWord(String m, String word, int from, int end, int maxWords) {
    Matcher mt = WORD.matcher(m);
    mt.region(from, end);
    int seen = 0;
    while (mt.find() && seen < maxWords) {
      if (mt.group().equals(word)) {
        return mt.start();
      }
      seen++;
    }
    return -1;
  }

  private static int lastWordStart(String m, int start, int end) {
    int e = end;
    while (e > start && m.charAt(e - 1) == ' ') {
      e--;
    }
    if (e == start || m.charAt(e - 1) == ',') {
      return -1;
    }
    int b = e;
    while (b > start && !Character.isWhitespace(m.charAt(b - 1)) && m.charAt(b - 1) != ',') {
      b--;
    }
    return b;
  }

  /** Start of the last clause piece before {@code end}: after , ; : — – ( or a quotation. */
  private static int lastBoundary(String m, int start, int end) {
    for (int i = end - 1; i >= start; i--) {
      char c = m.charAt(i);
      if (c == ',' || c == ';' || c == ':' || c == '—' || c == '–' || c == '(' || c == Q) {
        return i + 1;
      }
    }
    return start;
  }

  private static int indexOfAny(String m, String chars, int from, int end) {
    for (int i = from; i < end; i++) {
      if (chars.indexOf(m.charAt(i)) >= 0) {
        return i;
      }
    }
    return end;
  }

  private static boolean hasWordChar(String m, int b, int e) {
    for (int i = b; i < e; i++) {
      if (Character.isLetterOrDigit(m.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static int skipSpace(String m, int i) {
    while (i < m.length() && Character.isWhitespace(m.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int trimEndSpace(String m, int start, int end) {
    while (end > start && Character.isWhitespace(m.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** {@code end} moved back over spaces and final punctuation (. ! ? , ; : and closing marks). */
  static int trimEndPunct(String m, int end) {
    while (end > 0) {
      char c = m.charAt(end - 1);
      if (Character.isWhitespace(c) || ".!?,;:".indexOf(c) >= 0) {
        end--;
      } else {
        break;
      }
    }
    return end;
  }
}
