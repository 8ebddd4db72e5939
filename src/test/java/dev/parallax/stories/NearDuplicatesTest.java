package dev.parallax.stories;

import static dev.parallax.stories.StoriesFixtures.article;
import static dev.parallax.stories.StoriesFixtures.articles;
import static dev.parallax.stories.StoriesFixtures.charShingles;
import static dev.parallax.stories.StoriesFixtures.idOf;
import static dev.parallax.stories.StoriesFixtures.jaccard;
import static dev.parallax.stories.StoriesFixtures.marks;
import static dev.parallax.stories.StoriesFixtures.textOf;
import static dev.parallax.stories.StoriesFixtures.wordShingles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Near-duplicate detection. All texts and outlet names are invented (synthetic test data). Expected
 * similarities come from {@link StoriesFixtures}' plain shingle sets of strings, not from the
 * hashed shingles under test.
 */
class NearDuplicatesTest {
  private static final NearDuplicates.Params DEFAULT = new NearDuplicates.Params(0.5, 5);

  /** A synthetic wire story of ten paragraphs (invented agency, people and places). */
  static final List<String> WIRE =
      List.of(
          "HARROWGATE (Tidewater Wire) - The prime minister of the invented republic of Valdoria"
              + " met the president of Oster Island on Friday for three hours of talks on tariffs,"
              + " shipping lanes and a long delayed fisheries treaty.",
          "The two leaders agreed to set up a joint commission that will report within ninety days"
              + " on how to cut duties on farm machinery, solar panels and frozen fish.",
          "Officials on both sides said the meeting was friendlier than expected after months of"
              + " public sparring over port fees charged to container ships in the northern strait.",
          "Valdorian trade minister Elsa Marrow told reporters that the commission would also look"
              + " at the rules of origin that have kept island products out of mainland markets.",
          "Oster Island's delegation pressed for a quick decision on the fisheries treaty, which has"
              + " been stalled since coastal patrols seized two trawlers in the spring.",
          "Analysts at the Harrowgate Institute said a deal on fish quotas could add half a"
              + " percentage point to the island's growth next year if it is signed before winter.",
          "The leaders did not take questions, but a joint statement said both governments would"
              + " keep the strait open to ships of every flag and settle disputes by arbitration.",
          "Opposition lawmakers in Valdoria criticised the talks as a concession to island"
              + " exporters and demanded that parliament see the commission's report first.",
          "Markets barely moved on the news, with the Valdorian crown ending the day flat against"
              + " the dollar and shipping stocks up by less than one percent.",
          "The commission is due to hold its first session in Harrowgate next month, and the two"
              + " leaders plan to meet again at the regional summit in the autumn.");

  static String text(List<String> paragraphs) {
    return String.join("\n\n", paragraphs);
  }

  /** The wire text with its first paragraph replaced and its last {@code drop} paragraphs cut. */
  static String copy(String byline, String firstParagraph, int drop, String closing) {
    List<String> p = new ArrayList<>();
    p.add(byline);
    p.add(firstParagraph);
    p.addAll(WIRE.subList(1, WIRE.size() - drop));
    if (closing != null) {
      p.add(closing);
    }
    return text(p);
  }

  @Test
  void minHashEstimatesTheJaccardIndexOfGeneratedSets() {
    // Pairs of random 64-bit sets with c common and u own elements each: J = c / (c + 2u).
    // J = 100/500 = 0.2, 200/400 = 0.5, 400/500 = 0.8. With n = 120 hash functions an estimate is
    // a binomial share with standard deviation sqrt(J(1 - J)/120): 0.037, 0.046, 0.037. Each of
    // 30 estimates within 4 sd, their mean within 3 sd / sqrt(30) (0.020, 0.025, 0.020).
    Random random = new Random(16);
    int[][] shapes = {{100, 200}, {200, 100}, {400, 50}};
    for (int[] shape : shapes) {
      int c = shape[0];
      int u = shape[1];
      double j = (double) c / (c + 2 * u);
      double sd = Math.sqrt(j * (1 - j) / Shingles.SIGNATURE_SIZE);
      double sum = 0;
      for (int pair = 0; pair < 30; pair++) {
        long[] common = random.longs(c).toArray();
        long[] a = LongStream.concat(Arrays.stream(common), random.longs(u)).sorted().toArray();
        long[] b = LongStream.concat(Arrays.stream(common), random.longs(u)).sorted().toArray();
        assertEquals(j, Shingles.jaccard(a, b), 1e-12, "exact Jaccard of the generated pair");
        double est =
            Shingles.estimate(
                Shingles.signature(a, Shingles.SIGNATURE_SIZE),
                Shingles.signature(b, Shingles.SIGNATURE_SIZE));
        assertEquals(j, est, 4 * sd, "estimate of J = " + j);
        sum += est;
      }
      assertEquals(j, sum / 30, 3 * sd / Math.sqrt(30), "mean estimate of J = " + j);
    }
  }

