package dev.parallax.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * The cluster jar that {@code mvn -B -DskipTests package} builds, as spark-submit will use it. The
 * test phase runs before the package phase, so these tests run only when a jar built from the
 * current pom and classes is already in target/ (after a package); otherwise they are skipped.
 */
class ClusterJarTest {
  static final Path JAR = Path.of("target", "parallax-" + Main.version() + "-cluster.jar");

  /**
   * Above today's size (about 79 MB: 40 MB before language identification and the CJK analyzers,
   * Lingua's trigram models and fastutil most of the rest), below what Lingua's 4- and 5-gram
   * models (about 70 MB) or the TensorFlow graphs would add.
   */
  static final long MAX_BYTES = 100L << 20;

  @BeforeAll
  static void needsAFreshJar() throws IOException {
    assumeTrue(Files.isRegularFile(JAR), JAR + " not built: run mvn -B -DskipTests package");
    long built = Files.getLastModifiedTime(JAR).toMillis();
    Path mainClass = Path.of("target/classes/dev/parallax/cli/Main.class");
    assumeTrue(
        built >= Files.getLastModifiedTime(Path.of("pom.xml")).toMillis()
            && (!Files.exists(mainClass)
                || built >= Files.getLastModifiedTime(mainClass).toMillis()),
        JAR + " is older than the pom or the classes: rebuild it");
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
              "stance_markers.tsv")) {
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
      for (String provided : List.of("org/apache/spark/", "scala/", "org/apache/hadoop/")) {
        assertTrue(names.stream().noneMatch(n -> n.startsWith(provided)), provided);
      }
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
    System.out.printf("ClusterJarTest: %s is %.1f MB%n", JAR, size / 1e6);
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
    assumeTrue(Files.isRegularFile(providedCp), "target/provided-classpath.txt not written");
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
