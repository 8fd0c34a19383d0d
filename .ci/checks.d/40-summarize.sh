#!/usr/bin/env bash
# Summarize (issue 4): the embedded IDF table and weights must regenerate
# byte for byte from IndoSum, and the cross-validated ROUGE of the default
# (Learned) method must beat LEAD-3 by the issue's margins.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=../shared/data/indosum/indosum-dev.jsonl
if [ ! -f "$data" ]; then
  echo "summarize: $data absent, skipping"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "summarize: regenerating summarize/idf.txt and summarize/weights.txt"
go run ./summarize/internal/gensum -data "$data" -out "$tmp"
for f in idf.txt weights.txt; do
  if ! cmp -s "$tmp/$f" "summarize/$f"; then
    echo "summarize: summarize/$f differs from its regeneration (run go generate ./summarize, then go test ./summarize -update)"
    diff "$tmp/$f" "summarize/$f" | head -20 || true
    exit 1
  fi
done
go run ./examples/kabar eval summarize --data "$data" --in-sample=false --assert
