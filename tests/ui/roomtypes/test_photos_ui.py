"""Photos in the editor: thumbnails off the GUI thread and cached, import of real and bad files, missing files."""

from PySide6.QtGui import QColor, QImage

from channelmgr.config import data_dir
from ui.roomtypes.photo_field import STATE_ROLE
from ui.roomtypes.thumbnails import THUMBNAIL_SIZE, PhotoState, make_thumbnail


def real_png(path, colour="#4a90c2", size=(640, 480)):
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return path


def states(field):
    items = [field.widget.list.item(row) for row in range(field.widget.list.count())]
    return [item.data(STATE_ROLE) for item in items]


def test_thumbnails_are_scaled_and_cached(tmp_path):
    photo = real_png(tmp_path / "wide.png", size=(1200, 400))
    state, image = make_thumbnail(str(photo), tmp_path / "cache")
    assert state is PhotoState.OK and image.width() == THUMBNAIL_SIZE.width() and image.height() == 53
    [cached] = (tmp_path / "cache").iterdir()
    again_state, again = make_thumbnail(str(photo), tmp_path / "cache")
    assert again_state is PhotoState.OK and again.size() == image.size()
    assert make_thumbnail(str(tmp_path / "gone.png"), tmp_path / "cache") == (PhotoState.MISSING, None)
    broken = tmp_path / "broken.png"
    broken.write_bytes(photo.read_bytes()[:60])  # the header survives, the pixels do not
    assert make_thumbnail(str(broken), tmp_path / "cache") == (PhotoState.UNREADABLE, None)


def test_the_editor_shows_thumbnails_and_marks_a_missing_file(open_editor, qtbot, detail):
    refs = detail("LKV").attributes["photos"]
    (data_dir() / refs[1]).unlink()
    editor = open_editor("LKV")
    field = editor.field("photos")
    qtbot.waitUntil(lambda: None not in states(field), timeout=5000)
    assert states(field) == ["ok", "missing", "ok"]
    missing = field.widget.list.item(1)
    assert "本机找不到文件" in missing.toolTip() and refs[1] in missing.toolTip()
    assert missing.text() == "卧室"  # still listed with its caption: nothing is lost
    assert not field.widget.missing_note.isHidden() and "1 个照片文件不在本机" in field.widget.missing_note.text()
    assert field.value() == refs and not editor.is_dirty()


def test_add_a_real_photo_and_refuse_a_file_that_is_not_one(open_editor, qtbot, tmp_path, detail):
    editor = open_editor("LKV")
    field = editor.field("photos")
    before = field.value()
    good = real_png(tmp_path / "terrace.png", "#d08040")
    bad = tmp_path / "notes.txt"
    bad.write_text("check-in at 2pm")
    field.widget.add_files([str(good), str(bad)])
    qtbot.waitUntil(lambda: len(field.value()) == len(before) + 1 and bool(field.widget.message.text()), timeout=5000)
    assert "notes.txt 不是 JPEG、PNG 或 WebP 图片" in field.widget.message.text()
    new_ref = field.value()[-1]
    assert new_ref.startswith("photos/ERHAI/LKV/") and (data_dir() / new_ref).read_bytes() == good.read_bytes()
    assert editor.is_dirty()
    field.widget.list.item(len(before)).setText("露台的黄昏")  # the caption, typed in place
    field.widget.list.setCurrentRow(len(before))
    field.widget.cover_button.click()
    assert field.value()[0] == new_ref
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
    stored = detail("LKV")
    assert stored.attributes["photos"] == [new_ref, *before]
    assert stored.photo_captions[new_ref] == "露台的黄昏"


def test_removing_below_the_minimum_saves_and_only_lowers_completeness(open_editor, detail, qtbot):
    editor = open_editor("LKV")
    field = editor.field("photos")
    field.widget.list.setCurrentRow(0)
    field.widget.remove_button.click()
    editor.save()
    assert editor.form.message("photos").text() == ""
    qtbot.waitUntil(lambda: len(detail("LKV").attributes["photos"]) == 2, timeout=3000)
