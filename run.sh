#!/usr/bin/env bash
# WB Assist launcher: finds a JDK 25+ (the build targets Java 25), builds when needed, starts the parts. `./run.sh help` lists the commands.
set -euo pipefail
# Everything this script and its processes create (data directory, H2 files, logs, generated secrets) is owner-only.
umask 077
cd "$(dirname "$0")"
ROOT=$(pwd)
DATA_DIR=${DATA_DIR:-$ROOT/data}
SERVER_PORT=${SERVER_PORT:-8080}
SANDBOX_PORT=${SANDBOX_PORT:-8090}
TELEGRAM_EMULATOR_PORT=${TELEGRAM_EMULATOR_PORT:-8091}
DEMO_TELEGRAM_ID=${DEMO_TELEGRAM_ID:-100001}

usage() {
  cat <<'USAGE'
Usage: ./run.sh [command]

  (none) | demo   server on the embedded H2 store + WB sandbox with a demo cabinet connected (events flow)
  server          server only, against the real WB API (or WB_API_BASE_URL)
  sandbox         the WB sandbox alone
  bot             the Telegram bot (needs TELEGRAM_BOT_TOKEN; TELEGRAM_API_URL for the emulator)
  bot-demo        Telegram emulator + bot wired to a running ./run.sh (no real Telegram needed)
  console         the JavaFX operator console (needs a display; connects to the local server)
  rotate-key      re-encrypt every stored WB key with KEY_ENCRYPTION_KEY while servers keep running
                  (the old key in KEY_ENCRYPTION_KEY_PREVIOUS; docs/operations.md "Rotating the key-encryption key")
  chaos [opts]    the chaos run (docs/chaos.md): 2 servers on one PostgreSQL, faulty WB sandbox, bot and
                  servers SIGKILLed while events flow; exits non-zero on any lost or duplicated notification
  test            all tests (what CI runs)
  build           build everything, skipping tests
  dist            build the release archive dist/target/wb-assist-VERSION.tar.gz (README "Install a release")
  release-test    build the archive, unpack it into a temporary directory, start its server, check health
  help            this text

Environment: see README.md "Configuration". Data (H2 file, generated secrets) lives in ./data (DATA_DIR).
Secrets are read from the environment or ./data and never printed or put on a command line.
USAGE
}

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }

find_jdk() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && $(java_major "$JAVA_HOME/bin/java") -ge 25 ]]; then
    return
  fi
  local candidate best="" best_major=0 major
  for candidate in /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/; do
    [[ -x "${candidate}bin/java" && -x "${candidate}bin/javac" ]] || continue
    major=$(java_major "${candidate}bin/java")
    if [[ -n "$major" && "$major" -ge 25 && "$major" -gt "$best_major" ]]; then
      best=${candidate%/}; best_major=$major
    fi
  done
  if [[ -z "$best" ]]; then
    echo "run.sh: no JDK 25+ found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
    exit 1
  fi
  export JAVA_HOME=$best
}

build_if_needed() {
  local jar
  for jar in server/target/server.jar emulators/target/emulators.jar bot/target/bot.jar desktop-console/target/desktop-console.jar; do
    if [[ ! -f $jar ]] || [[ -n $(find api observability db server emulators bot desktop-console pom.xml -newer "$jar" \
        \( -name '*.java' -o -name '*.xml' -o -name '*.yaml' -o -name '*.yml' -o -name '*.sql' -o -name '*.properties' \) \
        -not -path '*/target/*' -print -quit) ]]; then
      echo "Building (first start or sources changed)..."
      ./mvnw -B -q -DskipTests package
      return
    fi
  done
}

classpath() { echo "$ROOT/$1/target/$1.jar:$ROOT/$1/target/libs/*"; }

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

wait_for() { # url, seconds
  local i
  for ((i = 0; i < $2 * 5; i++)); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "run.sh: $1 did not answer within $2 s" >&2
  return 1
}

start_sandbox() {
  mkdir -p "$DATA_DIR"
  "$JAVA_HOME/bin/java" -cp "$(classpath emulators)" ru.wbassist.emulators.wb.WbSandboxMain \
    --port "$SANDBOX_PORT" --seed "${SANDBOX_SEED:-42}" --acceleration "${SANDBOX_ACCELERATION:-240}" \
    --history-days "${SANDBOX_HISTORY_DAYS:-30}" --relaxed-limits --demo-token-file "$DATA_DIR/sandbox-token" \
    --statistics-lag-seconds "${SANDBOX_STATISTICS_LAG:-180}" \
    > "$DATA_DIR/sandbox.log" 2>&1 &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$SANDBOX_PORT/sandbox/status" 60 || { tail -20 "$DATA_DIR/sandbox.log"; exit 1; }
}

start_server() {
  DATA_DIR=$DATA_DIR SERVER_PORT=$SERVER_PORT "$JAVA_HOME/bin/java" -cp "$(classpath server)" ru.wbassist.server.Main &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$SERVER_PORT/observe/health" 60
}

secret() {
  if [[ -n "${API_SECRET_KEY:-}" ]]; then printf '%s' "$API_SECRET_KEY"; else cat "$DATA_DIR/api-secret"; fi
}

# curl reads the secret header from a pipe (printf is a shell builtin): it never appears on a command line (ps).
curl_with_secret() {
  curl -H @<(printf 'X-API-SECRET-KEY: %s\n' "$(secret)") "$@"
}

