"""Results that last: session records written turn by turn (and, later, reports and xAPI)."""
