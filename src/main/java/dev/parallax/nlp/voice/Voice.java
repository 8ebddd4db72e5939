package dev.parallax.nlp.voice;

/** Whose words a sentence is: the outlet's own, a direct quotation, or reported speech. */
public enum Voice {
  /** The writer's own words (possibly with a short direct quote inside them). */
  AUTHORIAL("authorial"),
  /** Inside a direct quotation; words outside the quotation marks only name the speaker. */
  QUOTED("quoted"),
  /** Reported speech: "X said that …", "according to X", "X told reporters …". */
  ATTRIBUTED("attributed");

  private final String label;

  Voice(String label) {
    this.label = label;
  }

  /** The value written to {@code sentences.voice}. */
  public String label() {
    return label;
  }
}
