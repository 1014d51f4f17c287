"""Synthetic data for the scale benchmark: today's records multiplied, still valid against the schemas.

`multiply(data_dir, out_dir, factor)` writes data/*.yml with `factor` times the instruments, targets,
activities, parties and projects: copy k (2..factor) of a record gets the id `<id>-x<k>`, a title or
name ending in ` <k>`, and refers to copy k of the records it names (a project of copy 3 belongs to
target copy 3, its partners are party copies 3), so every rule between records holds in every copy.
Themes, OECD steps, audiences, regulations, pages and UI strings stay as they are: the site has a
fixed set of them. Only rule that cannot be copied: a number counted from parties.yml
(`result_counts_parties`) is dropped, since the count grows with the copies.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from macros.model.catalog import REFERENCES, collection_named

MULTIPLIED = ("instruments", "targets", "activities", "parties", "projects")
_DROPPED = ("result_counts_parties",)  # counted from the records of another file: wrong once copied


def _copy_id(ident: str, copy: int) -> str:
    return ident if copy == 1 else f"{ident}-x{copy}"


def _numbered(value: Any, copy: int) -> Any:
    """A title or name told apart from the other copies."""
    if copy == 1:
        return value
    if isinstance(value, str):
        return f"{value} {copy}"
    if isinstance(value, dict):
        return {lang: f"{text} {copy}" for lang, text in value.items()}
    return value


def copy_record(record: dict, collection: str, copy: int, factor: int) -> dict:
    """Copy `copy` (1..factor) of one record: its id, its title or name, and its references to
    multiplied records."""
    out = {key: value for key, value in record.items() if factor == 1 or key not in _DROPPED}
    out["id"] = _copy_id(record["id"], copy)
    for key in ("title", "name"):
        if key in out:
            out[key] = _numbered(out[key], copy)
    for ref in REFERENCES:
        if ref.source == collection and ref.target in MULTIPLIED and ref.field in out:
            value = out[ref.field]
            out[ref.field] = ([_copy_id(v, copy) for v in value] if isinstance(value, list)
                              else _copy_id(value, copy))
    return out


class _Dumper(yaml.SafeDumper):
    """Every text in double quotes (the data check refuses unquoted texts), keys plain, no line wrapping."""

    def represent_dict(self, data: dict) -> yaml.MappingNode:
        pairs = [(yaml.ScalarNode("tag:yaml.org,2002:str", str(key)), self.represent_data(value))
                 for key, value in data.items()]
        return yaml.MappingNode("tag:yaml.org,2002:map", pairs, flow_style=False)

    def ignore_aliases(self, data: Any) -> bool:  # copies share values; the data check refuses aliases
        return True


_Dumper.add_representer(dict, _Dumper.represent_dict)
_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"'))


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)


def count_records(data_dir: Path) -> dict[str, int]:
    """The number of records of each multiplied collection in data_dir."""
    from macros.reading.yamlfile import read_yaml

    counts = {}
    for name in MULTIPLIED:
        collection = collection_named(name)
        counts[name] = len(read_yaml(data_dir / f"{collection.file}.yml").data[collection.key])
    return counts


def multiply(data_dir: Path, out_dir: Path, factor: int) -> dict[str, int]:
    """Write data_dir's files into out_dir with `factor` times the multiplied records; returns the
    number of records of each multiplied collection."""
    from macros.reading.yamlfile import read_yaml  # the project's own reader: no implicit dates, as the site reads them

    out_dir.mkdir(parents=True, exist_ok=True)
    files = {collection_named(name).file for name in MULTIPLIED}
    for path in sorted(data_dir.glob("*.yml")):
        if path.stem not in files or factor == 1:
            shutil.copy2(path, out_dir / path.name)
    if factor == 1:
        return count_records(out_dir)
    counts = {}
    for stem in sorted(files):
        data = read_yaml(data_dir / f"{stem}.yml").data
        for name in MULTIPLIED:
            collection = collection_named(name)
            if collection.file != stem:
                continue
            records = data[collection.key]
            data[collection.key] = [copy_record(r, name, k, factor) for k in range(1, factor + 1) for r in records]
            counts[name] = len(data[collection.key])
        (out_dir / f"{stem}.yml").write_text(f"# Synthetic: {factor} × data/{stem}.yml (bench/synthetic.py)\n"
                                             + dump(data), encoding="utf-8")
    return counts


if __name__ == "__main__":  # python -m bench.synthetic FACTOR DATA_DIR OUT_DIR: prints the records made, as JSON
    print(json.dumps(multiply(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[1]))))