  @Test
  void bandingForTheDefaultThresholdAndItsProbabilityCurve() {
    // By hand, n = 120 and threshold 0.5: P(s) = 1 - (1 - s^r)^b with b = floor(120 / r).
    //   r = 4, b = 30: 1 - (1 - 0.0625)^30 = 1 - 0.9375^30 = 1 - 0.1443 = 0.856 < 0.99
    //   r = 3, b = 40: 1 - (1 - 0.125)^40 = 1 - 0.875^40 = 1 - 0.00479 = 0.9952 >= 0.99
    // so 40 bands of 3 rows. Along the curve: P(0.8) = 1 - (1 - 0.512)^40 = 1 - 3.3e-13 = 1;
    // P(0.3) = 1 - 0.973^40 = 1 - 0.3345 = 0.665; P(0.1) = 1 - 0.999^40 = 0.0392;
    // P(0.05) = 1 - (1 - 0.000125)^40 = 0.00499.
    NearDuplicates.Banding b = NearDuplicates.Banding.forThreshold(0.5, 120);
    assertEquals(new NearDuplicates.Banding(40, 3), b);
    assertEquals(0.9952, b.probability(0.5), 1e-4);
    assertEquals(1.0, b.probability(0.8), 1e-9);
    assertEquals(0.665, b.probability(0.3), 1e-3);
    assertEquals(0.0392, b.probability(0.1), 1e-4);
    assertEquals(0.00499, b.probability(0.05), 1e-5);
    // threshold 0.8: r = 7, b = 17: 1 - (1 - 0.2097)^17 = 1 - 0.0183 = 0.9817 < 0.99;
    // r = 6, b = 20: 1 - (1 - 0.2621)^20 = 1 - 0.00229 = 0.9977
    assertEquals(new NearDuplicates.Banding(20, 6), NearDuplicates.Banding.forThreshold(0.8, 120));
  }

  @Test
  void lshFindsPairsAtTheThresholdAndRarelyPairsFarBelowIt() {
    // 300 pairs at J = 0.5 exactly (200 common, 100 own each): each is a candidate with
    // probability 0.9952, so about 298.6 are expected; at least 290 (P(fewer) < 1e-4, binomial).
    // 300 pairs at J = 0.05 (20 common, 190 own: 20/400): probability 0.005, about 1.5 expected;
    // at most 8 (P(more) < 1e-4).
    NearDuplicates.Banding b = NearDuplicates.Banding.forThreshold(0.5, Shingles.SIGNATURE_SIZE);
    Random random = new Random(61);
    assertTrue(candidates(random, b, 200, 100, 300) >= 290);
    assertTrue(candidates(random, b, 20, 190, 300) <= 8);
  }

  private static int candidates(
      Random random, NearDuplicates.Banding banding, int common, int own, int pairs) {
    int found = 0;
    for (int i = 0; i < pairs; i++) {
      long[] c = random.longs(common).toArray();
      long[] a = LongStream.concat(Arrays.stream(c), random.longs(own)).sorted().toArray();
      long[] bb = LongStream.concat(Arrays.stream(c), random.longs(own)).sorted().toArray();
      long[] sa = Shingles.signature(a, Shingles.SIGNATURE_SIZE);
      long[] sb = Shingles.signature(bb, Shingles.SIGNATURE_SIZE);
      for (int band = 0; band < banding.bands(); band++) {
        if (Shingles.bandKey(sa, band, banding.rows())
            == Shingles.bandKey(sb, band, banding.rows())) {
          found++;
          break;
        }
      }
    }
    return found;
  }

