package dev.parallax.ingest;

import de.l3s.boilerpipe.BoilerpipeProcessingException;
import de.l3s.boilerpipe.document.TextBlock;
import de.l3s.boilerpipe.document.TextDocument;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import de.l3s.boilerpipe.sax.BoilerpipeHTMLContentHandler;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * {@link MainText.Library} over boilerpipe's {@link ArticleExtractor}. Boilerpipe's own HTML parser
 * (NekoHTML on Xerces) is not used: jsoup's parse is replayed as SAX events into boilerpipe's
 * content handler, one {@code characters} call per text node, so each boilerpipe text block names
 * the text nodes it holds. A block is kept when at least half its characters are in content text
 * blocks.
 */
final class BoilerpipeText implements MainText.Library {

  @Override
  public MainText.Kept keep(Document doc, List<Element> blocks) {
    BoilerpipeHTMLContentHandler handler = new BoilerpipeHTMLContentHandler();
    List<TextNode> textNodes = new ArrayList<>();
    try {
      handler.startDocument();
      NodeTraversor.traverse(new SaxReplay(handler, textNodes), doc);
      handler.endDocument();
    } catch (SaxRuntime | SAXException e) {
      return new MainText.Kept(Set.of(), null);
    }
    TextDocument td = handler.toTextDocument();
    try {
      ArticleExtractor.INSTANCE.process(td);
    } catch (BoilerpipeProcessingException e) {
      return new MainText.Kept(Set.of(), null);
    }
    // Text element k (1-based, one per characters() call) is textNodes[k - 1].
    Set<TextNode> content = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (TextBlock tb : td.getTextBlocks()) {
      if (!tb.isContent()) {
        continue;
      }
      BitSet bits = tb.getContainedTextElements();
      for (int k = bits.nextSetBit(0); k >= 0; k = bits.nextSetBit(k + 1)) {
        if (k >= 1 && k <= textNodes.size()) {
          content.add(textNodes.get(k - 1));
        }
      }
    }
    Set<Integer> kept = new HashSet<>();
    for (int i = 0; i < blocks.size(); i++) {
      long total = 0;
      long in = 0;
      for (Element e : blocks.get(i).getAllElements()) {
        for (TextNode t : e.textNodes()) {
          int n = t.text().strip().length();
          total += n;
          if (content.contains(t)) {
            in += n;
          }
        }
      }
      if (total > 0 && 2 * in >= total) {
        kept.add(i);
      }
    }
    return new MainText.Kept(kept, td.getContent());
  }

  /** Replays a jsoup tree as the SAX events NekoHTML would send (upper-case element names). */
  private static final class SaxReplay implements NodeVisitor {
    private final BoilerpipeHTMLContentHandler handler;
    private final List<TextNode> textNodes;
    private final Map<String, String> upper = new java.util.HashMap<>();

    SaxReplay(BoilerpipeHTMLContentHandler handler, List<TextNode> textNodes) {
      this.handler = handler;
      this.textNodes = textNodes;
    }

    private String name(Element e) {
      return upper.computeIfAbsent(e.normalName(), n -> n.toUpperCase(Locale.ROOT));
    }

    @Override
    public void head(Node node, int depth) {
      try {
        if (node instanceof Element e && !(node instanceof Document)) {
          AttributesImpl attrs = new AttributesImpl();
          for (Attribute a : e.attributes()) {
            attrs.addAttribute("", a.getKey(), a.getKey(), "CDATA", a.getValue());
          }
          handler.startElement("", name(e), name(e), attrs);
        } else if (node instanceof TextNode t) {
          textNodes.add(t);
          char[] chars = t.getWholeText().toCharArray();
          handler.characters(chars, 0, chars.length);
        }
      } catch (SAXException ex) {
        throw new SaxRuntime(ex);
      }
    }

    @Override
    public void tail(Node node, int depth) {
      try {
        if (node instanceof Element e && !(node instanceof Document)) {
          handler.endElement("", name(e), name(e));
        }
      } catch (SAXException ex) {
        throw new SaxRuntime(ex);
      }
    }
  }

  /** Carries a SAXException out of the jsoup visitor. */
  private static final class SaxRuntime extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SaxRuntime(SAXException cause) {
      super(cause);
    }
  }
}
