package dev.parallax.compare;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Per-row seeds: {@code base ^ h(key)} where {@code h} is the first 8 bytes (big-endian) of the
 * SHA-256 of the key's UTF-8 bytes. A row's random draws then depend only on the configured seed
 * and the row's key (e.g. {@code "story|source|theme"}), never on partitioning or task order.
 */
public final class Seeds {
  private Seeds() {}

  /** The seed of the row with the given key parts, joined with {@code '|'}. */
  public static long of(long base, String... keyParts) {
    return base ^ stableHash(String.join("|", keyParts));
  }

  /** First 8 bytes of SHA-256 of the UTF-8 text, as a big-endian long. */
  public static long stableHash(String text) {
    byte[] d;
    try {
      d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (d[i] & 0xffL);
    }
    return h;
  }
}