  @Test
  void hashedShinglesHaveTheJaccardIndexOfThePlainShingles() {
    String a = text(WIRE);
    String b = copy("By Ina Holt, Larkspur Gazette", "A rewritten opening paragraph.", 2, null);
    assertEquals(
        jaccard(wordShingles(a, 5), wordShingles(b, 5)),
        Shingles.jaccard(Shingles.of(a, 5), Shingles.of(b, 5)),
        1e-12);
    assertEquals(wordShingles(a, 5).size(), Shingles.of(a, 5).length);
    // punctuation, case and line breaks do not change the shingles
    assertEquals(
        Arrays.toString(Shingles.of("The Leaders met; on FRIDAY,\n\nin Harrowgate.", 5)),
        Arrays.toString(Shingles.of("the leaders met on friday in harrowgate", 5)));
  }

  @Test
  void aWireStoryReprintedByFiveOutletsIsOneGroupUnderTheEarliestCopy() {
    String wire = text(WIRE);
    // Five invented outlets: own headline and byline, a rewritten first paragraph, the ending
    // trimmed or replaced. The wire itself is published last of all but one, so the canonical is
    // the earliest copy, not the wire.
    List<Row> rows =
        List.of(
            article(
                "w-wire",
                "s",
                "Tidewater Wire",
                "Valdoria and Oster Island agree trade commission",
                "2025-03-01T12:00:00Z",
                wire,
                null),
            article(
                "w-lark",
                "s",
                "Larkspur Gazette",
                "Leaders shake hands on tariffs",
                "2025-03-01T09:00:00Z",
                copy(
                    "By Ina Holt, Larkspur Gazette",
                    "The leaders of Valdoria and Oster Island sat down on Friday for talks that"
                        + " our correspondent described as cordial and businesslike.",
                    0,
                    null),
                null),
            article(
                "w-quay",
                "s",
                "North Quay Courier",
                "Fish treaty back on the table",
                "2025-03-01T10:30:00Z",
                copy(
                    "North Quay Courier staff",
                    "Fishing crews in North Quay will watch closely after the two leaders met on"
                        + " Friday to discuss tariffs and the stalled treaty.",
                    1,
                    "Read more about the fisheries dispute in our weekend edition."),
                null),
            article(
                "w-fen",
                "s",
                "Fenmoor Evening Post",
                "Talks in Harrowgate",
                "2025-03-01T15:00:00Z",
                copy("From wire reports", WIRE.get(0), 2, null),
                null),
            article(
                "w-call",
                "s",
                "Calloway Ledger",
                "Commission to study duties",
                "2025-03-01T11:00:00Z",
                copy(
                    "By Tomas Reyl",
                    "Valdoria's prime minister met the Oster Island president on Friday.",
                    1,
                    null),
                null),
            article(
                "w-bright",
                "s",
                "Brightwater Times",
                "Strait to stay open, leaders say",
                "2025-03-01T13:00:00Z",
                copy(
                    "Brightwater Times",
                    "Ships of every flag will keep using the northern strait, the two leaders"
                        + " promised after meeting on Friday.",
                    0,
                    "Brightwater Times readers can share their views on our letters page."),
                null),
            // written independently about the same meeting: same names and facts, own words
            article(
                "w-indep",
                "s",
                "Harrowgate Observer",
                "What the summit means",
                "2025-03-01T08:00:00Z",
                "Valdoria's prime minister and the Oster Island president met in Harrowgate on"
                    + " Friday. They set up a joint commission on tariffs, which must report"
                    + " within ninety days.\n\nOur view: the fisheries treaty matters more than"
                    + " the duties on solar panels, and the seized trawlers still poison the"
                    + " mood.\n\nTrade minister Elsa Marrow spoke of rules of origin; the"
                    + " opposition wants parliament to see the report first.",
                null),
            // an off-topic article
            article(
                "w-off",
                "s",
                "Larkspur Gazette",
                "Library reopens",
                "2025-03-01T07:00:00Z",
                "The town library reopened on Friday after a year of repairs to its roof and"
                    + " heating, with a reading room for children and longer opening hours.",
                null));
    Map<String, Object[]> got = marks(NearDuplicates.mark(articles(rows), DEFAULT));

    // canonical: the earliest of the group, Larkspur Gazette at 09:00
    List<String> copies = List.of("w-wire", "w-quay", "w-fen", "w-call", "w-bright");
    Map<String, String> texts = new java.util.HashMap<>();
    rows.forEach(r -> texts.put(idOf(r), textOf(r)));
    for (String id : copies) {
      assertEquals("w-lark", got.get(id)[0], id);
      double expected =
          jaccard(wordShingles(texts.get("w-lark"), 5), wordShingles(texts.get(id), 5));
      assertEquals(expected, (Double) got.get(id)[1], 1e-12, id);
    }
    // by hand from the plain sets, the weakest copy (Fenmoor: two paragraphs cut) is still well
    // above 0.5, and every copy is in the group directly
    for (String id : copies) {
      assertTrue((Double) got.get(id)[1] >= 0.5, id + " " + got.get(id)[1]);
    }
    assertNull(got.get("w-lark")[0], "the canonical names no canonical");
    assertNull(got.get("w-lark")[1]);
    assertNull(got.get("w-indep")[0], "independently written: not a copy");
    assertNull(got.get("w-off")[0]);
    // independent writing on the same event shares few 5-word runs
    assertTrue(jaccard(wordShingles(text(WIRE), 5), wordShingles(texts.get("w-indep"), 5)) < 0.05);
  }

