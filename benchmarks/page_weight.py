"""Weight of the home and directory pages as a phone downloads them (issue: directory).

    python benchmarks/page_weight.py   (after directory_search.py, on its 10,000 services)

Counts the HTML and every resource it references from the portal (stylesheet, icons),
compressed as whitenoise serves static files (gzip, and brotli when installed) and as a
front proxy compresses HTML. Target: under 60 KB transferred, CSS included, no JavaScript.
"""

import argparse
import gzip
import re

from _setup import django_on_bench_database

PAGES = ["/", "/services/", "/services/?q=impots&gratuit=on", "/ar/services/?q=caf"]


def compressed(body: bytes) -> int:
    try:
        import brotli

        return min(len(gzip.compress(body, 9)), len(brotli.compress(body)))
    except ImportError:
        return len(gzip.compress(body, 9))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    django_on_bench_database()
    from django.contrib.staticfiles import finders
    from django.test import Client

    client = Client()
    print(f"{'page':<40} {'raw':>9} {'transferred':>12} {'scripts':>8}")
    for path in PAGES:
        response = client.get(path)
        html = response.content
        resources = set(re.findall(rb'(?:href|src)="(/static/[^"]+)"', html))
        raw, transferred = len(html), compressed(html)
        for url in resources:
            # The file whitenoise would serve, found where collectstatic would find it.
            with open(finders.find(url.decode().removeprefix("/static/")), "rb") as static:
                body = static.read()
            raw += len(body)
            transferred += compressed(body)
        scripts = len(re.findall(rb"<script(?![^>]*application/ld\+json)", html))
        print(f"{path:<40} {raw / 1024:>7.1f}KB {transferred / 1024:>10.1f}KB {scripts:>8}")
    print("\nTarget: under 60 KB transferred per page, CSS included, no script.")


if __name__ == "__main__":
    main()
