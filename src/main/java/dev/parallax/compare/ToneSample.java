package dev.parallax.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The sentence tones of one group (story × source × theme) in a canonical order, ready for {@link
 * Statistics}: sorted by article id, then tone, so the result of a seeded resampling does not
 * depend on the order in which Spark's tasks hand the sentences over.
 */
final class ToneSample {
  /** Sentence tones in canonical order. */
  final double[] values;

  /** The same tones grouped by article, articles in id order. */
  final double[][] clusters;

  private ToneSample(double[] values, double[][] clusters) {
    this.values = values;
    this.clusters = clusters;
  }

  /**
   * From parallel lists of article ids and tones (sentence {@code i} of article {@code ids[i]} has
   * tone {@code tones[i]}), in any order.
   */
  static ToneSample of(List<String> ids, double[] tones) {
    if (ids.size() != tones.length) {
      throw new IllegalArgumentException(
          ids.size() + " article ids for " + tones.length + " tones");
    }
    Comparator<String> byId = Comparator.nullsFirst(Comparator.naturalOrder());
    Integer[] order = new Integer[tones.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (x, y) -> {
          int c = byId.compare(ids.get(x), ids.get(y));
          return c != 0 ? c : Double.compare(tones[x], tones[y]);
        });
    double[] values = new double[order.length];
    List<double[]> clusters = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < order.length; i++) {
      values[i] = tones[order[i]];
      boolean last =
          i + 1 == order.length || !Objects.equals(ids.get(order[i + 1]), ids.get(order[i]));
      if (last) {
        clusters.add(Arrays.copyOfRange(values, start, i + 1));
        start = i + 1;
      }
    }
    return new ToneSample(values, clusters.toArray(new double[0][]));
  }

  /** From {@link #values} and {@link #clusterSizes()} as stored in a sample row. */
  static ToneSample of(double[] values, int[] clusterSizes) {
    double[][] clusters = new double[clusterSizes.length][];
    int start = 0;
    for (int i = 0; i < clusterSizes.length; i++) {
      clusters[i] = Arrays.copyOfRange(values, start, start + clusterSizes[i]);
      start += clusterSizes[i];
    }
    if (start != values.length) {
      throw new IllegalArgumentException(
          "cluster sizes sum to " + start + ", not " + values.length);
    }
    return new ToneSample(values, clusters);
  }

  /** Sentences per article, articles in id order. */
  int[] clusterSizes() {
    int[] sizes = new int[clusters.length];
    for (int i = 0; i < clusters.length; i++) {
      sizes[i] = clusters[i].length;
    }
    return sizes;
  }

  int sentences() {
    return values.length;
  }

  int articles() {
    return clusters.length;
  }

  /** Mean tone (the pooled sentence mean), NaN when empty. */
  double mean() {
    return Statistics.mean(values);
  }
}
