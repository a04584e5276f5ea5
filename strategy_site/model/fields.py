"""Field types shared by the documents: text, ids, reporting periods, money."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, cast

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
POUNDS_DESCRIPTION = "Whole pounds, no '£' sign or commas, for example 250000."
Pounds = Annotated[int, Field(ge=0, le=MAX_POUNDS, description=POUNDS_DESCRIPTION)]


def plain_number(text: str) -> str | None:
    """``text`` as a plain number once a £ sign, commas and spaces are taken out ("£45,000" is 45000), else None."""
    cleaned = re.sub(r"[£,\s]", "", text)
    return cleaned if cleaned != text and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", cleaned, re.ASCII) else None

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


# How each form of period is read. One rule settles "2008-09": two digits after a hyphen are a month
# when they are 01 to 12, a financial year when they are the next year (2025-26), and refused when they
# could be both (2000-01 to 2011-12), because either reading would be a silent guess. For the same
# reason two consecutive years joined (2025-2026, "2025 to 2026") are refused: UK bodies write
# financial years that way too. A span of three or more years (2018 to 2020) is the years pooled.
PERIOD_HELP = (
    "a year (2025), a financial year (2025/26), an academic year (2024/25 academic year), "
    "a quarter (2025 Q3, or 2025/26 Q1 for the financial year), a month (2025-09 or Sep 2025), "
    "a day (2025-09-30), or a span of them joined by 'to' (2018 to 2020, 2022/23 to 2024/25)"
)

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
_MONTHS = {name: number for number, full in enumerate(_MONTH_NAMES, start=1) for name in (full, full[:3])} | {"sept": 9}

_YEAR = re.compile(r"([0-9]{4})", re.ASCII)
_TWO_YEARS = re.compile(r"([0-9]{4})([/-])([0-9]{2})", re.ASCII)  # 2025/26, 2025-26 or 2025-09
_QUARTER = re.compile(r"([0-9]{4})(?:([/-])([0-9]{2}))? ?Q([0-9])", re.ASCII | re.IGNORECASE)
_MONTH_NAME = re.compile(r"([A-Za-z]+)\.? ([0-9]{4})", re.ASCII)
_ACADEMIC = re.compile(r"academic year ([0-9]{4}[/-][0-9]{2})|([0-9]{4}[/-][0-9]{2}) academic year", re.ASCII | re.IGNORECASE)
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_SPAN = re.compile(r"(.+?) to (.+)", re.ASCII | re.IGNORECASE)
_DASHED_SPAN = re.compile(r"([0-9]{4}(?:/[0-9]{2})?) ?- ?([0-9]{4}(?:/[0-9]{2})?)", re.ASCII)  # 2018-2020, 2022/23-2024/25
_ALL_YEARS = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])", re.ASCII)


@dataclass(frozen=True)
class _Read:
    """A period as read, with its kind, so that a span joins like with like."""

    kind: str  # calendar year, financial year, academic year, calendar quarter, financial-year quarter, month or day
    start: dt.date
    end: dt.date


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _short(year: int) -> str:
    return f"{(year + 1) % 100:02d}"


def _month(year: int, month: int) -> _Read:
    return _Read("month", dt.date(year, month, 1), _month_end(year, month))


def _financial_year(year: int) -> _Read:
    return _Read("financial year", dt.date(year, 4, 1), dt.date(year + 1, 3, 31))


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _following_year(text: str, year: int, second: str, noun: str = "financial year") -> None:
    if int(second) != (year + 1) % 100:
        raise ValueError(f'"{text}" is not {_a(noun)}: the second year must follow the first, as in {year}/{_short(year)}')


def parse_period(value: Any) -> Period:
    """The period written as ``value``: its label as written, and its first and last day."""
    if isinstance(value, Period):
        return value
    if isinstance(value, bool) or value is None:
        raise ValueError(f"a period is needed: {PERIOD_HELP}")
    label = str(raw_text(value)).strip()
    text = label.replace("\u2013", "-")  # the en dash word processors put in 2018–2020
    if not text.isascii():  # int() and fromisoformat() would read other scripts' digits
        raise ValueError(f'"{label}" is not a period strategy-site understands; write {PERIOD_HELP}, in the digits 0 to 9')
    for year in _ALL_YEARS.findall(text):
        _year_in_bounds(int(year), label)
    read = _read_span(text) or _read_single(text)
    if read is None:
        raise ValueError(f'"{label}" is not a period strategy-site understands; write {PERIOD_HELP}')
    _year_in_bounds(read.end.year, label)  # 2199/00 ends in 2200
    return Period(label, read.start, read.end)


def _read_span(text: str) -> _Read | None:
    """A span such as 2018 to 2020 (pooled figures): from the start of the first period to the end of the last."""
    match = _SPAN.fullmatch(" ".join(text.split())) or _DASHED_SPAN.fullmatch(text)
    if match is None:
        return None
    first, last = (_read_single(part.strip()) for part in match.groups())
    if first is None or last is None:
        raise ValueError(f'"{text}" is not a span strategy-site understands; write the first and last period '
                         "the same way, joined by 'to', as 2018 to 2020 or 2022/23 to 2024/25")
    if first.kind != last.kind:
        raise ValueError(f'"{text}" joins {_a(first.kind)} to {_a(last.kind)}; write both ends the same way, '
                         "as 2018 to 2020 or 2022/23 to 2024/25")
    if last.start == first.start:
        raise ValueError(f'"{text}" starts and ends with the same period; write that period once')
    if last.start < first.start:
        raise ValueError(f'"{text}" ends before it starts; write the earlier period first')
    if first.kind == "calendar year" and last.start.year == first.start.year + 1:
        year = first.start.year
        raise ValueError(f'"{text}" could be the financial year {year}/{_short(year)} or the two calendar years '
                         f"{year} and {year + 1} together; write {year}/{_short(year)} for the financial year, "
                         f"or Jan {year} to Dec {year + 1} for the calendar years")
    return _Read(first.kind, first.start, last.end)


def _read_single(text: str) -> _Read | None:
    """One period in any form but a span, or None when the text has no form strategy-site knows."""
    text = " ".join(text.split())
    for pattern, reader in _READERS:
        match = pattern.fullmatch(text)
        if match:
            return reader(text, match)
    return None


def _read_year(text: str, match: re.Match[str]) -> _Read:
    year = int(match.group(1))
    return _Read("calendar year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def _read_two_years(text: str, match: re.Match[str]) -> _Read:
    year, separator, second = int(match.group(1)), match.group(2), match.group(3)
    if separator == "/":
        _following_year(text, year, second)
        return _financial_year(year)
    number, follows = int(second), int(second) == (year + 1) % 100
    is_month = 1 <= number <= 12
    if is_month and follows:
        raise ValueError(f'"{text}" could be the financial year {year}/{second} or the month {_MONTH_NAMES[number - 1].capitalize()} '
                         f"{year}; write {year}/{second} for the financial year, or {_MONTH_NAMES[number - 1][:3].capitalize()} "
                         f"{year} for the month")
    if is_month:
        return _month(year, number)
    if follows:
        return _financial_year(year)
    message = f'"{text}" is neither a month (there is no month {second}) nor a financial year (that would be {year}-{_short(year)})'
    last = year - year % 100 + number
    if year + 1 < last <= year + 10:  # 2018-20, as ONS writes three years pooled together
        message += f"; for the years {year} to {last} together, write {year} to {last}"
    raise ValueError(message)


def _read_quarter(text: str, match: re.Match[str]) -> _Read:
    year, second, quarter = int(match.group(1)), match.group(3), int(match.group(4))
    if not 1 <= quarter <= 4:
        raise ValueError(f'"{text}" is not a quarter: a year has quarters Q1 to Q4')
    if second is None:  # calendar quarter: Q1 is January to March
        first_month = 1 + 3 * (quarter - 1)
        return _Read("calendar quarter", dt.date(year, first_month, 1), _month_end(year, first_month + 2))
    _following_year(text, year, second)
    first_month = 4 + 3 * (quarter - 1)  # financial quarter: Q1 is April to June
    year += (first_month - 1) // 12
    first_month = (first_month - 1) % 12 + 1
    return _Read("financial-year quarter", dt.date(year, first_month, 1), _month_end(year, first_month + 2))


def _read_month_name(text: str, match: re.Match[str]) -> _Read | None:
    month = _MONTHS.get(match.group(1).lower())
    return None if month is None else _month(int(match.group(2)), month)


def _read_academic_year(text: str, match: re.Match[str]) -> _Read:
    years = match.group(1) or match.group(2)
    year = int(years[:4])
    _following_year(text, year, years[5:], "academic year")
    return _Read("academic year", dt.date(year, 9, 1), dt.date(year + 1, 8, 31))


def _read_day(text: str, match: re.Match[str]) -> _Read:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f'"{text}" is not a day that exists; write the day as YYYY-MM-DD, for example 2026-03-31') from None
    return _Read("day", day, day)


_READERS: list[tuple[re.Pattern[str], Callable[[str, re.Match[str]], _Read | None]]] = [
    (_YEAR, _read_year),
    (_TWO_YEARS, _read_two_years),
    (_QUARTER, _read_quarter),
    (_MONTH_NAME, _read_month_name),
    (_ACADEMIC, _read_academic_year),
    (_DAY, _read_day),
]


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


def _web_address(text: str) -> str:
    if not re.fullmatch(r"https?://[^\s/?#]+\.[^\s/?#]+(/[^\s]*)?", text, re.IGNORECASE):
        raise ValueError(f'"{text}" is not a web address: write it in full, such as https://strategy.fernley.example/')
    return text if text.endswith("/") else text + "/"


WebAddress = Annotated[str, BeforeValidator(_as_text), AfterValidator(_no_control_characters), AfterValidator(_web_address)]
"""A site's public address, https://... (a trailing / is added)."""


