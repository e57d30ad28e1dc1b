"""pytest set-up shared by every test that drives the SwiftML kernel through real Jupyter
clients. See README.md in this directory.

The session-wide `swiftml_kernelspec` fixture installs the kernelspec of the built binary
(`$SWIFTML_KERNEL`, else `.build/release/swiftml-kernel`) into a temporary directory and puts
it first on JUPYTER_PATH, so that `kernel_name="swiftml"` means *this* build in every client
started by the tests (jupyter_client, nbclient, nbconvert, jupyter console), whatever is
installed elsewhere.
"""

from __future__ import annotations

import os
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import swiftml_testing  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def swiftml_kernelspec(tmp_path_factory: pytest.TempPathFactory) -> swiftml_testing.InstalledKernelspec:
    binary = swiftml_testing.kernel_binary()
    if not binary.is_file():
        pytest.exit(
            f"no kernel binary at {binary}: build it with `swift build -c release --product swiftml-kernel` "
            "or point SWIFTML_KERNEL at one",
            returncode=2,
        )
    prefix = tmp_path_factory.mktemp("jupyter-prefix")
    installed = swiftml_testing.install_kernelspec(binary, prefix)
    previous = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(installed.data_dir), previous]))
    yield installed
    if previous is None:
        os.environ.pop("JUPYTER_PATH", None)
    else:
        os.environ["JUPYTER_PATH"] = previous


@pytest.fixture
def kernel(swiftml_kernelspec):
    """A running SwiftML kernel and a started client: `(manager, client)`. Shut down after the test."""
    with swiftml_testing.start_kernel() as pair:
        yield pair
