"""Logs are JSON lines, and carry neither the request's personal data nor its query string."""

import json
import logging
import socket

from django.test import RequestFactory

from serving.logging import JsonFormatter

from .servers import Server


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


def test_gunicorn_refuses_a_malformed_request_without_logging_the_clients_address(tmp_path):
    """The README promises no addresses in the logs; gunicorn's error log names the client of a bad request."""
    server = Server(tmp_path / "server.log", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}").wait_until_ready()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as connection:
            connection.sendall(b"NOT A REQUEST\r\n\r\n")
            assert connection.recv(1024).startswith(b"HTTP/1.1 400")
    finally:
        server.stop()
    refused = [line for line in (tmp_path / "server.log").read_text().splitlines() if "Invalid request" in line]
    assert refused, "gunicorn logged no refused request"
    assert all("127.0.0.1" not in line for line in refused)
