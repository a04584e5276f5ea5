"""Field types shared by the documents: text, ids, reporting periods, money."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, PlainValidator, WithJsonSchema

from strategy_site.characters import CONTROL, describe
from strategy_site.load.yaml_source import raw_text


def _as_text(value: Any) -> Any:
    # Numbers and dates typed into a text field arrive as the officer wrote them.
    return raw_text(value)


def _no_control_characters(text: str) -> str:
    # A YAML escape such as "\e" or "\u202e" puts in a character the file itself could not hold.
    found = CONTROL.search(text)
    if found:
        raise ValueError(f"the text holds an invisible control character ({describe(found.group())}); delete it")
    return text


Text = Annotated[str, BeforeValidator(_as_text), Field(min_length=1), AfterValidator(_no_control_characters)]
"""Any non-empty text. ``1.10`` stays ``"1.10"``; ``2025`` stays ``"2025"``."""

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
ID_MAX_LENGTH = 64  # ids become file names and web addresses
Id = Annotated[
    str,
    BeforeValidator(_as_text),
    Field(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH,
          description=f"A short identifier: letters, digits, '.', '_' or '-', no spaces, at most {ID_MAX_LENGTH} characters."),
]

MAX_POUNDS = 10**12
Pounds = Annotated[int, Field(ge=0, le=MAX_POUNDS, description="Whole pounds, no '£' sign or commas, for example 250000.")]

# Figures beyond this cannot be charted or added up reliably (floating point keeps 15 digits).
MAX_FIGURE = 10**15


def _figure_in_bounds(value: float) -> float:
    if abs(value) > MAX_FIGURE:
        raise ValueError(f"{value:g} is too large a figure: write a number between -{MAX_FIGURE:,} and {MAX_FIGURE:,}")
    return value


def _not_yes_or_no(value: Any) -> Any:
    if isinstance(value, bool):  # pydantic would read true as 1
        raise ValueError(f"{str(value).lower()} is a yes/no value, not a figure: write the number")
    return value


Figure = Annotated[float, BeforeValidator(_not_yes_or_no), AfterValidator(_figure_in_bounds)]

# Dates and periods outside these years are typing mistakes (0202 for 2022, 9999 for "never").
FIRST_YEAR, LAST_YEAR = 1900, 2199
YEARS_IN_WORDS = f"between {FIRST_YEAR} and {LAST_YEAR}"


def _year_in_bounds(year: int, text: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f'"{text}" is not a year strategy-site accepts: dates and periods must fall {YEARS_IN_WORDS}')


def _day_in_bounds(day: dt.date) -> dt.date:
    _year_in_bounds(day.year, day.isoformat())
    return day


Day = Annotated[dt.date, AfterValidator(_day_in_bounds)]


@dataclass(frozen=True)
class Period:
    """A reporting period: the label officers write, and the days it covers."""

    label: str
    start: dt.date
    end: dt.date

    def __str__(self) -> str:
        return self.label


_FINANCIAL_YEAR = re.compile(r"^(\d{4})[/-](\d{2})$", re.ASCII)
_QUARTER = re.compile(r"^(\d{4})(?:[/-](\d{2}))? ?Q([1-4])$", re.ASCII)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)

PERIOD_HELP = (
    "a year (2025), a financial year (2025/26), a quarter (2025 Q3, or 2025/26 Q1 for the financial year), "
    "a month (2025-09) or a day (2025-09-30)"
)


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def parse_period(value: Any) -> Period:
    period = _period(value)
    _year_in_bounds(period.end.year, period.label)  # 2199/26 ends in 2200
    return period


def _period(value: Any) -> Period:
    if isinstance(value, Period):
        return value
    if isinstance(value, bool) or value is None:
        raise ValueError(f"a period is needed: {PERIOD_HELP}")
    text = str(raw_text(value)).strip()
    if not text.isascii():  # int() and fromisoformat() would read other scripts' digits
        raise ValueError(f'"{text}" is not a period strategy-site understands; write {PERIOD_HELP}, in the digits 0 to 9')
    if (year := re.match(r"[0-9]{4}", text)) is not None:
        _year_in_bounds(int(year.group()), text)
    try:
        if re.fullmatch(r"[0-9]{4}", text):
            year = int(text)
            return Period(text, dt.date(year, 1, 1), dt.date(year, 12, 31))
        match = _FINANCIAL_YEAR.match(text)
        if match:
            year = int(match.group(1))
            if (year + 1) % 100 != int(match.group(2)):
                raise ValueError(f'"{text}" is not a financial year: the second year must follow the first, as in 2025/26')
            return Period(text, dt.date(year, 4, 1), dt.date(year + 1, 3, 31))
        match = _QUARTER.match(text)
        if match:
            year, quarter = int(match.group(1)), int(match.group(3))
            if match.group(2) is not None:  # financial quarter: Q1 is April to June
                first_month = 4 + 3 * (quarter - 1)
                year += (first_month - 1) // 12
                first_month = (first_month - 1) % 12 + 1
            else:
                first_month = 1 + 3 * (quarter - 1)
            return Period(text, dt.date(year, first_month, 1), _month_end(year, first_month + 2))
        match = _MONTH.match(text)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            return Period(text, dt.date(year, month, 1), _month_end(year, month))
        day = dt.date.fromisoformat(text)
        return Period(text, day, day)
    except ValueError as error:
        if "financial year" in str(error):
            raise
    raise ValueError(f'"{text}" is not a period strategy-site understands; write {PERIOD_HELP}')


PeriodField = Annotated[
    Period,
    PlainValidator(parse_period),
    PlainSerializer(lambda period: period.label, return_type=str),
    WithJsonSchema({"type": ["string", "integer"], "description": f"A reporting period: {PERIOD_HELP}."}),
]


@dataclass(frozen=True)
class YearRange:
    start: int
    end: int

    @property
    def label(self) -> str:
        return f"{self.start} to {self.end}"


def parse_year_range(value: Any) -> YearRange:
    if isinstance(value, YearRange):
        return value
    text = str(raw_text(value)).strip()
    match = re.fullmatch(r"([0-9]{4})\s*(?:-|–|to)\s*([0-9]{4})", text)
    if not match:
        raise ValueError(f'"{text}" is not a span of years; write it as 2024-2034 or "2024 to 2034"')
    start, end = int(match.group(1)), int(match.group(2))
    _year_in_bounds(start, text)
    _year_in_bounds(end, text)
    if end < start:
        raise ValueError(f'"{text}" ends before it starts')
    return YearRange(start, end)


YearRangeField = Annotated[
    YearRange,
    PlainValidator(parse_year_range),
    PlainSerializer(lambda years: years.label, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}\s*(-|to)\s*\d{4}$", "description": "First and last year, as 2024-2034."}),
]
