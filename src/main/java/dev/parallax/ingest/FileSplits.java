package dev.parallax.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * How ingest cuts its input files into tasks: an uncompressed JSON Lines file larger than the split
 * size is cut into parts of that size at line boundaries ({@link JsonLineRecords.Split}), every
 * other file is one part (gzip cannot be read from the middle, and a CSV quoted field may hold line
 * breaks).
 *
 * <p>A part's first line number and record index depend on the lines before it, so the parts of a
 * split file are first counted, in parallel, by the same reader without parsing (a pass over the
 * bytes, no JSON), and each part then starts where the counts of the parts before it end.
 */
final class FileSplits {
  private FileSplits() {}

  /** One task's share of the input: a file (URI) and the split of it to read. */
  record Part(String uri, JsonLineRecords.Split split) implements Serializable {}

  /** The parts of {@code files}; counts split files' lines on the cluster, one task a part. */
  static List<Part> plan(
      JavaSparkContext jsc, List<String> files, long splitBytes, IngestLimits limits) {
    List<Part> whole = new ArrayList<>();
    List<Part> toCount = cut(jsc.hadoopConfiguration(), files, splitBytes, limits, whole);
    if (toCount.isEmpty()) {
      return whole;
    }
    SerializableWritable<Configuration> conf =
        new SerializableWritable<>(jsc.hadoopConfiguration());
    String description = jsc.getLocalProperty("spark.job.description");
    jsc.setJobDescription("ingest: count the lines of " + toCount.size() + " file splits");
    // Positions and long[] cross the configured serializer (Kryo cannot build records); the
    // parts themselves travel in the closure.
    List<Integer> positions = IntStream.range(0, toCount.size()).boxed().toList();
    List<JsonLineRecords.Counts> counts =
        jsc
            .parallelize(positions, toCount.size())
            .map(
                i -> {
                  JsonLineRecords.Counts c = count(conf.value(), toCount.get(i), limits);
                  return new long[] {c.lines(), c.records()};
                })
            .collect()
            .stream()
            .map(c -> new JsonLineRecords.Counts(c[0], c[1]))
            .toList();
    jsc.setJobDescription(description);
    return assign(whole, toCount, counts);
  }

  /** As {@link #plan(JavaSparkContext, List, long, IngestLimits)}, counting in this thread. */
  static List<Part> planHere(
      Configuration conf, List<String> files, long splitBytes, IngestLimits limits)
      throws IOException {
    List<Part> whole = new ArrayList<>();
    List<Part> toCount = cut(conf, files, splitBytes, limits, whole);
    List<JsonLineRecords.Counts> counts = new ArrayList<>();
    for (Part p : toCount) {
      counts.add(count(conf, p, limits));
    }
    return assign(whole, toCount, counts);
  }

  private static JsonLineRecords.Counts count(Configuration conf, Part p, IngestLimits limits)
      throws IOException {
    WarcRecords.Source source = source(conf, p.uri());
    return JsonLineRecords.count(p.uri(), source::openAt, p.split(), limits);
  }

  /** Adds the one-part files to {@code whole}; returns the parts of the files to split. */
  private static List<Part> cut(
      Configuration conf,
      List<String> files,
      long splitBytes,
      IngestLimits limits,
      List<Part> whole) {
    List<Part> toCount = new ArrayList<>();
    for (String uri : files) {
      long length = splittable(uri) ? length(conf, uri) : -1;
      if (length <= splitBytes) {
        whole.add(new Part(uri, JsonLineRecords.Split.WHOLE));
        continue;
      }
      // Bytes past the file cap are never read: no part starts there.
      long readable = Math.min(length, limits.maxFileBytes() + 1);
      for (long start = 0; start < readable; start += splitBytes) {
        toCount.add(
            new Part(
                uri,
                new JsonLineRecords.Split(start, Math.min(start + splitBytes, readable), 0, 0, 0)));
      }
    }
    return toCount;
  }

  /** Each part of a split file starts after the lines and records of the parts before it. */
  private static List<Part> assign(
      List<Part> whole, List<Part> toCount, List<JsonLineRecords.Counts> counts) {
    List<Part> out = new ArrayList<>(whole);
    long[] fileRecords = new long[toCount.size()];
    for (int i = 0, from = 0; i <= toCount.size(); i++) {
      if (i == toCount.size() || !toCount.get(i).uri().equals(toCount.get(from).uri())) {
        long total = 0;
        for (int j = from; j < i; j++) {
          total += counts.get(j).records();
        }
        for (int j = from; j < i; j++) {
          fileRecords[j] = total;
        }
        from = i;
      }
    }
    long line = 1;
    long record = 0;
    for (int i = 0; i < toCount.size(); i++) {
      Part p = toCount.get(i);
      if (i > 0 && !p.uri().equals(toCount.get(i - 1).uri())) {
        line = 1;
        record = 0;
      }
      out.add(
          new Part(
              p.uri(),
              new JsonLineRecords.Split(
                  p.split().start(), p.split().end(), line, record, fileRecords[i])));
      line += counts.get(i).lines();
      record += counts.get(i).records();
    }
    return out;
  }

  private static boolean splittable(String uri) {
    return InputFormat.of(uri) == InputFormat.JSONL && !InputFormat.isGzip(uri);
  }

  private static long length(Configuration conf, String uri) {
    try {
      Path path = new Path(uri);
      return path.getFileSystem(conf).getFileStatus(path).getLen();
    } catch (IOException e) {
      return -1; // read as one part; the task reports why it cannot be read
    }
  }

  /** The file at {@code uri}, opened at a byte offset through Hadoop's FileSystem. */
  static WarcRecords.Source source(Configuration conf, String uri) throws IOException {
    Path path = new Path(uri);
    FileSystem fs = path.getFileSystem(conf);
    return offset -> {
      FSDataInputStream in = fs.open(path);
      try {
        in.seek(offset);
      } catch (IOException e) {
        in.close();
        throw e;
      }
      return in;
    };
  }
}
