# Varnish 7 in front of the clinic's app servers (README.md, "An edge cache in front").
#
# It keeps only what the app marks for shared caches (`s-maxage`, or whitenoise's `public` static
# files), for as long as the app says, and drops every page at once when the app sends
# `PURGE` with `xkey-purge: <key>` (EDGE_CACHE_URLS) after a content change.
vcl 4.1;

import std;
import xkey;

# One app server; for several, one backend each and a round-robin director (README.md).
backend app {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;  # GUNICORN_TIMEOUT plus a margin
    .between_bytes_timeout = 10s;
}

# The same server, probed on /healthz: only to decide whether stale pages may be served. It is not
# the backend that requests go to, so an unhealthy check (the database or Redis down) still lets
# the app answer what is not cached: its outage page, the admin, the form.
backend app_health {
    .host = "127.0.0.1";
    .port = "8000";
    .probe = {
        .url = "/healthz";
        .interval = 1s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Who may purge: the app servers.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = app;

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "xkey-purge header missing"));
        }
        return (synth(200, "Purged " + xkey.purge(req.http.xkey-purge) + " objects"));
    }

    # Pages that expired are served stale (grace) only while the app servers fail their health check.
    if (std.healthy(app_health)) {
        set req.grace = 0s;
    }

    if ((req.method != "GET" && req.method != "HEAD") || req.http.Authorization) {
        return (pass);
    }

    # Campaign and click tags change nothing on the page: one stored copy for every link.
    if (req.url ~ "[?&](utm_[a-z_]+|gclid|gbraid|wbraid|dclid|fbclid|msclkid|twclid|li_fat_id|mc_cid|mc_eid|_ga|_gl|yclid|igshid|srsltid)=") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z_]+|gclid|gbraid|wbraid|dclid|fbclid|msclkid|twclid|li_fat_id|mc_cid|mc_eid|_ga|_gl|yclid|igshid|srsltid)=[^&]*(&|$)", "");
        set req.url = regsub(req.url, "[?&]$", "");
    }

    # Signed-in staff (session), a form in progress (CSRF) and flash messages go to the app.
    # Any other cookie (a stray analytics one) would only split the cache: dropped.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    unset req.http.Cookie;

    # One stored copy of a page, gzipped (Varnish's http_gzip_support, on by default, gunzips it for
    # the rare client without gzip). Not brotli: Varnish leaves Accept-Encoding out of Vary, so a
    # brotli copy would reach clients that cannot read it.
    if (req.http.Accept-Encoding ~ "(?i)\bgzip\b(?!\s*;\s*q=0(\.0*)?\b)") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    return (hash);
}

sub vcl_hash {
    # As in the app's own page cache, a stored page depends on its path and a list's page number, never
    # on other parameters: a loop of made-up query strings gets the one stored copy, so it can neither
    # flood this cache nor reach the app. (Search, which reads `q`, is never stored: each search still
    # goes to the app.)
    hash_data(regsub(req.url, "\?.*$", ""));
    hash_data(regsub(req.url, "^[^?]*(\?(.*&)?page=([^&]*))?.*$", "\3"));
    if (req.http.Host) {
        hash_data(req.http.Host);
    } else {
        hash_data(server.ip);
    }
    # http:// and https:// are different pages to the app (one redirects), as in its own page cache.
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_backend_response {
    # Only what the app says a shared cache may keep; nothing by Varnish's default TTL.
    if (beresp.http.Cache-Control !~ "(?i)(s-maxage=[1-9]|public)" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        call strip_s_maxage;
        return (deliver);
    }
    # How long a page may be served while the app servers are down.
    set beresp.grace = 24h;
    if (!beresp.http.Content-Encoding && beresp.http.Content-Type ~ "^(text/|application/(xml|json|ld\+json))") {
        set beresp.do_gzip = true;
    }
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        unset beresp.http.Surrogate-Key;
    }
    call strip_s_maxage;
    return (deliver);
}

# Browsers revalidate with the ETag (max-age=0); s-maxage was for this cache, which gets the purges
# (its TTL is already set from it). Rewritten once per fetch, as stored, not on every delivery.
sub strip_s_maxage {
    if (beresp.http.Cache-Control ~ "s-maxage") {
        set beresp.http.Cache-Control = regsub(beresp.http.Cache-Control, "\s*,?\s*s-maxage=\d+", "");
        set beresp.http.Cache-Control = regsub(beresp.http.Cache-Control, "^\s*,\s*", "");
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    unset resp.http.Via;
}

sub vcl_synth {
    if (req.method == "PURGE") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}
