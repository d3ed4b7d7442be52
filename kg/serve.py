"""Publish an embedded store as a read-only SPARQL endpoint, with Oxigraph's own server.

`kg serve` snapshots the store (`Store.backup`: hard links, a few milliseconds) and runs
`oxigraph serve-read-only --union-default-graph` on the snapshot, bound to 127.0.0.1.  Serving a
snapshot rather than the live directory is what makes it safe beside a writer: Oxigraph documents
a read-only open beside a writing process as undefined behaviour, while a snapshot is a separate
database no one writes.  `kg build` can run on the store while it is served; restart `kg serve`
to publish the newer build.  Queries see the default graph as the union of the named graphs, as
the embedded store does, so `kg query --store http://127.0.0.1:PORT/query` gives the same answers.

`OxigraphServer` also starts a writable server (tests, benchmarks, `kg build --store URL`).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from kg.errors import KGError, StoreError


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph")
    if not found:
        raise KGError("the `oxigraph` server is not installed: pip install oxigraph")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """In the server's process before exec: Linux stops it when we die, even by SIGKILL."""
    try:
        import ctypes
        import signal
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)   # PR_SET_PDEATHSIG
    except Exception:
        pass


class OxigraphServer:
    """`oxigraph serve[-read-only]` on `host:port` as a child process; a context manager."""

    def __init__(self, location: str | os.PathLike | None, port: int | None = None,
                 host: str = "127.0.0.1", read_only: bool = False, union: bool = True,
                 timeout_s: int | None = None, quiet: bool = True):
        self.location = str(location) if location else None
        self.host, self.port = host, port or free_port(host)
        cmd = [oxigraph_binary(), "serve-read-only" if read_only else "serve"]
        if self.location:
            cmd += ["--location", self.location]
        elif read_only:
            raise KGError("a read-only server needs a store directory")
        cmd += ["--bind", f"{host}:{self.port}"]
        if union:
            cmd.append("--union-default-graph")
        if timeout_s:
            cmd += ["--timeout-s", str(int(timeout_s))]
        self.cmd = cmd
        self.quiet = quiet
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    def start(self, wait: float = 20.0) -> "OxigraphServer":
        out = subprocess.DEVNULL if self.quiet else None
        # Quiet: stderr to a file, not a pipe nobody reads (a server logging errors would block
        # once the pipe's 64 KB are full); read back if the server fails to start.
        self._err = tempfile.TemporaryFile() if self.quiet else None
        self.proc = subprocess.Popen(self.cmd, stdout=out, stderr=self._err,
                                     preexec_fn=_die_with_parent)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = ""
                if self._err is not None:
                    self._err.seek(0)
                    err = self._err.read().decode("utf-8", "replace").strip()
                line = err.splitlines()[-1] if err else f"exit status {self.proc.returncode}"
                raise StoreError(f"oxigraph server did not start: {line}")
            try:
                with urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=1):
                    return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.05)
        self.stop()
        raise StoreError(f"oxigraph server did not answer on {self.url} within {wait:.0f} s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if getattr(self, "_err", None) is not None:
            self._err.close()
            self._err = None

    def wait(self) -> int:
        return self.proc.wait() if self.proc else 0

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def snapshot(store_dir: str | os.PathLike) -> Path:
    """A consistent copy of the store beside it (hard links); the caller deletes it."""
    from kg.store import EmbeddedStore
    src = Path(store_dir)
    if not (src / "CURRENT").exists():
        raise StoreError(f"{store_dir}: no store here; run `kg build` first")
    holder = Path(tempfile.mkdtemp(prefix=".kg-serve-", dir=src.resolve().parent))
    target = holder / "snapshot"
    try:
        st = EmbeddedStore(src, create=False)
        try:
            st.backup(target)
        finally:
            st.close()
    except BaseException:
        shutil.rmtree(holder, ignore_errors=True)
        raise
    return target


class CorsProxy:
    """A small HTTP proxy on `host:port` in front of `target` (a local server) that allows one
    browser origin: answers CORS preflights and adds `Access-Control-Allow-Origin: ORIGIN` to
    answers for requests from that origin (Oxigraph's own `--cors` allows every origin)."""

    def __init__(self, target: str, origin: str, port: int, host: str = "127.0.0.1"):
        import http.client
        import http.server
        import threading
        import urllib.parse
        self.origin = origin.rstrip("/")
        parsed = urllib.parse.urlsplit(target)
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def _cors(self) -> None:
                if self.headers.get("Origin", "").rstrip("/") == proxy.origin:
                    self.send_header("Access-Control-Allow-Origin", proxy.origin)
                    self.send_header("Access-Control-Expose-Headers", "Content-Type")
                self.send_header("Vary", "Origin")

            def do_OPTIONS(self):
                self.send_response(204)
                self._cors()
                if self.headers.get("Origin", "").rstrip("/") == proxy.origin:
                    self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                    self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")
                    self.send_header("Access-Control-Max-Age", "600")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def _forward(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n) if n else None
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() in ("accept", "content-type", "accept-encoding")}
                conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=3600)
                try:
                    conn.request(self.command, self.path, body=body, headers=headers)
                    resp = conn.getresponse()
                    data = resp.read()
                except OSError as e:
                    self.send_error(502, f"SPARQL server unreachable: {e}")
                    return
                finally:
                    conn.close()
                self.send_response(resp.status)
                for k, v in resp.getheaders():
                    if k.lower() not in ("content-length", "connection", "transfer-encoding",
                                         "access-control-allow-origin", "vary", "server",
                                         "date"):
                        self.send_header(k, v)
                self._cors()
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _forward

        self.httpd = http.server.ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="kg-cors-proxy",
                                        daemon=True)

    def start(self) -> "CorsProxy":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class Published:
    """A read-only endpoint over a snapshot of `store_dir`; stop() removes the snapshot.

    `cors`: a browser origin allowed to query it (`*` for any: Oxigraph's own `--cors`; one
    origin: a small proxy in front of Oxigraph).  `timeout_s`: queries running longer are
    stopped with an error answer (Oxigraph's `--timeout-s`)."""

    def __init__(self, store_dir: str | os.PathLike, port: int | None = None,
                 host: str = "127.0.0.1", cors: str | None = None,
                 timeout_s: float | None = None):
        self.snapshot = snapshot(store_dir)
        self.proxy = None
        self.cors = cors
        self.public = (host, port or free_port(host))
        proxied = bool(cors) and cors != "*"
        self.server = OxigraphServer(self.snapshot, port=None if proxied else self.public[1],
                                     host=host, read_only=True, quiet=proxied,
                                     timeout_s=max(1, round(timeout_s)) if timeout_s else None)
        if cors == "*":
            self.server.cmd.append("--cors")

    @property
    def query_url(self) -> str:
        return f"http://{self.public[0]}:{self.public[1]}/query"

    def start(self) -> "Published":
        try:
            self.server.start()
            if self.cors and self.cors != "*":
                self.proxy = CorsProxy(self.server.url, self.cors, self.public[1],
                                       self.public[0]).start()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.proxy:
            self.proxy.stop()
        self.server.stop()
        shutil.rmtree(self.snapshot.parent, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def serve(store_dir: str | os.PathLike, port: int = 7878, host: str = "127.0.0.1",
          on_ready=None, cors: str | None = None, timeout_s: float | None = None) -> None:
    """Publish `store_dir` read-only until interrupted (Ctrl-C or SIGTERM)."""
    import signal

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        with Published(store_dir, port=port, host=host, cors=cors, timeout_s=timeout_s) as pub:
            if on_ready:
                on_ready(pub.query_url)
            try:
                pub.server.wait()
            except KeyboardInterrupt:
                pass
    finally:
        signal.signal(signal.SIGTERM, previous)
