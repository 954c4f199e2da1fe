"""OCR with Tesseract (`-l vie`) for scanned pages and images.

Each page is first cleaned (scan_cleanup: red and blue ink painted over,
turned straight, scaled to a readable text height, black on white).
Tesseract writes its words with their boxes (TSV); they are grouped into
lines with boxes in points, y upwards, the same Lines as a PDF text layer, so
paragraphs are rebuilt by pdf_layout from the same layout cues. Ruled tables
are found on the bitmap (ocr_tables): their rules are erased before OCR and
their words laid out in cells, as table rows. Ink no word covers (a lone
row number, a line the layout analysis dropped) is read again on its own.
One Tesseract process per core, each limited to one thread (OMP_THREAD_LIMIT=1),
so pages of a scan are read in parallel without oversubscribing the CPU.
"""
import os
import re
import shutil
import subprocess
import tempfile
from bisect import bisect_right
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from pipeline.readers import ReadError, SourceText
from pipeline.readers.scan_cleanup import clean_page
from pipeline.readers.ocr_tables import outside, table_rows, unread_cells, unread_ink, without_rules
from pipeline.readers.pdf_layout import Line, insert_lines, join_pages, merge_same_baseline, pages_text

LANGUAGE = "vie"
DPI = 300  # Tesseract reads best at 300 dpi
PSM = "4"  # page segmentation: one column of lines (keeps lone cells such as a row number)
TIMEOUT = 300  # seconds for one page
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
_TSV_COLUMNS = 12  # level page block par line word left top width height conf text
_DOUBTFUL = 60  # confidence (0-100) below which a word is read again
_MAX_REREAD = 40  # words read again per page, at most
_KEPT = 50  # confidence below which a word read in a skipped stretch of ink is noise (a stamp, a signature)
# letters the Vietnamese model emits that Vietnamese never writes: a doubled
# "ĐÐ" / "NÑ" (a stroke read twice) or a lookalike
_STRAY = re.compile(r"(?<=Đ)Ð|(?<=N)Ñ|(?<=n)ñ")
_LOOKALIKES = str.maketrans({"Ð": "Đ", "¡": "i", "Ñ": "N", "ñ": "n"})


@dataclass(frozen=True)
class Word:
    text: str
    left: int  # pixels, y downwards
    top: int
    right: int
    bottom: int
    confidence: float
    line: tuple  # Tesseract's (block, paragraph, line)


def available() -> bool:
    return shutil.which("tesseract") is not None


def _require() -> None:
    if not available():
        raise ReadError("OCR needed but Tesseract is not installed (run scripts/install-system-deps.sh)")


