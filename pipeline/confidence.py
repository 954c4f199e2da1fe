"""How far a reviewer can trust an extracted task or target, from 0 to 1.

The score follows the record's `evidence`: an explicit "chủ trì" sentence beats
a duty inherited from an agency heading, which beats a table row, which beats a
paragraph that only continues the previous one. OCR warnings of the document
(text recognised from a scan, a PDF without text layer) lower it: the text
itself may be wrong. Other warnings ("signer not found") do not. A record whose
own words OCR read with a mean confidence below OCR_LOW (`ocr_confidence`) is
always below LOW: its text goes to review.
"""
import re

EVIDENCE_SCORES = {"explicit": 0.9, "heading": 0.75, "table": 0.65, "continuation": 0.5}
UNKNOWN_EVIDENCE = 0.6
OCR_PENALTY = 0.25
LOW = 0.6  # rows below this are highlighted for review
OCR_LOW = 0.85  # mean OCR confidence (0-1) of a record's words below which it is reviewed

_OCR = re.compile(r"\bocr\b|scann|\bquét\b|text layer", re.IGNORECASE)


def score(record: dict, warnings=()) -> float:
    """Confidence of one task or target (as a dict) in a document with these warnings."""
    base = EVIDENCE_SCORES.get(record.get("evidence") or "explicit", UNKNOWN_EVIDENCE)
    ocr = any(_OCR.search(str(warning)) for warning in warnings)
    found = round(base - OCR_PENALTY if ocr else base, 2)
    return min(found, round(LOW - 0.05, 2)) if is_doubtful_ocr(record.get("ocr_confidence")) else found


def is_doubtful_ocr(ocr_confidence) -> bool:
    return ocr_confidence is not None and ocr_confidence < OCR_LOW


def is_low(value: float) -> bool:
    return value < LOW
