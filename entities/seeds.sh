#!/usr/bin/env bash
# How much the shuffling seed moves the entity model's scores: trains the
# shipped configuration (the command in doc.go) once per seed given, scores
# each model as `kabar eval entities` does, and prints the overall F1 on
# every evaluation set, one row per seed, then the mean, min and max.
#
# Run from the repository root (needs ../shared/data/ner):
#   entities/seeds.sh 1 6 11 16 21 26 31 36 41 46      # the shipped -runs 5: seeds s..s+4 per row
#   FLAGS="-runs 1 -min-weight 0.05" entities/seeds.sh 1 2 3 4 5 6 7 8 9 10   # one perceptron per model
# FLAGS are added to the training command. Each model takes seconds per run.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: [FLAGS=...] entities/seeds.sh SEED..." >&2; exit 2; }
shared=../shared/data/ner
[ -d "$shared" ] || { echo "seeds.sh: $shared not found" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/kabar" ./examples/kabar
train="$shared/idner-news-2k.train.tsv,$shared/nerui.all.tsv@train,$shared/nergrit.train.tsv,$shared/nerugm.all.tsv@train"
{
  for seed in "$@"; do
    # shellcheck disable=SC2086 # FLAGS is a list of flags
    "$tmp/kabar" entities train -q -seed "$seed" ${FLAGS:-} -train "$train" -o "$tmp/m.kner"
    "$tmp/kabar" eval entities -model "$tmp/m.kner" >"$tmp/eval"
    printf '%s' "$seed"
    awk -F'|' '$2 ~ /kabar/ { gsub(/[* ]/, "", $10); printf " %s", $10 }' "$tmp/eval"
    printf ' %s\n' "$(head -c 200 "$tmp/m.kner" | grep -ao '[0-9]* features' | cut -d' ' -f1)"
  done
} >"$tmp/rows"
# the evaluation sets' names, from the last model's report
awk -F'|' '$2 ~ /kabar/ { gsub(/^ +| +$/, "", $3); printf "%s|", $3 }' "$tmp/eval" >"$tmp/names"
awk -v names="$(cat "$tmp/names")" '
BEGIN { n = split(names, h, "|") - 1; printf "| seed |"; for (i = 1; i <= n; i++) printf " %s |", h[i]; print " features |"
  printf "|---|"; for (i = 1; i <= n + 1; i++) printf "---:|"; print "" }
{ printf "| %s |", $1; for (i = 2; i <= NF; i++) { printf " %s |", $i; s[i] += $i; if (NR == 1 || $i < lo[i]) lo[i] = $i; if (NR == 1 || $i > hi[i]) hi[i] = $i }; print ""; cols = NF }
END {
  printf "| mean |"; for (i = 2; i <= cols; i++) printf(i < cols ? " %.2f |" : " %.0f |", s[i] / NR); print ""
  printf "| min–max |"; for (i = 2; i <= cols; i++) printf " %s–%s |", lo[i], hi[i]; print ""
}' "$tmp/rows"
