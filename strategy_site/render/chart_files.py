"""Every chart file an indicator publishes, at the paths render/paths.py gives them.

Each indicator has its chart. Beside it, only charts with figures to draw are made: a gap chart for each
gap target with figures for at least one period; a group chart when a group breakdown has figures; and
a chart for each neighbourhood with figures of its own. Pages show a chart under the same conditions, so no page links to a chart that is not there.
"""

from __future__ import annotations

from collections.abc import Iterator

from strategy_site.model.progress import IndicatorProgress
from strategy_site.model.project import Project
from strategy_site.model.series import SeriesKind, indicator_series, series_targets
from strategy_site.render.charts import indicator_chart
from strategy_site.render.group_chart import charted_groups, group_chart
from strategy_site.render.paths import Asset, chart_path, gap_chart_path, group_chart_path, neighbourhood_chart_path
from strategy_site.render.series_charts import gap_chart, neighbourhood_chart


def indicator_charts(project: Project, progress: IndicatorProgress) -> Iterator[Asset]:
    """The indicator's charts, each drawn when asked for."""
    indicator = progress.indicator
    if not indicator.breakdowns and not indicator.comparators:  # the headline alone: most indicators, and quick
        yield Asset(chart_path(project, indicator), indicator_chart(progress))
        return
    series = indicator_series(project, indicator)
    yield Asset(chart_path(project, indicator), indicator_chart(progress, series))
    gaps = [target for target in series_targets(project, indicator, series) if target.is_gap]
    for index, target in enumerate(gaps):
        if target.points:
            yield Asset(gap_chart_path(project, indicator, index), gap_chart(project, indicator, target))
    if charted_groups(series):
        yield Asset(group_chart_path(project, indicator), group_chart(indicator, series))
    for s in series:
        if s.kind is SeriesKind.AREA and s.key in project.neighbourhood_by_id and s.points:
            yield Asset(neighbourhood_chart_path(project, s.key, indicator), neighbourhood_chart(indicator, series, s))
