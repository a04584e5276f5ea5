"""The whole partnership, modelled: every document validated, ids indexed.

``load_project`` is the entry point of the pipeline's first two stages: it reads
the files (load) and validates them into typed documents (model). The checks
and the renderers receive a :class:`Project` and never read files themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, cast

from strategy_site.findings import Finding, Rule, Severity
from strategy_site.load.files import UNRECOGNISED_FILE, YAML_SUFFIXES, Kind, ParseCache, SourceFile, load_directory
from strategy_site.load.tree import display_path, is_inside
from strategy_site.load.yaml_source import raw_text
from strategy_site.model.boundaries import Boundaries, read_boundaries
from strategy_site.model.documents import (
    HEADLINE,
    Action,
    ActionPlan,
    ActionProgress,
    Agreement,
    Breakdown,
    CommunityStrategy,
    Comparator,
    Document,
    Indicator,
    IndicatorValue,
    Member,
    Neighbourhood,
    Observation,
    Partnership,
    Priority,
    ProgressUpdate,
    RenewalStrategy,
    Theme,
)
from strategy_site.model.ruleset import Ruleset, load_ruleset
from strategy_site.model.validation import validate

# Each kind of document in the table of kinds, and the model that reads it.
MODELS: dict[Kind, type[Document]] = {model.KIND: model for model in Document.__subclasses__()}

# Where each kind of id is declared in the raw files, so that a reference to an
# organisation whose own entry has a mistake is not also reported as unknown.
DECLARATIONS: dict[str, list[tuple[Kind, tuple[str, ...]]]] = {
    "partner": [(Kind.PARTNERSHIP, ("members",))],
    "neighbourhood": [(Kind.PARTNERSHIP, ("neighbourhoods",))],
    "group": [(Kind.PARTNERSHIP, ("groups",))],
    "thematic partnership": [(Kind.PARTNERSHIP, ("thematic_partnerships",))],
    "theme": [(Kind.COMMUNITY_STRATEGY, ("themes",))],
    "priority": [(Kind.COMMUNITY_STRATEGY, ("themes", "priorities"))],
    "indicator": [(Kind.INDICATOR, ())],
    "action": [(Kind.ACTION_PLAN, ("actions",))],
}


@dataclass
class Project:
    root: Path
    files: list[SourceFile]
    findings: list[Finding]
    ruleset: Ruleset
    documents: dict[Kind, list[Any]] = field(default_factory=dict)
    files_seen: int = 0
    unreadable: set[Kind] = field(default_factory=set)
    assets: list[str] = field(default_factory=list)  # the folder's other files (images...), safe to publish
    boundaries: Boundaries | None = None  # the neighbourhoods' boundaries for maps, if the partnership gives them
    # Each indicator's own figures by series key, by the indicator's id(): indicators live as long as the project.
    _series_of: dict[int, dict[str, list[Observation]]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def of(self, kind: Kind) -> list[Any]:
        return self.documents.get(kind, [])

    def _single(self, kind: Kind) -> Any:
        found = self.of(kind)
        return found[0] if found else None

    @property
    def partnership(self) -> Partnership | None:
        return cast("Partnership | None", self._single(Kind.PARTNERSHIP))

    @property
    def strategy(self) -> CommunityStrategy | None:
        return cast("CommunityStrategy | None", self._single(Kind.COMMUNITY_STRATEGY))

    @property
    def renewal_strategy(self) -> RenewalStrategy | None:
        return cast("RenewalStrategy | None", self._single(Kind.RENEWAL_STRATEGY))

    @property
    def action_plans(self) -> list[ActionPlan]:
        return self.of(Kind.ACTION_PLAN)

    @property
    def indicators(self) -> list[Indicator]:
        return self.of(Kind.INDICATOR)

    @property
    def agreements(self) -> list[Agreement]:
        return self.of(Kind.AGREEMENT)

    @cached_property
    def progress_updates(self) -> list[ProgressUpdate]:
        """The published progress updates, oldest first: a draft (``draft: true``) is left out of the site, the
        statuses and the figures until an officer removes that line."""
        return sorted((u for u in self.of(Kind.PROGRESS_UPDATE) if not u.draft), key=lambda update: update.published)

    @cached_property
    def draft_updates(self) -> list[ProgressUpdate]:
        """The progress updates still being written (``draft: true``), oldest first; check reads them, the site does not."""
        return sorted((u for u in self.of(Kind.PROGRESS_UPDATE) if u.draft), key=lambda update: update.published)

    @property
    def members(self) -> list[Member]:
        return self.partnership.members if self.partnership else []

    @property
    def themes(self) -> list[Theme]:
        return self.strategy.themes if self.strategy else []

    @property
    def priorities(self) -> list[Priority]:
        return [priority for theme in self.themes for priority in theme.priorities]

    @property
    def actions(self) -> list[Action]:
        return [action for plan in self.action_plans for action in plan.actions]

    def latest_status(self, action: Action) -> str:
        """The status from the newest progress update that mentions the action, else the plan's."""
        history = self._status_history.get(action.id)
        return history[-1][1].status if history else action.status

    def status_history(self, action: Action) -> list[tuple[ProgressUpdate, ActionProgress]]:
        """Each progress update's word on the action, oldest first."""
        return self._status_history.get(action.id, [])

    @cached_property
    def _status_history(self) -> dict[str, list[tuple[ProgressUpdate, ActionProgress]]]:
        return _group((progress.action, (update, progress)) for update in self.progress_updates for progress in update.actions)

    @cached_property
    def theme_of_priority(self) -> dict[str, Theme]:
        return {priority.id: theme for theme in reversed(self.themes) for priority in theme.priorities}

    @cached_property
    def plan_of_action(self) -> dict[str, ActionPlan]:
        return {action.id: plan for plan in reversed(self.action_plans) for action in plan.actions}

    def actions_for(self, priority: Priority) -> list[Action]:
        return self._actions_by_priority.get(priority.id, [])

    @cached_property
    def _actions_by_priority(self) -> dict[str, list[Action]]:
        return _group((action.priority, action) for action in self.actions)

    # The accountability view: who leads, supports, signs and reports what. Indexed once, so a
    # page per partner costs the same however many partners there are.

    @cached_property
    def actions_led_by(self) -> dict[str, list[Action]]:
        return _group((action.lead, action) for action in self.actions)

    @cached_property
    def actions_supported_by(self) -> dict[str, list[Action]]:
        return _group((member, action) for action in self.actions for member in dict.fromkeys(action.supporting))

    @cached_property
    def agreements_signed_by(self) -> dict[str, list[Agreement]]:
        return _group(
            (member, agreement) for agreement in self.agreements
            for member in dict.fromkeys(s.organisation for s in agreement.signatories if s.signed)
        )

    @cached_property
    def indicators_reported_by(self) -> dict[str, list[Indicator]]:
        return _group((indicator.responsible, indicator) for indicator in self.indicators)

    @cached_property
    def priorities_measured_by(self) -> dict[str, list[Priority]]:
        return _group((i, priority) for priority in self.priorities for i in dict.fromkeys(priority.indicators))

    @cached_property
    def actions_moving(self) -> dict[str, list[Action]]:
        return _group((i, action) for action in self.actions for i in dict.fromkeys(action.indicators))

    def all_figures(self, indicator: Indicator, series: str = HEADLINE) -> list[Observation | IndicatorValue]:
        """Every figure given for one of the indicator's series (by its key: headline, an area, sex/female, a
        comparator), repeats included: its file's first, then each update's."""
        own = indicator.values if series == HEADLINE else self._own_series(indicator).get(series, [])
        return [*own, *self.reported_figures.get((indicator.id, series), [])]

    def _own_series(self, indicator: Indicator) -> dict[str, list[Observation]]:
        """The figures the indicator's own file gives for each of its series, by key (the first, where a key is
        repeated): worked out once per indicator, since every series of it is looked up, and it may have thousands."""
        found = self._series_of.get(id(indicator))
        if found is None:
            parts: list[Breakdown | Comparator] = [*indicator.breakdowns, *indicator.comparators]
            found = self._series_of[id(indicator)] = {}
            for part in parts:
                if part.key is not None:
                    found.setdefault(part.key, part.values)
        return found

    @cached_property
    def reported_figures(self) -> dict[tuple[str, str], list[IndicatorValue]]:
        """Every progress update's figures, by indicator id and series key, in the order of the updates: looked up
        for every series of every indicator, so gathered once."""
        found: dict[tuple[str, str], list[IndicatorValue]] = {}
        for update in self.progress_updates:
            for figure in update.indicators:
                found.setdefault((figure.indicator, figure.series or HEADLINE), []).append(figure)
        return found

    def figures(self, indicator: Indicator, series: str = HEADLINE) -> list[Observation | IndicatorValue]:
        """The figures of one of the indicator's series from its own file and every progress update, oldest
        period first.

        Where a period is given more than once, the first (the indicator file, then older updates)
        is kept; the check for conflicting figures reports any disagreement.
        """
        by_period: dict[str, Observation | IndicatorValue] = {}
        for figure in self.all_figures(indicator, series):
            by_period.setdefault(figure.period.label, figure)
        return sorted(by_period.values(), key=lambda figure: (figure.period.end, figure.period.start))

    @cached_property
    def partner_by_id(self) -> dict[str, Member]:
        return _first_by_id(self.members)

    @cached_property
    def priority_by_id(self) -> dict[str, Priority]:
        return _first_by_id(self.priorities)

    @cached_property
    def theme_by_id(self) -> dict[str, Theme]:
        return _first_by_id(self.themes)

    @cached_property
    def indicator_by_id(self) -> dict[str, Indicator]:
        return _first_by_id(self.indicators)

    @cached_property
    def action_by_id(self) -> dict[str, Action]:
        return _first_by_id(self.actions)

    @cached_property
    def neighbourhood_by_id(self) -> dict[str, Neighbourhood]:
        return _first_by_id(self.partnership.neighbourhoods if self.partnership else [])

    def resolvable(self, name: str) -> bool:
        """Whether every file that can declare ids of this kind was read, so an unknown id is a real mistake."""
        return not any(kind in self.unreadable for kind, _ in DECLARATIONS[name])

    @cached_property
    def declared(self) -> dict[str, set[str]]:
        """Every id written in the files, valid entry or not, by what it names."""
        result: dict[str, set[str]] = {}
        for name, places in DECLARATIONS.items():
            ids: set[str] = set()
            for kind, path in places:
                for source in self.files:
                    if source.kind is kind:
                        ids.update(_ids_at(source.data, path))
            result[name] = ids
        return result


