"""`python -m build_scripts serve`: build the site, then serve it on http://127.0.0.1:8000 until Ctrl-C."""

HELP = "build the site, then serve it on http://127.0.0.1:8000 (Ctrl-C stops)"


def add_arguments(parser):
    parser.add_argument("--package", default="datapackage", help="package folder (default: datapackage/)")
    parser.add_argument("--site-dir", default="site", help="where the built site goes (default: site/)")
    parser.add_argument("--build-dir", default="build", help="git-ignored folder for generated pages (default: build/)")
    parser.add_argument("--port", type=_port, default=8000, help="port on 127.0.0.1, 1 to 65535 (default: 8000)")
    parser.add_argument("--no-build", action="store_true", help="serve the existing site without building")


def _port(text: str) -> int:
    import argparse

    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1 to 65535)") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (1 to 65535)")
    return port


def run(args) -> int:
    import functools
    import signal
    import sys
    from pathlib import Path

    from build_scripts import settings
    from build_scripts.pipeline import run as build
    from build_scripts.pipeline.progress import Progress

    if not args.site_dir.strip():
        print("serve: --site-dir is empty; give a folder", file=sys.stderr)
        return 1
    site_dir = Path(args.site_dir)
    if not args.no_build:
        code = build(args.package, args.site_dir, args.build_dir, Progress())
        if code != 0:
            return code
    if not (site_dir / "index.html").is_file():
        print(f"serve: {site_dir} has no built site (index.html is missing); run the build first", file=sys.stderr)
        return 1
    handler = functools.partial(_QuietHandler, directory=str(site_dir.resolve()))
    try:
        server = QuietServer((settings.SERVE_HOST, args.port), handler)
    except OSError as error:
        print(f"serve: cannot listen on {settings.SERVE_HOST}:{args.port}: {error.strerror}", file=sys.stderr)
        return 1
    # Ctrl-C (and a SIGTERM) stop the server cleanly, even when started by a process that ignores SIGINT
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    print(f"serving {site_dir} at http://{settings.SERVE_HOST}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        server.server_close()
    return 0


def _server_base():
    import http.server

    return http.server.ThreadingHTTPServer


class QuietServer(_server_base()):
    """A threading HTTP server that says nothing when a browser hangs up on a file still being sent (it
    does so whenever a page is left before it has loaded): that is no error of the site."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        import sys

        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def _handler_base():
    import http.server

    return http.server.SimpleHTTPRequestHandler


class _QuietHandler(_handler_base()):
    extensions_map = {**_handler_base().extensions_map, ".json": "application/json", ".parquet": "application/vnd.apache.parquet",
                      ".svg": "image/svg+xml", ".js": "text/javascript"}

    def log_message(self, format, *args):  # one line a request would drown the terminal
        pass

    def translate_path(self, path):
        # a NUL (%00) or other character no file name can hold is a 404, not a traceback in the log
        import os
        import urllib.parse

        decoded = urllib.parse.unquote(path.split("?", 1)[0].split("#", 1)[0])
        if "\x00" in decoded:
            return os.path.join(self.directory, ".no-such-file")
        return super().translate_path(path)

    def send_head(self):
        try:
            return super().send_head()
        except (ValueError, OSError):
            self.send_error(404, "File not found")
            return None
