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
from macros.model.messages import say
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
        raise Refused(say("editions.git_failed", args=" ".join(args), said=said[-1] if said else result.returncode))
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
        raise Refused(say("editions.name_missing", what=what))
    if not edition_pattern(root).match(version):
        raise Refused(say("editions.bad_name", version=version))


def changed_files(root: Path) -> list[str]:
    """The files git sees changed, added or deleted and not yet committed."""
    return [line[3:] for line in git(root, "status", "--porcelain", "--untracked-files=all").splitlines()]


def check_repository(root: Path) -> None:
    if git(root, "rev-parse", "--is-inside-work-tree", check=False) != "true":
        raise Refused(say("editions.not_git", root=root))
    if git(root, "rev-parse", "--is-shallow-repository") == "true":
        raise Refused(say("editions.shallow"))
    changed = changed_files(root)
    if changed:
        raise Refused(say("editions.uncommitted", files=", ".join(changed[:5])))


def site_url() -> str:
    url = settings.current().site_url
    if not re.match(r"^https?://[^/\s]+", url):
        raise Refused(say("editions.site_url_missing", example=EXAMPLE_URL) if not url
                      else say("editions.site_url_bad", url=url, example=EXAMPLE_URL))
    return url.rstrip("/") + "/"


def check_facts_fresh(root: Path, epoch: str, allow_stale: bool) -> None:
    """Refuse while a fact about the outside world is stale on the edition's day (its commit's, as the build
    counts it); with ALLOW_STALE=1 publish anyway: the edition's Editions page then lists those facts."""
    from macros.reading.freshness import checked_facts, fact_place, stale_facts  # the macros' own rule, not a copy of it
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
    names = "; ".join(f"{fact_place(fact)} ({fact.checked_on.isoformat()})" for fact in stale)
    if not allow_stale:
        raise Refused(say(f"editions.stale.{'one' if len(stale) == 1 else 'many'}", count=len(stale),
                          months=data.recheck_after_months, names=names))
    print(say("editions.stale_allowed", names=names), file=sys.stderr)


def fetch_published(root: Path) -> None:
    """Bring gh-pages from the remote first, so a publication adds to what is online."""
    if git(root, "remote", check=False).split().count(REMOTE):
        git(root, "fetch", "--quiet", REMOTE, f"+refs/heads/{BRANCH}:refs/remotes/{REMOTE}/{BRANCH}", check=False)


def mike(root: Path, *args: str, env: dict[str, str] | None = None, quiet: bool = False) -> int:
    """mike from this Python's environment; it runs mkdocs from PATH, so that comes first there, and the
    project on PYTHONPATH, so the hooks import its code (mkdocs from PATH does not add it). `quiet` keeps
    mike's and git's own words (hints such as --allow-empty) unless it fails."""
    bin_dir = Path(sys.executable).parent
    environment = settings.environment(**(env or {}))
    environment.update(PATH=f"{bin_dir}{os.pathsep}{environment.get('PATH', '')}",
                       PYTHONPATH=os.pathsep.join(filter(None, [str(root), environment.get("PYTHONPATH")])))
    result = subprocess.run([str(bin_dir / "mike"), *args], cwd=root, env=environment,
                            capture_output=quiet, text=True)
    if quiet and result.returncode:
        print(result.stdout + result.stderr, file=sys.stderr, end="")
    return result.returncode


def check_publication_facts(root: Path) -> None:
    """Refuse while the organisation's facts a published edition must state are not filled in."""
    from macros.reading.publication import publication_problems

    missing = publication_problems(root / "data")
    if missing:
        raise Refused("\n".join([say("publication.head"), *(f"  - {problem}" for problem in missing)]))


