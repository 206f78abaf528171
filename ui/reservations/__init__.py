"""The Reservations page's parts: bookings with filters and details, overbooking board, needs attention."""