# --- the period after a period, and the period of the same form that holds a day ----------------------
# Partners' returns ask for the next figure of each series, and read a date a partner typed as the period that
# holds it; both follow the form of the series' own periods. Each form is numbered, one number a period.

_STEP_LABELS: dict[str, Callable[[int], str]] = {
    "calendar year": str,
    "financial year": lambda n: f"{n}/{_short(n)}",
    "academic year": lambda n: f"{n}/{_short(n)} academic year",
    "calendar quarter": lambda n: f"{n // 4} Q{n % 4 + 1}",
    "financial-year quarter": lambda n: f"{n // 4}/{_short(n // 4)} Q{n % 4 + 1}",
    "month": lambda n: f"{_MONTH_NAMES[n % 12][:3].capitalize()} {n // 12}",
}


def _number(kind: str, day: dt.date) -> int:
    """The number of the period of this form that holds ``day``."""
    if kind == "calendar year":
        return day.year
    if kind == "financial year":
        return day.year if day.month >= 4 else day.year - 1
    if kind == "academic year":
        return day.year if day.month >= 9 else day.year - 1
    if kind == "calendar quarter":
        return day.year * 4 + (day.month - 1) // 3
    if kind == "financial-year quarter":
        year = day.year if day.month >= 4 else day.year - 1
        return year * 4 + (day.month - 4) % 12 // 3
    return day.year * 12 + day.month - 1  # month


