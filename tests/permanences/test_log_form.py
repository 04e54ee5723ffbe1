"""The log's form: its defaults, saving an entry, and who may log."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from permanences.enums import NON_COMMUNIQUE, Canal, ThemeNumerique
from permanences.models import Accompagnement
from permanences.selectors.log import initial_for_new_entry
from roseraie_portal import roles
from tests.permanences.factories import AccompagnementFactory, PermanenceFactory
from tests.permanences.log_form import NEW, checked_values, valid_post
from tests.services.factories import LieuFactory, StructureFactory, StructureMembershipFactory
from tests.text import page_text

pytestmark = pytest.mark.django_db


# The form and its defaults


def test_the_form_opens_on_today_with_every_profile_field_not_communicated(client, conseiller):
    client.force_login(conseiller)

    response = client.get(NEW)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["date"] == timezone.localdate()
    for name in ("tranche_age", "genre", "statut", "residence", "orientation_source"):
        assert form.initial[name] == NON_COMMUNIQUE
    assert form.initial["langue"] == "fr"
    html = response.content.decode()
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in html
    assert checked_values(html, "genre") == {NON_COMMUNIQUE}
    assert 'name="csrfmiddlewaretoken"' in html


def test_themes_come_in_two_fieldsets_with_their_legends(client, conseiller):
    client.force_login(conseiller)

    html = client.get(NEW).content.decode()

    assert re.search(r"<legend>\s*Numérique\s*</legend>", html)
    assert re.search(r"<legend>\s*Démarches administratives\s*</legend>", html)
    numerique, administratif = html.split("Démarches administratives</legend>")
    assert 'value="courriels"' in numerique and 'value="logement"' not in numerique
    assert 'value="logement"' in administratif


@pytest.mark.parametrize(
    "prefix, attributes", [("", ""), ("/en", ' lang="fr"'), ("/ar", ' lang="fr" dir="ltr"')]
)
def test_places_structures_and_quartiers_offered_are_declared_french(
    client, conseiller, prefix, attributes
):
    LieuFactory(name="Relais-Mairie de La Roseraie")
    structure = StructureFactory(name="CAF de Maine-et-Loire")
    client.force_login(conseiller)

    html = client.get(prefix + NEW).content.decode()

    assert f'value="{structure.pk}"{attributes}>CAF de Maine-et-Loire</option>' in html
    assert re.search(rf'value="\d+"{attributes}>Relais-Mairie de La Roseraie</option>', html)
    # The empty choices are the interface's own words.
    assert '<option value="">' in html


def test_duration_offers_presets_and_a_custom_field(client, conseiller):
    client.force_login(conseiller)

    html = client.get(NEW).content.decode()

    for minutes in (15, 30, 45, 60, 90, 120):
        assert f'name="duree" value="{minutes}"' in html
    assert re.search(r'<input type="number" name="duree_autre"[^>]*min="1"[^>]*max="600"', html)


def test_default_permanence_is_the_one_in_progress_that_the_conseiller_holds(client, conseiller):
    bus_stop = LieuFactory(bus_stop=True)
    PermanenceFactory(in_progress=True)  # someone else's
    mine = PermanenceFactory(in_progress=True, lieu=bus_stop)
    mine.conseillers.add(conseiller)
    client.force_login(conseiller)

    form = client.get(NEW).context["form"]

    assert form.initial["permanence"] == mine.pk
    assert form.initial["lieu"] == bus_stop.pk
    assert form.initial["canal"] == Canal.BUS_MAIRIE


def test_a_permanence_that_is_over_is_not_the_default(conseiller):
    now = timezone.localtime()
    over = PermanenceFactory(
        date=now.date(), start_time=datetime.time(0, 0), end_time=datetime.time(0, 1)
    )
    over.conseillers.add(conseiller)
    later = now.replace(hour=10, minute=0)

    assert "permanence" not in initial_for_new_entry(conseiller=conseiller, now=later)


def test_failing_that_the_default_is_a_permanence_at_the_last_place_of_the_day(conseiller):
    relais = LieuFactory()
    today_there = PermanenceFactory(in_progress=True, lieu=relais)
    PermanenceFactory(in_progress=True)  # elsewhere
    AccompagnementFactory(conseiller=conseiller, lieu=relais, duration_minutes=45)

    initial = initial_for_new_entry(conseiller=conseiller)

    assert initial["permanence"] == today_there.pk
    assert initial["lieu"] == relais.pk


def test_yesterdays_place_does_not_choose_todays_permanence(conseiller):
    relais = LieuFactory()
    PermanenceFactory(in_progress=True, lieu=relais)
    AccompagnementFactory(
        conseiller=conseiller,
        lieu=relais,
        date=timezone.localdate() - datetime.timedelta(days=1),
    )

    initial = initial_for_new_entry(conseiller=conseiller)

    assert "permanence" not in initial
    assert initial["lieu"] == relais.pk  # the place stays a sensible guess


@pytest.mark.parametrize(
    "last_minutes, expected",
    [(45, {"duree": 45}), (40, {"duree_autre": 40})],
)
def test_default_duration_is_the_last_one_the_conseiller_used(
    conseiller, make_user, last_minutes, expected
):
    AccompagnementFactory(conseiller=conseiller, duration_minutes=90)
    AccompagnementFactory(conseiller=conseiller, duration_minutes=last_minutes)
    AccompagnementFactory(conseiller=make_user(roles.CONSEILLER), duration_minutes=120)

    initial = initial_for_new_entry(conseiller=conseiller)

    assert {k: initial[k] for k in expected} == expected


# The order: what has no default, then the submit button, then what is pre-filled


def _position(html, marker):
    index = html.find(marker)
    assert index >= 0, marker
    return index


def test_what_must_be_chosen_comes_before_the_first_submit_button(client, conseiller):
    AccompagnementFactory(conseiller=conseiller, duration_minutes=45)
    client.force_login(conseiller)

    html = client.get(NEW).content.decode()

    button = _position(html, 'class="touch-submit"')
    for required in ('name="autonomie"', 'name="resultat"', 'name="themes"'):
        assert _position(html, required) < button
    for prefilled in ('name="date"', 'name="duree"', 'name="canal"', 'name="lieu"'):
        assert _position(html, prefilled) > button
    # And a second button at the end, after the note.
    assert _position(html, 'class="log-submit-end"') > _position(html, 'name="note"')


def test_a_first_entry_chooses_its_duration_before_the_submit_button(client, conseiller):
    client.force_login(conseiller)

    html = client.get(NEW).content.decode()

    assert checked_values(html, "duree") == set()
    assert _position(html, 'name="duree"') < _position(html, 'class="touch-submit"')


def test_the_profile_is_a_closed_group_of_defaults(client, conseiller):
    client.force_login(conseiller)

    html = page_text(client.get(NEW))

    details = re.search(r'<details class="log-profile"([^>]*)>(.*?)</details>', html, re.S)
    assert details, "the profile is not in a <details>"
    assert "open" not in details.group(1)
    for name in ("tranche_age", "genre", "statut", "residence", "quartier"):
        assert f'name="{name}"' in details.group(2)
    for name in ("orientation_source", "langue", "interprete"):
        assert f'name="{name}"' in details.group(2)
    assert "<summary>" in details.group(2)
    assert "Laissez « Non communiqué » quand vous ne savez pas." in details.group(2)
    assert checked_values(details.group(2), "tranche_age") == {NON_COMMUNIQUE}


def test_an_error_in_the_profile_opens_it_and_keeps_what_was_typed(client, conseiller):
    client.force_login(conseiller)

    response = client.post(
        NEW, valid_post(residence="quartier", quartier="", note="Rendez-vous CAF")
    )

    assert response.status_code == 400
    html = page_text(response)
    assert re.search(r'<details class="log-profile" open>', html)
    assert "Choisissez le quartier, ou « hors quartier »." in html
    assert checked_values(html, "residence") == {"quartier"}
    assert checked_values(html, "tranche_age") == {"60-69"}
    assert "Rendez-vous CAF" in html


def test_a_profile_that_says_something_stays_open_after_another_error(client, conseiller):
    client.force_login(conseiller)

    response = client.post(NEW, valid_post(themes=[]))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Choisissez au moins un thème." in html
    assert re.search(r'<details class="log-profile" open>', html)  # "60-69", "retraite"
    assert checked_values(html, "statut") == {"retraite"}


def test_an_error_elsewhere_leaves_a_default_profile_closed(client, conseiller):
    client.force_login(conseiller)
    defaults = {name: NON_COMMUNIQUE for name in ("tranche_age", "statut", "orientation_source")}

    response = client.post(NEW, valid_post(themes=[], **defaults))

    assert response.status_code == 400
    assert '<details class="log-profile">' in response.content.decode()


# Saving


def test_a_valid_entry_is_saved_then_an_empty_form_says_enregistre(client, conseiller):
    client.force_login(conseiller)

    response = client.post(NEW, valid_post(note="Première demande de carte d’identité."))

    assert response.status_code == 302
    assert response.url == NEW
    entry = Accompagnement.objects.get()
    assert entry.conseiller == conseiller
    assert entry.duration_minutes == 30
    assert set(entry.themes) == {ThemeNumerique.COURRIELS, ThemeNumerique.PAPIERS}
    assert entry.materiel == ["telephone"]
    assert entry.demarche == "ants"
    assert entry.tranche_age == "60-69"
    assert entry.structure is None
    page = client.get(response.url)
    html = page.content.decode()
    assert re.search(r'role="status"[^>]*>\s*<p[^>]*>Enregistré</p>', html)
    assert checked_values(html, "themes") == set()
    assert checked_values(html, "duree") == {"30"}  # the last duration used
    assert "Première demande" not in html


def test_a_typed_duration_wins_over_the_ticked_preset(client, conseiller):
    client.force_login(conseiller)

    client.post(NEW, valid_post(duree="30", duree_autre="40"))

    assert Accompagnement.objects.get().duration_minutes == 40


def test_the_entry_counts_for_the_structure_holding_the_permanence(client, conseiller):
    StructureMembershipFactory(user=conseiller)
    permanence = PermanenceFactory(date=timezone.localdate())
    client.force_login(conseiller)

    client.post(NEW, valid_post(permanence=permanence.pk))

    entry = Accompagnement.objects.get()
    assert entry.structure == permanence.service.structure
    assert entry.lieu == permanence.lieu  # taken from the permanence


def test_without_permanence_the_entry_counts_for_the_conseillers_structure(client, conseiller):
    membership = StructureMembershipFactory(user=conseiller)
    client.force_login(conseiller)

    client.post(NEW, valid_post(lieu=LieuFactory().pk))

    assert Accompagnement.objects.get().structure == membership.structure


def test_coordination_may_log_too(client, coordinator):
    client.force_login(coordinator)

    assert client.post(NEW, valid_post()).status_code == 302
    assert Accompagnement.objects.get().conseiller == coordinator


# Who may log


def test_a_partner_may_not_log(client, make_user):
    client.force_login(make_user(roles.PARTENAIRE))

    assert client.get(NEW).status_code == 403
    assert client.post(NEW, valid_post()).status_code == 403
    assert not Accompagnement.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(NEW)

    assert response.status_code == 302
    assert response.url.startswith("/comptes/connexion/?next=/espace/accompagnements/nouveau/")


def test_logging_needs_the_csrf_token(conseiller):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(conseiller)

    response = strict.post(NEW, valid_post())

    assert response.status_code == 403
    assert not Accompagnement.objects.exists()
