"""Bench hook beside capture.py: notes the built site's files after the last language pass and before
the hooks that write files made from data (hooks/finish_site.py runs at -120)."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-115)  # after static-i18n's last language (-100) and the search split (-110)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return
    site = Path(config.site_dir)
    digests = {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
               for p in site.rglob("*") if p.is_file()}
    (Path(os.environ["BENCH_CAPTURE"]) / "before.json").write_text(json.dumps(digests), encoding="utf-8")
