package dev.parallax.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One run per warehouse and run date at a time. The lock is an OS file lock on {@code
 * <warehouse>/_locks/run_date=YYYY-MM-DD.lock}: the kernel releases it when the holder's process
 * dies, however it dies, so a lock left by a killed run is never stale. The file's content names
 * the holder for the message a second run prints.
 *
 * <p>Works for warehouses on a local or shared POSIX file system; on object stores the driver's
 * scheduler must serialise runs instead.
 */
public final class RunLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock or throws {@link LockedException} naming the holder; never waits. */
  public static RunLock acquire(Path warehouseRoot, LocalDate runDate, String runId) {
    try {
      Path dir = warehouseRoot.resolve("_locks");
      Files.createDirectories(dir);
      Path file = dir.resolve("run_date=" + runDate + ".lock");
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
        String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        ch.close();
        throw new LockedException(
            "another run holds the lock for run_date="
                + runDate
                + " in "
                + warehouseRoot
                + " ("
                + (holder.isEmpty() ? "holder unknown" : holder)
                + "); wait for it to finish or stop it");
      }
      ch.truncate(0);
      String who =
          "run "
              + runId
              + ", pid "
              + ProcessHandle.current().pid()
              + " on "
              + host()
              + ", since "
              + Instant.now();
      ch.write(java.nio.ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
      ch.force(false);
      return new RunLock(ch, l);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.truncate(0);
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lock is held by another live run. */
  public static final class LockedException extends RuntimeException {
    public LockedException(String message) {
      super(message);
    }
  }
}