def _group(pairs: Iterable[tuple[str | None, Any]]) -> dict[str, list[Any]]:
    """Items grouped by key, in the order met; items without a key are left out."""
    groups: dict[str, list[Any]] = {}
    for key, item in pairs:
        if key is not None:
            groups.setdefault(key, []).append(item)
    return groups


def _first_by_id(items: list[Any]) -> dict[str, Any]:
    index: dict[str, Any] = {}
    for item in items:
        index.setdefault(item.id, item)
    return index


def _ids_at(data: Any, path: tuple[str, ...]) -> Iterator[str]:
    if not path:
        if isinstance(data, dict) and data.get("id") is not None:
            yield str(getattr(data["id"], "raw", data["id"]))
        elif isinstance(data, list):
            for item in data:
                yield from _ids_at(item, ())
        return
    if isinstance(data, dict):
        yield from _ids_at(data.get(path[0]), path[1:])
    elif isinstance(data, list):
        for item in data:
            yield from _ids_at(item, path)


# The model of each source file, by the file's id(), with the file itself (which keeps that id its own) and the
# problems found modelling it: a file read again unchanged is the same SourceFile (see read_source), and models
# are never changed once made, so a preview need not model the files an edit left alone.
ModelCache = dict[int, tuple[SourceFile, Any, list[Finding]]]


