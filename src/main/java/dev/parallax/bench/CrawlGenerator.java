package dev.parallax.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * A deterministic synthetic news crawl: the same seed and size give byte-for-byte the same {@code
 * .warc.gz} files, manifest and outlet map.
 *
 * <p>What a day's news crawl holds, invented: {@link #storyCount} stories (at least {@value
 * #MIN_STORIES}; one per {@value #ARTICLES_PER_STORY} articles), each with its own topic vocabulary
 * (one of 24 domains — a port strike, a flood, a chip plant … — and coined place, people and
 * organisation names), covered by {@value #OUTLETS} invented outlets on {@code .example} hosts: 30
 * writing in English in four page templates, two each in Japanese, Chinese and Korean, and two wire
 * services whose stories are reprinted by two to six outlets each with their own headline, byline,
 * first and last paragraph and page boilerplate ({@link PageTemplates}). English text comes from
 * {@link CorpusGenerator}'s sentence templates with the story's names and phrases in the slots;
 * Japanese, Chinese and Korean text from short templates per language with coined words (plainly
 * synthetic).
 *
 * <p>Besides articles (about 76% of the response records), the crawl has what a crawler fetches
 * too: one {@code robots.txt} per outlet (up to one per 200 records), images (12%, JPEG bytes),
 * PDFs (one per 2,000), section fronts that are all navigation (3%), 301/302 redirects to articles
 * (3%), 404 (2%) and 500 (0.5%) pages. Every response record follows the request record of its
 * fetch, and every file starts with a warcinfo record. Response records are split evenly over
 * {@code max(4, records / 5000)} files so many files can be read at once.
 *
 * <p>The ground truth goes beside the WARC files: {@code manifest.tsv} (per response URL: kind,
 * story or {@code off}, syndication group, the reject reason a reader should give a non-article,
 * language, published time, host, file) and {@code outlets.tsv} (host suffix, source, country,
 * source type, for the outlet map).
 */
public final class CrawlGenerator {
  public static final int MIN_RECORDS = 20;
  public static final int RESPONSES_PER_FILE = 5000;
  public static final int MIN_FILES = 4;
  public static final int MIN_STORIES = 24;
  public static final int ARTICLES_PER_STORY = 400;
  public static final int OUTLETS = 38;
  static final String USER_AGENT = "parallax-synthetic-crawler/1.0 (synthetic test data)";

  /** What a response record is, and the reject reason a reader should give it. */
  public enum Kind {
    ARTICLE("article", ""),
    WIRE("wire", ""),
    REPRINT("reprint", ""),
    INDEX("index", "no_main_text"),
    IMAGE("image", "not_html"),
    PDF("pdf", "not_html"),
    ROBOTS("robots", "not_html"),
    REDIRECT("redirect", "redirect"),
    NOT_FOUND("not_found", "http_status"),
    SERVER_ERROR("server_error", "http_status");

    private final String code;
    private final String reason;

    Kind(String code, String reason) {
      this.code = code;
      this.reason = reason;
    }

    public String code() {
      return code;
    }

    /** The reject reason a reader should give this record; empty for articles. */
    public String expectedReason() {
      return reason;
    }

    public boolean isArticle() {
      return reason.isEmpty();
    }
  }

  /**
   * The ground truth of one response record.
   *
   * @param story the story id, or {@code off} for a record that is not an article
   * @param group the syndication group ({@code syn-<n>}: a wire story and its reprints), or empty
   * @param published ISO-8601 with the outlet's offset; empty for non-articles
   * @param file index of the WARC file it is in
   */
  public record Entry(
      String url,
      Kind kind,
      String story,
      String group,
      String language,
      String published,
      String host,
      int file) {
    public static final String HEADER =
        "url\tkind\tstory\tsyndication_group\texpected_reason\tlanguage\tpublished\thost\tfile";

    String tsv() {
      return String.join(
          "\t",
          url,
          kind.code(),
          story,
          group,
          kind.expectedReason(),
          language,
          published,
          host,
          Integer.toString(file));
    }
  }

  /**
   * What was written: the WARC files (under {@code warcDir}, nothing else there), the outlet map
   * and manifest beside them, the ground truth, the number of stories, of WARC records (warcinfo,
   * request and response) and the bytes of the WARC files.
   */
  public record Crawl(
      Path warcDir,
      List<Path> warcFiles,
      Path outlets,
      Path manifest,
      List<Entry> entries,
      int stories,
      long warcRecords,
      long warcBytes) {
    /** Megabytes (10^6 bytes) of the compressed WARC files. */
    public double warcMb() {
      return warcBytes / 1e6;
    }
  }

  /** An outlet: name and host, page style, country, source type, tone and whether it is a wire. */
  record OutletInfo(
      PageTemplates.Outlet outlet,
      PageTemplates.Style style,
      String country,
      String sourceType,
      ZoneOffset zone,
      double positiveShare,
      boolean wire) {
    String language() {
      return style.language();
    }

    String host() {
      return outlet.host();
    }

    String name() {
      return outlet.name();
    }
  }

  /** A topic domain: a headline noun phrase, a URL section and eight phrases of its own. */
  private record Domain(String headline, String section, List<String> phrases) {}

  /** A story: its id, domain, coined names, day of February 2025. */
  private record Story(
      int index,
      String id,
      Domain domain,
      String place,
      String district,
      List<String> people,
      String org,
      int day) {}

  /** One planned fetch; its content is generated at write time from {@code seed}. */
  private record Capture(
      Kind kind,
      int outlet,
      int story,
      String group,
      long seed,
      long bodySeed,
      int wireOutlet,
      long publishedEpochSecond,
      String url,
      String target) {}

  private static final List<Domain> DOMAINS =
      List.of(
          domain(
              "dock workers strike",
              "business",
              "dock workers|container backlog|union ballot|shipping lanes|harbor cranes|wage offer"
                  + "|cargo delays|port authority"),
          domain(
              "river flooding",
              "local",
              "flood barriers|river gauge|evacuation orders|sandbag lines|storm drains"
                  + "|rainfall totals|emergency shelters|levee repairs"),
          domain(
              "mayoral election",
              "politics",
              "ballot count|polling stations|campaign finance|runoff vote|voter turnout"
                  + "|debate stage|election board|absentee ballots"),
          domain(
              "chip factory plan",
              "technology",
              "wafer fabrication|clean rooms|tax incentives|chip supply|factory permits"
                  + "|engineering jobs|water usage|semiconductor output"),
          domain(
              "wildfire",
              "local",
              "fire crews|burn scar|containment lines|air tankers|smoke advisories"
                  + "|evacuation zones|dry brush|red flag warnings"),
          domain(
              "rail line dispute",
              "local",
              "light rail|fare increase|track upgrades|commuter delays|signal failures"
                  + "|transit authority|bus lanes|station closures"),
          domain(
              "hospital staffing crisis",
              "health",
              "nurse shortages|emergency wards|waiting lists|patient transfers|staffing ratios"
                  + "|health board|overtime shifts|clinic closures"),
          domain(
              "drought",
              "environment",
              "water rationing|reservoir levels|crop losses|irrigation limits|groundwater wells"
                  + "|dry season|water tariffs|farm subsidies"),
          domain(
              "bank merger",
              "business",
              "merger terms|branch closures|deposit holders|regulatory review|share swap"
                  + "|loan portfolios|competition watchdog|banking licence"),
          domain(
              "rocket launch",
              "science",
              "launch window|booster recovery|satellite payload|orbital insertion|launch pad"
                  + "|mission control|engine test|fuel tanks"),
          domain(
              "championship final",
              "sport",
              "penalty shootout|league table|transfer window|stadium crowd|head coach"
                  + "|extra time|season tickets|injury list"),
          domain(
              "school funding reform",
              "education",
              "teacher salaries|class sizes|exam results|school boards|curriculum review"
                  + "|student meals|tuition fees|classroom repairs"),
          domain(
              "bridge collapse",
              "local",
              "structural engineers|rescue teams|traffic detours|load limits|inspection records"
                  + "|steel girders|repair contracts|river crossing"),
          domain(
              "heatwave",
              "environment",
              "cooling centers|power demand|heat warnings|record temperatures|air conditioning"
                  + "|outdoor workers|water fountains|night temperatures"),
          domain(
              "data breach",
              "technology",
              "customer records|stolen passwords|security patch|ransom demand"
                  + "|breach notification|encryption keys|server logs|identity theft"),
          domain(
              "housing shortage",
              "business",
              "rent controls|building permits|zoning rules|vacancy rates|social housing"
                  + "|mortgage rates|construction starts|tenant unions"),
          domain(
              "airline pilots strike",
              "travel",
              "flight cancellations|pilot contracts|stranded passengers|airport queues"
                  + "|holiday travel|crew rosters|ticket refunds|departure boards"),
          domain(
              "earthquake",
              "world",
              "aftershocks|seismic readings|collapsed buildings|search dogs|tremor damage"
                  + "|fault line|relief supplies|building codes"),
          domain(
              "museum reopening",
              "culture",
              "art collection|restoration work|exhibition halls|ticket sales|gallery curators"
                  + "|visitor numbers|sculpture garden|opening night"),
          domain(
              "farmer protests",
              "politics",
              "tractor convoys|fertilizer prices|grain exports|farm incomes|road blockades"
                  + "|milk prices|agricultural subsidies|harvest season"),
          domain(
              "vaccine trial",
              "health",
              "trial results|clinical volunteers|booster doses|side effects|drug regulator"
                  + "|dose schedule|lab partners|immune response"),
          domain(
              "mine accident",
              "world",
              "trapped miners|mine shaft|rescue capsule|ventilation systems|safety inspectors"
                  + "|coal seam|mining company|shift workers"),
          domain(
              "power outage",
              "local",
              "grid operator|rolling blackouts|substation fire|backup generators"
                  + "|electricity prices|transmission lines|power restoration|utility crews"),
          domain(
              "fishing quota dispute",
              "environment",
              "fishing quotas|trawler fleets|fish stocks|coastal patrols|catch limits"
                  + "|marine reserves|processing plants|fishing licences"));

  private static final String[] SYLLABLES = {
    "ka", "lo", "ve", "mor", "an", "sel", "dri", "ten", "bar", "quil", "os", "fen", "ri", "dal",
    "mu", "tor", "wyn", "ca", "leth", "ra"
  };
  private static final String[] KANA = {
    "カ", "リ", "ノ", "セ", "ト", "マ", "ヴェ", "ル", "モ", "ラ", "サ", "ン", "ド", "ミ", "ク", "ヨ", "ハ", "タ", "ネ",
    "ソ"
  };
  private static final String[] HANZI = {
    "安", "北", "川", "宁", "海", "平", "德", "云", "明", "泉", "江", "山", "华", "新", "林", "源", "光", "阳", "清",
    "远"
  };
  private static final String[] HANGUL = {
    "가", "나", "라", "마", "바", "사", "아", "자", "하", "도", "로", "미", "시", "우", "주", "태", "한", "연", "은",
    "성"
  };
  private static final String[] TITLES = {
    "Mayor", "Councillor", "Director", "Inspector", "Minister", "Dr.", "Ms.", "Mr."
  };
  private static final String[] ORG_KINDS = {"Authority", "Council", "Group", "Board", "Agency"};
  private static final String[] FIRST_NAMES = {
    "Dana", "Marcus", "Priya", "Tomas", "Elena", "Jonah", "Keiko", "Amara", "Felix", "Ingrid",
    "Rafael", "Sunita", "Owen", "Leila", "Casper", "Mirela"
  };
  private static final String[] LAST_NAMES = {
    "Whitcombe", "Ferreira", "Halvorsen", "Okonkwo", "Brandt", "Castellano", "Nakashima",
        "Dufresne",
    "Kowalczyk", "Ashdown", "Vance-Morrow", "Lindgren", "Abernethy", "Quiroga", "Strand",
        "Pellegrin"
  };
  private static final String[] ANGLES = {
    "what we know so far",
    "officials weigh their options",
    "residents ask for answers",
    "the questions that remain",
    "a turning point for the city",
    "five things to watch this week"
  };
  private static final String[] EN_HEADLINES = {
    "{PL} {H}: {ANGLE}",
    "{ANGLE_CAP} after {H} in {PL}",
    "{P} speaks out on {H} in {PL}",
    "{PL} braces for more {T} as {H} continues",
    "What the {H} means for {PL}",
    "{T_CAP} at the centre of {PL} {H}"
  };
  private static final Map<String, String[]> CJK_TEMPLATES =
      Map.of(
          "ja",
          new String[] {
            "{PL}の{T}をめぐり、{P}は{D}、「{TONE}状況だ」との認識を示した。",
            "{P}によると、{T}には{NUM}億円規模の予算が見込まれている。",
            "{PL}では{T}について住民説明会が開かれ、{TONE}声が相次いだ。",
            "関係者は{T}の行方を{TONE}ものと受け止めている。",
            "{P}は記者団に対し、{T}を{NUM}月までにまとめる考えを示した。",
            "{PL}の担当者は「{T}は{TONE}段階にある」と説明した。"
          },
          "zh",
          new String[] {
            "{P}{D}表示，{PL}的{T}进展{TONE}。",
            "据{P}介绍，{T}预计投入{NUM}亿元资金。",
            "{PL}居民对{T}反应{TONE}，相关部门表示将继续听取意见。",
            "业内人士认为，{T}的前景{TONE}。",
            "{P}指出，{T}将在{NUM}个月内完成。",
            "{PL}有关负责人说，{T}目前总体{TONE}。"
          },
          "ko",
          new String[] {
            "{P}은 {D} {PL}의 {T}에 대해 상황이 {TONE}고 밝혔다.",
            "{P}에 따르면 {T}에는 {NUM}억 원 규모의 예산이 필요하다.",
            "{PL} 주민들은 {T}에 대해 {TONE} 반응을 보였다.",
            "전문가들은 {T}의 전망이 {TONE}고 평가했다.",
            "{P}은 {T}를 {NUM}개월 안에 마무리하겠다고 말했다.",
            "{PL} 관계자는 {T}가 {TONE}고 설명했다."
          });
  private static final Map<String, String[][]> CJK_TONE =
      Map.of(
          "ja",
          new String[][] {{"前向きな", "順調な", "明るい", "心強い"}, {"厳しい", "不安な", "深刻な", "難しい"}},
          "zh",
          new String[][] {{"顺利", "乐观", "积极", "良好"}, {"困难", "不确定", "严峻", "缓慢"}},
          "ko",
          new String[][] {{"긍정적", "순조롭다", "희망적", "안정적"}, {"우려스럽다", "불확실하다", "심각하다", "어렵다"}});
  private static final Map<String, String[]> CJK_TOPIC_SUFFIX =
      Map.of(
          "ja", new String[] {"計画", "問題", "協定", "事業"},
          "zh", new String[] {"项目", "计划", "问题", "协议"},
          "ko", new String[] {" 사업", " 계획", " 문제", " 협약"});
  private static final byte[] PDF_BYTES =
      """
      %PDF-1.4
      % synthetic document generated for tests, not a real report
      1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
      2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
      trailer << /Root 1 0 R >>
      %%EOF
      """
          .getBytes(StandardCharsets.US_ASCII);
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final long FEB_1_2025 = Instant.parse("2025-02-01T00:00:00Z").getEpochSecond();

  private final long seed;
  private final List<OutletInfo> outlets;

  public CrawlGenerator(long seed) {
    this.seed = seed;
    this.outlets = outlets();
  }

  /** The invented outlets, in a fixed order (English, wires, then ja, zh, ko). */
  List<OutletInfo> outletList() {
    return outlets;
  }

  /** The stories of a crawl of {@code records} response records. */
  public static int storyCount(int records) {
    return Math.max(MIN_STORIES, articleCount(records) / ARTICLES_PER_STORY);
  }

  /**
   * Writes a crawl of {@code records} response records (plus a request record before each and a
   * warcinfo record per file) into {@code dir}: WARC files under {@code dir/warc}, {@code
   * dir/manifest.tsv} and {@code dir/outlets.tsv}.
   */
  public Crawl write(Path dir, int records) {
    if (records < MIN_RECORDS) {
      throw new IllegalArgumentException(
          "records must be at least " + MIN_RECORDS + ", got " + records);
    }
    List<Story> stories = stories(storyCount(records));
    List<Capture> plan = plan(records, stories);
    int nFiles = Math.max(MIN_FILES, (records + RESPONSES_PER_FILE - 1) / RESPONSES_PER_FILE);
    Path warcDir = dir.resolve("warc");
    List<Entry> entries = new ArrayList<>(plan.size());
    List<Path> files = new ArrayList<>();
    for (int f = 0; f < nFiles; f++) {
      files.add(warcDir.resolve(String.format(Locale.ROOT, "crawl-%05d.warc.gz", f)));
      for (int i = from(plan.size(), nFiles, f); i < from(plan.size(), nFiles, f + 1); i++) {
        entries.add(entry(plan.get(i), stories, f));
      }
    }
    try {
      Files.createDirectories(warcDir);
      IntStream.range(0, nFiles)
          .parallel()
          .forEach(
              f ->
                  writeFile(
                      files.get(f),
                      plan.subList(from(plan.size(), nFiles, f), from(plan.size(), nFiles, f + 1)),
                      stories));
      Path manifest = dir.resolve("manifest.tsv");
      try (BufferedWriter w = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
        w.write(Entry.HEADER);
        w.write('\n');
        for (Entry e : entries) {
          w.write(e.tsv());
          w.write('\n');
        }
      }
      Path outletsTsv = dir.resolve("outlets.tsv");
      Files.writeString(outletsTsv, outletsTsv(), StandardCharsets.UTF_8);
      long bytes = 0;
      for (Path p : files) {
        bytes += Files.size(p);
      }
      return new Crawl(
          warcDir,
          List.copyOf(files),
          outletsTsv,
          manifest,
          List.copyOf(entries),
          stories.size(),
          nFiles + 2L * records,
          bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outlet map rows of the invented hosts, with a header line. */
  public String outletsTsv() {
    StringBuilder sb = new StringBuilder("host_suffix\tsource\tcountry\tsource_type\n");
    for (OutletInfo o : outlets) {
      sb.append(o.host())
          .append('\t')
          .append(o.name())
          .append('\t')
          .append(o.country())
          .append('\t')
          .append(o.sourceType())
          .append('\n');
    }
    return sb.toString();
  }

  private static int from(int n, int files, int f) {
    return (int) ((long) n * f / files);
  }

  private static int articleCount(int records) {
    return records - nonArticleCounts(records).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** How many records of each non-article kind a crawl of {@code records} has. */
  static Map<Kind, Integer> nonArticleCounts(int records) {
    Map<Kind, Integer> m = new LinkedHashMap<>();
    m.put(Kind.ROBOTS, Math.min(OUTLETS, Math.max(1, records / 200)));
    m.put(Kind.IMAGE, Math.max(1, (int) Math.round(records * 0.12)));
    m.put(Kind.PDF, Math.max(1, records / 2000));
    m.put(Kind.INDEX, Math.max(1, (int) Math.round(records * 0.03)));
    m.put(Kind.REDIRECT, Math.max(1, (int) Math.round(records * 0.03)));
    m.put(Kind.NOT_FOUND, Math.max(1, (int) Math.round(records * 0.02)));
    m.put(Kind.SERVER_ERROR, Math.max(1, (int) Math.round(records * 0.005)));
    return m;
  }

  // ---------------------------------------------------------------- outlets and stories

  private static List<OutletInfo> outlets() {
    String[] first = {
      "Harbor",
      "Meridian",
      "Summit",
      "Lantern",
      "Granite",
      "Civic",
      "Beacon",
      "Tidewater",
      "Orchard",
      "Northgate",
      "Copperfield",
      "Riverside",
      "Bluestone",
      "Fairhaven",
      "Kestrel"
    };
    String[] second = {
      "Gazette", "Chronicle", "Courier", "Observer", "Dispatch", "Record", "Examiner", "Bulletin"
    };
    String[] countries = {"US", "GB", "AU", "CA", "IE", "NZ"};
    ZoneOffset[] zones = {
      ZoneOffset.ofHours(-5),
      ZoneOffset.UTC,
      ZoneOffset.ofHours(11),
      ZoneOffset.ofHours(-5),
      ZoneOffset.UTC,
      ZoneOffset.ofHours(13)
    };
    String[] types = {"newspaper", "newspaper", "online", "broadcaster", "magazine"};
    List<OutletInfo> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String name = first[i % first.length] + " " + second[(i + 3 * (i / first.length)) % 8];
      out.add(
          new OutletInfo(
              new PageTemplates.Outlet(name, slug(name) + ".example"),
              PageTemplates.Style.english().get(i % 4),
              countries[i % countries.length],
              types[i % types.length],
              zones[i % zones.length],
              0.2 + 0.6 * i / 29.0,
              false));
    }
    out.add(wire("Tallyline Wire", "US", ZoneOffset.ofHours(-5)));
    out.add(wire("Palisade Press Agency", "GB", ZoneOffset.UTC));
    out.add(cjk("Asagiri Shimbun", "ja", "JP", "newspaper", 9, 0.4));
    out.add(cjk("Kawasemi Hoso", "ja", "JP", "broadcaster", 9, 0.6));
    out.add(cjk("Qinghe Daily", "zh", "CN", "newspaper", 8, 0.7));
    out.add(cjk("Yunhe Evening Post", "zh", "CN", "newspaper", 8, 0.5));
    out.add(cjk("Haeoreum Ilbo", "ko", "KR", "newspaper", 9, 0.35));
    out.add(cjk("Sandeul Sinmun", "ko", "KR", "online", 9, 0.55));
    return List.copyOf(out);
  }

  private static OutletInfo wire(String name, String country, ZoneOffset zone) {
    return new OutletInfo(
        new PageTemplates.Outlet(name, slug(name) + ".example"),
        PageTemplates.Style.NEWSWIRE,
        country,
        "wire",
        zone,
        0.5,
        true);
  }

  private static OutletInfo cjk(
      String name, String lang, String country, String type, int hours, double share) {
    return new OutletInfo(
        new PageTemplates.Outlet(name, slug(name) + ".example"),
        PageTemplates.Style.forLanguage(lang),
        country,
        type,
        ZoneOffset.ofHours(hours),
        share,
        false);
  }

  private static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  private static Domain domain(String headline, String section, String phrases) {
    return new Domain(headline, section, List.of(phrases.split("\\|", -1)));
  }

  private static List<Story> stories(int n) {
    List<Story> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> people = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        people.add(
            TITLES[(i + 3 * k) % TITLES.length]
                + " "
                + CorpusGenerator.capitalise(coined(SYLLABLES, 4001 + 3 * i + k)));
      }
      out.add(
          new Story(
              i,
              String.format(Locale.ROOT, "story-%03d", i + 1),
              DOMAINS.get(i % DOMAINS.size()),
              CorpusGenerator.capitalise(coined(SYLLABLES, 1234 + 37 * i)),
              CorpusGenerator.capitalise(coined(SYLLABLES, 2345 + 41 * i)) + " Heights",
              List.copyOf(people),
              CorpusGenerator.capitalise(coined(SYLLABLES, 7000 - i))
                  + " "
                  + ORG_KINDS[i % ORG_KINDS.length],
              1 + (i * 7) % 26));
    }
    return out;
  }

  /** A made-up word: the base-20 digits of {@code n} (three of them, mod 8000) as syllables. */
  private static String coined(String[] syllables, int number) {
    int b = syllables.length;
    int n = number % (b * b * b);
    return syllables[(n / (b * b)) % b] + syllables[(n / b) % b] + syllables[n % b];
  }

  // ---------------------------------------------------------------- the plan

  private List<Capture> plan(int records, List<Story> stories) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<Kind, Integer> counts = nonArticleCounts(records);
    int articles = articleCount(records);
    List<Integer> writers = new ArrayList<>();
    List<Integer> reprinters = new ArrayList<>();
    List<Integer> wires = new ArrayList<>();
    for (int i = 0; i < outlets.size(); i++) {
      OutletInfo o = outlets.get(i);
      if (o.wire()) {
        wires.add(i);
      } else {
        writers.add(i);
        if (o.language().equals("en")) {
          reprinters.add(i);
        }
      }
    }
    List<Capture> plan = new ArrayList<>(records);
    for (int i = 0; i < counts.get(Kind.ROBOTS); i++) {
      OutletInfo o = outlets.get(i);
      plan.add(simple(Kind.ROBOTS, i, rnd, "https://" + o.host() + "/robots.txt", ""));
    }
    int groups = 0;
    while (articles > 0) {
      Story story = stories.get(rnd.nextInt(stories.size()));
      long day = FEB_1_2025 + (story.day() - 1) * 86_400L;
      if (articles >= 3 && rnd.nextDouble() < 0.08) {
        int wire = wires.get(rnd.nextInt(wires.size()));
        int copies = Math.min(2 + rnd.nextInt(5), articles - 1);
        String group = "syn-" + ++groups;
        long bodySeed = rnd.nextLong();
        long published = day + 60L * rnd.nextInt(36 * 60);
        plan.add(
            article(
                plan.size(),
                Kind.WIRE,
                wire,
                story,
                group,
                rnd.nextLong(),
                bodySeed,
                wire,
                published));
        for (int k = 0; k < copies; k++) {
          // a partial shuffle: k distinct reprinting outlets
          int j = k + rnd.nextInt(reprinters.size() - k);
          int o = reprinters.get(j);
          reprinters.set(j, reprinters.get(k));
          reprinters.set(k, o);
          long later = published + 60L * (20 + rnd.nextInt(600));
          plan.add(
              article(
                  plan.size(),
                  Kind.REPRINT,
                  o,
                  story,
                  group,
                  rnd.nextLong(),
                  bodySeed,
                  wire,
                  later));
        }
        articles -= 1 + copies;
      } else {
        int o = writers.get(rnd.nextInt(writers.size()));
        long published = day + 60L * rnd.nextInt(48 * 60);
        plan.add(
            article(plan.size(), Kind.ARTICLE, o, story, "", rnd.nextLong(), 0, -1, published));
        articles--;
      }
    }
    List<Capture> articlePages = List.copyOf(plan.subList(counts.get(Kind.ROBOTS), plan.size()));
    for (Kind k : counts.keySet()) {
      if (k == Kind.ROBOTS) {
        continue;
      }
      for (int i = 0; i < counts.get(k); i++) {
        int o = writers.get(rnd.nextInt(writers.size()));
        String host = "https://" + outlets.get(o).host();
        int n = plan.size();
        Capture c =
            switch (k) {
              case IMAGE -> simple(k, o, rnd, host + "/media/2025/02/photo-" + n + ".jpg", "");
              case PDF -> simple(k, o, rnd, host + "/documents/annual-report-" + n + ".pdf", "");
              case INDEX -> simple(k, o, rnd, host + "/latest/page-" + n, "");
              case REDIRECT -> {
                Capture to = articlePages.get(rnd.nextInt(articlePages.size()));
                String toHost = "https://" + outlets.get(to.outlet()).host();
                long when = FEB_1_2025 + rnd.nextInt(28 * 86_400);
                yield new Capture(
                    k,
                    to.outlet(),
                    -1,
                    "",
                    rnd.nextLong(),
                    0,
                    -1,
                    when,
                    toHost + "/s/" + n,
                    to.url());
              }
              case NOT_FOUND -> simple(k, o, rnd, host + "/archive/old-page-" + n, "");
              case SERVER_ERROR -> simple(k, o, rnd, host + "/live/updates-" + n, "");
              default -> throw new IllegalStateException(k.toString());
            };
        plan.add(c);
      }
    }
    for (int i = plan.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      Capture t = plan.get(i);
      plan.set(i, plan.get(j));
      plan.set(j, t);
    }
    return plan;
  }

  private static Capture simple(Kind k, int outlet, SplittableRandom rnd, String url, String to) {
    long when = FEB_1_2025 + rnd.nextInt(28 * 86_400);
    return new Capture(k, outlet, -1, "", rnd.nextLong(), 0, -1, when, url, to);
  }

  private Capture article(
      int serial,
      Kind kind,
      int outlet,
      Story story,
      String group,
      long captureSeed,
      long bodySeed,
      int wire,
      long published) {
    OutletInfo o = outlets.get(outlet);
    String date = ISO.format(Instant.ofEpochSecond(published).atOffset(o.zone())).substring(0, 10);
    String url =
        "https://"
            + o.host()
            + "/"
            + story.domain().section()
            + "/"
            + date.replace('-', '/')
            + "/"
            + slug(story.place() + " " + story.domain().headline())
            + "-"
            + serial;
    return new Capture(
        kind, outlet, story.index(), group, captureSeed, bodySeed, wire, published, url, "");
  }

  private Entry entry(Capture c, List<Story> stories, int file) {
    OutletInfo o = outlets.get(c.outlet());
    boolean article = c.kind().isArticle();
    return new Entry(
        c.url(),
        c.kind(),
        article ? stories.get(c.story()).id() : "off",
        c.group(),
        article ? o.language() : "",
        article ? published(c, o) : "",
        o.host(),
        file);
  }

  private static String published(Capture c, OutletInfo o) {
    return ISO.format(Instant.ofEpochSecond(c.publishedEpochSecond()).atOffset(o.zone()));
  }

  // ---------------------------------------------------------------- writing

  private void writeFile(Path file, List<Capture> captures, List<Story> stories) {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      GzipMembers gz = new GzipMembers(out);
      WarcWriter w = new WarcWriter(Channels.newChannel(gz.record), WarcCompression.NONE);
      String name = file.getFileName().toString();
      URI infoId = id("warcinfo/" + name);
      Map<String, List<String>> fields = new LinkedHashMap<>();
      fields.put("software", List.of("Parallax bench CrawlGenerator"));
      fields.put("format", List.of("WARC File Format 1.1"));
      fields.put("isPartOf", List.of("parallax-synthetic-crawl-" + seed));
      fields.put(
          "description",
          List.of("A synthetic news crawl for tests and benchmarks: every page is invented."));
      w.write(
          new Warcinfo.Builder()
              .recordId(infoId)
              .date(Instant.ofEpochSecond(FEB_1_2025 + 28 * 86_400L))
              .filename(name)
              .fields(fields)
              .build());
      gz.endRecord();
      for (Capture c : captures) {
        writeCapture(w, gz, c, stories, infoId);
      }
      gz.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One gzip member per WARC record, as {@code .warc.gz} files have them (a reader can start at any
   * record), compressed at {@link Deflater#BEST_SPEED}: jwarc's own writer compresses at level 9,
   * which made generating 100,000 records take over a minute. The header has no time stamp, so the
   * bytes depend on the content only.
   */
  static final class GzipMembers {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    final ByteArrayOutputStream record = new ByteArrayOutputStream(1 << 16);
    private final OutputStream out;
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final CRC32 crc = new CRC32();
    private final byte[] chunk = new byte[1 << 16];

    GzipMembers(OutputStream out) {
      this.out = out;
    }

    /** Writes what was written to {@link #record} since the last call as one gzip member. */
    void endRecord() throws IOException {
      byte[] data = record.toByteArray();
      record.reset();
      out.write(HEADER);
      crc.reset();
      crc.update(data);
      deflater.reset();
      deflater.setInput(data);
      deflater.finish();
      while (!deflater.finished()) {
        int n = deflater.deflate(chunk);
        out.write(chunk, 0, n);
      }
      int c = (int) crc.getValue();
      int size = data.length;
      out.write(
          new byte[] {
            (byte) c,
            (byte) (c >>> 8),
            (byte) (c >>> 16),
            (byte) (c >>> 24),
            (byte) size,
            (byte) (size >>> 8),
            (byte) (size >>> 16),
            (byte) (size >>> 24)
          });
    }

    void close() {
      deflater.end();
    }
  }

  private void writeCapture(
      WarcWriter w, GzipMembers gz, Capture c, List<Story> stories, URI infoId) throws IOException {
    SplittableRandom r = new SplittableRandom(c.seed());
    OutletInfo o = outlets.get(c.outlet());
    Instant fetched = Instant.ofEpochSecond(c.publishedEpochSecond() + 60L * (5 + r.nextInt(180)));
    URI uri = URI.create(c.url());
    URI responseId = id(c.url() + "#response");
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    w.write(
        new WarcRequest.Builder(uri)
            .recordId(id(c.url() + "#request"))
            .date(fetched)
            .warcinfoId(infoId)
            .concurrentTo(responseId)
            .body(
                new HttpRequest.Builder("GET", path)
                    .addHeader("Host", o.host())
                    .addHeader("User-Agent", USER_AGENT)
                    .addHeader("Accept", "text/html,*/*")
                    .build())
            .build());
    gz.endRecord();
    HttpResponse http = response(c, o, r, stories);
    w.write(
        new WarcResponse.Builder(uri)
            .recordId(responseId)
            .date(fetched)
            .warcinfoId(infoId)
            .body(http)
            .build());
    gz.endRecord();
  }

  private HttpResponse response(Capture c, OutletInfo o, SplittableRandom r, List<Story> stories) {
    return switch (c.kind()) {
      case ARTICLE, WIRE, REPRINT -> {
        PageTemplates.Article a = articleOf(c, o, r, stories.get(c.story()));
        yield ok("text/html; charset=utf-8", PageTemplates.article(o.style(), o.outlet(), a));
      }
      case INDEX -> {
        List<String> heads = new ArrayList<>();
        int n = 12 + r.nextInt(20);
        for (int i = 0; i < n; i++) {
          Story s = stories.get(r.nextInt(stories.size()));
          heads.add(headline(r, s, o.language()));
        }
        yield ok(
            "text/html; charset=utf-8", PageTemplates.index(o.style(), o.outlet(), c.url(), heads));
      }
      case IMAGE -> {
        byte[] b = new byte[2000 + r.nextInt(6000)];
        r.nextBytes(b);
        byte[] head = {
          (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'
        };
        System.arraycopy(head, 0, b, 0, head.length);
        b[b.length - 2] = (byte) 0xFF;
        b[b.length - 1] = (byte) 0xD9;
        yield http(200, "OK", "image/jpeg", b, null);
      }
      case PDF -> http(200, "OK", "application/pdf", PDF_BYTES, null);
      case ROBOTS ->
          http(
              200,
              "OK",
              "text/plain; charset=utf-8",
              ("# robots.txt of a synthetic outlet\nUser-agent: *\nDisallow: /search\n"
                      + "Disallow: /account/\nSitemap: https://"
                      + o.host()
                      + "/sitemap.xml\n")
                  .getBytes(StandardCharsets.UTF_8),
              null);
      case REDIRECT -> {
        boolean permanent = r.nextBoolean();
        int status = permanent ? 301 : 302;
        String msg = permanent ? "Moved Permanently" : "Found";
        yield http(
            status,
            msg,
            "text/html; charset=utf-8",
            PageTemplates.statusPage(o.style(), o.outlet(), status, msg)
                .getBytes(StandardCharsets.UTF_8),
            c.target());
      }
      case NOT_FOUND ->
          http(
              404,
              "Not Found",
              "text/html; charset=utf-8",
              PageTemplates.statusPage(o.style(), o.outlet(), 404, "Not Found")
                  .getBytes(StandardCharsets.UTF_8),
              null);
      case SERVER_ERROR ->
          http(
              500,
              "Internal Server Error",
              "text/html; charset=utf-8",
              PageTemplates.statusPage(o.style(), o.outlet(), 500, "Internal Server Error")
                  .getBytes(StandardCharsets.UTF_8),
              null);
    };
  }

  private static HttpResponse ok(String type, String html) {
    return http(200, "OK", type, html.getBytes(StandardCharsets.UTF_8), null);
  }

  private static HttpResponse http(
      int status, String reason, String type, byte[] body, String location) {
    HttpResponse.Builder b =
        new HttpResponse.Builder(status, reason).addHeader("Server", "synthetic");
    if (location != null) {
      b.addHeader("Location", location);
    }
    return b.body(MediaType.parse(type), body).build();
  }

  private URI id(String name) {
    return URI.create(
        "urn:uuid:" + UUID.nameUUIDFromBytes((seed + " " + name).getBytes(StandardCharsets.UTF_8)));
  }

  // ---------------------------------------------------------------- text

  private PageTemplates.Article articleOf(
      Capture c, OutletInfo o, SplittableRandom r, Story story) {
    String published = published(c, o);
    if (c.kind() == Kind.ARTICLE) {
      List<String> paragraphs =
          o.language().equals("en")
              ? joined(englishParagraphs(r, story, o.positiveShare()))
              : cjkParagraphs(r, story, o.language(), o.positiveShare());
      return new PageTemplates.Article(
          c.url(),
          headline(r, story, o.language()),
          o.language().equals("en") ? "By " + reporter(r) : cjkReporter(r, o.language()),
          published,
          o.language(),
          paragraphs);
    }
    OutletInfo wire = outlets.get(c.wireOutlet());
    List<List<String>> body =
        englishParagraphs(new SplittableRandom(c.bodySeed()), story, wire.positiveShare());
    if (c.kind() == Kind.WIRE) {
      List<String> first = new ArrayList<>(body.get(0));
      first.set(
          0, story.place().toUpperCase(Locale.ROOT) + " (" + wire.name() + ") — " + first.get(0));
      body.set(0, first);
      return new PageTemplates.Article(
          c.url(),
          headline(r, story, "en"),
          "By " + reporter(r) + " | " + wire.name(),
          published,
          "en",
          joined(body));
    }
    // a reprint: a new lede sentence, the wire's text, one closing sentence of the outlet's own
    List<String> first = new ArrayList<>(body.get(0));
    first.set(0, CorpusGenerator.sentence(r, slots(story, o.positiveShare())));
    body.set(0, first);
    List<String> last = new ArrayList<>(body.get(body.size() - 1));
    last.add(o.name() + " staff contributed reporting from " + story.place() + ".");
    body.set(body.size() - 1, last);
    String[] bylines = {
      "By " + reporter(r) + ", " + wire.name(),
      wire.name() + " staff",
      "From " + wire.name() + " reports",
      "Staff and wire reports",
      o.name() + " and " + wire.name()
    };
    return new PageTemplates.Article(
        c.url(),
        headline(r, story, "en"),
        bylines[r.nextInt(bylines.length)],
        published,
        "en",
        joined(body));
  }

  private static List<String> joined(List<List<String>> paragraphs) {
    List<String> out = new ArrayList<>(paragraphs.size());
    for (List<String> p : paragraphs) {
      out.add(String.join(" ", p));
    }
    return out;
  }

  /** Six to twelve paragraphs of two to four sentences each, as sentences. */
  private static List<List<String>> englishParagraphs(
      SplittableRandom r, Story story, double positiveShare) {
    CorpusGenerator.Slots slots = slots(story, positiveShare);
    int n = 6 + r.nextInt(7);
    List<List<String>> out = new ArrayList<>(n);
    for (int p = 0; p < n; p++) {
      int m = 2 + r.nextInt(3);
      List<String> sentences = new ArrayList<>(m);
      for (int s = 0; s < m; s++) {
        sentences.add(CorpusGenerator.sentence(r, slots));
      }
      out.add(sentences);
    }
    return out;
  }

  private static CorpusGenerator.Slots slots(Story story, double positiveShare) {
    return new CorpusGenerator.Slots() {
      @Override
      public String person(SplittableRandom r) {
        return story.people().get(r.nextInt(story.people().size()));
      }

      @Override
      public String place(SplittableRandom r) {
        return r.nextInt(3) < 2 ? story.place() : story.district();
      }

      @Override
      public String topic(SplittableRandom r) {
        List<String> phrases = story.domain().phrases();
        return r.nextInt(5) < 4 ? phrases.get(r.nextInt(phrases.size())) : "the " + story.org();
      }

      @Override
      public double positiveShare() {
        return positiveShare;
      }
    };
  }

  private static List<String> cjkParagraphs(
      SplittableRandom r, Story story, String lang, double positiveShare) {
    int n = 4 + r.nextInt(4);
    List<String> out = new ArrayList<>(n);
    for (int p = 0; p < n; p++) {
      int m = 2 + r.nextInt(2);
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < m; s++) {
        sb.append(cjkSentence(r, story, lang, positiveShare));
        if (lang.equals("ko") && s < m - 1) {
          sb.append(' ');
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static String cjkSentence(
      SplittableRandom r, Story story, String lang, double positiveShare) {
    String[] templates = CJK_TEMPLATES.get(lang);
    String t = templates[r.nextInt(templates.length)];
    StringBuilder sb = new StringBuilder(t.length() * 2);
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c != '{') {
        sb.append(c);
        i++;
        continue;
      }
      int close = t.indexOf('}', i);
      String slot = t.substring(i + 1, close);
      sb.append(
          switch (slot) {
            case "P" -> cjkPerson(story, lang, r.nextInt(3));
            case "PL" -> cjkPlace(story, lang);
            case "T" -> cjkTopic(story, lang, r.nextInt(4));
            case "D" -> (1 + r.nextInt(28)) + "日";
            case "NUM" -> Integer.toString(2 + r.nextInt(98));
            case "TONE" -> {
              String[][] tone = CJK_TONE.get(lang);
              String[] words = r.nextDouble() < positiveShare ? tone[0] : tone[1];
              yield words[r.nextInt(words.length)];
            }
            default -> throw new IllegalStateException("unknown template slot " + slot);
          });
      i = close + 1;
    }
    return sb.toString();
  }

  private static String[] script(String lang) {
    return switch (lang) {
      case "ja" -> KANA;
      case "zh" -> HANZI;
      default -> HANGUL;
    };
  }

  private static String cjkPlace(Story story, String lang) {
    String suffix =
        switch (lang) {
          case "ja", "zh" -> "市";
          default -> "시";
        };
    return coined(script(lang), 1234 + 37 * story.index()) + suffix;
  }

  private static String cjkPerson(Story story, String lang, int k) {
    String name = coined(script(lang), 4001 + 3 * story.index() + k);
    return switch (lang) {
      case "ja" -> name + "氏";
      case "zh" -> name + "主任";
      default -> name + " 위원장";
    };
  }

  private static String cjkTopic(Story story, String lang, int k) {
    String[] suffix = CJK_TOPIC_SUFFIX.get(lang);
    return coined(script(lang), 2345 + 41 * story.index()) + suffix[k % suffix.length];
  }

  private static String headline(SplittableRandom r, Story story, String lang) {
    if (!lang.equals("en")) {
      String sep = lang.equals("ko") ? " " : "、";
      return cjkPlace(story, lang) + sep + cjkTopic(story, lang, r.nextInt(4));
    }
    String t = EN_HEADLINES[r.nextInt(EN_HEADLINES.length)];
    String angle = ANGLES[r.nextInt(ANGLES.length)];
    List<String> phrases = story.domain().phrases();
    String phrase = phrases.get(r.nextInt(phrases.size()));
    String person = story.people().get(r.nextInt(story.people().size()));
    String h =
        t.replace("{PL}", story.place())
            .replace("{H}", story.domain().headline())
            .replace("{ANGLE_CAP}", CorpusGenerator.capitalise(angle))
            .replace("{ANGLE}", angle)
            .replace("{P}", person)
            .replace("{T_CAP}", CorpusGenerator.capitalise(phrase))
            .replace("{T}", phrase);
    return CorpusGenerator.capitalise(h);
  }

  private static String cjkReporter(SplittableRandom r, String lang) {
    String name = coined(script(lang), r.nextInt(8000));
    return switch (lang) {
      case "ja" -> name + "記者";
      case "zh" -> "记者 " + name;
      default -> name + " 기자";
    };
  }

  private static String reporter(SplittableRandom r) {
    return FIRST_NAMES[r.nextInt(FIRST_NAMES.length)]
        + " "
        + LAST_NAMES[r.nextInt(LAST_NAMES.length)];
  }

  /**
   * Writes a crawl: {@code CrawlGenerator OUT_DIR RECORDS [SEED]}; prints what it wrote and how
   * long it took.
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: CrawlGenerator OUT_DIR RECORDS [SEED]");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    long s = args.length > 2 ? Long.parseLong(args[2]) : 20250207L;
    Crawl c = new CrawlGenerator(s).write(Path.of(args[0]), Integer.parseInt(args[1]));
    System.out.printf(
        Locale.ROOT,
        "%d response records (%d WARC records, %d stories) in %d files, %.1f MB, %.1f s%n",
        c.entries().size(),
        c.warcRecords(),
        c.stories(),
        c.warcFiles().size(),
        c.warcMb(),
        (System.nanoTime() - t0) / 1e9);
  }
}
