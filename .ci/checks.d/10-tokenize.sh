#!/usr/bin/env bash
# Tokenizer and sentence splitter accuracy on UD Indonesian (issue 2):
# tokens F1 >= 99.7 and sentences F1 >= 97 on each treebank, news layout;
# GSD, whose gold makes those unreachable for a rule-following splitter, must
# hold its regression floors (internal/eval/tokeneval.Floors).
# Skips when ../shared is absent. Takes a few seconds.
set -euo pipefail
ud=../shared/data/ud
if [ ! -d "$ud" ]; then
  echo "skip: $ud not found (../shared is beside the repository)"
  exit 0
fi
go run ./examples/kabar eval tokenize --ud "$ud" --assert
