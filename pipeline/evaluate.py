"""Score a run (documents/tasks/targets JSONL) against gold annotations.

The rules are those of /work/shared/gold/FORMAT.md: documents are matched to
gold files by file stem, tasks by token Jaccard >= 0.5, targets by equal value
and token Jaccard >= 0.3, each one to one, greedily by descending Jaccard.
Agency lists match one to one or when joined in order they are the same words.
A matched task whose coordinating lists match only as joined words counts its
gold agencies as found, on both sides: matched = predicted = gold's count.
"""
import json
import re
from collections import Counter
from pathlib import Path

from extractors import agencies
from pipeline.normalize import fold, normalize_string

TASK_JACCARD = 0.5
TARGET_JACCARD = 0.3
TITLE_F1 = 0.8
VALUE_TOLERANCE = 1e-6
DOC_FIELDS = ("number", "doc_type", "issue_date", "issuer", "signer", "title")

# ---------------------------------------------------------------- comparisons

def tokens(text) -> set:
    return set(re.findall(r"\w+", normalize_string(text or "").lower()))


def jaccard(a: set, b: set) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def token_f1(a: set, b: set) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def canonical_agency(name) -> str:
    return agencies.canonical(name)


def agency_list(names) -> list:
    """Canonical names in order, empty ones dropped."""
    return [c for c in map(canonical_agency, names or []) if c]


def same_words(gold: list, pred: list) -> bool:
    """Canonical lists that read the same when joined in order:
    ["cac doanh nghiep to chuc kinh te"] and ["cac doanh nghiep", "to chuc kinh te"]."""
    return " ".join(gold) == " ".join(pred)


def agencies_match(gold_names, pred_names) -> bool:
    gold, pred = agency_list(gold_names), agency_list(pred_names)
    return Counter(gold) == Counter(pred) or same_words(gold, pred)


def coordinating_counts(gold_names, pred_names) -> tuple:
    """(found, predicted) coordinating agencies of one matched task."""
    gold, pred = agency_list(gold_names), agency_list(pred_names)
    if same_words(gold, pred):
        return len(gold), len(gold)  # one list split another way: counted in gold's split
    return sum((Counter(gold) & Counter(pred)).values()), len(pred)


def canonical_number(number) -> str:
    text = normalize_string(number or "").upper().replace("Đ", "D").replace("Ð", "D")
    return re.sub(r"\s+", "", text)


def field_matches(field: str, gold, pred) -> bool:
    if field == "number":
        return canonical_number(gold) == canonical_number(pred)
    if field == "issuer":
        return canonical_agency(gold) == canonical_agency(pred)
    if field == "title":
        return token_f1(tokens(gold), tokens(pred)) >= TITLE_F1
    if field == "issue_date":
        return gold == pred
    return fold(gold) == fold(pred or "")  # doc_type, signer


def deadline_matches(gold, pred) -> bool:
    """Gold '2025' compares the predicted year, gold '2025-06-30' the predicted date."""
    if not pred:
        return False
    gold = str(gold)
    if len(gold) == 4:
        return pred.get("year") is not None and int(pred["year"]) == int(gold)
    return pred.get("date") == gold


def comparator_matches(gold: dict, pred: dict) -> bool:
    """Equal comparators; a growth or reduction with an upper bound is a gold 'range'."""
    if gold.get("comparator") == pred.get("comparator"):
        return True
    return (gold.get("comparator") == "range" and pred.get("comparator") in ("increase", "decrease")
            and pred.get("value_max") is not None)


