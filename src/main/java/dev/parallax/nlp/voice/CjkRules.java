package dev.parallax.nlp.voice;

import static dev.parallax.nlp.voice.EnglishRules.Q;

import dev.parallax.nlp.voice.EnglishRules.Found;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The voice rules for Japanese, Chinese and Korean (docs/voice.md): quotation marks and a short
 * list of attribution cues per language. Reads the masked sentence of {@link EnglishRules}.
 */
final class CjkRules {

  private CjkRules() {}

  private static final String JA_CUES =
      "述べ|語っ|語り|話し|強調し|発言し|指摘し|説明し|明らかにし|表明し|批判し|主張し|訴え|答え|言っ|強調|述べた";
  private static final String ZH_CUES = "表示|说|說|称|稱|指出|强调|強調|回应|宣布|透露";
  private static final String KO_CUES = "말했|밝혔|강조했|전했|덧붙였|지적했|주장했|설명했|말한|밝힌";

  private static final Pattern JA_AFTER_QUOTE =
      Pattern.compile("^[」』”\"\\s]*(?:と|とも)[^。]{0,12}?(?:" + JA_CUES + ")");
  private static final Pattern KO_AFTER_QUOTE =
      Pattern.compile("^[”\"'’\\s]*(?:라고|이라고|고)\\s*(?:[^.]{0,12}?\\s)?(?:" + KO_CUES + ")");
  private static final Pattern ZH_BEFORE_QUOTE =
      Pattern.compile("^(.{1,30}?)(?:" + ZH_CUES + ")[：:，,]?\\s*[“「『\"]*\\s*$");
  private static final Pattern ZH_AFTER_QUOTE =
      Pattern.compile("^[”」』\"，,\\s]*(.{1,30}?)(?:" + ZH_CUES + ")[。.！!]?\\s*$");

  private static final Pattern JA_ACCORDING = Pattern.compile("^(.{1,30}?)(?:によると|によれば)[、,]?");
  private static final Pattern JA_REPORTED =
      Pattern.compile("^(.{1,30}?)(?:は|が)[、,]?(.+?)(?:と|とも)[^。]{0,12}?(?:" + JA_CUES + ")");
  private static final Pattern ZH_ACCORDING = Pattern.compile("^据(.{1,20}?)(?:报道|報道|消息|称|稱)?[，,]");
  private static final Pattern ZH_REPORTED =
      Pattern.compile("^(?:[^，,。]{0,20}[，,])?([^，,。]{1,30}?)(?:" + ZH_CUES + ")[，,：:]");
  private static final Pattern KO_ACCORDING = Pattern.compile("^(.{1,30}?)에\\s*따르면[,]?\\s*");
  private static final Pattern KO_REPORTED =
      Pattern.compile("^(.{1,30}?)(?:은|는|이|가)\\s+(.+?)(?:라고|이라고|고)\\s*(?:" + KO_CUES + ")");

  /** Speaker frame of a sentence with a quotation, or null (see {@link EnglishRules#frame}). */
  static Found frame(String language, String m) {
    int first = m.indexOf(Q);
    if (first < 0) {
      return null;
    }
    int last = m.lastIndexOf(Q);
    String before = m.substring(0, first);
    String after = m.substring(last + 1);
    String middle = m.substring(first, last + 1);
    for (int i = 0; i < middle.length(); i++) {
      if (middle.charAt(i) != Q && Character.isLetterOrDigit(middle.charAt(i))) {
        return null; // words between two quotations: not a plain frame
      }
    }
    switch (language) {
      case "ja" -> {
        if (JA_AFTER_QUOTE.matcher(after).find()) {
          return found(stripParticle(before, "は", "が", "も"), 0);
        }
      }
      case "ko" -> {
        if (KO_AFTER_QUOTE.matcher(after).find()) {
          return found(stripParticle(before, "은", "는", "이", "가"), 0);
        }
      }
      case "zh" -> {
        Matcher b = ZH_BEFORE_QUOTE.matcher(before);
        if (b.matches() && !hasWord(after)) {
          return found(b.group(1), b.start(1));
        }
        Matcher a = ZH_AFTER_QUOTE.matcher(after);
        if (a.matches() && !hasWord(before)) {
          return found(a.group(1), last + 1 + a.start(1));
        }
      }
      default -> {}
    }
    if (!hasWord(before) && !hasWord(after)) {
      return new Found(null, -1, -1, -1);
    }
    return null;
  }

  /** Reported speech by the language's cues, or null. */
  static Found attribution(String language, String m) {
    int end = EnglishRules.trimEndPunct(m, m.length());
    while (end > 0 && "。．！？".indexOf(m.charAt(end - 1)) >= 0) {
      end--;
    }
    switch (language) {
      case "ja" -> {
        Matcher a = JA_ACCORDING.matcher(m);
        if (a.lookingAt()) {
          return clause(a.group(1), a.start(1), a.end(), end);
        }
        Matcher r = JA_REPORTED.matcher(m);
        if (r.lookingAt()) {
          return clause(r.group(1), r.start(1), r.start(2), r.end(2));
        }
      }
      case "zh" -> {
        Matcher a = ZH_ACCORDING.matcher(m);
        if (a.lookingAt()) {
          return clause(a.group(1), a.start(1), a.end(), end);
        }
        Matcher r = ZH_REPORTED.matcher(m);
        if (r.lookingAt()) {
          return clause(r.group(1), r.start(1), r.end(), end);
        }
      }
      case "ko" -> {
        Matcher a = KO_ACCORDING.matcher(m);
        if (a.lookingAt()) {
          return clause(a.group(1), a.start(1), a.end(), end);
        }
        Matcher r = KO_REPORTED.matcher(m);
        if (r.lookingAt()) {
          return clause(r.group(1), r.start(1), r.start(2), r.end(2));
        }
      }
      default -> {}
    }
    return null;
  }

  private static Found clause(String speaker, int at, int cb, int ce) {
    String s = speaker.strip();
    if (s.isEmpty() || s.indexOf(Q) >= 0 || ce <= cb) {
      return null;
    }
    return new Found(s, at, cb, ce);
  }

  private static Found found(String speaker, int at) {
    String s = speaker == null ? "" : speaker.strip();
    int comma = Math.max(s.lastIndexOf('、'), Math.max(s.lastIndexOf('，'), s.lastIndexOf(',')));
    if (comma >= 0) {
      s = s.substring(comma + 1).strip();
    }
    return new Found(s.isEmpty() || s.indexOf(Q) >= 0 ? null : s, at, -1, -1);
  }

  private static String stripParticle(String before, String... particles) {
    String s = before.strip();
    while (!s.isEmpty() && "「『“\"、，,".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1).strip();
    }
    for (String p : particles) {
      if (s.endsWith(p) && s.length() > p.length()) {
        return s.substring(0, s.length() - p.length());
      }
    }
    return s;
  }

  private static boolean hasWord(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
