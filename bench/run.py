"""`make bench`: load-test the site as it runs in production, and time uncached renders as content grows.

1. Starts gunicorn (gunicorn.conf.py, DEBUG off, HTTPS settings as behind a TLS load balancer) on a
   free 127.0.0.1 port, against a throwaway database: SQLite in a temporary folder, or, when
   DATABASE_URL names a PostgreSQL server, a new database on it that is dropped afterwards. The
   cache is CACHE_URL (e.g. Redis, under its own key prefix) or a temporary file cache.
2. Loads the home page, a treatment page, the FAQ page and the site's stylesheet (a static file of
   similar size, the ceiling for a page served by the same stack) with wrk, sending a browser's
   Accept-Encoding: 10 and then 64 connections, 10 seconds each, in 5 interleaved rounds of 2
   seconds (p50 and p99 are the rounds' medians). Pages are served from the shared page cache, as
   anonymous visitors get them; a cache-busting loop asks for the home page with a new query string
   on every request. Records the bytes of each response as sent.
3. With Varnish installed (Debian's varnish and varnish-modules), the same through Varnish with
   deploy/varnish/default.vcl in front of that gunicorn: the edge cache's pages against a static file
   through Varnish.
4. Renders every kind of public page uncached with 1, 100 and 1,000 treatments and FAQ entries,
   counting SQL queries and timing the median render.

Prints the tables, writes them to bench/results.json and into README.md between the bench markers.
Never touches the developer's var/db.sqlite3. Needs wrk: `apt-get install wrk`.
"""

# ruff: noqa: S310, S603 - it runs this project's own commands and fetches only http://127.0.0.1
import contextlib
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results.json"
README = BASE_DIR / "README.md"
CONNECTIONS, THREADS, SECONDS, ROUNDS = (10, 64), 2, 10, 5
SIZES = (1, 100, 1000)
RENDERS = 25
# `BENCH_QUICK=1 make bench`: a short run that checks the benchmark works, with figures not worth keeping.
if os.environ.get("BENCH_QUICK"):
    CONNECTIONS, SECONDS, SIZES, RENDERS = (10,), 5, (1, 100), 5
VCL = BASE_DIR / "deploy" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
PAGES = {
    "home": "/",
    "treatment": "/treatments/stem-cell-therapy/",
    "treatment in Spanish": "/es/treatments/stem-cell-therapy/",
    "faq": "/faq/",
}
# What browsers send: pages and static files go out compressed.
BROWSER_HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip, deflate, br, zstd"}
# Every request of the cache-busting loop carries a query string never seen before.
CACHE_BUSTER = "home, new query string each time"
CACHE_BUSTER_SCRIPT = """
init = function(args) prefix = tostring({}):match("0x(%x+)") or "0" end
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, "/?utm_source=newsletter&x=" .. prefix .. "-" .. counter)
end
"""
# Every kind of public page, for the uncached renders.
RENDERED_PAGES = {
    "home": "/",
    "treatments": "/treatments/",
    "treatment": "/treatments/stem-cell-therapy/",
    "treatment in Spanish": "/es/treatments/stem-cell-therapy/",
    "treatment's questions": "/treatments/stem-cell-therapy/questions/",
    "conditions": "/conditions/",
    "condition": "/conditions/chronic-back-pain/",
    "faq": "/faq/",
    "question": "/faq/what-are-stem-cells/",
    "provider": "/providers/rostam-khoshsar/",
    "simple page": "/about/",
    "consultation form": "/request-consultation/",
    "search": "/search/?q=treatment+pain",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def machine():
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), platform.processor())
    memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024),
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "load_average_before": round(os.getloadavg()[0], 2),
    }


