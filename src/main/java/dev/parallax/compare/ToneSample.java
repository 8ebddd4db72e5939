package dev.parallax.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The sentence tones of one group (story × source × theme) in a canonical order, ready for
 * {@link Statistics}: sorted by article id, then tone, so the result of a seeded resampling does
 * not depend on the (non-deterministic) order of {@code collect_list}.
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

  /** From rows of (article_id string, tone double), in any order. */
  static ToneSample of(List<Row> rows) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.<Row, String>comparing(r -> r.getString(0))
        .thenComparingDouble(r -> r.getDouble(1)));
    double[] values = new double[sorted.size()];
    List<double[]> clusters = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < sorted.size(); i++) {
      values[i] = sorted.get(i).getDouble(1);
      boolean last = i + 1 == sorted.size()
          || !sorted.get(i + 1).getString(0).equals(sorted.get(i).getString(0));
      if (last) {
        clusters.add(java.util.Arrays.copyOfRange(values, start, i + 1));
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
      clusters[i] = java.util.Arrays.copyOfRange(values, start, start + clusterSizes[i]);
      start += clusterSizes[i];
    }
    if (start != values.length) {
      throw new IllegalArgumentException("cluster sizes sum to " + start + ", not " + values.length);
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
