#!/usr/bin/env bash
# Issue 6: the benchmark module bench/ (kabar vs prose/v2) must keep
# building, vetting and passing its tests (which run both pipelines on a
# few documents and check that they saw the same text), so that the README's
# speed commands stay runnable. gofmt and staticcheck cover it too: the
# root's steps see the root module only. Its go.mod must be tidy. The
# benchmarks themselves are not run here (they measure, they do not check).
set -euo pipefail
cd "$(dirname "$0")/../../bench"
echo "bench: gofmt, go mod tidy -diff, vet, staticcheck, tests"
out=$(gofmt -l .)
if [ -n "$out" ]; then
  echo "bench: not gofmt-formatted:"; echo "$out"; exit 1
fi
go mod tidy -diff
go vet ./...
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
go test -count=1 ./...
bash -n scale.sh
bash -n scaling.sh
bash -n abtest.sh
bash -n kernelshare.sh
bash -n instructions.sh
bash -n builds.sh
