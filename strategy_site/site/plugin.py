"""MkDocs plugin: replace the source files MkDocs finds with one generated page per document."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from strategy_site.model.project import Project, load_project
from strategy_site.render.pages import render_pages

SOURCE_SUFFIXES = (".md", ".yml", ".yaml")


class PluginConfig(Config):
    templates = config_options.Dir(exists=True, default="templates/content")


class StrategySitePlugin(BasePlugin[PluginConfig]):
    def __init__(self) -> None:
        # build.py hands over the project it has already checked, so the sources are read once.
        self.project: Project | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.watch.append(self.config.templates)  # `serve` rebuilds when a template changes
        if self.project is None:
            self.project = load_project(Path(config.docs_dir))
        if self.project.partnership:  # the partnership's name is written once, in partnership.yml
            config.site_name = self.project.partnership.name
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        project = self.project
        assert project is not None, "on_config loads the project"
        kept = [
            file for file in files
            if not (file.src_dir == config.docs_dir and file.src_uri.endswith(SOURCE_SUFFIXES))
        ]
        generated = [
            File.generated(config, page.path, content=page.markdown)
            for page in render_pages(project, Path(self.config.templates))
        ]
        return Files(kept + generated)
