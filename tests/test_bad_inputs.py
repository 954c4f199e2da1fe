"""A folder of broken files among good ones: every broken file becomes one
problem record with a clear cause, the good documents are all extracted, and
the run exits with code 2."""
import json
import os
import pathlib
import subprocess

import pytest

from pipeline import readers
from pipeline.cli import main
from pipeline.readers import ReadError, docx as docx_reader, read
from tests.fixtures.documents import soffice, write_docx, write_zip

GOOD_TEXT = ("KẾ HOẠCH\nTriển khai chuyển đổi số năm 2026\n\n"
             "Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ngành triển khai nền tảng số "
             "dùng chung của tỉnh.\n")
SECRET = "mat-khau-noi-bo-khong-duoc-lo"


def _xxe_docx(path: pathlib.Path, secret_file: pathlib.Path) -> pathlib.Path:
    good = write_docx(path.with_name("template.docx"), ["Sở Y tế chủ trì."], None)
    import zipfile
    with zipfile.ZipFile(good) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    xml = members["word/document.xml"].decode("utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>'
    xml = xml.replace("?>", "?>" + doctype, 1).replace("Sở Y tế chủ trì.", "Sở Y tế chủ trì &xxe;")
    members["word/document.xml"] = xml.encode("utf-8")
    return write_zip(path, members)


def _pdf_bytes() -> bytes:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    target = pathlib.Path(os.environ.get("TMPDIR", "/tmp")) / f"vnplan-test-{os.getpid()}.pdf"
    pdf.save(str(target))
    data = target.read_bytes()
    target.unlink()
    return data


@pytest.fixture
def folder(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    write_docx(inputs / "good.docx")
    (inputs / "zero.txt").write_bytes(b"")
    (inputs / "truncated.pdf").write_bytes(_pdf_bytes()[:300])
    (inputs / "not-zip.docx").write_text("Đây không phải là tệp DOCX", encoding="utf-8")
    write_zip(inputs / "bomb.docx", {"word/document.xml": b"\0" * (2 * 1024 * 1024)})
    monkeypatch.setattr(docx_reader, "MAX_UNZIPPED", 1024 * 1024)  # the bomb expands past the limit
    (inputs / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (inputs / "bang.xyz").write_text("dữ liệu", encoding="utf-8")
    locked = inputs / "locked.txt"
    locked.write_text(GOOD_TEXT + "\n", encoding="utf-8")  # not a copy of good.txt (read once)
    _lock(locked, monkeypatch)
    return inputs


def _lock(path: pathlib.Path, monkeypatch) -> None:
    """chmod 000; root reads anyway, so there the refusal is simulated."""
    path.chmod(0)
    if os.access(path, os.R_OK):
        real = pathlib.Path.read_bytes

        def refuse(self):
            if self.name == path.name:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)
        monkeypatch.setattr(pathlib.Path, "read_bytes", refuse)


EXPECTED = {
    "zero.txt": "empty file",
    "truncated.pdf": "corrupt or truncated PDF",
    "not-zip.docx": "not a zip archive",
    "bomb.docx": "zip bomb",
    "junk.txt": "binary content",
    "bang.xyz": "unsupported file type '.xyz'",
    "locked.txt": "permission denied",
}


def _jsonl(path: pathlib.Path) -> list:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_over_bad_and_good_files(folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", str(folder), "--out", str(out), "--workers", "1"]) == 2
    problems = {pathlib.Path(p["path"]).name: p for p in _jsonl(out / "problems.jsonl") if p["severity"] == "error"}
    assert set(problems) == set(EXPECTED)
    for name, cause in EXPECTED.items():
        assert problems[name]["stage"] == "read"
        assert cause in problems[name]["cause"], (name, problems[name]["cause"])
    stderr = capsys.readouterr().err
    assert all(name in stderr for name in EXPECTED)
    documents = {pathlib.Path(d["source"]["path"]).name for d in _jsonl(out / "documents.jsonl")}
    assert documents == {"good.txt", "good.docx"}
    leads = {a for t in _jsonl(out / "tasks.jsonl") for a in t["lead_agencies"]}
    assert "Sở Thông tin và Truyền thông" in leads


def test_docx_external_entity_is_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    path = _xxe_docx(tmp_path / "xxe.docx", secret)
    try:
        text = read(path).text
    except ReadError as e:
        text = str(e)
    assert SECRET not in text


def test_size_limit_has_a_clear_message(tmp_path, monkeypatch):
    (tmp_path / "big.txt").write_text(GOOD_TEXT * 200, encoding="utf-8")
    monkeypatch.setattr(readers, "MAX_BYTES", 1024)
    with pytest.raises(ReadError, match=r"file too large"):
        read(tmp_path / "big.txt")


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed")
def test_password_protected_pdf(tmp_path):
    source = write_docx(tmp_path / "mat.docx")
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"matkhau"}}')
    subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", options, "--outdir", str(tmp_path), str(source)],
                   capture_output=True, timeout=180, check=True)
    with pytest.raises(ReadError, match="password-protected"):
        read(tmp_path / "mat.pdf")
