"""The room-type editor and its parts: fields generated from the catalog, photos, completeness, rooms."""
