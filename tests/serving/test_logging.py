"""Logs are JSON lines, and carry neither the request's personal data nor its query string."""

import json
import logging

from django.test import RequestFactory

from serving.logging import JsonFormatter


def test_each_record_is_one_json_line_with_level_logger_and_message():
    record = logging.makeLogRecord(
        {"name": "consultations", "levelname": "WARNING", "msg": "Rate limit %s", "args": ("hit",)}
    )
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING" and entry["logger"] == "consultations" and entry["message"] == "Rate limit hit"
    assert entry["time"].endswith("+00:00")


def test_the_request_attached_to_django_errors_is_not_written():
    request = RequestFactory().post("/request-consultation/?email=jose@example.com", {"full_name": "José García"})
    record = logging.makeLogRecord(
        {"name": "django.request", "msg": "Internal Server Error: %s", "args": (request.path,), "request": request}
    )
    record.status_code = 500
    line = JsonFormatter().format(record)
    assert json.loads(line)["status_code"] == 500
    assert "jose@example.com" not in line and "García" not in line and "Garc" not in line


def test_tracebacks_are_kept_for_debugging():
    try:
        raise ValueError("broken")
    except ValueError:
        import sys

        record = logging.makeLogRecord({"msg": "failed", "exc_info": sys.exc_info()})
    assert "ValueError: broken" in json.loads(JsonFormatter().format(record))["exception"]
