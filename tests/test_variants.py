"""The same seed documents as DOCX, PDF, .doc, .odt, TCVN3, VNI and scanned
PDF (pages rendered to images, read with OCR) score like their TXT originals:
every metric within 0.03 of TXT, within 0.10 for the scan. The variants are
built with scripts/make_variants.py (its TCVN3/VNI tables are independent of
the decoder's) on a few seeds, to keep the test short."""
import shutil
import sys
from pathlib import Path

import pytest

from pipeline.batch import run
from pipeline.evaluate import evaluate
from pipeline.readers import ocr, read
from tests.conftest import CORPUS, GOLD

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import make_scans  # noqa: E402
import make_variants  # noqa: E402

STEMS = ["000_5af79f33ba832511", "001_65619a51212f7d4a", "004_f1750d5c6b4aa004"]
TOLERANCE, SCAN_TOLERANCE = 0.03, 0.10
METRICS = ("document_fields", "task_detection_f1", "task_e2e_f1", "coordinating_f1", "deadline_accuracy",
           "target_f1", "comparator_accuracy", "target_deadline_accuracy")

needs_libreoffice = pytest.mark.skipif(not shutil.which("soffice"),
                                       reason="LibreOffice (soffice) is not installed: scripts/install-system-deps.sh")
needs_tesseract = pytest.mark.skipif(not ocr.available(),
                                     reason="Tesseract is not installed: scripts/install-system-deps.sh")


def _scores(inputs: Path, stems: list, folder: Path) -> dict:
    """Overall metrics of a run on `inputs` against the gold files of `stems`."""
    gold = folder / "gold"
    gold.mkdir(parents=True)
    for stem in stems:
        shutil.copy(GOLD / "seeds" / f"{stem}.json", gold)
    run([inputs], folder / "out", workers=2, progress=False, full=True)
    return evaluate(gold, folder / "out")["overall"]


def _assert_close(variant: dict, original: dict, tolerance: float) -> None:
    far = {m: (variant[m], original[m]) for m in METRICS
           if abs((variant[m] or 0) - (original[m] or 0)) > tolerance}
    assert not far, f"metric: (variant, txt) beyond {tolerance}: {far}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(root, folder of the TXT originals, {format: folder}); DOCX, TCVN3 and
    VNI made here, the LibreOffice formats when a test asks for them."""
    root = tmp_path_factory.mktemp("variants")
    texts = root / "txt"
    texts.mkdir()
    for stem in STEMS:
        shutil.copy(CORPUS / "seeds" / f"{stem}.txt", texts)
    folders = {name: root / name for name in make_variants.FORMATS}
    for folder in folders.values():
        folder.mkdir()
    for source in sorted(texts.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        make_variants.write_docx(text, folders["docx"] / f"{source.stem}.docx")
        (folders["tcvn3"] / source.name).write_bytes(make_variants.legacy_bytes(make_variants.encode_tcvn3(text)))
        (folders["vni"] / source.name).write_bytes(make_variants.legacy_bytes(make_variants.encode_vni(text)))
    return root, texts, folders


def _office(built, name: str) -> Path:
    root, _, folders = built
    if not any(folders[name].iterdir()):
        sources = sorted(folders["docx"].glob("*.docx"))
        if name == "doc":  # by way of ODT, as make_variants does
            sources = make_variants.libreoffice_all(sources, root / "odt_for_doc", "odt")
        make_variants.libreoffice_all(sources, folders[name], name)
    return folders[name]


@pytest.fixture(scope="module")
def txt_scores(built, tmp_path_factory):
    return _scores(built[1], STEMS, tmp_path_factory.mktemp("txt"))


@pytest.mark.parametrize("name", ["docx", "tcvn3", "vni"])
def test_variant_scores_like_txt(built, txt_scores, tmp_path, name):
    _assert_close(_scores(built[2][name], STEMS, tmp_path), txt_scores, TOLERANCE)


@needs_libreoffice
@pytest.mark.parametrize("name", ["pdf", "doc", "odt"])
def test_office_variant_scores_like_txt(built, txt_scores, tmp_path, name):
    _assert_close(_scores(_office(built, name), STEMS, tmp_path), txt_scores, TOLERANCE)


@needs_libreoffice
@needs_tesseract
def test_scanned_pdf_scores_close_to_txt(built, txt_scores, tmp_path):
    """004 puts its header fields and the signer in ruled tables, read from the bitmap."""
    pdfs, scans = _office(built, "pdf"), built[2]["scan"]
    for stem in STEMS:
        make_variants.write_scan(pdfs / f"{stem}.pdf", scans / f"{stem}.pdf")
    _assert_close(_scores(scans, STEMS, tmp_path), txt_scores, SCAN_TOLERANCE)


@needs_libreoffice
@needs_tesseract
def test_office_scan_scores_close_to_txt(built, tmp_path):
    """000 scanned the way offices scan (scripts/make_scans.py): the number written by hand, a received stamp
    across the header, a seal and a signature, turned on grey noisy paper; the same seed, the same file."""
    stem = STEMS[0]
    pdf, scan, again = (_office(built, "pdf") / f"{stem}.pdf", tmp_path / "scan" / f"{stem}.pdf",
                        tmp_path / "again" / f"{stem}.pdf")
    make_scans.write_scan(pdf, scan)
    make_scans.write_scan(pdf, again)
    assert scan.read_bytes() == again.read_bytes()
    source = read(scan)
    assert source.ocr_pages == list(range(1, source.ocr_pages[-1] + 1)) and "CÔNG VĂN ĐẾN" not in source.text.upper()
    texts = tmp_path / "txt"
    texts.mkdir()
    shutil.copy(built[1] / f"{stem}.txt", texts)
    _assert_close(_scores(scan.parent, [stem], tmp_path / "scan-run"), _scores(texts, [stem], tmp_path / "txt-run"),
                  SCAN_TOLERANCE)
