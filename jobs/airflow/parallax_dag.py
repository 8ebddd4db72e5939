"""Nightly Parallax run on a Spark cluster: one `parallax run` per day, for the day before,
comparing each story over a 7-day window of run dates.

The window: coverage is crawled daily, but a story lives for days, so each run compares the last
seven run dates ({{ ds }} - 6 .. {{ ds }}: `--window-days 7` on the `run` command) rather than the
day alone; an article that arrived again on another date of the window counts once. The flag is
passed here, not set in the job config, so that the config's default (1, the run date alone) still
serves manual runs and the bundled sample, and the window is visible where the schedule is.

Reruns and backfills: the result of a compare depends only on the partitions of its window, so a
rerun gives the same tables. But a rerun or backfill of a date D changes the windows of the six
dates after it (D+1 .. D+6), whose tables were computed with the old D. The `later_windows`,
`refresh_compare` and `refresh_report` tasks redo `compare` and then `report` for those of D+1 ..
D+6 whose day is over (a date never run yet exits 5, leaving a `failed` row in Parallax's runs
table, and is skipped); on a nightly run, D is yesterday and they have nothing to do. With
max_active_runs=1 a backfill (Airflow 2: `airflow dags backfill -s 2025-02-03 -e 2025-02-09
parallax`) runs the dates one at a time in date order, so each date's compare reads the dates
before it as already backfilled; the refresh tasks then also redo dates the backfill reaches next
(slower, same result). catchup is off: a new deployment does not run every day since start_date;
backfill the days you need.

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
  5  a stage's input table is missing: only for single-stage commands, not for `run`. For the
     refresh tasks' `compare` and `report` it means the date has not been run: skipped.
Published tables are never half-written: a failed or killed try leaves the previous partition,
and the next try replaces it atomically.
"""
from __future__ import annotations

import os
import re
from datetime import date, datetime, timedelta, timezone

from airflow import DAG
from airflow.decorators import task
from airflow.exceptions import AirflowException, AirflowFailException, AirflowSkipException
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

PARALLAX_JAR = os.environ.get("PARALLAX_JAR", "/opt/parallax/target/parallax-0.1.0-cluster.jar")
PARALLAX_CONFIG = os.environ.get("PARALLAX_CONFIG", "/etc/parallax/parallax.yaml")

# Run dates each compare covers: the `--window-days` of the commands below (SchedulerFilesTest
# keeps them equal).
WINDOW_DAYS = 7

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
    """SparkSubmitOperator that fails for good, without retries, on an exit code in NOT_RETRIED,
    and is skipped on one in skipped_exit_codes."""

    skipped_exit_codes: frozenset = frozenset()

    def execute(self, context):
        try:
            return super().execute(context)
        except AirflowException as e:
            # The Spark hook reports spark-submit's exit status as "... Error code is: N."
            code = re.search(r"Error code is: (\d+)", str(e))
            if code and int(code.group(1)) in self.skipped_exit_codes:
                raise AirflowSkipException(
                    f"parallax exited with {code.group(1)}: the run date has not been run"
                ) from e
            if code and int(code.group(1)) in NOT_RETRIED:
                raise AirflowFailException(
                    f"parallax exited with {code.group(1)} (bad config or arguments); "
                    f"not retried: {e}"
                ) from e
            raise


class WindowRefreshOperator(ParallaxSubmitOperator):
    """`compare` or `report` of a later run date: exit code 5 (no sentences or comparison tables
    for that date: it has not been run yet) skips it, since its own run will read the new data."""

    skipped_exit_codes = frozenset({5})


# The Parallax arguments of the refresh tasks; "{run_date}" stands for each later run date.
REFRESH_COMPARE_ARGS = [
    "compare", "--config", PARALLAX_CONFIG, "--run-date", "{run_date}", "--window-days", "7",
]
REFRESH_REPORT_ARGS = ["report", "--config", PARALLAX_CONFIG, "--run-date", "{run_date}"]


def compare_args(run_date: str) -> list:
    return [a.replace("{run_date}", run_date) for a in REFRESH_COMPARE_ARGS]


def report_args(run_date: str) -> list:
    return [a.replace("{run_date}", run_date) for a in REFRESH_REPORT_ARGS]


@task
def later_windows(ds=None) -> list:
    """The run dates after ds whose window holds ds (ds+1 .. ds+WINDOW_DAYS-1) and whose day is
    over (before today in UTC): their tables were computed without this run's data. Empty on a
    nightly run, where ds is yesterday."""
    day = date.fromisoformat(ds)
    today = datetime.now(timezone.utc).date()
    later = (day + timedelta(days=k) for k in range(1, WINDOW_DAYS))
    return [d.isoformat() for d in later if d < today]


SUBMIT = dict(
    conn_id="spark_default",
    application=PARALLAX_JAR,
    java_class="dev.parallax.cli.Main",
    conf={
        "spark.driver.extraJavaOptions": JAVA17_FLAGS,
        "spark.serializer": "org.apache.spark.serializer.KryoSerializer",
        "spark.kryoserializer.buffer.max": "512m",
    },
    driver_memory="4g",
    executor_memory="4g",
    executor_cores=2,
)


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
    # Daily run with a 7-day window (see the module docstring).
    run = ParallaxSubmitOperator(
        task_id="parallax_run",
        name="parallax run",
        application_args=[
            "run", "--config", PARALLAX_CONFIG, "--run-date", "{{ ds }}", "--window-days", "7",
        ],
        execution_timeout=timedelta(hours=3),
        **SUBMIT,
    )

    # After a rerun or backfill of {{ ds }}: compare, then report, each later run date whose window
    # holds it (nothing on a nightly run).
    dates = later_windows()
    refresh_compare = WindowRefreshOperator.partial(
        task_id="refresh_compare",
        name="parallax compare",
        execution_timeout=timedelta(hours=1),
        **SUBMIT,
    ).expand(application_args=dates.map(compare_args))
    refresh_report = WindowRefreshOperator.partial(
        task_id="refresh_report",
        name="parallax report",
        execution_timeout=timedelta(hours=1),
        # a date skipped by compare (never run) must not skip the others' reports
        trigger_rule="none_failed",
        **SUBMIT,
    ).expand(application_args=dates.map(report_args))
    run >> dates >> refresh_compare >> refresh_report
