package dev.parallax.report;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Colour scales of the report's charts, as JFreeChart {@link PaintScale}s: colours are linearly
 * interpolated (in sRGB) between evenly spaced anchor colours over [lower, upper]; values outside
 * are clamped and NaN gets {@link #MISSING}.
 *
 * <p>{@link #sequential} (rates: near-white to dark blue, ColorBrewer "Blues") and {@link
 * #diverging} (tone: red for negative, white at exactly 0, blue for positive, ColorBrewer "RdBu";
 * symmetric, so values equally far from 0 get equally strong colours); {@link #category} gives one
 * colour per series of a chart (sources, themes).
 */
final class Palette implements PaintScale {
  /** Fill of a cell without a value. */
  static final Color MISSING = new Color(0xE4, 0xE7, 0xEB);

  /** Dark text colour of the report. */
  static final Color INK = new Color(0x1F, 0x29, 0x33);

  /**
   * Colours told apart by hue, one per series of a chart (sources, themes), in order: Tableau 10,
   * then the ten of Tableau 20 that are not in it. A chart with more series reuses them from the
   * start.
   */
  private static final int[] CATEGORICAL = {
    0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F,
    0xBAB0AC, 0xA0CBE8, 0xFFBE7D, 0x8CD17D, 0xB6992D, 0x499894, 0x79706E, 0xD37295, 0xD4A6C8,
    0xD7B5A6, 0x86BCB6
  };

  /** Series a chart can tell apart by colour before {@link #category} repeats. */
  static final int CATEGORIES = CATEGORICAL.length;

  private static final int[] BLUES = {
    0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B
  };
  private static final int[] RD_BU = {
    0xB2182B, 0xD6604D, 0xF4A582, 0xFDDBC7, 0xFFFFFF, 0xD1E5F0, 0x92C5DE, 0x4393C3, 0x2166AC
  };

  private final double lower;
  private final double upper;
  private final int[] anchors;

  private Palette(double lower, double upper, int[] anchors) {
    if (!(upper > lower)) {
      throw new IllegalArgumentException(
          "a palette needs lower < upper, got [" + lower + ", " + upper + "]");
    }
    this.lower = lower;
    this.upper = upper;
    this.anchors = anchors;
  }

  /** Near-white (0 and below) to dark blue ({@code max} and above); {@code max} &gt; 0. */
  static Palette sequential(double max) {
    return new Palette(0, max, BLUES);
  }

  /** Red ({@code -bound}) through white (0) to blue ({@code +bound}); {@code bound} &gt; 0. */
  static Palette diverging(double bound) {
    return new Palette(-bound, bound, RD_BU);
  }

  @Override
  public double getLowerBound() {
    return lower;
  }

  @Override
  public double getUpperBound() {
    return upper;
  }

  @Override
  public Paint getPaint(double value) {
    return color(value);
  }

  /** The colour of {@code value}. */
  Color color(double value) {
    if (Double.isNaN(value)) {
      return MISSING;
    }
    double t = (Math.max(lower, Math.min(upper, value)) - lower) / (upper - lower);
    double pos = t * (anchors.length - 1);
    int i = Math.min(anchors.length - 2, (int) Math.floor(pos));
    double f = pos - i;
    Color a = new Color(anchors[i]);
    Color b = new Color(anchors[i + 1]);
    return new Color(
        mix(a.getRed(), b.getRed(), f),
        mix(a.getGreen(), b.getGreen(), f),
        mix(a.getBlue(), b.getBlue(), f));
  }

  /** The colour of the {@code i}-th series of a chart (0-based); colours repeat after twenty. */
  static Color category(int i) {
    return new Color(CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)]);
  }

  /** {@link #INK} or white, whichever reads better on {@code background}. */
  static Color textOn(Color background) {
    return luminance(background) > 0.30 ? INK : Color.WHITE;
  }

  /** WCAG 2 relative luminance in [0, 1]. */
  static double luminance(Color c) {
    return 0.2126 * channel(c.getRed())
        + 0.7152 * channel(c.getGreen())
        + 0.0722 * channel(c.getBlue());
  }

  /** {@code #rrggbb}. */
  static String hex(Color c) {
    return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  private static double channel(int v) {
    double s = v / 255.0;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }
}
