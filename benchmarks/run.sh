#!/usr/bin/env bash
# Runs every benchmark with short but meaningful settings, prints JMH's table and the target
# ratios, then the heap per active ID. Build first: mvn -B -q install -DskipTests (from the root).
# Extra arguments go to JMH, e.g. ./run.sh AuthorizeBenchmark -i 5
# The SQL benchmarks (JdbcBenchmark, JdbcIssueBenchmark) start a durable embedded PostgreSQL and an
# H2 file under target/bench-db/ per trial (set-up ~1 min each: 100 000 IDs issued and activated);
# to run only them: ./run.sh Jdbc -wi 1
set -euo pipefail
cd "$(dirname "$0")"
jar=target/benchmarks.jar
java -cp "$jar" dev.idsettle.bench.Report -f 1 -wi 2 -i 3 -w 2s -r 3s -rf json -rff target/jmh-result.json "$@"
echo
java -Xms6g -Xmx6g -cp "$jar" dev.idsettle.bench.HeapPerId 1000000 0
java -Xms6g -Xmx6g -cp "$jar" dev.idsettle.bench.HeapPerId 1000000 1
