package dev.parallax.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * News pages as a crawler fetches them: an article's title, byline, published time, language and
 * paragraphs wrapped in one outlet's page template, with the boilerplate real sites put around (and
 * inside) an article: a cookie banner, a masthead with a tagline, navigation menus, a share bar, an
 * image with a caption, a newsletter sign-up in the middle of the text, a "read more" list of
 * related headlines and a footer.
 *
 * <p>Every boilerplate sentence a page carries is known ({@link #boilerplate}), so a test can check
 * that none of them reaches the extracted text. They contain no character that HTML escapes ({@code
 * & < > "}), so each appears verbatim in the page. Every page is marked synthetic ({@code <meta
 * name="parallax:synthetic" content="true">}) and says in its footer that the outlet is invented.
 *
 * <p>Styles differ in markup, wording and where the published time is: {@link Dating#OPEN_GRAPH}
 * ({@code article:published_time}), {@link Dating#JSON_LD} ({@code datePublished}), {@link
 * Dating#TIME_ELEMENT} ({@code <time datetime>} in the byline) or {@link Dating#ALL}. Every style
 * has {@code <html lang>}, {@code og:title} and {@code <meta name="author">}.
 */
public final class PageTemplates {
  private PageTemplates() {}

  /** Where a style puts the published time. */
  public enum Dating {
    OPEN_GRAPH,
    JSON_LD,
    TIME_ELEMENT,
    ALL
  }

  /** A page template: its language, its dating and its boilerplate wording. */
  public enum Style {
    BROADSHEET("en", Dating.OPEN_GRAPH),
    TABLOID("en", Dating.JSON_LD),
    NEWSWIRE("en", Dating.TIME_ELEMENT),
    PORTAL("en", Dating.ALL),
    JA_DAILY("ja", Dating.OPEN_GRAPH),
    ZH_DAILY("zh", Dating.JSON_LD),
    KO_DAILY("ko", Dating.TIME_ELEMENT);

    private final String language;
    private final Dating dating;

    Style(String language, Dating dating) {
      this.language = language;
      this.dating = dating;
    }

    public String language() {
      return language;
    }

    public Dating dating() {
      return dating;
    }

    /** The English styles, for outlets writing in English. */
    public static List<Style> english() {
      return List.of(BROADSHEET, TABLOID, NEWSWIRE, PORTAL);
    }

    /** The style of pages in {@code language} (ja, zh, ko; anything else gets BROADSHEET). */
    public static Style forLanguage(String language) {
      return switch (language) {
        case "ja" -> JA_DAILY;
        case "zh" -> ZH_DAILY;
        case "ko" -> KO_DAILY;
        default -> BROADSHEET;
      };
    }
  }

  /** An outlet: the name shown on its pages and the host its pages are served from. */
  public record Outlet(String name, String host) {}

  /**
   * An article to wrap: its URL, title, byline, published time (ISO-8601 with offset), language
   * ({@code html lang}) and paragraphs (plain text).
   */
  public record Article(
      String url,
      String title,
      String byline,
      String published,
      String language,
      List<String> paragraphs) {}

  /**
   * The boilerplate of one style, {@code {O}} standing for the outlet's name. Sentences are what
   * {@link #boilerplate} lists; menu labels and buttons are short words an article may also use, so
   * they are not listed.
   */
  private record Wording(
      String tagline,
      String cookie,
      String share,
      String caption,
      String newsletter,
      String relatedHeading,
      List<String> related,
      String copyright,
      String invented,
      List<String> menu,
      List<String> buttons) {}

  private static final Wording BROADSHEET_WORDS =
      new Wording(
          "{O}: reporting from the waterfront since 1887.",
          "We use cookies to remember your settings and to measure how {O} is read.",
          "Share this article by email or on your favourite network.",
          "A view of the scene described in this report, drawn for {O} by a staff illustrator.",
          "Get the Morning Edition from {O} in your inbox every weekday at six.",
          "Read more from {O}",
          List.of(
              "City council delays its vote on the new ferry timetable",
              "Five questions about the harbor tunnel repairs",
              "Letters to the editor on the price of school lunches",
              "A weekend guide to the markets along the old quay"),
          "Copyright 2025 {O}. All rights reserved.",
          "{O} is an invented outlet and every page on this site is synthetic test data.",
          List.of("Home", "Local", "World", "Business", "Opinion", "Sport", "Culture"),
          List.of("Accept all", "Manage settings", "Subscribe", "Sign in"));

  private static final Wording TABLOID_WORDS =
      new Wording(
          "{O} brings you the stories everyone is talking about.",
          "This site uses cookies so that {O} can show you stories you will love.",
          "Tell your friends about this story with one tap below.",
          "Pictured: an illustration made for {O} that shows the people in this story.",
          "Never miss a scoop again: join the {O} daily email for free.",
          "You might also like these stories",
          List.of(
              "Neighbours stunned as giant pumpkin breaks the county record",
              "The ten best bakeries in town, ranked by our readers",
              "Lottery winner plans to buy the corner shop he grew up above",
              "Why everyone is suddenly talking about the new bus mascot"),
          "All content copyright 2025 {O} Media Group.",
          "{O} does not exist; this synthetic page was generated for software tests.",
          List.of("News", "Showbiz", "Sport", "Money", "Travel", "Puzzles"),
          List.of("OK", "More options", "Join free"));

  private static final Wording NEWSWIRE_WORDS =
      new Wording(
          "{O} delivers fast, accurate news to partners around the world.",
          "By continuing to use {O} you agree to our use of cookies and similar technologies.",
          "Copy link, send by email or share this report with your newsroom.",
          "File image prepared by the {O} graphics desk to accompany this report.",
          "Newsrooms can subscribe to the full {O} feed through our partner desk.",
          "More headlines from the {O} desk",
          List.of(
              "Markets close mixed as traders await central bank minutes",
              "Storm warnings lifted for the northern coast after calm night",
              "Regional carriers report steady holiday bookings",
              "Commodity prices edge higher in thin trading"),
          "Copyright 2025 {O}. Redistribution requires a partner licence.",
          "{O} is an invented agency; this synthetic report is test data for software.",
          List.of("Top News", "World", "Markets", "Technology", "Sports", "Partners"),
          List.of("Accept", "Reject", "Partner login"));

  private static final Wording PORTAL_WORDS =
      new Wording(
          "Your day starts with {O}: news, weather and more in one place.",
          "{O} and its partners store and access information on your device.",
          "Like this story? Share it or save it to read later.",
          "Illustration: {O} visual team, created for this article.",
          "Create a free {O} account to follow topics and get alerts.",
          "Trending now on {O}",
          List.of(
              "Quiz: how well do you know the rivers of your region",
              "The week in pictures from around the country",
              "Recipe of the day: a simple soup for cold evenings",
              "Weather: a bright weekend ahead for most of the region"),
          "Copyright 2025 {O} Network. Terms of use apply.",
          "{O} is a fictional portal; all pages here are synthetic and invented for testing.",
          List.of("Home", "News", "Weather", "Sports", "Finance", "Lifestyle", "Video"),
          List.of("Agree", "Learn more", "Create account"));

  private static final Wording JA_WORDS =
      new Wording(
          "{O}は地域と世界のニュースをお届けします。",
          "当サイトでは利便性向上のためにクッキーを使用しています。",
          "この記事をメールやSNSで共有できます。",
          "写真は本文の内容を説明するために{O}が作成したイメージです。",
          "{O}のニュースレターに登録すると毎朝主要ニュースが届きます。",
          "あわせて読みたい記事",
          List.of(
              "週末の天気は晴れ、行楽日和の見込み", "駅前再開発の説明会に多くの住民が参加", "地元の高校生が科学コンテストで入賞", "冬の味覚を楽しむ朝市が今年も開幕"),
          "Copyright 2025 {O} 無断転載を禁じます。",
          "{O}は架空の媒体であり、このページは試験用の合成データです。",
          List.of("トップ", "政治", "経済", "国際", "社会", "スポーツ"),
          List.of("同意する", "設定"));

  private static final Wording ZH_WORDS =
      new Wording(
          "{O}为您提供本地和世界的新闻资讯。",
          "本网站使用Cookie以改善您的浏览体验。",
          "您可以通过电子邮件或社交媒体分享本文。",
          "图片为{O}根据本文内容制作的示意图。",
          "订阅{O}新闻简报，每天早上获取要闻。",
          "相关阅读",
          List.of("本周末全市大部分地区天气晴朗", "新图书馆开放首日迎来大批读者", "春季招聘会将于下月在会展中心举行", "老城区道路改造工程进入收尾阶段"),
          "Copyright 2025 {O} 版权所有，未经授权不得转载。",
          "{O}是虚构的媒体，本页面为测试用合成数据。",
          List.of("首页", "国内", "国际", "财经", "科技", "体育"),
          List.of("同意", "设置"));

  private static final Wording KO_WORDS =
      new Wording(
          "{O}는 지역과 세계의 소식을 전합니다.",
          "이 사이트는 더 나은 서비스를 위해 쿠키를 사용합니다.",
          "이 기사를 이메일이나 소셜 미디어로 공유하세요.",
          "사진은 기사 내용을 설명하기 위해 {O}가 만든 이미지입니다.",
          "{O} 뉴스레터를 구독하면 매일 아침 주요 뉴스를 받아볼 수 있습니다.",
          "함께 읽으면 좋은 기사",
          List.of(
              "주말 전국 대체로 맑고 포근한 날씨",
              "동네 도서관 야간 개방 시범 운영",
              "지역 청소년 오케스트라 정기 공연 성황",
              "전통시장 설맞이 할인 행사 시작"),
          "Copyright 2025 {O} 무단 전재 및 재배포 금지.",
          "{O}는 가상의 언론사이며 이 페이지는 시험용 합성 데이터입니다.",
          List.of("홈", "정치", "경제", "사회", "국제", "스포츠"),
          List.of("동의", "설정"));

  private static Wording wording(Style style) {
    return switch (style) {
      case BROADSHEET -> BROADSHEET_WORDS;
      case TABLOID -> TABLOID_WORDS;
      case NEWSWIRE -> NEWSWIRE_WORDS;
      case PORTAL -> PORTAL_WORDS;
      case JA_DAILY -> JA_WORDS;
      case ZH_DAILY -> ZH_WORDS;
      case KO_DAILY -> KO_WORDS;
    };
  }

  /**
   * The boilerplate sentences of an article page of {@code style} for {@code outlet}: tagline,
   * cookie banner, share bar, image caption, newsletter sign-up, "read more" heading and its
   * headlines, and the two footer lines. Each appears verbatim in every such page.
   */
  public static List<String> boilerplate(Style style, Outlet outlet) {
    Wording w = wording(style);
    List<String> out = new ArrayList<>();
    for (String s : List.of(w.tagline(), w.cookie(), w.share(), w.caption(), w.newsletter())) {
      out.add(named(s, outlet));
    }
    out.add(named(w.relatedHeading(), outlet));
    out.addAll(w.related());
    out.add(named(w.copyright(), outlet));
    out.add(named(w.invented(), outlet));
    return List.copyOf(out);
  }

  /** An article page. */
  public static String article(Style style, Outlet outlet, Article a) {
    Wording w = wording(style);
    String css = style.name().toLowerCase(Locale.ROOT).replace('_', '-');
    StringBuilder sb = new StringBuilder(4096 + a.paragraphs().size() * 600);
    head(sb, style, outlet, a);
    sb.append("<body class=\"").append(css).append(" article-page\">\n");
    chrome(sb, style, outlet);
    sb.append("<main id=\"content\">\n<article class=\"story\">\n");
    sb.append("<h1 class=\"headline\">").append(escape(a.title())).append("</h1>\n");
    sb.append("<p class=\"byline\">").append(escape(a.byline()));
    if (style.dating == Dating.TIME_ELEMENT || style.dating == Dating.ALL) {
      sb.append(" <time datetime=\"")
          .append(escape(a.published()))
          .append("\">")
          .append(escape(a.published().substring(0, 10)))
          .append("</time>");
    }
    sb.append("</p>\n");
    sb.append("<div class=\"share-bar\"><span>")
        .append(named(w.share(), outlet))
        .append("</span> <a href=\"#\">Email</a> <a href=\"#\">Link</a></div>\n");
    sb.append("<figure class=\"lead-image\"><img src=\"https://")
        .append(outlet.host())
        .append("/media/lead.jpg\" alt=\"\" width=\"1200\" height=\"675\">")
        .append("<figcaption>")
        .append(named(w.caption(), outlet))
        .append("</figcaption></figure>\n");
    List<String> ps = a.paragraphs();
    int promoAfter = Math.min(2, ps.size());
    for (int i = 0; i < ps.size(); i++) {
      if (i == promoAfter) {
        newsletter(sb, w, outlet);
      }
      sb.append("<p>").append(escape(ps.get(i))).append("</p>\n");
    }
    if (promoAfter == ps.size()) {
      newsletter(sb, w, outlet);
    }
    sb.append("</article>\n");
    sb.append("<aside class=\"related\"><h2>")
        .append(named(w.relatedHeading(), outlet))
        .append("</h2>\n<ul>\n");
    for (int i = 0; i < w.related().size(); i++) {
      sb.append("<li><a href=\"https://")
          .append(outlet.host())
          .append("/more/")
          .append(i + 1)
          .append("\">")
          .append(w.related().get(i))
          .append("</a></li>\n");
    }
    sb.append("</ul></aside>\n</main>\n");
    footer(sb, w, outlet);
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  /**
   * A section front that is all navigation: the site's chrome and a list of links to {@code
   * headlines}, no article text.
   */
  public static String index(Style style, Outlet outlet, String url, List<String> headlines) {
    Wording w = wording(style);
    StringBuilder sb = new StringBuilder(2048 + headlines.size() * 120);
    sb.append("<!DOCTYPE html>\n<html lang=\"").append(style.language).append("\">\n<head>\n");
    sb.append("<meta charset=\"utf-8\">\n<title>")
        .append(escape(outlet.name()))
        .append("</title>\n");
    sb.append("<link rel=\"canonical\" href=\"").append(escape(url)).append("\">\n");
    sb.append("<meta name=\"parallax:synthetic\" content=\"true\">\n</head>\n");
    sb.append("<body class=\"section-front\">\n");
    chrome(sb, style, outlet);
    sb.append("<main><ul class=\"teasers\">\n");
    for (int i = 0; i < headlines.size(); i++) {
      sb.append("<li><a href=\"https://")
          .append(outlet.host())
          .append("/latest/")
          .append(i + 1)
          .append("\">")
          .append(escape(headlines.get(i)))
          .append("</a></li>\n");
    }
    sb.append("</ul></main>\n");
    footer(sb, w, outlet);
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  /** A short error or redirect page: a status line as heading and the site's footer. */
  public static String statusPage(Style style, Outlet outlet, int status, String message) {
    StringBuilder sb = new StringBuilder(1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"").append(style.language).append("\">\n<head>\n");
    sb.append("<meta charset=\"utf-8\">\n<title>")
        .append(status)
        .append(' ')
        .append(escape(message))
        .append("</title>\n<meta name=\"parallax:synthetic\" content=\"true\">\n</head>\n");
    sb.append("<body class=\"status-page\">\n<h1>")
        .append(status)
        .append(' ')
        .append(escape(message))
        .append("</h1>\n");
    footer(sb, wording(style), outlet);
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private static void head(StringBuilder sb, Style style, Outlet outlet, Article a) {
    sb.append("<!DOCTYPE html>\n<html lang=\"").append(escape(a.language())).append("\">\n");
    sb.append("<head>\n<meta charset=\"utf-8\">\n");
    sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    sb.append("<title>")
        .append(escape(a.title()))
        .append(" | ")
        .append(escape(outlet.name()))
        .append("</title>\n");
    sb.append("<link rel=\"canonical\" href=\"").append(escape(a.url())).append("\">\n");
    sb.append("<meta property=\"og:site_name\" content=\"")
        .append(escape(outlet.name()))
        .append("\">\n");
    sb.append("<meta property=\"og:title\" content=\"").append(escape(a.title())).append("\">\n");
    sb.append("<meta property=\"og:type\" content=\"article\">\n");
    sb.append("<meta property=\"og:url\" content=\"").append(escape(a.url())).append("\">\n");
    sb.append("<meta name=\"author\" content=\"").append(escape(a.byline())).append("\">\n");
    if (style.dating == Dating.OPEN_GRAPH || style.dating == Dating.ALL) {
      sb.append("<meta property=\"article:published_time\" content=\"")
          .append(escape(a.published()))
          .append("\">\n");
    }
    if (style.dating == Dating.JSON_LD || style.dating == Dating.ALL) {
      sb.append("<script type=\"application/ld+json\">")
          .append("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":")
          .append(json(a.title()))
          .append(",\"datePublished\":")
          .append(json(a.published()))
          .append(",\"inLanguage\":")
          .append(json(a.language()))
          .append(",\"author\":{\"@type\":\"Person\",\"name\":")
          .append(json(a.byline()))
          .append("},\"publisher\":{\"@type\":\"Organization\",\"name\":")
          .append(json(outlet.name()))
          .append("}}</script>\n");
    }
    sb.append("<meta name=\"parallax:synthetic\" content=\"true\">\n");
    sb.append("<script>window.dataLayer = window.dataLayer || [];")
        .append(" window.dataLayer.push({page: 'article', site: '")
        .append(outlet.host())
        .append("'});</script>\n");
    sb.append("<style>body { font-family: serif; margin: 0 } .cookie-banner { position: fixed;")
        .append(" bottom: 0 } nav ul { display: flex; list-style: none }</style>\n");
    sb.append("</head>\n");
  }

  /** Cookie banner, masthead with tagline, and the main navigation menu. */
  private static void chrome(StringBuilder sb, Style style, Outlet outlet) {
    Wording w = wording(style);
    sb.append("<div class=\"cookie-banner\" role=\"dialog\"><p>")
        .append(named(w.cookie(), outlet))
        .append("</p>");
    for (String b : w.buttons()) {
      sb.append("<button type=\"button\">").append(b).append("</button>");
    }
    sb.append("</div>\n<header class=\"masthead\">\n<a class=\"logo\" href=\"https://")
        .append(outlet.host())
        .append("/\">")
        .append(escape(outlet.name()))
        .append("</a>\n<p class=\"tagline\">")
        .append(named(w.tagline(), outlet))
        .append("</p>\n<nav aria-label=\"main\"><ul>\n");
    for (String m : w.menu()) {
      sb.append("<li><a href=\"https://")
          .append(outlet.host())
          .append('/')
          .append(Integer.toHexString(m.hashCode()))
          .append("/\">")
          .append(m)
          .append("</a></li>\n");
    }
    sb.append("</ul></nav>\n</header>\n");
  }

  private static void newsletter(StringBuilder sb, Wording w, Outlet outlet) {
    sb.append("<aside class=\"newsletter-signup\"><p>")
        .append(named(w.newsletter(), outlet))
        .append("</p><form><input type=\"email\" placeholder=\"you@example.com\">")
        .append("<button type=\"submit\">")
        .append(w.buttons().get(w.buttons().size() - 1))
        .append("</button></form></aside>\n");
  }

  private static void footer(StringBuilder sb, Wording w, Outlet outlet) {
    sb.append("<footer class=\"site-footer\">\n<nav aria-label=\"footer\"><ul>\n");
    for (String m : w.menu()) {
      sb.append("<li>").append(m).append("</li>\n");
    }
    sb.append("</ul></nav>\n<p class=\"copyright\">")
        .append(named(w.copyright(), outlet))
        .append("</p>\n<p class=\"disclaimer\">")
        .append(named(w.invented(), outlet))
        .append("</p>\n</footer>\n");
  }

  private static String named(String s, Outlet outlet) {
    return s.replace("{O}", outlet.name());
  }

  /** HTML text and attribute escaping. */
  public static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            default -> null;
          };
      if (r != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (r != null) {
          sb.append(r);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** A JSON string literal that is also safe inside a {@code <script>} element. */
  private static String json(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '<' -> sb.append("\\u003c");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
