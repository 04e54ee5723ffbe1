"""Speed and memory of the annual bilans on 1,000,000 generated accompaniments (issue 9,
"Speed and memory").

    python benchmarks/bilans.py [--count 1000000] [--year YYYY] [--rounds 20] [--csv-runs 3]

On the benchmark database (see _setup.py), holding --count accompaniments in the measured
year (generators/accompaniments.py with its ``year``, so that the year's raw CSV has them
all; generated first, about a minute for a million, when that year holds fewer). The year
is --year, or else the year that already holds --count entries, or else last year, the
last complete one. Generated so, the year before is empty: a structure's bilan counts
it too, over its own entries, and finds none. Two accounts, each with a session made in
the database and its cookie sent by hand: "bench-coordination" (coordination, staff) and
"bench-partenaire" (partenaire), attached to the structure with the most entries in the
year, the largest partner.

Over HTTP to bin/start (gunicorn, production settings; see _http.py), each request
followed by /healthz, the floor:

- /espace/bilans/<year>/ as the coordinator (the whole territory, read from the tally),
  as the coordinator with ?structure=<the partner's> and as the partner (both counted on
  the spot over the structure's entries): median, p95 and ratio to the floor (targets:
  ≤ 1000 ms for the coordinator, ≤ 300 ms for the partner);
- /espace/bilans/<year>/accompagnements.csv as the coordinator, --csv-runs times: the body
  read as a stream, 64 KB at a time, its lines counted and never kept, the rows per second
  (target ≥ 100,000), and the memory of the gunicorn worker that served it, found by its
  end of the TCP connection among the master's children, its VmRSS sampled every few
  milliseconds while it streams (target: peak < 150 MB), with its VmHWM (the peak of its
  whole life, earlier requests included).

Then, from this process: PostgreSQL's own COPY of the same SELECT (diagnostics.exports
.raw_query), read with psycopg, and the ratio of the portal's time to it; exports
.stream_raw() alone, without HTTP, to tell the two shares apart. Then the bilan requests
through the Django test client, for what HTTP cannot show: the number of queries of
each, the median of each query, and EXPLAIN (ANALYZE, BUFFERS) of the slowest query seen.

The load average is printed: figures taken while other processes share the cores are
not figures of the code, and the ratio to the floor is the steadier one.
"""

import argparse
import http.client
import os
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from _http import (
    TIMING_HEADER,
    Browser,
    print_floor,
    served_portal,
    time_against_floor,
    timing_columns,
)
from _setup import CLIENT_ROUNDS, django_on_bench_database, print_explain, with_queries

