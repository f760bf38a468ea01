"""A Redis that hangs costs a page one short timeout, then nothing for a while.

After a failure (a timeout, a refused or dropped connection), this process stops talking to that
Redis server for CACHE_RETRY_SECONDS: every cache operation fails at once, which the cache backend
(IGNORE_EXCEPTIONS) reads as a miss, so pages are rendered and the form's rate limit lets requests
through, as when Redis is down. The next operation after that tries again.
"""

import logging
import time

from django.conf import settings
from redis.connection import Connection, ConnectionPool
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)
# (host, port) -> when this process may try that server again (time.monotonic()).
_open_until = {}


def close_all():
    """Forget every failure, e.g. between tests."""
    _open_until.clear()


class CircuitBreakerConnection(Connection):
    def connect(self):
        self._refuse_while_open()
        return self._watch(super().connect)

    def send_packed_command(self, command, check_health=True):
        self._refuse_while_open()
        return self._watch(super().send_packed_command, command, check_health)

    def read_response(self, *args, **kwargs):
        return self._watch(super().read_response, *args, **kwargs)

    def _refuse_while_open(self):
        if _open_until.get((self.host, self.port), 0) > time.monotonic():
            raise RedisConnectionError("Not trying the cache again yet after its last failure.")

    def _watch(self, operation, *args):
        try:
            return operation(*args)
        except FAILURES:
            if _open_until.get((self.host, self.port), 0) <= time.monotonic():
                logger.warning(
                    "The shared cache at %s:%s failed to answer; pages are rendered without it for %s s",
                    self.host,
                    self.port,
                    settings.CACHE_RETRY_SECONDS,
                )
            _open_until[(self.host, self.port)] = time.monotonic() + settings.CACHE_RETRY_SECONDS
            self.disconnect()
            raise


class CircuitBreakerConnectionPool(ConnectionPool):
    """django-redis's pool (OPTIONS["CONNECTION_POOL_CLASS"]) for redis:// addresses, with the breaker."""

    @classmethod
    def from_url(cls, url, **kwargs):
        return super().from_url(url, connection_class=CircuitBreakerConnection, **kwargs)
