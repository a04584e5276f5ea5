"""The documents a partnership writes, as typed models.

These classes are the one source of truth for each document's fields: the
checker validates against them and ``strategy-site schema`` turns them into the
JSON Schema that editors use for completion. Field descriptions are written for
officers: they appear in editors and in the hints of schema findings.

Some fields the guidance treats as essential (an action's lead partner and
due date, an indicator's baseline) are optional here on purpose: their absence
is reported by a dedicated rule with a plain explanation, not as a bare
"missing field".
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from strategy_site.findings import Location
from strategy_site.load.files import SourceFile
from strategy_site.load.kinds import Kind
from strategy_site.model.fields import Day, Figure, Id, PeriodField, Pounds, Text, WebAddress, YearRangeField

# How targets and progress updates name an indicator's own, whole-area series.
HEADLINE = "headline"
# The area id of the renewal areas taken together.
RENEWAL_AREAS = "renewal-areas"

# The YAML fields published as Markdown, like a document's body (an action's description, a theme's or
# the strategy's summary, an indicator's definition and commentary); every other text is shown exactly as
# written. The page templates mark these with their `markdown` filter.
MARKDOWN_FIELDS = frozenset({"description", "summary", "definition", "commentary"})

Sector = Literal["public", "private", "voluntary", "community", "faith"]
Tier = Literal["unitary", "county", "district"]
StrategyStatus = Literal["draft", "consultation", "adopted"]
ActionStatus = Literal["not started", "on track", "at risk", "off track", "complete", "dropped"]
ResourceKind = Literal["mainstream", "neighbourhood renewal fund", "pooled", "aligned", "in kind"]
Direction = Literal["higher", "lower"]
Frequency = Literal["monthly", "quarterly", "annual", "every two years"]
TargetKind = Literal["floor", "stretch", "local"]
PlanKind = Literal["overall", "thematic", "neighbourhood"]
Activity = Literal["new", "existing"]
GapMeasure = Literal["difference", "ratio"]


class Model(BaseModel):
    """A part of a document that knows where it was written."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)

    _source: SourceFile | None = PrivateAttr(default=None)
    _path: tuple[str | int, ...] = PrivateAttr(default=())

    def where(self, *field: str | int, key: bool = False) -> Location:
        """The file, line and column of this part, or of one of its fields."""
        assert self._source is not None, "locations are attached when a document is modelled"
        return self._source.where(self._path + field, key=key)

    @property
    def source_file(self) -> SourceFile:
        assert self._source is not None
        return self._source

    @property
    def path_in_file(self) -> tuple[str | int, ...]:
        """Where this part sits in its file's data: ("breakdowns", 2) for the third breakdown; () for the document."""
        return self._path


class Document(Model):
    """A whole document: one file of a kind in the table of kinds (strategy_site/load/kinds.py)."""

    KIND: ClassVar[Kind]


# --- partnership.yml ------------------------------------------------------------


class Member(Model):
    id: Id = Field(description="Short id used to refer to this organisation elsewhere, for example 'police'.")
    name: Text = Field(description="The organisation's full name.")
    sector: Sector = Field(description="public, private, voluntary, community or faith.")
    type: Text | None = Field(None, description="What kind of body it is: council, police, health, fire, education, business, housing...")
    website: Text | None = None


class Person(Model):
    name: Text
    role: Text | None = None
    organisation: Id | None = Field(None, description="The id of the member organisation this person represents.")


class Board(Model):
    chair: Person
    vice_chair: Person | None = None
    members: list[Id] = Field(default_factory=list, description="Ids of the member organisations with a seat on the board.")
    meets: Text | None = Field(None, description="How often the board meets, for example 'every two months, in public'.")


class ThematicPartnership(Model):
    id: Id
    name: Text
    chair: Person
    themes: list[Id] = Field(description="Ids of the community strategy themes this partnership leads.")
    members: list[Id] = Field(default_factory=list, description="Ids of its member organisations.")


class Neighbourhood(Model):
    id: Id
    name: Text
    renewal_area: bool = Field(False, description="true for the most deprived neighbourhoods the renewal strategy targets.")
    description: Text | None = None


class Group(Model):
    id: Id = Field(description="Short id used to break figures down by this group, for example 'carers'.")
    name: Text = Field(description="What the group is, for example 'Caring responsibility'.")
    categories: list[Text] = Field(
        default_factory=list,
        description="The only categories figures may use, for example [carer, not a carer]; leave out to allow any.")


class Contact(Model):
    email: Text | None = None
    phone: Text | None = None
    address: Text | None = None
    website: Text | None = None


