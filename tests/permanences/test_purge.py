import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.core.management import call_command
from django.utils import timezone

from permanences.models import Accompagnement
from tests.permanences.factories import AccompagnementFactory

pytestmark = pytest.mark.django_db


def test_entries_older_than_five_years_are_deleted_as_the_notice_promises():
    limit = timezone.localdate() - relativedelta(years=5)
    old = AccompagnementFactory(date=limit - datetime.timedelta(days=1))
    kept = AccompagnementFactory(date=limit + datetime.timedelta(days=1))

    call_command("purge_accompagnements")

    assert not Accompagnement.objects.filter(pk=old.pk).exists()
    assert Accompagnement.objects.filter(pk=kept.pk).exists()
