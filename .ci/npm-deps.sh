#!/usr/bin/env bash
# Installs the npm packages kabar's tests use, outside the repository:
# hyparquet (a pure-JavaScript Parquet reader) checks the Parquet files of
# `kabar batch --parquet` independently of parquet-go. The Go test looks in
# $KABAR_NPM_DIR, default ${XDG_CACHE_HOME:-$HOME/.cache}/kabar-npm, and
# skips with a message when it is missing. Idempotent.
set -euo pipefail
dir=${KABAR_NPM_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kabar-npm}
want=1.33.0
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "npm-deps: node/npm not found; the hyparquet check will be skipped"
  exit 0
fi
have=$(node -p "require('$dir/node_modules/hyparquet/package.json').version" 2>/dev/null || true)
if [ "$have" != "$want" ]; then
  echo "npm-deps: installing hyparquet@$want into $dir"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --silent "hyparquet@$want" >/dev/null
fi