connect_demo_cabinet() {
  local base="http://127.0.0.1:$SERVER_PORT" status
  curl_with_secret -fsS -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"telegram_id\":$DEMO_TELEGRAM_ID,\"username\":\"demo\",\"first_name\":\"Demo\"}" "$base/users/"
  # the WB key travels on curl's standard input, like the secret off its command line
  status=$(printf '{"user_id":%s,"api_key":"%s","name":"Демо-магазин"}' "$DEMO_TELEGRAM_ID" \
      "$(cat "$DATA_DIR/sandbox-token")" \
    | curl_with_secret -sS -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @- \
      "$base/wb/cabinets/")
  case $status in
    201) echo "Demo cabinet connected for telegram_id $DEMO_TELEGRAM_ID." ;;
    409) echo "Demo cabinet already connected for telegram_id $DEMO_TELEGRAM_ID." ;;
    *) echo "run.sh: connecting the demo cabinet answered HTTP $status" >&2 ;;
  esac
}

# Says where the secret is, never what it is.
banner() {
  local source header
  if [[ -n "${API_SECRET_KEY:-}" ]]; then
    source="the API_SECRET_KEY environment variable"
    header='X-API-SECRET-KEY: $API_SECRET_KEY'
  else
    source="$DATA_DIR/api-secret (owner-only file)"
    header="X-API-SECRET-KEY: \$(cat '$DATA_DIR/api-secret')"
  fi
  cat <<INFO

WB Assist is running.
  Server:      http://127.0.0.1:$SERVER_PORT   (health: /observe/health, OpenAPI: /openapi)
  API secret:  in $source
  Try:         curl -H @<(echo "$header") "http://127.0.0.1:$SERVER_PORT/wb/cabinets/?user_id=$DEMO_TELEGRAM_ID"
$1
Press Ctrl-C to stop.
INFO
}

command=${1:-demo}
case $command in
  help|-h|--help) usage; exit 0 ;;
esac
find_jdk
case $command in
  demo)
    build_if_needed
    start_sandbox
    export WB_API_BASE_URL=${WB_API_BASE_URL:-http://127.0.0.1:$SANDBOX_PORT}
    export SYNC_INTERVAL=${SYNC_INTERVAL:-30}
    start_server
    connect_demo_cabinet
    banner "  WB sandbox:  http://127.0.0.1:$SANDBOX_PORT (log: $DATA_DIR/sandbox.log); new orders every few seconds, synced every ${SYNC_INTERVAL}s
  Live orders: WB's order feed polled about once a minute; the sandbox's statistics run ${SANDBOX_STATISTICS_LAG:-180}s late"
    wait
    ;;
  server)
    build_if_needed
    start_server
    banner ""
    wait
    ;;
  sandbox)
    build_if_needed
    start_sandbox
    echo "WB sandbox on http://127.0.0.1:$SANDBOX_PORT; demo token in $DATA_DIR/sandbox-token"
    wait
    ;;
  bot)
    build_if_needed
    exec "$JAVA_HOME/bin/java" -cp "$(classpath bot)" ru.wbassist.bot.BotMain
    ;;
  bot-demo)
    build_if_needed
    "$JAVA_HOME/bin/java" -cp "$(classpath emulators)" ru.wbassist.emulators.telegram.TelegramEmulatorMain \
      --port "$TELEGRAM_EMULATOR_PORT" --token "123456:DEMO" > "$DATA_DIR/telegram-emulator.log" 2>&1 &
    PIDS+=($!)
    sleep 2
    echo "Telegram emulator on http://127.0.0.1:$TELEGRAM_EMULATOR_PORT (log: $DATA_DIR/telegram-emulator.log)"
    # the bot follows the demo's ports and data directory unless they are set explicitly
    TELEGRAM_BOT_TOKEN=123456:DEMO TELEGRAM_API_URL=http://127.0.0.1:$TELEGRAM_EMULATOR_PORT \
      SERVER_URL=${SERVER_URL:-http://127.0.0.1:$SERVER_PORT} API_SECRET_FILE=${API_SECRET_FILE:-$DATA_DIR/api-secret} \
      DELIVERY_JOURNAL=${DELIVERY_JOURNAL:-$DATA_DIR/bot-delivered.journal} \
      "$JAVA_HOME/bin/java" -cp "$(classpath bot)" ru.wbassist.bot.BotMain &
    PIDS+=($!)
    wait
    ;;
  console)
    build_if_needed
    exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$(classpath desktop-console)" ru.wbassist.console.ConsoleMain
    ;;
  rotate-key)
    build_if_needed
    exec "$JAVA_HOME/bin/java" -cp "$(classpath server)" ru.wbassist.server.cabinets.KeyRotationMain
    ;;
  chaos)
    # always build: the run must test the sources as they are
    ./mvnw -B -q -DskipTests package
    shift
    exec "$JAVA_HOME/bin/java" -cp "$(classpath system-tests)" ru.wbassist.chaos.ChaosMain "$@"
    ;;
  test)
    exec ./mvnw -B test
    ;;
  build)
    ./mvnw -B -q -DskipTests package
    ;;
  dist)
    ./mvnw -B -q -DskipTests package
    ls dist/target/wb-assist-*.tar.gz
    ;;
  release-test)
    exec ./mvnw -B verify -pl dist -am -Dtest=ReleaseArchiveTest -Dsurefire.failIfNoSpecifiedTests=false
    ;;
  *)
    echo "run.sh: unknown command '$command'" >&2
    usage
    exit 2
    ;;
esac
