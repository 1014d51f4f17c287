"""MkDocs hook: every page, the 404 page included, carries a Content-Security-Policy and a referrer
policy, as <meta> tags (GitHub Pages sets no headers), first in <head> so that they cover every script.

- Scripts run only from the site's own files, plus the inline scripts that Material's templates write
  (partials/javascripts/), each allowed by its SHA-256 hash, worked out from the page as built. An
  inline script that is not one of the theme's (ours live in docs/assets/) stops the build: if a text
  ever slipped past escaping as a <script>, the build fails instead of allowing it.
- Under `mkdocs serve` (make serve) the server adds its live-reload script, different on every rebuild,
  to each page it sends: there, in development only, scripts are allowed inline ('unsafe-inline', which
  browsers ignore beside hashes, so the page then names none). A build never does.
What the policy allows and why: README, "Content-Security-Policy".
"""
from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",  # and the hashes of the theme's inline scripts
    "style-src": "'self'",
    "img-src": "'self' data:",  # Material's icons in its stylesheet are SVG data: URLs
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
REFERRER = "strict-origin-when-cross-origin"
# Material's templates that write inline scripts; each page has some of them, depending on the features.
THEME_SCRIPTS = ("base", "content", "palette", "announce", "consent", "outdated")
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
_TYPE = re.compile(r'\btype=["\']?([^"\' >]*)')
_RUNS = {None, "", "text/javascript", "application/javascript", "module"}  # the types a browser runs
_HEAD = re.compile(r'<meta charset="[^"]*">')

_templates = None  # the theme's Jinja environment of the build under way (on_env)
_serving = False  # `mkdocs serve` (on_startup): development, where live reload needs an inline script


def sha256(script: str) -> str:
    """The CSP source that allows an inline script with this text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def inline_scripts(html: str) -> list[str]:
    """The texts of the inline scripts a browser runs (not those with src, not data blocks such as
    Material's JSON configuration)."""
    return [text for attributes, text in _SCRIPT.findall(html)
            if "src=" not in attributes and _type(attributes) in _RUNS]


def _type(attributes: str) -> str | None:
    found = _TYPE.search(attributes)
    return found.group(1).lower() if found else None


def policy(hashes: list[str]) -> str:
    scripts = ["'unsafe-inline'"] if _serving else list(dict.fromkeys(hashes))
    directives = {**POLICY, "script-src": " ".join([POLICY["script-src"], *scripts])}
    return "; ".join(f"{name} {sources}" for name, sources in directives.items())


def with_policy(html: str, allowed: set[str], where: str) -> str:
    """`html` with the policy and the referrer <meta> after its charset, allowing its inline scripts,
    each of which must be one of `allowed`."""
    scripts = inline_scripts(html)
    for script in scripts:
        if script not in allowed:
            raise PluginError(f"{where}: an inline script that is not the theme's ({script.strip()[:60]!r}...): "
                              "the Content-Security-Policy allows only the theme's; put ours in docs/assets/")
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{policy([sha256(s) for s in scripts])}">'
            f'\n      <meta name="referrer" content="{REFERRER}">')
    html, found = _HEAD.subn(lambda match: match.group(0) + tags, html, count=1)
    if not found:
        raise PluginError(f"{where}: no <meta charset> to put the Content-Security-Policy after")
    return html


def _theme_scripts(config, base_url: str) -> set[str]:
    """The inline scripts the theme's templates write on a page at `base_url`."""
    context = {"config": config, "base_url": base_url, "features": config.theme.get("features") or []}
    return {script for name in THEME_SCRIPTS
            for script in inline_scripts(_templates.get_template(f"partials/javascripts/{name}.html").render(context))}


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_env(env, config, files):
    global _templates
    _templates = env
    return env


@event_priority(-100)  # last: the hashes are of the page as it is written
def on_post_page(output: str, page, config) -> str:
    return with_policy(output, _theme_scripts(config, get_relative_url(".", page.url)), page.file.src_uri)


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config) -> str:
    if template_name != "404.html":
        return output_content
    base_url = urlsplit(config.site_url or "/").path  # as MkDocs renders its static templates
    return with_policy(output_content, _theme_scripts(config, base_url), template_name)
