"""Writing data files in tests as editors write them: every text in double quotes."""
from __future__ import annotations

from typing import Any

import yaml


class _QuotedTexts(yaml.SafeDumper):
    pass


_QuotedTexts.add_representer(str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"'))


def dump_data(data: Any) -> str:
    return yaml.dump(data, Dumper=_QuotedTexts, allow_unicode=True, sort_keys=False, width=10_000)
