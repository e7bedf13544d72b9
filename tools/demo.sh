#!/usr/bin/env bash
# A tour of a running AetherQuant API: one backtest, one paper trade and one optimisation, with their key
# figures. Exits non-zero naming the call that failed. The key is sent in a header and never printed.
#
#   AETHERQ_API_KEY=… bash tools/demo.sh                                   # http://127.0.0.1:8000
#   AETHERQ_API_URL=https://aetherquant.example.com AETHERQ_API_KEY=… bash tools/demo.sh
#
# DEMO_PROVIDER picks the market data (default synthetic: offline, generated prices; yahoo for real ones).
# Needs curl and node.
set -euo pipefail

API_URL="${AETHERQ_API_URL:-http://127.0.0.1:8000}"
API_URL="${API_URL%/}"
PROVIDER="${DEMO_PROVIDER:-synthetic}"
if [ -z "${AETHERQ_API_KEY:-}" ]; then
  echo "demo: set AETHERQ_API_KEY to a trader key (npx aetherquant keys generate makes one)" >&2
  exit 2
fi
for tool in curl node; do
  command -v "$tool" >/dev/null 2>&1 || { echo "demo: $tool is required" >&2; exit 2; }
done

body_file="$(mktemp)"
trap 'rm -f "$body_file"' EXIT

# post PATH JSON: prints the response body; fails with the status and the API's error message.
post() {
  local path="$1" json="$2" status
  # The key goes through a header file (process substitution), so it appears in no command line.
  status="$(curl -sS -o "$body_file" -w '%{http_code}' -X POST \
    -H @<(printf 'X-API-Key: %s\n' "$AETHERQ_API_KEY") \
    -H 'Content-Type: application/json' --data "$json" "$API_URL$path")" || {
    echo "demo: POST $path: cannot reach $API_URL" >&2
    return 1
  }
  if [ "$status" != "200" ]; then
    echo "demo: POST $path answered $status: $(cat "$body_file")" >&2
    return 1
  fi
  cat "$body_file"
}

# figures LABEL FIELD…: prints the named fields of the JSON on standard input, one line.
figures() {
  node -e '
    const [label, ...fields] = process.argv.slice(1);
    const text = require("fs").readFileSync(0, "utf8");
    if (text.trim() === "") process.exit(1); // the call failed and said so on standard error
    const report = JSON.parse(text);
    const shown = fields.map((field) => `${field}=${JSON.stringify(report[field])}`);
    console.log(`${label.padEnd(12)} ${shown.join("  ")}`);
  ' "$@"
}

echo "AetherQuant demo against $API_URL (provider $PROVIDER)"

post /api/backtest "{\"symbol\":\"SPY\",\"period\":\"2y\",\"provider\":\"$PROVIDER\",\"params\":{\"fast\":20,\"slow\":50}}" |
  figures backtest symbol rows annual_return sharpe max_drawdown final_equity benchmark_final_equity run_id

post /api/papertrade "{\"symbol\":\"SPY\",\"period\":\"6mo\",\"provider\":\"$PROVIDER\"}" |
  figures papertrade symbol broker orders_placed start_equity final_equity position run_id

post /api/optimize "{\"symbols\":[\"SPY\",\"QQQ\",\"TLT\",\"GLD\"],\"period\":\"3y\",\"provider\":\"$PROVIDER\",\"method\":\"risk-parity\"}" |
  figures optimize method weights expected_return volatility run_id

echo "demo: all three calls succeeded"
