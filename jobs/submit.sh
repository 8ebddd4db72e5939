#!/usr/bin/env bash
# Submits Parallax to a Spark cluster with spark-submit:
#
#   jobs/submit.sh --master URL [--deploy-mode client|cluster] [--jar PATH] [SPARK_SUBMIT_OPTION...] \
#     -- <parallax command and options>
#
# Examples:
#   jobs/submit.sh --master spark://spark-master:7077 -- run --config jobs/parallax.yaml --run-date 2025-02-10 --window-days 7
#   jobs/submit.sh --master yarn --deploy-mode cluster --executor-memory 4g -- run --input hdfs:///coverage --warehouse /mnt/shared/warehouse --run-date 2025-02-10
#   jobs/submit.sh --master spark://spark-master:7077 -- compare --warehouse /mnt/shared/warehouse --run-date 2025-02-10 --set compare.seed=7
#
# --jar defaults to target/parallax-0.1.0-cluster.jar, built with `mvn -B -DskipTests package` when
# missing. Options before `--` other than these three go to spark-submit unchanged
# (--executor-memory 4g, --conf k=v, ...); a --driver-java-options of yours replaces the Java 17
# flags this script passes to the driver, so include them. spark-submit is
# $SPARK_HOME/bin/spark-submit, else the one on PATH. The master is spark-submit's: Parallax's own
# `master` setting does not apply.
#
# Paths in the Parallax options are read where the driver runs: on this machine in client mode
# (the default), on a cluster node in cluster mode. The warehouse must be a folder every node
# sees at the same path (NFS, a shared volume) or a Hadoop URL (hdfs://, s3a://). The lexicons
# travel inside the jar ('builtin', the default); a config naming lexicon files needs them where
# the driver runs.
#
# Exit code: Parallax's (0 ok, 1 job failed, 2 bad config or arguments, 3 input unreadable,
# 4 another run holds the lock, 5 missing input table) in client mode; in cluster mode,
# spark-submit's. 2 here also means a bad option of this script.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="0.1.0"

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

master=""
deploy_mode="client"
jar=""
submit_opts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; break ;;
    --master) [ $# -ge 2 ] || usage; master="$2"; shift 2 ;;
    --master=*) master="${1#*=}"; shift ;;
    --deploy-mode) [ $# -ge 2 ] || usage; deploy_mode="$2"; shift 2 ;;
    --deploy-mode=*) deploy_mode="${1#*=}"; shift ;;
    --jar) [ $# -ge 2 ] || usage; jar="$2"; shift 2 ;;
    --jar=*) jar="${1#*=}"; shift ;;
    -h|--help) usage ;;
    *) submit_opts+=("$1"); shift ;;
  esac
done

if [ -z "$master" ]; then
  echo "jobs/submit.sh: error: --master is required (spark://host:7077, yarn, k8s://https://host:443)" >&2
  usage
fi
case "$deploy_mode" in
  client|cluster) ;;
  *) echo "jobs/submit.sh: error: --deploy-mode must be client or cluster, not '$deploy_mode'" >&2; exit 2 ;;
esac
if [ $# -eq 0 ]; then
  echo "jobs/submit.sh: error: no Parallax command after '--' (e.g. -- run --run-date 2025-02-10)" >&2
  exit 2
fi

if [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ]; then
  spark_submit="$SPARK_HOME/bin/spark-submit"
elif command -v spark-submit >/dev/null 2>&1; then
  spark_submit="$(command -v spark-submit)"
else
  echo "jobs/submit.sh: error: spark-submit not found: set SPARK_HOME to a Spark 3.5 installation" \
    "(SPARK_HOME=${SPARK_HOME:-unset}) or put spark-submit on PATH" >&2
  exit 2
fi

if [ -z "$jar" ]; then
  jar="$home/target/parallax-$version-cluster.jar"
  if [ ! -f "$jar" ]; then
    echo "jobs/submit.sh: building $jar (mvn -B -DskipTests package)..." >&2
    (cd "$home" && mvn -B -q -DskipTests package) >&2
  fi
fi
if [ ! -f "$jar" ] && [ "$deploy_mode" = client ]; then
  echo "jobs/submit.sh: error: jar $jar does not exist" >&2
  exit 2
fi

# Spark's JVM flags for Java 17 (org.apache.spark.launcher.JavaModuleOptions), one a line in
# jobs/java17-opens.txt, the local launcher's list too. spark-submit adds them to a driver it starts
# itself (client mode) and SparkContext to executors, but nothing adds them to a driver that a
# standalone worker starts (cluster mode): without them that driver fails with "cannot access
# class sun.nio.ch.DirectBuffer". Hence spark.driver.extraJavaOptions.
driver_java_opts=""
while IFS= read -r flag || [ -n "$flag" ]; do
  case "$flag" in ''|'#'*) ;; *) driver_java_opts="${driver_java_opts:+$driver_java_opts }$flag" ;; esac
done <"$home/jobs/java17-opens.txt"

# The serializer settings are Spark NLP's; Parallax sets them again when it creates the session,
# given here they are part of the submitted conf that the cluster manager and the UI show.
exec "$spark_submit" \
  --master "$master" \
  --deploy-mode "$deploy_mode" \
  --class dev.parallax.cli.Main \
  --name "parallax $1" \
  --conf "spark.driver.extraJavaOptions=$driver_java_opts" \
  --conf spark.serializer=org.apache.spark.serializer.KryoSerializer \
  --conf spark.kryoserializer.buffer.max=512m \
  ${submit_opts[@]+"${submit_opts[@]}"} \
  "$jar" "$@"
