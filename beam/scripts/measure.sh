#!/usr/bin/env bash
# Times the Beam pipeline on Prism against kabar batch on the same input, on
# this machine, and checks that both write the same records.
#
#   beam/scripts/measure.sh [REPEAT]
#
# The input is the IndoSum development set (../shared/data/indosum, 1,699
# articles), turned into {"id","text",…} records by scripts/measure.go and
# written REPEAT times (default 1) with distinct ids. Each run is timed with
# /usr/bin/time -v: wall time, records/s and peak resident memory. kabar
# batch runs with its default workers (one per CPU); kabar-beam runs on
# Prism in one process with default options and also builds the IDF and
# entity tables. Until kabar batch exists, a sequential AnalyzeLine loop
# (scripts/measure.go sequential) stands in for it. Prism on one machine is
# for development and tests; the numbers say what it costs, not how a
# cluster runner scales.
set -euo pipefail
beam=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$beam/.." && pwd)
data=${INDOSUM:-$root/../shared/data/indosum/indosum-dev.jsonl}
if [ ! -f "$data" ]; then
  echo "measure: $data is absent (../shared); nothing measured"
  exit 0
fi
repeat=${1:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/kabar-beam-measure.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tmp"

cd "$beam"
go run ./scripts/measure.go corpus -repeat "$repeat" <"$data" >"$work/in.jsonl"
records=$(wc -l <"$work/in.jsonl")
mb=$(awk -v b="$(wc -c <"$work/in.jsonl")" 'BEGIN { printf "%.1f", b / 1e6 }')
go build -o "$work/kabar-beam" ./cmd/kabar-beam
go build -o "$work/measure" ./scripts/measure.go
(cd "$root" && go build -o "$work/kabar" ./examples/kabar)

# timed NAME CMD...: runs CMD under /usr/bin/time -v and prints a table row.
timed() {
  local name=$1; shift
  /usr/bin/time -v -o "$work/$name.time" "$@"
  awk -v name="$name" -v n="$records" '
    /Elapsed \(wall clock\)/ { t = $NF; k = split(t, p, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { rss = $NF / 1024 }
    /User time/ { u = $NF } /System time/ { sy = $NF }
    END { printf "| %s | %d | %.1f | %.0f | %.1f | %.0f |\n", name, n, s, n / s, u + sy, rss }' "$work/$name.time"
}

echo "input: $records records, $mb MB ($(nproc) CPUs; $(go version | cut -d' ' -f3))"
echo
echo "| run | records | wall s | records/s | CPU s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|"
if "$work/kabar" batch -h >/dev/null 2>&1; then
  timed "kabar batch" sh -c "'$work/kabar' batch -o '$work/batch.jsonl' '$work/in.jsonl' 2>'$work/batch.log' || [ \$? -eq 1 ]"
  base="kabar batch"
else
  timed "AnalyzeLine loop (sequential)" sh -c "'$work/measure' sequential <'$work/in.jsonl' >'$work/batch.jsonl'"
  base="the sequential AnalyzeLine loop"
fi
TMPDIR="$work/tmp" timed "kabar-beam (Prism)" sh -c "'$work/kabar-beam' --input '$work/in.jsonl' --output '$work/beam' --log_level warn 2>'$work/beam.log' || [ \$? -eq 1 ]"

sort "$work/batch.jsonl" >"$work/a"
cat "$work"/beam/records-*.jsonl | sort >"$work/b"
echo
if cmp -s "$work/a" "$work/b"; then
  echo "records: kabar-beam wrote the same $(wc -l <"$work/b") records as $base (compared sorted)"
else
  echo "records DIFFER between kabar-beam and $base:"
  diff <(cut -c1-200 "$work/a") <(cut -c1-200 "$work/b") | head -20
  exit 1
fi
echo "idf.txt: $(grep -m1 '^docs ' "$work/beam/idf.txt"), $(grep -c $'\t' "$work/beam/idf.txt") terms; entities.jsonl: $(wc -l <"$work/beam/entities.jsonl") entities"
if [ "$repeat" = 1 ]; then
  # summarize/idf.txt was learned from the same articles by package
  # summarize's generator (summarize.Prepare), which protects names by the
  # capitalisation rule of kabar's Analyzer; the Analyzer also protects the
  # words of entity mentions, so by default the tables differ in those only.
  # --no_name_protection stems every word and differs more.
  idfdiff() { diff <(grep -v '^#' "$1") <(grep -v '^#' "$root/summarize/idf.txt") | grep -c '^[<>]' || true; }
  echo "idf.txt vs summarize/idf.txt: $(idfdiff "$work/beam/idf.txt") differing lines with name protection (the default)"
  TMPDIR="$work/tmp" "$work/kabar-beam" --input "$work/in.jsonl" --output "$work/beam-nn" --no_name_protection --log_level warn 2>/dev/null || true
  echo "idf.txt vs summarize/idf.txt: $(idfdiff "$work/beam-nn/idf.txt") differing lines with --no_name_protection"
fi
