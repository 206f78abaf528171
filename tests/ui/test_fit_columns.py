"""Columns kept inside a table's viewport: the long text columns give way, the widest first, never
below their header; a shortened cell shows its whole text in the tooltip."""

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QTableView, QToolTip

from ui.fit_columns import fit_columns, shrink
from ui.models.record_table import Column, RecordTableModel


def test_the_widest_elastic_columns_give_way_first_and_stop_at_their_floor():
    assert shrink([100, 300, 50], [30, 30, 30], [0, 1], 450) == [100, 300, 50]  # it fits: as they are
    assert shrink([100, 300, 50], [30, 30, 30], [0, 1], 350) == [100, 200, 50]  # only the widest
    assert shrink([100, 300, 50], [30, 30, 30], [0, 1], 200) == [75, 75, 50]  # then both, to one width
    assert shrink([100, 300, 50], [90, 30, 30], [0, 1], 150) == [90, 30, 50]  # no lower than the floors


def test_a_table_fits_its_viewport_and_a_shortened_cell_tells_its_whole_text(qtbot):
    long = "http://127.0.0.1:8765/channex/ERHAI-HUB/a/very/long/endpoint/path"
    model = RecordTableModel([Column("Code", lambda r: r[0]), Column("Endpoint", lambda r: r[1]),
                              Column("Status", lambda r: r[2])])
    model.set_rows([("BDC", long, "in sync")])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 200)
    fit_columns(view, elastic=(1,))
    view.show()
    qtbot.waitExposed(view)
    header = view.horizontalHeader()
    qtbot.waitUntil(lambda: sum(header.sectionSize(c) for c in range(3)) <= view.viewport().width())
    assert header.sectionSize(0) >= view.sizeHintForColumn(0)  # the short ones are whole
    assert not view.horizontalScrollBar().isVisible()
    cell = view.visualRect(model.index(0, 1)).center()
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, cell, view.viewport().mapToGlobal(cell)))
    assert QToolTip.isVisible() and QToolTip.text() == long
    QToolTip.hideText()
    whole = view.visualRect(model.index(0, 0)).center()
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, whole, view.viewport().mapToGlobal(whole)))
    assert not QToolTip.isVisible() or QToolTip.text() != "BDC"
