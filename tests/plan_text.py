"""A short plan written for the tests (not from the corpus): five tasks whose words fold alike
(số, sổ, sở, sơ; đổi) and whose deadlines have every precision."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_SCRIPT = Path(sys.executable).parent / "vnplan"  # the installed console script
VNPLAN = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "pipeline"]

PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 88/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Trị, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Triển khai công tác văn thư, lưu trữ năm 2026

I. NHIỆM VỤ CỤ THỂ
1. Sở Tài chính chủ trì hướng dẫn các đơn vị chuyển đổi sổ sách kế toán sang phần mềm mới, hoàn thành trong Quý III/2026.
2. Sở Nội vụ chủ trì, phối hợp với các sở, ngành sắp xếp kho lưu trữ, lập danh mục hồ sơ và đổi mới cách bảo quản tài liệu, hoàn thành trong tháng 06/2026.
3. Sở Khoa học và Công nghệ chủ trì triển khai chuyển đổi số trong công tác văn thư, lưu trữ tại các cơ quan, đơn vị trên địa bàn tỉnh, bảo đảm kết nối với hệ thống quản lý văn bản và điều hành của tỉnh; định kỳ báo cáo kết quả trước ngày 15/12 hằng năm.
4. Văn phòng UBND tỉnh chủ trì số hóa tài liệu lưu trữ, chuyển giao hồ sơ điện tử và đổi mới quy trình tiếp nhận văn bản đến, hoàn thành trong 6 tháng đầu năm 2026.
5. Sở Tư pháp chủ trì rà soát quy định về chuyển đổi trụ sở làm việc của các đơn vị sự nghiệp, hoàn thành trong năm 2026.
"""


def write_plan(folder: Path, text: str = PLAN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kh-88-van-thu.txt"
    path.write_text(text, encoding="utf-8")
    return path


def cli(*args, stdin=None) -> subprocess.CompletedProcess:
    """The real command line, in a subprocess."""
    return subprocess.run(VNPLAN + [str(a) for a in args], cwd=ROOT, capture_output=True, text=True, input=stdin)
