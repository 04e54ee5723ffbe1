import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from services.models import Structure, StructureMembership

pytestmark = pytest.mark.django_db


def test_demo_data_loads_twice_without_duplicates(settings):
    settings.DEBUG = True

    call_command("load_demo")
    counts = (Structure.objects.count(), get_user_model().objects.count())
    call_command("load_demo")

    assert (Structure.objects.count(), get_user_model().objects.count()) == counts
    assert counts[0] >= 2
    partner = get_user_model().objects.get(username="partenaire")
    assert StructureMembership.objects.get(user=partner).structure.slug == "caf-maine-et-loire"
    assert get_user_model().objects.get(username="coordination").is_staff


def test_demo_accounts_are_refused_outside_development(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="development only"):
        call_command("load_demo")
    assert not get_user_model().objects.filter(username="coordination").exists()