def check_everything(root: Path) -> None:
    """The data and the pages as `make check-data` checks them, and the organisation's facts."""
    from macros.model.page_calls import PAGE_CALLS
    from macros.reading.load import load_site_data
    from macros.reading.problems import DataError

    try:
        load_site_data(root / "data", root / "schemas", root / "docs", PAGE_CALLS)
    except DataError as err:
        raise Refused(say("editions.data_problems", report=err.report())) from None
    check_publication_facts(root)


def show_changes(root: Path) -> None:
    """What changed in data/ and docs/ since the last edition (its tag), uncommitted work included."""
    last = next((v["version"] for v in published(root)), None)
    base = f"edition-{last}" if last and git(root, "rev-parse", "--verify", "--quiet", f"edition-{last}^{{commit}}",
                                                check=False) else None
    since = say("editions.since_edition", version=last) if base else say("editions.since_start")
    if base:
        changed = git(root, "diff", "--stat", base, "--", "data", "docs").splitlines()
    else:
        changed = git(root, "diff", "--stat", "HEAD", "--", "data", "docs").splitlines()
    new = [line[3:] for line in git(root, "status", "--porcelain", "--untracked-files=all", "--", "data", "docs")
           .splitlines() if line.startswith("??")]
    print(say("editions.changes_head", since=since))
    for line in [*changed, *(f" {name} (nieuw / new)" for name in new)]:
        print(f"  {line.strip()}")


def record_work(root: Path, message: str) -> None:
    """Commit the editor's changes in data/ and docs/ with her message, after checking everything: a
    refusal commits nothing and leaves every edit where it was."""
    if git(root, "rev-parse", "--is-inside-work-tree", check=False) != "true":
        raise Refused(say("editions.not_git", root=root))
    changed = changed_files(root)
    if not changed:
        return
    outside = [name for name in changed if not name.startswith(("data/", "docs/"))]
    if outside:
        raise Refused(say("editions.outside_data", files=", ".join(outside[:5])))
    check_everything(root)
    show_changes(root)
    git(root, "add", "--all", "--", "data", "docs")
    git(root, "commit", "--quiet", "-m", message)
    print(say("editions.committed", commit=git(root, "rev-parse", "--short=12", "HEAD"), message=message))


def publish(root: Path, version: str, alias: str, title: str, push: bool, force: bool,
            allow_stale: bool = False, message: str = "") -> int:
    check_name(root, version)
    if alias and (not ALIAS.match(alias) or edition_pattern(root).match(alias)):
        raise Refused(say("editions.bad_alias", alias=alias))
    url = site_url()
    newest = newest_in_data(root)
    if version != newest:
        raise Refused(say("editions.not_newest", newest=newest, version=version))
    if message.strip():
        record_work(root, message.strip())
    check_repository(root)
    check_publication_facts(root)
    epoch = str(settings.current().source_date_epoch or "") or git(root, "log", "-1", "--format=%ct")
    check_facts_fresh(root, epoch, allow_stale)
    if push:
        fetch_published(root)
    if any(v["version"] == version for v in published(root)) and not force:
        raise Refused(say("editions.already", version=version))
    tag = f"edition-{version}"
    head = git(root, "rev-parse", "HEAD")
    tagged = git(root, "rev-parse", f"{tag}^{{commit}}", check=False)
    if tagged and tagged != head and not force:
        raise Refused(say("editions.tag_elsewhere", tag=tag, commit=tagged[:12]))
    args = ["deploy", "--update-aliases", *(["--title", title] if title else []), version, *([alias] if alias else [])]
    # As `make build` makes it, with the report as PDF (tools/finish_site.py), unless SITE_PDF=0 says not to.
    env = {"SITE_URL": url, "SOURCE_DATE_EPOCH": epoch, "SITE_PDF": "0" if settings.current().print_pdfs is False else "1"}
    write_generated_pages(root)
    if mike(root, *args, env=env):
        print(say("editions.failed", version=version, branch=BRANCH), file=sys.stderr)
        return 1
    git(root, "tag", *(["--force"] if force else []), tag, head)
    if push:
        git(root, "push", "--quiet", REMOTE, BRANCH)
        git(root, "push", "--quiet", *(["--force"] if force else []), REMOTE, f"refs/tags/{tag}")
    where = say("editions.pushed", remote=REMOTE) if push else say("editions.not_pushed", branch=BRANCH)
    print(say("editions.published", version=version, address=f"{url}{version}/", commit=head[:12], tag=tag,
              where=where))
    return 0


