#!/usr/bin/env bash
# Stem (issue 3): the generated data must be reproducible, and with
# ../shared present the eval must meet the targets.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "stem: regenerating stem/roots.txt, stem/stopwords.txt and stem/memo.txt"
(cd stem && go generate .)
if ! git diff --exit-code -- stem/roots.txt stem/stopwords.txt stem/memo.txt; then
  echo "stem: generated data differ from the committed files (run go generate ./stem)"
  exit 1
fi
if [ ! -d ../shared/data/sastrawi ]; then
  echo "stem: ../shared absent, skipping the eval"
  exit 0
fi
go run ./examples/kabar eval stem --assert
