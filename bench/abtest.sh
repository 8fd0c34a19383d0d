#!/usr/bin/env bash
# Compares kabar's one-core pipeline speed at an earlier git revision with
# the working tree's, in alternating runs of `cmd/pipeline -lib kabar` (one
# cold pass over the corpus in a fresh process), so that both builds see
# the same spells of a shared machine. Prints each pair and the medians,
# and the median of the per-pair ratios (new / old), MB per CPU-second.
# Run from bench/: ./abtest.sh REVISION [PAIRS]   (e.g. ./abtest.sh 9c6b29f 16)
# CORPUS=FILE picks another corpus (IndoSum's format or kabar input JSONL).
set -euo pipefail
cd "$(dirname "$0")"
rev=${1:?usage: ./abtest.sh REVISION [PAIRS]}
pairs=${2:-16}
. ./builds.sh "$rev"
cpu() { "$1" "${c[@]}" -lib kabar | tail -1 | awk -F'|' '{print $6}'; }
echo "MB per CPU-second, one cold pass per process, $rev (old) against the working tree (new)"
echo "| pair | old | new |"
echo "|---:|---:|---:|"
for p in $(seq "$pairs"); do
  echo "$p $(cpu "$tmp/pipeline-old") $(cpu "$tmp/pipeline-new")"
done | awk '
function median(a, k,   i, j, t) {
  for (i = 2; i <= k; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
  return (k % 2) ? a[(k+1)/2] : (a[k/2] + a[k/2+1]) / 2
}
{ printf "| %d | %.2f | %.2f |\n", $1, $2, $3; o[NR] = $2; n[NR] = $3; r[NR] = $3 / $2; if ($2 >= 4) o4++; if ($3 >= 4) n4++ }
END {
  printf "| median | %.2f | %.2f |\n", median(o, NR), median(n, NR)
  printf "runs at 4 or more: old %d, new %d of %d; median ratio new/old %.3f\n", o4, n4, NR, median(r, NR)
}'
