#!/usr/bin/env bash
# Where `kabar batch --workers 2` spends its CPU time: the share of CPU
# samples in the kernel, and the kernel functions that take the most,
# from `perf record -e cpu-clock` (a software clock: it needs no hardware
# counters, so it works in a VM). In a process that runs on two CPUs, a
# write to a page that a read mapped to the shared zero page makes the
# kernel flush the other CPU's TLB with an interrupt (do_wp_page →
# flush_tlb_mm_range → smp_call_function_many_cond → native_write_msr);
# in a VM each such interrupt is costly. This measures that cost.
# With a REVISION, the same is measured for that git revision too, the two
# builds alternating, ROUNDS times each.
# Run from bench/: ./kernelshare.sh [REVISION] [ROUNDS] [N_DOCS]
# Needs perf (Debian: apt-get install linux-perf) and
# /proc/sys/kernel/perf_event_paranoid ≤ 2 (the default) or root.
set -euo pipefail
cd "$(dirname "$0")"
rev=${1:-}
rounds=${2:-3}
n=${3:-10000}
command -v perf >/dev/null || { echo "kernelshare.sh: needs perf (apt-get install linux-perf)" >&2; exit 1; }
tmp=$(mktemp -d)
trap '[ -n "$rev" ] && git worktree remove --force "$tmp/old" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
(cd .. && go build -o "$tmp/kabar-new" ./examples/kabar)
builds=(new)
if [ -n "$rev" ]; then
  git worktree add --detach -q "$tmp/old" "$rev"
  (cd "$tmp/old" && go build -o "$tmp/kabar-old" ./examples/kabar)
  builds=(old new)
fi
go build -o "$tmp/pipeline" ./cmd/pipeline
c=(); [ -n "${CORPUS:-}" ] && c=(-corpus "$CORPUS")
"$tmp/pipeline" "${c[@]}" -export "$tmp/gen.jsonl" -generate "$n"
echo "kabar batch --workers 2, $n generated documents; % of CPU samples"
echo "| build | round | kernel | TLB-flush interrupts (smp_call_function_many_cond + native_write_msr) | page faults (exc_page_fault) |"
echo "|---|---:|---:|---:|---:|"
for r in $(seq "$rounds"); do
  for b in "${builds[@]}"; do
    perf record -q -e cpu-clock -F 999 -o "$tmp/perf.data" "$tmp/kabar-$b" batch --workers 2 -o /dev/null "$tmp/gen.jsonl" >/dev/null 2>&1
    perf report -q -i "$tmp/perf.data" --no-children --sort dso,symbol --stdio 2>/dev/null | awk -v b="$b" -v r="$r" '
      $2 == "[kernel.kallsyms]" { k += $1 }
      /smp_call_function_many_cond|native_write_msr/ { f += $1 }
      /exc_page_fault/ { p += $1 }
      END { printf "| %s | %d | %.2f | %.2f | %.2f |\n", b, r, k, f, p }'
  done
done
