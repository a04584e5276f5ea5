"""A Python-Markdown extension that drops unsafe ids and classes given with attr_list.

attr_list lets an author write ``### Zebra {: id='z" onfocus="alert(1)' }``. The serialiser escapes
the quote inside the page, but the id also reaches the table of contents, links and the search index,
where it is used as it is. Only ids and classes of the safe shape in strategy_site/html_policy.py are
kept; ``check`` reports the others (SS305) so the author knows.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from strategy_site.html_policy import SAFE_TOKEN

SAFE_ID = re.compile(SAFE_TOKEN)


def safe_classes(value: str) -> str:
    return " ".join(name for name in value.split() if SAFE_ID.fullmatch(name))


class SafeAttributes(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            identifier = element.get("id")
            if identifier is not None and not SAFE_ID.fullmatch(identifier):
                del element.attrib["id"]  # a heading then gets the id toc makes from its words
            classes = element.get("class")
            if classes is not None:
                kept = safe_classes(classes)
                if kept:
                    element.set("class", kept)
                else:
                    del element.attrib["class"]


class SafeAttributesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After attr_list (priority 8) sets the attributes, before toc (5) reads the headings' ids.
        md.treeprocessors.register(SafeAttributes(md), "safe_attributes", 7)


def makeExtension(**kwargs: object) -> SafeAttributesExtension:  # noqa: N802 (Python-Markdown's entry point)
    return SafeAttributesExtension(**kwargs)
