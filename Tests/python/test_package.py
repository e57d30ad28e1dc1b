"""`scripts/package`: the relocatable kernel tarball, installed into a fresh virtual environment
the way a JupyterHub image or a grading worker installs it, then used to run a course notebook.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import tarfile

import nbformat
import pytest

from notebook_checks import NOTEBOOKS, ROOT, all_stdout, errors, images

PACKAGE = ROOT / "scripts" / "package"


@pytest.fixture(scope="module")
def tarball(tmp_path_factory) -> pathlib.Path:
    output = tmp_path_factory.mktemp("dist")
    result = subprocess.run([str(PACKAGE), "--output", str(output)], capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    path = pathlib.Path(result.stdout.strip().splitlines()[-1])
    assert path.parent == output and path.name.startswith("swiftml-kernel-") and path.suffixes[-2:] == [".tar", ".gz"]
    return path


def test_tarball_holds_the_binary_kernelspec_and_logos(tarball):
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
    top = tarball.name.removesuffix(".tar.gz")
    assert {f"{top}/bin/swiftml-kernel", f"{top}/README", f"{top}/share/jupyter/kernels/swiftml/kernel.json",
            f"{top}/share/jupyter/kernels/swiftml/logo-32x32.png",
            f"{top}/share/jupyter/kernels/swiftml/logo-64x64.png"} <= names


def test_binary_needs_no_swift_runtime(tarball, tmp_path):
    with tarfile.open(tarball) as archive:
        archive.extractall(tmp_path, filter="data")
    binary = next(tmp_path.glob("*/bin/swiftml-kernel"))
    libraries = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
    assert "libswift" not in libraries and "libFoundation" not in libraries and "/opt/swift" not in libraries, libraries
    assert "not found" not in libraries, libraries
    # The C libraries it does need are the ones the README names.
    for needed in ("libzmq.so.5", "libcrypto.so.3", "libopenblas.so.0", "libz.so.1"):
        assert needed in libraries, f"{needed} missing from:\n{libraries}"
    # It runs with an empty environment: no Swift on PATH or LD_LIBRARY_PATH.
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True, env={}, timeout=30)
    assert version.returncode == 0 and version.stdout.strip()


def test_installed_into_a_fresh_venv_it_runs_a_course_notebook(tarball, tmp_path):
    venv = tmp_path / "venv"
    # Without its own pip (ensurepip is slow): the test run's pip installs into it.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300)
    pip = subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q", "nbclient"],
                         capture_output=True, text=True, timeout=900)
    assert pip.returncode == 0, pip.stderr
    with tarfile.open(tarball) as archive:
        archive.extractall(tmp_path / "opt", filter="data")
    binary = next((tmp_path / "opt").glob("*/bin/swiftml-kernel"))

    # Only the fresh environment: none of the test run's Jupyter paths or kernelspecs.
    environment = {key: value for key, value in os.environ.items() if not key.startswith("JUPYTER")}
    environment.update(VIRTUAL_ENV=str(venv), PATH=f"{venv / 'bin'}:/usr/bin:/bin")
    installed = subprocess.run([str(binary), "install", "--sys-prefix"], capture_output=True, text=True,
                               env=environment, timeout=30)
    assert installed.returncode == 0, installed.stderr
    spec = json.loads((venv / "share" / "jupyter" / "kernels" / "swiftml" / "kernel.json").read_text())
    assert spec["argv"][0] == str(binary)

    executed = tmp_path / "executed.ipynb"
    script = (
        "import sys, nbformat, nbclient\n"
        "nb = nbformat.read(sys.argv[1], as_version=4)\n"
        "nbclient.NotebookClient(nb, kernel_name='swiftml', timeout=600,\n"
        "                        resources={'metadata': {'path': sys.argv[3]}}).execute()\n"
        "nbformat.write(nb, sys.argv[2])\n"
    )
    notebook = NOTEBOOKS / "MaximumLikelihood.ipynb"
    run = subprocess.run([str(venv / "bin" / "python"), "-c", script, str(notebook), str(executed), str(NOTEBOOKS)],
                         capture_output=True, text=True, env=environment, timeout=900)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    result = nbformat.read(executed, as_version=4)
    assert not errors(result)
    assert images(result), "the notebook's plots are missing"
    assert "sigma" in all_stdout(result)
