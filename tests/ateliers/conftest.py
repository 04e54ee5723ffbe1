import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


@pytest.fixture
def run_tasks():
    """Runs the background tasks that are due, one by one, as the worker does (manage.py
    db_worker), in the test's transaction: the command itself closes the connection
    between tasks, which would end the test's transaction."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )

    def run() -> int:
        done = 0
        while (task := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
            task.claim(worker.worker_id)
            worker.run_task(task)
            done += 1
        return done

    return run


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what the actions do once their transaction commits (enqueuing messages):
    ``with committed(): client.post(...)``."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
