"""Serve a built site on loopback the way its CDN would: the headers of its
`_headers` file (CSP and friends) and, optionally, gzip for text. Used by
the tests, the page-weight and Lighthouse benchmarks and the screenshots."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitebuild.csp import headers_for, parse_headers_file

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".vcf")


def handler_for(site: Path, compress: bool = False) -> type[http.server.SimpleHTTPRequestHandler]:
    headers_file = site / "_headers"
    rules = parse_headers_file(headers_file.read_text()) if headers_file.exists() else []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            path = Path(self.translate_path(self.path))
            if path.is_dir() and self.path.split("?")[0].endswith("/"):
                path = path / "index.html"
            wants_gzip = compress and "gzip" in self.headers.get("Accept-Encoding", "")
            if not wants_gzip or not path.is_file() or not path.name.endswith(COMPRESSIBLE):
                return super().do_GET()  # also redirects /quiz to /quiz/
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def end_headers(self) -> None:
            for name, value in headers_for(self.path.split("?")[0], rules).items():
                if name != "Strict-Transport-Security":  # meaningless on plain-http loopback
                    self.send_header(name, value)
            super().end_headers()

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(site: Path, compress: bool = False) -> Iterator[str]:
    """Yield the base URL (http://127.0.0.1:PORT) while the site is served."""
    handler = functools.partial(handler_for(site, compress), directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
