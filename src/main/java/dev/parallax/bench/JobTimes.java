package dev.parallax.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Wall-clock seconds of Spark jobs grouped by their description ({@code setJobDescription}), for
 * the benchmark's profile: which named step of a stage the time goes to. Jobs of one description
 * that overlap are summed, so the total may exceed the stage's seconds.
 */
final class JobTimes extends SparkListener {
  private final Map<Integer, Long> started = new ConcurrentHashMap<>();
  private final Map<Integer, String> names = new ConcurrentHashMap<>();
  private final Map<String, double[]> byName = new LinkedHashMap<>();

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    String d = start.properties() == null ? null
        : start.properties().getProperty("spark.job.description");
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
      double[] v = byName.computeIfAbsent(name, k -> new double[2]);
      v[0] += (end.time() - t0) / 1000.0;
      v[1]++;
    }
  }

  /** The totals since the last call, longest first, as lines "seconds  jobs  description"; then clears them. */
  String drain(int top) {
    StringBuilder sb = new StringBuilder();
    synchronized (byName) {
      byName.entrySet().stream()
          .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
          .limit(top)
          .forEach(e -> sb.append(String.format(Locale.ROOT, "  %8.1f s %4d jobs  %s%n",
              e.getValue()[0], (int) e.getValue()[1], e.getKey())));
      byName.clear();
    }
    return sb.toString();
  }
}
