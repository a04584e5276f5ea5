"""A Python-Markdown extension that gives plain Markdown output the GOV.UK Frontend classes.

GOV.UK Frontend styles elements by class (``govuk-body``, ``govuk-table``...), not by
tag, so officers can write plain Markdown and still get the design system's
typography. Classes an author wrote (with attr_list) are kept.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

CLASSES = {
    "h1": "govuk-heading-xl",
    "h2": "govuk-heading-l",
    "h3": "govuk-heading-m",
    "h4": "govuk-heading-s",
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "a": "govuk-link",
    "table": "govuk-table",
    "thead": "govuk-table__head",
    "tbody": "govuk-table__body",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
    "blockquote": "govuk-inset-text",
    "hr": "govuk-section-break govuk-section-break--l govuk-section-break--visible",
}

# Inside these, the component's own classes apply instead of the prose ones.
BREADCRUMBS = {"ul": "govuk-breadcrumbs__list", "li": "govuk-breadcrumbs__list-item", "a": "govuk-breadcrumbs__link"}


def _add_class(element: etree.Element, names: str) -> None:
    existing = element.get("class", "")
    if not any(name.startswith("govuk-") for name in existing.split()):
        element.set("class", f"{names} {existing}".strip())


class GovukClasses(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for nav in root.iter("nav"):
            if "govuk-breadcrumbs" in nav.get("class", ""):
                for element in nav.iter():
                    if element.tag in BREADCRUMBS:
                        element.set("class", BREADCRUMBS[element.tag])
        for element in root.iter():
            names = CLASSES.get(str(element.tag))
            if names and not element.get("class", "").startswith("govuk-breadcrumbs"):
                _add_class(element, names)
        for table in root.iter("table"):
            label_cells(table)


# On narrow screens the stylesheet shows each row as a card, each cell headed by its column's
# name; explicit roles keep the table's meaning for screen readers once CSS changes its display.
STACK_FROM = 3  # columns; two-column tables fit a phone as they are
ROLES = {"table": "table", "thead": "rowgroup", "tbody": "rowgroup", "tr": "row", "th": "columnheader", "td": "cell"}


def label_cells(table: etree.Element) -> None:
    header = next(table.iter("tr"), None)
    names = ["".join(th.itertext()).strip() for th in header.iter("th")] if header is not None else []
    for element in table.iter():
        if element.tag in ROLES:
            element.set("role", ROLES[str(element.tag)])
        if element.tag == "th":
            element.set("scope", "col")
    if len(names) < STACK_FROM:
        return
    table.set("class", f"{table.get('class', '')} app-table--stack".strip())
    for row in table.iter("tr"):
        # Not strict: the header row has no <td>, and a row may have fewer or more cells than the header.
        for name, cell in zip(names, row.findall("td"), strict=False):
            if name:
                cell.set("data-label", name)


class GovukExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After attr_list (priority 8) and toc, so authors' classes and heading ids are in place.
        md.treeprocessors.register(GovukClasses(md), "govuk_classes", 1)


def makeExtension(**kwargs: object) -> GovukExtension:  # noqa: N802 (Python-Markdown's entry point)
    return GovukExtension(**kwargs)
