#!/usr/bin/env bash
# Measures how `kabar batch` scales from one core to two against what this
# machine allows: in each round, interleaved,
#   one   kabar batch pinned to one CPU (taskset -c 0: GOMAXPROCS 1),
#   two   kabar batch on every CPU (--workers 2),
#   pair  two independent one-core kabar batch processes at once, on CPUs 0
#         and 1, each doing the whole input (twice the work of "one").
# speed-up = one / two; ceiling = 2 * one / pair, the speed-up that two
# fully independent workers reach on this machine at that moment (2.0 on
# an ideal one: cores that share nothing). A VM whose vCPUs share a host
# core or its memory bandwidth with other guests stays below 2.0, and
# kabar's workers, which share nothing but the Analyzer's immutable tables,
# can't do better than independent processes.
# Run from bench/: ./scaling.sh [ROUNDS] [N_DOCS]. Needs taskset
# (util-linux) and /usr/bin/time (Debian `time`) and at least 2 CPUs.
# CORPUS=FILE picks another corpus (IndoSum's format or kabar input JSONL).
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-5}
n=${2:-10000}
if [ "$(nproc)" -lt 2 ]; then
  echo "scaling.sh: needs at least 2 CPUs" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd .. && go build -o "$tmp/kabar" ./examples/kabar)
go build -o "$tmp/pipeline" ./cmd/pipeline
c=(); [ -n "${CORPUS:-}" ] && c=(-corpus "$CORPUS")
"$tmp/pipeline" "${c[@]}" -export "$tmp/gen.jsonl" -generate "$n"
mb=$(du -m "$tmp/gen.jsonl" | cut -f1)
wall() { /usr/bin/time -o "$1" -f "%e" "${@:2}" >/dev/null 2>&1; }
echo "kabar batch, $n generated documents ($mb MB), $rounds rounds; seconds of wall-clock time"
echo "| round | one core | two cores | two one-core processes at once | speed-up | ceiling | speed-up / ceiling |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for r in $(seq "$rounds"); do
  wall "$tmp/one" taskset -c 0 "$tmp/kabar" batch -o /dev/null "$tmp/gen.jsonl"
  wall "$tmp/two" "$tmp/kabar" batch --workers 2 -o /dev/null "$tmp/gen.jsonl"
  wall "$tmp/pa" taskset -c 0 "$tmp/kabar" batch -o /dev/null "$tmp/gen.jsonl" &
  wall "$tmp/pb" taskset -c 1 "$tmp/kabar" batch -o /dev/null "$tmp/gen.jsonl"
  wait
  echo "$r $(cat "$tmp/one") $(cat "$tmp/two") $(cat "$tmp/pa") $(cat "$tmp/pb")"
done | awk '
function median(a, k,   i, j, t) {
  for (i = 2; i <= k; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
  return (k % 2) ? a[(k+1)/2] : (a[k/2] + a[k/2+1]) / 2
}
{
  pair = ($4 > $5) ? $4 : $5
  s = $2 / $3; c = 2 * $2 / pair
  printf "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", $1, $2, $3, pair, s, c, s / c
  su[NR] = s; ce[NR] = c; ef[NR] = s / c
} END {
  printf "| median | | | | %.2f | %.2f | %.2f |\n", median(su, NR), median(ce, NR), median(ef, NR)
}'
