"""Under `mkdocs serve`, hooks/quick_reload.py swaps MkDocs's server for one that looks at the watched
files ten times a second, and that still watches and serves what MkDocs's did. (That a saved data file
is rebuilt and reloaded under serve is tests/test_dev_server.py's; how much sooner is `make bench`'s.)"""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.livereload import LiveReloadServer

from hooks.quick_reload import POLLING_INTERVAL, on_serve

ROOT = Path(__file__).resolve().parent.parent


def _builder() -> None:
    pass


@pytest.fixture
def served(tmp_path):
    """MkDocs's server as `mkdocs serve` hands it to `on_serve` (nothing bound, nothing started), the
    config it watches, and what the hook returns."""
    docs, config_file = tmp_path / "docs", tmp_path / "mkdocs.yml"
    docs.mkdir()
    config_file.write_text("site_name: x\n", encoding="utf-8")
    config = SimpleNamespace(docs_dir=str(docs), config_file_path=str(config_file))
    mkdocs_server = LiveReloadServer(builder=_builder, host="127.0.0.1", port=8000, root=str(tmp_path / "site"),
                                     mount_path="/edition/")
    mkdocs_server.error_handler = lambda code: b"not found"
    mkdocs_server.watch(config.docs_dir)  # as mkdocs/commands/serve.py does before the event
    mkdocs_server.watch(config.config_file_path)
    return mkdocs_server, config, on_serve(mkdocs_server, config, _builder)


def _watched(server: LiveReloadServer) -> set[tuple[str, bool]]:
    """(folder, recursive) of each watch: watchdog watches a file through its folder, not recursively."""
    return {(emitter.watch.path, emitter.watch.is_recursive) for emitter in server.observer.emitters}


def test_the_served_site_is_looked_at_ten_times_a_second(served):
    mkdocs_server, _, quicker = served
    assert quicker.observer.timeout == POLLING_INTERVAL == 0.1
    assert mkdocs_server.observer.timeout == 0.5  # negative control: MkDocs's own server, as it comes


def test_the_docs_folder_and_the_config_file_are_still_watched(served):
    mkdocs_server, config, quicker = served
    assert _watched(quicker) == _watched(mkdocs_server)
    assert _watched(quicker) == {(config.docs_dir, True), (str(Path(config.config_file_path).parent), False)}


def test_the_same_site_is_served_at_the_same_address_with_the_same_error_pages(served):
    mkdocs_server, _, quicker = served
    assert quicker is not mkdocs_server
    assert (quicker.server_address, quicker.root, quicker.mount_path, quicker.builder) == \
           (mkdocs_server.server_address, mkdocs_server.root, mkdocs_server.mount_path, mkdocs_server.builder)
    assert quicker.error_handler(404) == b"not found"


def test_the_hook_is_one_the_site_runs():
    hooks = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["hooks"]
    assert "hooks/quick_reload.py" in hooks
