"""Weight of the home and directory pages as a phone downloads them (issue: directory).

    python benchmarks/page_weight.py   (after directory_search.py, on its 10,000 services)

Fetches each page over HTTP from bin/start (gunicorn, production settings; see _http.py),
then every resource it references from the portal (stylesheet, icons) with
``Accept-Encoding: br, gzip``, as whitenoise serves them: collected, hashed, compressed.
The HTML, which gunicorn sends as it is, is counted compressed as a front proxy would
send it (the smaller of gzip and brotli). Target: under 60 KB transferred, CSS included,
no JavaScript.
"""

import argparse
import gzip
import re

import brotli  # installed with whitenoise[brotli]
from _http import Browser, served_portal
from _setup import django_on_bench_database

PAGES = ["/", "/services/", "/services/?q=impots&gratuit=on", "/ar/services/?q=caf"]
COMPRESSED = {"Accept-Encoding": "br, gzip"}


def compressed(body: bytes) -> int:
    return min(len(gzip.compress(body, 9)), len(brotli.compress(body)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    django_on_bench_database()

    with served_portal() as port:
        browser = Browser(port)
        print(f"\n{'page':<40} {'raw':>9} {'transferred':>12} {'scripts':>8}")
        encodings = set()
        for path in PAGES:
            html = browser.get(path).body
            resources = set(re.findall(rb'(?:href|src)="(/static/[^"]+)"', html))
            raw, transferred = len(html), compressed(html)
            for url in resources:
                raw += len(browser.get(url.decode()).body)
                static = browser.get(url.decode(), headers=COMPRESSED)
                transferred += len(static.body)
                encodings.add(static.headers.get("Content-Encoding", "none"))
            scripts = len(re.findall(rb"<script(?![^>]*application/ld\+json)", html))
            print(f"{path:<40} {raw / 1024:>7.1f}KB {transferred / 1024:>10.1f}KB {scripts:>8}")
    print(
        "\nStatic files as whitenoise served them, Content-Encoding: "
        f"{', '.join(sorted(encodings))}; HTML compressed here, as a front proxy would."
    )
    print("Target: under 60 KB transferred per page, CSS included, no script.")


if __name__ == "__main__":
    main()
