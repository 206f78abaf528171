"""Photos: real image files copied into the data folder, bad files refused by name, missing files reported."""

import pytest

from channelmgr.config import data_dir
from channelmgr.roomtypes import PhotoRejected, RoomTypeError, ValidationFailed
from channelmgr.roomtypes import image_files


def test_import_real_pngs_copies_them_and_lists_them_in_order(services, room_type, actor, png_file):
    cqn = room_type("CQN")
    files = [png_file(f"{name}.png", shade) for name, shade in (("cover", 10), ("bed", 90), ("bath", 200))]
    photos = services.photos.add(actor, cqn.id, files)
    assert [p.position for p in photos] == [0, 1, 2]
    assert photos[0].is_cover and not photos[1].is_cover
    for photo, source in zip(photos, files):
        assert photo.ref.startswith("photos/ERHAI/CQN/") and photo.ref.endswith(".png")
        assert (data_dir() / photo.ref).read_bytes() == source.read_bytes()
        assert not photo.missing
    assert room_type("CQN").attributes["photos"] == [p.ref for p in photos]
    fliggy = next(s for s in room_type("CQN").scores if s.channel == "fliggy")
    assert "photos" not in fliggy.missing_required


def test_importing_the_same_picture_twice_keeps_one_file(services, pid, png_file):
    first = services.photos.import_file(pid, "CQN", png_file("a.png", 5))
    again = services.photos.import_file(pid, "CQN", png_file("copy-of-a.png", 5))
    assert first == again


def test_a_file_that_is_not_an_image_is_refused_by_name_and_nothing_is_added(services, room_type, actor,
                                                                             png_file, tmp_path):
    cqn = room_type("CQN")
    corrupt = tmp_path / "menu.jpg"
    corrupt.write_text("this is a restaurant menu, not a photo")
    with pytest.raises(PhotoRejected) as refused:
        services.photos.add(actor, cqn.id, [png_file("a.png", 1), png_file("b.png", 2), corrupt])
    assert "menu.jpg is not a JPEG, PNG or WebP image" in str(refused.value)
    assert "menu.jpg 不是" in refused.value.message("zh")
    assert "photos" not in room_type("CQN").attributes


def test_a_phone_heic_gets_a_hint(tmp_path):
    heic = tmp_path / "IMG_0001.jpg"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64)
    with pytest.raises(PhotoRejected, match="IMG_0001.jpg .*HEIC.*export it as JPEG"):
        image_files.read_photo(heic)


def test_a_png_cut_off_before_its_header_is_refused(tmp_path):
    cut = tmp_path / "cut.png"
    cut.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(PhotoRejected, match="cut.png is not"):
        image_files.read_photo(cut)


def test_too_large_and_empty_files(tmp_path, png_file, monkeypatch):
    monkeypatch.setattr(image_files, "MAX_PHOTO_BYTES", 100)
    big = png_file("big.png")
    big.write_bytes(big.read_bytes() + b"\x00" * 200)
    with pytest.raises(PhotoRejected, match="big.png is 0.0 MB; photos may be at most 0 MB"):
        image_files.read_photo(big)
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    with pytest.raises(PhotoRejected, match="empty.jpg is empty"):
        image_files.read_photo(empty)
    with pytest.raises(PhotoRejected, match="nope.jpg: no such file"):
        image_files.read_photo(tmp_path / "nope.jpg")


@pytest.mark.parametrize("head, fmt", [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "png"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "webp"),
    (b"GIF89a", None),
])
def test_formats_by_magic_bytes(head, fmt):
    assert image_files.sniff_image_format(head) == fmt


def test_a_photo_whose_file_is_gone_is_reported_missing_not_an_error(services, room_type, actor):
    lkv = room_type("LKV")
    photos = services.photos.photos(lkv.id)
    assert photos and not any(p.missing for p in photos)  # the demo wrote its pictures
    (data_dir() / photos[1].ref).unlink()
    again = services.photos.photos(lkv.id)
    assert [p.missing for p in again] == [False, True] + [False] * (len(again) - 2)
    assert again[1].caption == photos[1].caption  # still listed, still editable
    services.photos.set_caption(actor, lkv.id, photos[1].ref, "卧室（待补拍）")


def test_cover_order_caption_and_remove(services, room_type, actor):
    lkv = room_type("LKV")
    refs = [p.ref for p in services.photos.photos(lkv.id)]
    photos = services.photos.set_cover(actor, lkv.id, refs[2])
    assert [p.ref for p in photos] == [refs[2], refs[0], refs[1]] and photos[0].is_cover
    photos = services.photos.move(actor, lkv.id, refs[2], 99)
    assert [p.ref for p in photos] == [refs[0], refs[1], refs[2]]
    photos = services.photos.set_caption(actor, lkv.id, refs[0], "  清晨的洱海  ")
    assert photos[0].caption == "清晨的洱海"
    with pytest.raises(ValidationFailed, match="caption of .* at most 100"):
        services.photos.set_caption(actor, lkv.id, refs[0], "长" * 101)
    # Fewer than the catalog's three is allowed (owners add photos one by one); it only lowers
    # the listing's completeness.
    photos = services.photos.remove(actor, lkv.id, refs[1])
    assert [p.ref for p in photos] == [refs[0], refs[2]]
    with pytest.raises(RoomTypeError, match="not in this room type"):
        services.photos.remove(actor, lkv.id, "photos/elsewhere.jpg")


def test_removing_a_photo_drops_its_caption(services, room_type, actor, png_file):
    lkv = room_type("LKV")
    services.photos.add(actor, lkv.id, [png_file("extra.png", 33)])
    extra = services.photos.photos(lkv.id)[-1]
    services.photos.set_caption(actor, lkv.id, extra.ref, "多余的")
    services.photos.remove(actor, lkv.id, extra.ref)
    assert extra.ref not in room_type("LKV").photo_captions
