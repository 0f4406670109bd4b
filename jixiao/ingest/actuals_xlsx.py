"""Read a filled actuals template (填报模板) back into an :class:`ActualsReport`.

The template is the workbook :mod:`jixiao.publish.actuals_template` wrote (layout in
:mod:`jixiao.ingest.actuals_layout`). The file is judged by its content, never its
name: it must be a zip whose entries inflate to no more than ``max_inflated_bytes``
(a zip bomb is refused before openpyxl opens it) and hold the hidden ``_jixiao`` sheet.
Problems with the file raise :class:`ActualsFileError`; problems in cells are
collected, all of them, as :class:`CellError` beside the report, so a unit sees every
bad entry at once. Formula cells are read by their cached value (never the formula
text); a formula never calculated reads as blank.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jixiao.ingest.actuals_layout import (
    ENTERED_AT_CELL,
    ENTERED_BY_CELL,
    INSTRUCTIONS_SHEET,
    META_SHEET,
    NAME_CELL,
    PHONE_CELL,
    SheetMeta,
    TemplateMeta,
    canonical,
    fingerprint,
    parse_meta_rows,
)
from jixiao.ingest.actuals_sheet import (
    CellError,
    SheetCells,
    read_project_sheet,
    sheet_cells,
)
from jixiao.ingest.errors import IngestError
from jixiao.ingest.sniff import FileFormat, open_zip, sniff_format
from jixiao.model import Disclosure
from jixiao.model.actuals import (
    ActualsReport,
)

__all__ = [
    "ActualsFileError",
    "ActualsReadResult",
    "CellError",
    "check_against_disclosure",
    "read_actuals_workbook",
]

MAX_TAMPER_ERRORS = 20  # per sheet; a sheet with rows inserted differs everywhere
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


class ActualsFileError(ValueError):
    """A file that cannot be read as a jixiao template at all: not an xlsx, corrupt,
    too large when inflated, not made by jixiao, or of an unknown format version.
    ``str()`` gives ``文件 PATH：MESSAGE`` (Chinese)."""

    def __init__(self, message: str, *, path: Path | str) -> None:
        self.message = message
        self.path = str(path)
        super().__init__(f"文件 {self.path}：{message}")


@dataclass(frozen=True, slots=True, kw_only=True)
class ActualsReadResult:
    """What was read: the report (bad cells left blank in it) and every cell error.
    Nothing should be stored from a file with errors unless the user asks for it."""

    report: ActualsReport | None
    errors: tuple[CellError, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the file had no cell errors."""
        return not self.errors


def read_actuals_workbook(
    path: Path, *, max_inflated_bytes: int = 200_000_000
) -> ActualsReadResult:
    """Read the filled template at ``path``.

    Raises :class:`ActualsFileError` when the file is not an xlsx (checked by its
    bytes, not its extension), is a corrupt zip, inflates to more than
    ``max_inflated_bytes`` (sum of the entries' declared sizes, which zipfile also
    enforces while inflating), has no ``_jixiao`` sheet or an unknown format version.
    Every cell problem is returned in ``errors``: text in a number cell, a value
    outside an enumeration, a negative amount, a changed pre-filled cell, a missing,
    added or duplicated sheet.
    """
    path = Path(path)
    data = _read_bytes(path)
    meta_rows, sheets = _open_workbook(path, data, max_inflated_bytes)
    try:
        meta = parse_meta_rows(meta_rows)
    except ValueError as error:
        raise ActualsFileError(str(error), path=path) from None
    errors: list[CellError] = list(_sheet_errors(sheets, meta))
    projects = []
    for sheet in meta.sheets:
        if sheet.sheet not in sheets:
            continue
        cells = sheets[sheet.sheet]
        errors.extend(_tampered(cells, sheet))
        projects.append(read_project_sheet(cells, meta, sheet, file=path.name, errors=errors))
    entered_by, entered_at = None, None
    if INSTRUCTIONS_SHEET in sheets:
        entered_by, entered_at = _entered(sheets[INSTRUCTIONS_SHEET], errors)
    report = ActualsReport(
        unit_code=meta.unit_code,
        unit_name=meta.unit_name,
        fiscal_year=meta.fiscal_year,
        kind=meta.kind,
        period_month=meta.period_month,
        projects=tuple(projects),
        entered_by=entered_by,
        entered_at=entered_at,
        source_path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        disclosure_sha256=meta.disclosure_sha256 or None,
    )
    return ActualsReadResult(report=report, errors=tuple(errors))


def check_against_disclosure(
    report: ActualsReport, disclosure: Disclosure
) -> tuple[CellError, ...]:
    """Where ``report`` does not belong to ``disclosure``: another unit or fiscal year
    (one error, nothing else compared), a project whose seq or name differs, an
    indicator whose index or 三级指标 differs. Empty when all match."""
    if (report.unit_code, report.fiscal_year) != (disclosure.unit_code, disclosure.fiscal_year):
        message = (
            f"模板属于 单位{report.unit_code}（{report.unit_name}）{report.fiscal_year}年度，"
            f"而数据库中的是 单位{disclosure.unit_code}（{disclosure.unit_name}）"
            f"{disclosure.fiscal_year}年度。"
        )
        return (CellError(sheet=INSTRUCTIONS_SHEET, cell=None, message=message),)
    errors: list[CellError] = []
    by_seq = {project.seq: project for project in disclosure.projects}
    for actuals in report.projects:
        sheet = actuals.location.table if actuals.location and actuals.location.table else ""
        project = by_seq.get(actuals.project_seq)
        if project is None:
            errors.append(
                CellError(
                    sheet=sheet,
                    cell=NAME_CELL,
                    message=f"公开文件中没有第 {actuals.project_seq} 个项目"
                    f"「{actuals.project_name}」。",
                    value=actuals.project_name,
                )
            )
            continue
        if _compact(project.project_name) != _compact(actuals.project_name):
            errors.append(
                CellError(
                    sheet=sheet,
                    cell=NAME_CELL,
                    message=f"项目名称「{actuals.project_name}」与公开文件中第 {project.seq} 个"
                    f"项目「{project.project_name}」不符。",
                    value=actuals.project_name,
                )
            )
            continue
        names = {indicator.index: indicator.level3 for indicator in project.indicators}
        for actual in actuals.indicators:
            expected = names.get(actual.indicator_index)
            if expected is not None and _compact(expected) == _compact(actual.level3):
                continue
            row = actual.location.row if actual.location else None
            message = f"第 {actual.indicator_index} 个指标「{actual.level3}」在公开文件中" + (
                f"是「{expected}」。" if expected is not None else "不存在。"
            )
            errors.append(
                CellError(
                    sheet=sheet,
                    cell=f"C{row}" if row else None,
                    message=message,
                    value=actual.level3,
                )
            )
    return tuple(errors)


def _compact(text: str) -> str:
    return "".join(text.split())


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ActualsFileError(f"无法打开文件（{error.strerror or error}）。", path=path) from None


def _open_workbook(
    path: Path, data: bytes, max_inflated_bytes: int
) -> tuple[list[tuple[Any, ...]], dict[str, SheetCells]]:
    """The rows of ``_jixiao`` and the cells of every other sheet (cached values, not
    formulas), after the checks on the raw bytes."""
    _check_zip(path, data, max_inflated_bytes)
    from openpyxl import load_workbook  # ~0.15 s to import; only this reader needs it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                if META_SHEET not in workbook.sheetnames:
                    raise ActualsFileError(
                        f"不是 jixiao 生成的填报模板（缺少隐藏工作表 {META_SHEET}），"
                        "请用 jixiao template 命令生成模板后填报。",
                        path=path,
                    )
                meta_rows = list(workbook[META_SHEET].iter_rows(values_only=True))
                sheets = {
                    name: sheet_cells(workbook[name])
                    for name in workbook.sheetnames
                    if name != META_SHEET
                }
            finally:
                workbook.close()
    except ActualsFileError:
        raise
    except Exception as error:  # a broken workbook fails in many ways inside openpyxl
        raise ActualsFileError(
            f"文件已损坏，无法读取工作簿（{type(error).__name__}）。", path=path
        ) from None
    return meta_rows, sheets


