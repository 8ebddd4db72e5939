package dev.parallax.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.bench.PageTemplates;
import dev.parallax.bench.PageTemplates.Style;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * One small news crawl for the end-to-end test, written with jwarc into one {@code .warc.gz}:
 *
 * <ol>
 *   <li>every article of the bundled sample (data/coverage, the seed op-ed included: 35 pages)
 *       wrapped in an outlet page template with boilerplate ({@link PageTemplates}), at the
 *       sample's own URL;
 *   <li>one invented wire story about the Ishiba–Trump meeting, on the wire's site and reprinted by
 *       five invented outlets with their own headlines, bylines, first and last sentences and
 *       boilerplate: one syndication group of six pages whose canonical page is the wire's (the
 *       earliest published);
 *   <li>six off-story articles of February 2025 (a football final, a European cold snap, a phone
 *       launch, Korean domestic politics in Korean, China's economy in Chinese, a Japanese town's
 *       news in Japanese);
 *   <li>what is not an article: two JPEG images, a PDF, a robots.txt, a 301 redirect, a 404 and a
 *       500 page, and a section front that is all navigation;
 * </ol>
 *
 * <p>with a warcinfo record first and a request record before every response. Everything is
 * invented and marked synthetic except the seed op-ed's text, which the sample reproduces as given.
 * The same call writes the same bytes. The sample is read here with plain parsers (Jackson, Commons
 * CSV, jsoup, front matter), not through ingest.
 */
public final class CrawlFixture {
  /** The story every on-story page belongs to. */
  public static final String STORY = "ishiba-trump-2025";

  /** The seed article to pass as {@code --story-seed}. */
  public static final Path SEED_FILE = Path.of("data/coverage/op-ed-seed.txt");

  public static final String FILE_NAME = "crawl-fixture.warc.gz";

  private static final Path SAMPLE = Path.of("data/coverage");
  private static final Instant CRAWLED = Instant.parse("2025-02-12T03:00:00Z");

  /** A page's expected facts. */
  private record PageFacts(
      String url,
      String source,
      String published,
      List<String> paragraphs,
      List<String> boilerplate) {}

  private final Path warc;
  private final List<String> sampleUrls = new ArrayList<>();
  private final List<String> syndicationUrls = new ArrayList<>();
  private final List<String> offStoryUrls = new ArrayList<>();
  private final Map<String, String> nonArticleReasons = new LinkedHashMap<>();
  private final Map<String, PageFacts> pages = new LinkedHashMap<>();
  private final Map<String, String[]> outletRows = new LinkedHashMap<>();
  private String indexPageUrl;
  private String seedUrl;
  private int responses;

  private CrawlFixture(Path warc) {
    this.warc = warc;
  }

  /** Writes {@value #FILE_NAME} into {@code dir} (created if needed; nothing else is written). */
  public static CrawlFixture write(Path dir) throws IOException {
    Files.createDirectories(dir);
    CrawlFixture f = new CrawlFixture(dir.resolve(FILE_NAME));
    f.writeWarc();
    return f;
  }

  /** The WARC file. */
  public Path warc() {
    return warc;
  }

  /** The seed op-ed's page URL (one of {@link #samplePageUrls}). */
  public String seedUrl() {
    return seedUrl;
  }

  /** The pages of the sample's articles (35, the seed's included), in the sample's file order. */
  public List<String> samplePageUrls() {
    return List.copyOf(sampleUrls);
  }

  /** Every page that belongs to {@link #STORY}: the sample's pages and the syndication group. */
  public List<String> onStoryUrls() {
    List<String> out = new ArrayList<>(sampleUrls);
    out.addAll(syndicationUrls);
    return out;
  }

  /** The six articles about other news; none belongs to {@link #STORY}. */
  public List<String> offStoryUrls() {
    return List.copyOf(offStoryUrls);
  }

  /** The wire story's six pages: the wire's own first, then the five reprints. */
  public List<String> syndicationUrls() {
    return List.copyOf(syndicationUrls);
  }

