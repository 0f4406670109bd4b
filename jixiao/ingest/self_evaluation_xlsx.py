"""Read a unit's own self-evaluation workbook (项目支出绩效自评表, 财预〔2020〕10号) into
the model, so a past year's 自评 can be imported and re-scored by :mod:`jixiao.evaluate`.

Unlike the template jixiao writes (:mod:`jixiao.ingest.actuals_xlsx`, which carries a
hidden ``_jixiao`` sheet and takes its targets from a stored disclosure), a unit's own
workbook carries the targets itself. Each form found (one per sheet, or many stacked in
one sheet; :mod:`jixiao.ingest.self_evaluation_form`) gives

- a :class:`~jixiao.model.Project`: 项目名称 split into code and name, 实施单位 as
  ``unit_name``, the budget of the 总额 row (全年预算数/调整后预算数, else 年初预算数) in the
  money unit the money block prints (万元 or 元; raw text and stored value kept), the
  年度总体目标 as its one goal, and one :class:`~jixiao.model.Indicator` per indicator row,
  its target read with :func:`~jixiao.ingest.target.parse_target`;
- the matching :class:`~jixiao.model.actuals.ProjectActuals`: the money rows, the
  实际完成值/完成值 as printed (read like a target), the unit's own 分值/权重 as
  ``weight``, its 得分 as ``claimed_score``, the 偏差原因分析/未完成原因分析 text, the
  年度目标完成情况 and the money block's 原因 as ``execution_note`` — all kept as printed,
  template instructions pasted into a 原因 cell included.

All projects go into one :class:`~jixiao.model.Disclosure` and one
:class:`~jixiao.model.actuals.ActualsReport` (kind ``self_evaluation``, period 12), so
``evaluate(result.disclosure, result.report)`` re-scores them. Projects are numbered
1, 2 … in the order the forms are printed.

**Unit code**: a 自评表 prints none. The disclosure and the report use the 主管部门
name as printed (``平昌县公安局部门``) both as ``unit_code`` and ``unit_name`` — a
placeholder a note points out — and each project keeps its 实施单位 in ``unit_name``.
The fiscal year is the one the forms' titles print (``（2023年度）``).

**Targets** of a split grid (指标性质 | 指标值 | 度量单位) are read from the three cells
joined as a person reads them: ``≤`` ``5`` ``次`` → ``≤5次``; a 定性 row's target is its
指标值 alone (``按时支付``). The 度量单位 column, where printed, is the target's unit
(``≥25`` ``案件数`` → 25, unit ``案件数``). An 实际完成值 is kept exactly as printed: a form
that writes ``100`` meaning "100 % done" against ``≤5次`` is read as 100 次, the only
reading the 10号 formulas allow, and scores accordingly.

Nothing is dropped: forms without indicator rows are kept (a note says so), money rows
the model has no source for (财政专户管理资金, 单位资金) stay in ``forms``, and cells
outside any form or unexplained inside one are returned and noted. Problems in cells
are notes (:class:`~jixiao.model.Finding`, family ``ingest``); an unreadable file raises
:class:`~jixiao.ingest.errors.IngestError` with a Chinese message naming ``工作表!单元格``
where one applies.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from jixiao.ingest.actuals_layout import META_SHEET
from jixiao.ingest.errors import IngestError
from jixiao.ingest.self_evaluation_form import find_forms
from jixiao.ingest.self_evaluation_model import build_model, note
from jixiao.ingest.self_evaluation_records import GridCell, SelfEvaluationForm, SheetGrid
from jixiao.ingest.sniff import DEFAULT_MAX_UNPACKED_BYTES, FileFormat, open_zip, sniff_format
from jixiao.model import Disclosure, Finding, Severity
from jixiao.model.actuals import ActualsReport

__all__ = ["SelfEvaluationWorkbook", "read_self_evaluation_workbook"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SelfEvaluationWorkbook:
    """What a self-evaluation workbook holds.

    ``forms`` are the 自评表 as printed, in order (project ``seq`` = position + 1);
    ``disclosure`` holds their projects and targets and ``report`` what the units
    reported against them (see the module docstring). ``outside`` are the cells of
    the forms' sheets that belong to no form (报表编号, the export's notes), kept as
    printed; ``notes`` are the reader's remarks (also in ``disclosure.notes``).
    """

    path: str
    forms: tuple[SelfEvaluationForm, ...]
    disclosure: Disclosure
    report: ActualsReport
    outside: tuple[GridCell, ...] = ()

    @property
    def notes(self) -> tuple[Finding, ...]:
        """The reader's notes (problems and guesses), as findings."""
        return self.disclosure.notes


