"""Small charts painted with QPainter: a line chart and a grouped bar chart, with hover tooltips
and PNG export.

Why not a charting library: QtCharts is in PySide6-Addons (175 MB) and pyqtgraph needs numpy and
draws scientific plots (numeric axes; category bars and date labels need custom axis classes).
The reports need three plain business charts, which this module draws in a few hundred lines
with the app's own fonts (Chinese included).
"""

from .chart_view import BarChart, ChartView, LineChart, Series

__all__ = ["BarChart", "ChartView", "LineChart", "Series"]
