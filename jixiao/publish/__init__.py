"""Publish: stored disclosures out to people and programs (JSON, CSV, XLSX open data).

Later: generated public documents (公开文本) and reports.
"""

from jixiao.publish.export import SHEETS, export_csv, export_json, export_rows, export_xlsx

__all__ = ["SHEETS", "export_csv", "export_json", "export_rows", "export_xlsx"]