class Partnership(Document):
    KIND: ClassVar[Kind] = Kind.PARTNERSHIP
    name: Text = Field(description="The partnership's public name.")
    area: Text = Field(description="The local-authority area it covers.")
    site_description: Text | None = Field(
        None, description="One or two sentences about the site, for search engines and link previews.")
    site_address: WebAddress | None = Field(
        None, description="The public address of the site, such as https://strategy.fernley.example/ (the feed and sitemap need it).")
    tier: Tier = Field(description="unitary, county or district.")
    region: Text
    neighbourhood_renewal_fund: bool = Field(description="true when the area receives Neighbourhood Renewal Fund money.")
    ruleset: Text | None = Field(None, description="A ruleset file, relative to this one, that adds to or relaxes the default checks.")
    members: list[Member]
    board: Board
    thematic_partnerships: list[ThematicPartnership] = Field(default_factory=list)
    neighbourhoods: list[Neighbourhood] = Field(default_factory=list)
    groups: list[Group] = Field(
        default_factory=list,
        description="Groups of people figures are broken down by, besides sex, age, ethnicity and disability, which are always there.")
    contact: Contact


# --- community-strategy.md and neighbourhood-renewal-strategy.md front matter ----


class Priority(Model):
    id: Id
    title: Text
    outcome: Text = Field(description="The change local people should see, in one sentence.")
    indicators: list[Id] = Field(default_factory=list, description="Ids of the indicators that measure this outcome.")


class Theme(Model):
    id: Id
    name: Text
    summary: Text | None = None
    priorities: list[Priority]


class CommunityStrategy(Document):
    KIND: ClassVar[Kind] = Kind.COMMUNITY_STRATEGY
    title: Text
    period: YearRangeField = Field(description="First and last year the strategy covers, as 2024-2034.")
    status: StrategyStatus
    adopted: Day | None = Field(None, description="The date the partnership adopted the strategy.")
    next_review: Day = Field(description="When the strategy will next be reviewed.")
    summary: Text | None = Field(None, description="The vision in one paragraph, for the home page.")
    themes: list[Theme]


class RenewalStrategy(Document):
    KIND: ClassVar[Kind] = Kind.RENEWAL_STRATEGY
    title: Text
    period: YearRangeField
    status: StrategyStatus
    adopted: Day | None = None
    next_review: Day
    neighbourhoods: list[Id] = Field(description="Ids of the neighbourhoods (in partnership.yml) the strategy targets.")
    indicators: list[Id] = Field(default_factory=list, description="Ids of the indicators that carry its targets.")


# --- action-plans/*.yml --------------------------------------------------------


class Milestone(Model):
    date: Day
    text: Text
    done: bool = False


class Resource(Model):
    amount: Pounds
    kind: ResourceKind
    provider: Id | None = Field(None, description="Id of the member organisation providing the money or staff.")
    note: Text | None = None


class Action(Model):
    id: Id
    title: Text
    description: Text | None = None
    priority: Id | None = Field(None, description="Id of the community strategy priority this action serves.")
    lead: Id | None = Field(None, description="Id of the member organisation accountable for the action.")
    supporting: list[Id] = Field(default_factory=list, description="Ids of the member organisations that help.")
    start: Day | None = None
    due: Day | None = Field(None, description="The date the action will be finished.")
    status: ActionStatus
    milestones: list[Milestone] = Field(default_factory=list)
    resources: list[Resource] = Field(default_factory=list)
    indicators: list[Id] = Field(default_factory=list, description="Ids of the indicators this action should move.")
    neighbourhoods: list[Id] = Field(default_factory=list, description="Ids of the neighbourhoods it targets, if not the whole area.")
    groups: list[Text] = Field(default_factory=list, description="Groups of people it targets, for example 'young carers'.")
    activity: Activity = Field(description="new for something the partnership adds, existing for work members would do anyway.")


class ActionPlan(Document):
    KIND: ClassVar[Kind] = Kind.ACTION_PLAN
    title: Text
    kind: PlanKind
    period: YearRangeField
    owner: Id | None = Field(None, description="Id of the thematic partnership that owns the plan, or 'board'.")
    actions: list[Action]


# --- indicators/*.yml ------------------------------------------------------------


class Baseline(Model):
    value: Figure
    period: PeriodField


class Target(Model):
    value: Figure = Field(description="The figure to reach; for a gap, the largest gap that meets the target (a difference in "
                          "the indicator's unit, or a ratio such as 3 for three times).")
    by: PeriodField = Field(description="The period by the end of which the target should be met.")
    kind: TargetKind = Field(description="floor (national minimum), stretch (local PSA stretch target) or local.")
    series: Text | None = Field(
        None, description="The series the target is for, if not the headline: a neighbourhood id, renewal-areas, a comparator "
        "id, or a group and category such as sex/female.")
    each: Id | None = Field(
        None, description="Set the target for every series of a kind at once: neighbourhood, renewal-area, or a group such as "
        "sex. The worst of them counts.")
    against: Text | None = Field(
        None, description="Makes this a target on a gap: the series the target's series is compared with, such as headline "
        "or england.")
    measure: GapMeasure | None = Field(
        None, description="How a gap is measured: difference (the default; in the indicator's unit) or ratio (times as much).")
    note: Text | None = None


