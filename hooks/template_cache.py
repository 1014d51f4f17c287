"""MkDocs hook: the theme's templates are compiled once per process, not once per build.

MkDocs makes a new Jinja environment for every build, and static-i18n builds once per language, as
`make serve` does after every save: each time Material's templates and ours in overrides/ were
compiled again. Jinja's bytecode cache keeps the compiled code in memory, keyed by template name and
checked against the template's source, so an edited override is compiled again.
"""
from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class _InMemory(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it if the source changed (checksum)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_CACHE = _InMemory()


def on_env(env, config, files):
    env.bytecode_cache = _CACHE
    return env
