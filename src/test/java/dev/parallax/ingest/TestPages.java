package dev.parallax.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Invented news pages for the extraction tests: the same known article paragraphs wrapped in four
 * page templates with realistic boilerplate (menus, cookie banners, share bars, captions, "read
 * more" and related lists, newsletter boxes, footers), some marked up semantically and some not.
 * Every outlet and story is invented; each page carries {@code parallax:synthetic}.
 */
final class TestPages {
  private TestPages() {}

  /**
   * A page and what it is made of.
   *
   * @param template the template's name
   * @param article the article's paragraphs, as the main text should hold them
   * @param boilerplate the text units of everything else: none should reach the main text
   */
  record Page(String template, String html, List<String> article, List<String> boilerplate) {}

  /** Invented stories: a title and paragraphs. */
  record Story(String title, List<String> paragraphs) {}

  static final Story BRIDGE =
      new Story(
          "Council approves emergency repairs to the Harbour Street bridge",
          List.of(
              "The city council voted seven to two on Tuesday night to spend 4.2 million on"
                  + " emergency repairs to the Harbour Street bridge, after inspectors found"
                  + " corrosion in three of its steel supports.",
              "Engineers told councillors that the bridge remains safe for cars but that lorries"
                  + " heavier than twelve tonnes will be diverted from Monday until the work is"
                  + " finished.",
              "\"We cannot keep patching a structure that carries eighteen thousand vehicles a"
                  + " day,\" said the council's transport chair, Mira Castell, who proposed the"
                  + " spending.",
              "Two councillors argued that the money should come from next year's road budget"
                  + " instead of the reserve fund, and asked for a public hearing before any"
                  + " contract is signed.",
              "Repairs are expected to take eleven weeks. The ferry between the north and south"
                  + " quays will run every fifteen minutes during the closure, the port authority"
                  + " said."));

  static final Story FLOOD =
      new Story(
          "Valley towns weigh the cost of new flood walls",
          List.of(
              "Residents of three valley towns packed a school hall on Thursday to hear plans for"
                  + " a chain of flood walls along the Lenne river, the largest public works"
                  + " project in the district for two decades.",
              "The regional water board estimates the walls would protect about 2,300 homes from"
                  + " a flood of the size that swept through the valley in the spring of last"
                  + " year.",
              "Several shop owners said the walls would cut the town centres off from the river"
                  + " front and asked the board to consider removable barriers instead.",
              "The board's chief engineer, Tomas Vell, said removable barriers had been studied"
                  + " but would need crews on standby for every storm warning, which the towns"
                  + " could not staff.",
              "A final decision is due in June, after a consultation that runs until the end of"
                  + " April."));

  static final Story ORCHARD =
      new Story(
          "Late frost leaves orchard growers counting losses",
          List.of(
              "A late frost last weekend damaged apple and pear blossom across the northern"
                  + " orchards, and growers say up to a third of this year's crop may be lost.",
              "Temperatures fell to minus four degrees in the hours before dawn on Sunday,"
                  + " according to the regional weather service, the coldest April night in"
                  + " fourteen years.",
              "Growers who ran frost fans and sprinklers through the night reported lighter"
                  + " damage, but many smaller farms cannot afford the equipment.",
              "The growers' association has asked the agriculture ministry to open its disaster"
                  + " relief fund, which pays up to sixty percent of proven losses."));

  static final List<Story> STORIES = List.of(BRIDGE, FLOOD, ORCHARD);

  static String head(String outlet, Story s) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>"
        + s.title()
        + " | "
        + outlet
        + "</title>\n<meta property=\"og:title\" content=\""
        + s.title()
        + "\">\n<meta name=\"parallax:synthetic\" content=\"true\">\n"
        + "<script>window.dataLayer=[];function track(e){window.dataLayer.push(e)}</script>\n"
        + "<style>body{font-family:serif}.menu li{display:inline}</style></head>\n";
  }

  /**
   * Semantic markup: header, nav, article with share bar, figure and related list, aside, footer.
   */
  static Page semantic(String outlet, Story s) {
    List<String> bp =
        List.of(
            "We use cookies to personalise content and to analyse our traffic.",
            "Accept all cookies",
            "City Desk and Local Politics",
            "Weather and Tides Tonight",
            "Share this story on the social networks",
            "Copy the link to this page",
            "Workers inspect a steel support under the span in March.",
            "Read more: Ferry timetable changes for the spring season",
            "Read more: Parking charges rise in the old port district",
            "Most popular this week across our network",
            "Opinion: Why the port needs a long-term transport plan",
            "All rights reserved by the publisher of this invented site.",
            "Contact the newsroom and send us your tips");
    StringBuilder h = new StringBuilder(head(outlet, s));
    h.append("<body>\n<div class=\"cookie-banner\"><p>")
        .append(bp.get(0))
        .append("</p><button>")
        .append(bp.get(1))
        .append("</button></div>\n<header><div class=\"logo\">")
        .append(outlet)
        .append("</div><nav><ul><li><a href=\"/city\">")
        .append(bp.get(2))
        .append("</a></li><li><a href=\"/weather\">")
        .append(bp.get(3))
        .append("</a></li></ul></nav></header>\n<main><article><h1>")
        .append(s.title())
        .append("</h1>\n<div class=\"share-bar\"><ul><li><a href=\"#s\">")
        .append(bp.get(4))
        .append("</a></li><li><a href=\"#c\">")
        .append(bp.get(5))
        .append("</a></li></ul></div>\n<figure><img src=\"/p.jpg\" alt=\"\"><figcaption>")
        .append(bp.get(6))
        .append("</figcaption></figure>\n");
    for (int i = 0; i < s.paragraphs().size(); i++) {
      h.append("<p>").append(s.paragraphs().get(i)).append("</p>\n");
      if (i == 1) {
        h.append("<p class=\"read-more\"><a href=\"/ferry\">")
            .append(bp.get(7))
            .append("</a></p>\n");
      }
    }
    h.append("<div class=\"related\"><h3>Related</h3><ul><li><a href=\"/parking\">")
        .append(bp.get(8))
        .append("</a></li></ul></div>\n</article>\n<aside><h3>")
        .append(bp.get(9))
        .append("</h3><ul><li><a href=\"/op\">")
        .append(bp.get(10))
        .append("</a></li></ul></aside></main>\n<footer><p>")
        .append(bp.get(11))
        .append("</p><p><a href=\"/contact\">")
        .append(bp.get(12))
        .append("</a></p></footer>\n</body></html>\n");
    return new Page("semantic", h.toString(), s.paragraphs(), bp);
  }

  /** No semantic tags: divs with class names only, menus, sidebar lists, cookie text, footer. */
  static Page divSoup(String outlet, Story s) {
    List<String> bp =
        List.of(
            "This site uses cookies. By continuing to browse you agree to our use of cookies.",
            "Front Page Headlines",
            "Business and Markets",
            "Culture and Weekend Reading",
            "Advertisement",
            "Sign up for the morning briefing newsletter and get the news before breakfast.",
            "Trending now in the region",
            "Council budget row deepens as deadline nears",
            "New cycle lanes open along the canal path",
            "Follow us on every platform for breaking news alerts.",
            "Copyright the invented publisher. All rights reserved.",
            "Terms of use and privacy notice");
    StringBuilder h = new StringBuilder(head(outlet, s));
    h.append("<body>\n<div id=\"consent\"><p>")
        .append(bp.get(0))
        .append("</p></div>\n<div class=\"top\"><div class=\"brand\">")
        .append(outlet)
        .append("</div><div class=\"menu\"><ul><li><a href=\"/\">")
        .append(bp.get(1))
        .append("</a></li><li><a href=\"/biz\">")
        .append(bp.get(2))
        .append("</a></li><li><a href=\"/culture\">")
        .append(bp.get(3))
        .append("</a></li></ul></div></div>\n<div class=\"wrap\"><div class=\"content\">")
        .append("<div class=\"headline\">")
        .append(s.title())
        .append("</div>\n");
    for (int i = 0; i < s.paragraphs().size(); i++) {
      h.append("<p>").append(s.paragraphs().get(i)).append("</p>\n");
      if (i == 2) {
        h.append("<div class=\"ad\"><p>").append(bp.get(4)).append("</p></div>\n");
      }
    }
    h.append("<div class=\"newsletter\"><p>")
        .append(bp.get(5))
        .append("</p></div></div>\n<div class=\"sidebar\"><div class=\"box-title\">")
        .append(bp.get(6))
        .append("</div><ul><li><a href=\"/a\">")
        .append(bp.get(7))
        .append("</a></li><li><a href=\"/b\">")
        .append(bp.get(8))
        .append("</a></li></ul></div></div>\n<div class=\"bottom\"><p>")
        .append(bp.get(9))
        .append("</p><p>")
        .append(bp.get(10))
        .append("</p><p><a href=\"/terms\">")
        .append(bp.get(11))
        .append("</a></p></div>\n</body></html>\n");
    return new Page("div-soup", h.toString(), s.paragraphs(), bp);
  }

  /** A legacy table layout: menu cell, content cell with a photo caption, related links below. */
  static Page tableLayout(String outlet, Story s) {
    List<String> bp =
        List.of(
            "Home page of the evening edition",
            "Archive of past editions",
            "Photo: the scene on Sunday morning, taken by a staff photographer.",
            "Related stories from our archive",
            "Harbour traffic reaches a record for the month of March",
            "School repairs delayed by a supplier dispute",
            "Comments are closed for this article.",
            "Printed from the online edition; reproduction prohibited without permission.");
    StringBuilder h = new StringBuilder(head(outlet, s));
    h.append("<body>\n<table width=\"100%\"><tr><td class=\"left\" width=\"160\">")
        .append("<a href=\"/\">")
        .append(bp.get(0))
        .append("</a><br><a href=\"/archive\">")
        .append(bp.get(1))
        .append("</a></td>\n<td class=\"story\"><font size=\"5\"><b>")
        .append(s.title())
        .append("</b></font>\n<p class=\"caption\"><i>")
        .append(bp.get(2))
        .append("</i></p>\n");
    for (String p : s.paragraphs()) {
      h.append("<p>").append(p).append("</p>\n");
    }
    h.append("<p><b>")
        .append(bp.get(3))
        .append("</b></p>\n<p><a href=\"/x\">")
        .append(bp.get(4))
        .append("</a></p>\n<p><a href=\"/y\">")
        .append(bp.get(5))
        .append("</a></p>\n<p class=\"comments\">")
        .append(bp.get(6))
        .append("</p></td></tr></table>\n<div class=\"imprint\"><p>")
        .append(bp.get(7))
        .append("</p></div>\n</body></html>\n");
    return new Page("table-layout", h.toString(), s.paragraphs(), bp);
  }

  /** An article element cluttered inside: byline box, tags, author bio, inline promos. */
  static Page inlineClutter(String outlet, Story s) {
    List<String> bp =
        List.of(
            "By a staff reporter, updated two hours ago",
            "Listen to this article in five minutes",
            "Don't miss: our weekly quiz on the region's news",
            "Tags: council, transport, weather, farming",
            "The author covers regional affairs and has worked for the paper since it was founded.",
            "More from this author",
            "Found an error? Tell our corrections desk.",
            "You have read three of your five free articles this month.",
            "Subscribe now for full access");
    StringBuilder h = new StringBuilder(head(outlet, s));
    h.append("<body>\n<div class=\"paywall-meter\"><p>")
        .append(bp.get(7))
        .append("</p><a class=\"btn\" href=\"/sub\">")
        .append(bp.get(8))
        .append("</a></div>\n<article class=\"story\"><h1>")
        .append(s.title())
        .append("</h1><div class=\"byline\">")
        .append(bp.get(0))
        .append("</div><div class=\"audio\"><a href=\"#listen\">")
        .append(bp.get(1))
        .append("</a></div>\n");
    for (int i = 0; i < s.paragraphs().size(); i++) {
      h.append("<p>").append(s.paragraphs().get(i)).append("</p>\n");
      if (i == 1) {
        h.append("<p><strong><a href=\"/quiz\">").append(bp.get(2)).append("</a></strong></p>\n");
      }
    }
    h.append("<div class=\"tags\">")
        .append(bp.get(3))
        .append("</div>\n<div class=\"author-bio\"><p>")
        .append(bp.get(4))
        .append("</p><a href=\"/author\">")
        .append(bp.get(5))
        .append("</a></div>\n<p class=\"corrections\"><a href=\"/fix\">")
        .append(bp.get(6))
        .append("</a></p>\n</article>\n</body></html>\n");
    return new Page("inline-clutter", h.toString(), s.paragraphs(), bp);
  }

  /** Every template around every story: 4 × 3 = 12 pages. */
  static List<Page> all() {
    List<Page> out = new ArrayList<>();
    for (Story s : STORIES) {
      out.add(semantic("Harbourline Courier", s));
      out.add(divSoup("Tidewater Gazette", s));
      out.add(tableLayout("Northgate Observer", s));
      out.add(inlineClutter("Sakura Evening Post", s));
    }
    return out;
  }

  /** A page of navigation only: menus and link lists, no article. */
  static String allNavigation() {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Sections | Harbourline Courier</title>")
        .append("<meta name=\"parallax:synthetic\" content=\"true\"></head><body>")
        .append("<div class=\"sections\">");
    for (String section : List.of("City", "Port", "Business", "Culture", "Sport", "Weather")) {
      h.append("<div class=\"col\"><h2>").append(section).append("</h2><ul>");
      for (int i = 1; i <= 6; i++) {
        h.append("<li><a href=\"/")
            .append(section.toLowerCase(java.util.Locale.ROOT))
            .append('/')
            .append(i)
            .append("\">")
            .append(section)
            .append(" headline number ")
            .append(i)
            .append(" of the day</a></li>");
      }
      h.append("</ul></div>");
    }
    return h.append("</div></body></html>").toString();
  }
}