@contextlib.contextmanager
def throwaway_database(folder):
    """A DATABASE_URL for an empty database that exists only during the benchmark."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{folder / 'bench.sqlite3'}"
        return
    import psycopg

    parts = urlsplit(url)
    name = f"clinic_bench_{secrets.token_hex(4)}"
    admin_url = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def cache_url(folder):
    url = os.environ.get("CACHE_URL", "")
    if url.startswith("redis"):
        return url + ("&" if "?" in url else "?") + "key_prefix=clinic-bench"
    return f"filecache://{folder / 'cache'}"


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, check=True, stdout=subprocess.DEVNULL)


def wait_until_serving(url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped while starting; see its log above.")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url, timeout=2).read()
            return
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer within {timeout} s.")


def parse_wrk(output):
    def seconds(text):
        match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
        if not match:
            raise SystemExit(f"Unexpected latency {text!r} in wrk's output:\n{output}")
        value, unit = match.groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000, "h": 3600000}[unit]

    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": round(seconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)), 2),
        "p99_ms": round(seconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)), 2),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": (int(non_2xx.group(1)) if non_2xx else 0)
        + (sum(int(n) for n in socket_errors.groups()) if socket_errors else 0),
    }


def load_test(base_url, urls, script):
    """Each address for SECONDS in all, in ROUNDS interleaved runs, so a change in the machine's load
    during the benchmark falls on every address alike rather than on whichever ran then."""
    headers = [arg for name, value in BROWSER_HEADERS.items() for arg in ("-H", f"{name}: {value}")]
    sizes = {}
    for name, path in urls.items():
        for _ in range(3):  # fill the page cache, as the first visitors do
            request = urllib.request.Request(base_url + path, headers=BROWSER_HEADERS)
            with urllib.request.urlopen(request, timeout=10) as response:
                body = response.read()
        sizes[name] = {"bytes": len(body), "encoding": response.headers.get("Content-Encoding", "none")}
    sizes[CACHE_BUSTER] = sizes["home"]
    targets = {**urls, CACHE_BUSTER: "/?utm_source=newsletter&x=<new>"}
    results = {}
    for connections in CONNECTIONS:
        runs = {name: [] for name in targets}
        for _ in range(ROUNDS):
            for name, path in targets.items():
                command = ["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{SECONDS // ROUNDS}s", "--latency", *headers]
                if name == CACHE_BUSTER:
                    command += ["-s", str(script), base_url + "/"]
                else:
                    command.append(base_url + path)
                output = subprocess.run(
                    command, capture_output=True, text=True, check=True, timeout=SECONDS + 30
                ).stdout
                runs[name].append(parse_wrk(output))
        for name, path in targets.items():
            result = {
                "path": path,
                "connections": connections,
                **sizes[name],
                "requests_per_second": round(statistics.mean(run["requests_per_second"] for run in runs[name]), 1),
                "p50_ms": statistics.median(run["p50_ms"] for run in runs[name]),
                "p99_ms": statistics.median(run["p99_ms"] for run in runs[name]),
                "requests": sum(run["requests"] for run in runs[name]),
                "errors": sum(run["errors"] for run in runs[name]),
            }
            results[f"{name} @{connections}"] = result
            print(f"  {name:<34} {connections:>3} connections {result['requests_per_second']:>7.0f} req/s", flush=True)
        static = results[f"static @{connections}"]["requests_per_second"]
        home = results[f"home @{connections}"]["requests_per_second"]
        for name in targets:
            result = results[f"{name} @{connections}"]
            result["ratio_to_static"] = round(result["requests_per_second"] / static, 2)
            if name == CACHE_BUSTER:
                result["ratio_to_cached_page"] = round(result["requests_per_second"] / home, 2)
    return results


@contextlib.contextmanager
def varnish(folder, backend_port, port):
    """Debian's varnishd with the repository's VCL, pointed at the benchmark's gunicorn."""
    vcl = folder / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";'))
    log = open(folder / "varnishd.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [
            VARNISHD, "-F", "-n", str(folder / "varnish"), "-a", f"127.0.0.1:{port}", "-T", f"127.0.0.1:{free_port()}",
            "-f", str(vcl), "-s", "malloc,256m", "-j", "none",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"varnishd did not start: {(folder / 'varnishd.log').read_text()}")
            with contextlib.suppress(OSError):
                request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers=BROWSER_HEADERS)
                if urllib.request.urlopen(request, timeout=2).status == 200:
                    break
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def add_content(start, stop):
    """Treatments start..stop-1, each with conditions and a provider, and as many FAQ entries in topics."""
    from faq.models import Question, Topic
    from practice.models import Provider
    from treatments.models import Condition, Treatment

    stem_cells = Treatment.objects.get(slug="stem-cell-therapy")
    doctor = Provider.objects.get(slug="rostam-khoshsar")
    body = "<p>" + "What it is, who it helps, how it is done and what to expect. " * 20 + "</p>"
    for i in range(start, stop):
        condition = Condition.objects.create(name=f"Condition {i}", slug=f"condition-{i}", is_published=True)
        treatment = Treatment.objects.create(
            name=f"Treatment {i}",
            slug=f"treatment-{i}",
            summary="A short summary of the treatment.",
            body=body,
            is_published=True,
            is_featured=i < 6,
        )
        treatment.conditions.set([condition])
        treatment.providers.set([doctor])
        topic = Topic.objects.get_or_create(name=f"Topic {i // 10}", slug=f"topic-{i // 10}", is_published=True)[0]
        Question.objects.create(
            question=f"Question {i}?",
            slug=f"question-{i}",
            answer=body,
            topic=topic,
            treatment=stem_cells if i % 10 == 0 else treatment,
            is_published=True,
        )


