"""`python -m tools.editions publish|list|unpublish|set-default`: the editions of the site on the
gh-pages branch, through mike. The Makefile's `make publish`, `make editions`, `make unpublish` and
`make set-default` call it.

It checks what it is given before mike touches anything: a refused publication says why in one
line, exits non-zero and leaves gh-pages as it was. A build that fails commits nothing either
(mike commits only after a good build). Publishing also sets the git tag edition-<name> on the
commit it publishes, so later editions can name that commit on their editions page.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from macros.model import settings
from tools.prebuild import write_generated_pages

ROOT = Path(__file__).resolve().parent.parent
BRANCH = "gh-pages"
REMOTE = "origin"
ALIAS = re.compile(r"^[a-z][a-z0-9-]*$")
EXAMPLE_URL = "https://example.org/metaalconvenant/"


class Refused(Exception):
    """Bad input: said in one line, nothing changed."""


def edition_pattern(root: Path) -> re.Pattern:
    """What an edition may be called: the pattern of schemas/editions.schema.json, the one rule."""
    schema = json.loads((root / "schemas" / "editions.schema.json").read_text(encoding="utf-8"))
    return re.compile(schema["properties"]["editions"]["items"]["properties"]["id"]["pattern"])


def git(root: Path, *args: str, check: bool = True) -> str:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        said = result.stderr.strip().splitlines()
        raise Refused(f"git {' '.join(args)} failed: {said[-1] if said else result.returncode}")
    return result.stdout.rstrip("\n") if result.returncode == 0 else ""


def published(root: Path) -> list[dict]:
    """versions.json of gh-pages (or of the remote's, not yet copied here): the editions published,
    newest first; empty before the first."""
    for ref in (BRANCH, f"{REMOTE}/{BRANCH}"):
        text = git(root, "show", f"{ref}:versions.json", check=False)
        if text:
            return json.loads(text)
    return []


def newest_in_data(root: Path) -> str | None:
    """The newest edition data/editions.yml lists (the build checks the file itself)."""
    try:
        editions = yaml.safe_load((root / "data" / "editions.yml").read_text(encoding="utf-8"))["editions"]
        return max((e["id"] for e in editions), key=lambda i: tuple(int(p) for p in i.split(".")))
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError):
        return None


def check_name(root: Path, version: str, what: str = "VERSION") -> None:
    if not version:
        raise Refused(f"{what} is missing: name the edition, e.g. {what}=2024")
    if not edition_pattern(root).match(version):
        raise Refused(f"'{version}' is not an edition name: write the year, and .1, .2 ... for a later edition "
                      "of that year (2024, 2024.1)")


def check_repository(root: Path) -> None:
    if git(root, "rev-parse", "--is-inside-work-tree", check=False) != "true":
        raise Refused(f"{root} is not a git repository: an edition is published from a git commit")
    if git(root, "rev-parse", "--is-shallow-repository") == "true":
        raise Refused("this clone is shallow, so the pages' dates would be wrong: run git fetch --unshallow first")
    changed = git(root, "status", "--porcelain")
    if changed:
        files = ", ".join(line[3:] for line in changed.splitlines()[:5])
        raise Refused(f"there are uncommitted changes ({files}): commit them first, so the edition is exactly "
                      "its commit")


def site_url() -> str:
    url = settings.current().site_url
    if not re.match(r"^https?://[^/\s]+", url):
        raise Refused(f"SITE_URL is missing: give the site's public address, e.g. SITE_URL={EXAMPLE_URL}"
                      if not url else f"SITE_URL '{url}' is not a web address: write it like {EXAMPLE_URL}")
    return url.rstrip("/") + "/"


def check_facts_fresh(root: Path, epoch: str, allow_stale: bool) -> None:
    """Refuse while a fact about the outside world is stale on the edition's day (its commit's, as the build
    counts it); with ALLOW_STALE=1 publish anyway: the edition's Editions page then lists those facts."""
    from macros.reading.freshness import checked_facts, stale_facts  # the macros' own rule, not a copy of it
    from macros.reading.load import load_site_data
    from macros.reading.problems import DataError

    day = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    try:
        data = load_site_data(root / "data", root / "schemas")
    except DataError:
        return  # the build that follows stops on them, says them all, and commits nothing
    stale = stale_facts(checked_facts(data), day, data.recheck_after_months)
    if not stale:
        return
    names = "; ".join(f"{fact.where()} ({fact.checked_on.isoformat()})" for fact in stale)
    if not allow_stale:
        raise Refused(f"{len(stale)} fact{'s' if len(stale) != 1 else ''} not checked for more than "
                      f"{data.recheck_after_months} months: {names}. Check each against its source, set its "
                      "checked_on to that day and commit; or add ALLOW_STALE=1 to publish anyway (the edition "
                      "will say which facts were not checked again)")
    print(f"Publishing with facts not checked again (ALLOW_STALE=1): {names}", file=sys.stderr)


def fetch_published(root: Path) -> None:
    """Bring gh-pages from the remote first, so a publication adds to what is online."""
    if git(root, "remote", check=False).split().count(REMOTE):
        git(root, "fetch", "--quiet", REMOTE, f"+refs/heads/{BRANCH}:refs/remotes/{REMOTE}/{BRANCH}", check=False)


