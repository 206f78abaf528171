"""Help → About: what this program is, which version, where its data lives."""

from __future__ import annotations

import re
from html import escape

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from channelmgr import __version__
from channelmgr.config import data_dir

translate = QCoreApplication.translate


def masked_url(url: str) -> str:
    """A database URL with its password hidden: postgresql+psycopg://user:***@host/db."""
    return re.sub(r"(//[^:/@]+:)[^@]*@", r"\1***@", url)


def about_text(db_url: str) -> str:
    rows = [
        (translate("AboutBox", "Version"), __version__),
        (translate("AboutBox", "Data folder"), str(data_dir())),
        (translate("AboutBox", "Database"), masked_url(db_url)),
        ("Qt / PySide6", f"{qVersion()} / {PySide6.__version__}"),
    ]
    table = "".join(f"<tr><td>{escape(k)}</td><td>&nbsp;{escape(v)}</td></tr>" for k, v in rows)
    intro = translate("AboutBox", "Channel manager for homestays and small hotels: one truth for rooms, "
                                  "prices and availability, pushed to every OTA.")
    return f"<h3>channelmgr 民宿渠道管理</h3><p>{escape(intro)}</p><table>{table}</table>"


def show_about(parent: QWidget, db_url: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, translate("AboutBox", "About channelmgr"),
                      about_text(db_url), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("about_box")
    box.open()
    return box
