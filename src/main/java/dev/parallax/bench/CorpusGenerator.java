package dev.parallax.bench;

import dev.parallax.nlp.ThemeTaxonomy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic coverage corpus for the benchmark: the same seed, size and taxonomy
 * give byte-for-byte the same files.
 *
 * <p>Articles are 300–1,200 words from {@link #SOURCES} sources. Sentences come from templates of
 * general news text (abbreviations such as "U.S.", "Mr.", "Feb. 7", "No. 2"; quotes; numbers) into
 * which theme phrases of the real taxonomy are inserted. Each source favours four themes and leans
 * positive or negative, so the comparison tables have real differences to find.
 */
final class CorpusGenerator {
  static final int SOURCES = 24;
  static final int MIN_WORDS = 300;
  static final int MAX_WORDS = 1200;
  static final int ARTICLES_PER_FILE = 1000;
  static final int MIN_FILES = 4;

  /**
   * More words than any template yields, so the sentence that reaches the target stays under
   * MAX_WORDS.
   */
  static final int LONGEST_SENTENCE = 40;

  /** What was written: the files, the article count and the UTF-8 bytes of article text. */
  record Corpus(Path dir, List<Path> files, int articles, long textBytes) {
    double textMb() {
      return textBytes / 1e6;
    }
  }

  private static final String[] OUTLET_WORDS = {
    "Harbor",
    "Meridian",
    "Summit",
    "Pacific",
    "Capital",
    "Northern",
    "Lantern",
    "Granite",
    "Civic",
    "Beacon",
    "Tidewater",
    "Orchard"
  };
  private static final String[] OUTLET_KINDS = {
    "Times", "Wire", "Herald", "Ledger", "Post", "Review", "Courier", "Dispatch"
  };
  private static final String[] NOUNS = {
    "officials",
    "government",
    "ministry",
    "agreement",
    "meeting",
    "statement",
    "leaders",
    "delegation",
    "talks",
    "plan",
    "report",
    "committee",
    "lawmakers",
    "negotiators",
    "summit",
    "policy",
    "council",
    "agency",
    "markets",
    "analysts",
    "spokesman",
    "administration",
    "partners",
    "region",
    "proposal",
    "visit",
    "press conference",
    "parliament",
    "voters",
    "diplomats",
    "briefing",
    "deadline",
    "schedule",
    "budget office",
    "coalition",
    "opposition",
    "allies",
    "observers",
    "correspondents",
    "envoys"
  };
  private static final String[] VERBS = {
    "discussed",
    "announced",
    "reviewed",
    "outlined",
    "signaled",
    "described",
    "questioned",
    "welcomed",
    "criticized",
    "examined",
    "pledged",
    "proposed",
    "rejected",
    "postponed",
    "confirmed",
    "emphasized",
    "debated",
    "expected",
    "reported",
    "noted"
  };
  private static final String[] ADJECTIVES = {
    "new",
    "joint",
    "bilateral",
    "formal",
    "early",
    "broad",
    "detailed",
    "long-term",
    "regional",
    "domestic",
    "official",
    "annual",
    "final",
    "initial",
    "separate",
    "public",
    "private",
    "senior",
    "local",
    "national"
  };
  private static final String[] POSITIVE = {
    "productive",
    "constructive",
    "promising",
    "successful",
    "warm",
    "encouraging",
    "strong",
    "friendly",
    "historic",
    "reassuring",
    "positive",
    "steady",
    "fruitful",
    "cordial",
    "optimistic",
    "welcome",
    "remarkable",
    "solid"
  };
  private static final String[] NEGATIVE = {
    "tense",
    "disappointing",
    "troubling",
    "uncertain",
    "hostile",
    "difficult",
    "alarming",
    "weak",
    "risky",
    "contentious",
    "worrying",
    "bitter",
    "damaging",
    "unfair",
    "dangerous",
    "frustrating",
    "costly",
    "fragile"
  };
  private static final String[] PEOPLE = {
    "Mr. Tanaka",
    "Ms. Rivera",
    "Mr. Okafor",
    "Dr. Lindqvist",
    "Mrs. Chen",
    "Mr. Haddad",
    "Ms. Novak",
    "Prof. Mendes",
    "Gen. Walsh",
    "Sen. Brooks",
    "Gov. Alvarez",
    "Rep. Kim"
  };
  private static final String[] PLACES = {
    "Washington",
    "Tokyo",
    "the U.S.",
    "Seoul",
    "Brussels",
    "the U.K.",
    "Osaka",
    "New York",
    "Canberra",
    "Manila",
    "St. Louis",
    "Geneva"
  };
  private static final String[] MONTHS = {
    "Jan.", "Feb.", "March", "April", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."
  };
  private static final String[] HEDGES = {"may", "could", "might", "perhaps", "likely"};
  private static final String[] TEMPLATES = {
    "{P} said on {D} that the {A} {N} on {T} were {TONE}.",
    "\"We will continue to work on {T},\" {P} told reporters in {PL}.",
    "The {N} {V} {T} in a {TONE} session that lasted {NUM} hours.",
    "According to the {N}, {T} {H} become a {TONE} issue for the U.S. and its partners.",
    "{P}, who spoke after the {N} in {PL}, {V} the {A} {N}.",
    "Officials in {PL} described the {A} {N} as {TONE}, but the {N} {V} {T}.",
    "The {N} {V} {NUM} {A} measures on {D}, the {N} said.",
    "It was not clear whether {T} would be on the agenda of the {A} {N}.",
    "{P} called the {N} \"{TONE}\" and said {T} {H} be raised again.",
    "By {D}, the {N} had {V} about {NUM} percent of the {A} {N}.",
    "The {A} {N} {V} {T}, and {P} {V} the {N}.",
    "In a {TONE} {N}, the {N} {V} plans for {T} worth ${NUM} billion.",
    "Item No. {NUM} on the {N}'s list was {T}, a {TONE} subject for the {N}.",
    "{P} said the {N} was {TONE}.",
    "Asked about {T}, {P} said only that the {N} was \"{TONE} and {TONE}.\"",
    "The {N} in {PL} {V} the {A} {N} on {D} at {NUM} a.m. local time."
  };

  private final List<List<String>> themePhrases;
  private final long seed;

  /** Uses every phrase of every theme of {@code taxonomy}. */
  CorpusGenerator(ThemeTaxonomy taxonomy, long seed) {
    this.themePhrases = new ArrayList<>();
    for (ThemeTaxonomy.Theme t : taxonomy.themes()) {
      if (!t.phrases().isEmpty()) {
        themePhrases.add(List.copyOf(t.phrases()));
      }
    }
    if (themePhrases.isEmpty()) {
      throw new IllegalArgumentException("the theme taxonomy has no phrases to generate text from");
    }
    this.seed = seed;
  }

  /** Writes {@code articles} articles as JSON Lines files into {@code dir} (created if needed). */
  Corpus write(Path dir, int articles) {
    if (articles < 1) {
      throw new IllegalArgumentException("articles must be at least 1, got " + articles);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Source> sources = sources(rnd);
    int nFiles =
        Math.max(
            Math.min(MIN_FILES, articles), (articles + ARTICLES_PER_FILE - 1) / ARTICLES_PER_FILE);
    List<Path> files = new ArrayList<>();
    long bytes = 0;
    try {
      Files.createDirectories(dir);
      int next = 0;
      for (int f = 0; f < nFiles; f++) {
        int end = (int) ((long) articles * (f + 1) / nFiles);
        Path file = dir.resolve(String.format(Locale.ROOT, "coverage-%04d.jsonl", f));
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          for (; next < end; next++) {
            Source s = sources.get(rnd.nextInt(sources.size()));
            String text = article(rnd, s);
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
            w.write(json(next, s, rnd, text));
            w.write('\n');
          }
        }
        files.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Corpus(dir, List.copyOf(files), articles, bytes);
  }

  /**
   * A source: a name, four favoured theme indexes and the share of its tone words that are
   * positive.
   */
  @SuppressWarnings("ArrayRecordComponent") // never compared or hashed; favoured is only read
  private record Source(String name, String slug, int[] favoured, double positiveShare) {}

  private List<Source> sources(SplittableRandom rnd) {
    List<Source> out = new ArrayList<>();
    for (int i = 0; i < SOURCES; i++) {
      String name =
          "The "
              + OUTLET_WORDS[i % OUTLET_WORDS.length]
              + " "
              + OUTLET_KINDS[(i / OUTLET_WORDS.length + i) % OUTLET_KINDS.length];
      int[] fav = new int[4];
      for (int k = 0; k < fav.length; k++) {
        fav[k] = rnd.nextInt(themePhrases.size());
      }
      double positive = 0.15 + 0.7 * i / (SOURCES - 1);
      out.add(new Source(name, name.toLowerCase(Locale.ROOT).replace(' ', '-'), fav, positive));
    }
    return out;
  }

  private String article(SplittableRandom rnd, Source s) {
    int target = MIN_WORDS + rnd.nextInt(MAX_WORDS - LONGEST_SENTENCE - MIN_WORDS + 1);
    StringBuilder sb = new StringBuilder(target * 7);
    int words = 0;
    int inParagraph = 0;
    int paragraphLength = 3 + rnd.nextInt(4);
    while (words < target) {
      String sentence = sentence(rnd, s);
      if (sb.length() > 0) {
        sb.append(inParagraph == 0 ? "\n\n" : " ");
      }
      sb.append(sentence);
      words += countWords(sentence);
      if (++inParagraph == paragraphLength) {
        inParagraph = 0;
        paragraphLength = 3 + rnd.nextInt(4);
      }
    }
    return sb.toString();
  }

  private String sentence(SplittableRandom rnd, Source s) {
    return sentence(
        rnd,
        new Slots() {
          @Override
          public String person(SplittableRandom r) {
            return pick(r, PEOPLE);
          }

          @Override
          public String place(SplittableRandom r) {
            return pick(r, PLACES);
          }

          @Override
          public String topic(SplittableRandom r) {
            return themePhrase(r, s);
          }

          @Override
          public double positiveShare() {
            return s.positiveShare();
          }
        });
  }

  /**
   * What fills the slots of a sentence template that depend on who writes about what: people,
   * places and topic phrases, and the share of positive tone words. The other slots (nouns, verbs,
   * adjectives, dates, numbers, hedges) are general news words.
   */
  interface Slots {
    String person(SplittableRandom rnd);

    String place(SplittableRandom rnd);

    String topic(SplittableRandom rnd);

    double positiveShare();
  }

  /** One sentence from a random template, its slots filled in order from {@code rnd}. */
  static String sentence(SplittableRandom rnd, Slots slots) {
    String t = TEMPLATES[rnd.nextInt(TEMPLATES.length)];
    StringBuilder sb = new StringBuilder(t.length() * 2);
    boolean sentenceStart = true;
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c != '{') {
        sb.append(c);
        sentenceStart = false;
        i++;
        continue;
      }
      int close = t.indexOf('}', i);
      String slot = t.substring(i + 1, close);
      String v =
          switch (slot) {
            case "P" -> slots.person(rnd);
            case "N" -> pick(rnd, NOUNS);
            case "V" -> pick(rnd, VERBS);
            case "A" -> pick(rnd, ADJECTIVES);
            case "PL" -> slots.place(rnd);
            case "H" -> pick(rnd, HEDGES);
            case "D" -> pick(rnd, MONTHS) + " " + (1 + rnd.nextInt(28));
            case "NUM" -> Integer.toString(2 + rnd.nextInt(98));
            case "TONE" ->
                rnd.nextDouble() < slots.positiveShare()
                    ? pick(rnd, POSITIVE)
                    : pick(rnd, NEGATIVE);
            case "T" -> slots.topic(rnd);
            default -> throw new IllegalStateException("unknown template slot " + slot);
          };
      sb.append(sentenceStart ? capitalise(v) : v);
      sentenceStart = false;
      i = close + 1;
    }
    return sb.toString();
  }

  /** Two thirds of the time one of the source's favoured themes, else any theme. */
  private String themePhrase(SplittableRandom rnd, Source s) {
    int theme =
        rnd.nextInt(3) < 2
            ? s.favoured()[rnd.nextInt(s.favoured().length)]
            : rnd.nextInt(themePhrases.size());
    List<String> phrases = themePhrases.get(theme);
    return phrases.get(rnd.nextInt(phrases.size()));
  }

  private static String json(int i, Source s, SplittableRandom rnd, String text) {
    String published =
        String.format(
            Locale.ROOT,
            "2025-02-%02dT%02d:%02d:00Z",
            1 + rnd.nextInt(28),
            rnd.nextInt(24),
            rnd.nextInt(60));
    return "{\"id\":\"bench-"
        + i
        + "\",\"source\":"
        + quote(s.name())
        + ",\"url\":\"https://"
        + s.slug()
        + ".example/articles/"
        + i
        + "\""
        + ",\"title\":\"Article "
        + i
        + "\",\"published\":\""
        + published
        + "\""
        + ",\"story\":\"bench\",\"synthetic\":true,\"text\":"
        + quote(text)
        + "}";
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  static String capitalise(String v) {
    return v.isEmpty() ? v : Character.toUpperCase(v.charAt(0)) + v.substring(1);
  }

  static int countWords(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean space = Character.isWhitespace(s.charAt(i));
      if (!space && !in) {
        n++;
      }
      in = !space;
    }
    return n;
  }

  static String pick(SplittableRandom rnd, String[] words) {
    return words[rnd.nextInt(words.length)];
  }
}
