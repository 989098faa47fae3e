"""`serve` serves the built site on 127.0.0.1 in both languages and stops cleanly on Ctrl-C."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_serves_both_languages_and_stops_on_ctrl_c(tmp_path):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<html lang=vi>Trang chủ</html>", encoding="utf-8")
    (site / "en" / "index.html").write_text("<html lang=en>Home</html>", encoding="utf-8")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "build_scripts", "serve", "--no-build", "--site-dir", str(site),
                                "--port", str(port)], cwd=REPO, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(50):
            try:
                vi = urllib.request.urlopen(f"http://127.0.0.1:{port}/").read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("the server did not answer")
        en = urllib.request.urlopen(f"http://127.0.0.1:{port}/en/").read().decode("utf-8")
        assert "Trang chủ" in vi and "Home" in en
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)  # a loaded CI machine
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr and "stopped" in stderr


def test_serve_without_a_site_says_so(tmp_path):
    result = subprocess.run([sys.executable, "-m", "build_scripts", "serve", "--no-build", "--site-dir", str(tmp_path / "none")],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 1 and "no built site" in result.stderr and "Traceback" not in result.stderr
