#!/usr/bin/env bash
# Cold start: launch → /observe/health UP, fresh H2 data dir each time; then idle RSS after 30 s.
set -eu
cd "$(dirname "$0")/.."  # repo root; build first: ./run.sh build
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
for i in 1 2 3; do
  dir=$(mktemp -d)
  start=$(date +%s%N)
  DATA_DIR=$dir SERVER_PORT=18555 SYNC_ENABLED=false DATABASE_URL="jdbc:h2:file:$dir/wbassist;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    $JAVA -cp "server/target/server.jar:server/target/libs/*" ru.wbassist.server.Main > "$dir/out.log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null http://127.0.0.1:18555/observe/health 2>/dev/null; do sleep 0.02; done
  end=$(date +%s%N)
  echo "run $i: health UP after $(( (end - start) / 1000000 )) ms"
  if [ $i = 3 ]; then sleep 30; echo "idle RSS after 30 s: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"; fi
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$dir"
done
