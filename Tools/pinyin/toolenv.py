"""A private virtual environment for the comparison tools (pypinyin), kept in
.build-pinyin/venv so nothing is installed system-wide."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

from pinyin_data import ROOT

VENV = ROOT / ".build-pinyin" / "venv"
PYPINYIN = "pypinyin==0.55.0"


def ensure_pypinyin() -> Path:
    """Creates the venv and installs pypinyin into it if needed; returns its python."""
    python = VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {VENV} …", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    check = subprocess.run([str(python), "-c", "import pypinyin"], capture_output=True)
    if check.returncode != 0:
        print(f"installing {PYPINYIN} into {VENV} …", file=sys.stderr)
        subprocess.run([str(python), "-m", "pip", "install", "-q", PYPINYIN], check=True)
    return python


def quhua_binary(configuration: str) -> Path:
    """Builds `quhua` in the given configuration (debug or release) and returns its path."""
    override = os.environ.get("QUHUA_BIN")
    if override:
        return Path(override)
    subprocess.run(["swift", "build", "-c", configuration, "--product", "quhua"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    out = subprocess.run(["swift", "build", "-c", configuration, "--show-bin-path"], cwd=ROOT, check=True,
                         capture_output=True, text=True)
    return Path(out.stdout.strip()) / "quhua"