def _form(period: Period) -> tuple[str, int, int] | None:
    """The form of a period (calendar year, financial year...), and the numbers of its first and last period;
    None for a day, or a period whose label no longer reads."""
    text = period.label.replace("\u2013", "-")
    try:
        span = _SPAN.fullmatch(" ".join(text.split())) or _DASHED_SPAN.fullmatch(text)
        ends = [_read_single(part.strip()) for part in span.groups()] if span else [_read_single(text)]
    except ValueError:
        return None
    if any(end is None or end.kind not in _STEP_LABELS for end in ends):
        return None
    first, last = cast("list[_Read]", ends)[0], cast("list[_Read]", ends)[-1]
    return first.kind, _number(first.kind, first.start), _number(last.kind, last.start)


def _labelled(kind: str, first: int, last: int) -> Period:
    label = _STEP_LABELS[kind](first) if first == last else f"{_STEP_LABELS[kind](first)} to {_STEP_LABELS[kind](last)}"
    return parse_period(label)


def next_period(period: Period, steps: int = 1) -> Period | None:
    """The period ``steps`` on from ``period``, written the same way (2024/25 gives 2025/26, 2026/27 Q4 gives
    2027/28 Q1, 2020 to 2022 gives 2021 to 2023); None for a day, or a year beyond those strategy-site accepts."""
    form = _form(period)
    if form is None:
        return None
    kind, first, last = form
    try:
        return _labelled(kind, first + steps, last + steps)
    except ValueError:
        return None


def period_like(period: Period, day: dt.date) -> Period | None:
    """The period written like ``period`` that holds ``day`` (30 September 2026 is 2026/27 Q2 in a series of
    financial-year quarters); None for a span of several periods or a day, which no single day names."""
    form = _form(period)
    if form is None or form[1] != form[2]:
        return None
    try:
        number = _number(form[0], day)
        return _labelled(form[0], number, number)
    except ValueError:
        return None
