package dev.parallax.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.fs.Path;

/**
 * One run per warehouse and run date at a time: {@code <warehouse>/_locks/run_date=YYYY-MM-DD.lock}
 * names the holder, and a second run that finds it held stops with {@link LockedException} before
 * any work.
 *
 * <ul>
 *   <li><b>Local</b> warehouses: an OS file lock on that file. The kernel releases it when the
 *       holder's process dies, however it dies, so a lock left by a killed run is never stale.
 *   <li><b>HDFS and S3</b>: a lease. The lock file is created only if absent ({@link
 *       Storage#createIfAbsent}: the NameNode, or S3's conditional write), holds the time of the
 *       holder's last heartbeat, and is rewritten by the holder every third of the lease; a run
 *       that finds a lock whose heartbeat is older than the lease ({@code
 *       warehouse.lock_lease_seconds}) takes it to be a dead run's, deletes it and creates its own.
 *       On a store that does not enforce conditional writes the create is check-then-create, so two
 *       runs starting within the same moment may both go on (see {@link
 *       Storage.Capabilities#atomicCreate()}).
 * </ul>
 */
public abstract class RunLock implements AutoCloseable {
  private final String tookOver;

  RunLock(String tookOver) {
    this.tookOver = tookOver;
  }

  /**
   * Takes the lock or throws {@link LockedException} naming the holder; never waits.
   *
   * @param lease on HDFS and S3, how long a lock without a heartbeat stays valid
   */
  public static RunLock acquire(Storage storage, LocalDate runDate, String runId, Duration lease) {
    Path file = new Path(storage.root(), "_locks/run_date=" + runDate + ".lock");
    String holder =
        "run "
            + runId
            + ", pid "
            + ProcessHandle.current().pid()
            + " on "
            + host()
            + ", since "
            + Instant.now();
    return storage.kind() == Storage.Kind.LOCAL
        ? OsLock.acquire(storage.local(file), storage.root(), runDate, holder)
        : LeaseLock.acquire(storage, file, runDate, holder, lease);
  }

  /**
   * The holder line of an expired lease this run took over (a run that died holding it), or null.
   */
  public String tookOver() {
    return tookOver;
  }

  @Override
  public abstract void close();

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }

  private static LockedException locked(Path root, LocalDate runDate, String holder) {
    return new LockedException(
        "another run holds the lock for run_date="
            + runDate
            + " in "
            + root
            + " ("
            + (holder == null || holder.isEmpty() ? "holder unknown" : holder)
            + "); wait for it to finish or stop it");
  }

  /** The lock is held by another live run. */
  public static final class LockedException extends RuntimeException {
    public LockedException(String message) {
      super(message);
    }
  }

  /** A kernel file lock: local warehouses. */
  private static final class OsLock extends RunLock {
    private final FileChannel channel;
    private final FileLock lock;

    private OsLock(FileChannel channel, FileLock lock) {
      super(null);
      this.channel = channel;
      this.lock = lock;
    }

    static OsLock acquire(java.nio.file.Path file, Path root, LocalDate runDate, String holder) {
      try {
        Files.createDirectories(file.getParent());
        FileChannel ch =
            FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l;
        try {
          l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          l = null;
        }
        if (l == null) {
          String current = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
          ch.close();
          throw locked(root, runDate, current);
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        return new OsLock(ch, l);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Empties the holder's name while the lock is still held, then releases it: truncating after
     * the release could wipe the name the next holder has just written.
     */
    @Override
    public void close() {
      try {
        channel.truncate(0);
        channel.force(false);
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A lease with a heartbeat: HDFS and S3 warehouses. */
  private static final class LeaseLock extends RunLock {
    private static final String HEARTBEAT = "heartbeat=";

    private final Storage storage;
    private final Path file;
    private final String holder;
    private final ScheduledExecutorService beat;
    private final ScheduledFuture<?> heartbeat;
    private final AtomicBoolean lost = new AtomicBoolean();

    private LeaseLock(Storage storage, Path file, String holder, Duration lease, String tookOver) {
      super(tookOver);
      this.storage = storage;
      this.file = file;
      this.holder = holder;
      this.beat =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "parallax-lock-heartbeat");
                t.setDaemon(true);
                return t;
              });
      long every = Math.max(1, lease.toMillis() / 3);
      this.heartbeat = beat.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    static LeaseLock acquire(
        Storage storage, Path file, LocalDate runDate, String holder, Duration lease) {
      if (storage.createIfAbsent(file, content(holder))) {
        return new LeaseLock(storage, file, holder, lease, null);
      }
      byte[] current = storage.read(file);
      if (current != null && !expired(current, lease)) {
        throw locked(storage.root(), runDate, holderOf(current));
      }
      // The holder stopped renewing: a dead run. Remove its lock and race for a fresh one.
      String dead = current == null ? null : holderOf(current);
      storage.delete(file);
      if (!storage.createIfAbsent(file, content(holder))) {
        byte[] winner = storage.read(file);
        throw locked(storage.root(), runDate, winner == null ? null : holderOf(winner));
      }
      return new LeaseLock(storage, file, holder, lease, dead);
    }

    private static byte[] content(String holder) {
      return (holder + "\n" + HEARTBEAT + System.currentTimeMillis() + "\n")
          .getBytes(StandardCharsets.UTF_8);
    }

    static String holderOf(byte[] content) {
      String s = new String(content, StandardCharsets.UTF_8);
      int nl = s.indexOf('\n');
      return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** True when the lock's last heartbeat is older than the lease (or unreadable). */
    static boolean expired(byte[] content, Duration lease) {
      for (String line : new String(content, StandardCharsets.UTF_8).split("\n", -1)) {
        if (line.startsWith(HEARTBEAT)) {
          try {
            long at = Long.parseLong(line.substring(HEARTBEAT.length()).strip());
            return System.currentTimeMillis() - at > lease.toMillis();
          } catch (NumberFormatException e) {
            return true;
          }
        }
      }
      return true;
    }

    /** Rewrites the heartbeat while the lock is still this run's; stops when it is not. */
    private void renew() {
      try {
        byte[] current = storage.read(file);
        if (current == null || !holderOf(current).equals(holder)) {
          if (lost.compareAndSet(false, true)) {
            System.err.println(
                "parallax: warning: the run lock "
                    + file
                    + " is no longer this run's (its lease ran out and another run took it)");
          }
          beat.shutdown();
          return;
        }
        storage.write(file, content(holder));
      } catch (RuntimeException e) {
        // a missed heartbeat is retried at the next; the lease allows two misses
      }
    }

    @Override
    public void close() {
      heartbeat.cancel(false);
      beat.shutdownNow();
      try {
        beat.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] current = storage.read(file);
      if (current != null && holderOf(current).equals(holder)) {
        storage.delete(file);
      }
    }
  }
}
