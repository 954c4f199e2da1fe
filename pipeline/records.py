"""The records a run writes. Every writer, the evaluator and the tests use these."""
from dataclasses import asdict, dataclass, field
from typing import Optional


@dataclass
class Span:
    start: int  # offsets into the document's normalised text
    end: int
    page: Optional[int] = None  # 1-based, where the source has pages


PRECISIONS = ("day", "month", "quarter", "half_year", "year")


@dataclass
class Deadline:
    text: str  # as printed: "trước ngày 30/6/2025", "Quý III/2025"
    date: Optional[str] = None  # ISO, the last day the text allows: "Quý III/2025" -> 2025-09-30
    year: Optional[int] = None  # the date's year, kept for older readers
    precision: Optional[str] = None  # one of PRECISIONS: what the text states
    recurring: bool = False  # hằng năm, hằng quý: date is the first due date

    def __post_init__(self):
        if self.date and not self.precision:
            self.precision = "day"
        elif self.year and not self.date:  # a year alone allows up to 31 December
            self.date, self.precision = f"{self.year}-12-31", self.precision or "year"
        if self.date and not self.year:
            self.year = int(self.date[:4])


@dataclass
class Signer:
    name: Optional[str] = None
    title: Optional[str] = None  # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"


@dataclass
class LegalBasis:  # căn cứ
    text: str
    number: Optional[str] = None
    date: Optional[str] = None


@dataclass
class Source:
    path: str
    sha256: str
    format: str  # txt, docx, pdf, ...
    pages: Optional[int] = None
    also_found_at: list = field(default_factory=list)  # other input paths holding the same content


@dataclass
class Document:
    doc_id: str
    source: Source
    number: Optional[str] = None  # số, ký hiệu: "3796/QĐ-UBND"
    doc_type: Optional[str] = None  # Quyết định, Kế hoạch, Công văn, ...
    issue_date: Optional[str] = None
    issuer: Optional[str] = None  # cơ quan ban hành
    place: Optional[str] = None  # địa danh
    signer: Signer = field(default_factory=Signer)
    title: Optional[str] = None  # trích yếu
    legal_bases: list = field(default_factory=list)  # of LegalBasis
    warnings: list = field(default_factory=list)
    kind: Optional[str] = None  # extractors.kinds.KINDS: plan, decision, ..., law, procedure, reference
    kind_evidence: list = field(default_factory=list)  # the signals that decided the kind
    # what was changed in OCR'd text: {"from", "to", "offset" (into the normalised text), "rule"}
    ocr_corrections: list = field(default_factory=list)


@dataclass
class Task:
    task_id: str
    doc_id: str
    section: Optional[str]  # "IV.3.d"
    text: str
    lead_agencies: list  # chủ trì / the agency the duty is given to
    coordinating_agencies: list  # phối hợp
    deadline: Optional[Deadline]
    span: Span
    excerpt: str  # the normalised text at span, exactly
    source: str  # input path
    evidence: str = "explicit"  # explicit | heading | table | continuation
    # resolved agencies: {"name" (as printed), "role" (lead/coordinating), "id", "canonical", "group", "note"}
    agencies: list = field(default_factory=list)
    ocr_confidence: Optional[float] = None  # mean OCR confidence (0-1) of the words at span; None: no OCR


@dataclass
class Target:
    target_id: str
    doc_id: str
    task_id: Optional[str]
    text: str
    value: float
    value_max: Optional[float]
    comparator: str  # = >= > <= < range decrease increase
    unit: str
    subject: Optional[str]
    deadline: Optional[Deadline]
    span: Span
    excerpt: str
    source: str
    ocr_confidence: Optional[float] = None  # as Task.ocr_confidence


@dataclass
class Problem:
    path: str
    stage: str  # input, read, normalise, extract, write
    cause: str
    severity: str = "error"  # error: file skipped; warning: records may be incomplete


def to_dict(record) -> dict:
    return asdict(record)
