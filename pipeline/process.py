"""The processing pipeline: a list of small named components, each taking and
returning the same ParsedDocument. Reading happens before, writing after."""
import hashlib
from bisect import bisect_left
from pathlib import Path

from extractors import duties, kinds, metadata, references, registry, targets, tasks
from pipeline import normalize as normalizing
from pipeline import segment as segmenting
from pipeline.document import ParsedDocument
from pipeline.readers import SourceText, ocr_text
from pipeline.spans import first_holding


def correct_ocr(doc: ParsedDocument) -> ParsedDocument:
    """Vietnamese misread by OCR corrected on the OCR'd pages, before any offset is fixed."""
    doc.source = ocr_text.correct_source(doc.source)
    return doc


def normalize(doc: ParsedDocument) -> ParsedDocument:
    doc.normalized = normalizing.normalize(doc.source.text)
    raw = doc.normalized.raw_offsets
    doc.page_starts = [bisect_left(raw, start) for start in doc.source.page_starts]
    return doc


def segment(doc: ParsedDocument) -> ParsedDocument:
    doc.blocks = segmenting.segment(doc.text, doc.page_starts)
    return doc


def extract_metadata(doc: ParsedDocument) -> ParsedDocument:
    doc.document = metadata.extract(doc)
    return doc


def record_ocr_corrections(doc: ParsedDocument) -> ParsedDocument:
    """Document.ocr_corrections, their offsets moved into the normalised text."""
    raw = doc.normalized.raw_offsets
    doc.document.ocr_corrections = [dict(c.as_dict(), offset=bisect_left(raw, c.offset))
                                    for c in doc.source.ocr_corrections]
    return doc


def classify_kind(doc: ParsedDocument) -> ParsedDocument:
    """Document.kind: what the document is, with the signals used."""
    found = kinds.classify(doc)
    doc.document.kind, doc.document.kind_evidence = found.kind, found.evidence
    return doc


def extract_tasks(doc: ParsedDocument) -> ParsedDocument:
    doc.tasks = tasks.extract(doc)
    return doc


def resolve_references(doc: ParsedDocument) -> ParsedDocument:
    """'Bộ này' in a task's agencies -> the last 'Bộ ...' named before the task."""
    for task in doc.tasks:
        task.lead_agencies = references.resolve(task.lead_agencies, doc.text, task.span.start)
        task.coordinating_agencies = references.resolve(task.coordinating_agencies, doc.text, task.span.start)
    return doc


def keep_duties(doc: ParsedDocument) -> ParsedDocument:
    """Drops tasks that are not duties (narrative, procedure steps, mandates, ...) or that the kind gives none."""
    doc.tasks = [task for task, reason in duties.judge_tasks(doc) if reason is None]
    for number, task in enumerate(doc.tasks, 1):
        task.task_id = f"{task.doc_id}-t{number:03d}"
    return doc


def resolve_agencies(doc: ParsedDocument) -> ParsedDocument:
    """Task.agencies: each lead and coordinating mention with its registry entry, in the document's province."""
    found = doc.document
    context = registry.registry().document_province(
        found.issuer, found.place, found.number, doc.text[:2000]) if found else None
    for task in doc.tasks:
        task.agencies = [registry.resolve(name, context).as_dict(role)
                         for role, names in (("lead", task.lead_agencies), ("coordinating", task.coordinating_agencies))
                         for name in names]
    return doc


def extract_targets(doc: ParsedDocument) -> ParsedDocument:
    doc.targets = targets.extract(doc)
    return doc


def keep_goals(doc: ParsedDocument) -> ParsedDocument:
    """Drops percentages that are not goals: the kind sets none, or the section is not about goals."""
    doc.targets = [target for target, reason in duties.judge_targets(doc) if reason is None]
    for number, target in enumerate(doc.targets, 1):
        target.target_id = f"{target.doc_id}-g{number:03d}"
    return doc


def link_targets(doc: ParsedDocument) -> ParsedDocument:
    """A target stated inside a task's paragraph belongs to that task."""
    by_span = {(t.span.start, t.span.end): t.task_id for t in doc.tasks}
    holders = first_holding([(t.span.start, t.span.end) for t in doc.tasks],
                            [(t.span.start, t.span.end) for t in doc.targets])
    for target, holder in zip(doc.targets, holders):
        target.task_id = by_span.get((target.span.start, target.span.end)) or (
            doc.tasks[holder].task_id if holder is not None else None)
    return doc


def ocr_confidence(doc: ParsedDocument) -> ParsedDocument:
    """Task/Target.ocr_confidence: the mean OCR confidence of the words at the record's span."""
    spans = ocr_text.word_spans(doc.source) if doc.source.ocr_words else []
    if not spans:
        return doc
    starts = [start for start, _end, _confidence in spans]
    for record in doc.tasks + doc.targets:
        low, high = doc.normalized.raw_span(record.span.start, record.span.end)
        found = [confidence for start, end, confidence in spans[bisect_left(starts, low):bisect_left(starts, high)]
                 if end <= high]
        record.ocr_confidence = round(sum(found) / len(found) / 100, 2) if found else None
    return doc


COMPONENTS = [
    ("correct_ocr", correct_ocr),
    ("normalize", normalize),
    ("segment", segment),
    ("metadata", extract_metadata),
    ("ocr_corrections", record_ocr_corrections),
    ("kind", classify_kind),
    ("tasks", extract_tasks),
    ("references", resolve_references),
    ("duties", keep_duties),
    ("resolve_agencies", resolve_agencies),
    ("targets", extract_targets),
    ("goals", keep_goals),
    ("link_targets", link_targets),
    ("ocr_confidence", ocr_confidence),
]


def doc_id_for(sha256: str) -> str:
    return "d" + sha256[:12]


def process(source: SourceText, sha256: str) -> ParsedDocument:
    doc = ParsedDocument(source=source, doc_id=doc_id_for(sha256), sha256=sha256)
    for _name, component in COMPONENTS:
        doc = component(doc)
    return doc


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
