"""gunicorn settings for the clinic site: `gunicorn -c gunicorn.conf.py clinic_site.wsgi`.

Environment: WEB_CONCURRENCY (workers; default 2 per core plus 1), GUNICORN_TIMEOUT (seconds a
request may take before its worker is replaced; default 30), and BIND / HOST / PORT.
"""

import json
import multiprocessing
import os

bind = os.environ.get("BIND") or f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
# A hung request is ended and its worker replaced after this; the others keep serving.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM (deploys, scale-down) workers finish the requests they have for up to this long.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = 5
# Replace each worker after a few thousand requests (staggered), so no slow leak can grow for ever.
max_requests = 5000
max_requests_jitter = 500
# Load the app once in the arbiter: workers start quickly, and an import error stops the start at once.
preload_app = True
# No runtime control socket: its default path is one per user, which several servers on one machine would share.
control_socket_disable = True
# Behind a load balancer: trust its X-Forwarded-Proto/-For (FORWARDED_ALLOW_IPS=its address, or "*").
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs: JSON lines on stdout. The access log names the path only (%(U)s): query strings may carry
# personal data, and neither the client's address nor its user agent is written (nor in the error log).
accesslog = "-"
errorlog = "-"
access_log_format = json.dumps(
    {
        "time": "%(t)s",
        "logger": "gunicorn.access",
        "method": "%(m)s",
        "path": "%(U)s",
        "status": "%(s)s",
        "bytes": "%(B)s",
        "duration_ms": "%(M)s",
    }
)
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "serving.logging.JsonFormatter"},
        "raw": {"format": "%(message)s"},
    },
    "filters": {"without_client_address": {"()": "serving.logging.WithoutClientAddress"}},
    "handlers": {
        "error": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["without_client_address"],
            "stream": "ext://sys.stdout",
        },
        "access": {"class": "logging.StreamHandler", "formatter": "raw", "stream": "ext://sys.stdout"},
    },
    "root": {"handlers": ["error"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["error"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}
