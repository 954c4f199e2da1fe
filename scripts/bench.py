"""Throughput benchmark (`make bench`).

Builds a benchmark corpus from the seed and dev texts (PDFs made with
python-docx + LibreOffice, DOCX with python-docx, TXT copies), caches it under
/tmp, then times on the same files: raw text extraction alone with pypdfium2
(the floor), pdfplumber's extract_text (on a sample of pages, extrapolated),
and `vnplan run` with 1 and N workers (pages/s, documents/s, peak memory).
Scanned PDFs (made by make_scans.py from the same texts: seal, stamp,
handwritten number, skew, grey noise) are timed against Tesseract alone on
the same pages rendered as vnplan renders them, with as many processes.
Linux only: memory is read from /proc and from wait4's ru_maxrss.
"""
import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VNPLAN = ROOT / ".venv" / "bin" / "vnplan"
CACHE = Path(tempfile.gettempdir()) / "vnplan-bench"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
BUILD = "3"  # change when the way the corpus is built changes: the cache is rebuilt

_TABLE_ROW = re.compile(r"^\|.*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^[\s|:-]+$")
_MARKUP = re.compile(r"\*\*|^#{1,6}\s*|^\*|\*$")


# ---------------------------------------------------------------- corpus

def source_texts(folders: list) -> list:
    paths = sorted(p for folder in folders for p in Path(folder).glob("*.txt"))
    if not paths:
        sys.exit(f"bench: no .txt files in {', '.join(map(str, folders))}")
    return [p.read_text(encoding="utf-8") for p in paths]


def copy_text(texts: list, index: int) -> str:
    """Document number `index`: one or two source texts, made unique by a closing line."""
    body = texts[index % len(texts)]
    if index >= len(texts):
        body += "\n\n" + texts[(index * 7 + 3) % len(texts)]
    return f"{body}\n\nNơi nhận:\n- Lưu: VT, bản số {index}.\n"


def bundle_text(texts: list, index: int) -> str:
    """PDF number `index`: one to three source texts one after another."""
    parts = [texts[(index + k * 5) % len(texts)] for k in range(1 + index % 3)]
    return copy_text(["\n\n".join(parts)], index)


def _table_row(line: str) -> list:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def paragraphs(text: str):
    """The lines of the markdown copy as paragraphs (a web copy puts a paragraph on a line;
    joining them made one paragraph of a whole document), its table lines as rows."""
    for line in text.splitlines():
        if _TABLE_ROW.match(line):
            if not _TABLE_RULE.match(line):
                yield "row", _table_row(line)
        elif _MARKUP.sub("", line).strip(" |"):
            yield "paragraph", _MARKUP.sub("", line.strip())


def write_docx(text: str, path: Path) -> None:
    """Paragraphs; runs of one-line markdown table rows become Word tables."""
    import docx
    document, rows = docx.Document(), []
    for kind, content in list(paragraphs(text)) + [("paragraph", "")]:
        if kind == "row":
            rows.append(content)
            continue
        if rows:
            _add_table(document, rows)
            rows = []
        document.add_paragraph(content)
    document.save(str(path))


def _add_table(document, rows: list) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value


def ensure_libreoffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    print("bench: installing libreoffice-writer (apt-get)", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "libreoffice-writer"],
                   check=True, env=env)
    return shutil.which("soffice")


def to_pdf(docx_files: list, out_dir: Path) -> None:
    soffice = ensure_libreoffice()
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, docx_files)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def build_pdfs(texts: list, folder: Path, min_pages: int) -> None:
    folder.mkdir(parents=True)
    pages, index = 0, 0
    with tempfile.TemporaryDirectory() as work:
        while pages < min_pages:
            batch = []
            for _ in range(8):
                batch.append(Path(work) / f"bench_{index:04d}.docx")
                write_docx(bundle_text(texts, index), batch[-1])
                index += 1
            to_pdf(batch, folder)
            pages = sum(page_count(p) for p in folder.glob("*.pdf"))


def build_copies(texts: list, folder: Path, count: int, suffix: str) -> None:
    folder.mkdir(parents=True)
    for index in range(count):
        path = folder / f"bench_{index:05d}{suffix}"
        if suffix == ".docx":
            write_docx(copy_text(texts, index), path)
        else:
            path.write_text(copy_text(texts, index), encoding="utf-8")


def build_scans(texts: list, folder: Path, min_pages: int) -> None:
    """Office-style scans of one text after another (DOCX, LibreOffice PDF, make_scans) up to min_pages."""
    from make_scans import write_scan
    folder.mkdir(parents=True)
    pages, index = 0, 0
    with tempfile.TemporaryDirectory() as work:
        while pages < min_pages:
            source = Path(work) / f"scan_{index:03d}.docx"
            write_docx(copy_text(texts, index), source)
            to_pdf([source], Path(work))
            write_scan(source.with_suffix(".pdf"), folder / f"scan_{index:03d}.pdf")
            pages += page_count(folder / f"scan_{index:03d}.pdf")
            index += 1


