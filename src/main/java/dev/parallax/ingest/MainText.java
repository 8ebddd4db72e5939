package dev.parallax.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The main text of an HTML page, without its boilerplate (navigation, footers, "read more" and
 * related lists, cookie banners, captions, share bars), as paragraphs joined by a blank line.
 *
 * <p>Three steps. (1) Page furniture that the markup itself names is removed: scripts, styles,
 * {@code nav}, {@code header}, {@code footer}, {@code aside}, forms, buttons, figure captions,
 * {@code role=navigation} and {@code aria-hidden} elements, and consent banners (dialogs; class or
 * id naming cookies, consent or GDPR). (2) A maintained extraction library ({@link Extractor})
 * decides which of the remaining text is the article. (3) The page's own block elements ({@code p,
 * li, blockquote, pre}, outermost only) that the library kept become the paragraphs, each as its
 * whitespace-collapsed text: a block is kept when at least half its characters are in text the
 * library marked as content, unless at least half its characters are link text (a "read more" line
 * or a related headline inside the article, which both libraries keep). Taking the paragraphs from
 * the page rather than from the library's output keeps paragraph breaks exact and makes the two
 * libraries' results comparable block by block. When the library keeps none of those blocks (text
 * in bare {@code div}s), its own text is used, split into paragraphs at its block boundaries.
 *
 * <p>Deterministic: same page, same extractor, same text. docs/extraction.md has the measurement
 * behind the default.
 */
public final class MainText {
  private MainText() {}

  /** The extraction libraries, selected by config {@code ingest.extractor}. */
  public enum Extractor {
    /** Readability4J 1.0.8, a port of Mozilla's Readability (the default: docs/extraction.md). */
    READABILITY,
    /** Boilerpipe 1.2.2's ArticleExtractor (Kohlschütter et al., shallow text features). */
    BOILERPIPE;

    /** The config value ({@code readability}, {@code boilerpipe}). */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Extractor of(String configName) {
      return valueOf(configName.toUpperCase(Locale.ROOT));
    }
  }

  /** The config default of {@code ingest.extractor}. */
  public static final Extractor DEFAULT = Extractor.READABILITY;

  /**
   * Elements that are never article text, whatever the library says: page structure the markup
   * names, and consent banners (dialogs, or elements whose class or id names cookies or consent),
   * which on a page with little text a library may otherwise take for the content.
   */
  static final String FURNITURE =
      "script, style, noscript, nav, header, footer, aside, form, iframe, svg, template, "
          + "button, figure figcaption, [role=navigation], [aria-hidden=true], [role=dialog], "
          + "[role=alertdialog], [aria-modal=true], [class*=cookie], [id*=cookie], "
          + "[class*=consent], [id*=consent], [class*=gdpr], [id*=gdpr]";

  static final String BLOCKS = "p, li, blockquote, pre";

  /** Attribute marking each candidate block with its position, so it survives the library. */
  static final String MARK = "data-parallax-block";

  /**
   * Which parts of a page a library keeps as content; implementations may change {@code doc}.
   * Returns the indexes (values of {@link #MARK}) of the candidate blocks it keeps, and its own
   * text for pages whose content is in none of the candidate blocks.
   */
  interface Library {
    Kept keep(Document doc, List<Element> blocks);
  }

  /** The blocks a library kept (by index) and its own plain text, paragraphs split by '\n'. */
  record Kept(Set<Integer> blocks, String ownText) {}

  /** Fewer non-whitespace characters than this in the main text: the page has none. */
  public static final int MIN_CHARS = 50;

  /** At least this share of the main text's characters in links: it is navigation, not text. */
  public static final double MAX_LINK_SHARE = 0.5;

  /**
   * The extracted main text.
   *
   * @param text paragraphs joined by "\n\n"; "" when none
   * @param linkShare share of the text's non-whitespace characters inside links, in [0, 1]
   */
  public record Extracted(String text, double linkShare) {}

  /**
   * Whether a page has main text: at least {@value #MIN_CHARS} non-whitespace characters, fewer
   * than half of them in links. A page of navigation, link lists or a one-line stub has none.
   */
  public static boolean hasMainText(Extracted e) {
    return nonWhitespace(e.text()) >= MIN_CHARS && e.linkShare() < MAX_LINK_SHARE;
  }

  /** The main text of {@code doc}; see {@link #extract(Document, Extractor)}. */
  public static String text(Document doc, Extractor extractor) {
    return extract(doc, extractor).text();
  }

  /**
   * The main text of {@code doc}. The document is changed (furniture removed, the library's
   * rewriting): read metadata from it first.
   */
  public static Extracted extract(Document doc, Extractor extractor) {
    doc.select(FURNITURE).remove();
    if (doc.body() == null) {
      return new Extracted("", 0);
    }
    List<Element> blocks = outermostBlocks(doc.body());
    for (int i = 0; i < blocks.size(); i++) {
      blocks.get(i).attr(MARK, Integer.toString(i));
    }
    // The texts are taken before the library runs: it may rewrite the elements it keeps.
    List<String> texts = new ArrayList<>(blocks.size());
    long[] linkChars = new long[blocks.size()];
    for (int i = 0; i < blocks.size(); i++) {
      texts.add(blocks.get(i).text().strip());
      for (Element a : blocks.get(i).select("a")) {
        linkChars[i] += nonWhitespace(a.text());
      }
    }
    Kept kept = library(extractor).keep(doc, blocks);
    StringBuilder text = new StringBuilder();
    long links = 0;
    for (int i = 0; i < blocks.size(); i++) {
      if (kept.blocks().contains(i)
          && !texts.get(i).isEmpty()
          && !mostlyLink(texts.get(i), linkChars[i])) {
        append(text, texts.get(i));
        links += linkChars[i];
      }
    }
    if (kept.blocks().isEmpty() && kept.ownText() != null) {
      for (String line : kept.ownText().split("\n", -1)) {
        String t = line.strip().replaceAll("\\s+", " ");
        if (!t.isEmpty()) {
          append(text, t);
        }
      }
    }
    long all = nonWhitespace(text);
    return new Extracted(text.toString(), all == 0 ? 0 : Math.min(1.0, (double) links / all));
  }

  /** A paragraph that is mostly link text ("Read more: …", a related headline) is navigation. */
  private static boolean mostlyLink(String text, long linkChars) {
    return linkChars >= MAX_LINK_SHARE * nonWhitespace(text);
  }

  static long nonWhitespace(CharSequence s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  private static void append(StringBuilder text, String paragraph) {
    if (text.length() > 0) {
      text.append("\n\n");
    }
    text.append(paragraph);
  }

  private static Library library(Extractor extractor) {
    return switch (extractor) {
      case READABILITY -> new ReadabilityText();
      case BOILERPIPE -> new BoilerpipeText();
    };
  }

  /** The text under {@code root}, one line per block-level element. */
  static String linesOf(Element root) {
    StringBuilder sb = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              sb.append(t.text());
            } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
              sb.append('\n');
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && e.isBlock()) {
              sb.append('\n');
            }
          }
        },
        root);
    return sb.toString();
  }

  /** Block elements not inside another block element, in document order. */
  static List<Element> outermostBlocks(Element root) {
    Elements all = root.select(BLOCKS);
    List<Element> out = new ArrayList<>();
    for (Element b : all) {
      boolean nested = false;
      for (Element p = b.parent(); p != null && !p.equals(root); p = p.parent()) {
        if (p.is(BLOCKS)) {
          nested = true;
          break;
        }
      }
      if (!nested) {
        out.add(b);
      }
    }
    return out;
  }
}
