"""Legacy Word .doc, .rtf and .odt: converted to DOCX with LibreOffice
headless in a temporary folder (own user profile per call), then read as DOCX."""
import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline.readers import ReadError, SourceText, docx

SUFFIXES = (".doc", ".rtf", ".odt")
TIMEOUT = 180  # seconds for one conversion


def _soffice() -> str:
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if not program:
        raise ReadError("converting this format needs LibreOffice (run scripts/install-system-deps.sh)")
    return program


def convert(path: Path, folder: Path, target: str = "docx") -> Path:
    """`path` converted by LibreOffice into `folder`; returns the new file."""
    profile = Path(folder) / "profile"
    command = [_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(folder), str(path)]
    try:
        subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired as e:
        raise ReadError(f"LibreOffice conversion timed out after {TIMEOUT} s") from e
    converted = Path(folder) / f"{Path(path).stem}.{target}"
    if not converted.exists():
        raise ReadError(f"LibreOffice could not convert the file to {target.upper()} (corrupt or not a document?)")
    return converted


def read(path: Path) -> SourceText:
    with tempfile.TemporaryDirectory(prefix="vnplan-office-") as folder:
        source = docx.read(convert(path, Path(folder)))
    source.path, source.format = str(path), path.suffix.lower().lstrip(".")
    return source
