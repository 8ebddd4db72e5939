package dev.parallax.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.ChildJvm;
import dev.parallax.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster jar that {@code mvn -B package} builds, as spark-submit will use it. An integration
 * test (Failsafe): {@code mvn -B verify} runs it after the package phase, on the jar just built.
 */
class ClusterJarIT {
  static final Path JAR = Path.of("target", "parallax-" + Main.version() + "-cluster.jar");

  /**
   * Above today's size (about 84 MB, of which about 5 MB are S3A and its AWS SDK modules; 40 MB
   * before language identification and the CJK analyzers, Lingua's trigram models and fastutil most
   * of the rest), below what Lingua's 4- and 5-gram models (about 70 MB) or the TensorFlow graphs
   * would add.
   */
  static final long MAX_BYTES = 100L << 20;

  @BeforeAll
  static void needsTheJar() {
    assertTrue(
        Files.isRegularFile(JAR),
        JAR + " not built: the integration tests run in mvn -B verify, after the package phase");
  }

  @Test
  void startsTheCli() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertEquals(
          Main.class.getName(), jar.getManifest().getMainAttributes().getValue("Main-Class"));
      assertNotNull(jar.getEntry("dev/parallax/cli/Main.class"));
    }
  }

  @Test
  void bundlesTheLexiconsAsInDataLexicons() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (String f :
          List.of(
              "themes.tsv",
              "vader/vader_lexicon.txt",
              "vader/LICENSE.txt",
              "tone_domain.tsv",
              "stance_markers.tsv",
              "speakers.tsv",
              "afinn/afinn-165.tsv",
              "afinn/LICENSE.txt")) {
        ZipEntry e = jar.getEntry("lexicons/" + f);
        assertNotNull(e, "lexicons/" + f);
        assertArrayEquals(
            Files.readAllBytes(Path.of("data/lexicons", f)),
            jar.getInputStream(e).readAllBytes(),
            f);
      }
    }
  }

  @Test
  void leavesOutWhatTheClusterProvidesAndTheExcludedNatives() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> names = jar.stream().map(ZipEntry::getName).toList();
      for (String provided : List.of("org/apache/spark/", "scala/")) {
        assertTrue(names.stream().noneMatch(n -> n.startsWith(provided)), provided);
      }
      // of Hadoop only hadoop-aws (S3A), which Spark distributions leave out
      List<String> hadoop =
          names.stream()
              .filter(n -> n.startsWith("org/apache/hadoop/") && !n.endsWith("/"))
              .filter(
                  n ->
                      !n.startsWith("org/apache/hadoop/fs/s3a/")
                          && !n.startsWith("org/apache/hadoop/fs/s3native/"))
              .toList();
      assertEquals(List.of(), hadoop);
      assertTrue(names.contains("org/apache/hadoop/fs/s3a/S3AFileSystem.class"));
      for (String excluded :
          List.of(
              "ai/onnxruntime/",
              "org/rocksdb/",
              "de/kherud/llama/",
              "org/intel/openvino/",
              "lombok/",
              "ner-dl/",
              "classifier-dl/")) {
        assertTrue(names.stream().noneMatch(n -> n.startsWith(excluded)), excluded);
      }
      List<String> natives =
          names.stream().filter(n -> n.matches(".*\\.(so|dll|dylib|jnilib)(\\.\\d+)*")).toList();
      assertEquals(List.of(), natives);
      assertTrue(
          names.stream()
              .noneMatch(n -> n.equals("log4j2.properties") || n.equals("log4j.properties")),
          "no logging config that would override the cluster's");
    }
  }

  @Test
  void mergesServiceFiles() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      ZipEntry e = jar.getEntry("META-INF/services/com.fasterxml.jackson.core.JsonFactory");
      assertNotNull(e);
      String services = new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(services.contains("com.fasterxml.jackson.dataformat.yaml.YAMLFactory"), services);
    }
  }

  @Test
  void staysSmall() throws IOException {
    long size = Files.size(JAR);
    System.out.printf("ClusterJarIT: %s is %.1f MB%n", JAR, size / 1e6);
    assertTrue(size < MAX_BYTES, size + " bytes");
  }

  /**
   * Runs the jar's tone tool with only Spark's classes besides it, as on a cluster, from a
   * directory without jobs/parallax.yaml: the lexicons come from the jar. "great" (+3.1) and
   * "success" (+2.7) in VADER's lexicon make the sentence clearly positive.
   */
  @Test
  void runsWithOnlySparkBesideIt(@TempDir Path tmp) throws Exception {
    Path providedCp = Path.of("target/provided-classpath.txt");
    assertTrue(Files.isRegularFile(providedCp), "target/provided-classpath.txt not written");
    String cp =
        JAR.toAbsolutePath() + java.io.File.pathSeparator + Files.readString(providedCp).strip();
    Path in = Files.writeString(tmp.resolve("in.txt"), "The talks were a great success.\n");
    String out;
    try (ChildJvm tone =
        ChildJvm.java(Main.class.getName())
            .classpath(cp)
            .args("tone", in.toString())
            .directory(tmp)
            .log(tmp.resolve("tone.out"), tmp.resolve("tone.err"))
            .start()) {
      int exit = tone.awaitExit(Duration.ofMinutes(5));
      out = tone.stdout();
      assertEquals(0, exit, tone.describe());
    }
    String[] cols = out.strip().split("\t", -1);
    assertEquals("The talks were a great success.", cols[1]);
    assertTrue(Double.parseDouble(cols[0]) > 0.05, out);
  }
}
