package dev.parallax.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Spark standalone master and one worker, each in its own JVM on 127.0.0.1, started from the test
 * classpath: SPARK_HOME is an empty directory and SPARK_DIST_CLASSPATH the test classpath, so the
 * executors the worker launches load Spark and Parallax from the same classes as the test. {@link
 * #close()} kills both (and the worker's executors) by pid.
 */
final class StandaloneCluster implements AutoCloseable {
  private final Path dir;
  private final int masterPort;
  private final int masterUiPort;
  private ChildJvm master;
  private ChildJvm worker;

  private StandaloneCluster(Path dir, int masterPort, int masterUiPort) {
    this.dir = dir;
    this.masterPort = masterPort;
    this.masterUiPort = masterUiPort;
  }

  /** Starts the master and a worker with {@code cores} cores and {@code memory} (e.g. 1g). */
  static StandaloneCluster start(Path dir, int cores, String memory)
      throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("spark-home"));
    Files.createDirectories(dir.resolve("work"));
    StandaloneCluster c = new StandaloneCluster(dir, freePort(), freePort());
    try {
      c.master =
          c.daemon(
              "org.apache.spark.deploy.master.Master",
              List.of(
                  "--host",
                  "127.0.0.1",
                  "--port",
                  String.valueOf(c.masterPort),
                  "--webui-port",
                  String.valueOf(c.masterUiPort)),
              c.masterLog());
      c.worker =
          c.daemon(
              "org.apache.spark.deploy.worker.Worker",
              List.of(
                  c.masterUrl(),
                  "--host",
                  "127.0.0.1",
                  "--cores",
                  String.valueOf(cores),
                  "--memory",
                  memory,
                  "--webui-port",
                  String.valueOf(freePort()),
                  "--work-dir",
                  c.workDir().toString()),
              c.workerLog());
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private ChildJvm daemon(String mainClass, List<String> args, Path log) throws IOException {
    return ChildJvm.java(mainClass)
        .heap("512m")
        .args(args)
        .log(log)
        .env("SPARK_HOME", dir.resolve("spark-home").toString())
        .env("SPARK_SCALA_VERSION", "2.12")
        .env("SPARK_TESTING", "1")
        .env("SPARK_DIST_CLASSPATH", ChildJvm.testClasspath())
        .start();
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  Path workDir() {
    return dir.resolve("work");
  }

  Path masterLog() {
    return dir.resolve("master.log");
  }

  Path workerLog() {
    return dir.resolve("worker.log");
  }

  /**
   * Waits until the master reports at least {@code workers} alive workers, polling its JSON status
   * page; throws when {@code timeout} passes or a daemon dies first.
   */
  void awaitWorkers(int workers, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!master.isAlive() || !worker.isAlive()) {
        throw new IllegalStateException("a Spark daemon exited during start-up\n" + logs());
      }
      try {
        JsonNode state = status();
        if (state.path("aliveworkers").asInt(0) >= workers) {
          return;
        }
        last = "aliveworkers=" + state.path("aliveworkers").asText();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "no worker registered within " + timeout + " (" + last + ")\n" + logs());
  }

  /** The master's status page as JSON (workers, active and completed applications). */
  JsonNode status() throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body());
  }

  /** The tails of the master's, the worker's and every executor's log. */
  String logs() {
    StringBuilder sb = new StringBuilder();
    sb.append(ChildJvm.tail(masterLog(), 40)).append('\n');
    sb.append(ChildJvm.tail(workerLog(), 40)).append('\n');
    try (var files = Files.walk(workDir())) {
      for (Path p :
          (Iterable<Path>)
              files.filter(f -> f.getFileName().toString().equals("stderr"))::iterator) {
        sb.append(ChildJvm.tail(p, 40)).append('\n');
      }
    } catch (IOException e) {
      sb.append("(cannot list ").append(workDir()).append(": ").append(e).append(")\n");
    }
    return sb.toString();
  }

  /** Kills the worker (with its executors) and the master; safe to call twice. */
  @Override
  public void close() throws InterruptedException {
    if (worker != null) {
      worker.close();
    }
    if (master != null) {
      master.close();
    }
    worker = null;
    master = null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
