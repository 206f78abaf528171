"""One line for a failed file or network call, in the person's language.

The operating system's own text (``strerror``) is English whatever the UI language; the errors
people meet with files (a folder that is not there, a workbook open in Excel, a full disk) get a
Chinese sentence here, the rest keeps the system's words.
"""

from __future__ import annotations

import errno

from .language import say

_ZH = {
    errno.ENOENT: "找不到该文件或文件夹",
    errno.EACCES: "没有权限（文件可能正被其他程序打开，例如 Excel）",
    errno.EPERM: "不允许此操作",
    errno.ENOSPC: "磁盘空间不足",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.EEXIST: "文件已存在",
    errno.EROFS: "该位置只读",
}


def describe_os_error(exc: OSError) -> str:
    where = f": {exc.filename}" if exc.filename else ""
    english = f"{exc.strerror or exc}{where}"
    zh = _ZH.get(exc.errno)
    return say(english, f"{zh}{where.replace(': ', '：', 1)}") if zh else english
