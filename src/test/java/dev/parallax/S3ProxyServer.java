package dev.parallax;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * An S3-compatible server for tests: S3Proxy 2.6.0 ({@code target/s3proxy/s3proxy.jar}, copied
 * there by the build) started in a JVM of its own on 127.0.0.1 with AWS signature authentication,
 * keeping objects in a temporary folder ({@link Backend#FILESYSTEM}) or in memory ({@link
 * Backend#MEMORY}). Parallax reaches it through Hadoop's S3A exactly as it would reach AWS S3, with
 * the settings of {@link #hadoopConf()}.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "parallax-test";
  public static final String SECRET_KEY = "parallax-test-secret";

  private final ChildJvm jvm;
  private final int port;
  private final Path dataDir;

  private S3ProxyServer(ChildJvm jvm, int port, Path dataDir) {
    this.jvm = jvm;
    this.port = port;
    this.dataDir = dataDir;
  }

  /** Where the server keeps objects. */
  public enum Backend {
    /**
     * jclouds' file-system store: each object a file under {@link #dataDir()}. It answers the
     * object deletes S3A sends when a Spark write cleans up ({@code _temporary/}) in about ten
     * seconds per write, so a whole pipeline run on it takes minutes.
     */
    FILESYSTEM("filesystem"),
    /** jclouds' in-memory store: the same S3 API and the same S3Proxy request handling, fast. */
    MEMORY("transient");

    final String provider;

    Backend(String provider) {
      this.provider = provider;
    }
  }

  /** Starts the server on the file-system backend and waits until it accepts connections. */
  public static S3ProxyServer start(Path workDir) throws IOException, InterruptedException {
    return start(workDir, Backend.FILESYSTEM);
  }

  /** Starts the server and waits until it accepts connections. */
  public static S3ProxyServer start(Path workDir, Backend backend)
      throws IOException, InterruptedException {
    Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: the build copies it (mvn generate-test-resources)");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path data = Files.createDirectories(workDir.resolve("s3-data"));
    Path props = workDir.resolve("s3proxy.properties");
    Files.writeString(
        props,
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=" + backend.provider,
            "jclouds.filesystem.basedir=" + data,
            ""),
        StandardCharsets.UTF_8);
    ChildJvm jvm =
        ChildJvm.java("org.gaul.s3proxy.Main")
            .classpath(jar.toString())
            .heap("256m")
            .args("--properties", props.toString())
            .log(workDir.resolve("s3proxy.log"))
            .start();
    S3ProxyServer server = new S3ProxyServer(jvm, port, data);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
        return server;
      } catch (IOException notYet) {
        if (!jvm.isAlive() || System.nanoTime() > deadline) {
          String log = jvm.stdout();
          server.close();
          throw new IllegalStateException("S3Proxy did not start:\n" + log, notYet);
        }
        Thread.sleep(200);
      }
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** The folder holding the backend's buckets (one sub-folder per bucket). */
  public Path dataDir() {
    return dataDir;
  }

  /** An S3 client of the AWS SDK, for creating buckets and inspecting objects. */
  public AmazonS3 client() {
    return AmazonS3ClientBuilder.standard()
        .withEndpointConfiguration(
            new AwsClientBuilder.EndpointConfiguration(endpoint(), "us-east-1"))
        .withPathStyleAccessEnabled(true)
        .withCredentials(
            new AWSStaticCredentialsProvider(new BasicAWSCredentials(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  /** Creates a bucket. */
  public void createBucket(String bucket) {
    client().createBucket(bucket);
  }

  /** The S3A settings (Hadoop keys) that point at this server. */
  public Map<String, String> hadoopConf() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("fs.s3a.endpoint", endpoint());
    m.put("fs.s3a.endpoint.region", "us-east-1");
    m.put("fs.s3a.path.style.access", "true");
    m.put("fs.s3a.connection.ssl.enabled", "false");
    m.put("fs.s3a.access.key", ACCESS_KEY);
    m.put("fs.s3a.secret.key", SECRET_KEY);
    m.put(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    // S3Proxy 2.6.0's file-system backend does not answer S3A's multi-object delete request;
    // single deletes, and directory markers kept rather than deleted after each write
    m.put("fs.s3a.multiobjectdelete.enable", "false");
    m.put("fs.s3a.directory.marker.retention", "keep");
    m.put("fs.s3a.attempts.maximum", "3");
    m.put("fs.s3a.retry.limit", "3");
    return m;
  }

  /** The same settings as Parallax {@code --set} options ({@code spark.conf.spark.hadoop.*}). */
  public List<String> setOptions() {
    List<String> out = new ArrayList<>();
    hadoopConf()
        .forEach(
            (k, v) -> {
              out.add("--set");
              out.add("spark.conf.spark.hadoop." + k + "=" + v);
            });
    return out;
  }

  /** A Hadoop configuration with {@link #hadoopConf()}. */
  public Configuration configuration() {
    Configuration conf = new Configuration();
    hadoopConf().forEach(conf::set);
    return conf;
  }

  @Override
  public void close() {
    try {
      jvm.kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("could not stop S3Proxy", e));
    }
  }
}
