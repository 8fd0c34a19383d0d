# Sourced from bench/ by abtest.sh and instructions.sh: builds cmd/pipeline
# at the git revision $1 into $tmp/pipeline-old and from the working tree
# into $tmp/pipeline-new ($tmp is a fresh directory, removed on exit with
# the revision's worktree), and sets c to the -corpus flag when CORPUS is
# set.
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/old" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach -q "$tmp/old" "$1"
(cd "$tmp/old/bench" && go build -o "$tmp/pipeline-old" ./cmd/pipeline)
go build -o "$tmp/pipeline-new" ./cmd/pipeline
c=()
if [ -n "${CORPUS:-}" ]; then c=(-corpus "${CORPUS}"); fi
