package dev.parallax.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@link MainText.Library} over Readability4J: the blocks inside the element Readability chooses as
 * the article (with the siblings it joins to it) are kept. Readability moves and re-parses elements
 * but keeps their attributes, so the blocks are recognised by {@link MainText#MARK}.
 */
final class ReadabilityText implements MainText.Library {
  /** Readability needs a URI only to resolve relative links, which the text does not use. */
  private static final String BASE_URI = "http://page.invalid/";

  @Override
  public MainText.Kept keep(Document doc, List<Element> blocks) {
    Article article;
    try {
      article = new Readability4J(BASE_URI, doc).parse();
    } catch (RuntimeException e) {
      // A page Readability cannot handle has no main text by this extractor, rather than failing
      // the task; the record is rejected as no_main_text.
      return new MainText.Kept(Set.of(), null);
    }
    Element content = article.getArticleContent();
    if (content == null) {
      return new MainText.Kept(Set.of(), null);
    }
    Set<Integer> kept = new HashSet<>();
    for (Element e : content.select("[" + MainText.MARK + "]")) {
      kept.add(Integer.parseInt(e.attr(MainText.MARK)));
    }
    return new MainText.Kept(kept, MainText.linesOf(content));
  }
}
