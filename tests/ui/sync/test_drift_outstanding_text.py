"""The dry run reminds the desk of differences the channel's last drift audit found (a pass does
not resend cells the channel confirmed) in the desk's language, not the core's English line."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from channelmgr.sync.drift import AuditStatus
from channelmgr.sync.drift_audit import AuditRun, outstanding_warning
from ui import i18n
from ui.sync.dry_run_dialog import DryRunDialog


def _dialog(qtbot, app_context, differences: int) -> DryRunDialog:
    channels = app_context.services.channels
    channel_id = channels.channel_id(app_context.property_id, "booking")
    warning = outstanding_warning(AuditRun(channel_id, datetime.now(timezone.utc), AuditStatus.DIFFERENCES,
                                           differences, "audit"))
    report = app_context.services.sync.dry_run(channel_id)
    dialog = DryRunDialog(replace(report, warnings=(*report.warnings, warning)), "Booking.com", confirm=False)
    qtbot.addWidget(dialog)
    return dialog


def _lines(dialog: DryRunDialog) -> list[str]:
    return [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]


def test_the_dry_run_says_the_outstanding_differences_in_chinese_and_english(qtbot, app_context):
    try:
        i18n.install_language("zh_CN")
        lines = _lines(_dialog(qtbot, app_context, 2))
        assert "提示：渠道核对发现 2 处差异：用「重新推送」或 channelmgr channel audit --push-again 重新推送" in lines
        assert not any("difference(s)" in line for line in lines)
        i18n.install_language("en")
        assert ("Note: the last drift audit found 3 difference(s): send ours again with “Push again” or "
                "channelmgr channel audit --push-again") in _lines(_dialog(qtbot, app_context, 3))
    finally:
        i18n.install_language("en")
