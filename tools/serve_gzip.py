"""`python -m tools.serve_gzip SITE_DIR [--port N]`: serve a built site as a real host does.

Python's own `http.server` sends everything uncompressed, lists folders and answers a missing page
with its own error text, so page weight and Lighthouse measured behind it are not what readers get.
This server gzips text (HTML, CSS, JavaScript, JSON, XML, SVG) for clients that accept it, serves a
folder's index.html (redirecting `/folder` to `/folder/`), never lists a folder, and answers a
missing path with status 404 and the site's own 404.html. The tests and `make bench` use it.

    with GzipServer(site_dir) as server:   # bound at once: server.url is known before a build
        ...                                 # requests to server.url
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import sys
import threading
from functools import lru_cache, partial
from pathlib import Path
from urllib.parse import urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


@lru_cache(maxsize=256)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:  # keyed on mtime and size: a rebuild is seen
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


def _accepts_gzip(header: str) -> bool:
    for part in header.split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            q = params.strip().removeprefix("q=")
            return not params or _positive(q)
    return False


def _positive(q: str) -> bool:
    try:
        return float(q) > 0
    except ValueError:
        return False


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def log_message(self, *args) -> None:  # quiet: the tests and the benchmark print what matters
        pass

    def _serve(self, send_body: bool) -> None:
        url = urlsplit(self.path)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url.path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", url.path + "/" + (f"?{url.query}" if url.query else ""))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
            if not path.is_file():
                self.send_error(404)
                return
        content_type = self.guess_type(str(path))
        stat = path.stat()
        compress = content_type.startswith(COMPRESSIBLE) and _accepts_gzip(self.headers.get("Accept-Encoding", ""))
        body = _gzipped(str(path), stat.st_mtime_ns, stat.st_size) if compress else path.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class GzipServer:
    """The site in `root` on 127.0.0.1; the port is bound on creation, serving starts on `with`."""

    def __init__(self, root: Path, port: int = 0) -> None:
        handler = partial(GzipHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> GzipServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    server = GzipServer(args.site_dir.resolve(), args.port)
    print(f"Serving {args.site_dir} at {server.url} (gzip); Ctrl-C stops.")
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
