#!/usr/bin/env bash
# Build the Python package into a fresh virtual environment and run its pytest suite against
# the CLI. Used by .ci/run; runs the same by hand: crates/newsclean-py/tests/run.sh
# Needs python3 (>= 3.9, with venv) and the Rust toolchain; installs the rest from PyPI.
set -euo pipefail
cd "$(dirname "$0")/../../.."
start=$SECONDS
venv=target/py-ci-venv
rm -rf "$venv"
python3 -m venv "$venv" || { echo "python3 -m venv failed (Debian: apt-get install python3-venv)"; exit 1; }
py="$PWD/$venv/bin/python"
echo "-- pip install -r crates/newsclean-py/tests/requirements.txt"
"$py" -m pip install --quiet --disable-pip-version-check -r crates/newsclean-py/tests/requirements.txt
echo "-- pip install ./crates/newsclean-py (maturin, release build)"
"$py" -m pip install --quiet --disable-pip-version-check ./crates/newsclean-py
echo "-- cargo build -p newsclean-cli (the tests compare with the CLI)"
cargo build --quiet -p newsclean-cli
export NEWSCLEAN_BIN="$PWD/target/debug/newsclean"
echo "-- pytest (installed in $((SECONDS - start)) s)"
# Run from outside the source tree so `import newsclean` is the installed package.
set +e
(cd "$venv" && "$py" -m pytest -q -p no:cacheprovider "$OLDPWD/crates/newsclean-py/tests")
rc=$?
set -e
case $rc in
    0) echo "python: pytest passed in $((SECONDS - start)) s (fresh venv, build and tests)";;
    5) echo "python: pytest collected no tests: the suite is missing (crates/newsclean-py/tests)"; exit 1;;
    *) echo "python: pytest failed (exit $rc)"; exit "$rc";;
esac
