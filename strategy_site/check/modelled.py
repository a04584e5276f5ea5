"""Whether the documents a rule looks across were all read and modelled in full.

A rule that reports what is missing across documents (no action for a neighbourhood, no target for a
priority, no recent progress report) would report a gap that is not there while one of those documents
has a mistake that keeps it, or one of its entries, out of the model: the mistake is reported on its
own, once, and such a rule stays silent until it is fixed.
"""

from __future__ import annotations

from strategy_site.load.files import Kind
from strategy_site.model.project import Project
from strategy_site.model.validation import INVALID_VALUE, MISSING_FIELD, UNKNOWN_KEY, UNKNOWN_VALUE, WRONG_TYPE

# The findings of validation: a document, or an entry of one (an action in a plan), with one of them is left out.
_LEFT_OUT = frozenset(rule.code for rule in (MISSING_FIELD, WRONG_TYPE, UNKNOWN_VALUE, UNKNOWN_KEY, INVALID_VALUE))


def all_modelled(project: Project, *kinds: Kind) -> bool:
    """Every file of these kinds was read, and validated with no entry left out."""
    if any(kind in project.unreadable for kind in kinds):
        return False
    paths = {source.path for source in project.files if source.kind in kinds}
    return not any(finding.code in _LEFT_OUT and finding.path in paths for finding in project.findings)


def file_modelled(project: Project, path: str) -> bool:
    """The file at ``path`` (as findings show it) was validated with no entry left out."""
    return not any(finding.code in _LEFT_OUT and finding.path == path for finding in project.findings)