def unpublish(root: Path, version: str, push: bool) -> int:
    check_name(root, version)
    if push:
        fetch_published(root)
    names = [v["version"] for v in published(root)]
    if version not in names:
        raise Refused(say("editions.not_published", version=version, names=", ".join(names) or say("figures.none")))
    return mike(root, "delete", *(["--push"] if push else []), version)


def set_default(root: Path, version: str, push: bool) -> int:
    if not version:
        raise Refused(say("editions.default_missing"))
    if push:
        fetch_published(root)
    names = [name for v in published(root) for name in [v["version"], *v["aliases"]]]
    if version not in names:
        raise Refused(say("editions.name_not_published", version=version, names=", ".join(names) or say("figures.none")))
    address = say("editions.at", url=f"{_public_root(root)}{version}/") if _public_root(root) else ""
    if default_edition(root) == version:
        print(say("editions.default_unchanged", version=version, address=address))
        return 0
    if mike(root, "set-default", *(["--push"] if push else []), version, quiet=True):
        return 1
    print(say("editions.default_set", version=version, address=address))
    return 0


def default_edition(root: Path) -> str | None:
    """The edition (or alias) the site's home address leads to: mike's redirect in gh-pages:index.html."""
    page = git(root, "show", f"{BRANCH}:index.html", check=False)
    found = re.search(r'window\.location\.replace\(\s*"([^"/]+)/"', page)
    return found.group(1) if found else None


def _public_root(root: Path) -> str:
    """The site's public address, ending in '/': SITE_URL, or what the newest edition was published at."""
    url = settings.current().site_url
    if re.match(r"^https?://[^/\s]+", url):
        return url.rstrip("/") + "/"
    newest = next(iter(published(root)), None)
    address = _edition_address(root, newest["version"]) if newest else None
    return address.rsplit("/", 2)[0] + "/" if address else ""


def _edition_address(root: Path, version: str) -> str | None:
    """The address an edition was published at: the canonical link of its home page."""
    page = git(root, "show", f"{BRANCH}:{version}/index.html", check=False)
    found = re.search(r'<link rel="canonical" href="([^"]+)"', page)
    return found.group(1) if found else None


def list_editions(root: Path) -> int:
    """Each published edition with its aliases, the day it was published (its tag's commit) and its address."""
    editions = published(root)
    if not editions:
        print(say("editions.none"))
        return 0
    print(say("editions.list_head"))
    for edition in editions:
        version = edition["version"]
        aliases = f" ({', '.join(edition['aliases'])})" if edition.get("aliases") else ""
        day = git(root, "log", "-1", "--format=%cs", f"edition-{version}^{{commit}}", "--", check=False)
        address = _edition_address(root, version) or say("editions.address_unknown")
        print(say("editions.list_line", version=version, aliases=aliases, day=day or say("editions.day_unknown"),
                  address=address))
    return 0


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
            command.add_argument("--message", default="",
                                 help="commit the changes in data/ and docs/ with this message first (after checking them)")
    commands.add_parser("list")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        if args.command == "publish":
            return publish(root, args.version, args.alias, args.title, args.push, args.force, args.allow_stale,
                           args.message)
        if args.command == "unpublish":
            return unpublish(root, args.version, args.push)
        if args.command == "set-default":
            return set_default(root, args.version, args.push)
        return list_editions(root)
    except Refused as refusal:
        command = args.command if args.command != "list" else "editions"
        print(say("editions.refused", command=command, reason=refusal), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
