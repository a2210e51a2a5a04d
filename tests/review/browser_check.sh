#!/usr/bin/env bash
# Browser check of the HTML review report, run by CI (.ci/run):
#   installs Debian's chromium (and a CJK font) when missing, builds the report for seeds/,
#   opens it in headless Chromium, takes a screenshot and checks through the DOM that the
#   index shows the five seed files and that choosing a rule in the filter hides the other
#   rules' marks (tests/review/cdp_check.py). Idempotent; fast when chromium is installed.
#
# Usage: tests/review/browser_check.sh [SCREENSHOT.png]   (default: target/review-check/review.png)
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# Without a CJK font the screenshot shows boxes for every Chinese character.
fc-list 2>/dev/null | grep -qi "wqy\|noto.*cjk" || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

out=target/review-check
rm -rf "$out"
mkdir -p "$out"
shot="${1:-$out/review.png}"
cargo build -q -p newsclean-cli
./target/debug/newsclean review seeds --report "$out/report.html"
python3 tests/review/cdp_check.py "$out/report.html" --expect-files 5 \
  --expect-names $(cd seeds && ls *.txt) --screenshot "$shot"
