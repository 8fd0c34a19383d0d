#!/usr/bin/env bash
# Counts the CPU work of kabar's one-core pipeline at an earlier git
# revision and in the working tree: the instructions executed and the cache
# misses of a simulated 48 KiB L1d and 2 MiB L2 (this machine's sizes) while
# the pipeline's timed work (AnalyzeRecord and the JSON encoding of each
# record: pipeline.analyzeAll, before 2026-11-26 12:00 UTC the closure
# kabarRun.func1) runs over the first DOCS documents of the corpus, under
# valgrind's callgrind. The garbage collector is off (GOGC=off) and async
# preemption too, so the counts repeat to within 0.2 % from run to run (L2
# misses once differed by 0.6 % between two runs of the same build):
# a measure that, unlike time, does not move with a shared machine's spells,
# for changes too small to see with ./abtest.sh. It leaves out the
# collector's work, and a cache miss is not a fixed cost, so confirm a gain
# in time before claiming one.
# Run from bench/: ./instructions.sh REVISION [DOCS]   (needs valgrind:
# apt-get install valgrind; CORPUS=FILE as for ./abtest.sh; OUT=DIR keeps
# the two callgrind files there, for callgrind_annotate --inclusive=no
# --sort=DLmr DIR/FILE: where the misses are, function by function)
set -euo pipefail
cd "$(dirname "$0")"
rev=${1:?usage: ./instructions.sh REVISION [DOCS]}
docs=${2:-450}
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind not found (apt-get install valgrind)" >&2; exit 1; }
. ./builds.sh "$rev"
"$tmp/pipeline-new" "${c[@]}" -export "$tmp/all.jsonl" >/dev/null
head -n "$docs" "$tmp/all.jsonl" >"$tmp/corpus.jsonl"
count() {
  GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --cache-sim=yes \
    --D1=49152,12,64 --LL=2097152,16,64 \
    --toggle-collect='github.com/kabar-id/kabar/bench/pipeline.analyzeAll' \
    --toggle-collect='github.com/kabar-id/kabar/bench/pipeline.kabarRun.func1' \
    --callgrind-out-file="$tmp/$2.out" "$1" -corpus "$tmp/corpus.jsonl" -lib kabar >/dev/null 2>&1
  # summary: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw
  awk -v name="$2" '/^summary:/ { printf "%s %.0f %.0f %.0f\n", name, $2, $6 + $7, $9 + $10 }' "$tmp/$2.out"
}
# A build that has neither function counts nothing: say so rather than
# print a ratio.
check() { awk -v f="$1" '$2 == 0 { print "instructions.sh: nothing counted in " f "; is pipeline.analyzeAll there?" > "/dev/stderr"; exit 1 }' "$tmp/counts"; }
{ count "$tmp/pipeline-old" "$rev"; count "$tmp/pipeline-new" "working-tree"; } >"$tmp/counts"
check "$rev or the working tree"
if [ -n "${OUT:-}" ]; then mkdir -p "$OUT" && cp "$tmp/$rev.out" "$tmp/working-tree.out" "$OUT/"; fi
awk -v mb="$(wc -c <"$tmp/corpus.jsonl")" '
{ name[NR] = $1; ir[NR] = $2; l1[NR] = $3; l2[NR] = $4 }
END {
  printf "AnalyzeRecord and JSON encoding over %.2f MB of input JSONL, GOGC=off, simulated caches\n", mb / 1e6
  print "| build | instructions | L1d misses | L2 misses |"
  print "|---|---:|---:|---:|"
  for (i = 1; i <= NR; i++) printf "| %s | %.0f | %.0f | %.0f |\n", name[i], ir[i], l1[i], l2[i]
  printf "| new / old | %.4f | %.4f | %.4f |\n", ir[2] / ir[1], l1[2] / l1[1], l2[2] / l2[1]
}' "$tmp/counts"
