package dev.parallax.warehouse.schema;

/**
 * Theme ids with a meaning of their own in the warehouse tables: the {@code _all} group of every
 * sentence of a source, and the {@code frame_} prefix of the taxonomy's general frame-level themes.
 * Every stage and the report read them from here.
 */
public final class ThemeIds {
  private ThemeIds() {}

  /** Theme id of the group holding every sentence of a source (stance tables). */
  public static final String ALL = "_all";

  /** Prefix of the taxonomy's general frame-level themes ({@code frame_security}, ...). */
  public static final String FRAME_PREFIX = "frame_";

  /** True for a general frame-level theme id ({@code frame_*}). */
  public static boolean isFrame(String themeId) {
    return themeId.startsWith(FRAME_PREFIX);
  }
}
