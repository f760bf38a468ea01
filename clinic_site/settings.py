"""Settings for the clinic site.

Every deployment value comes from the environment (or a git-ignored `.env` file
beside manage.py). The defaults are the embedded set-up: SQLite under `var/`.
"""

from pathlib import Path

import environ
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(env.str("DJANGO_ENV_FILE", default=str(BASE_DIR / ".env")))

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it in the environment or in .env "
            "(`make run` writes a random one there), or set DJANGO_DEBUG=true for "
            "local development."
        )
    SECRET_KEY = "insecure-development-only-key"  # noqa: S105 - only ever used with DEBUG on

# The site's public address, for links in emails (no trailing slash).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

# Where staff sign in, without leading slash: "admin/" unless ADMIN_URL says otherwise.
ADMIN_URL = env("ADMIN_URL", default="admin/").strip("/") + "/"

# Django's and libraries' apps are installed through staff/apps.py, which gives them the names staff use.
INSTALLED_APPS = [
    "staff.apps.ClinicAdminConfig",
    "staff.apps.StaffAccountsConfig",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "staff.apps.SiteAddressConfig",
    "staff.apps.SimplePagesConfig",
    "django.contrib.sitemaps",
    "staff.apps.MovedPagesConfig",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_prose_editor",
    "reversion",
    "reversion_compare",
    "django_otp",
    "staff.apps.AuthenticatorAppsConfig",
    "staff.apps.RecoveryCodesConfig",
    "staff.apps.SignInAttemptsConfig",
    "csp",
    "publishing",
    "images",
    "practice",
    "review",
    "treatments",
    "faq",
    "pages",
    "consultations",
    "notices",
    "visits",
    "claims",
    "launch",
    "seo",
    "search",
    "serving",
    "languages",
    "translations",
    "staff",
]

MIDDLEWARE = [
    # Anonymous visitors' pages come from the shared cache (clinic_site.wsgi answers them before
    # Django runs), stored with every header the middleware below adds.
    "serving.middleware.PageCacheMiddleware",
    "serving.middleware.ProxyClientAddressMiddleware",
    # Everything below answers in the address's language (/es/... Spanish), never the browser's.
    "languages.middleware.LanguageFromAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "serving.middleware.SecurityHeadersMiddleware",
    "serving.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "serving.middleware.FormCharsetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "axes.middleware.AxesMiddleware",
    # A page whose address staff changed: its old address answers 301 (seo.signals keeps the list),
    # in every language.
    "languages.middleware.RedirectInEveryLanguageMiddleware",
]

ROOT_URLCONF = "clinic_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "practice.context_processors.clinic",
                "notices.context_processors.notices",
                "pages.context_processors.footer_pages",
            ],
        },
    },
]

WSGI_APPLICATION = "clinic_site.wsgi.application"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that hangs must give the outage page in seconds, not hold a worker until gunicorn's
    # timeout: a connection is given up after DATABASE_CONNECT_TIMEOUT seconds (the start-up
    # handshake included), a query after DATABASE_STATEMENT_TIMEOUT (0: none, e.g. for a long
    # migration), and a silent peer is noticed by TCP keepalives within ~10 s.
    statement_timeout = int(env.float("DATABASE_STATEMENT_TIMEOUT", default=5) * 1000)
    for name, value in {
        "connect_timeout": env.int("DATABASE_CONNECT_TIMEOUT", default=3),
        "options": f"-c statement_timeout={statement_timeout}",
        "keepalives": 1,
        "keepalives_idle": 5,
        "keepalives_interval": 2,
        "keepalives_count": 3,
        "tcp_user_timeout": 10000,
    }.items():
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault(name, value)

