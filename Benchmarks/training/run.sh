#!/usr/bin/env bash
# Sets up what the training benchmark needs and runs it (see run.py):
# - the peers' virtual environment Benchmarks/.venv-peers (PyPI: tensorflow-cpu, keras, jax[cpu]);
# - Fashion-MNIST in Keras's cache (~/.keras/datasets/fashion-mnist), copied from Debian's
#   dataset-fashion-mnist, since Keras cannot download it here;
# - a release build of the kernel.
set -euo pipefail
cd "$(dirname "$0")/../.."
PEERS=Benchmarks/.venv-peers
if [ ! -x "$PEERS/bin/python" ] || ! "$PEERS/bin/python" -c 'import tensorflow, keras, jax' 2>/dev/null; then
  python3 -m venv "$PEERS"
  "$PEERS/bin/pip" install -q tensorflow-cpu keras 'jax[cpu]' numpy
fi
mkdir -p ~/.keras/datasets/fashion-mnist
for f in /usr/share/datasets/fashion-mnist/*.gz; do
  [ -f ~/.keras/datasets/fashion-mnist/"$(basename "$f")" ] || cp "$f" ~/.keras/datasets/fashion-mnist/
done
swift build -c release --product swiftml-kernel 2>&1 | tail -n 1
PYTHON=${SWIFTML_VENV:-$PWD/.venv}/bin/python
[ -x "$PYTHON" ] || { echo "no Python environment at $PYTHON: run scripts/setup first (or set SWIFTML_VENV)"; exit 1; }
exec "$PYTHON" Benchmarks/training/run.py "$@"
