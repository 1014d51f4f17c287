"""The editor's loop: under `mkdocs serve` as `make serve` starts it, the time from saving a change to
one data text to the rebuilt page being served.

A change is the Dutch title of the first target in data/targets.yml with a new word appended; the
page is that target's theme page, asked for until it holds the word. `mkdocs serve` holds requests
while it rebuilds, so the page arrives when the whole build (both languages) is done, as the
browser's reload does.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from bench.copies import ENV

# As the Makefile's `serve` recipe runs it.
SERVE_ARGS = ["--watch", "data", "--watch", "macros", "--watch", "overrides", "--watch", "schemas", "--watch", "hooks"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, timeout: float = 120) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


class Server:
    """`mkdocs serve` of a project copy on a free port, with the first build done."""

    def __init__(self, project: Path, log: Path, start_timeout: float = 600):
        self.project = project
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self._log = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}", *SERVE_ARGS],
            cwd=project, env={**ENV, "SHOW_DATA_ERRORS_IN_PAGES": "1"}, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                _get(self.url, timeout=5)
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError(f"mkdocs serve did not start; see {log}")
                time.sleep(0.2)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self._log.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class TitleEdit:
    """Edits of the first target's Dutch title in a copy's data/targets.yml, and the page that shows it."""

    def __init__(self, project: Path):
        self.path = project / "data" / "targets.yml"
        self.original = self.path.read_text(encoding="utf-8")
        target = yaml.load(self.original, Loader=yaml.BaseLoader)["targets"][0]
        themes = yaml.load((project / "data" / "themes.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["themes"]
        page = next(theme["page"] for theme in themes if theme["id"] == target["theme"])
        self.page = page.removesuffix(".md") + "/"
        self.title = target["title"]["nl"]
        start = re.search(rf'^\s*- id: "?{re.escape(target["id"])}"?\s*$', self.original, flags=re.MULTILINE)
        quoted = f'"{self.title}"'
        self.at = self.original.index(quoted, start.end())
        self.quoted = quoted

    def write(self, word: str) -> None:
        changed = self.original[:self.at] + f'"{self.title} {word}"' + self.original[self.at + len(self.quoted):]
        self.path.write_text(changed, encoding="utf-8")

    def restore(self) -> None:
        self.path.write_text(self.original, encoding="utf-8")


def edit_and_wait(server: Server, edit: TitleEdit, word: str, timeout: float = 300) -> tuple[float, float]:
    """Seconds from saving the edit to the page served with it, and the CPU seconds the server spent."""
    url = server.url + edit.page
    cpu = cpu_seconds(server.process.pid)
    edit.write(word)
    saved = time.perf_counter()
    deadline = saved + timeout
    while word not in _get(url):
        if time.perf_counter() > deadline:
            raise RuntimeError(f"{url} did not show the edit within {timeout} s")
        time.sleep(0.02)
    return time.perf_counter() - saved, cpu_seconds(server.process.pid) - cpu


def settle(server: Server, edit: TitleEdit, word: str) -> None:
    """Wait until the served page holds `word` (after a restore or a first edit)."""
    url = server.url + edit.page
    for _ in range(3000):
        if word in _get(url):
            return
        time.sleep(0.05)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux; 0 elsewhere)."""
    stat = Path(f"/proc/{pid}/stat")
    if not stat.is_file():
        return 0.0
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