def cached(folder: Path, key: str, build) -> Path:
    """Build `folder` unless a finished build with the same key is there."""
    stamp = folder / ".built"
    if stamp.exists() and stamp.read_text() == key:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    build(folder)
    stamp.write_text(key)
    print(f"bench: built {folder} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return folder


def build_corpus(texts: list, args) -> dict:
    key = BUILD + hashlib.sha256("\f".join(texts).encode()).hexdigest()[:16]
    sets = {
        "pdf": cached(CACHE / "pdf", f"{key} {args.pdf_pages}",
                      lambda f: build_pdfs(texts, f, args.pdf_pages)),
        "docx": cached(CACHE / "docx", f"{key} {args.docs}",
                       lambda f: build_copies(texts, f, args.docs, ".docx")),
        "txt": cached(CACHE / "txt", f"{key} {args.docs}",
                      lambda f: build_copies(texts, f, args.docs, ".txt")),
    }
    if args.scan_pages:
        sets["scan"] = cached(CACHE / "scan", f"{key} {args.scan_pages}",
                              lambda f: build_scans(texts, f, args.scan_pages))
    if args.txt_docs:
        sets["txt_large"] = cached(CACHE / "txt_large", f"{key} {args.txt_docs}",
                                   lambda f: build_copies(texts, f, args.txt_docs, ".txt"))
    return sets


# ---------------------------------------------------------------- timing

def time_pypdfium(pdfs: list) -> dict:
    import pypdfium2 as pdfium
    started, pages = time.perf_counter(), 0
    for path in pdfs:
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            pdf[index].get_textpage().get_text_range()
            pages += 1
        pdf.close()
    seconds = time.perf_counter() - started
    return {"pages": pages, "seconds": seconds, "pages_per_s": pages / seconds}


def time_pdfplumber(pdfs: list, sample_pages: int) -> dict:
    """extract_text on every k-th page, opening each file as a naive pipeline would."""
    import pdfplumber
    total = sum(page_count(p) for p in pdfs)
    step = max(1, total // sample_pages)
    started, timed, seen = time.perf_counter(), 0, 0
    for path in pdfs:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                if seen % step == 0:
                    page.extract_text()
                    timed += 1
                seen += 1
                page.close()
    seconds = time.perf_counter() - started
    return {"pages": timed, "seconds": seconds, "pages_per_s": timed / seconds,
            "extrapolated_s": total * seconds / timed, "sampled": step > 1}


def time_tesseract(pdfs: list, workers: int) -> dict:
    """Tesseract alone (`-l vie --psm 4`, one thread each, `workers` processes) on the
    pages rendered as vnplan renders a scan for OCR; rendering is not timed."""
    import pypdfium2 as pdfium
    from concurrent.futures import ThreadPoolExecutor
    from pipeline.readers import ocr
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory() as work:
        images = []
        for path in pdfs:
            pdf = pdfium.PdfDocument(str(path))
            for index in range(len(pdf)):
                images.append(f"{work}/{path.stem}_{index:03d}.pgm")
                pdf[index].render(scale=ocr.DPI / 72).to_pil().convert("L").save(images[-1])
            pdf.close()
        started = time.perf_counter()
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(lambda image: subprocess.run(["tesseract", image, "stdout", "-l", "vie", "--psm", "4", "tsv"],
                                                       capture_output=True, check=True, env=env), images))
        seconds = time.perf_counter() - started
    return {"pages": len(images), "seconds": seconds, "pages_per_s": len(images) / seconds, "workers": workers}


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def _children(pid: int) -> list:
    """The processes started by any thread of `pid` (the pool starts its workers from several)."""
    found = []
    for task in os.scandir(f"/proc/{pid}/task"):
        try:
            with open(f"{task.path}/children") as handle:
                found.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def run_vnplan(inputs: list, workers: int, out: Path, engine: str = "local") -> dict:
    """Run `vnplan run`, sampling the RSS of the parent (the client, with Dask) and of each worker."""
    shutil.rmtree(out, ignore_errors=True)
    command = [str(VNPLAN), "run", *map(str, inputs), "--out", str(out), "--workers", str(workers), "--engine", engine]
    started = time.perf_counter()
    errors = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
    parent, workers_peak, timeline = 0, 0, []
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        rss = _rss(process.pid)
        parent = max(parent, rss)
        if rss:  # 0 once the process has exited
            timeline.append((time.perf_counter() - started, rss))
        workers_peak = max([workers_peak] + [_rss(c) for c in _children(process.pid)])
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if not (out / "run.json").exists():
        errors.seek(0)
        sys.exit(f"bench: {' '.join(command)} failed:\n{errors.read().decode(errors='replace')[-3000:]}")
    counts = json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]
    return {"workers": workers, "engine": engine, "seconds": seconds, "exit": process.returncode, **counts,
            "pages_per_s": counts["pages"] / seconds, "docs_per_s": counts["documents"] / seconds,
            "parent_peak_mb": parent / 2**20, "worker_peak_mb": workers_peak / 2**20,
            "tree_maxrss_mb": usage.ru_maxrss / 1024, "parent_rss_timeline_mb": _quartiles(timeline)}