def read_self_evaluation_workbook(
    path_or_bytes: str | os.PathLike[str] | bytes,
    *,
    path: str | None = None,
    max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES,
) -> SelfEvaluationWorkbook:
    """Read every 项目支出绩效自评表 in an .xlsx workbook (a file path, or its bytes).

    ``path`` names the file in locations and messages (default: the path given, or
    ``<bytes>``). Amounts are ``Decimal`` in the 万元/元 the forms print; targets,
    actuals, 分值 and 得分 keep their raw text. Raises :class:`IngestError` when the
    file cannot be opened, is not an .xlsx (judged by content), is a broken archive or
    inflates past ``max_unpacked_bytes`` (zip bomb), is a jixiao 填报模板, holds no
    自评表, has a form whose 项目名称 is blank, or prints no fiscal year.
    """
    if isinstance(path_or_bytes, bytes | bytearray):
        data = bytes(path_or_bytes)
        name = path or "<bytes>"
    else:
        name = path or str(path_or_bytes)
        try:
            data = Path(path_or_bytes).read_bytes()
        except OSError as error:
            raise IngestError(f"无法打开文件（{error.strerror or error}）。", path=name) from None
    grids, hidden = _read_grids(data, name, max_unpacked_bytes)
    forms: list[SelfEvaluationForm] = []
    outside: list[GridCell] = []
    notes: list[Finding] = []
    for sheet in hidden:
        message = f"工作表“{sheet}”由程序隐藏（veryHidden），未读取。"
        notes.append(note("hidden-sheet", Severity.INFO, message))
    for grid in grids:
        found, rest = find_forms(grid)
        if not found:
            message = f"工作表“{grid.name}”中没有自评表，未读取。"
            notes.append(note("other-sheet", Severity.INFO, message))
            continue
        forms.extend(found)
        outside.extend(rest)
    if not forms:
        raise IngestError(
            "工作簿中没有找到项目支出绩效自评表（按“项目名称”“一级指标/三级指标”等表头识别）。",
            path=name,
        )
    if outside:
        refs = "、".join(cell.ref for cell in outside[:5]) + (" 等" if len(outside) > 5 else "")
        notes.append(
            note(
                "outside",
                Severity.INFO,
                f"{refs} 共 {len(outside)} 个单元格不属于任何自评表（如报表编号、说明），"
                "原样保留。",
            )
        )
    disclosure, report = build_model(data, name, forms, notes)
    return SelfEvaluationWorkbook(
        path=name, forms=tuple(forms), disclosure=disclosure, report=report, outside=tuple(outside)
    )


# --- opening the workbook ---------------------------------------------------------------


def _read_grids(
    data: bytes, path: str, max_unpacked_bytes: int
) -> tuple[list[SheetGrid], list[str]]:
    """The grid of every sheet (cells as Excel displays them; a formula by the value
    saved with it) and the names of the sheets skipped (veryHidden)."""
    fmt = sniff_format(data)
    if fmt is not FileFormat.XLSX:
        kind = {
            FileFormat.XLS: "旧版 Excel（.xls）工作簿",
            FileFormat.OLE: "旧版 Office 文件或加密的工作簿",
            FileFormat.BROKEN_ZIP: "损坏的 ZIP（Office）文件",
            FileFormat.DOCX: "Word 文档",
            FileFormat.PDF: "PDF 文件",
        }.get(fmt, f"{fmt.value} 文件")
        raise IngestError(
            f"自评表应为 Excel 工作簿（.xlsx），按文件内容判断这是{kind}；"
            "请用 Excel/WPS 另存为 .xlsx（不加密）后再试。",
            path=path,
        )
    # The zip-bomb guard: refuse before openpyxl inflates anything.
    open_zip(data, path=path, max_unpacked_bytes=max_unpacked_bytes).close()
    import openpyxl  # heavy: imported only when a workbook is read

    from jixiao.ingest.cell_display import display_text

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # extensions openpyxl drops: data validation …
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # a broken workbook fails in many ways inside openpyxl
        raise IngestError(
            f"Excel 工作簿已损坏，无法读取（{type(error).__name__}：{error}）。", path=path
        ) from error
    grids, skipped = [], []
    try:
        if META_SHEET in workbook.sheetnames:
            raise IngestError(
                "这是 jixiao 生成的填报模板，请用“jixiao actuals import”导入，"
                "不要当作单位自评表读取。",
                path=path,
            )
        for ws in workbook.worksheets:
            if ws.sheet_state == "veryHidden":
                skipped.append(ws.title)
                continue
            ws.reset_dimensions()  # the dimensions a file declares are not trusted
            cells = []
            for row in ws.iter_rows():
                for cell in row:
                    value = getattr(cell, "value", None)  # gaps are EmptyCell
                    if value is None:
                        continue
                    text = display_text(value, getattr(cell, "number_format", None) or "General")
                    cells.append(
                        GridCell(
                            sheet=ws.title,
                            row=cell.row,
                            column=cell.column,
                            text=text,
                            value=value,
                        )
                    )
            grids.append(SheetGrid.of(ws.title, cells))
    except IngestError:
        raise
    except Exception as error:  # cells are parsed as they stream
        raise IngestError(
            f"Excel 工作簿已损坏，无法读取单元格（{type(error).__name__}：{error}）。", path=path
        ) from error
    finally:
        workbook.close()
    return grids, skipped
