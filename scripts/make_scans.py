"""Scanned PDFs that look like real office scans, made from text-layer PDFs.

    .venv/bin/python scripts/make_scans.py PDF_DIR_OR_FILES... --out OUT_DIR [--seed 7] [--dpi 200]

Each page is rendered at 200 dpi and marked the way a scanned office letter is:
the printed digits of the "Số:" number whited out and written again by hand
(irregular strokes, slightly rotated, blue ink), a blue or red received stamp
("CÔNG VĂN ĐẾN / Số: ... Ngày: ...") across the header of page 1, a red round
seal and a signature over the signer's title, then the page is turned by 1-2
degrees on grey paper with noise. The PDFs hold JPEG images only (no text
layer). The same seed and input give the same files.
"""
import argparse
import hashlib
import math
import random
import re
import sys
import time
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SIGNER_TITLES = ("KT. ", "TM. ", "CHỦ TỊCH", "BỘ TRƯỞNG", "THỦ TƯỚNG", "GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "TỔNG GIÁM ĐỐC")
RED, BLUE, PEN = (205, 35, 45), (40, 70, 190), (25, 40, 140)
_DIGITS = re.compile(r"\d+")

# digits as pen strokes in a unit box (x right, y down), each a polyline
_STROKES = {
    "0": [[(.5, 0), (.1, .2), (.05, .6), (.3, 1), (.75, .95), (.95, .5), (.8, .1), (.5, 0)]],
    "1": [[(.25, .25), (.6, 0), (.55, 1)]],
    "2": [[(.1, .25), (.4, 0), (.85, .15), (.8, .45), (.1, 1), (.95, .95)]],
    "3": [[(.1, .1), (.7, 0), (.8, .3), (.4, .48), (.9, .65), (.7, .98), (.1, .9)]],
    "4": [[(.7, 1), (.65, 0), (.05, .7), (.95, .68)]],
    "5": [[(.85, 0), (.2, .03), (.15, .45), (.7, .4), (.9, .7), (.6, 1), (.1, .9)]],
    "6": [[(.8, .05), (.3, .2), (.1, .7), (.4, 1), (.85, .8), (.7, .5), (.15, .6)]],
    "7": [[(.05, .05), (.95, 0), (.4, 1)], [(.3, .5), (.8, .48)]],
    "8": [[(.5, .48), (.15, .25), (.45, 0), (.85, .2), (.5, .48), (.1, .75), (.45, 1), (.9, .75), (.5, .48)]],
    "9": [[(.85, .35), (.45, .5), (.15, .3), (.45, 0), (.85, .2), (.8, .6), (.6, 1)]],
    "/": [[(.8, 0), (.2, 1)]],
}


def handwriting(text: str, height: int, rng: random.Random):
    """An RGBA image of `text` (digits and '/') written with a wobbly pen, slightly rotated."""
    from PIL import Image, ImageDraw
    width = int(height * 0.75 * len(text)) + height
    image = Image.new("RGBA", (width, int(height * 1.6)), (0, 0, 0, 0))
    draw, x = ImageDraw.Draw(image), height * 0.3
    for char in text:
        size = height * rng.uniform(0.85, 1.1)
        slant, y0 = rng.uniform(0.1, 0.3), height * 0.3 + rng.uniform(-0.08, 0.08) * height
        for stroke in _STROKES.get(char, []):
            points = [(x + (px + slant * (1 - py)) * size * 0.6 + rng.gauss(0, size * 0.03),
                       y0 + py * size + rng.gauss(0, size * 0.03)) for px, py in stroke]
            draw.line(points, fill=PEN + (255,), width=max(2, int(size * rng.uniform(0.07, 0.1))), joint="curve")
        x += size * rng.uniform(0.6, 0.8)
    return image.rotate(rng.uniform(-4, 4), resample=Image.BICUBIC, expand=True)


def _stamp_image(lines: list, colour: tuple, scale: float):
    """A rectangular stamp: a frame and its lines, RGBA."""
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype(FONT, int(22 * scale))
    width, height = int(360 * scale), int(40 * scale * len(lines) + 30 * scale)
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rectangle((3, 3, width - 4, height - 4), outline=colour + (230,), width=max(3, int(4 * scale)))
    for i, line in enumerate(lines):
        draw.text((int(20 * scale), int(15 * scale + 40 * scale * i)), line, fill=colour + (220,), font=font)
    return image


def received_stamp(rng: random.Random, scale: float):
    """'CÔNG VĂN ĐẾN' stamp with the number and date written in, tilted."""
    from PIL import Image
    colour = rng.choice((RED, BLUE))
    number = str(rng.randint(100, 9999))
    date = f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/2025"
    stamp = _stamp_image(["CÔNG VĂN ĐẾN", "Số: ", "Ngày: "], colour, scale)
    for row, text in ((1, number), (2, date)):
        pen = handwriting(text, int(26 * scale), rng)
        stamp.alpha_composite(pen, (int(120 * scale), int(40 * scale * row)))
    return stamp.rotate(rng.uniform(-8, 8), resample=Image.BICUBIC, expand=True)


def seal(rng: random.Random, scale: float):
    """A red round seal: two rings, a star, the agency's name around the rim."""
    from PIL import Image, ImageDraw, ImageFont
    size = int(320 * scale)
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw, c = ImageDraw.Draw(image), size / 2
    alpha = RED + (200,)
    draw.ellipse((4, 4, size - 5, size - 5), outline=alpha, width=int(7 * scale))
    draw.ellipse((size * .22, size * .22, size * .78, size * .78), outline=alpha, width=int(3 * scale))
    star = [(c + math.cos(math.pi / 2 + k * 4 * math.pi / 5) * size * .12,
             c - math.sin(math.pi / 2 + k * 4 * math.pi / 5) * size * .12) for k in range(5)]
    draw.polygon(star, fill=alpha)
    font = ImageFont.truetype(FONT, int(24 * scale))
    rim = "ỦY BAN NHÂN DÂN * TỈNH * "
    for k, char in enumerate(rim):
        angle = 200 - k * 330 / len(rim)
        glyph = Image.new("RGBA", (int(34 * scale), int(34 * scale)), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((4, 2), char, fill=alpha, font=font)
        glyph = glyph.rotate(angle - 90, resample=Image.BICUBIC)
        r = size * .37
        x, y = c + r * math.cos(math.radians(angle)), c - r * math.sin(math.radians(angle))
        image.alpha_composite(glyph, (int(x - glyph.width / 2), int(y - glyph.height / 2)))
    return image.rotate(rng.uniform(0, 360), resample=Image.BICUBIC)


def signature(rng: random.Random, scale: float):
    """A looping pen scribble, RGBA."""
    from PIL import Image, ImageDraw
    width, height = int(360 * scale), int(140 * scale)
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    points, x = [], 10.0
    while x < width - 20:
        points.append((x, height / 2 + rng.uniform(-0.4, 0.4) * height))
        x += rng.uniform(8, 30) * scale
    ImageDraw.Draw(image).line(points, fill=PEN + (235,), width=int(4 * scale), joint="curve")
    return image


def _box(textpage, index: int, count: int, page_height: float, dpi: int) -> tuple:
    """Pixel box (left, top, right, bottom) of characters [index, index+count)."""
    boxes = [textpage.get_charbox(i) for i in range(index, index + count)]
    k = dpi / 72
    return (min(b[0] for b in boxes) * k, (page_height - max(b[3] for b in boxes)) * k,
            max(b[2] for b in boxes) * k, (page_height - min(b[1] for b in boxes)) * k)


def _find(textpage, word: str):
    """(index, count) of the first occurrence of `word`, or None."""
    return textpage.search(word, match_case=True).get_next()


def _number_digits(textpage, page_height: float, dpi: int):
    """(digits, pixel box) of the printed number after 'Số:' on the page, or None."""
    found = _find(textpage, "Số:")
    if not found:
        return None
    start = found[0] + found[1]
    after = textpage.get_text_range(start, 20)
    digits = _DIGITS.match(after.lstrip())
    if not digits:
        return None
    offset = start + len(after) - len(after.lstrip())
    return digits.group(), _box(textpage, offset, len(digits.group()), page_height, dpi)


def _signer_box(pdf, dpi: int):
    """(page index, pixel box) of the last signer title, searching from the last page."""
    for index in reversed(range(len(pdf))):
        textpage, height = pdf[index].get_textpage(), pdf[index].get_height()
        hits = [hit for title in SIGNER_TITLES for hit in [_find(textpage, title)] if hit]
        if hits:
            return index, _box(textpage, *max(hits), height, dpi)
    return None


def _overlay(page, mark, center: tuple) -> None:
    """Ink `mark` (RGBA) multiplied onto `page` (RGB) around `center`: print shows through."""
    from PIL import Image, ImageChops
    layer = Image.new("RGB", page.size, "white")
    white = Image.new("RGBA", mark.size, (255, 255, 255, 255))
    white.alpha_composite(mark)
    layer.paste(white.convert("RGB"), (int(center[0] - mark.width / 2), int(center[1] - mark.height / 2)))
    page.paste(ImageChops.multiply(page, layer))


def _as_scanned(page, rng: random.Random, np_rng):
    """Turned by 1-2 degrees on grey paper, with sensor noise and a soft focus."""
    import numpy as np
    from PIL import Image, ImageFilter
    angle = rng.choice((-1, 1)) * rng.uniform(1.0, 2.0)
    grey = rng.randint(212, 230)
    paper = (grey + rng.randint(0, 6), grey + rng.randint(0, 4), grey)  # grey, a little warm
    turned = page.rotate(angle, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    pixels = np.asarray(turned.filter(ImageFilter.GaussianBlur(0.6)), dtype=np.float32)
    pixels = pixels * (np.array(paper) / 255.0) + np_rng.normal(0, 9, pixels.shape)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def scan_pages(pdf_path: Path, seed: int = 7, dpi: int = 200) -> list:
    """The PDF's pages as scanned RGB images."""
    import numpy as np
    import pypdfium2 as pdfium
    key = int(hashlib.sha256(f"{seed} {pdf_path.name}".encode()).hexdigest()[:12], 16)
    rng, np_rng, scale = random.Random(key), np.random.default_rng(key), dpi / 200
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        pages = [pdf[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in range(len(pdf))]
        first = pdf[0].get_textpage()
        number = _number_digits(first, pdf[0].get_height(), dpi)
        signer = _signer_box(pdf, dpi)
    finally:
        pdf.close()
    from PIL import ImageDraw
    if number:
        digits, (left, top, right, bottom) = number
        ImageDraw.Draw(pages[0]).rectangle((left - 1, top - 2, right + 1, bottom + 2), fill="white")
        pen = handwriting(digits, int((bottom - top) * 1.1), rng)
        pages[0].paste(pen, (int(left - pen.height * .2), int(top - pen.height * .25)), pen)
    width = pages[0].width
    _overlay(pages[0], received_stamp(rng, scale), (width * rng.uniform(0.35, 0.6), dpi * rng.uniform(0.8, 1.3)))
    if signer:
        index, (left, top, right, bottom) = signer
        _overlay(pages[index], signature(rng, scale), ((left + right) / 2, bottom + 60 * scale))
        _overlay(pages[index], seal(rng, scale), (left + 20 * scale, (top + bottom) / 2 + 50 * scale))
    return [_as_scanned(page, rng, np_rng) for page in pages]


def write_scan(pdf_path: Path, target: Path, seed: int = 7, dpi: int = 200) -> None:
    pages = scan_pages(pdf_path, seed, dpi)
    target.parent.mkdir(parents=True, exist_ok=True)
    fixed = time.gmtime(0)  # the same input, the same bytes
    pages[0].save(str(target), "PDF", save_all=True, append_images=pages[1:], resolution=dpi, quality=85,
                  creationDate=fixed, modDate=fixed)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", type=Path, help="PDF files or folders of PDFs")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dpi", type=int, default=200)
    args = parser.parse_args(argv)
    pdfs = [p for i in args.inputs for p in (sorted(i.glob("*.pdf")) if i.is_dir() else [i])]
    for pdf in pdfs:
        write_scan(pdf, args.out / pdf.name, args.seed, args.dpi)
        print(f"{pdf.name}: scanned", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