def _tesseract(image_path: str, *options: str) -> str:
    """Tesseract's TSV output for one image."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        done = subprocess.run(["tesseract", image_path, "stdout", *options, "tsv"],
                              capture_output=True, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired as e:
        raise ReadError(f"OCR timed out after {TIMEOUT} s") from e
    if done.returncode != 0:
        raise ReadError("OCR failed: " + done.stderr.decode("utf-8", "replace").strip()[-200:])
    return done.stdout.decode("utf-8", "replace")


def _words(tsv: str) -> list:
    """[Word] of a TSV output, in reading order."""
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) >= _TSV_COLUMNS and cells[0] == "5" and cells[11].strip():
            left, top, width, height = map(int, cells[6:10])
            words.append(Word(clean_word(cells[11].strip()), left, top, left + width, top + height, float(cells[10]),
                              tuple(cells[2:5])))
    return words


def clean_word(text: str) -> str:
    """'QĐÐ' -> 'QĐ', '¡)' -> 'i)': letters no Vietnamese text has."""
    return _STRAY.sub("", text).translate(_LOOKALIKES)


def _read_apart(gray, boxes: list, folder: str) -> list:
    """[[Word] read in each box]: the boxes cut out of the page and stacked on
    one sheet, a blank as tall as the tallest between them, read in one
    Tesseract call, also with the English model (Vietnamese often misreads a
    lone digit: "3" as "Kì"); each word goes back to its box, in page pixels."""
    import numpy as np
    from PIL import Image
    crops = [gray[top:bottom, left:right] for left, top, right, bottom in boxes]
    gap = max(crop.shape[0] for crop in crops)
    sheet = np.full((sum(c.shape[0] + gap for c in crops) + gap, max(c.shape[1] for c in crops) + 2 * gap), 255,
                    np.uint8)
    tops = list(np.cumsum([gap] + [c.shape[0] + gap for c in crops[:-1]]))
    for crop, top in zip(crops, tops):
        sheet[top:top + crop.shape[0], gap:gap + crop.shape[1]] = crop
    path = str(Path(folder) / f"apart{boxes[0][0]}x{boxes[0][1]}.pgm")
    Image.fromarray(sheet).save(path)
    try:
        found = _words(_tesseract(path, "-l", LANGUAGE + "+eng", "--psm", "6"))
    except ReadError:  # no English model: the first readings stay
        found = []
    read = [[] for _ in boxes]
    for word in found:
        i = bisect_right(tops, (word.top + word.bottom) / 2) - 1
        if i >= 0 and word.bottom <= tops[i] + crops[i].shape[0] + gap / 2:
            dx, dy = boxes[i][0] - gap, boxes[i][1] - tops[i]
            read[i].append(replace(word, left=word.left + dx, right=word.right + dx, top=word.top + dy,
                                   bottom=word.bottom + dy, line=boxes[i][:2] + word.line))
    return read


def _word_box(word: Word, shape: tuple) -> tuple:
    """A doubtful word's box with a margin of its height around it."""
    pad = word.bottom - word.top
    return (max(0, word.left - pad), max(0, word.top - pad), min(shape[1], word.right + pad),
            min(shape[0], word.bottom + pad))


def _second_readings(gray, words: list, doubtful: list, unread: list, folder: str) -> tuple:
    """(`words` with each doubtful one replaced by its second reading alone, where
    that reading is one word and surer; the words of the unread ink, a word read
    there below _KEPT being noise: a stamp, a signature), from one Tesseract call."""
    again = _read_apart(gray, [_word_box(words[i], gray.shape) for i in doubtful] + unread, folder)
    words = list(words)
    for i, found in zip(doubtful, again):
        if len(found) == 1 and found[0].confidence > words[i].confidence:
            words[i] = replace(words[i], text=found[0].text, confidence=found[0].confidence)
    return words, [w for found in again[len(doubtful):] for w in found if w.confidence >= _KEPT]


def _skipped(gray, words: list, tables: list, dpi: float) -> list:
    """Boxes of the ink no word covers: in the tables' cells, and around them."""
    height, width = gray.shape
    return [box for grid in tables for box in unread_cells(grid, words, gray, dpi)] + \
        unread_ink(outside(gray, tables, dpi), [w for w in words if not any(
            t.contains((w.left + w.right) / 2, (w.top + w.bottom) / 2) for t in tables)], (0, 0, width, height), dpi)


def _ocr_page(gray, folder: str, dpi: float) -> tuple:
    """([Word], [Word], [Grid]) of one cleaned page: the words OCR read on
    the page (its tables' rules erased), doubtful ones read again; the words
    of the ink it skipped, read apart (both in one more call); its ruled tables. Images go to Tesseract
    as uncompressed PGM (a PNG of a page takes seconds to compress)."""
    from PIL import Image
    tables, gray = without_rules(gray, dpi)
    path = str(Path(folder) / "page.pgm")
    Image.fromarray(gray).save(path)
    words = _words(_tesseract(path, "-l", LANGUAGE, "--psm", PSM))
    doubtful = [i for i, w in enumerate(words) if w.confidence < _DOUBTFUL][:_MAX_REREAD]
    unread = _skipped(gray, words, tables, dpi)
    if not doubtful and not unread:
        return words, [], tables
    return _second_readings(gray, words, doubtful, unread, folder) + (tables,)


