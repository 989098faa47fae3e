import subprocess
import sys


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "build_scripts", *args], capture_output=True, text=True)


def test_unknown_command_is_a_usage_error_without_traceback():
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr
