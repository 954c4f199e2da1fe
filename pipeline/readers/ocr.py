"""OCR with Tesseract (`-l vie`) for scanned pages and images.

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

LANGUAGE = "vie"
DPI = 300
TIMEOUT = 300  # seconds for one page
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")


def available() -> bool:
    return shutil.which("tesseract") is not None


def _require() -> None:
    if not available():
        raise ReadError("OCR needed but Tesseract is not installed (run scripts/install-system-deps.sh)")


def _ocr_file(image_path: str) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        done = subprocess.run(["tesseract", image_path, "stdout", "-l", LANGUAGE, "--psm", "3"],
                              capture_output=True, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired as e:
        raise ReadError(f"OCR timed out after {TIMEOUT} s") from e
    if done.returncode != 0:
        raise ReadError("OCR failed: " + done.stderr.decode("utf-8", "replace").strip()[-200:])
    return done.stdout.decode("utf-8", "replace")


def ocr_images(images: list) -> list:
    """PIL images -> their texts, in order, read in parallel."""
    _require()
    with tempfile.TemporaryDirectory(prefix="vnplan-ocr-") as folder:
        paths = []
        for number, image in enumerate(images):
            paths.append(str(Path(folder) / f"page{number:04d}.png"))
            image.save(paths[-1])
        workers = max(1, min(len(paths), os.cpu_count() or 1))
        with ThreadPoolExecutor(workers) as pool:
            return list(pool.map(_ocr_file, paths))


def page_range_label(pages: list) -> str:
    """[1, 2, 3, 5] -> '1-3, 5' (1-based page numbers)."""
    runs = []
    for page in pages:
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def read_image(path: Path) -> SourceText:
    """.png/.jpg/.tif (every frame of a multi-page TIFF) read with OCR."""
    from PIL import Image, ImageSequence, UnidentifiedImageError
    try:
        with Image.open(path) as image:
            frames = [frame.convert("RGB") for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError) as e:
        raise ReadError(f"not a readable image ({e})") from e
    texts = ocr_images(frames)
    parts, starts, offset = [], [], 0
    for text in texts:
        starts.append(offset)
        parts.append(text.rstrip() + "\n\f\n")
        offset += len(parts[-1])
    pages = list(range(1, len(texts) + 1))
    return SourceText(str(path), "image", "".join(parts), starts, ocr_pages=pages,
                      warnings=[f"OCR used on pages {page_range_label(pages)}"])
