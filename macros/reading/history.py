"""What git knows about the site's sources: when each file and each data text last changed, and the
commit of each edition. No MkDocs in here.

Dates are the committer's date of a commit, in the committer's own time zone (as `git log` shows
it), so every machine reads the same date from the same history. Without git (a source tarball),
in a shallow clone (whose oldest commit would look like the origin of everything) or for files git
does not track, there is no date: callers show none rather than a wrong one.
"""
from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..model import settings
from ..model.edition import Commit, EditionPlaces, When  # noqa: F401 (what git tells, as the model keeps it)
from ..model.language import DEFAULT_LANGUAGE, LANGUAGES

_MISSING = object()


def run_git(root: Path, *args: str) -> str | None:
    """Output of `git <args>` in `root`, or None when git or the repository is not there."""
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def last_committed(folder: Path, name: str) -> str | None:
    """The text of `folder`/`name` as last committed (HEAD), or None outside git or when it was never
    committed: what a check compares the editor's uncommitted change with."""
    return run_git(folder, "show", f"HEAD:./{name}")


def build_time() -> When:
    """When the build happens: SOURCE_DATE_EPOCH (set by the Makefile from git), else the clock."""
    moment = settings.current().build_moment()
    return When(int(moment.timestamp()), moment.date().isoformat())


def _when(timestamp: str, iso: str) -> When:
    return When(int(timestamp), iso[:10])


