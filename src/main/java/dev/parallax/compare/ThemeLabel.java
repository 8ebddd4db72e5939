package dev.parallax.compare;

import java.io.Serializable;

/**
 * A theme's human label and parent frame, from the taxonomy; joined onto theme_frequency.
 *
 * @param theme theme id as in {@code sentences.themes}
 * @param label human label, e.g. "Alliance and security"
 * @param frame parent frame id of the Policy Frames Codebook, e.g. "security_and_defence"
 */
public record ThemeLabel(String theme, String label, String frame) implements Serializable {}
