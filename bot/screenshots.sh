#!/usr/bin/env bash
# Regenerates docs/screenshots/reply-flow.png from a real run: ReplyFromTelegramTest (WB sandbox, server, bot and the
# Telegram emulator, all over HTTP) saves the owner's chat as the emulator draws it (GET /emulator/chats/{chat}), from
# the review notification to "Ответ отправлен"; a headless Chromium takes the picture, ImageMagick trims it.
# Needs: JDK 25 in JAVA_HOME, chromium-headless-shell or chromium (Debian: apt-get install -y chromium-headless-shell
# fonts-noto-color-emoji), ImageMagick (apt-get install -y imagemagick; CONVERT=magick for ImageMagick 7).
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
./mvnw -B -q test -pl bot -am -Dtest=ReplyFromTelegramTest -Dsurefire.failIfNoSpecifiedTests=false

browser=$(command -v chromium-headless-shell || command -v chromium || command -v chromium-browser) || {
  echo "bot/screenshots.sh: no headless Chromium found" >&2
  exit 1
}
raw=$(mktemp --suffix=.png)
trap 'rm -f "$raw"' EXIT
"$browser" --headless --no-sandbox --hide-scrollbars --window-size=560,4000 --screenshot="$raw" \
  "file://$PWD/bot/target/screenshots/reply-flow.html" 2>/dev/null
"${CONVERT:-convert}" "$raw" -trim +repage -bordercolor '#dfe7ee' -border 12 docs/screenshots/reply-flow.png
echo "docs/screenshots/reply-flow.png"
