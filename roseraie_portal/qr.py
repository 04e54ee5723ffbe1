"""QR codes printed on paper (a service page, the monthly programme), back to the portal.

Drawn as inline SVG by segno: no external service, nothing more to download.
"""

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_svg(url: str, *, title: str) -> SafeString:
    return mark_safe(
        segno.make(url, error="m").svg_inline(scale=3, border=2, title=title, svgclass="qr")
    )
