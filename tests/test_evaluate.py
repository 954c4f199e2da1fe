import json
from pathlib import Path

import pytest

from pipeline.evaluate import canonical_agency, evaluate, format_report, run_cli

SEEDS = Path(__file__).resolve().parent / "data" / "gold" / "seeds"

# Sentences from seeds/000_5af79f33ba832511.json
T_NOI_VU = ("Các cơ quan, đơn vị, địa phương phối hợp với Sở Nội vụ theo dõi công tác cải cách "
            "hành chính của thành phố về tiến độ thực hiện, kết quả triển khai các nội dung tại kế hoạch.")
T_TU_PHAP = ("Sở Tư pháp chủ trì tham mưu triển khai, hướng dẫn các sở, ban, ngành tiếp tục thực hiện "
             "rà soát văn bản quy phạm pháp luật; tiếp tục thực hiện các nội dung về theo dõi thi hành "
             "pháp luật theo đúng quy định của Chính phủ và các văn bản hướng dẫn thi hành.")
T_KHCN = ("Sở Khoa học và Công nghệ chủ trì, phối hợp các cơ quan, đơn vị liên quan triển khai các "
          "nhiệm vụ, giải pháp ưu tiên triển khai chuyển đổi số, trong đó hoàn thành 100% nhiệm vụ "
          "chuyển đổi số theo Kế hoạch.")
T_VAN_PHONG = ("Công khai tiến độ, kết quả giải quyết hồ sơ trên Hệ thống thông tin giải quyết thủ tục "
               "hành chính. Theo đó, đảm bảo 100% hồ sơ thủ tục hành chính được đồng bộ, công khai "
               "trên Cổng Dịch vụ công quốc gia.")
# A sentence with two goals (in the style of FORMAT.md)
T_TWO = ("100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình, "
         "trong đó tỷ lệ hồ sơ giải quyết trực tuyến đạt trên 80%.")


def gold_task(text, lead, coordinating=(), deadline=None):
    return {"text": text, "lead": list(lead), "coordinating": list(coordinating), "deadline": deadline}


def gold_target(text, value, comparator="=", deadline=None, value_max=None):
    return {"text": text, "value": value, "value_max": value_max,
            "comparator": comparator, "deadline": deadline}


def gold_file():
    return {
        "source": "000_demo.txt",
        "document": {"number": "145/KH-UBND", "doc_type": "Kế hoạch", "issue_date": "2025-03-10",
                     "issuer": "UBND thành phố Đà Nẵng", "signer": "Lê Trung Chinh",
                     "title": "Cải thiện, nâng cao Chỉ số cải cách hành chính cấp tỉnh "
                              "(PAR INDEX) năm 2025 của thành phố"},
        "tasks": [
            gold_task(T_NOI_VU, ["Các cơ quan, đơn vị, địa phương"], ["Sở Nội vụ"]),
            gold_task(T_TU_PHAP, ["Sở Tư pháp"], deadline="2025-06-30"),
            gold_task(T_KHCN, ["Sở Khoa học và Công nghệ"], ["các cơ quan, đơn vị liên quan"], "2025"),
            gold_task(T_VAN_PHONG, ["Văn phòng UBND thành phố"]),
        ],
        "targets": [
            gold_target(T_VAN_PHONG, 100),
            gold_target(T_KHCN, 100, deadline="2025"),
            gold_target(T_TWO, 100, deadline="2025"),
            gold_target(T_TWO, 80, ">", deadline="2025"),
        ],
    }


def deadline_record(gold):
    if gold is None:
        return None
    return {"text": gold, "date": gold if len(gold) == 10 else None, "year": int(gold[:4])}


def to_prediction(gold: dict, stem: str, doc_id: str, ext: str = ".txt"):
    """Convert a gold file to the records a perfect run would write."""
    d = gold["document"]
    path = f"corpus/{stem}{ext}"
    document = {"doc_id": doc_id, "source": {"path": path, "sha256": "0" * 64, "format": ext[1:],
                                              "pages": None},
                "number": d["number"], "doc_type": d["doc_type"], "issue_date": d["issue_date"],
                "issuer": d["issuer"], "place": None, "signer": {"name": d["signer"], "title": None},
                "title": d["title"], "legal_bases": [], "warnings": []}
    tasks = [{"task_id": f"{doc_id}-t{i}", "doc_id": doc_id, "section": None, "text": t["text"],
              "lead_agencies": t["lead"], "coordinating_agencies": t["coordinating"],
              "deadline": deadline_record(t["deadline"]), "span": {"start": 0, "end": 0, "page": None},
              "excerpt": t["text"], "source": path}
             for i, t in enumerate(gold["tasks"])]
    targets = [{"target_id": f"{doc_id}-g{i}", "doc_id": doc_id, "task_id": None, "text": t["text"],
                "value": float(t["value"]),
                "value_max": None if t["value_max"] is None else float(t["value_max"]),
                "comparator": t["comparator"], "unit": "%", "subject": None,
                "deadline": deadline_record(t["deadline"]), "span": {"start": 0, "end": 0, "page": None},
                "excerpt": t["text"], "source": path}
               for i, t in enumerate(gold["targets"])]
    return document, tasks, targets


