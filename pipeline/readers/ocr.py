"""OCR with Tesseract (`-l vie`) for scanned pages and images.

Tesseract writes its words with their boxes (TSV); they are grouped into
lines with boxes in points, y upwards, the same Lines as a PDF text layer, so
paragraphs are rebuilt by pdf_layout from the same layout cues.
One Tesseract process per core, each limited to one thread (OMP_THREAD_LIMIT=1),
so pages of a scan are read in parallel without oversubscribing the CPU.
"""
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pipeline.readers import ReadError, SourceText
from pipeline.readers.pdf_layout import Line, join_pages, merge_same_baseline, pages_text

LANGUAGE = "vie"
DPI = 300  # Tesseract reads best at 300 dpi
TIMEOUT = 300  # seconds for one page
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
_TSV_COLUMNS = 12  # level page block par line word left top width height conf text


def available() -> bool:
    return shutil.which("tesseract") is not None


def _require() -> None:
    if not available():
        raise ReadError("OCR needed but Tesseract is not installed (run scripts/install-system-deps.sh)")


def _ocr_file(image_path: str) -> str:
    """Tesseract's TSV output for one image."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        done = subprocess.run(["tesseract", image_path, "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"],
                              capture_output=True, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired as e:
        raise ReadError(f"OCR timed out after {TIMEOUT} s") from e
    if done.returncode != 0:
        raise ReadError("OCR failed: " + done.stderr.decode("utf-8", "replace").strip()[-200:])
    return done.stdout.decode("utf-8", "replace")


def _words(tsv: str) -> dict:
    """(block, paragraph, line) -> [(left, top, right, bottom, word)] in pixels, in reading order."""
    lines = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < _TSV_COLUMNS or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = map(int, cells[6:10])
        lines.setdefault(tuple(cells[2:5]), []).append((left, top, left + width, top + height, cells[11].strip()))
    return lines


def tsv_lines(tsv: str, height: int, dpi: float) -> list:
    """Tesseract TSV of an image `height` pixels high -> Lines in points, y upwards."""
    points = 72 / dpi
    lines = []
    for words in _words(tsv).values():
        lines.append(Line(" ".join(w[4] for w in words), min(w[0] for w in words) * points,
                          max(w[2] for w in words) * points, (height - max(w[3] for w in words)) * points,
                          (height - min(w[1] for w in words)) * points))
    return merge_same_baseline(lines)


def ocr_images(images: list, dpi: float = DPI) -> list:
    """PIL images -> their Lines per image, in order, read in parallel."""
    _require()
    with tempfile.TemporaryDirectory(prefix="vnplan-ocr-") as folder:
        paths = []
        for number, image in enumerate(images):
            paths.append(str(Path(folder) / f"page{number:04d}.png"))
            image.save(paths[-1])
        workers = max(1, min(len(paths), os.cpu_count() or 1))
        with ThreadPoolExecutor(workers) as pool:
            tsvs = list(pool.map(_ocr_file, paths))
    return [tsv_lines(tsv, image.height, dpi) for tsv, image in zip(tsvs, images)]


def page_range_label(pages: list) -> str:
    """[1, 2, 3, 5] -> '1-3, 5' (1-based page numbers)."""
    runs = []
    for page in pages:
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def _image_dpi(image) -> float:
    """The resolution the image declares, else the usual scanning 300 dpi."""
    declared = image.info.get("dpi") or (0, 0)
    return float(declared[1]) if 72 <= float(declared[1] or 0) <= 1200 else DPI


def read_image(path: Path) -> SourceText:
    """.png/.jpg/.tif (every frame of a multi-page TIFF) read with OCR."""
    from PIL import Image, ImageSequence, UnidentifiedImageError
    try:
        with Image.open(path) as image:
            frames = [frame.convert("RGB") for frame in ImageSequence.Iterator(image)]
            dpi = _image_dpi(image)
    except (UnidentifiedImageError, OSError) as e:
        raise ReadError(f"not a readable image ({e})") from e
    text, starts = join_pages(*pages_text(ocr_images(frames, dpi)))
    pages = list(range(1, len(starts) + 1))
    return SourceText(str(path), "image", text, starts, ocr_pages=pages,
                      warnings=[f"OCR used on pages {page_range_label(pages)}"])
