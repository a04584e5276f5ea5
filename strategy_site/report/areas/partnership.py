"""The measures of the partnership as a whole: who is in it, who leads, who takes part, who has signed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from strategy_site.model.documents import Partnership
from strategy_site.model.membership import delivering_members, missing_sectors, required_sectors
from strategy_site.model.project import Project
from strategy_site.report.measure import Judged, Judging, Subject, judged
from strategy_site.words import listed, plural


def subjects(project: Project) -> Iterator[Subject]:
    if project.partnership is not None:
        yield Subject("partnership", project.partnership.name, project.partnership)


def sectors(judging: Judging, partnership: Partnership) -> Iterator[Judged]:
    required = required_sectors(judging.project)
    if not required:  # the partnership's ruleset asks for no sector
        return
    missing = missing_sectors(judging.project)
    yield Judged(judged(not missing, len(missing) <= judging.limits.sectors_missing_partly),
                 f"{listed(required)} members" if not missing else f"no {listed(missing, 'or')} members",
                 partnership.where("members"))


def lead_spread(judging: Judging, partnership: Partnership) -> Iterator[Judged]:
    project, limits = judging.project, judging.limits
    leads = Counter(a.lead for a in project.actions if a.lead)
    if not leads:
        return
    top, count = leads.most_common(1)[0]
    share = round(count / len(project.actions), 2)  # judged as shown, to the whole per cent
    member = project.partner_by_id.get(top)
    yield Judged(judged(share <= limits.lead_share, share <= limits.lead_share_partly),
                 f"{member.name if member else top} leads {count} of {plural(len(project.actions), 'action')} ({share:.0%})", partnership.where("members"))


def partners_involved(judging: Judging, partnership: Partnership) -> Iterator[Judged]:
    involved = {m.id for m in delivering_members(judging.project)}
    idle = [m.name for m in partnership.members if m.id not in involved]
    evidence = ("every member leads or supports an action" if not idle
                else f"{len(idle)} of {len(partnership.members)} take no part: " + ", ".join(idle))
    yield Judged(judged(not idle, len(involved) >= judging.limits.partners_involved_partly * len(partnership.members)),
                 evidence, partnership.where("members"))


def agreements_signed(judging: Judging, partnership: Partnership) -> Iterator[Judged]:
    for agreement in judging.project.agreements:
        unsigned = [s.name for s in agreement.signatories if not s.signed]
        signed = len(agreement.signatories) - len(unsigned)
        yield Judged(judged(signed > 0 and not unsigned, signed > 0),
                     f"{signed} of {len(agreement.signatories)} signed" + (f"; not yet: {', '.join(unsigned)}" if unsigned else ""),
                     agreement.where("signatories"), f"Signed by all its signatories: {agreement.title}")
