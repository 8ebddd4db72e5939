package dev.parallax.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parallax.ChildJvm;
import dev.parallax.cli.Main;
import dev.parallax.config.ConfigKeys;
import dev.parallax.config.ConfigLoader;
import dev.parallax.config.ParallaxConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The scheduler files in jobs/ (and the README's submit examples) call Parallax only with commands
 * and options the CLI has: each file's Parallax arguments are extracted and checked against the
 * picocli model of {@link Main}, so they cannot drift from the CLI. Every schedule compares over
 * the same window of run dates ({@link #SCHEDULED_WINDOW_DAYS}), read from its arguments as picocli
 * parses them.
 */
class SchedulerFilesTest {
  /** Stands in for a date the scheduler fills in ({{ ds }}, ${RUN_DATE}, $(date ...)). */
  static final String A_DATE = "2025-02-10";

  static final String JAR = "parallax-" + Main.version() + "-cluster.jar";

  /**
   * The window every scheduler file compares over: daily runs, a week of run dates (README,
   * "Scheduling and backfills").
   */
  static final int SCHEDULED_WINDOW_DAYS = 7;

  @Test
  void airflowDagRunsTheClusterJarWithRealArguments() throws IOException {
    String dag = read("jobs/airflow/parallax_dag.py");
    assertTrue(dag.contains("java_class=\"" + Main.class.getName() + "\""), "java_class");
    assertTrue(dag.contains(JAR), "the DAG's application is " + JAR);
    assertTrue(Pattern.compile("\"retries\":\\s*[1-9]").matcher(dag).find(), "retries");
    Matcher m = Pattern.compile("application_args\\s*=\\s*\\[(.*?)]", Pattern.DOTALL).matcher(dag);
    assertTrue(m.find(), "application_args");
    List<String> args = new ArrayList<>();
    Matcher item =
        Pattern.compile("\"([^\"]*)\"|'([^']*)'|([A-Za-z_][A-Za-z0-9_]*)").matcher(m.group(1));
    while (item.find()) {
      String literal = item.group(1) != null ? item.group(1) : item.group(2);
      // A Python name (a path from the environment) stands for some value.
      args.add(literal != null ? literal.replace("{{ ds }}", A_DATE) : "/" + item.group(3));
    }
    assertEquals("run", args.get(0));
    assertTrue(m.group(1).contains("\"{{ ds }}\""), "the run date is Airflow's {{ ds }}");
    assertValidRun(args, "jobs/airflow/parallax_dag.py");
    assertEquals(SCHEDULED_WINDOW_DAYS, windowDays(args), "the run's window: " + args);

    // The constant the refresh task counts the later run dates with is the flag's value.
    Matcher constant = Pattern.compile("(?m)^WINDOW_DAYS = (\\d+)$").matcher(dag);
    assertTrue(constant.find(), "WINDOW_DAYS");
    assertEquals(SCHEDULED_WINDOW_DAYS, Integer.parseInt(constant.group(1)), "WINDOW_DAYS");
    // After a rerun of a date, compare with the same window, then report, for the later dates.
    List<String> compare = pythonList(dag, "REFRESH_COMPARE_ARGS", "{run_date}");
    assertEquals("compare", compare.get(0));
    assertTrue(compare.contains("--run-date"), compare.toString());
    assertValidArgs(compare, "jobs/airflow/parallax_dag.py REFRESH_COMPARE_ARGS");
    assertEquals(SCHEDULED_WINDOW_DAYS, windowDays(compare), "the refresh's window: " + compare);
    List<String> report = pythonList(dag, "REFRESH_REPORT_ARGS", "{run_date}");
    assertEquals("report", report.get(0));
    assertTrue(report.contains("--run-date"), report.toString());
    assertValidArgs(report, "jobs/airflow/parallax_dag.py REFRESH_REPORT_ARGS");
    assertTrue(dag.contains("max_active_runs=1"), "backfilled dates run one at a time, in order");

    Matcher flags =
        Pattern.compile("JAVA17_FLAGS = \" \"\\.join\\(\\[(.*?)]\\)", Pattern.DOTALL).matcher(dag);
    assertTrue(flags.find(), "JAVA17_FLAGS");
    assertEquals(
        ChildJvm.sparkJavaOpens(),
        Pattern.compile("\"([^\"]*)\"")
            .matcher(flags.group(1))
            .results()
            .map(r -> r.group(1))
            .toList());
  }

  /**
   * jobs/parallax, run from a project folder with nothing to build and a stub {@code java} on PATH
   * that prints its arguments: the JVM gets the flags of jobs/java17-opens.txt, in order.
   */
  @Test
  void theLauncherPassesTheFlagsOfTheOpensFile(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    Path home = tmp.resolve("home");
    Files.createDirectories(home.resolve("jobs"));
    Files.createDirectories(home.resolve("target/classes/dev"));
    Files.copy(Path.of("jobs/parallax"), home.resolve("jobs/parallax"));
    Files.copy(ChildJvm.JAVA17_OPENS, home.resolve("jobs/java17-opens.txt"));
    Files.writeString(home.resolve("target/classpath.txt"), "/deps.jar");
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path stub =
        Files.writeString(
            bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    assertTrue(stub.toFile().setExecutable(true));

    Result r =
        bash(
            home.resolve("jobs/parallax"),
            Map.of("PATH", bin + ":/usr/bin:/bin"),
            "run",
            "--run-date",
            A_DATE);
    assertEquals(0, r.exit(), r.err());
    String root = home.toRealPath().toString();
    List<String> expected = new ArrayList<>(List.of("-Xmx4g"));
    expected.addAll(ChildJvm.sparkJavaOpens());
    expected.addAll(
        List.of(
            "-Dlog4j2.configurationFile=" + root + "/jobs/log4j2.properties",
            "-cp",
            root + "/target/classes:/deps.jar",
            Main.class.getName(),
            "run",
            "--run-date",
            A_DATE));
    assertEquals(expected, r.out().lines().toList());
  }

  /**
   * The opens file is Spark's own list, the one spark-submit gives the drivers it starts and
   * SparkContext the executors, so a driver started otherwise runs with the same flags.
   */
  @Test
  void theOpensFileIsSparksLauncherList() {
    assertEquals(
        List.of(JavaModuleOptions.defaultModuleOptions().split(" ")), ChildJvm.sparkJavaOpens());
  }

  /** The pom's {@code spark.java.opens}, the test JVMs' flags, is the opens file's list. */
  @Test
  void thePomPassesTheFlagsOfTheOpensFile() throws IOException {
    String pom = read("pom.xml");
    Matcher m =
        Pattern.compile("<spark\\.java\\.opens>(.*?)</spark\\.java\\.opens>", Pattern.DOTALL)
            .matcher(pom);
    assertTrue(m.find(), "spark.java.opens in pom.xml");
    assertEquals(ChildJvm.sparkJavaOpens(), List.of(m.group(1).strip().split("\\s+")));
    assertTrue(pom.contains("<argLine>-Xmx3g ${spark.java.opens}</argLine>"), "Surefire's argLine");
  }

  @Test
  void sparkApplicationRunsTheClusterJarWithRealArguments() throws IOException {
    JsonNode app =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("jobs/k8s/parallax-sparkapplication.yaml").toFile());
    assertEquals("sparkoperator.k8s.io/v1beta2", app.path("apiVersion").asText());
    assertEquals("SparkApplication", app.path("kind").asText());
    JsonNode spec = app.path("spec");
    assertEquals(Main.class.getName(), spec.path("mainClass").asText());
    assertTrue(
        spec.path("mainApplicationFile").asText().endsWith("/" + JAR),
        spec.path("mainApplicationFile").asText());
    for (String role : List.of("driver", "executor")) {
      assertFalse(spec.path(role).path("memory").asText().isEmpty(), role + ".memory");
      assertTrue(spec.path(role).path("cores").asInt() > 0, role + ".cores");
    }
    List<String> args = new ArrayList<>();
    spec.path("arguments").forEach(a -> args.add(a.asText().replace("${RUN_DATE}", A_DATE)));
    assertEquals("run", args.get(0));
    assertValidRun(args, "jobs/k8s/parallax-sparkapplication.yaml");
    assertEquals(SCHEDULED_WINDOW_DAYS, windowDays(args), "the run's window: " + args);
  }

  @Test
  void cronEntriesUseRealArguments() throws IOException {
    String cron = read("jobs/cron/parallax.cron");
    // Entries (commented or not) start with the five schedule fields; other lines that call
    // Parallax are the backfill example in the comments.
    Pattern entry = Pattern.compile("^#?\\s*([0-9*/,-]+\\s+){5}\\S");
    List<String> entries = cron.lines().filter(l -> entry.matcher(l).find()).toList();
    List<List<String>> calls = parallaxCalls(String.join("\n", entries));
    assertEquals(2, calls.size(), "a cluster entry and a local one");
    for (List<String> args : calls) {
      assertValidRun(args, "jobs/cron/parallax.cron");
      assertEquals(SCHEDULED_WINDOW_DAYS, windowDays(args), "the entry's window: " + args);
    }
    List<List<String>> others =
        parallaxCalls(
            String.join("\n", cron.lines().filter(l -> !entry.matcher(l).find()).toList()));
    assertFalse(others.isEmpty(), "the backfill example");
    for (List<String> args : others) {
      assertValidArgs(args, "jobs/cron/parallax.cron, backfill example");
      if (args.get(0).equals("compare")) {
        assertEquals(SCHEDULED_WINDOW_DAYS, windowDays(args), "the refresh's window: " + args);
      }
    }
  }

  /**
   * The shipped job config keeps the default window of one run date, so the quick start runs on the
   * sample's one date; the schedulers pass the week on the command line.
   */
  @Test
  void theJobConfigKeepsTheOneDayDefault() {
    ParallaxConfig config = ConfigLoader.load(Path.of("jobs/parallax.yaml"), Map.of());
    assertEquals(1, config.intValue(ConfigKeys.WINDOW_DAYS));
    assertEquals("1", ConfigKeys.WINDOW_DAYS.defaultValue());
  }

  @Test
  void submitScriptAndReadmeExamplesUseRealArguments() throws IOException {
    List<List<String>> calls = parallaxCalls(read("jobs/submit.sh"));
    assertTrue(calls.size() >= 2, "examples in jobs/submit.sh's header");
    // The README's examples, in its code blocks.
    calls.addAll(
        parallaxCalls(
            read("README.md")
                .lines()
                .filter(l -> l.startsWith("jobs/submit.sh "))
                .reduce("", (a, b) -> a + b + "\n")));
    for (List<String> args : calls) {
      assertValidArgs(args, "jobs/submit.sh or README.md");
    }
  }

  @Test
  void submitScriptPassesTheClusterSettingsAndTheArguments(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    Path sparkHome = tmp.resolve("spark");
    Files.createDirectories(sparkHome.resolve("bin"));
    Path stub =
        Files.writeString(
            sparkHome.resolve("bin/spark-submit"),
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    assertTrue(stub.toFile().setExecutable(true));
    Path jar = Files.writeString(tmp.resolve("app.jar"), "");

    Result r =
        submit(
            Map.of("SPARK_HOME", sparkHome.toString()),
            "--master",
            "spark://spark-master:7077",
            "--jar",
            jar.toString(),
            "--executor-memory",
            "2g",
            "--",
            "run",
            "--run-date",
            A_DATE,
            "--set",
            "compare.seed=7");
    assertEquals(0, r.exit(), r.err());
    List<String> line = r.out().lines().toList();
    assertEquals(
        List.of(
            "--master",
            "spark://spark-master:7077",
            "--deploy-mode",
            "client",
            "--class",
            Main.class.getName()),
        line.subList(0, 6));
    assertTrue(String.join(" ", line).contains("--executor-memory 2g"), r.out());
    int conf = line.indexOf("--conf");
    assertEquals(
        "spark.driver.extraJavaOptions=" + String.join(" ", ChildJvm.sparkJavaOpens()),
        line.get(conf + 1),
        "the flags of jobs/java17-opens.txt");
    int at = line.indexOf(jar.toString());
    assertTrue(at > 0, r.out());
    assertEquals(
        List.of("run", "--run-date", A_DATE, "--set", "compare.seed=7"),
        line.subList(at + 1, line.size()));
  }

  @Test
  void submitScriptSaysWhenSparkSubmitIsMissing(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    Path jar = Files.writeString(tmp.resolve("app.jar"), "");
    Result r =
        submit(
            Map.of("SPARK_HOME", tmp.resolve("no-spark").toString()),
            "--master",
            "local[2]",
            "--jar",
            jar.toString(),
            "--",
            "run");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("spark-submit not found"), r.err());
    assertTrue(r.out().isEmpty(), r.out());
  }

  record Result(int exit, String out, String err) {}

  /** Runs jobs/submit.sh with PATH holding only the system's tools (no spark-submit). */
  static Result submit(Map<String, String> env, String... args) throws Exception {
    return bash(Path.of("jobs/submit.sh"), env, args);
  }

  /**
   * Runs a bash script with PATH holding only the system's tools, and without the environment
   * variables the launchers read, unless {@code env} sets them.
   */
  static Result bash(Path script, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("/bin/bash", script.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    for (String v :
        List.of("SPARK_HOME", "PARALLAX_HOME", "PARALLAX_DRIVER_MEMORY", "PARALLAX_JAVA_OPTS")) {
      pb.environment().remove(v);
    }
    pb.environment().put("PATH", "/usr/bin:/bin");
    pb.environment().putAll(env);
    Path out = Files.createTempFile("script", ".out");
    Path err = Files.createTempFile("script", ".err");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(script + " did not end");
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** A {@code run}: valid arguments and an explicit run date. */
  static void assertValidRun(List<String> args, String where) {
    assertEquals("run", args.get(0), where);
    assertTrue(args.contains("--run-date"), where + ": " + args);
    assertValidArgs(args, where);
  }

  /**
   * The first argument is a subcommand of {@link Main}, every {@code --option} one of that
   * subcommand's, every {@code --set} key a config key, and picocli parses the whole line.
   */
  static void assertValidArgs(List<String> args, String where) {
    Map<String, CommandLine> commands = new CommandLine(new Main()).getSubcommands();
    CommandLine sub = commands.get(args.get(0));
    assertNotNull(sub, where + ": '" + args.get(0) + "' is not one of " + commands.keySet());
    CommandSpec spec = sub.getCommandSpec();
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--")) {
        assertNotNull(spec.findOption(a), where + ": " + args.get(0) + " has no option " + a);
      }
      if (a.equals("--set")) {
        String key = args.get(i + 1).substring(0, args.get(i + 1).indexOf('='));
        assertTrue(
            ConfigKeys.all().containsKey(key) || key.startsWith(ConfigKeys.SPARK_CONF_PREFIX),
            where + ": --set " + key + " is not a config key");
      }
    }
    try {
      new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      fail(where + ": " + args + ": " + e.getMessage());
    }
  }

  /**
   * The Parallax arguments of every line, commented or not, that calls jobs/submit.sh (the words
   * after {@code --}) or jobs/parallax (the words after it), up to a redirection, a comment or the
   * line's end.
   */
  static List<List<String>> parallaxCalls(String text) {
    List<List<String>> calls = new ArrayList<>();
    for (String line : text.lines().toList()) {
      List<String> words = shellWords(line.replaceFirst("^\\s*#", ""));
      int start = -1;
      for (int i = 0; i < words.size() && start < 0; i++) {
        if (words.get(i).endsWith("jobs/submit.sh")) {
          int dashes = words.subList(i, words.size()).indexOf("--");
          start = dashes < 0 ? -1 : i + dashes + 1;
          if (dashes < 0) {
            break;
          }
        } else if (words.get(i).endsWith("jobs/parallax")) {
          start = i + 1;
        }
      }
      if (start < 0 || start >= words.size()) {
        continue;
      }
      List<String> args = new ArrayList<>();
      for (String w : words.subList(start, words.size())) {
        if (w.matches(">>?|\\d?>&\\d|\\||;|&&|\\\\") || w.startsWith("#")) {
          break;
        }
        // a command substitution or a variable ($d in a loop) stands for a date
        args.add(w.contains("$(") || w.matches("\\$\\{?[A-Za-z_]+}?") ? A_DATE : w);
      }
      calls.add(args);
    }
    return calls;
  }

  /** Splits a shell line into words: blanks separate, quotes group, backslash escapes. */
  static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        w.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }

  /**
   * The {@code --window-days} a command line gives, as picocli parses it for the command (1, the
   * config's default, when the line has none).
   */
  static int windowDays(List<String> args) {
    CommandLine.ParseResult parsed =
        new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
    CommandLine.ParseResult sub = parsed.subcommand();
    assertNotNull(sub, args.toString());
    String value = sub.matchedOptionValue("--window-days", null);
    return value == null ? 1 : Integer.parseInt(value);
  }

  /**
   * The items of the Python list assigned to {@code name} ({@code NAME = [...]}): string literals,
   * with {@code placeholder} replaced by {@link #A_DATE}; a Python name (a path from the
   * environment) stands for some path.
   */
  static List<String> pythonList(String source, String name, String placeholder) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + " = \\[(.*?)]", Pattern.DOTALL)
            .matcher(source);
    assertTrue(m.find(), name);
    List<String> items = new ArrayList<>();
    Matcher item =
        Pattern.compile("\"([^\"]*)\"|'([^']*)'|([A-Za-z_][A-Za-z0-9_]*)").matcher(m.group(1));
    while (item.find()) {
      String literal = item.group(1) != null ? item.group(1) : item.group(2);
      items.add(literal != null ? literal.replace(placeholder, A_DATE) : "/" + item.group(3));
    }
    return items;
  }

  static String read(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }
}
