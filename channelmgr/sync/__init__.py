"""Channel sync: reconcile what each channel should show with what it confirmed — never replay edits.

Module map, in the order a pass uses them:
  channel_settings  a channel's limits, capabilities, markup, buffer, stop-sell (Channel.settings JSON)
  channels          ChannelService: add / set / remove / map channels; passwords only via the Vault
  mappings          local room type / rate plan → remote codes; unmapped items become warnings
  price_source      THE seam for a channel's nightly price (calendar price → channel markup today)
  desired           what a channel should show, per remote key and night, over its horizon
  acked             what the channel confirmed (AckedState rows), written only from its replies
  difference        desired − acknowledged → coalesced ranges → the fewest requests
  engine            one pass of one channel: compute, send with retry and pacing, acknowledge, log
  refusals          cells a channel refused, held back from automatic passes until something changes
  sync_log          one SyncLog row per request; reading, filtering, CSV export
  report            PassReport: what a pass or dry run found and did
  lanes             one serial worker per channel, so a slow channel never blocks another
  scheduler         passes ~1 s after an edit (debounced) and periodically; a thread and an Event
  status            the latest state per channel, with listeners (the UI adapts them to Qt signals)
  service           SyncService (Services.sync): push, dry run, full resync, scheduler, log
  drift             the drift audit's compare: desired vs what the channel shows, per night and field
  drift_audit       one channel's audit: read back through its adapter, compare, keep the run in the log
  drift_actions     push again (forget those acknowledgements) · accept theirs (through the calendar)
  drift_service     Services.sync.drift: audits on the lanes and on schedule, the actions, last runs
  demo_channels     the demo homestay's channels and the sandbox listings they push to
  ranges            cells, ranges, coalescing and packing (shared with channelmgr.channels)
"""
