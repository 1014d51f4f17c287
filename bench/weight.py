"""Page weight over the wire: what a first visit to a page transfers (HTML, CSS, JavaScript, images,
and what Material's search worker fetches), with an empty cache, from a server that gzips.

Measured in chromium (Debian's, through Playwright): every response of the page and of its workers,
headers and body as sent (a worker's own script reports no body size, so its Content-Length counts).
"""
from __future__ import annotations

from pathlib import Path

from tools.lighthouse import CHROME_FLAGS, CHROMIUM


def page_urls(site: Path, base: str) -> list[str]:
    """Every page of a built site (each folder's index.html), as URLs below `base`."""
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return [base + ("" if page == "." else page + "/") for page in pages]


def _transferred(request) -> int:
    sizes = request.sizes()
    body = sizes["responseBodySize"]
    if body <= 0:
        response = request.response()
        body = int(response.headers.get("content-length", 0)) if response else 0
    return sizes["responseHeadersSize"] + max(body, 0)


def first_views(urls: list[str]) -> dict[str, dict]:
    """Per URL: bytes transferred in all, and by resource (relative to the site), each page in a fresh
    browser context (an empty cache), until the network is idle and the search worker had its index."""
    from playwright.sync_api import sync_playwright

    weights = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS)
        for url in urls:
            context = browser.new_context()
            finished = []
            context.on("requestfinished", lambda request: finished.append(request))
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            page.wait_for_timeout(500)  # the worker asks for its language files once it has the index
            by_resource: dict[str, int] = {}
            for request in finished:
                if request.url.startswith("data:"):
                    continue
                name = request.url.removeprefix(url.split("/", 3)[0] + "//" + url.split("/", 3)[2] + "/")
                by_resource[name] = by_resource.get(name, 0) + _transferred(request)
            weights[url] = {"bytes": sum(by_resource.values()), "resources": by_resource}
            context.close()
        browser.close()
    return weights