class Observation(Model):
    period: PeriodField
    value: Figure
    note: Text | None = None


class Breakdown(Model):
    area: Id | None = Field(
        None, description="A neighbourhood id from partnership.yml, or renewal-areas for the renewal areas together.")
    group: Id | None = Field(
        None, description="A group of people: sex, age, ethnicity, disability, or a group partnership.yml declares.")
    category: Text | None = Field(None, description="Which part of the group, for example female or 16 to 24.")
    unit: Text | None = Field(None, description="Only when the unit differs from the indicator's (check will say so).")
    source: Text | None = Field(None, description="Where these figures come from, when not the indicator's source.")
    values: list[Observation] = Field(description="The figures for this area or group, oldest first.")

    @property
    def key(self) -> str | None:
        """How targets and progress updates name this series: the area's id, or group/category (sex/female);
        None when it names neither, or both (check reports it)."""
        if self.area is not None and self.group is None and self.category is None:
            return self.area
        if self.group is not None and self.category is not None and self.area is None:
            return f"{self.group}/{self.category}"
        return None


class Comparator(Model):
    id: Id = Field(description="Short id to name the comparator in targets, for example england or north-west.")
    name: Text = Field(description="The place or places it covers, as residents would say it: England, the North West, similar areas.")
    source: Text = Field(description="Where these figures come from.")
    unit: Text | None = Field(None, description="Only when the unit differs from the indicator's (check will say so).")
    values: list[Observation] = Field(description="The comparator's figures, oldest first.")

    @property
    def key(self) -> str:
        return self.id


class Indicator(Document):
    KIND: ClassVar[Kind] = Kind.INDICATOR
    id: Id
    title: Text
    definition: Text
    unit: Text = Field(description="What the number counts, for example 'per 1,000 households' or '% of pupils'.")
    better: Direction = Field(description="higher or lower: which way is an improvement.")
    source: Text = Field(description="Where the figures come from.")
    collection: Text = Field(description="How they are collected.")
    geography: Text = Field(description="The area the figures cover.")
    frequency: Frequency
    baseline: Baseline | None = None
    targets: list[Target] = Field(default_factory=list)
    values: list[Observation] = Field(default_factory=list, description="Actual values, oldest first.")
    breakdowns: list[Breakdown] = Field(
        default_factory=list, description="The same figures for each neighbourhood, the renewal areas, or groups of people.")
    comparators: list[Comparator] = Field(
        default_factory=list, description="Figures for places to compare with, such as England or the region.")
    chart: Text | None = Field(
        None, description="Which breakdown the indicator page charts with the headline: area (the default) or a group such as sex.")
    responsible: Id | None = Field(None, description="Id of the member organisation that reports this indicator.")
    commentary: Text | None = Field(None, description="What the latest figures mean and what is being done.")


# --- agreements/*.md front matter -----------------------------------------------


class Signatory(Model):
    name: Text
    role: Text
    organisation: Id
    signed: Day | None = Field(None, description="The date signed; leave out until it is signed.")


class Measure(Model):
    indicator: Id
    note: Text | None = None


class Agreement(Document):
    KIND: ClassVar[Kind] = Kind.AGREEMENT
    title: Text
    parties: list[Id] = Field(description="Ids of the thematic partnerships that agree, and 'board' for the partnership board.")
    themes: list[Id]
    aims: list[Text]
    measures: list[Measure]
    members: list[Id] = Field(description="Ids of the member organisations in the thematic partnership.")
    signatories: list[Signatory]
    agreed: Day | None = None
    review: Day | None = None


# --- progress/*.md front matter --------------------------------------------------


class ActionProgress(Model):
    action: Id
    status: ActionStatus
    commentary: Text


class IndicatorValue(Model):
    indicator: Id
    series: Text | None = Field(
        None, description="The series the figure is for, if not the headline: a neighbourhood id, renewal-areas, or a group and "
        "category such as sex/female.")
    period: PeriodField
    value: Figure
    note: Text | None = None


class ProgressUpdate(Document):
    KIND: ClassVar[Kind] = Kind.PROGRESS_UPDATE
    title: Text
    published: Day
    covers: PeriodField = Field(description="The period the update reports on, for example 2026/27 Q2.")
    actions: list[ActionProgress] = Field(default_factory=list)
    indicators: list[IndicatorValue] = Field(default_factory=list)
    draft: bool = Field(
        False, description="true while the update is still being written, as `strategy-site returns import` leaves it: the site "
        "does not publish it, nor count its statuses and figures, until this line is deleted.")
