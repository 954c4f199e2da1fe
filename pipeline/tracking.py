"""Tình trạng (status) of a task in a tracker: the workbook's drop-down and the export's column."""
import datetime

from extractors import deadlines

NOT_STARTED, IN_PROGRESS, DONE, OVERDUE = "Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Quá hạn"
STATUSES = (NOT_STARTED, IN_PROGRESS, DONE, OVERDUE)


def status(deadline: dict, as_of: datetime.date) -> str:
    """Quá hạn (overdue) once the last allowed day is past; a recurring deadline is not overdue from its
    first date alone. Otherwise Chưa thực hiện: progress is the reviewer's to record."""
    due = deadlines.due(deadline)
    if due and not (deadline or {}).get("recurring") and datetime.date.fromisoformat(due) < as_of:
        return OVERDUE
    return NOT_STARTED
