"""A synthetic partnership N times the size of a real one, with the same shapes.

Usage: python benchmarks/synthetic.py OUT [--source strategy_src] [--times 20]

Copy k of every id gets the suffix "-k" (copy 0 keeps the original ids), and every
reference to an id follows it, so the result checks as cleanly as the source.
The partnership, the community strategy and the renewal strategy stay single
documents whose lists grow N times; every other file is copied N times.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

import yaml

from strategy_site.load.markdown_source import split_front_matter
from strategy_site.model.project import load_project

SINGLE = ("partnership.yml", "community-strategy.md", "neighbourhood-renewal-strategy.md")
BOUNDARIES = "neighbourhoods.geojson"


def renamed(data: Any, ids: set[str], suffix: str) -> Any:
    """``data`` with every string that is a declared id given ``suffix``."""
    if isinstance(data, dict):
        return {key: renamed(value, ids, suffix) for key, value in data.items()}
    if isinstance(data, list):
        return [renamed(item, ids, suffix) for item in data]
    if isinstance(data, str) and data in ids:
        return data + suffix
    return data


def _suffix(copy: int) -> str:
    return f"-{copy}" if copy else ""


def _read(path: Path) -> tuple[dict[str, Any], str]:
    """A file's data and, for Markdown, its body."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        front = split_front_matter(text)
        return yaml.safe_load(front.text), front.body
    return yaml.safe_load(text), ""


def _write(path: Path, data: dict[str, Any], body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)
    path.write_text(f"---\n{dumped}---\n{body}" if path.suffix == ".md" else dumped, encoding="utf-8")


def _merge_lists(copies: list[dict[str, Any]]) -> dict[str, Any]:
    """The first copy, with each list replaced by all copies' lists end to end."""
    merged = dict(copies[0])
    for key, value in merged.items():
        if isinstance(value, list):
            merged[key] = [item for copy in copies for item in copy[key]]
    return merged


def _boundaries(source: Path, out: Path, times: int) -> None:
    """The boundary file with each copy's neighbourhoods beside the last, in rows of five, so the maps have
    as many areas to draw as the synthetic partnership has neighbourhoods."""
    path = source / BOUNDARIES
    if not path.is_file():
        return
    collection = json.loads(path.read_text(encoding="utf-8"))
    points = [point for feature in collection["features"] for point in _points(feature["geometry"]["coordinates"])]
    width = max(p[0] for p in points) - min(p[0] for p in points)
    height = max(p[1] for p in points) - min(p[1] for p in points)
    features = []
    for k in range(times):
        dx, dy = (k % 5) * width * 1.1, -(k // 5) * height * 1.1
        for feature in collection["features"]:
            moved = json.loads(json.dumps(feature))
            moved["properties"]["id"] += _suffix(k)
            moved["geometry"]["coordinates"] = _moved(moved["geometry"]["coordinates"], dx, dy)
            features.append(moved)
    (out / BOUNDARIES).write_text(json.dumps({**collection, "features": features}), encoding="utf-8")


def _points(coordinates: Any) -> list[list[float]]:
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [coordinates]
    return [point for part in coordinates for point in _points(part)]


def _moved(coordinates: Any, dx: float, dy: float) -> Any:
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0] + dx, 6), round(coordinates[1] + dy, 6)]
    return [_moved(part, dx, dy) for part in coordinates]


def generate(source: Path, out: Path, times: int) -> None:
    ids = {name for names in load_project(source).declared.values() for name in names}
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    _boundaries(source, out, times)
    for path in sorted(source.rglob("*")):
        if not path.is_file() or path.suffix not in (".yml", ".md"):
            continue
        relative = path.relative_to(source)
        data, body = _read(path)
        copies = [renamed(data, ids, _suffix(k)) for k in range(times)]
        if str(relative) in SINGLE:
            merged = _merge_lists(copies)
            if "board" in merged:  # the board's membership stays the original partners
                merged["board"] = data["board"]
            _write(out / relative, merged, body)
            continue
        for k, copy in enumerate(copies):
            if "title" in copy and k:
                copy["title"] = f"{copy['title']} ({k + 1})"
            _write(out / relative.with_name(f"{relative.stem}{_suffix(k)}{relative.suffix}"), copy, body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--source", type=Path, default=Path("strategy_src"))
    parser.add_argument("--times", type=int, default=20)
    args = parser.parse_args()
    generate(args.source, args.out, args.times)


if __name__ == "__main__":
    main()
