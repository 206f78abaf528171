"""The desktop face of channel sync: the Qt adapter to the core scheduler, the status-bar
indicator, the dry-run preview, the sync log view. The Channels page (ui/pages/channels.py)
assembles them; the sync engine itself lives in channelmgr.sync and knows nothing of Qt."""
