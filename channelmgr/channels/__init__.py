"""Channel adapters: how ARI goes out to OTAs and reservations come back.

OpenTravel 2015B, split by job:
  opentravel_messages     ranges → OTA_HotelInvCountNotifRQ / OTA_HotelAvailNotifRQ / OTA_HotelRateAmountNotifRQ
  opentravel_responses    …RS → Success / Warnings / Errors, mapped back to the ranges they concern
  opentravel_client       POST over HTTP Basic, outcome = ok / partial / rejected / retryable / fatal
  opentravel_reservations OTA_ReadRQ, OTA_ResRetrieveRS → plain dicts, OTA_NotifReportRQ
  xml_safety              the only way untrusted XML is parsed (no DTDs, no entities, no network)
  retry, throttle         backoff honouring Retry-After; a per-channel token bucket
  sandbox/                a local strict OTA over real HTTP, for tests, demos and benchmarks
Cells, ranges and request packing live in ``channelmgr.sync.ranges``.
"""
