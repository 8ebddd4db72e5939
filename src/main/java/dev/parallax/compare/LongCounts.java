package dev.parallax.compare;

/**
 * Counts by long key: an open-addressing table (linear probing), a zero count marking a free slot.
 * Grows at half full. The term counter of {@link DistinctiveTerms} counts its (part, first token,
 * second token) keys in it.
 */
final class LongCounts {
  private long[] keys = new long[1 << 12];
  private long[] values = new long[1 << 12];
  private int size;

  int size() {
    return size;
  }

  void increment(long key) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (values[i] != 0) {
      if (keys[i] == key) {
        values[i]++;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = 1;
    if (++size > keys.length / 2) {
      grow();
    }
  }

  long get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); values[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return values[i];
      }
    }
    return 0;
  }

  void forEach(java.util.function.BiConsumer<Long, Long> action) {
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != 0) {
        action.accept(keys[i], values[i]);
      }
    }
  }

  void clear() {
    keys = new long[1 << 12];
    values = new long[1 << 12];
    size = 0;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[2 * oldKeys.length];
    values = new long[2 * oldKeys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldValues[j] != 0) {
        int i = slot(oldKeys[j], mask);
        while (values[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