def mike(root: Path, *args: str, env: dict[str, str] | None = None) -> int:
    """mike from this Python's environment; it runs mkdocs from PATH, so that comes first there, and the
    project on PYTHONPATH, so the hooks import its code (mkdocs from PATH does not add it)."""
    bin_dir = Path(sys.executable).parent
    environment = settings.environment(**(env or {}))
    environment.update(PATH=f"{bin_dir}{os.pathsep}{environment.get('PATH', '')}",
                       PYTHONPATH=os.pathsep.join(filter(None, [str(root), environment.get("PYTHONPATH")])))
    return subprocess.run([str(bin_dir / "mike"), *args], cwd=root, env=environment).returncode


def publish(root: Path, version: str, alias: str, title: str, push: bool, force: bool,
            allow_stale: bool = False) -> int:
    check_name(root, version)
    if alias and (not ALIAS.match(alias) or edition_pattern(root).match(alias)):
        raise Refused(f"'{alias}' cannot be an alias: use lower-case letters, digits and hyphens, e.g. ALIAS=latest")
    url = site_url()
    check_repository(root)
    newest = newest_in_data(root)
    if version != newest:
        raise Refused(f"data/editions.yml's newest edition is {newest}, not {version}: add edition {version} "
                      "there first (the site is built as its newest edition)")
    epoch = str(settings.current().source_date_epoch or "") or git(root, "log", "-1", "--format=%ct")
    check_facts_fresh(root, epoch, allow_stale)
    if push:
        fetch_published(root)
    if any(v["version"] == version for v in published(root)) and not force:
        raise Refused(f"edition {version} is already published, and an edition does not change: publish a new one "
                      f"(e.g. {version}.1), or add FORCE=1 to replace it on purpose")
    tag = f"edition-{version}"
    head = git(root, "rev-parse", "HEAD")
    tagged = git(root, "rev-parse", f"{tag}^{{commit}}", check=False)
    if tagged and tagged != head and not force:
        raise Refused(f"the tag {tag} marks another commit ({tagged[:12]}): check out that commit to publish it "
                      "again, or add FORCE=1 to move the tag here")
    args = ["deploy", "--update-aliases", *(["--title", title] if title else []), version, *([alias] if alias else [])]
    # As `make build` makes it, with the report as PDF (tools/finish_site.py), unless SITE_PDF=0 says not to.
    env = {"SITE_URL": url, "SOURCE_DATE_EPOCH": epoch, "SITE_PDF": "0" if settings.current().print_pdfs is False else "1"}
    write_generated_pages(root)
    if mike(root, *args, env=env):
        print(f"Publishing edition {version} failed; nothing was committed to {BRANCH}.", file=sys.stderr)
        return 1
    git(root, "tag", *(["--force"] if force else []), tag, head)
    if push:
        git(root, "push", "--quiet", REMOTE, BRANCH)
        git(root, "push", "--quiet", *(["--force"] if force else []), REMOTE, f"refs/tags/{tag}")
    where = f"pushed to {REMOTE}" if push else f"committed to {BRANCH} (not pushed: add PUSH=1)"
    print(f"Published edition {version} at {url}{version}/ from {head[:12]}, tagged {tag}; {where}.")
    return 0


def unpublish(root: Path, version: str, push: bool) -> int:
    check_name(root, version)
    if push:
        fetch_published(root)
    names = [v["version"] for v in published(root)]
    if version not in names:
        raise Refused(f"edition {version} is not published (published: {', '.join(names) or 'none'})")
    return mike(root, "delete", *(["--push"] if push else []), version)


def set_default(root: Path, version: str, push: bool) -> int:
    if not version:
        raise Refused("VERSION is missing: name the edition (or alias, e.g. latest) that / leads to")
    if push:
        fetch_published(root)
    names = [name for v in published(root) for name in [v["version"], *v["aliases"]]]
    if version not in names:
        raise Refused(f"'{version}' is not published (published: {', '.join(names) or 'none'})")
    return mike(root, "set-default", *(["--push"] if push else []), version)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project (a git repository)")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("publish", "unpublish", "set-default"):
        command = commands.add_parser(name)
        command.add_argument("--version", default="")
        command.add_argument("--push", action="store_true", help=f"push {BRANCH} (and the tag) to {REMOTE}")
        if name == "publish":
            command.add_argument("--alias", default="")
            command.add_argument("--title", default="")
            command.add_argument("--force", action="store_true", help="replace a published edition")
            command.add_argument("--allow-stale", action="store_true",
                                 help="publish although facts were not checked within recheck_after_months")
    commands.add_parser("list")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        if args.command == "publish":
            return publish(root, args.version, args.alias, args.title, args.push, args.force, args.allow_stale)
        if args.command == "unpublish":
            return unpublish(root, args.version, args.push)
        if args.command == "set-default":
            return set_default(root, args.version, args.push)
        return mike(root, "list")
    except Refused as refusal:
        print(f"make {args.command if args.command != 'list' else 'editions'}: {refusal}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
