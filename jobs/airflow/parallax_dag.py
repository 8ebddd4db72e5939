"""Nightly Parallax run on a Spark cluster: one `parallax run` per day, for the day before.

Needs the apache-airflow-providers-apache-spark package and a Spark connection (`spark_default`)
whose host is the master (spark://spark-master:7077, yarn, k8s://https://...); its extra may set
"deploy-mode" (client, the default here, passes Parallax's exit code through) and "spark-home".

On the Airflow worker:
- the cluster jar, built with `mvn -B -DskipTests package` (target/parallax-0.1.0-cluster.jar);
- the job config: a copy of jobs/parallax.yaml with absolute `input` and `warehouse` paths that
  every Spark node sees (a shared volume, or hdfs:// / s3a:// URLs) and the lexicons left
  `builtin` (they travel inside the jar). Relative paths would resolve against the Airflow
  worker's working directory. The master comes from the connection, not from the config.

Parallax's exit codes, and what this DAG does with them:
  0  ok.
  1  the job failed (Spark error, lost executor, out of memory): retried.
  2  bad config or arguments: NOT retried - the same config fails the same way. Fix the config,
     then clear the task.
  3  the input cannot be read (missing path, empty glob): retried, the day's coverage may still
     be landing.
  4  another run holds the lock for this warehouse and run date (a manual backfill, a slow
     previous try): retried later, after retry_delay, when the other run has finished. Parallax
     locks itself, so the DAG needs no lock of its own.
  5  a stage's input table is missing: only for single-stage commands, not for `run`.
Published tables are never half-written: a failed or killed try leaves the previous partition,
and the next try replaces it atomically.
"""
from __future__ import annotations

import os
import re
from datetime import datetime, timedelta, timezone

from airflow import DAG
from airflow.exceptions import AirflowException, AirflowFailException
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

PARALLAX_JAR = os.environ.get("PARALLAX_JAR", "/opt/parallax/target/parallax-0.1.0-cluster.jar")
PARALLAX_CONFIG = os.environ.get("PARALLAX_CONFIG", "/etc/parallax/parallax.yaml")

# Exit codes a retry cannot fix (see the module docstring).
NOT_RETRIED = {2}

# Spark's JVM flags for Java 17: a copy of jobs/java17-opens.txt (SchedulerFilesTest keeps them
# equal), since the Airflow worker may hold only this file. spark-submit adds them to a driver it
# starts itself (client mode), not to one that a standalone worker starts (cluster mode).
JAVA17_FLAGS = " ".join([
    "-XX:+IgnoreUnrecognizedVMOptions",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
    "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
    "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
    "-Djdk.reflect.useDirectMethodHandle=false",
])


class ParallaxSubmitOperator(SparkSubmitOperator):
    """SparkSubmitOperator that fails for good, without retries, on an exit code in NOT_RETRIED."""

    def execute(self, context):
        try:
            return super().execute(context)
        except AirflowException as e:
            # The Spark hook reports spark-submit's exit status as "... Error code is: N."
            code = re.search(r"Error code is: (\d+)", str(e))
            if code and int(code.group(1)) in NOT_RETRIED:
                raise AirflowFailException(
                    f"parallax exited with {code.group(1)} (bad config or arguments); "
                    f"not retried: {e}"
                ) from e
            raise


with DAG(
    dag_id="parallax",
    description="Parallax: raw coverage to comparison tables, nightly",
    schedule="30 2 * * *",  # 02:30 UTC; {{ ds }} is the day the run covers (the day before)
    start_date=datetime(2025, 2, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    default_args={
        "retries": 3,
        "retry_delay": timedelta(minutes=20),
    },
    tags=["parallax", "spark"],
) as dag:
    ParallaxSubmitOperator(
        task_id="parallax_run",
        conn_id="spark_default",
        application=PARALLAX_JAR,
        java_class="dev.parallax.cli.Main",
        name="parallax run",
        application_args=["run", "--config", PARALLAX_CONFIG, "--run-date", "{{ ds }}"],
        conf={
            "spark.driver.extraJavaOptions": JAVA17_FLAGS,
            "spark.serializer": "org.apache.spark.serializer.KryoSerializer",
            "spark.kryoserializer.buffer.max": "512m",
        },
        driver_memory="4g",
        executor_memory="4g",
        executor_cores=2,
        execution_timeout=timedelta(hours=3),
    )