  /** The group's canonical page: the wire's, published first. */
  public String syndicationCanonicalUrl() {
    return syndicationUrls.get(0);
  }

  /**
   * Records that are not articles and the reject reason each should get: {@code not_html} (images,
   * the PDF, robots.txt), {@code redirect} (the 301), {@code http_status} (the 404 and the 500).
   */
  public Map<String, String> nonArticleReasons() {
    return Map.copyOf(nonArticleReasons);
  }

  /** The section front that is all navigation (links only): no main text to extract. */
  public String indexPageUrl() {
    return indexPageUrl;
  }

  /** Every article page (on- and off-story) → the paragraphs its page carries as article text. */
  public Map<String, List<String>> paragraphsByUrl() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    pages.forEach((url, p) -> out.put(url, p.paragraphs()));
    return out;
  }

  /** Every article page → the outlet name its source should be (through {@link #outletsTsv}). */
  public Map<String, String> sourceByUrl() {
    Map<String, String> out = new LinkedHashMap<>();
    pages.forEach((url, p) -> out.put(url, p.source()));
    return out;
  }

  /** Every article page → its published time as the page states it (ISO-8601 with offset). */
  public Map<String, String> publishedByUrl() {
    Map<String, String> out = new LinkedHashMap<>();
    pages.forEach((url, p) -> out.put(url, p.published()));
    return out;
  }

  /** Every article page → the boilerplate sentences around its article text. */
  public Map<String, List<String>> boilerplateByUrl() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    pages.forEach((url, p) -> out.put(url, p.boilerplate()));
    return out;
  }

  /** Every boilerplate sentence in the crawl's article pages, each once. */
  public Set<String> boilerplateSentences() {
    Set<String> out = new LinkedHashSet<>();
    pages.values().forEach(p -> out.addAll(p.boilerplate()));
    return out;
  }

  /** Response records in the file (articles, non-articles and the index page). */
  public int responseRecords() {
    return responses;
  }

  /**
   * The outlet map for the crawl's hosts, in data/outlets.tsv's format: a header line, then host
   * suffix, source, country, source type.
   */
  public String outletsTsv() {
    StringBuilder sb = new StringBuilder("host_suffix\tsource\tcountry\tsource_type\n");
    outletRows.forEach(
        (host, row) -> sb.append(host).append('\t').append(String.join("\t", row)).append('\n'));
    return sb.toString();
  }

  /** Writes {@link #outletsTsv} to {@code file}; returns it. */
  public Path writeOutlets(Path file) throws IOException {
    Files.writeString(file, outletsTsv(), StandardCharsets.UTF_8);
    return file;
  }

  // ------------------------------------------------------------------ writing

  private void writeWarc() throws IOException {
    List<Capture> captures = new ArrayList<>();
    List<SampleRecord> sample = readSample();
    List<Style> english = Style.english();
    Map<String, Integer> styleOfSource = new LinkedHashMap<>();
    for (SampleRecord s : sample) {
      Style style =
          s.language().equals("en")
              ? english.get(
                  styleOfSource.computeIfAbsent(s.source(), k -> styleOfSource.size())
                      % english.size())
              : Style.forLanguage(s.language());
      String host = URI.create(s.url()).getHost();
      PageTemplates.Outlet outlet = new PageTemplates.Outlet(s.source(), host);
      outletRows.putIfAbsent(host, new String[] {s.source(), s.country(), s.sourceType()});
      captures.add(
          articlePage(
              style,
              outlet,
              new PageTemplates.Article(
                  s.url(), s.title(), s.author(), s.published(), s.language(), s.paragraphs())));
      sampleUrls.add(s.url());
      if (s.id().equals("oped-seed-001")) {
        seedUrl = s.url();
      }
    }
    captures.addAll(wireGroup());
    captures.addAll(offStory());
    captures.addAll(nonArticles());
    // interleave: the sample's pages, the wire group and the rest are not in blocks
    List<Capture> ordered = new ArrayList<>();
    int step = 5;
    for (int start = 0; start < step; start++) {
      for (int i = start; i < captures.size(); i += step) {
        ordered.add(captures.get(i));
      }
    }
    responses = ordered.size();
    try (FileChannel ch =
            FileChannel.open(
                warc,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        WarcWriter w = new WarcWriter(ch, WarcCompression.GZIP)) {
      URI infoId = id("warcinfo");
      Map<String, List<String>> fields = new LinkedHashMap<>();
      fields.put("software", List.of("Parallax test CrawlFixture"));
      fields.put("format", List.of("WARC File Format 1.1"));
      fields.put(
          "description",
          List.of("A synthetic news crawl for the end-to-end test; the pages are invented."));
      w.write(
          new Warcinfo.Builder()
              .recordId(infoId)
              .date(CRAWLED)
              .filename(FILE_NAME)
              .fields(fields)
              .build());
      int n = 0;
      for (Capture c : ordered) {
        Instant at = CRAWLED.plusSeconds(17L * n++);
        URI uri = URI.create(c.url());
        URI responseId = id(c.url() + "#response");
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        w.write(
            new WarcRequest.Builder(uri)
                .recordId(id(c.url() + "#request"))
                .date(at)
                .warcinfoId(infoId)
                .concurrentTo(responseId)
                .body(
                    new HttpRequest.Builder("GET", path)
                        .addHeader("Host", uri.getHost())
                        .addHeader("User-Agent", "parallax-test-crawler/1.0 (synthetic)")
                        .build())
                .build());
        HttpResponse.Builder http =
            new HttpResponse.Builder(c.status(), c.statusText()).addHeader("Server", "synthetic");
        if (c.location() != null) {
          http.addHeader("Location", c.location());
        }
        w.write(
            new WarcResponse.Builder(uri)
                .recordId(responseId)
                .date(at)
                .warcinfoId(infoId)
                .body(http.body(MediaType.parse(c.contentType()), c.body()).build())
                .build());
      }
    }
  }

  @SuppressWarnings("ArrayRecordComponent") // never compared or hashed; the body is only written
  private record Capture(
      String url, int status, String statusText, String contentType, byte[] body, String location) {
    static Capture html(String url, String html) {
      return new Capture(
          url, 200, "OK", "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null);
    }
  }

  private Capture articlePage(
      Style style, PageTemplates.Outlet outlet, PageTemplates.Article article) {
    pages.put(
        article.url(),
        new PageFacts(
            article.url(),
            outlet.name(),
            article.published(),
            List.copyOf(article.paragraphs()),
            PageTemplates.boilerplate(style, outlet)));
    return Capture.html(article.url(), PageTemplates.article(style, outlet, article));
  }

  private static URI id(String name) {
    return URI.create(
        "urn:uuid:"
            + UUID.nameUUIDFromBytes(("crawl-fixture " + name).getBytes(StandardCharsets.UTF_8)));
  }

  // ------------------------------------------------------------------ the wire group

  private static final List<String> WIRE_TEXT =
      List.of(
          "WASHINGTON (Quillstone Wire) — Prime Minister Shigeru Ishiba and President Donald Trump"
              + " pledged on Friday to lift the U.S.-Japan alliance to what both called a new golden"
              + " age, in a first White House meeting that Tokyo had prepared for weeks. The two"
              + " leaders spoke in the Oval Office before a working lunch and a joint news"
              + " conference.",
          "Ishiba told reporters that Japan intends to raise its investment in the United States"
              + " to one trillion dollars, a figure Trump repeated twice during the news conference."
              + " Japanese officials later said the number describes a goal for private companies,"
              + " not a government fund.",
          "Trump said Japan would buy record amounts of American liquefied natural gas and"
              + " mentioned a pipeline project in Alaska. He gave no date for new tariffs but said"
              + " the trade deficit with Japan had to come down.",
          "On security, the joint statement said the U.S. defense commitment under Article 5 of"
              + " the treaty covers the Senkaku Islands, a line Japanese diplomats had asked to see"
              + " in writing. It also voiced concern about North Korea's military ties with Russia.",
          "Asked about Nippon Steel's bid for U.S. Steel, Trump said the Japanese company would"
              + " invest in the American steelmaker rather than buy it. Ishiba described the idea as"
              + " an investment proposal that both sides would keep discussing.",
          "The meeting was Ishiba's first trip to Washington since he took office in October."
              + " Aides had studied how the late Prime Minister Shinzo Abe built a personal rapport"
              + " with Trump during his first term, and Ishiba brought up Abe in his opening"
              + " remarks.",
          "Analysts in Tokyo said the visit avoided the public friction some had feared. Several"
              + " warned that the tariff question had only been postponed and that the investment"
              + " pledge would be tested by the numbers over the coming months.",
          "Ishiba is due to fly back to Tokyo on Saturday. The two governments said trade and"
              + " defense ministers would meet in the spring to follow up on the summit.");

  private static final String WIRE_PUBLISHED = "2025-02-07T18:40:00-05:00";

  private List<Capture> wireGroup() {
    List<Capture> out = new ArrayList<>();
    PageTemplates.Outlet wire = outlet("Quillstone Wire", "quillstone-wire.example", "US", "wire");
    String wireUrl =
        "https://quillstone-wire.example/world/asia/2025/02/07/ishiba-trump-golden-age-summit";
    out.add(
        articlePage(
            Style.NEWSWIRE,
            wire,
            new PageTemplates.Article(
                wireUrl,
                "Ishiba and Trump promise a 'golden age' in first White House talks",
                "By Marisol Varga and Kenji Aoyagi, Quillstone Wire",
                WIRE_PUBLISHED,
                "en",
                WIRE_TEXT)));
    syndicationUrls.add(wireUrl);
    record Reprint(
        String name,
        String host,
        String country,
        String type,
        Style style,
        String path,
        String title,
        String byline,
        String published,
        String lede,
        String closing) {}
    List<Reprint> reprints =
        List.of(
            new Reprint(
                "Harbor Gazette",
                "harbor-gazette.example",
                "US",
                "newspaper",
                Style.BROADSHEET,
                "/world/2025/02/07/japan-leader-white-house-visit",
                "Japan's leader wins warm words at the White House",
                "Quillstone Wire",
                "2025-02-07T20:15:00-05:00",
                "Japan's prime minister left the White House on Friday with warm words from"
                    + " President Trump and a promise of a golden age for the alliance.",
                "Harbor Gazette staff contributed to this report."),
            new Reprint(
                "Fairhaven Observer",
                "fairhaven-observer.example",
                "GB",
                "newspaper",
                Style.TABLOID,
                "/news/world/ishiba-trump-meeting-trillion-pledge",
                "Trillion-dollar pledge as Trump hosts Japan's Ishiba",
                "From Quillstone Wire reports",
                "2025-02-08T02:30:00+00:00",
                "A trillion-dollar investment pledge took centre stage as President Trump hosted"
                    + " Prime Minister Shigeru Ishiba in Washington on Friday.",
                "This article was edited for length by the Fairhaven Observer news desk."),
            new Reprint(
                "Copperfield Courier",
                "copperfield-courier.example",
                "CA",
                "newspaper",
                Style.PORTAL,
                "/international/2025/02/08/trump-ishiba-summit-alliance",
                "Trump, Ishiba hail alliance and sidestep tariffs for now",
                "By Marisol Varga, Quillstone Wire",
                "2025-02-07T22:05:00-05:00",
                "President Donald Trump and Japan's Shigeru Ishiba hailed their alliance on Friday"
                    + " while leaving the question of tariffs for another day.",
                "The Copperfield Courier will follow the trade talks in the spring."),
            new Reprint(
                "Bluestone Bulletin",
                "bluestone-bulletin.example",
                "AU",
                "online",
                Style.BROADSHEET,
                "/world/asia-pacific/2025/02/08/ishiba-washington-golden-age",
                "Golden age for the alliance, says Ishiba after meeting Trump",
                "Staff and wire reports",
                "2025-02-08T13:20:00+11:00",
                "Prime Minister Shigeru Ishiba said after meeting President Donald Trump on Friday"
                    + " that the two allies were entering a golden age.",
                "Bluestone Bulletin reporters in Sydney added regional reaction."),
            new Reprint(
                "Kestrel Chronicle",
                "kestrel-chronicle.example",
                "NZ",
                "newspaper",
                Style.NEWSWIRE,
                "/news/2025/02/08/japan-us-summit-senkaku-steel",
                "Senkakus, steel and gas: what Ishiba took home from Washington",
                "Kestrel Chronicle and Quillstone Wire",
                "2025-02-08T16:45:00+13:00",
                "Assurances on the Senkaku Islands, a new idea for Nippon Steel and promises of"
                    + " gas purchases were what Shigeru Ishiba took home from Washington.",
                "Kestrel Chronicle editors added background to this wire report."));
    for (Reprint r : reprints) {
      PageTemplates.Outlet o = outlet(r.name(), r.host(), r.country(), r.type());
      List<String> text = new ArrayList<>(WIRE_TEXT);
      String first = text.get(0);
      text.set(0, r.lede() + first.substring(first.indexOf(". ") + 1));
      text.set(text.size() - 1, text.get(text.size() - 1) + " " + r.closing());
      String url = "https://" + r.host() + r.path();
      out.add(
          articlePage(
              r.style(),
              o,
              new PageTemplates.Article(
                  url, r.title(), r.byline(), r.published(), "en", List.copyOf(text))));
      syndicationUrls.add(url);
    }
    return out;
  }

  private PageTemplates.Outlet outlet(String name, String host, String country, String type) {
    outletRows.putIfAbsent(host, new String[] {name, country, type});
    return new PageTemplates.Outlet(name, host);
  }

  // ------------------------------------------------------------------ off-story pages

  private List<Capture> offStory() {
    List<Capture> out = new ArrayList<>();
    out.add(
        offPage(
            Style.TABLOID,
            outlet("Fairhaven Observer", "fairhaven-observer.example", "GB", "newspaper"),
            "/sport/2025/02/16/harbourside-rovers-win-cup-final-on-penalties",
            "Harbourside Rovers win the cup final on penalties",
            "By Tom Ellery",
            "2025-02-16T19:10:00+00:00",
            "en",
            List.of(
                "Harbourside Rovers won the invented Northern Cup on Sunday, beating Millbrook"
                    + " Athletic 5-4 on penalties after a 2-2 draw in front of a sold-out crowd.",
                "Millbrook led twice through their striker Dario Penn, but the Rovers captain"
                    + " equalised with a header in the last minute of extra time.",
                "Goalkeeper Sam Okoro saved the fifth penalty and was carried off the pitch by his"
                    + " teammates. The coach said the squad had trained for shootouts all week.",
                "The Rovers will play in the continental qualifying round in the summer, their"
                    + " first appearance there in eleven seasons.")));
    out.add(
        offPage(
            Style.PORTAL,
            outlet("Copperfield Courier", "copperfield-courier.example", "CA", "newspaper"),
            "/weather/2025/02/12/europe-cold-snap-snow-alps-rail",
            "Cold snap brings heavy snow to the Alps and delays across European rail",
            "By Greta Holm",
            "2025-02-12T09:00:00-05:00",
            "en",
            List.of(
                "A cold snap swept across central Europe on Wednesday, bringing up to a metre of"
                    + " fresh snow to parts of the Alps and temperatures of minus fifteen degrees in"
                    + " several valleys.",
                "Rail operators cancelled dozens of cross-border trains after snowdrifts blocked"
                    + " mountain passes, and ski resorts closed lifts because of strong winds.",
                "Forecasters said the cold air would move east over the weekend, with milder"
                    + " weather expected along the Atlantic coast by Monday.",
                "Road authorities asked drivers to carry snow chains and to avoid the highest"
                    + " passes until ploughs had cleared them.")));
    out.add(
        offPage(
            Style.BROADSHEET,
            outlet("Harbor Gazette", "harbor-gazette.example", "US", "newspaper"),
            "/technology/2025/02/19/lumina-fold-phone-launch",
            "Lumina unveils a foldable phone with a week-long battery",
            "By Priya Castellano",
            "2025-02-19T11:30:00-05:00",
            "en",
            List.of(
                "The invented electronics maker Lumina unveiled its first foldable phone on"
                    + " Wednesday, promising a battery that lasts a week on a single charge.",
                "The device opens into an eight-inch screen and uses a hinge the company says has"
                    + " been tested for four hundred thousand folds.",
                "Reviewers at the launch event praised the camera but said the price, about two"
                    + " thousand dollars, would limit sales to early adopters.",
                "Lumina said the phone goes on sale in March in twelve countries, with a cheaper"
                    + " model planned for the autumn.")));
    out.add(
        offPage(
            Style.KO_DAILY,
            outlet("Haneul Sinmun", "haneul-sinmun.example", "KR", "newspaper"),
            "/politics/20250214/national-assembly-budget-vote",
            "국회, 지방 교통 예산 두고 여야 공방 계속",
            "정치부 한서윤 기자",
            "2025-02-14T15:20:00+09:00",
            "ko",
            List.of(
                "국회는 14일 본회의에서 지방 교통 예산을 두고 여야가 팽팽하게 맞서면서 표결을 다음 주로 미뤘다.",
                "여당은 지방 버스 노선 확대를 위해 예산을 늘려야 한다고 주장했고, 야당은 재원 마련 방안이 부족하다고 지적했다.",
                "국회의장은 양당 원내대표와 만나 합의안을 마련해 달라고 요청했다.",
                "이 기사는 시험용으로 만든 가상의 기사입니다.")));
    out.add(
        offPage(
            Style.ZH_DAILY,
            outlet("Jinghu Business Daily", "jinghu-business.example", "CN", "business_press"),
            "/economy/2025-02/18/retail-sales-spring-festival",
            "春节假期消费数据公布 零售额同比增长",
            "记者 林晓月",
            "2025-02-18T10:00:00+08:00",
            "zh",
            List.of(
                "有关部门18日公布春节假期消费数据，全国重点零售企业销售额同比增长百分之六。",
                "餐饮和旅游服务增长较快，电影票房也创下新高，但家电和汽车销售表现平稳。",
                "经济学家认为，消费回暖仍需政策支持，预计今年上半年将出台更多促进消费的措施。",
                "本文为测试用的虚构报道。")));
    out.add(
        offPage(
            Style.JA_DAILY,
            outlet("Hoshizora Shimpo", "hoshizora-shimpo.example", "JP", "newspaper"),
            "/local/2025/02/20/tsubaki-town-library-reopens",
            "つばき町の図書館、改修終え再開",
            "地域報道部 森下葵",
            "2025-02-20T08:30:00+09:00",
            "ja",
            List.of(
                "架空の町つばき町の町立図書館が20日、1年間の改修工事を終えて再開した。",
                "新しい図書館には子ども向けの読書室と地元の歴史資料を集めた展示コーナーが設けられた。",
                "開館式では町長があいさつし、多くの住民が朝から列を作った。",
                "この記事は試験用に作成された架空の記事です。")));
    return out;
  }

  private Capture offPage(
      Style style,
      PageTemplates.Outlet outlet,
      String path,
      String title,
      String byline,
      String published,
      String language,
      List<String> paragraphs) {
    String url = "https://" + outlet.host() + path;
    offStoryUrls.add(url);
    return articlePage(
        style,
        outlet,
        new PageTemplates.Article(url, title, byline, published, language, paragraphs));
  }

  // ------------------------------------------------------------------ non-articles

  private List<Capture> nonArticles() {
    List<Capture> out = new ArrayList<>();
    PageTemplates.Outlet gazette =
        outlet("Harbor Gazette", "harbor-gazette.example", "US", "newspaper");
    for (int i = 1; i <= 2; i++) {
      byte[] jpeg = new byte[1500 + 700 * i];
      for (int k = 0; k < jpeg.length; k++) {
        jpeg[k] = (byte) (k * 31 + i * 7);
      }
      byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
      System.arraycopy(head, 0, jpeg, 0, head.length);
      jpeg[jpeg.length - 2] = (byte) 0xFF;
      jpeg[jpeg.length - 1] = (byte) 0xD9;
      String url = "https://harbor-gazette.example/media/2025/02/summit-photo-" + i + ".jpg";
      out.add(new Capture(url, 200, "OK", "image/jpeg", jpeg, null));
      nonArticleReasons.put(url, "not_html");
    }
    String pdf = "https://quillstone-wire.example/documents/2025/02/joint-statement-synthetic.pdf";
    out.add(
        new Capture(
            pdf,
            200,
            "OK",
            "application/pdf",
            """
            %PDF-1.4
            % synthetic document for tests
            1 0 obj << /Type /Catalog >> endobj
            trailer << /Root 1 0 R >>
            %%EOF
            """
                .getBytes(StandardCharsets.US_ASCII),
            null));
    nonArticleReasons.put(pdf, "not_html");
    String robots = "https://harbor-gazette.example/robots.txt";
    out.add(
        new Capture(
            robots,
            200,
            "OK",
            "text/plain; charset=utf-8",
            "# synthetic\nUser-agent: *\nDisallow: /search\n".getBytes(StandardCharsets.UTF_8),
            null));
    nonArticleReasons.put(robots, "not_html");
    String moved = "https://harbor-gazette.example/s/ishiba-wire";
    out.add(
        new Capture(
            moved,
            301,
            "Moved Permanently",
            "text/html; charset=utf-8",
            PageTemplates.statusPage(Style.BROADSHEET, gazette, 301, "Moved Permanently")
                .getBytes(StandardCharsets.UTF_8),
            syndicationUrls.get(1)));
    nonArticleReasons.put(moved, "redirect");
    String missing = "https://fairhaven-observer.example/news/world/old-summit-preview";
    out.add(
        new Capture(
            missing,
            404,
            "Not Found",
            "text/html; charset=utf-8",
            PageTemplates.statusPage(
                    Style.TABLOID,
                    new PageTemplates.Outlet("Fairhaven Observer", "fairhaven-observer.example"),
                    404,
                    "Not Found")
                .getBytes(StandardCharsets.UTF_8),
            null));
    nonArticleReasons.put(missing, "http_status");
    String broken = "https://copperfield-courier.example/live/summit-updates";
    out.add(
        new Capture(
            broken,
            500,
            "Internal Server Error",
            "text/html; charset=utf-8",
            PageTemplates.statusPage(
                    Style.PORTAL,
                    new PageTemplates.Outlet("Copperfield Courier", "copperfield-courier.example"),
                    500,
                    "Internal Server Error")
                .getBytes(StandardCharsets.UTF_8),
            null));
    nonArticleReasons.put(broken, "http_status");
    indexPageUrl = "https://harbor-gazette.example/world/";
    List<String> headlines = new ArrayList<>();
    for (PageFacts p : pages.values()) {
      if (headlines.size() < 20) {
        headlines.add(
            "Latest: " + p.url().substring(p.url().lastIndexOf('/') + 1).replace('-', ' '));
      }
    }
    out.add(
        Capture.html(
            indexPageUrl, PageTemplates.index(Style.BROADSHEET, gazette, indexPageUrl, headlines)));
    return out;
  }

  // ------------------------------------------------------------------ the sample, read plainly

  /** One article of data/coverage as written. */
  record SampleRecord(
      String id,
      String source,
      String url,
      String title,
      String published,
      String language,
      String author,
      String country,
      String sourceType,
      List<String> paragraphs) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every record of data/coverage (not README.md), in file-name order. */
  static List<SampleRecord> readSample() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(SAMPLE)) {
      files = s.filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
    }
    List<SampleRecord> out = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      String text = readText(f);
      if (name.contains(".jsonl")) {
        for (String line : text.split("\n", -1)) {
          if (!line.isBlank()) {
            out.add(fromJson(JSON.readTree(line)));
          }
        }
      } else if (name.endsWith(".json")) {
        for (JsonNode n : JSON.readTree(text)) {
          out.add(fromJson(n));
        }
      } else if (name.endsWith(".csv")) {
        for (CSVRecord r :
            CSVFormat.RFC4180.builder().setHeader().build().parse(new StringReader(text))) {
          out.add(fromFields(r.toMap(), paragraphs(r.get("text"))));
        }
      } else if (name.endsWith(".html")) {
        out.add(fromHtml(Jsoup.parse(text)));
      } else {
        out.add(fromFrontMatter(text));
      }
    }
    return out;
  }

  private static String readText(Path f) throws IOException {
    if (f.getFileName().toString().endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return Files.readString(f, StandardCharsets.UTF_8);
  }

  private static SampleRecord fromJson(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return fromFields(m, paragraphs(m.get("text")));
  }

  private static SampleRecord fromFields(Map<String, String> m, List<String> paragraphs) {
    return new SampleRecord(
        m.get("id"),
        m.get("source"),
        m.get("url"),
        m.get("title"),
        m.get("published"),
        m.get("language"),
        m.get("author"),
        m.get("country"),
        m.get("source_type"),
        paragraphs);
  }

  private static SampleRecord fromFrontMatter(String all) {
    int end = all.indexOf("\n---\n", 4);
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : all.substring(4, end).split("\n", -1)) {
      int colon = line.indexOf(':');
      String v = line.substring(colon + 1).strip();
      if (v.length() > 1 && v.startsWith("\"") && v.endsWith("\"")) {
        v = v.substring(1, v.length() - 1);
      }
      m.put(line.substring(0, colon).strip(), v);
    }
    List<String> ps = new ArrayList<>();
    for (String p : paragraphs(all.substring(end + 5))) {
      if (p.startsWith("#")) {
        String heading = p.replaceFirst("^#+\\s*", "");
        if (heading.equals(m.get("title"))) {
          continue; // the title repeated as the first heading
        }
        ps.add(heading);
      } else {
        ps.add(p);
      }
    }
    return fromFields(m, ps);
  }

  private static SampleRecord fromHtml(Document doc) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("id", meta(doc, "parallax:id"));
    m.put("source", meta(doc, "og:site_name"));
    m.put("url", doc.selectFirst("link[rel=canonical]").attr("href"));
    m.put("title", meta(doc, "og:title"));
    m.put("published", meta(doc, "article:published_time"));
    m.put("language", doc.selectFirst("html").attr("lang"));
    m.put("author", meta(doc, "author"));
    m.put("country", meta(doc, "parallax:country"));
    m.put("source_type", meta(doc, "parallax:source_type"));
    Element body = doc.selectFirst("article");
    if (body == null) {
      body = doc.selectFirst("main");
    }
    List<String> ps = new ArrayList<>();
    for (Element p : body.select("p")) {
      if (p.closest("aside, footer, nav, figure") == null && !p.text().isBlank()) {
        ps.add(p.text().strip());
      }
    }
    return fromFields(m, ps);
  }

  private static String meta(Document doc, String name) {
    Element e = doc.selectFirst("meta[name=\"" + name + "\"], meta[property=\"" + name + "\"]");
    return e == null ? null : e.attr("content");
  }

  private static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : text.split("\n\\s*\n", -1)) {
      String s = p.strip().replaceAll("\\s*\n\\s*", " ");
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
