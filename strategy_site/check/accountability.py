"""Accountable to local people: the strategy is adopted and says so, progress reaches residents, residents can
reach the partnership, and no group of residents is left out.

The guidance makes reporting progress 'to the partnership and local people' part of the strategy itself
(paras 1.35 and 3.4); the 2005 evaluation found accountability 'between the LSP and the community at large'
under-developed (para 2.4.6) and equality strands left out (para 3.2.6).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from strategy_site.check.modelled import all_modelled
from strategy_site.check.published_text import published_text
from strategy_site.check.registry import Context, check
from strategy_site.findings import Finding, Rule, Severity
from strategy_site.load.files import Kind
from strategy_site.words import long_date, quoted_title

# How long residents may go without a progress report once the strategy has been adopted. The sources ask for
# regular reporting without a number; a year is the longest interval they describe (the measures of Tameside's
# agreements 'are reported on an annual basis', evaluation Box 1.4). To move to the ruleset later.
REPORTING_INTERVAL_MONTHS = 12

# The groups of residents the sources name as left out or hard to reach (guidance paras 1.4, 8 and 1.20;
# evaluation para 3.2.6), and the words that show a document takes them up, matched as whole words whatever the
# case. Sexual orientation is not among them because neither source mentions it. To move to the ruleset later.
EQUALITY_STRANDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ethnic minorities and migrants": ("black and minority ethnic residents", (
        r"ethnic\w*", "bme", "bame", "black", "race", r"racial\w*", r"racis\w*", "asylum", r"refugees?", r"migrants?",
        r"immigra\w*", r"nationalit\w*", "new communities", "other countries", "esol", "gypsy", "gypsies", r"travellers?")),
    "disabled people": ("disabled people", (
        r"disab\w*", r"learning difficult\w*", r"impairments?", r"wheelchairs?", "deaf", "blind")),
    "older or younger people": ("older people", (
        r"older (?:and younger )?(?:people|residents|person)", "elderly", r"pensioners?", "old age",
        r"young(?:er)? (?:people|person|adults|residents)",
        "youth", "children", r"teenagers?", "aged", "age")),
    "women and men (gender)": ("women", (
        "gender", "women", "woman", "men", r"girls?", r"boys?", "female", "male", r"mothers?", r"fathers?", "transgender")),
    "faith communities": ("faith communities", (
        r"faiths?", r"religio\w*", r"church(?:es)?", r"mosques?", r"temples?", r"gurdwaras?", r"synagogues?",
        r"inter-?faith", r"beliefs?")),
}
_STRAND_WORDS = {strand: re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE) for strand, (_, words) in EQUALITY_STRANDS.items()}
# The documents that say what the partnership will do, and for whom (not partnership.yml or the progress updates).
_STRATEGY_KINDS = (Kind.COMMUNITY_STRATEGY, Kind.RENEWAL_STRATEGY, Kind.ACTION_PLAN, Kind.INDICATOR)

NO_RECENT_PROGRESS_REPORT = Rule(
    "SS416",
    "no-recent-progress-report",
    Severity.WARNING,
    what=f"The community strategy was adopted more than {REPORTING_INTERVAL_MONTHS} months ago, and no progress update "
    f"has been published in the last {REPORTING_INTERVAL_MONTHS} months.",
    why="A community strategy must include arrangements 'for reporting progress to local people' (guidance para 3.4; "
    "para 1.35: 'reporting progress to the partnership and local people'). The 2005 evaluation found accountability "
    "to 'the community at large' under-developed (para 2.4.6). A monitoring section that promises reports does not "
    "tell residents anything until one is published.",
    example="# community-strategy.md: status: adopted, adopted: 2024-06-19\n"
    "# progress/: the newest update was published on 2025-08-14; checked in November 2026",
    instead="Publish a progress update in progress/ with the latest action statuses and figures.",
)
NO_CONTACT_ROUTE = Rule(
    "SS417",
    "no-contact-route",
    Severity.ERROR,
    what="partnership.yml's contact gives no email, phone, address or website.",
    why="The guidance asks partnerships to ensure 'openness and transparency in the way the LSP works, for instance by "
    "making information easily accessible and publicising its availability' (para 1.20). The site shows the contact "
    "on every page; with none, residents who read the strategy have no way to answer it.",
    example="contact: {}",
    instead="contact:\n  email: together@ravensholt.example\n  phone: 01632 960 400",
)
ADOPTION_NOT_RECORDED = Rule(
    "SS420",
    "adoption-not-recorded",
    Severity.WARNING,
    what="A strategy's status and its adoption date disagree: 'status: adopted' with no 'adopted' date, an 'adopted' "
    "date on a strategy that is not adopted, or an adoption date still to come. In a Neighbourhood Renewal Fund area, "
    "also a renewal strategy that is not yet adopted.",
    why="The strategy is 'a shared commitment to implement the action plan' (guidance para 3.4), and a Neighbourhood "
    "Renewal Fund area 'must have agreed within the LSP a local neighbourhood renewal strategy' (para 4.11). The "
    "adoption date is the public record of that commitment; the site shows it with the strategy.",
    example="status: adopted\nnext_review: 2027-06-30",
    instead="status: adopted\nadopted: 2024-06-19\nnext_review: 2027-06-30",
)
EQUALITY_STRAND_MISSING = Rule(
    "SS426",
    "equality-strand-missing",
    Severity.WARNING,
    what="Nothing in the strategies, action plans or indicators mentions one or more of the groups the sources name as "
    "left out: black and minority ethnic communities (and migrants, asylum seekers and refugees), disabled people, "
    "older or younger people, women and men (gender), and faith communities. Each is looked for by its words (for disability: disabled, disability, learning "
    "difficulties, impairment, wheelchair, deaf, blind) in every text, actions' groups included. One finding names "
    "every group missing.",
    why="The guidance asks partnerships to 'promote equity and inclusion – particularly of faith, black and minority "
    "ethnic communities' (para 1.4) and to reach 'disabled people, older people, youth groups, and people from faith, "
    "black and minority ethnic communities' (para 1.20). The 2005 evaluation found 'There is no mention of "
    "disability' and 'no discussion of gender' (para 3.2.6). A group the documents never name is a group the plan "
    "does nothing for on purpose.",
    example="# no document mentions disabled people or disability",
    instead="- id: HE-04\n  title: Accessible exercise sessions\n  groups: [disabled people]\n  ...",
)


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@check
def progress_reported(context: Context) -> Iterator[Finding]:
    project, today = context.project, context.today
    strategy = project.strategy
    if strategy is None or strategy.status != "adopted" or strategy.adopted is None:
        return  # not adopted yet, or with no date: SS420
    if not all_modelled(project, Kind.PROGRESS_UPDATE):
        return  # an update with a mistake may be the recent one: it is reported on its own
    since = _months_before(today, REPORTING_INTERVAL_MONTHS)
    if strategy.adopted > since:
        return  # the first report is not yet due
    published = [update for update in project.progress_updates if update.published <= today]
    if published and published[-1].published >= since:
        return
    if published:
        latest = published[-1]
        where, message = latest.where("published"), f"no progress report has been published since {long_date(latest.published)}"
    else:
        where, message = strategy.where("adopted"), f"no progress report has been published since the strategy was adopted on {long_date(strategy.adopted)}"
    yield NO_RECENT_PROGRESS_REPORT.at(
        where, f"{message}: residents have had no report on the strategy for more than {REPORTING_INTERVAL_MONTHS} months",
        "publish a progress update in progress/ with the latest action statuses and figures (guidance para 3.4: "
        "reporting progress to local people)",
    )


@check
def contact(context: Context) -> Iterator[Finding]:
    partnership = context.project.partnership
    if partnership is None:
        return
    route = partnership.contact
    if not (route.email or route.phone or route.address or route.website):
        yield NO_CONTACT_ROUTE.at(
            partnership.where("contact", key=True),
            "partnership.yml gives residents no way to contact the partnership",
            "under contact, add at least one of email, phone, address or website",
        )


@check
def adoption(context: Context) -> Iterator[Finding]:
    project, today = context.project, context.today
    fund_area = project.partnership is not None and project.partnership.neighbourhood_renewal_fund
    for strategy in (project.strategy, project.renewal_strategy):
        if strategy is None:
            continue
        renewal = strategy is project.renewal_strategy
        if strategy.status == "adopted" and strategy.adopted is None:
            yield ADOPTION_NOT_RECORDED.at(
                strategy.where("status"), f'{quoted_title(strategy.title)} is adopted but does not say when',
                "add 'adopted: YYYY-MM-DD', the date the partnership adopted it",
            )
        elif strategy.status != "adopted" and strategy.adopted is not None:
            yield ADOPTION_NOT_RECORDED.at(
                strategy.where("adopted"),
                f'{quoted_title(strategy.title)} gives the date it was adopted ({long_date(strategy.adopted)}) but its status is "{strategy.status}"',
                "set 'status: adopted' if the partnership has adopted it, or remove the adopted date until it does",
            )
        elif strategy.status != "adopted" and renewal and fund_area:
            yield ADOPTION_NOT_RECORDED.at(
                strategy.where("status"),
                f'{quoted_title(strategy.title)} is still at "{strategy.status}": a Neighbourhood Renewal Fund area must have agreed '
                "its renewal strategy within the partnership (guidance para 4.11)",
                "once the board has agreed it, set 'status: adopted' and 'adopted:' with the date",
            )
        if strategy.adopted is not None and strategy.adopted > today:
            yield ADOPTION_NOT_RECORDED.at(
                strategy.where("adopted"),
                f'{quoted_title(strategy.title)} says it was adopted on {long_date(strategy.adopted)}, which is still to come',
                "give the date the partnership adopted it; until then, leave the adopted date out and the status at draft or consultation",
            )


@check
def equality_strands(context: Context) -> Iterator[Finding]:
    project = context.project
    strategy = project.strategy
    if strategy is None or set(_STRATEGY_KINDS) & project.unreadable:
        return  # an unreadable document may be the one that mentions them
    texts = [text.value for source in project.files if source.kind in _STRATEGY_KINDS for text in published_text(source)]
    missing = [strand for strand in EQUALITY_STRANDS if not any(_STRAND_WORDS[strand].search(text) for text in texts)]
    if missing:
        example = EQUALITY_STRANDS[missing[0]][0]
        yield EQUALITY_STRAND_MISSING.at(
            strategy.where("themes", key=True),
            f"nothing in the strategies, action plans or indicators mentions {'; '.join(missing)}",
            f"say what the partnership will do with and for them: in a priority's outcome, the strategy's text, or an "
            f"action aimed at them (for example 'groups: [{example}]')",
        )
