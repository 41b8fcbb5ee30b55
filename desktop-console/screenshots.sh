#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from a real JavaFX window under Xvfb (1280×800).
#   desktop-console/screenshots.sh              # the built-in demo data set, no server needed
#   desktop-console/screenshots.sh --server     # the server at SERVER_URL with ADMIN_SECRET_KEY / API_SECRET_KEY / ./data/api-secret
# SCREENSHOTS_DIR overrides the output directory (default docs/screenshots); SCREENSHOTS_LANGUAGE the labels' language
# (default ru: the operators read Russian).
# Needs: xvfb-run and GTK 3 (Debian: apt-get install -y xvfb libgtk-3-0), JDK 25 in JAVA_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
data_args=(--demo-data)
if [[ "${1:-}" == "--server" ]]; then
  data_args=()
fi

./mvnw -B -q -pl desktop-console -am package -DskipTests
xvfb-run -a -s "-screen 0 1280x800x24" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "desktop-console/target/desktop-console.jar:desktop-console/target/libs/*" \
  ru.wbassist.console.ConsoleMain "${data_args[@]}" --language="${SCREENSHOTS_LANGUAGE:-ru}" \
  --screenshots="${SCREENSHOTS_DIR:-docs/screenshots}"
