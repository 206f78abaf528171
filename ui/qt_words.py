"""Qt's own words that Qt's Chinese catalogue (qtbase_zh_CN.qm) misses.

Qt's file dialog labels its fields "&Look in:" and "Files of &type:", but the catalogue that ships
with Qt translates only the older "Look in:" and "Files of type:", so the Chinese desk showed those
two in English. Listing them here puts them in our own .ts (lupdate reads QT_TRANSLATE_NOOP), and
our translator, installed after Qt's, answers for them. Nothing calls this list: it exists for
lupdate.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MISSING_FROM_QTBASE = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
