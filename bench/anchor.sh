#!/usr/bin/env bash
# Measures kabar's one-core speed against the issue's anchor, prose/v2's
# full pipeline with its model reused, which the issue puts at ~0.05 MB/s
# on this machine. Alternates, ROUNDS times, a cold pass of kabar over the
# corpus (`cmd/pipeline -lib kabar`) and prose over its first 100 documents
# (`-lib prose`), both per CPU-second, so that both see the same spells of
# the shared VM, and prints each round, the medians, and the median of the
# per-round ratios kabar / prose: the speed kabar has when prose runs at
# its anchor is that ratio × 0.05 MB/s.
# Run from bench/: ./anchor.sh [ROUNDS]   (default 10, about 7 s a round;
# CORPUS=FILE as for ./abtest.sh)
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/pipeline" ./cmd/pipeline
c=()
if [ -n "${CORPUS:-}" ]; then c=(-corpus "${CORPUS}"); fi
cpu() { "$tmp/pipeline" "${c[@]}" -lib "$1" | tail -1 | awk -F'|' '{print $6}'; }
echo "MB per CPU-second, alternating; $(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD)"
echo "| round | kabar | prose/v2 (model reused) | kabar / prose |"
echo "|---:|---:|---:|---:|"
for r in $(seq "$rounds"); do
  echo "$r $(cpu kabar) $(cpu prose)"
done | awk '
function median(a, k,   i, j, t) {
  for (i = 2; i <= k; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
  return (k % 2) ? a[(k+1)/2] : (a[k/2] + a[k/2+1]) / 2
}
{ printf "| %d | %.2f | %.4f | %.0f |\n", $1, $2, $3, $2 / $3; k[NR] = $2; p[NR] = $3; r[NR] = $2 / $3; if ($2 >= 4) k4++ }
END {
  mr = median(r, NR)
  printf "| median | %.2f | %.4f | %.0f |\n", median(k, NR), median(p, NR), mr
  printf "kabar passes at 4 or more: %d of %d; at prose'"'"'s anchor of 0.05 MB/s, kabar runs at %.2f MB/s (median ratio × 0.05)\n", k4, NR, mr * 0.05
}'
