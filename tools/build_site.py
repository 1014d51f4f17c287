"""`python -m tools.build_site [--generator mkdocs|zensical]`: build into a fresh folder, then swap it in, so a
failed build leaves the last good site/ untouched.

First the pages made from data (tools/prebuild.py). MkDocs builds both languages in one run (static-i18n) and
its hook runs the post-build pass. Zensical (its own virtual environment, .venv-zensical) builds one language
at a time, the configuration of each written from mkdocs.yml and the data (tools/zensical_config.py): Dutch
into the folder, English into en/ below it; then the same post-build pass (tools/finish_site.py).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from macros.model import settings
from tools.prebuild import write_generated_pages

ZENSICAL = Path(".venv-zensical") / "bin" / "zensical"


def build(root: Path, site: Path, generator: str = "mkdocs", pdf: bool = True) -> int:
    staging = site.with_name(f".{site.name}-build")
    previous = site.with_name(f".{site.name}-previous")
    shutil.rmtree(staging, ignore_errors=True)
    write_generated_pages(root)
    # With the report as PDF (tools/finish_site.py) unless told otherwise (the tests).
    env = settings.environment(NO_MKDOCS_2_WARNING="1", SITE_PDF="1" if pdf else "0")
    returncode = (build_with_zensical if generator == "zensical" else build_with_mkdocs)(root, staging, env)
    if returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        kept = f"the last good site in {site} is untouched" if site.exists() else "no site was written"
        print(f"\nBuild failed (exit {returncode}); {kept}.", file=sys.stderr)
        return returncode
    shutil.rmtree(previous, ignore_errors=True)
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Built the site into {site} with {generator}.")
    return 0


def build_with_mkdocs(root: Path, staging: Path, env: dict[str, str]) -> int:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)]
    return subprocess.run(command, cwd=root, env=env).returncode


def build_with_zensical(root: Path, staging: Path, env: dict[str, str]) -> int:
    """Each language's configuration, one Zensical build per language, then the post-build pass."""
    from macros.reading.load import load_site_data
    from macros.reading.problems import DataError
    from tools.zensical_config import write_configs

    zensical = root / ZENSICAL
    if not zensical.exists():
        print(f"{ZENSICAL} is missing: `make build GENERATOR=zensical` installs it", file=sys.stderr)
        return 2
    try:
        data = load_site_data(root / "data", root / "schemas")
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    configs = write_configs(root, data, staging, settings.current().site_url)
    # Zensical 0.0.73 loads the macros package by its file path: its relative imports need the root on the path.
    env = {**env, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))}
    for lang, config in configs.items():
        # --clean: Zensical's cache (.cache/) knows nothing of data/, so a page whose data changed would be kept.
        result = subprocess.run([str(zensical), "build", "--strict", "--clean", "--config-file", str(config)],
                                cwd=root, env=env)
        if result.returncode != 0:
            return result.returncode
        if lang != next(iter(configs)):
            # The site's one 404 page is the default language's, which speaks every language (overrides/404.html).
            (staging / lang / "404.html").unlink(missing_ok=True)
    return subprocess.run([sys.executable, "-m", "tools.finish_site", str(staging), "--root", str(root)],
                          cwd=root, env=env).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (holds mkdocs.yml)")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="relative to the project folder")
    parser.add_argument("--generator", choices=("mkdocs", "zensical"), default="mkdocs",
                        help="MkDocs (both languages in one run) or Zensical (one run per language)")
    parser.add_argument("--no-pdf", dest="pdf", action="store_false", help="without the report's PDFs (for the tests)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    return build(root, (root / args.site_dir).resolve(), args.generator, args.pdf)


if __name__ == "__main__":
    sys.exit(main())
