"""The report's thresholds: every number that decides between met, partly met and not met.

Each is declared here once, with what it decides (the reviewers' guide is generated from these
words); its value is in weights.yml, never in the code.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from strategy_site.model.documents import Frequency

Share = Annotated[float, Field(gt=0, le=1)]


class _Block(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)  # strict: "true" is not 1


class FigureAge(_Block):
    """How old the latest figure may be, in months after the end of its period, by reporting frequency."""

    monthly: int = Field(ge=1, description="how many months after its period a monthly figure counts as up to date")
    quarterly: int = Field(ge=1, description="how many months after its period a quarterly figure counts as up to date")
    annual: int = Field(ge=1, description="how many months after its period an annual figure counts as up to date")
    every_two_years: int = Field(alias="every two years", ge=1,
                                 description="how many months after its period a figure published every two years counts as up to date")

    def months(self, frequency: Frequency) -> int:
        by_frequency: dict[Frequency, int] = {
            "monthly": self.monthly, "quarterly": self.quarterly, "annual": self.annual, "every two years": self.every_two_years,
        }
        return by_frequency[frequency]


class PartlyMetFrom(_Block):
    """The accreditation checklist: a criterion judged by a share is met when every item qualifies, and
    partly met from this share."""

    leads_and_dates: Share = Field(alias="leads-and-dates", description="item 1: of the actions with a lead partner, and of those with a due date")
    measured_priorities: Share = Field(alias="measured-priorities", description="item 3: of the priorities measured by an indicator")
    targets: Share = Field(description="item 5: of the indicators with a target with a date")
    milestones: Share = Field(description="item 6: of the actions with milestones")
    signed_agreements: Share = Field(alias="signed-agreements", description="item 6: of the partnership agreements signed by all their signatories")
    baselines: Share = Field(description="item 7: of the indicators with a baseline")
    reporting_partners: Share = Field(alias="reporting-partners", description="item 8: of the indicators that name the partner that reports them")
    up_to_date: Share = Field(alias="up-to-date", description="item 8: of the indicators with up-to-date figures")


class Thresholds(_Block):
    substantive_words: int = Field(alias="substantive-words", ge=1, description="a required section shorter than this many words is a stub")
    definition_words: int = Field(alias="definition-words", ge=1,
                                  description="an indicator's definition shorter than this many words is only partly met")
    reading_ease: float = Field(alias="reading-ease", description="the Flesch reading ease from which a document is in plain language")
    reading_ease_partly: float = Field(alias="reading-ease-partly", description="the reading ease from which plain language is partly met")
    lead_share: Share = Field(alias="lead-share", description="the largest share of the actions one organisation may lead")
    lead_share_partly: Share = Field(alias="lead-share-partly", description="the largest share for lead spread to be partly met")
    partners_involved_partly: Share = Field(alias="partners-involved-partly",
                                            description="the share of members leading or supporting an action from which partners-involved is partly met")
    sectors_missing_partly: int = Field(alias="sectors-missing-partly", ge=0,
                                        description="with at most this many required sectors missing (from the membership, or from delivery), "
                                        "the sectors measure and checklist items 2 and 4 are partly met")
    figure_age_months: FigureAge = Field(alias="figure-age-months",
                                         description="how many months after the end of its period the latest figure counts as up to date")
    recent_update_months: int = Field(alias="recent-update-months", ge=1,
                                      description="checklist item 1: a progress update published within this many months shows that "
                                      "progress is reported")
    partly_met_from: PartlyMetFrom = Field(alias="partly-met-from",
                                           description="the accreditation checklist: a criterion judged by a share is met when all qualify, "
                                           "and partly met from this share")
