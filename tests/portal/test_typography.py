import re
import timeit
from datetime import time

import pytest
from django.template import Context, Template
from django.utils.safestring import SafeData, mark_safe

from roseraie_portal.templatetags.typography import french_typography as the_filter
from roseraie_portal.typography import (
    french_typography,
    french_typography_for,
    french_typography_text,
)
from tests.services.factories import OpeningHoursFactory

NBSP = "\u00a0"
NNBSP = "\u202f"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pour qui ?", f"Pour qui{NNBSP}?"),
        ("Pour qui?", f"Pour qui{NNBSP}?"),
        ("Bienvenue !", f"Bienvenue{NNBSP}!"),
        ("des papiers ; un avis", f"des papiers{NNBSP}; un avis"),
        ("Accessibilité : non conforme", f"Accessibilité{NBSP}: non conforme"),
        ("Horaires: lundi", f"Horaires{NBSP}: lundi"),
        ("Vraiment ?!", f"Vraiment{NNBSP}?!"),
        ("<strong>Où</strong> ?", f"<strong>Où</strong>{NNBSP}?"),
    ],
)
def test_punctuation_gets_a_no_break_space_before_it(text, expected):
    assert french_typography(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("« Innover à la Roseraie »", f"«{NNBSP}Innover à la Roseraie{NNBSP}»"),
        ("«papiers»", f"«{NNBSP}papiers{NNBSP}»"),
        ("« <em>impôts</em> »", f"«{NNBSP}<em>impôts</em>{NNBSP}»"),
    ],
)
def test_guillemets_hold_their_words(text, expected):
    assert french_typography(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("de 9 h 30 à 14 h", f"de 9{NBSP}h{NBSP}30 à 14{NBSP}h"),
        ("14–17 h", f"14–17{NBSP}h"),
        ("mercredi 2 décembre 2026", f"mercredi 2{NBSP}décembre{NBSP}2026"),
        ("le 1er mai", f"le 1er{NBSP}mai"),
        ("le 12 déc. 2026", f"le 12{NBSP}déc.{NBSP}2026"),
        ("au 02 41 05 40 00.", f"au 02{NBSP}41{NBSP}05{NBSP}40{NBSP}00."),
        ("+33 2 41 05 40 00", f"+33{NBSP}2{NBSP}41{NBSP}05{NBSP}40{NBSP}00"),
    ],
)
def test_times_dates_and_telephone_numbers_stay_on_one_line(text, expected):
    assert french_typography(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "https://www.openstreetmap.org/?mlat=47.4&amp;mlon=-0.5",
        "mailto:contact@roseraie.fr",
        "de 14:00 à 17:30",
        "Tom &amp; Jerry, l&#x27;aide",
        "5 jours, 12 mots, 2 maisons, 150 h",
        "Février 2026, en déc. 2026",
        "le 12 345 67 89 10 11",
        f"Déjà{NNBSP}? Oui{NBSP}: 9{NBSP}h{NBSP}30",
        "<p>\n    : une ligne qui commence par deux-points</p>",
    ],
)
def test_leaves_urls_clock_times_entities_and_other_numbers_alone(text):
    assert french_typography(text) == text


@pytest.mark.parametrize(
    "html",
    [
        '<a href="/services/?q=caf ; rsa" title="Pour qui ?" data-time="9 h 30">',
        "<!-- Pour qui ? 02 41 05 40 00 -->",
        "<script>const a = b ? c : d;</script>",
        '<script type="application/ld+json">{"name": "Le Relais !"}</script>',
        "<style>a:hover { color: red; }</style>",
        "<pre>Pour qui ?</pre>",
        "<textarea>Pour qui ?</textarea>",
        "<code>x ? y : z</code>",
        '<svg><text x="1">9 h 30</text></svg>',
    ],
)
def test_never_changes_tags_comments_or_code(html):
    assert french_typography(html) == html


def test_text_after_code_is_still_typeset():
    html = "<code>a ? b</code> Pour qui ? <pre>c ! d</pre> Où ?"

    assert french_typography(html) == (
        f"<code>a ? b</code> Pour qui{NNBSP}? <pre>c ! d</pre> Où{NNBSP}?"
    )


