package dev.parallax.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel file lock of local warehouses, run after run. */
class RunLockTest {
  static final LocalDate DAY = LocalDate.of(2025, 2, 10);
  static final Duration LEASE = Duration.ofMinutes(10);

  @TempDir Path tmp;

  /**
   * Runs back to back: whoever takes the lock the moment the previous run lets go finds the file
   * already empty, so the name it writes next cannot be wiped by the previous run's close. A
   * watcher spins on tryLock while the holder closes, 200 times; it reads the file the instant it
   * gets the lock. (Closing in the old order, release then truncate, let the watcher in before the
   * truncate.)
   */
  @Test
  void theNextHolderNeverFindsThePreviousName() throws Exception {
    Storage storage = Storage.open(tmp.toString(), new Configuration());
    Path file = tmp.resolve("_locks/run_date=" + DAY + ".lock");
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      RunLock held = RunLock.acquire(storage, DAY, "run-" + i, LEASE);
      assertTrue(Files.readString(file).startsWith("run run-" + i + ", pid "));
      AtomicReference<String> found = new AtomicReference<>();
      Thread watcher =
          new Thread(
              () -> {
                try (FileChannel ch =
                    FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                  while (true) {
                    FileLock l;
                    try {
                      l = ch.tryLock();
                    } catch (OverlappingFileLockException e) {
                      l = null;
                    }
                    if (l != null) {
                      ByteBuffer buf = ByteBuffer.allocate(4096);
                      ch.read(buf, 0);
                      found.set(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
                      l.release();
                      return;
                    }
                    Thread.onSpinWait();
                  }
                } catch (java.io.IOException e) {
                  found.set("error: " + e);
                }
              });
      watcher.start();
      held.close();
      watcher.join(10_000);
      seen.add(found.get());
    }
    for (String s : seen) {
      assertEquals("", s);
    }
    // and two runs in sequence: the second's name is the one in the file
    try (RunLock a = RunLock.acquire(storage, DAY, "first", LEASE)) {
      assertThrows(
          RunLock.LockedException.class, () -> RunLock.acquire(storage, DAY, "second", LEASE));
    }
    try (RunLock b = RunLock.acquire(storage, DAY, "second", LEASE)) {
      assertTrue(Files.readString(file).startsWith("run second, pid "), Files.readString(file));
    }
    assertEquals("", Files.readString(file));
  }
}
