"""The build's checks on one draft, on its own: a draft of `kg ingest` being reviewed is compiled
as the build would compile it once moved into data/articles/, against the ids and types the
project's other sources declare, so that the review page never writes a file the build refuses.

Nothing is written: the triples are dropped, only the errors (raised) and warnings count.
"""

from __future__ import annotations

from pathlib import Path

from kg.build.corpus import load_ontology, status_cues
from kg.build.emit import Emitter
from kg.build.values import BuildWarning
from kg.project import Project
from kg.source.files import Declaration, declarations, read_article, read_places, registry


class _Dropped:
    """A graph sink that keeps nothing: a check needs the errors, not the triples."""

    def graph(self, name: object) -> set:
        return set()


class DraftChecker:
    """Checks drafts against the project; the other sources' declarations are read once (call
    `forget` when the articles change, e.g. after a draft is moved among them)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._cues = status_cues(load_ontology(project.ontology_file))
        self._others: list[tuple[Path, list[Declaration]]] | None = None

    def forget(self) -> None:
        self._others = None

    def check(self, path: Path, yaml_text: str) -> list[BuildWarning]:
        """Compile the draft at `path` (its text beside it) with `yaml_text` as its YAML; raise the
        build's SourceError when the build would refuse it, else return the build's warnings."""
        source = read_article(path, yaml_text)
        entities = registry([*self._declared(), (path, declarations(source))])
        warnings: list[BuildWarning] = []
        Emitter(self.project.iris, _Dropped(), entities, source, self._cues, warnings).emit()
        return warnings

    def _declared(self) -> list[tuple[Path, list[Declaration]]]:
        if self._others is None:
            places = self.project.places_file
            found = [(places, declarations(read_places(places)))] if places.exists() else []
            found += [(path, declarations(read_article(path))) for path in self.project.article_files]
            self._others = found
        return self._others
