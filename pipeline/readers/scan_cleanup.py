"""A scanned page made ready for OCR: coloured ink out, straightened, text at
the height Tesseract reads best.

Each step is a function on a numpy array (RGB or grey, uint8); `clean_page`
runs them in order: colour ink (red seals, blue or red received stamps,
signatures) is painted over with paper before anything is binarised, the skew
angle is found on a downscaled copy (projection profile over a few degrees),
and the page is scaled so its x-height lands near `X_HEIGHT` pixels. The
page stays grey: Tesseract's own thresholding reads a few more words than an
Otsu threshold taken here (README, Scans).
"""
from dataclasses import dataclass

import numpy as np

from pipeline.readers.ocr_tables import long_runs

INK_CHROMA = 60  # max - min channel above which a pixel is coloured ink, not black print
MAX_SKEW = 3.0  # degrees searched either way
SKEW_STEP = 0.1  # degrees
SKEW_WIDTH = 800  # pixels of the downscaled copy the angle is measured on
X_HEIGHT = 22  # pixels: Tesseract reads best with an x-height of 20-30 px
_STRIPS = 8  # vertical strips the row profiles are taken in (a table's vertical rules stay apart)
_STRIP_INK = 0.02  # share of a strip's row that must be ink for the row to hold text (above a rule's width)
_X_ROWS = 0.4  # share of a line's densest row that its x-height rows hold
_RULE_SHARE = 1 / 16  # of the page width: a dark run this long is a rule (half an inch on A4), never a letter


@dataclass(frozen=True)
class Cleaned:
    gray: np.ndarray  # the page, grey text on white
    angle: float  # degrees the page was turned back
    scale: float  # factor the page was resized by


def without_colour_ink(rgb: np.ndarray) -> np.ndarray:
    """Grey page with red and blue ink (seals, stamps, signatures) painted white;
    black print under the ink stays black (it has no chroma). PIL's channel
    operations: a page is ~9 M pixels."""
    from PIL import Image, ImageChops
    image = Image.fromarray(rgb)
    red, green, blue = image.split()
    chroma = ImageChops.subtract(ImageChops.lighter(ImageChops.lighter(red, green), blue),
                                 ImageChops.darker(ImageChops.darker(red, green), blue))
    gray = image.convert("L")
    gray.paste(255, mask=chroma.point(lambda v: 255 if v > INK_CHROMA else 0))
    return np.asarray(gray)


def otsu_threshold(gray: np.ndarray) -> int:
    """The grey level that best splits ink from paper."""
    counts = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256)
    below, mass = np.cumsum(counts), np.cumsum(counts * levels)
    above = below[-1] - below
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mass[-1] * below - mass * below[-1]) ** 2 / (below * above)
    return int(np.nanargmax(np.nan_to_num(between)))


def skew_angle(gray: np.ndarray) -> float:
    """Degrees (counter-clockwise) the text lines are turned by: the angle whose
    row profile of a downscaled copy's ink (each pixel's row taken along that
    angle) is most unequal, text lines sharp against the gaps between them."""
    from PIL import Image
    factor = max(1, gray.shape[1] // SKEW_WIDTH)
    small = np.asarray(Image.fromarray(gray).reduce(factor)) if factor > 1 else gray
    rows, columns = np.nonzero(small <= otsu_threshold(small))
    if not len(rows):
        return 0.0
    angles = np.arange(-MAX_SKEW, MAX_SKEW + SKEW_STEP / 2, SKEW_STEP)
    offset = int(small.shape[1] * np.tan(np.radians(MAX_SKEW))) + 1
    sharpness = [np.var(np.bincount(np.rint(rows + columns * np.tan(np.radians(a))).astype(np.int64) + offset))
                 for a in angles]
    return float(angles[int(np.argmax(sharpness))])


def deskewed(gray: np.ndarray) -> tuple:
    """(the page turned straight, the angle it was turned back by)."""
    angle = skew_angle(gray)
    if abs(angle) < SKEW_STEP / 2:
        return gray, 0.0
    from PIL import Image
    turned = Image.fromarray(gray).rotate(-angle, resample=Image.BICUBIC, fillcolor=255)
    return np.asarray(turned), angle


def x_height(gray: np.ndarray) -> float:
    """Median x-height in pixels of the page's text lines, 0 with no text: in
    vertical strips, each run of rows holding text is a line; its x-height
    spans its rows at least _X_ROWS as inked as its densest row (accents,
    ascenders and descenders are sparse). Rules (a table's, a signature
    line: dark runs longer than _RULE_SHARE of the page width) are not ink
    here, even where they touch letters."""
    ink = gray <= otsu_threshold(gray)
    ink &= ~long_runs(ink, max(2, round(_RULE_SHARE * gray.shape[1])))
    heights = []
    for strip in np.array_split(ink, _STRIPS, axis=1):
        rows = strip.sum(axis=1)
        texted = rows > _STRIP_INK * strip.shape[1]
        edges = np.flatnonzero(np.diff(np.concatenate(([0], texted.astype(np.int8), [0]))))
        for start, end in zip(edges[::2], edges[1::2]):
            line = rows[start:end]
            dense = np.flatnonzero(line >= line.max() * _X_ROWS)
            if dense[-1] - dense[0] >= 2:
                heights.append(dense[-1] - dense[0] + 1)
    return float(np.median(heights)) if heights else 0.0


def ocr_scale(gray: np.ndarray) -> float:
    """Factor that brings the page's x-height near X_HEIGHT: small text is
    enlarged (up to 2x), large text reduced (down to 0.5x, faster); within
    20% of the target the page is left as it is."""
    height = x_height(gray)
    if not height:
        return 1.0
    factor = X_HEIGHT / height
    return 1.0 if 0.8 <= factor <= 1.25 else float(min(2.0, max(0.5, factor)))


def rescaled(gray: np.ndarray, factor: float) -> np.ndarray:
    if factor == 1.0:
        return gray
    from PIL import Image
    image = Image.fromarray(gray)
    size = (round(image.width * factor), round(image.height * factor))
    return np.asarray(image.resize(size, Image.LANCZOS if factor < 1 else Image.BICUBIC))


def clean_page(rgb: np.ndarray) -> Cleaned:
    """Every step in order, on an RGB page."""
    gray, angle = deskewed(without_colour_ink(rgb))
    factor = ocr_scale(gray)
    return Cleaned(rescaled(gray, factor), angle, factor)
