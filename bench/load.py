"""Load: 100 concurrent users over the main pages for 60 s, on gunicorn as `make run` starts it.

    make bench-load        (or: python bench/load.py [seconds])

A fresh SQLite database gets what `make run` loads (reference data, Brå's statistics, demo
logins). Gunicorn serves it with the same workers as `make run`; `wrk` (HTTP load generator,
Debian package) keeps 100 connections busy, logged in as the demo coordinator, cycling over
public and workspace pages. Printed: requests/s, p50/p95/p99 latency, errors and non-2xx
answers; then the same for a static file measured in this run, as the baseline.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
WORKERS = "3"  # as in the Makefile's run target
CONNECTIONS = 100
PAGES = [
    "/",
    "/kommun/0680/",
    "/sok/?q=j%C3%B6n",
    "/kallor/",
    "/kommun/0680/brottsforebyggande-arbete/",
    "/arbetsyta/",
    "/arbetsyta/0680/",
    "/arbetsyta/0680/lagesbild/",
    "/arbetsyta/0680/atgardsplan/",
    "/arbetsyta/0680/lagkrav/",
    "/arbetsyta/0680/arsredovisning/",
]
STATIC = "/static/forebygg/site.css"
LUA = """
local paths = {%s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%%d duration_us=%%d p50=%%d p95=%%d p99=%%d "
    .. "connect=%%d read=%%d write=%%d status=%%d timeout=%%d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(env: dict) -> None:
    for command in (
        ["migrate", "--noinput"],
        ["import-reference"],
        ["import-statistics"],
        ["create-demo"],
        ["collectstatic", "--noinput"],
    ):
        subprocess.run([BIN / "forebygg", *command], env=env, check=True, capture_output=True)


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"Servern svarade inte på {url}")


def session_cookie(base: str) -> str:
    """Log in as the demo coordinator through the real login form."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(f"{base}/logga-in/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "samordnare", "password": "demo-forebygg-2026"}
    ).encode()
    opener.open(urllib.request.Request(f"{base}/logga-in/", data, {"Referer": f"{base}/"}))
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "sessionid" not in cookies:
        raise SystemExit("Inloggningen misslyckades")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def run_wrk(base: str, paths: list[str], cookie: str, seconds: int, workdir: Path) -> dict:
    script = workdir / "pages.lua"
    script.write_text(LUA % ", ".join(f'"{path}"' for path in paths))
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s",
         "-H", f"Cookie: {cookie}", "-s", str(script), base],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    result = dict(re.findall(r"(\w+)=(\d+)", output.split("RESULT", 1)[1]))
    return {key: int(value) for key, value in result.items()}


def describe(name: str, result: dict) -> float:
    rate = result["requests"] / (result["duration_us"] / 1e6)
    errors = sum(result[key] for key in ("connect", "read", "write", "timeout"))
    print(
        f"{name}: {rate:.0f} requests/s, p50 {result['p50'] / 1000:.1f} ms, "
        f"p95 {result['p95'] / 1000:.1f} ms, p99 {result['p99'] / 1000:.1f} ms, "
        f"{result['requests']} requests, {errors} errors, {result['status']} non-2xx/3xx"
    )
    return rate


def main(seconds: int) -> int:
    workdir = Path(tempfile.mkdtemp())
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "forebygg.settings",
        "FOREBYGG_DATABASE_URL": f"sqlite:///{workdir / 'load.sqlite3'}",
    }
    print("Förbereder databasen som make run gör …", file=sys.stderr)
    prepare(env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [BIN / "gunicorn", "forebygg.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", WORKERS],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(f"{base}/")
        cookie = session_cookie(base)
        for path in PAGES:
            request = urllib.request.Request(base + path, headers={"Cookie": cookie})
            assert urllib.request.urlopen(request).status == 200, path
        print(f"{CONNECTIONS} samtidiga användare i {seconds} s över {len(PAGES)} sidor")
        pages = run_wrk(base, PAGES, cookie, seconds, workdir)
        rate = describe("Main pages", pages)
        baseline = run_wrk(base, [STATIC], cookie, max(seconds // 6, 5), workdir)
        baseline_rate = describe("Baseline: one static file", baseline)
        print(f"throughput ratio main pages / static file: {rate / baseline_rate:.2f}")
        failures = sum(pages[key] for key in ("connect", "read", "write", "timeout", "status"))
        return 1 if failures else 0
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 60))
