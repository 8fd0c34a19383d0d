#!/usr/bin/env bash
# Runs `kabar batch` over the articles in testdata/ and executes the notebook
# examples/notebook/news-archive.ipynb on its output with Debian's Python
# (pandas, matplotlib, ipykernel, nbconvert from .ci/packages), failing if
# any cell fails. Debian's /usr/bin/python3 and jupyter are used explicitly:
# the default python3 may be another installation without these packages.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go run ./examples/kabar batch -o "$work/kabar-out.jsonl" testdata/articles.jsonl testdata/000_891277e20803d97e.txt
n=$(wc -l < "$work/kabar-out.jsonl")
[ "$n" -eq 11 ] || { echo "60-notebook: want 11 output records, got $n"; exit 1; }
mkdir -p "$work/jupyter" "$work/mpl"
# Only Debian's kernel spec (/usr/share/jupyter), none from a user's dir.
env PATH="/usr/bin:$PATH" JUPYTER_DATA_DIR="$work/jupyter" MPLCONFIGDIR="$work/mpl" \
  PYDEVD_DISABLE_FILE_VALIDATION=1 KABAR_JSONL="$work/kabar-out.jsonl" \
  timeout 300 /usr/bin/jupyter-nbconvert --to notebook --execute \
  --ExecutePreprocessor.timeout=120 --ExecutePreprocessor.kernel_name=python3 \
  --output-dir "$work" --output executed.ipynb examples/notebook/news-archive.ipynb
/usr/bin/python3 - "$work/executed.ipynb" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
code = [c for c in nb["cells"] if c["cell_type"] == "code"]
errors = [o for c in code for o in c.get("outputs", []) if o.get("output_type") == "error"]
unrun = [c for c in code if c.get("execution_count") is None]
images = sum("image/png" in o.get("data", {}) for c in code for o in c.get("outputs", []))
print(f"60-notebook: {len(code)} code cells run, {len(errors)} errors, {images} plots")
sys.exit(1 if errors or unrun or images < 3 else 0)
PY