def test_running_it_twice_changes_nothing_more():
    html = (
        '<p title="a ? b">Pour qui ? « Papiers » le 2 décembre 2026 de 9 h 30 à 14 h,'
        " au 02 41 05 40 00 ; Tom &amp; Jerry : https://x.fr/?a=1 !</p>"
    )
    once = french_typography(html)

    assert once != html
    assert french_typography(once) == once


def test_plain_text_variant_applies_every_rule_everywhere():
    assert french_typography_text("Pour qui ? <b> 9 h") == f"Pour qui{NNBSP}? <b> 9{NBSP}h"


def test_other_languages_are_typeset_only_inside_french_elements():
    html = '<p>Who? 9 h</p><p lang="fr" dir="ltr">Pour qui ? <span>9 h</span></p><p>Why ?</p>'

    assert french_typography_for(html, "en") == (
        f'<p>Who? 9 h</p><p lang="fr" dir="ltr">Pour qui{NNBSP}? <span>9{NBSP}h</span></p>'
        "<p>Why ?</p>"
    )
    assert french_typography_for(html, "fr") == french_typography(html)


def render(source, **context):
    return Template("{% load typography %}" + source).render(Context(context))


def test_filter_keeps_escaped_html_escaped_and_marks_it_safe():
    output = render(
        "{% filter french_typography:'fr' %}<b>{{ name }} ?</b>{% endfilter %}",
        name="<Tom> & Jerry",
    )

    assert output == f"<b>&lt;Tom&gt; &amp; Jerry{NNBSP}?</b>"


def test_filter_on_a_variable_escapes_it_first():
    output = Template("{% load typography %}{{ value|french_typography }}").render(
        Context({"value": "<i>Pour qui ?</i>"})
    )

    assert output == f"&lt;i&gt;Pour qui{NNBSP}?&lt;/i&gt;"


def test_filter_returns_safe_markup_for_safe_input():
    assert isinstance(the_filter(mark_safe("<b>Où ?</b>"), "fr"), SafeData)
    assert not isinstance(the_filter("Où ?", "fr", autoescape=False), SafeData)


def test_speed_on_a_page_of_60_kb():
    # About 60 KB of the portal's own markup: a text paragraph, a pictogram, a card.
    card = (
        '<li class="card"><svg aria-hidden="true" viewBox="0 0 24 24"><path d="M3 12h18'
        ' M12 3v18 M4.5 4.5l15 15"/></svg><h3><a href="/services/caf-123/">Aide au'
        " logement</a></h3><p>Pour qui ? Les familles ; les jeunes : tout le monde.</p>"
        "<ul><li>Le lundi de 9 h 30 à 12 h</li><li>Tél. 02 41 05 40 00</li>"
        '<li><time datetime="2026-12-02">2 décembre 2026</time></li></ul></li>\n'
    )
    page = card * (60_000 // len(card))

    seconds = min(timeit.repeat(lambda: french_typography(page), number=5, repeat=5)) / 5

    # Under 1 ms on a developer's machine; 5 ms leaves room for a busy CI runner.
    assert seconds < 0.005


@pytest.mark.django_db
def test_service_page_hours_phone_and_date_carry_no_break_spaces(client, directory):
    OpeningHoursFactory(
        service=directory["allocations"], weekday=0, opens=time(9, 30), closes=time(12)
    )

    html = client.get("/services/allocations/").content.decode()

    assert f"Le lundi de 9{NBSP}h{NBSP}30 à 12{NBSP}h" in html
    assert f"02{NBSP}41{NBSP}00{NBSP}00{NBSP}02" in html
    assert 'href="tel:0241000002"' in html
    assert f"1{NBSP}septembre{NBSP}2026" in html
    assert f"Pour qui{NNBSP}?" in html


@pytest.mark.django_db
def test_home_page_question_and_footer_carry_no_break_spaces(client):
    html = client.get("/").content.decode()

    assert f"De quoi avez-vous besoin{NNBSP}?" in html
    assert f"Accessibilité{NBSP}: non conforme" in html
    assert f"«{NNBSP}Innover à la Roseraie{NNBSP}»" in html
    # The head (title, description) is not the filter's: an attribute stays as written.
    assert re.search(r'<meta name="description"\s+content="[^"]*où et quand : ', html)


@pytest.mark.django_db
def test_english_pages_are_left_as_they_are(client, directory):
    for url in ("/en/", "/en/services/allocations/"):
        html = client.get(url).content.decode()

        assert NNBSP not in html
        assert NBSP not in html
