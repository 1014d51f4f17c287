"""`python -m tools.build_site`: build into a fresh folder, then swap it in, so a failed build
leaves the last good site/ untouched."""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from macros.model import settings
from tools.prebuild import write_generated_pages


def build(root: Path, site: Path) -> int:
    staging = site.with_name(f".{site.name}-build")
    previous = site.with_name(f".{site.name}-previous")
    shutil.rmtree(staging, ignore_errors=True)
    write_generated_pages(root)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)]
    env = settings.environment(NO_MKDOCS_2_WARNING="1", SITE_PDF="1")  # with the report as PDF (tools/finish_site.py)
    result = subprocess.run(command, cwd=root, env=env)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        kept = f"the last good site in {site} is untouched" if site.exists() else "no site was written"
        print(f"\nBuild failed (exit {result.returncode}); {kept}.", file=sys.stderr)
        return result.returncode
    shutil.rmtree(previous, ignore_errors=True)
    if site.exists():
        site.rename(previous)
    staging.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Built the site into {site}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (holds mkdocs.yml)")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="relative to the project folder")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    return build(root, (root / args.site_dir).resolve())


if __name__ == "__main__":
    sys.exit(main())
