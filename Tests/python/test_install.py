"""`swiftml-kernel install` writes the kernelspec where `jupyter kernelspec install` would."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess

import pytest
from jupyter_client.kernelspec import KernelSpecManager

from swiftml_testing import ROOT, kernel_binary


def install(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(kernel_binary()), "install", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=30)


def check_spec(directory: pathlib.Path) -> None:
    spec = json.loads((directory / "kernel.json").read_text())
    template = json.loads((ROOT / "kernelspec" / "kernel.json").read_text())
    assert os.path.realpath(spec["argv"][0]) == os.path.realpath(kernel_binary()), "kernel.json must name the binary"
    assert os.path.isabs(spec["argv"][0])
    assert {**spec, "argv": spec["argv"][1:]} == {**template, "argv": template["argv"][1:]}, "install and kernelspec/kernel.json differ"
    for size in (32, 64):
        assert (directory / f"logo-{size}x{size}.png").read_bytes() == (ROOT / "kernelspec" / f"logo-{size}x{size}.png").read_bytes()


def test_prefix(tmp_path):
    result = install("--prefix", str(tmp_path))
    assert result.returncode == 0, result.stderr
    directory = tmp_path / "share" / "jupyter" / "kernels" / "swiftml"
    check_spec(directory)
    spec = KernelSpecManager(kernel_dirs=[str(directory.parent)]).get_kernel_spec("swiftml")
    assert spec.display_name == "SwiftML"
    assert spec.interrupt_mode == "message"
    assert "{connection_file}" in spec.argv


def test_user_uses_the_jupyter_data_dir(tmp_path):
    result = install("--user", env={"JUPYTER_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr
    check_spec(tmp_path / "data" / "kernels" / "swiftml")


def test_user_defaults_to_xdg_data_home(tmp_path):
    env = {"HOME": str(tmp_path), "JUPYTER_DATA_DIR": "", "XDG_DATA_HOME": ""}
    result = install("--user", env=env)
    assert result.returncode == 0, result.stderr
    check_spec(tmp_path / ".local" / "share" / "jupyter" / "kernels" / "swiftml")


def test_sys_prefix_uses_the_active_environment(tmp_path):
    result = install("--sys-prefix", env={"VIRTUAL_ENV": str(tmp_path / "venv")})
    assert result.returncode == 0, result.stderr
    check_spec(tmp_path / "venv" / "share" / "jupyter" / "kernels" / "swiftml")


def test_sys_prefix_without_an_environment_says_what_to_do(tmp_path):
    result = install("--sys-prefix", env={"VIRTUAL_ENV": "", "CONDA_PREFIX": "", "PATH": str(tmp_path)})
    assert result.returncode != 0
    assert "--prefix" in result.stderr


def test_options_exclude_each_other(tmp_path):
    result = install("--user", "--prefix", str(tmp_path))
    assert result.returncode != 0
    assert "at most one" in result.stderr


def test_unwritable_directory_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = install("--prefix", str(blocker))
    assert result.returncode == 1
    assert "cannot create" in result.stderr
