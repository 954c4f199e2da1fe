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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from pipeline.readers import ReadError, SourceText
from pipeline.readers.scan_cleanup import clean_page
from pipeline.readers.ocr_tables import erase_rules, find_grids, outside, table_rows, unread_cells, unread_ink
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


def _reread(image, word: Word, folder: str) -> Word:
    """A doubtful word read again alone, as one line, also with the English
    model: Vietnamese often misreads a lone digit ("3" as "Kì")."""
    pad = word.bottom - word.top
    crop = image.crop((max(0, word.left - pad), max(0, word.top - pad), word.right + pad, word.bottom + pad))
    path = str(Path(folder) / f"word{word.left}x{word.top}.png")
    crop.save(path)
    try:
        found = _words(_tesseract(path, "-l", LANGUAGE + "+eng", "--psm", "7"))
    except ReadError:  # no English model: keep the first reading
        return word
    if len(found) == 1 and found[0].confidence > word.confidence:
        return replace(word, text=found[0].text, confidence=found[0].confidence)
    return word


def _without_rules(image_path: str, dpi: float) -> tuple:
    """(the page's ruled tables (Grids), its grey pixels): the rules of every
    grid found are erased from the image file, so OCR reads no bar as a letter."""
    import numpy as np
    from PIL import Image
    with Image.open(image_path) as image:
        gray = np.asarray(image.convert("L"))
    tables, grids = find_grids(gray, dpi)
    if grids:
        gray = erase_rules(gray, grids, dpi)
        Image.fromarray(gray).save(image_path)
    return tables, gray


def _read_skipped(image, boxes: list, folder: str) -> list:
    """[Word] of the stretches of ink OCR skipped on the page, each read alone
    as a block, also with the English model (lone digits)."""
    words = []
    for left, top, right, bottom in boxes:
        path = str(Path(folder) / f"ink{left}x{top}.png")
        image.crop((left, top, right, bottom)).save(path)
        try:
            found = _words(_tesseract(path, "-l", LANGUAGE + "+eng", "--psm", "6"))
        except ReadError:  # no English model: the ink stays unread
            continue
        words.extend(replace(w, left=w.left + left, top=w.top + top, right=w.right + left, bottom=w.bottom + top,
                             line=(left, top) + w.line) for w in found if w.confidence >= _KEPT)
    return words


def _skipped(gray, words: list, tables: list, dpi: float) -> list:
    """Boxes of the ink no word covers: in the tables' cells, and around them."""
    height, width = gray.shape
    return [box for grid in tables for box in unread_cells(grid, words, gray, dpi)] + \
        unread_ink(outside(gray, tables, dpi), [w for w in words if not any(
            t.contains((w.left + w.right) / 2, (w.top + w.bottom) / 2) for t in tables)], (0, 0, width, height), dpi)


def _ocr_file(image_path: str, dpi: float) -> tuple:
    """([Word], [Word], [Grid]) of one page image: the words OCR read on the
    page, doubtful ones read again; the words of the ink it skipped, read
    apart; its ruled tables."""
    tables, gray = _without_rules(image_path, dpi)
    words = _words(_tesseract(image_path, "-l", LANGUAGE, "--psm", PSM))
    doubtful = [i for i, w in enumerate(words) if w.confidence < _DOUBTFUL][:_MAX_REREAD]
    unread, skipped = _skipped(gray, words, tables, dpi), []
    if doubtful or unread:
        from PIL import Image
        with Image.open(image_path) as image, tempfile.TemporaryDirectory(prefix="vnplan-word-") as folder:
            for i in doubtful:
                words[i] = _reread(image, words[i], folder)
            skipped = _read_skipped(image, unread, folder)
    return words, skipped, tables


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


def _read_page(image, path: str, dpi: float) -> tuple:
    """(words, skipped, tables, height, dpi) of one page: cleaned (scan_cleanup),
    saved to `path`, read; height and dpi are the cleaned image's."""
    import numpy as np
    from PIL import Image
    cleaned = clean_page(np.asarray(image.convert("RGB")))
    Image.fromarray(cleaned.gray).save(path)
    dpi *= cleaned.scale
    return _ocr_file(path, dpi) + (cleaned.gray.shape[0], dpi)


def ocr_images(images: list, dpi: float = DPI, words: list = None) -> list:
    """PIL images -> their Lines per image, in order, read in parallel; `words`, when given, gets
    each image's [(word, confidence 0-100)] (ocr_text aligns them with the text)."""
    _require()
    with tempfile.TemporaryDirectory(prefix="vnplan-ocr-") as folder:
        paths = [str(Path(folder) / f"page{number:04d}.png") for number in range(len(images))]
        workers = max(1, min(len(paths), os.cpu_count() or 1))
        with ThreadPoolExecutor(workers) as pool:
            pages = list(pool.map(partial(_read_page, dpi=dpi), images, paths))
    if words is not None:
        words.extend([(w.text, w.confidence) for w in read + skipped] for read, skipped, *_rest in pages)
    return [page_lines(*page) for page in pages]


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
    words = []
    text, starts = join_pages(*pages_text(ocr_images(frames, dpi, words)))
    pages = list(range(1, len(starts) + 1))
    return SourceText(str(path), "image", text, starts, ocr_pages=pages, ocr_words=dict(zip(pages, words)),
                      warnings=[f"OCR used on pages {page_range_label(pages)}"])