def render_timings():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="localhost")
    results = {}
    for name, path in RENDERED_PAGES.items():
        client.get(path)
        wall, cpu, counts = [], [], set()
        for _ in range(RENDERS):
            with CaptureQueriesContext(connection) as queries:
                started, started_cpu = time.perf_counter(), time.process_time()
                response = client.get(path)
                wall.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            assert response.status_code == 200, (path, response.status_code)
            counts.add(len(queries))
        results[name] = {
            "queries": max(counts),
            "median_ms": round(statistics.median(wall), 2),
            # This process's own CPU time (with SQLite, the queries' too): what other programs on
            # a busy machine cannot inflate.
            "median_cpu_ms": round(statistics.median(cpu), 2),
        }
    return results


def load_table(load):
    lines = [
        "| Address | Bytes sent | Connections | Requests/s | p50 | p99 | Errors | Of static |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in load.values():
        of_static = f"{result['ratio_to_static']:.0%}"
        if "ratio_to_cached_page" in result:
            of_static += f" ({result['ratio_to_cached_page']:.0%} of `/`)"
        lines.append(
            f"| `{result['path']}` | {result['bytes']:,} ({result['encoding']}) | {result['connections']} | "
            f"{result['requests_per_second']:.0f} | {result['p50_ms']:.1f} ms | {result['p99_ms']:.1f} ms | "
            f"{result['errors']} | {of_static} |"
        )
    return lines


def markdown(report):
    lines = [
        f"Measured {report['date']} on {report['machine']['cpu']}, {report['machine']['cores']} cores, "
        f"{report['machine']['memory_gb']} GB, {report['machine']['os']}, Python {report['machine']['python']}; "
        f"{report['database']} and {report['cache']}; gunicorn with {report['workers']} workers; wrk with "
        f"{' and '.join(map(str, CONNECTIONS))} connections for {SECONDS} s per address in {ROUNDS} interleaved "
        f"rounds, sending a browser's Accept-Encoding "
        f"(load average before: {report['machine']['load_average_before']}).",
        "",
        *load_table(report["load"]),
    ]
    if report.get("edge"):
        lines += [
            "",
            'Through Varnish (deploy/varnish/default.vcl) in front of the same gunicorn; "of static" is the '
            "stylesheet through Varnish:",
            "",
            *load_table(report["edge"]),
        ]
    lines += [
        "",
        "Uncached render (no page cache) with 1, 100 and 1,000 treatments and as many FAQ entries: SQL queries, "
        "and the median time per page as this process's CPU time (wall-clock time, which other programs on the "
        "machine inflate, in brackets):",
        "",
    ]
    sizes = list(report["renders"])
    lines.append("| Page | " + " | ".join(f"{int(size):,}" for size in sizes) + " |")
    lines.append("| --- | " + " | ".join("---:" for _ in sizes) + " |")
    for name, path in RENDERED_PAGES.items():
        cells = [
            f"{page['queries']} queries, {page['median_cpu_ms']:.1f} ms ({page['median_ms']:.0f} ms)"
            for page in (report["renders"][size][name] for size in sizes)
        ]
        lines.append(f"| {name} `{path}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def update_readme(table):
    text = README.read_text()
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        README.write_text(before + start + "\n" + table + "\n" + end + rest.split(end, 1)[1])


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk  (Debian's package; then run `make bench` again)")
    facts = machine()  # before the benchmark adds its own load
    folder = Path(tempfile.mkdtemp(prefix="clinic-bench-"))
    server = None
    try:
        with throwaway_database(folder) as database_url:
            os.environ.update(
                {
                    "DJANGO_ENV_FILE": str(folder / "no.env"),
                    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
                    "DJANGO_DEBUG": "false",
                    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                    "DJANGO_HTTPS": "true",
                    "DJANGO_SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO=https",
                    "DATABASE_URL": database_url,
                    "CACHE_URL": cache_url(folder),
                    "STATIC_ROOT": str(folder / "static"),
                    "OUTAGE_CONTACT_FILE": str(folder / "outage-contact.json"),
                    "LOG_LEVEL": "WARNING",
                }
            )
            print(f"Setting up a throwaway site in {folder} ...", flush=True)
            manage("migrate", "--noinput", "-v0")
            manage("collectstatic", "--noinput", "-v0")
            port, varnish_port = free_port(), free_port()
            base_url = f"http://127.0.0.1:{port}"
            env = os.environ | {"BIND": f"127.0.0.1:{port}"}
            if Path(VARNISHD).exists():
                # The app then lets Varnish keep pages (s-maxage) and purges them when content changes.
                env["EDGE_CACHE_URLS"] = f"http://127.0.0.1:{varnish_port}"
            log = open(folder / "gunicorn.log", "w")  # noqa: SIM115 - closed with the folder
            server = subprocess.Popen(
                [str(Path(sys.executable).with_name("gunicorn")), "-c", "gunicorn.conf.py", "clinic_site.wsgi"],
                cwd=BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            wait_until_serving(base_url + "/healthz", server)
            home = urllib.request.urlopen(
                urllib.request.Request(base_url + "/", headers={"X-Forwarded-Proto": "https"})
            ).read()
            stylesheet = re.search(rb'href="(/static/css/site\.[0-9a-f]+\.css)"', home).group(1).decode()
            print(f"Load test, {CONNECTIONS} connections, {SECONDS} s each:", flush=True)
            script = folder / "cache-buster.lua"
            script.write_text(CACHE_BUSTER_SCRIPT)
            load = load_test(base_url, PAGES | {"static": stylesheet}, script)
            edge = None
            if Path(VARNISHD).exists():
                with varnish(folder, port, varnish_port) as varnish_url:
                    print("Through Varnish:", flush=True)
                    edge = load_test(varnish_url, PAGES | {"static": stylesheet}, script)
            else:
                print("Varnish is not installed (apt-get install varnish varnish-modules): no edge figures.")
            workers = int(env.get("WEB_CONCURRENCY") or (os.cpu_count() * 2 + 1))
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
            server = None

            import django

            os.environ["DJANGO_SETTINGS_MODULE"] = "clinic_site.settings"
            os.environ["PAGE_CACHE_SECONDS"] = "0"  # every request renders
            sys.path.insert(0, str(BASE_DIR))
            django.setup()
            from django.db import connection

            renders, done = {}, 0
            for size in SIZES:
                print(f"Uncached renders with {size} treatments and FAQ entries ...", flush=True)
                add_content(done, size - 1)  # the launch content brings the first of each
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute("ANALYZE")  # as autovacuum soon does after bulk changes: production's plans
                done = size - 1
                renders[str(size)] = render_timings()

            report = {
                "date": time.strftime("%Y-%m-%d", time.gmtime()),
                "machine": facts,
                "database": "PostgreSQL" if database_url.startswith("postgres") else "SQLite",
                "cache": "Redis" if os.environ["CACHE_URL"].startswith("redis") else "the file cache",
                "workers": workers,
                "load": load,
                "edge": edge,
                "renders": renders,
            }
    finally:
        if server is not None:
            server.kill()
            server.wait()
        shutil.rmtree(folder, ignore_errors=True)
    table = markdown(report)
    print()
    print(table)
    if os.environ.get("BENCH_QUICK"):
        print("\nA quick run: README.md and bench/results.json are left as they were.")
        return
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    update_readme(table)
    print(f"\nWrote {RESULTS.relative_to(BASE_DIR)} and the table in README.md.")


if __name__ == "__main__":
    main()
