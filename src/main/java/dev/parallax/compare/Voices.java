package dev.parallax.compare;

import dev.parallax.warehouse.schema.StanceBySourceColumns;

/** The voices of the stance tables ({@code stance_by_source.voice}, {@code stance_difference}). */
final class Voices {
  private Voices() {}

  /** Every sentence with its {@code tone}, whoever's words it holds. */
  static final String ALL = StanceBySourceColumns.VOICE_ALL;

  /**
   * The sentences whose {@code voice} is this value, with their {@code authorial_tone}: the
   * writer's own words, direct quotations inside them left out.
   */
  static final String AUTHORIAL = StanceBySourceColumns.VOICE_AUTHORIAL;
}
