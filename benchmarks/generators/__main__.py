"""Fill a database by hand with the benchmarks' synthetic data.

    python -m benchmarks.generators directory --services 10000 [--seed 1] [--clear]
    python -m benchmarks.generators accompaniments --count 1000000
        [--conseiller-entries 20000] [--conseillers 200] [--year YYYY] [--seed 0.42]
        [--clear]
    python -m benchmarks.generators ateliers [--ateliers 5000] [--months 6]
        [--directory-services 10000] [--seed 1] [--clear]
    python -m benchmarks.generators orientations --count 100000
        [--structure-orientations 20000] [--structure-sent 2000] [--seed 0.42] [--clear]

Writes to the database the settings name, as manage.py does: DATABASE_URL, or the
embedded PostgreSQL; development settings unless DEBUG says otherwise, as with make. The
benchmarks fill their own database (``roseraie_bench``) themselves.
"""

import argparse
import os


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generators", description=__doc__.splitlines()[0]
    )
    generators = parser.add_subparsers(dest="generator", required=True)

    directory = generators.add_parser(
        "directory",
        help="Services (slugs 'gen-…'), about N/8 structures and N/5 places, with themes, "
        "opening hours and search vectors.",
    )
    directory.add_argument("--services", type=int, help="Number of services to generate.")
    directory.add_argument("--seed", type=int, default=1, help="Random seed (default: 1).")
    directory.add_argument(
        "--clear", action="store_true", help="Remove the generated rows first (or alone)."
    )
    directory.add_argument(
        "--batch-size", type=int, default=2000, help="Rows per INSERT (default: 2000)."
    )

    log = generators.add_parser(
        "accompaniments", help="Anonymous accompaniments written by 'bench-' conseillers."
    )
    log.add_argument("--count", type=int, help="Number of entries to generate.")
    log.add_argument(
        "--conseiller-entries",
        type=int,
        default=20_000,
        help="Entries of 'bench-conseiller' among them (default: 20000).",
    )
    log.add_argument(
        "--conseillers",
        type=int,
        default=200,
        help="Other 'bench-' conseillers sharing the rest (default: 200).",
    )
    log.add_argument(
        "--year",
        type=int,
        help="Put every entry in this calendar year, up to today when it is this one "
        "(default: today and the three years before).",
    )
    log.add_argument("--seed", type=float, default=0.42, help="setseed() value, -1 to 1.")
    log.add_argument(
        "--clear", action="store_true", help="Delete the entries of 'bench-' accounts first."
    )

    ateliers = generators.add_parser(
        "ateliers",
        help="Upcoming ateliers with their registrations (some full, with a waiting list), "
        "held by 'bench-animateur-' accounts at the generated directory's places.",
    )
    ateliers.add_argument(
        "--ateliers",
        type=int,
        help="Number of upcoming sessions to generate (default: 5000, none with --clear alone).",
    )
    ateliers.add_argument(
        "--months", type=int, default=6, help="Spread over the next N months (default: 6)."
    )
    ateliers.add_argument(
        "--directory-services",
        type=int,
        default=10_000,
        help="Size of the directory generated first when there is none (default: 10000).",
    )
    ateliers.add_argument("--seed", type=int, default=1, help="Random seed (default: 1).")
    ateliers.add_argument(
        "--clear", action="store_true", help="Remove the generated ateliers first (or alone)."
    )
    ateliers.add_argument(
        "--batch-size", type=int, default=2000, help="Rows per INSERT (default: 2000)."
    )

    orientations = generators.add_parser(
        "orientations",
        help="Orientations sent by 'bench-' conseillers to orientable services over the "
        "last two years, a number of them received by 'bench-structure-orientations'.",
    )
    orientations.add_argument("--count", type=int, help="Number of orientations to generate.")
    orientations.add_argument(
        "--structure-orientations",
        type=int,
        default=20_000,
        help="Orientations received by 'bench-structure-orientations' among them, whose "
        "partner account is 'bench-partenaire-orientations' (default: 20000).",
    )
    orientations.add_argument(
        "--structure-sent",
        type=int,
        default=2_000,
        help="Others sent by 'bench-partenaire-orientations' (default: 2000).",
    )
    orientations.add_argument("--seed", type=float, default=0.42, help="setseed() value, -1 to 1.")
    orientations.add_argument(
        "--clear",
        action="store_true",
        help="Delete the orientations sent by 'bench-' accounts first (or alone).",
    )
    args = vars(parser.parse_args(argv))

    # Django first: the generators import the apps' models.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roseraie_portal.settings")
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    from benchmarks.generators import (
        GenerationError,
        accompaniments,
        ateliers,
        directory,
        orientations,
    )

    generate = {
        "directory": directory.generate_directory,
        "accompaniments": accompaniments.generate_accompaniments,
        "ateliers": ateliers.generate_ateliers,
        "orientations": orientations.generate_orientations,
    }[args.pop("generator")]
    try:
        generate(**args, log=print)
    except GenerationError as error:
        parser.error(str(error))


if __name__ == "__main__":
    main()