def _quartiles(timeline: list) -> list:
    """Parent RSS at 25, 50, 75 and 100 % of the run: flat means no growth per document."""
    if not timeline:
        return []
    return [round(timeline[min(len(timeline) - 1, len(timeline) * q // 4)][1] / 2**20) for q in (1, 2, 3, 4)]


# ---------------------------------------------------------------- report

def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as handle:
            model = next(line.split(":", 1)[1].strip() for line in handle if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PHYS_PAGES") * PAGE_SIZE / 2**30
    return f"{model}, {os.cpu_count()} cores, {memory:.0f} GB RAM, Python {platform.python_version()}"


def _mb(value: float) -> str:
    return f"{value:.0f}" if value else "-"  # no worker process with --workers 1


def table(results: dict) -> str:
    rows = ["| measure | files | pages | seconds | pages/s | docs/s | peak MB parent / worker |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    floor, plumber = results["pypdfium2"], results["pdfplumber"]
    rows.append(f"| pypdfium2 text alone (floor) | pdf | {floor['pages']} | {floor['seconds']:.1f} | "
                f"{floor['pages_per_s']:.0f} | | |")
    note = f" (sampled {plumber['pages']} pages)" if plumber["sampled"] else ""
    rows.append(f"| pdfplumber extract_text alone{note} | pdf | {floor['pages']} | "
                f"{plumber['extrapolated_s']:.1f} | {plumber['pages_per_s']:.0f} | | |")
    if "tesseract" in results:
        alone = results["tesseract"]
        rows.append(f"| Tesseract alone, {alone['workers']} processes (scans) | {results['scan_files']} scanned pdf | "
                    f"{alone['pages']} | {alone['seconds']:.1f} | {alone['pages_per_s']:.2f} | | |")
    for name, run in results["runs"]:
        pages_per_s = f"{run['pages_per_s']:.2f}" if name == "scan" else f"{run['pages_per_s']:.0f}" if run["pages"] else ""
        engine = " --engine dask" if run.get("engine") == "dask" else ""
        rows.append(f"| vnplan run --workers {run['workers']}{engine} | {name} | {run['pages'] or ''} | "
                    f"{run['seconds']:.1f} | {pages_per_s} | {run['docs_per_s']:.1f} | "
                    f"{run['parent_peak_mb']:.0f} / {_mb(run['worker_peak_mb'])} |")
    return "\n".join(rows)


def plan(sets: dict, args) -> list:
    """(name, inputs, workers, engine) of each `vnplan run`; the large TXT batch only with N workers;
    with --pool, that folder with the local engine and with Dask (a LocalCluster of 2 workers)."""
    runs = [(name, inputs, w, "local") for name, inputs in (("pdf", [sets["pdf"]]), ("docx+txt", [sets["docx"], sets["txt"]]))
            for w in sorted({1, args.workers})]
    if args.scan_pages:
        runs.append(("scan", [sets["scan"]], args.workers, "local"))
    if args.txt_docs:
        runs.append((f"txt x{args.txt_docs}", [sets["txt_large"]], args.workers, "local"))
    if args.pool:
        runs += [("pool", [args.pool], 2, engine) for engine in ("local", "dask")]
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", nargs="+", type=Path,
                        default=[ROOT / "corpus" / "seeds", ROOT / "corpus" / "dev"])
    parser.add_argument("--pdf-pages", type=int, default=2000, help="at least this many PDF pages")
    parser.add_argument("--docs", type=int, default=200, help="DOCX documents, and as many TXT")
    parser.add_argument("--txt-docs", type=int, default=0, help="also run a TXT batch of this many documents")
    parser.add_argument("--scan-pages", type=int, default=30, help="scanned PDF pages (0: no scan row)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--pool", type=Path, help="also run this folder with the local engine and with Dask")
    parser.add_argument("--plumber-pages", type=int, default=200, help="pdfplumber sample size")
    args = parser.parse_args()

    sets = build_corpus(source_texts(args.texts), args)
    pdfs = sorted(sets["pdf"].glob("*.pdf"))
    results = {"machine": machine(), "pypdfium2": time_pypdfium(pdfs),
               "pdfplumber": time_pdfplumber(pdfs, args.plumber_pages), "runs": []}
    if args.scan_pages:
        scans = sorted(sets["scan"].glob("*.pdf"))
        results["tesseract"], results["scan_files"] = time_tesseract(scans, args.workers), len(scans)
    for name, inputs, workers, engine in plan(sets, args):
        results["runs"].append((name, run_vnplan(inputs, workers, CACHE / "out", engine)))
        print(f"bench: {name} workers={workers} engine={engine}: {json.dumps(results['runs'][-1][1])}", file=sys.stderr)
    (CACHE / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"Machine: {results['machine']}\n\n{table(results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
