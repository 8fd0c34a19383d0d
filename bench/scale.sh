#!/usr/bin/env bash
# Measures `kabar batch` at scale, on the IndoSum dev articles from ../shared
# (or testdata/articles.jsonl): 1 vs 2 workers, peak RSS while streaming
# 100,000 generated documents, one core vs all cores (taskset, util-linux),
# one 50 MB document, and JSONL vs Parquet sizes.
# Run from bench/: ./scale.sh [N_DOCS]. Needs /usr/bin/time (Debian `time`).
# CORPUS=FILE picks another corpus (IndoSum's format or kabar input JSONL).
set -euo pipefail
cd "$(dirname "$0")"
n=${1:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd .. && go build -o "$tmp/kabar" ./examples/kabar)
go build -o "$tmp/pipeline" ./cmd/pipeline
c=(); [ -n "${CORPUS:-}" ] && c=(-corpus "$CORPUS")
"$tmp/pipeline" "${c[@]}" -export "$tmp/corpus.jsonl"
"$tmp/pipeline" "${c[@]}" -export "$tmp/gen.jsonl" -generate "$n"
"$tmp/pipeline" "${c[@]}" -export "$tmp/big.jsonl" -big 50
"$tmp/pipeline" "${c[@]}" -export "$tmp/big8.jsonl" -big 8
t() { /usr/bin/time -f "%e s wall, %U s user, %M KB peak RSS" "$@"; }
echo "corpus: $(wc -l < "$tmp/corpus.jsonl") documents, $(du -m "$tmp/corpus.jsonl" | cut -f1) MB"
for w in 1 2; do
  echo "== kabar batch --workers $w, corpus"
  t "$tmp/kabar" batch --workers "$w" -o /dev/null "$tmp/corpus.jsonl"
done
# The speed-up of a second core: the same batch pinned to one CPU (taskset
# sets the process's affinity, so Go's GOMAXPROCS is 1 and the reader and
# writer goroutines share that core too) and then free on all of them, on
# the first 30,000 generated documents, twice each, alternating.
head -n 30000 "$tmp/gen.jsonl" > "$tmp/gen30k.jsonl"
if command -v taskset >/dev/null; then
  for i in 1 2; do
    echo "== kabar batch on one core (taskset -c 0), 30,000 generated documents, run $i"
    t taskset -c 0 "$tmp/kabar" batch -o /dev/null "$tmp/gen30k.jsonl"
    echo "== kabar batch on every core ($(nproc)), 30,000 generated documents, run $i"
    t "$tmp/kabar" batch -o /dev/null "$tmp/gen30k.jsonl"
  done
fi
echo "== kabar batch --workers 2, $n generated documents ($(du -m "$tmp/gen.jsonl" | cut -f1) MB)"
t "$tmp/kabar" batch --workers 2 -o /dev/null "$tmp/gen.jsonl"
echo "== kabar batch, one 8 MB document"
t "$tmp/kabar" batch -o /dev/null "$tmp/big8.jsonl"
echo "== kabar batch, one 50 MB document, rejected by the default --max-bytes"
t "$tmp/kabar" batch -o /dev/null "$tmp/big.jsonl" || true
echo "== kabar batch, one 50 MB document (--max-bytes 0)"
t "$tmp/kabar" batch --max-bytes 0 -o /dev/null "$tmp/big.jsonl"
echo "== JSONL vs Parquet, corpus"
"$tmp/kabar" batch -o "$tmp/out.jsonl" --parquet "$tmp/pq" "$tmp/corpus.jsonl" 2>/dev/null
gzip -k "$tmp/out.jsonl"
ls -l "$tmp/corpus.jsonl" "$tmp/out.jsonl" "$tmp/out.jsonl.gz" "$tmp/pq"/*.parquet | awk '{printf "%12d  %s\n", $5, $NF}' | sed "s#$tmp/##"
