#!/usr/bin/env bash
# Issue 7: the nested module beam/ (Apache Beam pipeline). Vets it and runs
# its tests, which run the pipelines on Beam's Prism runner in-process over
# loopback (no network, no Docker).
#
# - TMPDIR points at a scratch folder, removed at the end: every Prism run
#   leaves a beamloopbackworker-* file in the temp directory (the tests also
#   give Beam a directory of their own and remove it).
# - Beam and Prism log at warn level (the default of the tests' -log_level
#   flag; the pipelines that are meant to fail log their errors).
# - No -race for the packages that link Beam: a cold race build of Beam's
#   ~90 modules took about 14 minutes on 2 cores, beyond the CI budget. The
#   Beam-free package internal/recio is race-tested and fuzzed here (each
#   target BEAM_FUZZTIME, 5s by default, to stay within the time budget);
#   the shared Analyzer's concurrency is
#   race-tested in the root module, and the pipeline's own race test can be
#   run by hand: (cd beam && go test -race -run TestAnalyzerShared ./pipeline)
# - A cold build of Beam takes about 3 minutes and 1.4 GB; warm, seconds.
#   The whole check from a cold build cache took 10m45s on this 2-CPU machine
#   while other jobs kept it at a load of 8-11 (vet 4m43s, staticcheck 1m23s,
#   tests 1m28s, race and fuzz 3m10s, most of that building the race and
#   fuzz variants of the standard library, which .ci/run's earlier steps
#   leave in the cache), peak RSS 3.1 GB.
# - staticcheck runs on the nested module too (the root's step covers the
#   root module only).
set -euo pipefail
cd "$(dirname "$0")/../../beam"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/kabar-beam-ci.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export TMPDIR=$scratch
start=$SECONDS
# beam/go.mod lists the root module's requirements too: after the root adds
# or updates a dependency, run go mod tidy in beam/.
go mod tidy -diff >"$scratch/tidy.diff" || { echo "beam/go.mod is not tidy (run: cd beam && go mod tidy):"; cat "$scratch/tidy.diff"; exit 1; }
go vet ./...
echo "beam: go vet ok ($((SECONDS - start))s)"
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
echo "beam: staticcheck ok ($((SECONDS - start))s)"
go test -timeout 10m -count=1 ./...
echo "beam: tests ok ($((SECONDS - start))s)"
go test -race -count=1 ./internal/...
for target in $(go test -list '^Fuzz' ./internal/recio | grep '^Fuzz'); do
  # As in .ci/run: an engine time-out without a failing input is retried
  # once; a failing input always fails.
  for attempt in 1 2; do
    if go test -run '^$' -fuzz "^${target}\$" -fuzztime "${BEAM_FUZZTIME:-5s}" ./internal/recio >"$scratch/fuzz.log" 2>&1; then
      break
    fi
    if [ "$attempt" = 1 ] && ! grep -q 'Failing input written' "$scratch/fuzz.log" && grep -q 'context deadline exceeded' "$scratch/fuzz.log"; then
      echo "beam: fuzz $target: the fuzzing engine timed out without a failing input; retrying once"
      continue
    fi
    cat "$scratch/fuzz.log"; exit 1
  done
done
echo "beam: race and fuzz of internal/recio ok ($((SECONDS - start))s)"
