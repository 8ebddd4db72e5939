package dev.parallax.ingest;

import com.github.pemistahl.lingua.api.Language;
import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Script groups {@link LanguageId} sorts letters into; Han, hiragana and katakana form one group
 * (CJK), since Japanese writes all three.
 */
enum Script {
  LATIN("Latin script"),
  CJK("Han/kana script"),
  HANGUL("Hangul script"),
  CYRILLIC("Cyrillic script"),
  ARABIC("Arabic script"),
  DEVANAGARI("Devanagari script"),
  TAMIL("Tamil script"),
  BENGALI("Bengali script"),
  GUJARATI("Gujarati script"),
  GURMUKHI("Gurmukhi script"),
  TELUGU("Telugu script"),
  THAI("Thai script"),
  GREEK("Greek script"),
  HEBREW("Hebrew script"),
  GEORGIAN("Georgian script"),
  ARMENIAN("Armenian script"),
  OTHER("another script");

  final String label;

  Script(String label) {
    this.label = label;
  }

  private static final Map<UnicodeScript, Script> BY_UNICODE = new EnumMap<>(UnicodeScript.class);

  static {
    for (Script s : values()) {
      if (s != CJK && s != OTHER) {
        BY_UNICODE.put(UnicodeScript.valueOf(s.name()), s);
      }
    }
    BY_UNICODE.put(UnicodeScript.HAN, CJK);
    BY_UNICODE.put(UnicodeScript.HIRAGANA, CJK);
    BY_UNICODE.put(UnicodeScript.KATAKANA, CJK);
  }

  /**
   * The group of a letter; null for a code point that is not a letter. ASCII, Latin-1 and the main
   * CJK and Hangul blocks are tested by range before the (binary-search) script lookup.
   */
  static Script ofLetter(int cp) {
    if (cp < 0x80) {
      return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' ? LATIN : null;
    }
    if (isKana(cp)) {
      return CJK;
    }
    if (!Character.isLetter(cp)) {
      return null;
    }
    if (cp < 0x250) {
      return LATIN;
    }
    if (isKana(cp) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) {
      return CJK;
    }
    if (cp >= 0xAC00 && cp <= 0xD7A3) {
      return HANGUL;
    }
    UnicodeScript script = UnicodeScript.of(cp);
    if (script == UnicodeScript.COMMON || script == UnicodeScript.INHERITED) {
      return null; // the katakana-hiragana prolonged sound mark, modifier letters
    }
    return BY_UNICODE.getOrDefault(script, OTHER);
  }

  /**
   * Hiragana and katakana letters of the main blocks, the prolonged sound mark ー included (its
   * script is Common, but only Japanese writes it).
   */
  static boolean isKana(int cp) {
    return (cp >= 0x3041 && cp <= 0x3096)
        || (cp >= 0x309D && cp <= 0x309F)
        || (cp >= 0x30A1 && cp <= 0x30FA)
        || (cp >= 0x30FC && cp <= 0x30FF)
        || (cp >= 0x31F0 && cp <= 0x31FF)
        || (cp >= 0xFF66 && cp <= 0xFF9D);
  }

  /** The script groups a Lingua language is written in. */
  static Set<Script> of(Language language) {
    Set<Script> scripts = EnumSet.noneOf(Script.class);
    if (Language.allWithLatinScript().contains(language)) {
      scripts.add(LATIN);
    }
    if (Language.allWithCyrillicScript().contains(language)) {
      scripts.add(CYRILLIC);
    }
    if (Language.allWithArabicScript().contains(language)) {
      scripts.add(ARABIC);
    }
    if (Language.allWithDevanagariScript().contains(language)) {
      scripts.add(DEVANAGARI);
    }
    switch (language) {
      case JAPANESE, CHINESE -> scripts.add(CJK);
      case KOREAN -> scripts.add(HANGUL);
      case TAMIL -> scripts.add(TAMIL);
      case BENGALI -> scripts.add(BENGALI);
      case GUJARATI -> scripts.add(GUJARATI);
      case PUNJABI -> scripts.add(GURMUKHI);
      case TELUGU -> scripts.add(TELUGU);
      case THAI -> scripts.add(THAI);
      case GREEK -> scripts.add(GREEK);
      case HEBREW -> scripts.add(HEBREW);
      case GEORGIAN -> scripts.add(GEORGIAN);
      case ARMENIAN -> scripts.add(ARMENIAN);
      default -> {}
    }
    return scripts;
  }
}
