"""Response headers that every answer carries, set in one place.

The policy starts from nothing allowed and opens only what the guide uses, all of it from
its own origin: no inline script or style, no third parties, no framing.
"""
from __future__ import annotations

CSP = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
))

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def init_app(app) -> None:
    @app.after_request
    def secure(response):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response
