"""iCal (RFC 5545) feeds: the availability calendars Airbnb, Booking.com, Vrbo and Tujia exchange
for single-unit listings. ``export`` writes one feed per room type or room."""