def word_lines(words: list, height: int, dpi: float) -> list:
    """Words of an image `height` pixels high -> Lines in points, y upwards."""
    points = 72 / dpi
    lines = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    return merge_same_baseline([Line(" ".join(w.text for w in group), min(w.left for w in group) * points,
                                     max(w.right for w in group) * points,
                                     (height - max(w.bottom for w in group)) * points,
                                     (height - min(w.top for w in group)) * points) for group in lines.values()])


def page_lines(words: list, skipped: list, tables: list, height: int, dpi: float) -> list:
    """Words (in OCR's reading order, and read apart) and ruled tables (Grids)
    of an image -> Lines in points, y upwards, each table one block Line
    holding its rows; lines read apart go in by their height on the page."""
    points, blocks, inside = 72 / dpi, [], set()
    for grid in tables:
        cell_words = [w for w in words + skipped if grid.contains((w.left + w.right) / 2, (w.top + w.bottom) / 2)]
        inside.update(map(id, cell_words))
        rows = table_rows(grid, cell_words)
        if rows:
            left, top, right, bottom = grid.box
            blocks.append(Line("", left * points, right * points, (height - bottom) * points,
                               (height - top) * points, rows))
    lines = word_lines([w for w in words if id(w) not in inside], height, dpi)
    return insert_lines(lines, blocks + word_lines([w for w in skipped if id(w) not in inside], height, dpi))


def _read_page(image, dpi: float) -> tuple:
    """(words, skipped, tables, height, dpi) of one page: cleaned (scan_cleanup)
    and read; height and dpi are the cleaned image's."""
    import numpy as np
    cleaned = clean_page(np.asarray(image.convert("RGB")))
    dpi *= cleaned.scale
    with tempfile.TemporaryDirectory(prefix="vnplan-ocr-") as folder:
        return _ocr_page(cleaned.gray, folder, dpi) + (cleaned.gray.shape[0], dpi)


def ocr_images(images: list, dpi: float = DPI, words: list = None, warnings: list = None,
               numbers: list = None) -> list:
    """PIL images -> their Lines per image, in order, read in parallel; `words`, when given, gets
    each image's [(word, confidence 0-100)] (ocr_text aligns them with the text); `warnings`
    gets a line for each page (numbered by `numbers`, else from 1) whose layout is not placed."""
    _require()
    with ThreadPoolExecutor(max(1, min(len(images), os.cpu_count() or 1))) as pool:
        pages = list(pool.map(partial(_read_page, dpi=dpi), images))
    if words is not None:
        words.extend([(w.text, w.confidence) for w in read + skipped] for read, skipped, *_rest in pages)
    warnings = [] if warnings is None else warnings
    return [_placed(page, number, warnings) for page, number in zip(pages, numbers or range(1, len(pages) + 1))]


def _placed(page: tuple, number: int, warnings: list) -> list:
    """The page's Lines; a page whose tables or lines cannot be placed is kept
    as Tesseract's own lines of words, with a warning (the document goes on)."""
    try:
        return page_lines(*page)
    except (ArithmeticError, ValueError, IndexError) as error:
        words, _skipped, _tables, height, dpi = page
        warnings.append(f"page {number}: OCR layout not placed ({error}); Tesseract's lines kept")
        return word_lines(words, height, dpi)


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
    words, warnings = [], []
    text, starts = join_pages(*pages_text(ocr_images(frames, dpi, words, warnings), warnings))
    pages = list(range(1, len(starts) + 1))
    return SourceText(str(path), "image", text, starts, ocr_pages=pages, ocr_words=dict(zip(pages, words)),
                      warnings=warnings + [f"OCR used on pages {page_range_label(pages)}"])
