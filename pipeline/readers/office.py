"""Legacy Word .doc, .rtf and .odt: converted to DOCX with LibreOffice
headless in a temporary folder (own user profile per call), then read as DOCX.

LibreOffice never reaches the network: it runs in its own network namespace
(`unshare --net` as root, `unshare -rn` as a user) where the platform allows
it, and its fresh profile blocks linked content and macros in any case. When
no namespace can be made, the document carries a warning saying why."""
import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline.readers import ReadError, SourceText, docx

SUFFIXES = (".doc", ".rtf", ".odt")
TIMEOUT = 180  # seconds for one conversion
# the filter named, so that a file LibreOffice opens as a web page (HTML saved as .doc) converts too
EXPORT_FILTERS = {"docx": "docx:Office Open XML Text"}
# registrymodifications.xcu of the temporary profile: no linked images or
# objects fetched for documents from untrusted places, no macro run
PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
</oor:items>
"""


def _soffice() -> str:
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if not program:
        raise ReadError("converting this format needs LibreOffice (run scripts/install-system-deps.sh)")
    return program


@functools.lru_cache(maxsize=None)
def sandbox() -> tuple:
    """(command prefix giving a new network namespace, None), or ((), why none can be made here)."""
    if not shutil.which("unshare"):
        return (), "the unshare command is not installed"
    tries = [["unshare", "--net"], ["unshare", "-rn"]]
    if os.geteuid() != 0:
        tries.reverse()  # a user needs a user namespace to own the network one
    reasons = []
    for prefix in tries:
        try:
            probe = subprocess.run(prefix + ["true"], capture_output=True, timeout=30, check=False)
        except (OSError, subprocess.TimeoutExpired) as e:
            reasons.append(f"{' '.join(prefix)}: {e}")
            continue
        if probe.returncode == 0:
            return tuple(prefix), None
        reasons.append(f"{' '.join(prefix)}: {probe.stderr.decode(errors='replace').strip() or probe.returncode}")
    return (), "; ".join(reasons)


def _profile(folder: Path) -> Path:
    profile = Path(folder) / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE_SETTINGS, encoding="utf-8")
    return profile


def convert(path: Path, folder: Path, target: str = "docx") -> Path:
    """`path` converted by LibreOffice into `folder`; returns the new file."""
    prefix, _why = sandbox()
    command = [*prefix, _soffice(), f"-env:UserInstallation={_profile(folder).as_uri()}", "--headless",
               "--norestore", "--convert-to", EXPORT_FILTERS.get(target, target), "--outdir", str(folder), str(path)]
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
    _prefix, why = sandbox()
    if why:
        source.warnings.append(f"LibreOffice ran without its own network namespace ({why}); "
                               "only its profile blocks linked content and macros")
    return source
