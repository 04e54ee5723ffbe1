"""French typography on rendered HTML (issue: "?" or "30" never starts a line).

The rules of the Lexique des règles typographiques de l'Imprimerie nationale, written
with Unicode no-break spaces:

- a narrow no-break space (U+202F) before ``?``, ``!`` and ``;``, and inside « guillemets »;
- a no-break space (U+00A0) before ``:``;
- no-break spaces (U+00A0) inside a time ("9 h 30", "14 h"), a date ("2 décembre 2026",
  "1er déc. 2026") and a telephone number ("02 41 05 40 00", "+33 2 41 05 40 00").

A month and its year alone ("février 2026") and numbers with units ("5 jours") are left
alone: a break there misleads no one, and bound they overflow the narrow row headers of
the log's and the bilans' month tables on a phone.

Only text changes: never a tag or its attributes, a comment, an entity ("&amp;"), or the
contents of <script>, <style>, <pre>, <textarea>, <code> and <svg>. A URL ("https://…") and a
time written "14:00" have a letter, a digit or "/" right after their colon, so they stay
as they are. Running it twice changes nothing more.

Speed, since it runs on every French page: one regex pass whose every branch starts with
a character of one small set (``& ? ! ; : « » + 0-9``), so that the regex engine skips
the rest of the page in C; Python only sees the places where a rule applies.
"""

import re

NBSP = "\u00a0"
NNBSP = "\u202f"

_SPACE_BEFORE = {"?": NNBSP, "!": NNBSP, ";": NNBSP, ":": NBSP, "»": NNBSP}

# Where the rules must not look: code, preformatted text, drawings (SVG text never wraps;
# skipping the pictograms' path data also halves the work on a page).
_RAW = re.compile(r"<(?:!--|(script|style|pre|textarea|code|svg)(?=[\s/>]))")

# A position is inside a tag (an attribute's value) when the next angle bracket closes
# one. Rendered text has its "<" and ">" escaped, so this holds on Django's output.
_OUTSIDE_TAG = r"(?![^<>]*>)"

_MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    " janv. févr. avr. juil. sept. oct. nov. déc."
).split()
_MONTH = "(?i:" + "|".join(re.escape(month) for month in _MONTHS) + r")(?!\w)"
# The first digit of a number: not in the middle of one.
_FIRST_DIGIT = r"(?<=[0-9])(?<![0-9][0-9])"

# Each branch ends with an empty group that names it (the match's lastgroup).
_BRANCHES = (
    # Kept whole, so that the ";" of "&amp;" is never taken for punctuation.
    r"(?<=&)#?\w+;(?P<entity>)",
    # ? ! ; : after a space or a word, followed by what ends a word (not "://", "14:00",
    # "?page=2"). The spaces before it are the caller's to replace.
    r"(?<=[\s\w)][?!;:])(?=[\s<&\"'’»)\].,;:?!]|$)" + _OUTSIDE_TAG + "(?P<punctuation>)",
    r"(?<=«)[ \t\r\n]*(?=[^\s])" + _OUTSIDE_TAG + "(?P<open>)",
    r"(?<=»)" + _OUTSIDE_TAG + "(?P<close>)",
    # Telephone numbers, times and dates: their spaces become no-break spaces.
    r"(?<=0)(?<![0-9+]0)[1-9](?: [0-9]{2}){4}(?![0-9])" + _OUTSIDE_TAG + "(?P<phone>)",
    r"(?<=\+)(?<![0-9]\+)33 [1-9](?: [0-9]{2}){4}(?![0-9])" + _OUTSIDE_TAG + "(?P<phone2>)",
    _FIRST_DIGIT + r"[0-9]? h(?!\w)(?: [0-9]{2}(?![0-9]))?" + _OUTSIDE_TAG + "(?P<time>)",
    _FIRST_DIGIT
    + rf"(?:(?<=1)er|[0-9])? {_MONTH}(?: [0-9]{{4}}(?![0-9]))?"
    + _OUTSIDE_TAG
    + "(?P<date>)",
)
_RULES = re.compile(r"[&?!;:«»+0-9](?:" + "|".join(_BRANCHES) + ")")
# Plain text has no tags to stay out of and no entities to keep.
_PLAIN_RULES = re.compile(
    r"[?!;:«»+0-9](?:" + "|".join(_BRANCHES[1:]).replace(_OUTSIDE_TAG, "") + ")"
)

_SPACES = " \t\r\n"


def _typeset(text: str, rules: re.Pattern) -> str:
    pieces = []
    position = 0
    for match in rules.finditer(text):
        kind = match.lastgroup
        start = match.start()
        if kind == "entity":
            continue
        before = text[position:start]
        found = match.group()
        if kind in ("punctuation", "close"):
            # The spaces before the sign become one no-break space.
            word = before.rstrip(_SPACES)
            previous = word[-1:] or text[position - 1 : position]
            if len(word) < len(before):
                if previous in ("", ">") and "\n" in before[len(word) :]:
                    continue  # an indented line that starts with the sign
                pieces.append(word)
            elif previous.isspace() or not previous:
                continue  # already a no-break space, or nothing before it
            elif kind == "punctuation" and not (previous.isalnum() or previous == ")"):
                continue  # "?!", "…:" (the first sign took the space)
            else:
                pieces.append(before)
            pieces.append(_SPACE_BEFORE[found[0]] + found)
        elif kind == "open":
            pieces.append(before)
            pieces.append("«" + NNBSP)
        else:  # a telephone number, a time or a date
            pieces.append(before)
            pieces.append(found.replace(" ", NBSP))
        position = match.end()
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def french_typography(html: str) -> str:
    """Rendered HTML with the no-break spaces of French typography in its text.

    The input is HTML as Django renders it (text already escaped); nothing is escaped or
    unescaped, only spaces are replaced or inserted, so safe input stays safe."""
    pieces = []
    position = 0
    while raw := _RAW.search(html, position):
        # Looking for the end with str.find is many times faster than a lazy ".*?".
        element = raw.group(1)
        closing = f"</{element}>" if element else "-->"
        end = html.find(closing, raw.end())
        end = len(html) if end == -1 else end + len(closing)
        pieces.append(_typeset(html[position : raw.start()], _RULES))
        pieces.append(html[raw.start() : end])
        position = end
    pieces.append(_typeset(html[position:], _RULES))
    return "".join(pieces)


def french_typography_text(text: str) -> str:
    """The same rules on plain text (an SMS, the text of an e-mail), where every
    character is text: "<" and "&" included."""
    return _typeset(text, _PLAIN_RULES)


# An element whose text is French (`lang="fr"`) on a page in another language.
_FRENCH_ELEMENT = re.compile(r"""<([a-zA-Z][\w-]*)\b[^>]*?\slang=["']?fr\b[^>]*>""")


def french_typography_for(html: str, language: str | None) -> str:
    """The rules on a whole page in French; on a page in another language, only inside
    its elements marked ``lang="fr"`` (a service's description not translated yet)."""
    if (language or "").split("-")[0].lower() == "fr":
        return french_typography(html)
    pieces = []
    position = 0
    while match := _FRENCH_ELEMENT.search(html, position):
        end = _end_tag(html, match.group(1), match.end())
        if end is None:
            break
        pieces.append(html[position : match.end()])
        pieces.append(french_typography(html[match.end() : end]))
        position = end
    pieces.append(html[position:])
    return "".join(pieces)


def _end_tag(html: str, name: str, start: int) -> int | None:
    """Where the element whose start tag ends at ``start`` ends: its end tag's start."""
    depth = 1
    tags = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])[^>]*>", re.IGNORECASE)
    for tag in tags.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.start()
    return None
