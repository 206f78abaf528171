"""File ▸ Export… / Import…: the Excel workflows of channelmgr.excel, with dialogs and progress."""

from .workflow import ExcelWorkflow

__all__ = ["ExcelWorkflow"]