def is_shallow(root: Path) -> bool:
    return (run_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"


def commit_of(root: Path, revision: str) -> Commit | None:
    """The commit `revision` (HEAD, a tag) names, with its date; None if git does not know it."""
    out = run_git(root, "log", "-1", "--format=%H %ct %cI", f"{revision}^{{commit}}", "--")
    if not out:
        return None
    sha, timestamp, iso = out.split()
    return Commit(sha, _when(timestamp, iso))


def edition_tag(edition_id: str) -> str:
    """The git tag that marks the commit an edition was published from (`make publish` sets it)."""
    return f"edition-{edition_id}"


def edition_commits(root: Path, editions: Iterable[str], current: str | None) -> dict[str, Commit]:
    """The commit of each edition: HEAD for `current`, the one being built (the newest in
    data/editions.yml), its tag for the others (if set)."""
    commits = {}
    for edition_id in editions:
        commit = commit_of(root, "HEAD" if edition_id == current else edition_tag(edition_id))
        if commit is not None:
            commits[edition_id] = commit
    return commits


class Version:
    """One version of a data file, parsed. A page reads many records of each version, and many pages
    read the same ones: the records of a list are looked up by id, not searched for each read."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self._by_id: dict[str, dict | None] = {}
        self._settings: dict[frozenset, dict] = {}

    def records_by_id(self, key: str) -> dict | None:
        """The records under `key` by id (the first of two with one id); None if `key` holds no records."""
        if key not in self._by_id:
            records = self.document.get(key) if isinstance(self.document, dict) else None
            if isinstance(records, dict):
                self._by_id[key] = records
            elif isinstance(records, list):
                index: dict = {}
                for record in records:
                    if isinstance(record, dict) and isinstance(record.get("id"), str):
                        index.setdefault(record["id"], record)
                self._by_id[key] = index
            else:
                self._by_id[key] = None
        return self._by_id[key]

    def settings(self, lists: frozenset[str]) -> dict:
        """What the file holds besides its record lists (`lists`), e.g. the source its records fall back to."""
        if lists not in self._settings:
            document = self.document if isinstance(self.document, dict) else {}
            self._settings[lists] = {name: value for name, value in document.items() if name not in lists}
        return self._settings[lists]


@dataclass
class History:
    """When each file under docs/ and data/ last changed in git, and every version of each data
    file (oldest first) to date what changed inside it."""

    root: Path
    file_dates: dict[str, When] = field(default_factory=dict)  # path -> last change of its content
    versions: dict[str, list[tuple[When, str]]] = field(default_factory=dict)  # data path -> (when, blob)
    _versions: dict[str, Version] = field(default_factory=dict)  # blob -> the version, parsed
    _changes: dict[Any, When | None] = field(default_factory=dict)

    def change_of(self, key: Any, lang: str, extractor: Callable[[Any], tuple[str, Callable[[Any], Any]]]) -> When | None:
        """last_change of the part `extractor(key)` names (its data file and how to take it out of a
        version), remembered per (key, lang): many pages read the same data."""
        memo = (key, lang)
        if memo not in self._changes:
            path, extract = extractor(key)
            self._changes[memo] = last_change(self, path, lang, extract)
        return self._changes[memo]

    def version(self, blob: str) -> Version:
        """A data file's version, parsed, with its records looked up by id: a version git stores, or
        the file as it is now ('worktree:<path>')."""
        if blob not in self._versions:
            self._versions[blob] = Version(self._document(blob))
        return self._versions[blob]

    def _document(self, blob: str) -> Any:
        if blob.startswith("worktree:"):
            return _parse((self.root / blob.removeprefix("worktree:")).read_text(encoding="utf-8"))
        if blob not in _STORED_TEXTS:  # read every stored version not read yet, at once
            wanted = {b for versions in self.versions.values() for _, b in versions
                      if not b.startswith("worktree:") and b not in _STORED_TEXTS}
            _STORED_TEXTS.update(read_blobs(self.root, sorted(wanted | {blob})))
        # Parsed when first asked for: the pages of a build ask for about 100 of the 170 versions.
        if blob not in _STORED_VERSIONS and blob in _STORED_TEXTS:
            _STORED_VERSIONS[blob] = _parse(_STORED_TEXTS[blob])
        return _STORED_VERSIONS.get(blob)  # None: git does not have it


# Stored versions by blob id, as text and parsed: a blob id names its content, so these cannot go
# stale, and each language pass (and each rebuild under `make serve`) reads only what it has not read before.
_STORED_TEXTS: dict[str, str] = {}
_STORED_VERSIONS: dict[str, Any] = {}


def _parse(text: str) -> Any:
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None  # a broken version shows nothing: the next one is a change


def read_blobs(root: Path, blobs: list[str]) -> dict[str, str]:
    """The text of each blob, from one `git cat-file --batch` (not one git process a version); a blob
    git does not have is left out."""
    try:
        result = subprocess.run(["git", "-C", str(root), "cat-file", "--batch"], input="\n".join(blobs).encode() + b"\n",
                                capture_output=True, check=False)
    except OSError:
        return {}
    out, texts, at = result.stdout, {}, 0
    while at < len(out):
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3:  # "<blob> missing"
            continue
        size = int(header[2])
        texts[header[0].decode()] = out[at:at + size].decode("utf-8", errors="replace")
        at += size + 1
    return texts


def read_history(root: Path, folders: tuple[str, ...] = ("docs", "data")) -> History | None:
    """The history of `folders`, following the first parent (a merged change dates from its merge);
    a file renamed without changes keeps its date. None without git, or in a shallow clone."""
    if run_git(root, "rev-parse", "HEAD") is None or is_shallow(root):
        return None
    log = run_git(root, "log", "--reverse", "--first-parent", "--diff-merges=first-parent", "-M", "--raw",
                  "--no-abbrev", "--format=commit %ct %cI", "--", *folders) or ""
    history = History(root)
    when = None
    for line in log.splitlines():
        if line.startswith("commit "):
            _, timestamp, iso = line.split()
            when = _when(timestamp, iso)
        elif line.startswith(":") and when is not None:
            meta, *paths = line.split("\t")
            new_blob, status = meta.split()[3], meta.split()[4]
            path = paths[-1]
            if status.startswith("D"):
                history.file_dates.pop(path, None)
                history.versions.pop(path, None)
                continue
            if status.startswith("R"):  # a rename keeps the history; a rename without changes, the date too
                history.versions[path] = history.versions.pop(paths[0], [])
                if status == "R100" and paths[0] in history.file_dates:
                    history.file_dates[path] = history.file_dates.pop(paths[0])
                    continue
            history.file_dates[path] = when
            history.versions.setdefault(path, []).append((when, new_blob))
    _add_uncommitted_changes(history, folders)
    return history


def _add_uncommitted_changes(history: History, folders: tuple[str, ...]) -> None:
    """A file changed but not committed yet (a preview of an edit) dates from the build."""
    status = run_git(history.root, "status", "--porcelain", "--no-renames", "--untracked-files=no", "--", *folders)
    now = build_time()
    for line in (status or "").splitlines():
        path = line[3:]
        if (history.root / path).is_file():
            history.file_dates[path] = now
            history.versions.setdefault(path, []).append((now, f"worktree:{path}"))


def localized(value: Any, lang: str) -> Any:
    """What a reader of `lang` sees of a data value: each {nl, en} text reduced to its language."""
    if isinstance(value, dict):
        if value and set(value) <= set(LANGUAGES) and DEFAULT_LANGUAGE in value:
            return value.get(lang) or value[DEFAULT_LANGUAGE]
        return {key: localized(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [localized(item, lang) for item in value]
    return value


def last_change(history: History, path: str, lang: str, extract: Callable[[Any], Any]) -> When | None:
    """When the part of data file `path` that `extract` takes out of it last changed as a reader of
    `lang` sees it (None: never, or unknown)."""
    versions = history.versions.get(path) or []
    if not versions:
        return None
    # From the newest version back to the first one that differs from the version before it.
    newer = localized(extract(history.version(versions[-1][1])), lang)
    for index in range(len(versions) - 1, 0, -1):
        older = localized(extract(history.version(versions[index - 1][1])), lang)
        if older != newer:
            return versions[index][0] if newer is not _MISSING else None
        newer = older
    return versions[0][0] if newer is not _MISSING else None


MISSING = _MISSING  # what `extract` returns for a part that is not in a version
