package dev.parallax.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Wall-clock seconds of Spark jobs grouped by their description ({@code setJobDescription}), for
 * the benchmark's profile: which named step of a stage the time goes to. Adaptive query execution
 * runs several jobs of one step at once, so a step's seconds are the length of the union of its
 * jobs' intervals, not their sum.
 */
final class JobTimes extends SparkListener {
  private final Map<Integer, Long> started = new ConcurrentHashMap<>();
  private final Map<Integer, String> names = new ConcurrentHashMap<>();
  private final Map<String, List<long[]>> byName = new LinkedHashMap<>();

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    String d =
        start.properties() == null ? null : start.properties().getProperty("spark.job.description");
    names.put(start.jobId(), d == null ? "(unnamed)" : d);
    started.put(start.jobId(), start.time());
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd end) {
    Long t0 = started.remove(end.jobId());
    String name = names.remove(end.jobId());
    if (t0 == null) {
      return;
    }
    synchronized (byName) {
      byName.computeIfAbsent(name, k -> new ArrayList<>()).add(new long[] {t0, end.time()});
    }
  }

  /** Milliseconds covered by at least one of the intervals. */
  static long covered(List<long[]> intervals) {
    List<long[]> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparingLong(i -> i[0]));
    long total = 0;
    long from = Long.MIN_VALUE;
    long to = Long.MIN_VALUE;
    for (long[] i : sorted) {
      if (i[0] > to) {
        total += Math.max(0, to - from);
        from = i[0];
        to = i[1];
      } else {
        to = Math.max(to, i[1]);
      }
    }
    return total + Math.max(0, to - from);
  }

  /**
   * The steps since the last call, longest first, as lines "seconds jobs description"; then clears
   * them.
   */
  String drain(int top) {
    StringBuilder sb = new StringBuilder();
    synchronized (byName) {
      byName.entrySet().stream()
          .sorted((a, b) -> Long.compare(covered(b.getValue()), covered(a.getValue())))
          .limit(top)
          .forEach(
              e ->
                  sb.append(
                      String.format(
                          Locale.ROOT,
                          "  %8.1f s %4d jobs  %s%n",
                          covered(e.getValue()) / 1000.0,
                          e.getValue().size(),
                          e.getKey())));
      byName.clear();
    }
    return sb.toString();
  }
}
