"""The object every pipeline component takes and returns (like a spaCy Doc)."""
from dataclasses import dataclass, field
from typing import Optional

from pipeline.normalize import NormalizedText
from pipeline.readers import SourceText
from pipeline.records import Document


@dataclass
class ParsedDocument:
    source: SourceText
    doc_id: str
    sha256: str
    normalized: Optional[NormalizedText] = None
    page_starts: list = field(default_factory=list)  # offsets into normalized.text
    blocks: list = field(default_factory=list)  # pipeline.segment.Block
    document: Optional[Document] = None
    tasks: list = field(default_factory=list)
    targets: list = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.normalized.text if self.normalized else ""

    def excerpt(self, start: int, end: int) -> str:
        return self.text[start:end]
