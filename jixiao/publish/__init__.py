"""Publish: stored disclosures out to people and programs (JSON, CSV, XLSX open data).

The standard documents again (DOCX, XLSX, HTML, PDF: ``disclosure_*``), a Frictionless
data package (``datapackage``), review and evaluation reports.
"""

from jixiao.publish.export import SHEETS, export_csv, export_json, export_rows, export_xlsx

__all__ = ["SHEETS", "export_csv", "export_json", "export_rows", "export_xlsx"]