def same_value(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= VALUE_TOLERANCE


# ------------------------------------------------------------------- matching

def greedy_match(gold_items, pred_items, threshold, compatible=lambda g, p: True):
    """One-to-one (gold_index, pred_index) pairs, best token Jaccard first."""
    gold_tokens = [tokens(g["text"]) for g in gold_items]
    pred_tokens = [tokens(p["text"]) for p in pred_items]
    candidates = []
    for gi, g in enumerate(gold_items):
        for pi, p in enumerate(pred_items):
            score = jaccard(gold_tokens[gi], pred_tokens[pi])
            if score >= threshold and compatible(g, p):
                candidates.append((-score, gi, pi))
    used_gold, used_pred, pairs = set(), set(), []
    for _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


# ------------------------------------------------------------------- counting

def count_document(gold: dict, pred) -> dict:
    counts = {}
    for field in DOC_FIELDS:
        gold_value = gold.get(field)
        scored = gold_value is not None
        pred_value = (pred or {}).get(field)
        if field == "signer" and isinstance(pred_value, dict):
            pred_value = pred_value.get("name")
        counts[f"{field}_total"] = int(scored)
        counts[f"{field}_correct"] = int(scored and pred is not None
                                         and field_matches(field, gold_value, pred_value))
    return counts


def count_tasks(gold: list, pred: list) -> dict:
    pairs = greedy_match(gold, pred, TASK_JACCARD)
    matched = {pi for _, pi in pairs}
    counts = {"tasks_gold": len(gold), "tasks_pred": len(pred), "tasks_matched": len(pairs),
              "tasks_lead_matched": 0, "coord_matched": 0,
              "coord_gold": sum(len(agency_list(g["coordinating"])) for g in gold),
              "coord_pred": sum(len(agency_list(p.get("coordinating_agencies")))  # matched ones below
                                for pi, p in enumerate(pred) if pi not in matched),
              "task_deadline_total": 0, "task_deadline_correct": 0}
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        counts["tasks_lead_matched"] += agencies_match(g["lead"], p.get("lead_agencies"))
        found, predicted = coordinating_counts(g["coordinating"], p.get("coordinating_agencies"))
        counts["coord_matched"] += found
        counts["coord_pred"] += predicted
        if g.get("deadline") is not None:
            counts["task_deadline_total"] += 1
            counts["task_deadline_correct"] += deadline_matches(g["deadline"], p.get("deadline"))
    return counts


def _same_target_value(gold: dict, pred: dict) -> bool:
    return (same_value(gold["value"], pred.get("value"))
            and same_value(gold.get("value_max"), pred.get("value_max")))


def count_targets(gold: list, pred: list) -> dict:
    pairs = greedy_match(gold, pred, TARGET_JACCARD, _same_target_value)
    counts = {"targets_gold": len(gold), "targets_pred": len(pred), "targets_matched": len(pairs),
              "comparator_correct": 0, "target_deadline_total": 0, "target_deadline_correct": 0}
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        counts["comparator_correct"] += comparator_matches(g, p)
        if g.get("deadline") is not None:
            counts["target_deadline_total"] += 1
            counts["target_deadline_correct"] += deadline_matches(g["deadline"], p.get("deadline"))
    return counts


# -------------------------------------------------------------------- metrics

def _ratio(numerator, denominator):
    """Rounded ratio, None when there is nothing to score."""
    return round(numerator / denominator, 4) if denominator else None


def _prf(prefix: str, matched: int, n_pred: int, n_gold: int) -> dict:
    return {f"{prefix}_precision": _ratio(matched, n_pred),
            f"{prefix}_recall": _ratio(matched, n_gold),
            f"{prefix}_f1": _ratio(2 * matched, n_pred + n_gold)}


def metrics(counts: dict) -> dict:
    c = counts
    result = {f"{f}_accuracy": _ratio(c[f"{f}_correct"], c[f"{f}_total"]) for f in DOC_FIELDS}
    result["document_fields"] = _ratio(sum(c[f"{f}_correct"] for f in DOC_FIELDS),
                                       sum(c[f"{f}_total"] for f in DOC_FIELDS))
    result.update(_prf("task_detection", c["tasks_matched"], c["tasks_pred"], c["tasks_gold"]))
    result.update(_prf("task_e2e", c["tasks_lead_matched"], c["tasks_pred"], c["tasks_gold"]))
    result.update(_prf("coordinating", c["coord_matched"], c["coord_pred"], c["coord_gold"]))
    result["deadline_accuracy"] = _ratio(c["task_deadline_correct"], c["task_deadline_total"])
    result.update(_prf("target", c["targets_matched"], c["targets_pred"], c["targets_gold"]))
    result["comparator_accuracy"] = _ratio(c["comparator_correct"], c["targets_matched"])
    result["target_deadline_accuracy"] = _ratio(c["target_deadline_correct"],
                                                c["target_deadline_total"])
    return result


# ----------------------------------------------------------------------- I/O

def read_jsonl(path: Path) -> list:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_run(pred_dir) -> dict:
    """stem -> {'document', 'tasks', 'targets'}; the first document of a stem wins."""
    pred_dir = Path(pred_dir)
    run = {}
    by_doc_id = {}
    for doc in read_jsonl(pred_dir / "documents.jsonl"):
        stem = Path(doc["source"]["path"]).stem
        if stem not in run:
            run[stem] = by_doc_id[doc["doc_id"]] = {"document": doc, "tasks": [], "targets": []}
    for kind in ("tasks", "targets"):
        for record in read_jsonl(pred_dir / f"{kind}.jsonl"):
            if record.get("doc_id") in by_doc_id:
                by_doc_id[record["doc_id"]][kind].append(record)
    return run


def score_document(gold: dict, pred) -> dict:
    pred = pred or {"document": None, "tasks": [], "targets": []}
    counts = {**count_document(gold["document"], pred["document"]),
              **count_tasks(gold["tasks"], pred["tasks"]),
              **count_targets(gold["targets"], pred["targets"])}
    return {**metrics(counts), "counts": counts}


def evaluate(gold_dir, pred_dir) -> dict:
    run = load_run(pred_dir)
    per_document, missing, totals = {}, [], {}
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        stem = gold_path.stem
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if stem not in run:
            missing.append(stem)
        per_document[stem] = score_document(gold, run.get(stem))
        for key, value in per_document[stem]["counts"].items():
            totals[key] = totals.get(key, 0) + value
    overall = {**metrics(totals), "counts": totals} if per_document else {}
    return {"overall": overall, "per_document": per_document, "missing": missing}


# -------------------------------------------------------------------- report

REPORT_COLUMNS = [("fields", "document_fields"), ("task_f1", "task_detection_f1"),
                  ("e2e_f1", "task_e2e_f1"), ("coord_f1", "coordinating_f1"),
                  ("dl_acc", "deadline_accuracy"), ("tgt_f1", "target_f1")]


def _cell(value) -> str:
    return "-" if value is None else f"{value:.4f}"


def format_report(result: dict) -> str:
    width = max([len(s) for s in result["per_document"]] + [len("document")])
    header = "document".ljust(width) + "".join(f"{name:>10}" for name, _ in REPORT_COLUMNS)
    lines = [header, "-" * len(header)]
    for stem, doc in result["per_document"].items():
        c = doc["counts"]
        row = stem.ljust(width) + "".join(f"{_cell(doc[key]):>10}" for _, key in REPORT_COLUMNS)
        row += f"  tasks {c['tasks_matched']}/{c['tasks_gold']}g/{c['tasks_pred']}p"
        row += f"  targets {c['targets_matched']}/{c['targets_gold']}g/{c['targets_pred']}p"
        lines.append(row + ("  MISSING" if stem in result["missing"] else ""))
    lines += ["", "overall (micro-averaged)"]
    overall = result["overall"]
    for key, value in overall.items():
        if key != "counts":
            lines.append(f"  {key:<28}{_cell(value):>8}")
    lines.append("counts")
    lines += [f"  {key:<28}{value:>8}" for key, value in overall.get("counts", {}).items()]
    if result["missing"]:
        lines.append("missing predictions: " + ", ".join(result["missing"]))
    return "\n".join(lines)


BRIEF = ("document_fields", "task_detection_f1", "task_e2e_f1", "coordinating_f1", "deadline_accuracy",
         "target_f1", "comparator_accuracy")


def brief_line(result: dict) -> str:
    overall = result["overall"]
    return "  ".join(f"{key}={_cell(overall.get(key))}" for key in BRIEF)


def run_cli(gold, pred, as_json: bool = False, brief: bool = False) -> int:
    result = evaluate(gold, pred)
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(brief_line(result) if brief else format_report(result))
    return 0
