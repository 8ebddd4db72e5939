package dev.parallax.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class PaletteTest {
  @Test
  void divergingIsWhiteAtZeroRedBelowBlueAbove() {
    Palette p = Palette.diverging(0.5);
    assertEquals(Color.WHITE, p.color(0));
    assertEquals(new Color(0xB2182B), p.color(-0.5));
    assertEquals(new Color(0x2166AC), p.color(0.5));
    assertEquals(new Color(0xB2182B), p.color(-3), "clamped");
    // -0.25 is the middle of the lower half: anchor 2 of 0..8, #F4A582
    assertEquals(new Color(0xF4A582), p.color(-0.25));
    Color neg = p.color(-0.2);
    Color pos = p.color(0.2);
    assertTrue(neg.getRed() > neg.getBlue() && pos.getBlue() > pos.getRed());
    // further from 0, darker
    assertTrue(Palette.luminance(p.color(-0.4)) < Palette.luminance(p.color(-0.1)));
  }

  @Test
  void sequentialGoesFromNearWhiteToDarkBlue() {
    Palette p = Palette.sequential(10);
    assertEquals(new Color(0xF7FBFF), p.color(0));
    assertEquals(new Color(0x08306B), p.color(10));
    assertEquals(new Color(0x08306B), p.color(25));
    // 5 is anchor 4 of 0..8: #6BAED6; 0.625 halfway between anchors 0 and 1
    assertEquals(new Color(0x6BAED6), p.color(5));
    assertEquals(
        new Color((0xF7 + 0xDE + 1) / 2, (0xFB + 0xEB + 1) / 2, (0xFF + 0xF7 + 1) / 2),
        p.color(0.625));
    assertEquals(Palette.MISSING, p.color(Double.NaN));
    for (double v = 0; v < 10; v += 0.5) {
      assertTrue(
          Palette.luminance(p.color(v)) >= Palette.luminance(p.color(v + 0.5)), "darker: " + v);
    }
  }

  @Test
  void textColourContrastsWithTheCell() {
    assertEquals(Palette.INK, Palette.textOn(Color.WHITE));
    assertEquals(Color.WHITE, Palette.textOn(new Color(0x08306B)));
    assertEquals("#b2182b", Palette.hex(new Color(0xB2182B)));
  }

  @Test
  void rejectsAnEmptyRange() {
    assertThrows(IllegalArgumentException.class, () -> Palette.sequential(0));
  }

  @Test
  void categoricalColoursAreDistinctThenRepeat() {
    java.util.Set<Color> seen = new java.util.HashSet<>();
    for (int i = 0; i < Palette.CATEGORIES; i++) {
      seen.add(Palette.category(i));
    }
    assertEquals(20, seen.size());
    assertEquals(new Color(0x4E79A7), Palette.category(0));
    assertEquals(Palette.category(0), Palette.category(Palette.CATEGORIES));
  }
}
