"""Moving through a page with the keyboard only, as a person who uses no mouse does."""

from tests.text import plain


def tab_to(page, element_id, *, key="Tab", limit=200):
    """Press Tab (or Shift+Tab) until the element with this id has the focus."""
    for _press in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press(key)
    raise AssertionError(f"#{element_id} never got the focus with {key}")


def tab_to_text(page, text, *, key="Tab", limit=200):
    """Press Tab (or Shift+Tab) until the focused element reads this text (no-break
    spaces read as spaces)."""
    for _press in range(limit):
        if plain(page.evaluate("document.activeElement.innerText || ''")).strip() == text:
            return
        page.keyboard.press(key)
    raise AssertionError(f"« {text} » never got the focus with {key}")


def assert_focus_is_visible(page):
    """The focused element shows a focus ring (WCAG 2.4.7) and is on the screen."""
    ring, on_screen = page.evaluate(
        """() => {
            const element = document.activeElement, style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
                || style.boxShadow !== "none";
            return [ring, box.width > 0 && box.height > 0 && box.bottom > 0
                && box.top < window.innerHeight];
        }"""
    )
    element = page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
    assert ring, f"no focus ring on {element}"
    assert on_screen, f"the focus is off the screen: {element}"
