import re
from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from roseraie_portal.content_language import language_attrs, page_language


class PlainSelect(forms.Select):
    """A <select> rendered in Python rather than with one template per option: the
    directory's theme list (85 options) rendered through Django's widget templates cost
    more than the whole search (benchmarks/directory_search.py), and the log's lists of
    places and structures run into thousands of options at the benchmarks' scale."""

    def __init__(self, attrs=None, choices=(), option_language: str | None = None):
        super().__init__(attrs, choices)
        # The language of options that are names rather than the interface's words
        # (places, quartiers: French), declared on the pages of another language.
        self.option_language = option_language

    def _option_language_attrs(self) -> str:
        language = self.option_language
        if not language or language == page_language():
            return ""
        return language_attrs(language)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        selected = str(value) if value not in (None, "") else None
        language = self._option_language_attrs()
        # html.escape on plain strings: format_html's lazy-aware escaping of three
        # arguments per option cost a millisecond for the 85 themes. The empty option
        # ("Tous les lieux") is the interface's.
        options = "".join(
            f'<option value="{escape(str(option_value))}"{language if option_value else ""}'
            f"{' selected' if str(option_value) == selected else ''}>{escape(str(label))}</option>"
            for option_value, label in self.choices
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(attrs), mark_safe(options)
        )


class PlainCheckbox(forms.CheckboxInput):
    """A tick box rendered in Python, for the same reason as ``PlainSelect``: the
    directory's five filters through three widget templates each cost a millisecond of
    every directory page."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        if self.check_test(value):
            attrs["checked"] = True
        return format_html('<input type="checkbox" name="{}"{}>', name, flatatt(attrs))


MONTH_VALUE = re.compile(r"\d{4}-\d{2}")


class MonthInput(forms.DateInput):
    """``<input type="month">``, and a plain text box when what was typed is no month
    ("demain", "2026-1"): the page keeps it for the reader to correct beside the error,
    where a month input may hold nothing but a month (the HTML standard)."""

    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        typed = context["widget"]["value"]
        if typed and not MONTH_VALUE.fullmatch(str(typed)):
            context["widget"]["type"] = "text"
            for bound in ("min", "max", "step"):  # not attributes of a text box
                context["widget"]["attrs"].pop(bound, None)
        return context