COORDINATOR = "bench-coordination"
PARTNER = "bench-partenaire"
# bench-conseiller's entries, as benchmarks/accompaniments.py wants them: the two
# benchmarks share the database, and neither regenerates the other's data.
CONSEILLER_ENTRIES = 20_000
COORDINATOR_TARGET_MS = 1000
PARTNER_TARGET_MS = 300
CSV_TARGET_ROWS_PER_S = 100_000
CSV_TARGET_MB = 150
READ_BYTES = 64 * 1024
SAMPLE_SECONDS = 0.005


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument(
        "--year", type=int, help="Year measured (default: the one holding --count, or last year)."
    )
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--csv-runs", type=int, default=3)
    args = parser.parse_args()

    django_on_bench_database()
    from django.conf import settings
    from django.test import Client

    print("Load average (1, 5, 15 min) at the start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    year = data_year(args.count, args.year)
    partner_structure, coordinator, partner = accounts(year)
    bilan_url = f"/espace/bilans/{year}/"
    csv_url = f"/espace/bilans/{year}/accompagnements.csv"

    clients = {COORDINATOR: Client(), PARTNER: Client()}
    clients[COORDINATOR].force_login(coordinator)
    clients[PARTNER].force_login(partner)
    sessions = {
        name: client.cookies[settings.SESSION_COOKIE_NAME].value for name, client in clients.items()
    }
    structure_params = {"structure": partner_structure.slug}
    cases = {
        "coordination, territory": (COORDINATOR, {}, COORDINATOR_TARGET_MS),
        "coordination, structure": (COORDINATOR, structure_params, COORDINATOR_TARGET_MS),
        "partenaire": (PARTNER, {}, PARTNER_TARGET_MS),
    }

    with served_portal() as port:
        browsers = {
            name: Browser(port, cookies={settings.SESSION_COOKIE_NAME: session})
            for name, session in sessions.items()
        }
        requests = {
            name: lambda who=who, params=params: browsers[who].get(
                f"{bilan_url}?{urlencode(params)}" if params else bilan_url
            )
            for name, (who, params, _target) in cases.items()
        }
        print(f"Timing {bilan_url} ({args.rounds} rounds)…", flush=True)
        runs, floor = time_against_floor(browsers[COORDINATOR], requests, rounds=args.rounds)
        print(f"Streaming {csv_url} ({args.csv_runs} runs)…", flush=True)
        cookie = f"{settings.SESSION_COOKIE_NAME}={sessions[COORDINATOR]}"
        streams = [stream_csv(port, csv_url, cookie) for _ in range(args.csv_runs)]

    copies = [copy_of_the_same_rows(year) for _ in range(args.csv_runs)]
    in_process = stream_raw_alone(year)

    queries = {name: [] for name in cases}
    client_ms = {name: [] for name in cases}
    for _ in range(CLIENT_ROUNDS):
        for name, (who, params, _target) in cases.items():
            run = with_queries(clients[who], "get", bilan_url, params, expected=200)
            queries[name].append(run["queries"])
            client_ms[name].append(run["ms"])
    for client in clients.values():
        client.logout()

    report_pages(runs, floor, queries, client_ms, cases)
    report_csv(csv_url, streams, copies, in_process)
    report_queries(queries)
    print("\nLoad average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


def data_year(count: int, asked: int | None) -> int:
    """The year measured, generating its entries first when it holds fewer than ``count``."""
    from django.db.models import Count
    from django.db.models.functions import ExtractYear
    from django.utils import timezone

    from benchmarks.generators.accompaniments import generate_accompaniments
    from permanences.models import Accompagnement

    def by_year():
        return dict(
            Accompagnement.objects.annotate(year=ExtractYear("date"))
            .values_list("year")
            .annotate(entries=Count("pk"))
            .values_list("year", "entries")
        )

    years = by_year()
    fullest = max(years, key=years.get, default=None)
    year = asked or (fullest if years.get(fullest, 0) >= count else timezone.localdate().year - 1)
    if years.get(year, 0) < count:
        print(f"Generating {count} accompaniments in {year} (first run only)…", flush=True)
        generate_accompaniments(
            count=count, conseiller_entries=CONSEILLER_ENTRIES, year=year, clear=True, log=print
        )
        years = by_year()
    print(
        f"{sum(years.values())} accompaniments in the benchmark database, "
        f"{years.get(year, 0)} in {year}, {years.get(year - 1, 0)} in {year - 1}."
    )
    return year


def accounts(year: int):
    """The partner's structure (the one with the most entries in the year), and the two
    accounts, created when missing and put back in their role and structure."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models import Count

    from permanences.models import Accompagnement
    from roseraie_portal import roles
    from services.models import Structure, StructureMembership

    busiest = (
        Accompagnement.objects.filter(date__year=year)
        .values_list("structure")
        .annotate(entries=Count("pk"))
        .order_by("-entries", "structure")
        .first()
    )
    structure = Structure.objects.get(pk=busiest[0])
    User = get_user_model()
    users = {}
    for username, role, staff in (
        (COORDINATOR, roles.COORDINATION, True),
        (PARTNER, roles.PARTENAIRE, False),
    ):
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.set_unusable_password()
        user.is_staff, user.is_active = staff, True
        user.save()
        user.groups.set([Group.objects.get(name=role)])
        users[username] = user
    StructureMembership.objects.update_or_create(
        user=users[PARTNER], defaults={"structure": structure}
    )
    previous = Accompagnement.objects.filter(structure=structure, date__year=year - 1).count()
    print(
        f"{PARTNER} is attached to '{structure.name}' ({structure.slug}): {busiest[1]} entries "
        f"in {year}, {previous} in {year - 1}, of {Structure.objects.count()} structures."
    )
    return structure, users[COORDINATOR], users[PARTNER]


# The raw CSV over HTTP, and the memory of the worker that serves it.


@dataclass
class Stream:
    status: int = 0
    rows: int = 0
    bytes: int = 0
    first_byte_s: float = 0.0
    seconds: float = 0.0
    worker: int | None = None
    rss_before_kb: int = 0
    rss_peak_kb: int = 0
    hwm_before_kb: int = 0
    hwm_after_kb: int = 0
    samples: int = 0
    workers_rss_kb: dict[int, int] = field(default_factory=dict)

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.seconds


def stream_csv(port: int, path: str, cookie: str) -> Stream:
    """GET the CSV on a connection of its own, read as it comes, its lines counted."""
    workers = gunicorn_workers(port)
    result = Stream(workers_rss_kb={pid: status_kb(pid, "VmRSS") for pid in workers})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.connect()
    client_port = connection.sock.getsockname()[1]
    start = time.perf_counter()
    connection.request("GET", path, headers={"Cookie": cookie})
    worker = serving_worker(port, client_port, workers)
    sampler = RssSampler(worker) if worker else None
    if worker:
        result.worker = worker
        result.rss_before_kb = result.workers_rss_kb.get(worker, 0)
        result.hwm_before_kb = status_kb(worker, "VmHWM")
        sampler.start()
    answer = connection.getresponse()
    result.status = answer.status
    lines = 0
    while chunk := answer.read(READ_BYTES):
        if not result.bytes:
            result.first_byte_s = time.perf_counter() - start
        result.bytes += len(chunk)
        lines += chunk.count(b"\n")
    result.seconds = time.perf_counter() - start
    connection.close()
    result.rows = max(0, lines - 1)  # the header
    if sampler:
        sampler.stop()
        result.rss_peak_kb, result.samples = sampler.peak_kb, sampler.samples
        result.hwm_after_kb = status_kb(worker, "VmHWM")
    if result.status != 200:
        raise SystemExit(f"GET {path} over HTTP: {result.status}, not 200")
    return result


def gunicorn_workers(port: int) -> list[int]:
    """The processes holding the server's listening socket, the gunicorn master and its
    workers: the workers are those whose parent is among them."""
    listening = _socket_inodes(lambda local, remote, state: local == port and state == "0A")
    holders = _holders(listening)
    parents = {pid: int(_status(pid).get("PPid", "0")) for pid in holders}
    return sorted(pid for pid, parent in parents.items() if parent in holders)


def serving_worker(port: int, client_port: int, workers: list[int], wait_s=5.0) -> int | None:
    """The worker that accepted our connection: the one holding the server's end of it."""
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        inodes = _socket_inodes(
            lambda local, remote, state: local == port and remote == client_port and state == "01"
        )
        if holder := _holders(inodes, workers):
            return min(holder)
        time.sleep(0.001)
    return None


def _socket_inodes(keep) -> set[str]:
    """Inodes of the IPv4 TCP sockets of 127.0.0.1 that ``keep(local port, remote port,
    state)`` selects (/proc/net/tcp; state 0A listens, 01 is established)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, state, inode = fields[1], fields[2], fields[3], fields[9]
        if keep(int(local.split(":")[1], 16), int(remote.split(":")[1], 16), state):
            inodes.add(inode)
    return inodes


def _holders(inodes: set[str], pids=None) -> set[int]:
    wanted = {f"socket:[{inode}]" for inode in inodes}
    candidates = pids if pids is not None else [int(p) for p in os.listdir("/proc") if p.isdigit()]
    found = set()
    for pid in candidates:
        try:
            for fd in os.scandir(f"/proc/{pid}/fd"):
                if os.readlink(fd.path) in wanted:
                    found.add(pid)
                    break
        except OSError:  # gone, or not ours
            continue
    return found


def _status(pid: int) -> dict[str, str]:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    return dict(line.split(":\t", 1) for line in lines if ":\t" in line)


def status_kb(pid: int, name: str) -> int:
    """VmRSS, VmHWM… of a process, in kB (0 once it is gone)."""
    value = _status(pid).get(name, "0 kB")
    return int(value.split()[0])


class RssSampler(threading.Thread):
    """Samples a process's VmRSS until stopped, keeping the largest."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.samples = pid, 0, 0
        self._stop_event = threading.Event()

    def run(self):
        while not self._stop_event.is_set():
            self.peak_kb = max(self.peak_kb, status_kb(self.pid, "VmRSS"))
            self.samples += 1
            self._stop_event.wait(SAMPLE_SECONDS)

    def stop(self):
        self._stop_event.set()
        self.join()


@dataclass
class Copy:
    rows: int
    bytes: int
    seconds: float

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.seconds


def copy_of_the_same_rows(year: int) -> Copy:
    """PostgreSQL's own COPY (SELECT …) TO STDOUT (FORMAT csv) of the export, read from
    this process with psycopg, counted and dropped (libpq hands a COPY over row by row)."""
    from django.db import connection

    from diagnostics.exports import raw_query
    from services.selectors import Scope

    statement = raw_query(year=year, scope=Scope(everything=True))
    connection.ensure_connection()
    rows = size = 0
    start = time.perf_counter()
    with connection.connection.cursor() as cursor, cursor.copy(statement) as copy:
        for data in copy:
            size += len(data)
            rows += 1
    return Copy(rows, size, time.perf_counter() - start)


def stream_raw_alone(year: int) -> Copy:
    """diagnostics.exports.stream_raw() in this process: the portal's part without HTTP."""
    from diagnostics.exports import stream_raw
    from services.selectors import Scope

    lines = size = 0
    start = time.perf_counter()
    for chunk in stream_raw(year=year, scope=Scope(everything=True)):
        size += len(chunk)
        lines += chunk.count(b"\n")
    return Copy(lines - 1, size, time.perf_counter() - start)


# The report.


def report_pages(runs, floor, queries, client_ms, cases) -> None:
    print("\nOver HTTP to bin/start; queries and the test client's median from its own pass.")
    print(
        f"{'/espace/bilans/<year>/':<25} {TIMING_HEADER} {'queries':>8} {'client':>9} {'KB':>5}"
        "   target"
    )
    for name, responses in runs.items():
        times = [response.ms for response in responses]
        counts = "/".join(str(count) for count in sorted({len(run) for run in queries[name]}))
        kb = statistics.median(len(response.body) for response in responses) / 1024
        target_ms = cases[name][2]
        met = "OK" if statistics.median(times) <= target_ms else "MISSED"
        client = statistics.median(client_ms[name])
        print(
            f"{name:<25} {timing_columns(times, floor)} {counts:>8} {client:>7.1f}ms {kb:>5.0f}"
            f"   median ≤ {target_ms} ms: {met}"
        )
    print_floor(floor)


def report_csv(url, streams: list[Stream], copies: list[Copy], in_process: Copy) -> None:
    print(f"\nRaw CSV {url} as the coordinator, over HTTP, {len(streams)} runs:")
    for number, run in enumerate(streams, 1):
        worker = (
            f"worker {run.worker}: VmRSS {run.rss_before_kb / 1024:.0f} MB before, "
            f"peak {run.rss_peak_kb / 1024:.0f} MB ({run.samples} samples), VmHWM "
            f"{run.hwm_before_kb / 1024:.0f} → {run.hwm_after_kb / 1024:.0f} MB"
            if run.worker
            else "serving worker not found; workers' VmRSS before: "
            + ", ".join(f"{kb / 1024:.0f} MB" for kb in run.workers_rss_kb.values())
        )
        print(
            f"  run {number}: {run.rows:,} rows, {run.bytes / 1e6:.1f} MB in {run.seconds:.2f} s "
            f"(first byte {run.first_byte_s * 1000:.0f} ms): {run.rows_per_s:,.0f} rows/s; {worker}"
        )
    rate = statistics.median(run.rows_per_s for run in streams)
    peak_mb = max(run.rss_peak_kb for run in streams) / 1024
    print(
        f"  median {rate:,.0f} rows/s (target ≥ {CSV_TARGET_ROWS_PER_S:,}: "
        f"{'OK' if rate >= CSV_TARGET_ROWS_PER_S else 'MISSED'}); highest peak VmRSS of the "
        f"serving worker {peak_mb:.0f} MB (target < {CSV_TARGET_MB} MB: "
        f"{'OK' if peak_mb < CSV_TARGET_MB and all(r.worker for r in streams) else 'MISSED'})"
    )
    if any(run.rows != streams[0].rows for run in streams):
        print("  THE RUNS DID NOT GET THE SAME NUMBER OF ROWS.")
    print("PostgreSQL's COPY (same SELECT) TO STDOUT (FORMAT csv), from this process (psycopg):")
    for number, copy in enumerate(copies, 1):
        print(
            f"  run {number}: {copy.rows:,} rows, {copy.bytes / 1e6:.1f} MB in "
            f"{copy.seconds:.2f} s: {copy.rows_per_s:,.0f} rows/s"
        )
    copy_s = statistics.median(copy.seconds for copy in copies)
    portal_s = statistics.median(run.seconds for run in streams)
    print(
        f"  portal / COPY (median times): {portal_s:.2f} s / {copy_s:.2f} s = "
        f"{portal_s / copy_s:.2f}"
    )
    if copies[0].rows != streams[0].rows:
        print(f"  NOT THE SAME ROWS: {copies[0].rows:,} by COPY, {streams[0].rows:,} over HTTP.")
    print(
        f"exports.stream_raw() in this process, without HTTP: {in_process.rows:,} rows, "
        f"{in_process.bytes / 1e6:.1f} MB in {in_process.seconds:.2f} s: "
        f"{in_process.rows_per_s:,.0f} rows/s ({in_process.seconds / copy_s:.2f} × COPY)"
    )


def report_queries(queries) -> None:
    slowest = (0.0, "", None, "")
    for name, runs in queries.items():
        print(f"\nQueries of {name}, test client (median ms, in order):")
        for position, (sql, _params, _ms) in enumerate(runs[0]):
            times = [run[position][2] for run in runs if position < len(run)]
            print(f"  {statistics.median(times):>7.2f}  {' '.join(sql.split())[:110]}")
        totals = [sum(query_ms for _sql, _params, query_ms in run) for run in runs]
        print(f"  {statistics.median(totals):>7.2f}  in all ({len(runs[0])} queries)")
        for run in runs:
            for sql, params, query_ms in run:
                if query_ms > slowest[0]:
                    slowest = (query_ms, sql, params, name)

    query_ms, sql, params, name = slowest
    print(f"\nSlowest query seen ({query_ms:.1f} ms, {name}), EXPLAIN (ANALYZE, BUFFERS):")
    print_explain(sql, params)


if __name__ == "__main__":
    main()