  @Test
  void aMemberThatJoinedThroughAnotherGetsItsOwnSimilarityToTheCanonical() {
    // Paragraph windows of the wire story: A = P1-P8, B = P2-P9, C = P4-P10 (7 paragraphs).
    // By paragraphs: A~B 7/9 = 0.78, B~C 6/8 = 0.75, A~C 5/10 = 0.50 minus the shingles that
    // span paragraph joins; the plain computation decides, and C must be below 0.5 to A for the
    // test to mean something.
    String a = text(WIRE.subList(0, 8));
    String b = text(WIRE.subList(1, 9));
    String c = text(WIRE.subList(3, 10));
    double ac = jaccard(wordShingles(a, 5), wordShingles(c, 5));
    assertTrue(ac < 0.5, "A~C " + ac);
    assertTrue(jaccard(wordShingles(a, 5), wordShingles(b, 5)) >= 0.5);
    assertTrue(jaccard(wordShingles(b, 5), wordShingles(c, 5)) >= 0.5);
    Map<String, Object[]> got =
        marks(
            NearDuplicates.mark(
                articles(
                    List.of(
                        article("c-a", "s", "Outlet A", null, "2025-03-01T08:00:00Z", a, null),
                        article("c-b", "s", "Outlet B", null, "2025-03-01T09:00:00Z", b, null),
                        article("c-c", "s", "Outlet C", null, "2025-03-01T10:00:00Z", c, null))),
                DEFAULT));
    assertEquals("c-a", got.get("c-b")[0]);
    assertEquals("c-a", got.get("c-c")[0]);
    assertEquals(ac, (Double) got.get("c-c")[1], 1e-12);
  }

  /** A synthetic Japanese wire story (invented agency and places), five paragraphs. */
  static final List<String> JA_WIRE =
      List.of(
          "【港北通信】架空の国ヴァルドリアの首相は金曜日、オスター島の大統領とハロウゲートで三時間にわたり会談し、関税と航路、長く停滞している漁業協定について協議した。",
          "両首脳は、農業機械や太陽光パネル、冷凍魚にかかる関税の引き下げ方を九十日以内に報告する合同委員会を設けることで合意した。",
          "双方の当局者は、北部海峡を通るコンテナ船の入港料をめぐる数か月の応酬の後としては、会談は予想以上に友好的だったと述べた。",
          "オスター島側は、春に沿岸警備隊が漁船二隻を拿捕して以来止まっている漁業協定について、早期の決定を求めた。",
          "合同委員会は来月ハロウゲートで初会合を開く予定で、両首脳は秋の地域首脳会議で再び会談する。");

