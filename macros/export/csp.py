"""The Content-Security-Policy every page carries, as <meta> tags (GitHub Pages sets no headers), first in
<head> so that they cover every script. Plain functions over a finished page: the post-build pass
(tools/finish_site.py) calls them, whichever generator wrote the page.

- Scripts run only from the site's own files, plus the inline scripts the theme wrote, each allowed by
  its SHA-256 hash, worked out from the page as written. Ours live in docs/assets/, and the content of a
  page (its <article>) is ours: an inline script there stops the build, so a text that ever slipped
  past escaping as a <script> fails the build instead of being allowed.
- Under `make serve` the server adds its live-reload script, different on every rebuild, to each page
  it sends: there, in development only, scripts are allowed inline ('unsafe-inline', which browsers
  ignore beside hashes, so the page then names none). A build never does.
What the policy allows and why: docs-dev/SECURITY.md or README, "Content-Security-Policy".
"""
from __future__ import annotations

import base64
import hashlib
import re

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
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
_TYPE = re.compile(r'\btype=["\']?([^"\' >]*)')
_RUNS = {None, "", "text/javascript", "application/javascript", "module"}  # the types a browser runs
_HEAD = re.compile(r'<meta charset="[^"]*">')
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


class PolicyError(Exception):
    """A page cannot be given the policy: one line saying which and why."""


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


def policy(hashes: list[str], serving: bool = False) -> str:
    scripts = ["'unsafe-inline'"] if serving else list(dict.fromkeys(hashes))
    directives = {**POLICY, "script-src": " ".join([POLICY["script-src"], *scripts])}
    return "; ".join(f"{name} {sources}" for name, sources in directives.items())


def with_policy(html: str, where: str, serving: bool = False) -> str:
    """`html` with the policy and the referrer <meta> after its charset, allowing the inline scripts the
    theme wrote; an inline script in the page's content raises PolicyError."""
    for article in _ARTICLE.findall(html):
        for script in inline_scripts(article):
            raise PolicyError(f"{where}: an inline script in the page's content ({script.strip()[:60]!r}...): "
                              "the Content-Security-Policy allows only the theme's; put ours in docs/assets/")
    hashes = [sha256(script) for script in inline_scripts(html)]
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, serving)}">'
            f'\n      <meta name="referrer" content="{REFERRER}">')
    html, found = _HEAD.subn(lambda match: match.group(0) + tags, html, count=1)
    if not found:
        raise PolicyError(f"{where}: no <meta charset> to put the Content-Security-Policy after")
    return html
