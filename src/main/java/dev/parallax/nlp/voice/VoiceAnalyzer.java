package dev.parallax.nlp.voice;

import static dev.parallax.nlp.voice.EnglishRules.Q;

import dev.parallax.nlp.voice.EnglishRules.Found;
import dev.parallax.nlp.voice.QuoteFinder.Region;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable, Serializable, thread-safe. Tells each sentence of an article apart by voice and finds
 * the article's quotes with their speakers. The rules are documented in docs/voice.md; they exist
 * for English, Japanese, Chinese and Korean ({@link #supports}). Time is linear in the text's
 * length: quotation marks are paired in one pass, and the sentence rules read each sentence of at
 * most {@value EnglishRules#MAX_SENTENCE} characters once (longer sentences stay authorial, with
 * their quotations excluded).
 */
public final class VoiceAnalyzer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Sentences back (the pronoun's own included) in which a pronoun finds its speaker. */
  static final int PRONOUN_WINDOW = 3;

  /** Words from which a quotation inside an authorial sentence is a quote without a speaker. */
  static final int UNATTRIBUTED_MIN_WORDS = 5;

  private static final Set<String> LANGUAGES = Set.of("en", "ja", "zh", "ko");
  private static final Set<String> PERSONAL = Set.of("he", "she");
  private static final Set<String> HONORIFICS =
      Set.of("mr.", "mr", "ms.", "ms", "mrs.", "mrs", "dr.", "dr");

  private final SpeakerMap speakers;

  public VoiceAnalyzer(SpeakerMap speakers) {
    this.speakers = Objects.requireNonNull(speakers, "speakers");
  }

  public SpeakerMap speakers() {
    return speakers;
  }

  /**
   * Whether voice rules exist for a language (ISO 639-1; a region suffix such as "zh-TW" is
   * ignored): English, Japanese, Chinese and Korean. For other languages {@link #analyse} calls
   * every sentence authorial and finds no quotes; callers should write voice as unknown.
   */
  public static boolean supports(String language) {
    return LANGUAGES.contains(base(language));
  }

  private static String base(String language) {
    if (language == null) {
      return "";
    }
    String l = language.strip().toLowerCase(Locale.ROOT);
    int dash = l.indexOf('-') >= 0 ? l.indexOf('-') : l.indexOf('_');
    return dash >= 0 ? l.substring(0, dash) : l;
  }

  /**
   * The voices of the sentences of {@code text} and its quotes.
   *
   * @param language the article's language (ISO 639-1)
   * @param text the article's text
   * @param sentences the sentences' spans in {@code text}, in order, not overlapping
   */
  public ArticleVoices analyse(String language, String text, List<Span> sentences) {
    String lang = base(language);
    int n = sentences.size();
    if (!LANGUAGES.contains(lang) || n == 0) {
      List<SentenceVoice> out = new ArrayList<>(n);
      for (Span s : sentences) {
        out.add(new SentenceVoice(Voice.AUTHORIAL, List.of(s)));
      }
      return new ArticleVoices(out, List.of());
    }
    boolean english = lang.equals("en");
    List<Region> regions = QuoteFinder.find(text, sentences);

    Voice[] voice = new Voice[n];
    List<List<Span>> authorial = new ArrayList<>(n);
    Found[] frames = new Found[n];
    Found[] attributions = new Found[n];
    String[] masked = new String[n];
    // quote id -> pieces by sentence
    Map<Integer, Map<Integer, Span>> pieces = new LinkedHashMap<>();
    int r0 = 0;
    for (int i = 0; i < n; i++) {
      Span s = sentences.get(i);
      while (r0 < regions.size() && regions.get(r0).end() <= s.begin()) {
        r0++;
      }
      boolean ruled = s.length() <= EnglishRules.MAX_SENTENCE;
      char[] m = ruled ? text.substring(s.begin(), s.end()).toCharArray() : null;
      List<Span> own = new ArrayList<>();
      int cursor = s.begin();
      boolean quoted = false;
      for (int r = r0; r < regions.size() && regions.get(r).begin() < s.end(); r++) {
        Region g = regions.get(r);
        int b = Math.max(g.begin(), s.begin());
        int e = Math.min(g.end(), s.end());
        if (e <= b) {
          continue;
        }
        quoted = true;
        addOwn(text, own, cursor, b);
        cursor = Math.max(cursor, e);
        Span piece = trim(text, b, e);
        if (piece.length() > 0) {
          pieces
              .computeIfAbsent(g.quote(), k -> new LinkedHashMap<>())
              .merge(i, piece, (x, y) -> new Span(x.begin(), y.end()));
        }
        if (m != null) {
          for (int c = b; c < e; c++) {
            m[c - s.begin()] = Q;
          }
        }
      }
      addOwn(text, own, cursor, s.end());
      authorial.add(own);
      masked[i] = m == null ? null : new String(m);
      Found frame = null;
      Found attribution = null;
      if (m != null) {
        if (quoted) {
          frame = english ? EnglishRules.frame(masked[i]) : CjkRules.frame(lang, masked[i]);
        }
        if (frame == null) {
          attribution =
              english ? EnglishRules.attribution(masked[i]) : CjkRules.attribution(lang, masked[i]);
        }
      }
      frames[i] = frame;
      attributions[i] = attribution;
      voice[i] =
          frame != null ? Voice.QUOTED : attribution != null ? Voice.ATTRIBUTED : Voice.AUTHORIAL;
    }

    // Speakers in text order, so pronouns and short names find the speakers before them.
    Resolver resolver = new Resolver(masked, sentences);
    Resolved[] frameSpeaker = new Resolved[n];
    Resolved[] attributionSpeaker = new Resolved[n];
    for (int i = 0; i < n; i++) {
      int base = sentences.get(i).begin();
      if (frames[i] != null && frames[i].speaker() != null) {
        frameSpeaker[i] =
            resolver.resolve(frames[i].speaker(), base + Math.max(frames[i].speakerAt(), 0), i);
      }
      if (attributions[i] != null) {
        attributionSpeaker[i] =
            resolver.resolve(
                attributions[i].speaker(), base + Math.max(attributions[i].speakerAt(), 0), i);
      }
    }

    // Direct quotes.
    List<DirectQuote> direct = new ArrayList<>();
    for (Map.Entry<Integer, Map<Integer, Span>> q : pieces.entrySet()) {
      List<Integer> idx = new ArrayList<>(q.getValue().keySet());
      int first = idx.get(0);
      int last = idx.get(idx.size() - 1);
      boolean inQuoted = false;
      boolean allAttributed = true;
      Resolved speaker = null;
      for (int i : idx) {
        if (voice[i] == Voice.QUOTED) {
          inQuoted = true;
          if (speaker == null && frameSpeaker[i] != null) {
            speaker = frameSpeaker[i];
          }
        }
        allAttributed &= voice[i] == Voice.ATTRIBUTED;
      }
      List<Span> ps = new ArrayList<>(q.getValue().values());
      String quoteText = join(text, ps);
      if (!inQuoted) {
        if (allAttributed) {
          continue; // part of the reported clause
        }
        String named = null;
        if (english && masked[first] != null) {
          Span p0 = ps.get(0);
          int rel = p0.begin() - sentences.get(first).begin();
          int open = Math.max(0, rel - 1);
          named = EnglishRules.naming(masked[first], open, 0);
        }
        if (named != null) {
          speaker = resolver.resolve(named, ps.get(0).begin(), first);
        } else if (EnglishRules.words(quoteText).size() < UNATTRIBUTED_MIN_WORDS
            || (!english && quoteText.length() < 10)) {
          continue; // a scare quote, a term or a title
        }
      }
      direct.add(new DirectQuote(first, last, ps, quoteText, speaker, inQuoted));
    }
    // A quotation in a quoted sentence without a frame speaker continues the speaker of the
    // quotation just before it (or else just after it).
    for (int k = 0; k < direct.size(); k++) {
      DirectQuote d = direct.get(k);
      if (d.speaker != null || !d.inQuoted) {
        continue;
      }
      if (k > 0 && direct.get(k - 1).speaker != null && direct.get(k - 1).last >= d.first - 1) {
        d.speaker = direct.get(k - 1).speaker;
      } else if (k + 1 < direct.size()
          && direct.get(k + 1).speaker != null
          && direct.get(k + 1).first <= d.last + 1) {
        d.speaker = direct.get(k + 1).speaker;
      }
    }
    // Second chance forward-to-backward chains (A, B, C with only C framed).
    for (int k = direct.size() - 2; k >= 0; k--) {
      DirectQuote d = direct.get(k);
      DirectQuote after = direct.get(k + 1);
      if (d.speaker == null && d.inQuoted && after.speaker != null && after.first <= d.last + 1) {
        d.speaker = after.speaker;
      }
    }

    List<Quote> quotes = new ArrayList<>();
    for (DirectQuote d : direct) {
      quotes.add(
          new Quote(
              d.first,
              d.last - d.first + 1,
              Quote.Kind.DIRECT,
              d.pieces,
              d.text,
              d.speaker == null ? null : d.speaker.written,
              d.speaker == null ? null : d.speaker.canonical));
    }
    for (int i = 0; i < n; i++) {
      if (voice[i] != Voice.ATTRIBUTED) {
        continue;
      }
      int base = sentences.get(i).begin();
      Span clause =
          trim(text, base + attributions[i].clauseBegin(), base + attributions[i].clauseEnd());
      Resolved sp = attributionSpeaker[i];
      quotes.add(
          new Quote(
              i,
              1,
              Quote.Kind.ATTRIBUTED,
              List.of(clause),
              text.substring(clause.begin(), clause.end()),
              sp == null ? null : sp.written,
              sp == null ? null : sp.canonical));
    }
    quotes.sort(Comparator.comparingInt((Quote q) -> q.pieces().get(0).begin()));

    List<SentenceVoice> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(
          new SentenceVoice(voice[i], voice[i] == Voice.AUTHORIAL ? authorial.get(i) : List.of()));
    }
    return new ArticleVoices(out, quotes);
  }

  private static final class DirectQuote {
    final int first;
    final int last;
    final List<Span> pieces;
    final String text;
    final boolean inQuoted;
    Resolved speaker;

    DirectQuote(
        int first, int last, List<Span> pieces, String text, Resolved speaker, boolean inQuoted) {
      this.first = first;
      this.last = last;
      this.pieces = pieces;
      this.text = text;
      this.speaker = speaker;
      this.inQuoted = inQuoted;
    }
  }

  /** A speaker as written (after pronoun resolution) and its canonical speaker, if any. */
  private record Resolved(String written, Speaker canonical, int at, int sentence) {}

  /** Resolves speakers in text order and remembers them. */
  private final class Resolver {
    private final String[] masked;
    private final List<Span> sentences;
    private final List<Resolved> history = new ArrayList<>();

    /**
     * @param masked the sentences with quotations masked (null for sentences too long for the
     *     rules): a person named inside a quotation is no antecedent
     */
    Resolver(String[] masked, List<Span> sentences) {
      this.masked = masked;
      this.sentences = sentences;
    }

    Resolved resolve(String written, int at, int sentence) {
      if (written == null) {
        return null;
      }
      String w = written.strip();
      String lw = w.toLowerCase(Locale.ROOT);
      Resolved out;
      if (PERSONAL.contains(lw) || lw.equals("they")) {
        out = pronoun(lw, at, sentence);
        if (out == null) {
          return null;
        }
      } else if (lw.equals("it") || lw.equals("we") || lw.equals("i")) {
        return null;
      } else {
        Speaker c = speakers.lookup(w);
        Resolved earlier = c == null ? fromEarlier(w) : null;
        out = earlier != null ? earlier : new Resolved(w, c, at, sentence);
      }
      Resolved recorded = new Resolved(out.written, out.canonical, at, sentence);
      history.add(recorded);
      return recorded;
    }

    /** he/she: the latest speaker or person named in the window; they: the latest speaker. */
    private Resolved pronoun(String p, int at, int sentence) {
      int from = Math.max(0, sentence - (PRONOUN_WINDOW - 1));
      Resolved last = null;
      for (int k = history.size() - 1; k >= 0; k--) {
        Resolved h = history.get(k);
        if (h.sentence < from) {
          break;
        }
        if (h.at < at) {
          last = h;
          break;
        }
      }
      if (p.equals("they")) {
        return last;
      }
      if (last != null && last.canonical != null && !"person".equals(last.canonical.type())) {
        last = null;
      }
      for (int k = sentence; k >= from; k--) {
        if (masked[k] == null) {
          continue;
        }
        int base = sentences.get(k).begin();
        int upTo =
            k == sentence
                ? Math.max(0, Math.min(at - base, masked[k].length()))
                : masked[k].length();
        if (last != null && base + upTo <= last.at) {
          break;
        }
        Speaker named = speakers.lastPersonBefore(masked[k], upTo);
        if (named != null) {
          int namedAt = base + upTo - 1;
          if (last == null || namedAt > last.at) {
            return new Resolved(named.canonical(), named, namedAt, sentence);
          }
          break;
        }
      }
      return last;
    }

    /**
     * A short name ("Lin", "Mr. Lee") or a definite description ("the spokesperson") not in the
     * map: the latest earlier speaker whose written form contains it (the name or the description's
     * last word), with that speaker's fuller written form and canonical speaker.
     */
    private Resolved fromEarlier(String w) {
      List<String> words = EnglishRules.words(w);
      while (!words.isEmpty() && HONORIFICS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
        words = words.subList(1, words.size());
      }
      String key;
      if (words.size() == 1 && Character.isUpperCase(words.get(0).charAt(0))) {
        key = words.get(0);
      } else if (words.size() >= 2 && words.size() <= 3 && words.get(0).equalsIgnoreCase("the")) {
        key = words.get(words.size() - 1);
      } else {
        return null;
      }
      for (int k = history.size() - 1; k >= 0; k--) {
        Resolved h = history.get(k);
        if (!h.written.equalsIgnoreCase(w) && containsWord(h.written, key)) {
          return h;
        }
      }
      return null;
    }
  }

  private static boolean containsWord(String hay, String word) {
    for (String w : EnglishRules.words(hay)) {
      if (w.equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }

  private static final String MARKS = "“”‘’\"«»「」『』";

  /** Adds {@code [b, e)} without surrounding spaces and quotation marks, if it has a word. */
  private static void addOwn(String text, List<Span> own, int b, int e) {
    while (b < e
        && (Character.isWhitespace(text.charAt(b)) || MARKS.indexOf(text.charAt(b)) >= 0)) {
      b++;
    }
    while (e > b
        && (Character.isWhitespace(text.charAt(e - 1)) || MARKS.indexOf(text.charAt(e - 1)) >= 0)) {
      e--;
    }
    if (e <= b) {
      return;
    }
    Span t = new Span(b, e);
    for (int i = t.begin(); i < t.end(); i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        own.add(t);
        return;
      }
    }
  }

  private static Span trim(String text, int b, int e) {
    while (b < e && Character.isWhitespace(text.charAt(b))) {
      b++;
    }
    while (e > b && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    return new Span(b, e);
  }

  private static String join(String text, List<Span> spans) {
    StringBuilder sb = new StringBuilder();
    for (Span s : spans) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(text, s.begin(), s.end());
    }
    return sb.toString();
  }
}
