"""The boundary file matches the neighbourhoods: every boundary is a neighbourhood's, and every neighbourhood has one.

model/boundaries.py reads the file and reports what cannot be drawn (SS018, SS441, SS443, and a feature with no
id, SS440); these rules compare the ids it gives with partnership.yml's neighbourhoods.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Rule, Severity
from strategy_site.load.files import BOUNDARIES_FILE
from strategy_site.model.boundaries import BOUNDARY_HINT, BOUNDARY_UNKNOWN_NEIGHBOURHOOD, MAX_FINDINGS
from strategy_site.text_safety import printable
from strategy_site.words import quoted

NEIGHBOURHOOD_WITHOUT_BOUNDARY = Rule(
    "SS442",
    "neighbourhood-without-boundary",
    Severity.WARNING,
    what=f"A neighbourhood listed in partnership.yml has no feature in {BOUNDARIES_FILE}, when the partnership gives "
    "boundaries for maps.",
    why="Every map of the neighbourhoods would have a hole where it is, and its page would have no map showing where it "
    "is. Residents look first for their own area.",
    example=f'# partnership.yml lists lowmoor, and no feature in {BOUNDARIES_FILE} has "id": "lowmoor"',
    instead='{"type": "Feature", "properties": {"id": "lowmoor"}, "geometry": {"type": "Polygon", "coordinates": [...]}}',
)


@check
def boundary_neighbourhoods(context: Context) -> Iterator[Finding]:
    project = context.project
    boundaries = project.boundaries
    if boundaries is None or not project.resolvable("neighbourhood"):
        return  # no boundaries, or partnership.yml could not be read: there is nothing to match them with
    declared = project.declared["neighbourhood"]  # written ids, so one whose entry has a mistake is not also unknown
    unknown = [area for area in boundaries.areas if area.id not in declared]
    for area in unknown[:MAX_FINDINGS]:
        guess = difflib.get_close_matches(area.id, sorted(declared), n=1, cutoff=0.6)
        yield BOUNDARY_UNKNOWN_NEIGHBOURHOOD.at(
            area.where,
            f"{quoted(printable(area.id))} is not a neighbourhood listed in partnership.yml" + (f'. Did you mean "{guess[0]}"?' if guess else ""),
            "make properties.id the id of a neighbourhood under neighbourhoods in partnership.yml, or add the neighbourhood there",
        )
    if project.partnership is None:
        return
    for neighbourhood in project.partnership.neighbourhoods:
        if neighbourhood.id not in boundaries.named:
            yield NEIGHBOURHOOD_WITHOUT_BOUNDARY.at(
                neighbourhood.where("id"),
                f"{neighbourhood.name} has no boundary in {BOUNDARIES_FILE}, so every map has a hole where it is",
                f'add a feature with "properties": {{"id": "{neighbourhood.id}"}} and its boundary; {BOUNDARY_HINT}',
            )