# The shared cache: Redis ("redis://127.0.0.1:6379/1") when several app servers share it; by default
# files under var/cache, shared by every worker on this machine. Never per-process memory: pages and
# the content version must be the same for every worker.
CACHES = {"default": env.cache_url("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}
# Redis down or hung must cost a page little, never break it: errors read as cache misses, an answer
# is awaited CACHE_TIMEOUT seconds at most (a render takes ~10 ms), and after a failure this process
# leaves Redis alone for CACHE_RETRY_SECONDS (serving.cache_circuit logs that, once).
CACHE_TIMEOUT = env.float("CACHE_TIMEOUT", default=0.05)
CACHE_RETRY_SECONDS = env.float("CACHE_RETRY_SECONDS", default=10)
REDIS_CACHE_OPTIONS = {
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": CACHE_TIMEOUT,
    "SOCKET_TIMEOUT": CACHE_TIMEOUT,
    "CONNECTION_POOL_CLASS": "serving.cache_circuit.CircuitBreakerConnectionPool",
}
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    CACHES["default"].setdefault("OPTIONS", {}).update(REDIS_CACHE_OPTIONS)
CACHES["default"].setdefault("KEY_PREFIX", "clinic")

# Anonymous visitors' pages are kept this many seconds at most (every content change replaces them at once).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60 * 60)
# Edge caches (Varnish) in front of the app servers, told to drop every page whenever content changes, e.g.
# "http://10.0.0.5:6081,http://10.0.0.6:6081". Shared caches may keep pages for EDGE_CACHE_SECONDS
# (never longer than the page cache does); by default only when there are edge caches to tell.
EDGE_CACHE_URLS = env.list("EDGE_CACHE_URLS", default=[])
if any(not url.startswith(("http://", "https://")) for url in EDGE_CACHE_URLS):
    raise ImproperlyConfigured("EDGE_CACHE_URLS must be http:// or https:// addresses, comma-separated.")
EDGE_CACHE_SECONDS = env.int("EDGE_CACHE_SECONDS", default=PAGE_CACHE_SECONDS if EDGE_CACHE_URLS else 0)
# The clinic's phone, kept for the outage page when the database cannot be reached.
OUTAGE_CONTACT_FILE = Path(env("OUTAGE_CONTACT_FILE", default=str(VAR_DIR / "outage-contact.json")))


AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The languages of the public site: English at today's addresses, each other one under its code
# (/es/...). A language is switched on here, with its translations in locale/ (README: Languages).
LANGUAGE_CODE = "en"
# Languages read in the South Bay that Django has no entry for (Django's recipe for a language it
# does not ship): switched on like any other, with their translations in locale/.
for code, name, name_local in [("tl", "Tagalog", "Tagalog")]:
    LANG_INFO.setdefault(code, {"bidi": False, "code": code, "name": name, "name_local": name_local})
SITE_LANGUAGES = env.list("SITE_LANGUAGES", default=["en", "es"])
if not SITE_LANGUAGES or SITE_LANGUAGES[0] != LANGUAGE_CODE:
    raise ImproperlyConfigured(f"SITE_LANGUAGES must start with {LANGUAGE_CODE!r}, the site's default language.")
if unknown := [code for code in SITE_LANGUAGES if "name" not in LANG_INFO.get(code, {})]:
    raise ImproperlyConfigured(f"SITE_LANGUAGES: Django does not know the language codes {', '.join(unknown)}.")
LANGUAGES = [(code, LANG_INFO[code]["name"]) for code in SITE_LANGUAGES]
LOCALE_PATHS = [BASE_DIR / "locale"]
# How each language writes dates ("12 November 2026", "12 de noviembre de 2026"); Django's own otherwise.
FORMAT_MODULE_PATH = ["languages.formats"]
TIME_ZONE = "America/Los_Angeles"
USE_I18N = True
USE_TZ = True

SITE_ID = 1

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# The rich-text editor's own extension: its typing area is named by the field's label (it adds no HTML).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {"js": [static_lazy("staff/prose-editor-label.js")], "extensions": {"FieldLabel": html_tags([])}},
]
# Files staff upload (patient documents, pictures), served by the app from their own addresses.
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "media/"
# Uploaded pictures (images/): each is made, once when uploaded, into AVIF and JPEG renditions 160 to
# 1280 pixels wide (django-pictures), while staff wait, so no task queue is needed.
PICTURES = {
    "FILE_TYPES": ["AVIF", "JPEG"],
    "PIXEL_DENSITIES": [1, 2],
    "USE_PLACEHOLDERS": False,
    "PROCESSOR": "images.processing.make_renditions_now",
    "PICTURE_CLASS": "images.processing.Rendition",
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# With several app servers, uploaded files go to one S3-compatible bucket they share, still served by
# the app at MEDIA_URL (README: Deploying, "Shared storage"). The key comes from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, or the server's role, as boto3 finds it.
if MEDIA_BUCKET := env("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {
        "BACKEND": "serving.storage.SharedStorage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "location": env("AWS_LOCATION", default=""),
        },
    }

# Email: "smtp+tls://user:password@host:587" in production; printed to the console by default.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="BioHealth website <noreply@localhost>")

# Consultation requests that are closed or spam are deleted this many days after their last status change.
CONSULTATION_RETENTION_DAYS = env.int("CONSULTATION_RETENTION_DAYS", default=365)
# Review links for reviewers without a staff account stop working after this many days.
PREVIEW_LINK_DAYS = env.int("PREVIEW_LINK_DAYS", default=14)
# How many requests one client may send in an hour.
CONSULTATION_RATE_LIMIT = env.int("CONSULTATION_RATE_LIMIT", default=5)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security. Production (HTTPS) switches come from the environment; the defaults serve plain
# http://127.0.0.1:8000 for `make run`. See README.md, "Deploying".
HTTPS = env.bool("DJANGO_HTTPS", default=False)
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=HTTPS)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers check over plain HTTP
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=HTTPS)
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
if env("DJANGO_SECURE_PROXY_SSL_HEADER", default=""):
    # Only behind a proxy that sets this header itself, e.g. "HTTP_X_FORWARDED_PROTO=https".
    SECURE_PROXY_SSL_HEADER = tuple(env("DJANGO_SECURE_PROXY_SSL_HEADER").split("=", 1))
# How many proxies (load balancers) sit in front of the app servers and append to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# The consultation form's CSRF cookie goes when the browser closes (the privacy notice says so).
CSRF_COOKIE_AGE = None
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), interest-cohort=(), browsing-topics=()"

# No inline script or style on any page; the admin's extra needs are added on its paths only
# (serving.middleware.ContentSecurityPolicyMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "img-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
    },
}

# Staff sign-in: only staff have sessions, and each request renews them, so this is the idle time
# after which staff must sign in again.
SESSION_COOKIE_AGE = env.int("STAFF_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# A one-time code from an authenticator app is needed after the password (see staff/sites.py).
ADMIN_REQUIRE_2FA = env.bool("ADMIN_REQUIRE_2FA", default=not DEBUG)
OTP_TOTP_ISSUER = "BioHealth website"
# Sign-in lockout: this many failures for one username, or from one address, lock it for AXES_COOLOFF_HOURS.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "staff.lockout.locked_out"
AXES_VERBOSE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "serving.logging.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}