def load_project(root: Path, cache: ParseCache | None = None, models: ModelCache | None = None) -> Project:
    """Read and model every document under ``root``. Problems become findings, never exceptions.
    A ``cache`` spares parsing again the files that have not changed since it was filled, and ``models``
    modelling them again."""
    loaded = load_directory(root, cache)
    ruleset_path, path_problems = _ruleset_path(root, loaded.files)
    ruleset, findings = load_ruleset(ruleset_path)
    if ruleset_path is not None:  # the ruleset is not a stray file: it was named by the partnership
        shown = display_path(ruleset_path)
        loaded.findings[:] = [f for f in loaded.findings if not (f.code == UNRECOGNISED_FILE.code and f.path == shown)]
    project = Project(
        root, loaded.files, loaded.findings + path_problems + findings, ruleset,
        files_seen=loaded.files_seen, unreadable=loaded.unreadable, assets=loaded.assets,
    )
    project.boundaries, problems = read_boundaries(loaded.boundaries)
    project.findings.extend(problems)
    for source in loaded.files:
        if not source.parsed:
            continue  # already reported: not YAML, or no front matter
        known = models.get(id(source)) if models is not None else None
        if known is not None and known[0] is source:
            model, problems = known[1], known[2]
        else:
            model, problems = validate(source, MODELS[source.kind])
            if models is not None:
                models[id(source)] = (source, model, problems)
        project.findings.extend(problems)
        if model is not None:
            project.documents.setdefault(source.kind, []).append(model)
    if models is not None:  # forget the files that changed or went
        current = {id(source) for source in loaded.files}
        for gone in [key for key in models if key not in current]:
            del models[gone]
    return project


RULESET_PATH = Rule(
    "SS013",
    "ruleset-path",
    Severity.ERROR,
    what="The ruleset named in partnership.yml is not a YAML file inside the source folder.",
    why="The check reads the ruleset, and everything in the source folder may be published. A path that leaves "
    "the folder ('../', or one starting with '/') could make the check read, and quote, a private file.",
    example="ruleset: ../../shared/rules.yml",
    instead="Keep the ruleset beside partnership.yml and name it relative to it: ruleset: ruleset.yml",
)


def _ruleset_path(root: Path, files: list[SourceFile]) -> tuple[Path | None, list[Finding]]:
    """The partnership's own ruleset file, if partnership.yml names one that is inside the folder."""
    for source in files:
        if source.kind is Kind.PARTNERSHIP and isinstance(source.data, dict):
            name = raw_text(source.data.get("ruleset"))
            if not isinstance(name, str) or not name.strip():
                return None, []
            path = root / name.strip()
            if Path(name.strip()).is_absolute() or not is_inside(path, root) or path.suffix not in YAML_SUFFIXES:
                message = "the ruleset must be a .yml file inside the source folder, so it is not read"
            elif not path.is_file():
                message = f"there is no ruleset file '{name.strip()}' beside partnership.yml"
            else:
                return path, []
            return None, [RULESET_PATH.at(
                source.where(("ruleset",)), message,
                "keep the ruleset beside partnership.yml and write its name relative to it, for example ruleset: ruleset.yml",
            )]
    return None, []
