# Dates in Spanish: "12 de noviembre de 2026"; times on the 12-hour clock patients here use, "9:00 a. m.".
DATE_FORMAT = r"j \d\e F \d\e Y"
DATETIME_FORMAT = r"j \d\e F \d\e Y, g:i a"
YEAR_MONTH_FORMAT = r"F \d\e Y"
MONTH_DAY_FORMAT = r"j \d\e F"
TIME_FORMAT = "g:i a"
