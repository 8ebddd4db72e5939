package dev.parallax.warehouse;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Every file Parallax writes or locks goes through here: tables, the publish journal, staging,
 * locks, the runs table and reports, on any file system Hadoop can open ({@code file:}, {@code
 * hdfs:}, {@code s3a:}, …).
 *
 * <p>Each file system is classed by what it guarantees, and callers ask {@link #capabilities()}
 * rather than the scheme:
 *
 * <ul>
 *   <li><b>local</b> ({@code file:} or a plain path): atomic directory rename; create-if-absent is
 *       atomic ({@code O_EXCL}); locks are kernel file locks.
 *   <li><b>HDFS</b> ({@code hdfs:}, {@code viewfs:}): atomic directory rename and atomic
 *       create-if-absent (the NameNode decides).
 *   <li><b>S3</b> ({@code s3a:}): no rename (a "rename" is copy + delete, file by file); each
 *       object appears whole when its upload completes; create-if-absent is S3's conditional write
 *       ({@code If-None-Match: *}), atomic where the store enforces it — AWS S3 does; a store that
 *       ignores the header is found by a probe and the lock is then best effort.
 *   <li><b>other</b> schemes: no atomic rename, create-if-absent best effort (check, then create).
 * </ul>
 */
public final class Storage {
  /** The file system classes above. */
  public enum Kind {
    LOCAL,
    HDFS,
    S3,
    OTHER;

    /** Lower-case name, as logs and messages print it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What the file system guarantees.
   *
   * @param atomicRename a directory rename is one atomic step (publish swaps folders); without it,
   *     publish writes the new files beside the old and switches a manifest
   * @param atomicCreate creating a file only if it does not exist is one atomic step (the run lock
   *     relies on it on file systems without kernel locks)
   */
  public record Capabilities(boolean atomicRename, boolean atomicCreate) {}

  private final FileSystem fs;
  private final Path root;
  private final Kind kind;
  private volatile Boolean conditionalWrites;

  private Storage(FileSystem fs, Path root, Kind kind) {
    this.fs = fs;
    this.root = root;
    this.kind = kind;
  }

  /**
   * Opens the file system of {@code root} (a plain path is local, relative to the working
   * directory) with Hadoop's configuration {@code conf}.
   */
  public static Storage open(String root, Configuration conf) {
    try {
      Path p = new Path(root);
      FileSystem fs = p.getFileSystem(conf);
      Path qualified = fs.makeQualified(p);
      return new Storage(fs, qualified, kindOf(qualified.toUri().getScheme()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file system of " + root, e);
    }
  }

  /**
   * Hadoop's configuration as the Spark session of this run will give it: the defaults plus every
   * {@code spark.hadoop.X} property as {@code X} (e.g. {@code spark.hadoop.fs.s3a.endpoint}), from
   * the JVM's system properties (where spark-submit puts {@code spark-defaults.conf} and its {@code
   * --conf}s, as {@code new SparkConf()} reads them) and then from {@code sparkProperties} (the
   * config's {@code spark.conf}, which wins). For what happens before Spark starts: the run lock,
   * whose file system instance Hadoop then caches for the run.
   */
  public static Configuration hadoopConfiguration(Map<String, String> sparkProperties) {
    Configuration conf = new Configuration();
    System.getProperties()
        .stringPropertyNames()
        .forEach(k -> setHadoop(conf, k, System.getProperty(k)));
    sparkProperties.forEach((k, v) -> setHadoop(conf, k, v));
    return conf;
  }

  private static void setHadoop(Configuration conf, String sparkProperty, String value) {
    if (sparkProperty.startsWith("spark.hadoop.")) {
      conf.set(sparkProperty.substring("spark.hadoop.".length()), value);
    }
  }

  static Kind kindOf(String scheme) {
    if (scheme == null) {
      return Kind.LOCAL;
    }
    return switch (scheme.toLowerCase(Locale.ROOT)) {
      case "file" -> Kind.LOCAL;
      case "hdfs", "viewfs" -> Kind.HDFS;
      case "s3a" -> Kind.S3;
      default -> Kind.OTHER;
    };
  }

  /** The root, fully qualified ({@code file:/abs/path}, {@code s3a://bucket/key}, …). */
  public Path root() {
    return root;
  }

  public Kind kind() {
    return kind;
  }

  public FileSystem fileSystem() {
    return fs;
  }

  /** Whether a directory rename is one atomic step (local, HDFS); asks the file system nothing. */
  public boolean atomicRename() {
    return kind == Kind.LOCAL || kind == Kind.HDFS;
  }

  /**
   * What this file system guarantees. On S3 the first call probes (it writes) whether the store
   * enforces conditional writes (two conditional creates of one probe object under {@code _locks/};
   * the second must be refused), and remembers the answer.
   */
  public Capabilities capabilities() {
    return new Capabilities(
        atomicRename(),
        switch (kind) {
          case LOCAL, HDFS -> true;
          case S3 -> s3EnforcesConditionalWrites();
          case OTHER -> false;
        });
  }

  /** One line for the run log: the root, its kind and what publish and the lock rely on. */
  public String describe() {
    Capabilities c = capabilities();
    return "warehouse="
        + root
        + " storage="
        + kind.label()
        + " publish="
        + (c.atomicRename() ? "rename-swap" : "manifest-switch")
        + " lock="
        + (kind == Kind.LOCAL ? "os-file-lock" : c.atomicCreate() ? "lease" : "lease-best-effort");
  }

  /** The local path of {@code p}; only for {@link Kind#LOCAL}. */
  public java.nio.file.Path local(Path p) {
    if (kind != Kind.LOCAL) {
      throw new IllegalStateException(root + " is not a local file system");
    }
    return java.nio.file.Path.of(fs.makeQualified(p).toUri());
  }

  public boolean exists(Path p) {
    try {
      return fs.exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entries of folder {@code p}; empty when it does not exist. */
  public List<FileStatus> list(Path p) {
    try {
      return List.of(fs.listStatus(p));
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void mkdirs(Path p) {
    try {
      fs.mkdirs(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code p} and everything under it, if it exists. */
  public void delete(Path p) {
    try {
      if (fs.exists(p)) {
        fs.delete(p, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Renames {@code from} to {@code to} (whose parent must exist), failing when the file system says
   * no. Atomic only where {@link Capabilities#atomicRename()} says so.
   */
  public void rename(Path from, Path to) {
    try {
      if (!fs.rename(from, to)) {
        throw new IOException("could not rename " + from + " to " + to);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The content of file {@code p}, or null when it does not exist. */
  public byte[] read(Path p) {
    if (kind == Kind.LOCAL) {
      try {
        return Files.readAllBytes(local(p));
      } catch (java.nio.file.NoSuchFileException e) {
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (FSDataInputStream in = fs.open(p)) {
      return in.readAllBytes();
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code content} as file {@code p}, replacing it; a reader never sees part of it: locally
   * the content goes to a hidden sibling first and is moved over the file in one step; on HDFS it
   * is renamed into place after the old file is deleted (a reader in between finds no file); on S3
   * the object appears whole when its upload completes.
   */
  public void write(Path p, byte[] content) {
    try {
      if (kind == Kind.LOCAL) {
        // java.nio, not Hadoop's local file system: no .crc side files to go stale on a rename
        java.nio.file.Path target = local(p);
        Files.createDirectories(target.getParent());
        java.nio.file.Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(tmp, content);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return;
      }
      fs.mkdirs(p.getParent());
      if (!atomicRename()) {
        try (FSDataOutputStream out = fs.create(p, true)) {
          out.write(content);
        }
        return;
      }
      Path tmp = new Path(p.getParent(), "." + p.getName() + ".tmp");
      try (FSDataOutputStream out = fs.create(tmp, true)) {
        out.write(content);
      }
      fs.delete(p, false);
      if (!fs.rename(tmp, p)) {
        throw new IOException("could not write " + p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates file {@code p} with {@code content} only if no file of that name exists.
   *
   * @return false when the file existed (nothing written)
   */
  public boolean createIfAbsent(Path p, byte[] content) {
    try {
      fs.mkdirs(p.getParent());
      switch (kind) {
        case LOCAL -> {
          try {
            Files.write(local(p), content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return true;
          } catch (FileAlreadyExistsException e) {
            return false;
          }
        }
        case HDFS -> {
          try (FSDataOutputStream out = fs.create(p, false)) {
            out.write(content);
            return true;
          } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
          }
        }
        case S3 -> {
          if (s3EnforcesConditionalWrites()) {
            return S3Objects.putIfAbsent(fs, p, content);
          }
          return checkThenCreate(p, content);
        }
        default -> {
          return checkThenCreate(p, content);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Best effort where the store offers nothing atomic: create when absent, then read back, so of
   * two writers racing only the one whose content stayed goes on (both may still see their own
   * content if the store's reads lag its writes; documented as best effort).
   */
  private boolean checkThenCreate(Path p, byte[] content) throws IOException {
    if (fs.exists(p)) {
      return false;
    }
    try (FSDataOutputStream out = fs.create(p, true)) {
      out.write(content);
    }
    return java.util.Arrays.equals(read(p), content);
  }

  private boolean s3EnforcesConditionalWrites() {
    Boolean known = conditionalWrites;
    if (known == null) {
      known = S3Objects.probeConditionalWrites(fs, new Path(root, "_locks"));
      conditionalWrites = known;
    }
    return known;
  }

  /** The names of the files (not folders) directly in {@code p}, sorted. */
  public List<String> fileNames(Path p) {
    List<String> out = new ArrayList<>();
    for (FileStatus st : list(p)) {
      if (st.isFile()) {
        out.add(st.getPath().getName());
      }
    }
    out.sort(null);
    return out;
  }
}
