"""Adding a channel, or changing one: where it is, how we log in, and its main settings.

The password is typed, handed to the service (which keeps it only encrypted, in the Vault) and
never read back: when editing, the field starts empty and empty means "keep the stored one". A
Channex-style hub takes an API key and no user name: the row is labelled so and the user name
switched off when that protocol is chosen, and a new channel starts from the hub's own limits.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from channelmgr.channels.adapter import adapter_for, needs_username, pushes, secret_label

from channelmgr.roomtypes.desk_user import desk_actor
from channelmgr.sync.channels import PROTOCOLS, ChannelInfo, protocol_settings

from ..context import AppContext
from .channel_settings_form import ChannelSettingsForm
from .service_dialog import ServiceDialog


class ChannelDialog(ServiceDialog):
    """``channel`` None adds a channel; otherwise that channel is changed. ``saved`` is the
    service's ``ChannelInfo`` once accepted."""

    def __init__(self, ctx: AppContext, channel: ChannelInfo | None = None, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("channel_dialog")
        self.channel = channel
        adding = channel is None
        self.setWindowTitle(self.tr("Add channel") if adding else self.tr("Channel %1").replace("%1", channel.label))

        self.display_name = self._line("channel_display_name", self.tr("e.g. 携程 Ctrip"))
        self.name = self._line("channel_name", self.tr("Short code, e.g. ctrip"))
        self.name.setReadOnly(not adding)  # the code names the channel in logs and the CLI
        self.protocol = QComboBox(self)
        self.protocol.setObjectName("channel_protocol")
        self.protocol.addItems(list(PROTOCOLS))
        self.protocol.setEnabled(adding)
        self.endpoint = self._line("channel_endpoint", "https://")
        self.hotel_code = self._line("channel_hotel_code", self.tr("Your hotel's code at the channel"))
        self.username = self._line("channel_username", "")
        self.adding = adding
        self.password = self._line("channel_password", "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = QLabel(self)
        self.password_label.setObjectName("channel_password_label")
        self.enabled = QCheckBox(self.tr("Send to this channel"), self)
        self.enabled.setObjectName("channel_enabled")
        self.enabled.setChecked(True)
        self.settings_form = ChannelSettingsForm(self)

        connection = QGroupBox(self.tr("Connection"), self)
        form = self.new_form()
        connection.setLayout(form)
        form.addRow(self.tr("Display name"), self.display_name)
        form.addRow(self.tr("Name (code)"), self.name)
        form.addRow(self.tr("Protocol"), self.protocol)
        form.addRow(self.tr("Endpoint URL"), self.endpoint)
        form.addRow(self.tr("Hotel code"), self.hotel_code)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.password_label, self.password)
        form.addRow(self.tr("Enabled"), self.enabled)
        columns = QHBoxLayout()
        columns.addWidget(connection, 3)
        columns.addWidget(self.settings_form, 2)
        self.body.addLayout(columns)
        if channel is not None:
            self._show_channel(channel)
        self._show_protocol(self.protocol.currentText())
        self.protocol.currentTextChanged.connect(self._protocol_chosen)
        self.endpoint.setMinimumWidth(320)  # a full URL stays readable

    def _protocol_chosen(self, protocol: str) -> None:
        # A new channel starts from the protocol's published limits (10 a minute for a hub).
        self.settings_form.set_settings(protocol_settings(protocol))
        self._show_protocol(protocol)

    def _show_protocol(self, protocol: str) -> None:
        adapter = adapter_for(protocol)
        api_key = secret_label(adapter) == "API key"
        self.password_label.setText(self.tr("API key") if api_key else self.tr("Password"))
        if self.adding:
            self.password.setPlaceholderText(self.tr("Stored encrypted; never shown again"))
        else:
            self.password.setPlaceholderText(self.tr("Leave empty to keep the stored API key") if api_key
                                             else self.tr("Leave empty to keep the stored password"))
        feed = not pushes(adapter)  # an iCal feed: read from its URL, no login, no hotel code
        self.username.setEnabled(needs_username(adapter))
        self.username.setPlaceholderText("" if needs_username(adapter) else
                                         self.tr("Not used: the feed's address is all it needs") if feed else
                                         self.tr("Not used: the API key identifies us"))
        for field in (self.password, self.hotel_code):
            field.setEnabled(not feed)
        if feed:
            self.password.setPlaceholderText(self.tr("Not used: the feed's address is all it needs"))

    def _show_channel(self, channel: ChannelInfo) -> None:
        self.display_name.setText(channel.display_name)
        self.name.setText(channel.name)
        self.protocol.setCurrentText(channel.protocol)
        self.endpoint.setText(channel.endpoint)
        self.hotel_code.setText(channel.hotel_code)
        self.username.setText(channel.username)
        self.enabled.setChecked(channel.enabled)
        self.settings_form.set_settings(channel.settings)

    def service_call(self) -> Callable[[], Any]:
        channels, actor = self.ctx.services.channels, desk_actor("channels page")
        typed = self.settings_form.typed_settings()
        connection = dict(endpoint=self.endpoint.text().strip(), hotel_code=self.hotel_code.text().strip(),
                          username=self.username.text().strip(), display_name=self.display_name.text().strip(),
                          enabled=self.enabled.isChecked())
        password = self.password.text()
        if self.channel is None:
            name, protocol = self.name.text().strip(), self.protocol.currentText()
            pid, settings = self.ctx.property_id, protocol_settings(protocol).with_text(typed)
            return lambda: channels.add(actor, pid, name=name, protocol=protocol, password=password,
                                        settings=settings, **connection)
        channel_id = self.channel.id
        return lambda: channels.update(actor, channel_id, password=password or None, settings=typed, **connection)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        return line
