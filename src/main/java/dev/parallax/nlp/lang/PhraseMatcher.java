package dev.parallax.nlp.lang;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds taxonomy phrases in a sentence's tokens: each phrase is tokenised by the same {@link
 * CjkProfile} as the text and matches where its tokens occur as a contiguous run.
 *
 * <p>Overlaps are resolved longest match first: among all occurrences, the longest is kept, then
 * the next longest that overlaps none kept, and so on (ties: the leftmost first). So 日米同盟 (日米 同盟)
 * counts once for its theme and not again as 同盟, and one token is never part of two matches. A
 * phrase listed under several themes is one match with all of them.
 *
 * <p>Serializable (a token trie of plain maps): build it once on the driver and ship it with the
 * task, or build it on the executor.
 */
public final class PhraseMatcher implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String language;
  private final Node root = new Node();
  private final int phrases;

  private PhraseMatcher(String language, int phrases) {
    this.language = language;
    this.phrases = phrases;
  }

  /**
   * A matcher for {@code phrasesByTheme} (theme id to its phrases) in {@code profile}'s language.
   *
   * @throws IllegalArgumentException naming the theme and phrase when a phrase has no token (only
   *     punctuation or stop words)
   */
  public static PhraseMatcher of(CjkProfile profile, Map<String, List<String>> phrasesByTheme) {
    int count = 0;
    for (List<String> list : phrasesByTheme.values()) {
      count += list.size();
    }
    PhraseMatcher m = new PhraseMatcher(profile.language(), count);
    for (Map.Entry<String, List<String>> e : phrasesByTheme.entrySet()) {
      for (String phrase : e.getValue()) {
        List<String> tokens = profile.tokens(phrase);
        if (tokens.isEmpty()) {
          throw new IllegalArgumentException(
              "theme "
                  + e.getKey()
                  + " ("
                  + profile.language()
                  + "): phrase '"
                  + phrase
                  + "' has no token after analysis; use a content word");
        }
        Node node = m.root;
        for (String t : tokens) {
          node = node.next.computeIfAbsent(t, k -> new Node());
        }
        node.themes.add(e.getKey());
      }
    }
    return m;
  }

  /** The matcher's language (ISO 639-1). */
  public String language() {
    return language;
  }

  /** How many phrases the matcher was built from. */
  public int phraseCount() {
    return phrases;
  }

  /** The non-overlapping matches in {@code tokens}, in text order. */
  public List<PhraseMatch> match(List<String> tokens) {
    List<int[]> found = new ArrayList<>();
    List<Node> ends = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Node node = root;
      for (int j = i; j < tokens.size(); j++) {
        node = node.next.get(tokens.get(j));
        if (node == null) {
          break;
        }
        if (!node.themes.isEmpty()) {
          found.add(new int[] {i, j + 1, ends.size()});
          ends.add(node);
        }
      }
    }
    found.sort(Comparator.<int[]>comparingInt(s -> s[0] - s[1]).thenComparingInt(s -> s[0]));
    boolean[] taken = new boolean[tokens.size()];
    List<int[]> kept = new ArrayList<>();
    for (int[] s : found) {
      boolean free = true;
      for (int k = s[0]; k < s[1] && free; k++) {
        free = !taken[k];
      }
      if (free) {
        for (int k = s[0]; k < s[1]; k++) {
          taken[k] = true;
        }
        kept.add(s);
      }
    }
    kept.sort(Comparator.comparingInt(s -> s[0]));
    List<PhraseMatch> out = new ArrayList<>(kept.size());
    for (int[] s : kept) {
      out.add(
          new PhraseMatch(
              s[0], s[1], tokens.subList(s[0], s[1]), new ArrayList<>(ends.get(s[2]).themes)));
    }
    return out;
  }

  /** The distinct themes matched in {@code tokens}, sorted. */
  public List<String> themes(List<String> tokens) {
    TreeSet<String> out = new TreeSet<>();
    for (PhraseMatch m : match(tokens)) {
      out.addAll(m.themes());
    }
    return new ArrayList<>(out);
  }

  private static final class Node implements Serializable {
    private static final long serialVersionUID = 1L;
    final Map<String, Node> next = new HashMap<>(4);
    final TreeSet<String> themes = new TreeSet<>();
  }
}