def _check_zip(path: Path, data: bytes, max_inflated_bytes: int) -> None:
    """Refuse what is not an xlsx by its bytes, a corrupt zip and a zip bomb, with the
    same sniffing and inflation guard as every other reader (:mod:`jixiao.ingest.sniff`)."""
    fmt = sniff_format(data)
    if fmt in (FileFormat.OLE, FileFormat.XLS):
        raise ActualsFileError(
            "这是旧版 Excel（.xls）或加密的工作簿，不是 .xlsx 文件；"
            "请在 jixiao 生成的模板中填报并保存为 .xlsx（不要加密）。",
            path=path,
        )
    if fmt is FileFormat.BROKEN_ZIP:
        raise ActualsFileError("文件已损坏：不是完整的 xlsx（zip）压缩包。", path=path)
    if fmt in (FileFormat.DOCX, FileFormat.PPTX, FileFormat.ZIP):
        raise ActualsFileError(
            "不是 Excel 工作簿（.xlsx）：压缩包中没有工作簿内容（可能是 Word 文档或其他压缩包）。",
            path=path,
        )
    if fmt is not FileFormat.XLSX:
        raise ActualsFileError(
            "不是 Excel 工作簿（.xlsx）：按文件内容判断，它不是 xlsx 格式（与扩展名无关）。",
            path=path,
        )
    try:
        open_zip(data, path=str(path), max_unpacked_bytes=max_inflated_bytes).close()
    except IngestError as error:
        raise ActualsFileError(error.message, path=path) from None


def _sheet_errors(sheets: dict[str, SheetCells], meta: TemplateMeta) -> list[CellError]:
    """Sheets missing, added or present twice (a project's sheet copied)."""
    errors = []
    expected = {sheet.sheet: sheet for sheet in meta.sheets}
    present = list(sheets)
    if INSTRUCTIONS_SHEET not in present:
        errors.append(CellError(sheet=INSTRUCTIONS_SHEET, cell=None, message="缺少工作表。"))
    for name, sheet in expected.items():
        if name not in present:
            message = (
                f"缺少项目 {sheet.project_seq}「{sheet.project_name}」的工作表；"
                "请使用原模板，不要删除或重命名工作表。"
            )
            errors.append(CellError(sheet=name, cell=None, message=message))
    by_name = {sheet.cells.get(NAME_CELL): sheet for sheet in meta.sheets}
    for name in present:
        if name in expected or name in (INSTRUCTIONS_SHEET, META_SHEET):
            continue
        project_name = canonical(sheets[name].value(NAME_CELL))
        original = by_name.get(project_name)
        if original is not None:
            message = (
                f"与工作表 {original.sheet} 是同一项目（{original.project_name}），"
                "同一项目只能填报一次，请删除重复的工作表。"
            )
        else:
            message = "多出的工作表不属于模板，请删除（不要新增工作表）。"
        errors.append(CellError(sheet=name, cell=None, message=message, value=project_name))
    return errors


def _tampered(cells: SheetCells, sheet: SheetMeta) -> list[CellError]:
    """Pre-filled cells whose value changed, found by the sheet's fingerprint and then
    cell by cell; at most :data:`MAX_TAMPER_ERRORS` are listed, then a count."""
    found = {ref: canonical(cells.value(ref)) for ref in sheet.cells}
    if fingerprint(found) == sheet.fingerprint:
        return []
    errors = []
    changed = [ref for ref in sheet.cells if found[ref] != sheet.cells[ref]]
    for ref in changed[:MAX_TAMPER_ERRORS]:
        message = (
            f"预填内容被修改：原为「{sheet.cells[ref]}」，现为「{found[ref]}」；"
            "模板锁定的标题、表头、指标和指标值不得改动。"
        )
        errors.append(CellError(sheet=sheet.sheet, cell=ref, message=message, value=found[ref]))
    if len(changed) > MAX_TAMPER_ERRORS:
        message = (
            f"另有 {len(changed) - MAX_TAMPER_ERRORS} 处预填内容被修改（是否插入或删除了行列？）。"
        )
        errors.append(CellError(sheet=sheet.sheet, cell=None, message=message))
    return errors


def _entered(cells: SheetCells, errors: list[CellError]) -> tuple[str | None, dt.datetime | None]:
    """填报人 (with the 联系电话 in brackets, the model has no field of its own for it)
    and 填报日期 from sheet 填报说明."""
    name, phone = cells.text(ENTERED_BY_CELL), cells.text(PHONE_CELL)
    entered_by = f"{name}（{phone}）" if name and phone else name or phone
    value = cells.value(ENTERED_AT_CELL)
    if value is None or (isinstance(value, str) and not value.strip()):
        return entered_by, None
    if isinstance(value, dt.datetime):
        return entered_by, value
    if isinstance(value, dt.date):
        return entered_by, dt.datetime(value.year, value.month, value.day)
    match = _DATE.fullmatch(str(value).strip())
    if match:
        try:
            return entered_by, dt.datetime(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    message = "填报日期应为日期，如 2024-08-05 或 2024年8月5日。"
    errors.append(
        CellError(sheet=cells.title, cell=ENTERED_AT_CELL, message=message, value=str(value))
    )
    return entered_by, None
