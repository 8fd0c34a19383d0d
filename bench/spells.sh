#!/usr/bin/env bash
# Tells the machine's speed from the code's: alternates, ROUNDS times, the
# tokenizer alone (`BenchmarkTokens/article` of package tokenize, whose
# tables and text stay in the core's own caches) and kabar's one-core
# pipeline (`cmd/pipeline -lib kabar`, one cold pass, whose model and word
# tables do not), both per CPU-second, and prints each round with the ratio
# pipeline / tokenizer. If the shared machine's slow spells were other
# tenants crowding the shared cache or memory, the pipeline would slow down
# more than the tokenizer and the ratio would fall in them; if they are the
# core itself running slower, both slow down alike: the ratio stays put
# and the two throughputs correlate over the rounds. A spell can begin or
# end within a round, so run many rounds.
# Run from bench/: ./spells.sh [ROUNDS]   (default 8, about 10 s a round;
# CORPUS=FILE as for ./abtest.sh)
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-8}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/pipeline" ./cmd/pipeline
(cd ../tokenize && go test -c -o "$tmp/tokenize.test" .)
c=()
if [ -n "${CORPUS:-}" ]; then c=(-corpus "${CORPUS}"); fi
tok() {
  (cd ../tokenize && "$tmp/tokenize.test" -test.run '^$' -test.bench 'BenchmarkTokens/article$' \
    -test.cpu 1 -test.benchtime 2s) | awk '/cpu-MB\/s/ { for (i = 1; i < NF; i++) if ($(i+1) == "cpu-MB/s") print $i }'
}
pipe() { "$tmp/pipeline" "${c[@]}" -lib kabar | tail -1 | awk -F'|' '{print $6}'; }
echo "CPU-seconds throughput, MB/s, alternating; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "| round | tokenizer | pipeline | pipeline / tokenizer (×1000) |"
echo "|---:|---:|---:|---:|"
for r in $(seq "$rounds"); do
  echo "$r $(tok) $(pipe)"
done | awk '
{ printf "| %d | %.1f | %.2f | %.2f |\n", $1, $2, $3, 1000 * $3 / $2
  t[NR] = $2; p[NR] = $3; q[NR] = $3 / $2 }
function spread(a, n,   i, lo, hi) { lo = a[1]; hi = a[1]; for (i = 2; i <= n; i++) { if (a[i] < lo) lo = a[i]; if (a[i] > hi) hi = a[i] }; return (hi - lo) / lo * 100 }
END {
  printf "max/min − 1: tokenizer %.0f %%, pipeline %.0f %%, ratio %.0f %%\n", spread(t, NR), spread(p, NR), spread(q, NR)
  for (i = 1; i <= NR; i++) { mt += t[i] / NR; mp += p[i] / NR }
  for (i = 1; i <= NR; i++) { stp += (t[i] - mt) * (p[i] - mp); stt += (t[i] - mt)^2; spp += (p[i] - mp)^2 }
  if (stt > 0 && spp > 0) printf "correlation of tokenizer and pipeline over the rounds: %.2f\n", stp / sqrt(stt * spp)
}'
