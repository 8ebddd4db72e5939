package dev.parallax.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
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

  /** The parts of {@code files}, in file order; counts split files' lines on the cluster. */
  static List<Part> plan(
      JavaSparkContext jsc, List<String> files, long splitBytes, IngestLimits limits) {
    List<Part> out = new ArrayList<>();
    List<Part> toCount = new ArrayList<>();
    for (String uri : files) {
      long length = splittable(uri) ? length(jsc.hadoopConfiguration(), uri) : -1;
      if (length <= splitBytes) {
        out.add(new Part(uri, JsonLineRecords.Split.WHOLE));
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
    if (toCount.isEmpty()) {
      return out;
    }
    SerializableWritable<Configuration> conf =
        new SerializableWritable<>(jsc.hadoopConfiguration());
    String description = jsc.getLocalProperty("spark.job.description");
    jsc.setJobDescription("ingest: count the lines of " + toCount.size() + " file splits");
    List<JsonLineRecords.Counts> counts =
        jsc.parallelize(toCount, toCount.size())
            .map(
                p -> {
                  WarcRecords.Source source = source(conf.value(), p.uri());
                  return JsonLineRecords.count(p.uri(), source::openAt, p.split(), limits);
                })
            .collect();
    jsc.setJobDescription(description);
    // Each part starts after the lines and records of the parts before it in its file.
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
