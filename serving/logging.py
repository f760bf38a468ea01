import datetime
import json
import logging
import re

# Attributes every LogRecord has; anything else was passed in `extra` and is kept.
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors.

    Only the message, its context and the traceback are written; the request object that
    django.request attaches (with its cookies, body and query string) never is.
    """

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in record.__dict__.items():
            if name not in _STANDARD and name != "request" and isinstance(value, str | int | float | bool):
                entry[name] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class WithoutClientAddress(logging.Filter):
    """gunicorn names the client's address when it refuses a malformed request ("Invalid request from ip=...")."""

    address = re.compile(r" from ip=\S*?(?=: )")

    def filter(self, record):
        if isinstance(record.msg, str) and "ip=" in record.msg:
            record.msg = self.address.sub("", record.msg)
        return True
