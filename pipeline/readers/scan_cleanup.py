"""A scanned page made ready for OCR: coloured ink out, straightened, text at
the height Tesseract reads best, black on white.

Each step is a function on a numpy array (RGB or grey, uint8); `clean_page`
runs them in order: colour ink (red seals, blue or red received stamps,
signatures) is painted over with paper before anything is binarised, the skew
angle is found on a downscaled copy (projection profile over a few degrees),
the page is scaled so its x-height lands near `X_HEIGHT` pixels, and the
result is thresholded (Otsu).
"""
from dataclasses import dataclass

import numpy as np

INK_CHROMA = 60  # max - min channel above which a pixel is coloured ink, not black print
MAX_SKEW = 3.0  # degrees searched either way
SKEW_STEP = 0.1  # degrees
SKEW_WIDTH = 800  # pixels of the downscaled copy the angle is measured on
X_HEIGHT = 22  # pixels: Tesseract reads best with an x-height of 20-30 px
_STRIPS = 8  # vertical strips the row profiles are taken in (a table's vertical rules stay apart)
_STRIP_INK = 0.02  # share of a strip's row that must be ink for the row to hold text (above a rule's width)
_X_ROWS = 0.4  # share of a line's densest row that its x-height rows hold


@dataclass(frozen=True)
class Cleaned:
    gray: np.ndarray  # the page, black text on white
    angle: float  # degrees the page was turned back
    scale: float  # factor the page was resized by


def without_colour_ink(rgb: np.ndarray) -> np.ndarray:
    """Grey page with red and blue ink (seals, stamps, signatures) painted white;
    black print under the ink stays black (it has no chroma)."""
    rgb = rgb.astype(np.int32)
    chroma = rgb.max(axis=2) - rgb.min(axis=2)
    gray = (rgb[..., 0] * 299 + rgb[..., 1] * 587 + rgb[..., 2] * 114) // 1000
    return np.where(chroma > INK_CHROMA, 255, gray).astype(np.uint8)


def otsu_threshold(gray: np.ndarray) -> int:
    """The grey level that best splits ink from paper."""
    counts = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256)
    below, mass = np.cumsum(counts), np.cumsum(counts * levels)
    above = below[-1] - below
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mass[-1] * below - mass * below[-1]) ** 2 / (below * above)
    return int(np.nanargmax(np.nan_to_num(between)))


def binarise(gray: np.ndarray) -> np.ndarray:
    """Black (0) ink on white (255) paper."""
    return np.where(gray > otsu_threshold(gray), 255, 0).astype(np.uint8)


def _rotate(gray: np.ndarray, angle: float) -> np.ndarray:
    from PIL import Image
    return np.asarray(Image.fromarray(gray).rotate(angle, resample=Image.BILINEAR, fillcolor=255))


def skew_angle(gray: np.ndarray) -> float:
    """Degrees (counter-clockwise) the text lines are turned by: the angle that,
    turned back, makes the rows of a downscaled copy most unequal (text lines
    sharp against the gaps between them)."""
    from PIL import Image
    factor = max(1, gray.shape[1] // SKEW_WIDTH)
    small = np.asarray(Image.fromarray(gray).reduce(factor)) if factor > 1 else gray
    ink = np.where(small <= otsu_threshold(small), 0, 255).astype(np.uint8)
    angles = np.arange(-MAX_SKEW, MAX_SKEW + SKEW_STEP / 2, SKEW_STEP)
    sharpness = [np.var((_rotate(ink, -a) < 128).sum(axis=1)) for a in angles]
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
    ascenders and descenders are sparse)."""
    ink = gray <= otsu_threshold(gray)
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
    return Cleaned(binarise(rescaled(gray, factor)), angle, factor)
