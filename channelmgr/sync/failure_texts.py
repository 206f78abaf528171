"""The command line's sentence for each kind of channel failure, in Chinese and English.

The desktop says the same through Qt's tr() (ui/sync/texts.py); the CLI cannot use Qt, so its
words live here, in one table (the language is chosen by channelmgr/language.py).
The technical text is never part of these sentences: it goes to the log file.
"""

from __future__ import annotations

from ..channels.errors import FailureKind
from ..language import DEFAULT_LANGUAGE, cli_language  # noqa: F401  (the CLI imports it from here too)

_SENTENCES: dict[FailureKind, tuple[str, str]] = {  # kind → (zh, en); {channel} is the channel's name
    FailureKind.CONNECTION_REFUSED: ("无法连接到渠道服务器（{channel}）：请检查网络或渠道地址",
                                     "Cannot connect to the server of {channel}: check the network or the channel address"),
    FailureKind.CONNECTION_LOST: ("与渠道服务器（{channel}）的连接中断：稍后会自动重试",
                                  "The connection to {channel} was cut: it will be retried automatically"),
    FailureKind.TIMEOUT: ("渠道服务器（{channel}）响应超时：稍后会自动重试",
                          "{channel} did not answer in time: it will be retried automatically"),
    FailureKind.UNREACHABLE: ("找不到渠道服务器（{channel}）：请检查网络连接和渠道地址",
                              "The server of {channel} cannot be reached: check the internet connection and the channel address"),
    FailureKind.TLS: ("与渠道服务器（{channel}）的安全连接失败：请检查渠道地址和本机时间",
                      "The secure connection to {channel} failed: check the channel address and this computer's clock"),
    FailureKind.AUTH: ("渠道（{channel}）拒绝了登录：请检查用户名和密码（或 API 密钥）",
                       "{channel} refused the login: check the user name and password (or the API key)"),
    FailureKind.RATE_LIMITED: ("渠道（{channel}）要求降低请求频率：稍后会自动重试",
                               "{channel} asks to slow down: it will be retried automatically"),
    FailureKind.SERVER_ERROR: ("渠道服务器（{channel}）出错：稍后会自动重试",
                               "The server of {channel} had an error: it will be retried automatically"),
    FailureKind.CHANNEL_REFUSED: ("渠道（{channel}）拒绝了部分数据：原因见同步日志",
                                  "{channel} refused some of the data: the reason is in the sync log"),
    FailureKind.BAD_REPLY: ("渠道（{channel}）的回复无法读取：未确认任何数据，稍后会重试",
                            "The reply of {channel} cannot be read: nothing was confirmed, it will be retried"),
    FailureKind.CONFIG: ("渠道（{channel}）的设置不完整：请检查地址、密码和映射",
                         "The settings of {channel} are incomplete: check the address, password and mappings"),
    FailureKind.SECRET: ("渠道（{channel}）保存的密码无法解开：密钥文件已损坏或不是本机的；请恢复密钥文件，或重新设置该渠道的密码",
                         "The stored password of {channel} cannot be opened: the key file is damaged or not this "
                         "desk's; restore the key file or set the channel's password again"),
    FailureKind.INTERNAL: ("同步渠道（{channel}）时出现内部错误：详情见日志",
                           "An internal error while syncing {channel}: the details are in the log"),
}


def failure_sentence(kind: FailureKind, channel: str, language: str = DEFAULT_LANGUAGE) -> str:
    zh, en = _SENTENCES[kind]
    return (en if language == "en" else zh).format(channel=channel)