  @Test
  void japaneseCopiesAreFoundByCharacterShingles() {
    String wire = String.join("\n\n", JA_WIRE);
    // two invented outlets reprint it: one rewrites the first paragraph, one replaces the last
    String copy1 =
        "【東湾日報】ヴァルドリアとオスター島の首脳が金曜日に会談した。\n\n" + String.join("\n\n", JA_WIRE.subList(1, 5));
    String copy2 = String.join("\n\n", JA_WIRE.subList(0, 4)) + "\n\n" + "詳しくは本紙の週末版をご覧ください。";
    String independent =
        "ヴァルドリアの首相とオスター島の大統領が金曜日に会談した。本紙の取材では、漁業協定の行方が最大の焦点だという。"
            + "関税を話し合う委員会も発足するが、野党は議会への報告を求めている。";
    Map<String, Object[]> got =
        marks(
            NearDuplicates.mark(
                articles(
                    List.of(
                        article("j-wire", "s", "港北通信", null, "2025-03-01T01:00:00Z", wire, null),
                        article("j-1", "s", "東湾日報", null, "2025-03-01T02:00:00Z", copy1, null),
                        article("j-2", "s", "北浜新報", null, "2025-03-01T03:00:00Z", copy2, null),
                        article(
                            "j-ind",
                            "s",
                            "西岬タイムズ",
                            null,
                            "2025-03-01T00:00:00Z",
                            independent,
                            null))),
                DEFAULT));
    assertEquals("j-wire", got.get("j-1")[0]);
    assertEquals("j-wire", got.get("j-2")[0]);
    assertEquals(
        jaccard(charShingles(wire, 5), charShingles(copy1, 5)), (Double) got.get("j-1")[1], 1e-12);
    assertEquals(
        jaccard(charShingles(wire, 5), charShingles(copy2, 5)), (Double) got.get("j-2")[1], 1e-12);
    assertNull(got.get("j-ind")[0], "independently written in Japanese: not a copy");
    assertNull(got.get("j-wire")[0]);
  }

  @Test
  void tiesByIdNullDatesLastAndExactDuplicatesAreNotCandidates() {
    String wire = text(WIRE);
    String trimmed = text(WIRE.subList(0, 9));
    Map<String, Object[]> got =
        marks(
            NearDuplicates.mark(
                articles(
                    List.of(
                        // same time: the smaller id is canonical
                        article("t-b", "s", "B", null, "2025-03-01T08:00:00Z", wire, null),
                        article("t-a", "s", "A", null, "2025-03-01T08:00:00Z", trimmed, null),
                        // no date: last, even with the smallest id
                        article("t-0", "s", "Z", null, null, trimmed + "\n\nEnd.", null),
                        // an exact copy of t-b: it keeps duplicate_of and joins no group
                        article("t-c", "s", "C", null, "2025-02-01T08:00:00Z", wire, "t-b"))),
                DEFAULT));
    assertNull(got.get("t-a")[0]);
    assertEquals("t-a", got.get("t-b")[0]);
    assertEquals("t-a", got.get("t-0")[0]);
    assertNull(got.get("t-c")[0], "an exact duplicate is not a candidate");
    assertEquals(
        jaccard(wordShingles(trimmed, 5), wordShingles(wire, 5)),
        (Double) got.get("t-b")[1],
        1e-12);
  }

  @Test
  void paramsRefuseAThresholdOutsideZeroToOne() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> new NearDuplicates.Params(0, 5));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> new NearDuplicates.Params(1.01, 5));
    assertEquals(1.0, new NearDuplicates.Params(1, 5).threshold());
  }

  @Test
  void aSmallBucketGivesEveryPairALargeOneAStarOnItsSmallestId() {
    List<Row> three = NearDuplicates.bucketPairs(List.of("c", "a", "b"));
    assertEquals(
        List.of("a|b", "a|c", "b|c"),
        three.stream().map(r -> r.getString(0) + "|" + r.getString(1)).toList());
    List<String> ids = new ArrayList<>();
    for (int i = 60; i >= 1; i--) {
      ids.add(String.format("id%02d", i));
    }
    List<Row> star = NearDuplicates.bucketPairs(ids);
    // 60 > 50 members: 59 pairs, each with id01
    assertEquals(59, star.size());
    assertTrue(star.stream().allMatch(r -> r.getString(0).equals("id01")));
  }

  @Test
  void sixtyCopiesOfOneStoryAreOneGroup() {
    // 60 outlets reprint the wire story with their own one-line byline: every band bucket of the
    // story has 60 members, so candidates come from the star on the smallest id.
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rows.add(
          article(
              String.format("m%02d", i),
              "s",
              "Outlet " + i,
              null,
              String.format("2025-03-01T%02d:%02d:00Z", 6 + i / 60, i % 60),
              "Filed by desk number " + i + ".\n\n" + text(WIRE),
              null));
    }
    Map<String, Object[]> got = marks(NearDuplicates.mark(articles(rows), DEFAULT));
    assertNull(got.get("m00")[0]);
    for (int i = 1; i < 60; i++) {
      assertEquals("m00", got.get(String.format("m%02d", i))[0], "copy " + i);
    }
  }
}