def write_gold(gold_dir: Path, golds: dict):
    gold_dir.mkdir()
    for stem, gold in golds.items():
        (gold_dir / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return gold_dir


def write_run(pred_dir: Path, predictions: list):
    pred_dir.mkdir()
    for i, name in enumerate(("documents", "tasks", "targets")):
        records = []
        for prediction in predictions:
            records += [prediction[0]] if i == 0 else prediction[i]
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        (pred_dir / f"{name}.jsonl").write_text(lines, encoding="utf-8")
    return pred_dir


def score(tmp_path, gold, prediction):
    gold_dir = write_gold(tmp_path / "gold", {"000_demo": gold})
    pred_dir = write_run(tmp_path / "run", [prediction] if prediction else [])
    return evaluate(gold_dir, pred_dir)


F1_KEYS = ["task_detection_f1", "task_e2e_f1", "coordinating_f1", "target_f1"]
ACCURACY_KEYS = ["document_fields", "number_accuracy", "doc_type_accuracy", "issue_date_accuracy",
                 "issuer_accuracy", "signer_accuracy", "title_accuracy", "deadline_accuracy",
                 "comparator_accuracy", "target_deadline_accuracy"]


def test_perfect_prediction_scores_one_everywhere(tmp_path):
    gold = gold_file()
    result = score(tmp_path, gold, to_prediction(gold, "000_demo", "d0", ".pdf"))
    overall = result["overall"]
    for key, value in overall.items():
        if key != "counts":
            assert value == 1.0, key
    assert result["missing"] == []
    assert result["per_document"]["000_demo"]["task_detection_f1"] == 1.0
    assert overall["counts"]["targets_matched"] == 4
    assert overall["counts"]["coord_gold"] == overall["counts"]["coord_matched"] == 2


def test_missing_task_lowers_recall(tmp_path):
    gold = gold_file()
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    overall = score(tmp_path, gold, (document, tasks[:3], targets))["overall"]
    assert overall["task_detection_precision"] == 1.0
    assert overall["task_detection_recall"] == 0.75
    assert overall["task_detection_f1"] == round(2 * 0.75 / 1.75, 4)
    assert overall["coordinating_f1"] == 1.0


def test_wrong_lead_keeps_detection_lowers_e2e(tmp_path):
    gold = gold_file()
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    tasks[1]["lead_agencies"] = ["Sở Tài chính"]
    tasks[3]["lead_agencies"] = ["VP UBND TP"]  # abbreviations of the gold lead: still a match
    overall = score(tmp_path, gold, (document, tasks, targets))["overall"]
    assert overall["task_detection_f1"] == 1.0
    assert overall["task_e2e_precision"] == overall["task_e2e_recall"] == 0.75


def test_coordinating_and_deadlines(tmp_path):
    gold = gold_file()
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    tasks[0]["coordinating_agencies"] = ["Sở Nội vụ", "Sở Tài chính"]
    tasks[2]["coordinating_agencies"] = []
    tasks[1]["deadline"] = {"text": "năm 2025", "date": None, "year": 2025}  # gold wants 2025-06-30
    targets[1]["deadline"] = None
    overall = score(tmp_path, gold, (document, tasks, targets))["overall"]
    assert overall["coordinating_precision"] == 0.5
    assert overall["coordinating_recall"] == 0.5
    assert overall["deadline_accuracy"] == 0.5
    assert overall["target_deadline_accuracy"] == round(2 / 3, 4)


def test_issuer_abbreviation_and_field_normalisation(tmp_path):
    gold = gold_file()
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    document.update(issuer="Ủy ban nhân dân Thành phố Đà Nẵng", number="145 / kh-ubnd",
                    doc_type="KẾ HOẠCH", signer={"name": "Lê Trung Chinh", "title": "CHỦ TỊCH"},
                    issue_date="2025-03-11")
    overall = score(tmp_path, gold, (document, tasks, targets))["overall"]
    assert canonical_agency("UBND thành phố Đà Nẵng") == canonical_agency(
        "Ủy ban nhân dân Thành phố Đà Nẵng")
    assert overall["issuer_accuracy"] == 1.0
    assert overall["number_accuracy"] == 1.0
    assert overall["doc_type_accuracy"] == 1.0
    assert overall["issue_date_accuracy"] == 0.0
    assert overall["document_fields"] == round(5 / 6, 4)


def test_target_with_other_value_does_not_match(tmp_path):
    gold = gold_file()
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    targets[0]["value"] = 95.0
    overall = score(tmp_path, gold, (document, tasks, targets))["overall"]
    assert overall["counts"]["targets_matched"] == 3
    assert overall["target_precision"] == overall["target_recall"] == 0.75


def test_two_targets_in_one_sentence_match_by_value(tmp_path):
    gold = gold_file()
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    targets[2], targets[3] = targets[3], targets[2]  # 80 first, then 100
    targets[2]["comparator"] = ">="  # the 80% target: gold says ">"
    overall = score(tmp_path, gold, (document, tasks, targets))["overall"]
    assert overall["target_f1"] == 1.0
    assert overall["comparator_accuracy"] == 0.75


def test_gold_file_without_prediction_is_missing(tmp_path):
    gold = gold_file()
    other = json.loads((SEEDS / "000_5af79f33ba832511.json").read_text(encoding="utf-8"))
    gold_dir = write_gold(tmp_path / "gold", {"000_demo": gold, "001_other": other})
    pred_dir = write_run(tmp_path / "run", [to_prediction(gold, "000_demo", "d0")])
    result = evaluate(gold_dir, pred_dir)
    assert result["missing"] == ["001_other"]
    doc = result["per_document"]["001_other"]
    assert doc["task_detection_recall"] == 0.0
    assert doc["target_recall"] == 0.0
    assert doc["task_detection_precision"] is None  # nothing predicted
    assert doc["document_fields"] == 0.0
    n_gold = 4 + len(other["tasks"])
    assert result["overall"]["task_detection_recall"] == round(4 / n_gold, 4)
    assert result["overall"]["task_detection_precision"] == 1.0
    assert "MISSING" in format_report(result)


def test_seed_gold_against_itself(tmp_path):
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.json"))}
    assert golds
    predictions = [to_prediction(g, stem, f"d{i}") for i, (stem, g) in enumerate(golds.items())]
    result = evaluate(SEEDS, write_run(tmp_path / "run", predictions))
    assert result["missing"] == []
    for key in F1_KEYS + ACCURACY_KEYS:
        assert result["overall"][key] == 1.0, key
    assert result["overall"]["counts"]["tasks_matched"] == sum(len(g["tasks"]) for g in golds.values())


def test_report_and_cli(tmp_path, capsys):
    gold = gold_file()
    gold_dir = write_gold(tmp_path / "gold", {"000_demo": gold})
    pred_dir = write_run(tmp_path / "run", [to_prediction(gold, "000_demo", "d0")])
    report = format_report(evaluate(gold_dir, pred_dir))
    for key in F1_KEYS + ACCURACY_KEYS + ["task_e2e_precision", "coordinating_recall"]:
        assert key in report
    assert run_cli(gold_dir, pred_dir, as_json=True) == 0
    assert json.loads(capsys.readouterr().out)["overall"]["target_f1"] == 1.0


@pytest.mark.parametrize("short, full", [
    ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở LĐTB&XH", "Sở Lao động - Thương binh và Xã hội"),
    ("Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("UBND TP. Đà Nẵng", "Ủy ban nhân dân thành phố Đà Nẵng"),
])
def test_canonical_agency_expands_abbreviations(short, full):
    assert canonical_agency(short) == canonical_agency(full)


# ----------------------------------------------- rules of FORMAT.md "Scoring", one test each

T_CONG_THUONG = ("Sở Công Thương chủ trì, phối hợp với các doanh nghiệp, hợp tác xã xây dựng chương trình "
                 "kết nối cung cầu hàng hóa, tổ chức hội chợ giới thiệu sản phẩm nông sản của tỉnh.")
T_DOANH_NGHIEP = ("Các doanh nghiệp, tổ chức kinh tế trên địa bàn chủ động rà soát quy trình sản xuất, "
                  "đăng ký tham gia chương trình chuyển đổi xanh và báo cáo kết quả trước ngày 31/10/2026.")
T_GRDP = "Phấn đấu tốc độ tăng trưởng kinh tế (GRDP) tăng bình quân 7 - 7,5%/năm giai đoạn 2026 - 2030."


def small_gold(tasks=(), targets=()):
    gold = gold_file()
    gold.update(tasks=list(tasks), targets=list(targets))
    return gold


def task_counts(tmp_path, gold_tasks, pred_changes):
    """Score gold tasks against a perfect prediction edited by pred_changes (one dict per task)."""
    gold = small_gold(tasks=gold_tasks)
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    for task, change in zip(tasks, pred_changes):
        task.update(change)
    return score(tmp_path, gold, (document, tasks, targets))["overall"]


@pytest.mark.parametrize("gold_lead, pred_lead", [
    (["Các doanh nghiệp, tổ chức kinh tế"], ["Các doanh nghiệp", "tổ chức kinh tế"]),
    (["Các doanh nghiệp", "tổ chức kinh tế"], ["các doanh nghiệp, tổ chức kinh tế"]),
])
def test_lead_split_another_way_is_the_same_lead(tmp_path, gold_lead, pred_lead):
    overall = task_counts(tmp_path, [gold_task(T_DOANH_NGHIEP, gold_lead)], [{"lead_agencies": pred_lead}])
    assert overall["task_e2e_f1"] == 1.0


@pytest.mark.parametrize("pred_lead, matches", [
    (["Sở Tài chính", "Sở Công Thương"], True),  # one to one, in any order
    (["Sở Công Thương, Sở Tài chính"], True),  # the same words joined in order
    (["Sở Công Thương", "Sở Tài chính", "Sở Tài chính"], False),  # not one to one
    (["Sở Công Thương"], False),
])
def test_lead_lists_match_one_to_one_or_as_joined_words(tmp_path, pred_lead, matches):
    gold_tasks = [gold_task(T_CONG_THUONG, ["Sở Công Thương", "Sở Tài chính"])]
    overall = task_counts(tmp_path, gold_tasks, [{"lead_agencies": pred_lead}])
    assert overall["task_e2e_f1"] == (1.0 if matches else 0.0)


def test_coordinating_split_another_way_counts_in_gold_split(tmp_path):
    gold_tasks = [gold_task(T_CONG_THUONG, ["Sở Công Thương"], ["các doanh nghiệp, hợp tác xã"]),
                  gold_task(T_DOANH_NGHIEP, ["Các doanh nghiệp, tổ chức kinh tế"],
                            ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"])]
    changes = [{"coordinating_agencies": ["các doanh nghiệp", "hợp tác xã"]},  # 2 names, same words
               {"coordinating_agencies": ["Sở Kế hoạch và Đầu tư", "Sở Xây dựng"]}]  # 1 of 2 found
    overall = task_counts(tmp_path, gold_tasks, changes)
    assert overall["counts"]["coord_gold"] == 3
    assert overall["counts"]["coord_matched"] == 2  # 1 (the joined list, in gold's split) + 1
    assert overall["counts"]["coord_pred"] == 3  # 1 (gold's split) + 2
    assert overall["coordinating_precision"] == overall["coordinating_recall"] == round(2 / 3, 4)


def test_coordinating_of_unmatched_prediction_counts_as_predicted(tmp_path):
    gold = small_gold(tasks=[gold_task(T_CONG_THUONG, ["Sở Công Thương"], ["các doanh nghiệp, hợp tác xã"])])
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    extra = dict(tasks[0], task_id="d0-t9", text=T_DOANH_NGHIEP,
                 coordinating_agencies=["Sở Kế hoạch và Đầu tư"])
    overall = score(tmp_path, gold, (document, tasks + [extra], targets))["overall"]
    assert overall["counts"]["coord_pred"] == 2
    assert overall["coordinating_precision"] == 0.5
    assert overall["coordinating_recall"] == 1.0


def test_task_matching_is_one_to_one(tmp_path):
    gold = small_gold(tasks=[gold_task(T_CONG_THUONG, ["Sở Công Thương"])])
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    copy = dict(tasks[0], task_id="d0-t1")
    overall = score(tmp_path, gold, (document, tasks + [copy], targets))["overall"]
    assert overall["counts"]["tasks_matched"] == 1
    assert overall["task_detection_precision"] == 0.5
    assert overall["task_detection_recall"] == 1.0


def test_greedy_matching_takes_the_closest_text_first(tmp_path):
    close = T_CONG_THUONG.replace(" của tỉnh", "")
    gold = small_gold(tasks=[gold_task(T_CONG_THUONG, ["Sở Công Thương"]),
                             gold_task(close, ["Sở Tài chính"])])
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    tasks.reverse()  # the prediction's order must not decide the pairs
    overall = score(tmp_path, gold, (document, tasks, targets))["overall"]
    assert overall["task_e2e_f1"] == 1.0


def unique_words(text):
    words = []
    for word in text.lower().replace(",", " ").replace(".", " ").split():
        if word not in words:
            words.append(word)
    return words


@pytest.mark.parametrize("kept, matched", [(0.5, 1), (0.45, 0)])
def test_task_jaccard_threshold_is_one_half(tmp_path, kept, matched):
    words = unique_words(T_CONG_THUONG)
    n = len(words) - len(words) % 2
    gold = small_gold(tasks=[gold_task(" ".join(words[:n]), ["Sở Công Thương"])])
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    tasks[0]["text"] = " ".join(words[:int(n * kept)])
    overall = score(tmp_path, gold, (document, tasks, targets))["overall"]
    assert overall["counts"]["tasks_matched"] == matched


@pytest.mark.parametrize("kept, matched", [(0.3, 1), (0.25, 0)])
def test_target_jaccard_threshold_is_three_tenths(tmp_path, kept, matched):
    words = unique_words(T_DOANH_NGHIEP)[:19]  # 20 tokens with "90"
    gold = small_gold(targets=[gold_target(" ".join(words) + " 90%", 90)])
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    targets[0]["text"] = " ".join(words[:int(20 * kept) - 1]) + " 90%"
    overall = score(tmp_path, gold, (document, tasks, targets))["overall"]
    assert overall["counts"]["targets_matched"] == matched


@pytest.mark.parametrize("comparator, accepted", [
    ("increase", True), ("decrease", True), ("range", True), ("=", False), (">=", False)])
def test_growth_with_upper_bound_is_a_gold_range(tmp_path, comparator, accepted):
    gold = small_gold(targets=[gold_target(T_GRDP, 7, "range", "2030", value_max=7.5)])
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    targets[0]["comparator"] = comparator
    overall = score(tmp_path, gold, (document, tasks, targets))["overall"]
    assert overall["target_f1"] == 1.0
    assert overall["comparator_accuracy"] == (1.0 if accepted else 0.0)


def test_range_prediction_is_not_a_gold_increase(tmp_path):
    gold = small_gold(targets=[gold_target(T_GRDP, 7, "increase", "2030")])
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    targets[0]["comparator"] = "range"
    overall = score(tmp_path, gold, (document, tasks, targets))["overall"]
    assert overall["comparator_accuracy"] == 0.0


def test_target_needs_the_same_upper_bound(tmp_path):
    gold = small_gold(targets=[gold_target(T_GRDP, 7, "range", "2030", value_max=7.5)])
    document, tasks, targets = to_prediction(gold, "000_demo", "d0")
    targets[0].update(comparator="increase", value_max=None)
    overall = score(tmp_path, gold, (document, tasks, targets))["overall"]
    assert overall["counts"]["targets_matched"] == 0


@pytest.mark.parametrize("gold_deadline, pred_deadline, correct", [
    ("2026", {"text": "năm 2026", "date": None, "year": 2026}, True),
    ("2026", {"text": "Quý III/2026", "date": None, "year": 2026}, True),
    ("2026", {"text": "năm 2027", "date": None, "year": 2027}, False),
    ("2026-10-31", {"text": "trước ngày 31/10/2026", "date": "2026-10-31", "year": 2026}, True),
    ("2026-10-31", {"text": "năm 2026", "date": None, "year": 2026}, False),  # a year is not the date
    ("2026-10-31", None, False),
])
def test_deadline_year_against_year_date_against_date(tmp_path, gold_deadline, pred_deadline, correct):
    gold_tasks = [gold_task(T_DOANH_NGHIEP, ["Các doanh nghiệp, tổ chức kinh tế"], deadline=gold_deadline),
                  gold_task(T_CONG_THUONG, ["Sở Công Thương"])]  # no gold deadline: not scored
    overall = task_counts(tmp_path, gold_tasks, [{"deadline": pred_deadline}, {"deadline": None}])
    assert overall["counts"]["task_deadline_total"] == 1
    assert overall["deadline_accuracy"] == (1.0 if correct else 0.0)
