"""A per-document cache of analyses, so a rebuild parses only the documents that changed.

An entry is keyed by the document's content hash and the analysis version (spaCy, the model, kg's parsing
code and lexicon), so a changed document, model or rule set is simply a miss. Entries are written to a
temporary file and renamed; an entry that cannot be read (cut short, from another kg) is a miss, and is
replaced. The cache is the user's own folder: entries are pickles, never to be read from elsewhere.
"""
from __future__ import annotations

import dataclasses
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kg.analysis import DocumentAnalysis, analysis_version, document_digest
from kg.errors import ExportError
from kg.model import Document


@dataclass(frozen=True)
class CacheStats:
    hits: int
    misses: int


class AnalysisCache:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._version = analysis_version()
        self.hits = 0
        self.misses = 0

    def _path(self, document: Document) -> Path:
        key = document_digest(document)
        return self.directory / self._version[:16] / key[:2] / f"{key}.pickle"

    def get(self, document: Document) -> DocumentAnalysis | None:
        path = self._path(document)
        try:
            with open(path, "rb") as handle:
                analysis = pickle.load(handle)
        except FileNotFoundError:
            analysis = None
        except Exception:  # noqa: BLE001 - a damaged entry is a miss; it is rewritten below
            analysis = None
        if not isinstance(analysis, DocumentAnalysis) or analysis.document != document:
            self.misses += 1
            return None
        self.hits += 1
        # the caller's document, equal to the stored one, so its text is held once
        return dataclasses.replace(analysis, document=document)

    def put(self, analysis: DocumentAnalysis) -> None:
        path = self._path(analysis.document)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(analysis, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # no fsync: an entry lost to a power cut is only a miss next time
        except OSError as exc:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            raise ExportError(f"cannot write the analysis cache {self.directory}: {exc.strerror or exc}") from exc

    def stats(self) -> CacheStats:
        return CacheStats(self.hits, self.misses)
