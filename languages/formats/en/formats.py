# Dates as the site writes them in English: "12 November 2026", "9:00 AM".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, g:i A"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "g:i A"
