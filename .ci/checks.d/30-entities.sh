#!/usr/bin/env bash
# Entities (issue 5): accuracy target on idner-news-2k.dev, the 10 MB
# bounded-time test (too slow under -race), and the reproducibility of the
# embedded model. Skips when ../shared is absent.
set -euo pipefail
shared=../shared/data/ner
if [ ! -d "$shared" ]; then
  echo "30-entities: ../shared/data/ner absent, skipping"
  exit 0
fi
go build -o /tmp/kabar-entities-ci ./examples/kabar
/tmp/kabar-entities-ci eval entities -min-f1 88
go test -count=1 -run 'TestHugeDocument' ./entities
tmp=$(mktemp -d)
/tmp/kabar-entities-ci entities train -q \
  -train "$shared/idner-news-2k.train.tsv,$shared/nerui.all.tsv@train,$shared/nergrit.train.tsv,$shared/nerugm.all.tsv@train" \
  -dev "$shared/idner-news-2k.dev.tsv" -o "$tmp/id-news.kner"
if ! cmp "$tmp/id-news.kner" entities/model/id-news.kner; then
  echo "30-entities: retraining did not reproduce entities/model/id-news.kner" >&2
  exit 1
fi
echo "30-entities: model reproduced byte for byte"
bash -n entities/seeds.sh
# The generated data: the organisation names of post-processing from the
# training corpora; the model's inputs: word classes from IndoSum and the
# corpora's text, the place gazetteer from Debian's iso-codes.
go run ./entities/internal/gen/orgnames -ner "$shared" -o "$tmp/orgnames.txt"
cmp "$tmp/orgnames.txt" entities/data/orgnames.txt || { echo "30-entities: entities/data/orgnames.txt is stale" >&2; exit 1; }
go run ./entities/internal/gen/wordclasses -shared ../shared -o "$tmp/wordclasses.tsv"
cmp "$tmp/wordclasses.tsv" entities/data/wordclasses.tsv || { echo "30-entities: entities/data/wordclasses.tsv is stale" >&2; exit 1; }
if [ -d /usr/share/iso-codes/json ]; then
  go run ./entities/internal/gen/gazetteer -o "$tmp/gazetteer.tsv"
  cmp "$tmp/gazetteer.tsv" entities/data/gazetteer.tsv || { echo "30-entities: entities/data/gazetteer.tsv is stale" >&2; exit 1; }
else
  echo "30-entities: iso-codes not installed, gazetteer not regenerated"
fi
echo "30-entities: generated data reproduced"
rm -rf "$tmp"
