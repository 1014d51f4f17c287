"""MkDocs hook: under `make serve`, a saved file is seen within a tenth of a second, not half a second.

`mkdocs serve` finds changed files by looking at them every 0.5 s (watchdog's polling observer, which
also works on network drives, WSL and Docker volumes, where change notifications do not arrive) and
has no option to look more often. A save therefore waited up to half a second before the rebuild began,
and the editor's loop moved in steps of half a second: at 1× a rebuild of 1.1 s was served after 1.5 s,
over the loop's budget (bench/RESULTS.md, "Optimisations", has the figures).

MkDocs hands its server to the `on_serve` event "to be modified" and serves what the event returns. This
hook returns the same kind of server made with a polling interval of 0.1 s, with the same error pages,
watching what `mkdocs serve` watched before the event: the docs folder and the config file. The folders
given with `--watch` are added by MkDocs after the event, to the returned server. Not carried over: the
installed theme, which `mkdocs serve --watch-theme` also watches and `make serve` does not ask for (our
overrides/ are watched with `--watch`).
Looking ten times a second costs about 3 % of a core while nothing changes (0.65 % at 0.5 s).

Only `mkdocs serve` runs this event: builds, and what they publish, are untouched.
"""
from __future__ import annotations

from mkdocs.livereload import LiveReloadServer

POLLING_INTERVAL = 0.1  # seconds between looks at the watched files (MkDocs: 0.5)


def on_serve(server: LiveReloadServer, config, builder) -> LiveReloadServer:
    host, port = server.server_address[:2]
    quicker = LiveReloadServer(builder=builder, host=host, port=port, root=server.root,
                               mount_path=server.mount_path, polling_interval=POLLING_INTERVAL)
    quicker.error_handler = server.error_handler  # the site's 404 page
    server.server_close()  # MkDocs's server was never bound or started: only its socket is let go
    quicker.watch(config.docs_dir)
    if config.config_file_path:
        quicker.watch(config.config_file_path)
    return quicker
