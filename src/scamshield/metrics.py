"""Prometheus metrics, one registry per app instance (tests build many apps in one process)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class Metrics:
    def __init__(self) -> None:
        r = self.registry = CollectorRegistry()
        self.http_requests = Counter("scamshield_http_requests_total", "HTTP requests", ["method", "route", "status"], registry=r)
        self.http_latency = Histogram("scamshield_http_request_duration_seconds", "HTTP request latency", ["route"],
                                      buckets=LATENCY_BUCKETS, registry=r)
        self.verdicts = Counter("scamshield_verdicts_total", "Analyses by kind and risk level", ["kind", "risk_level"], registry=r)
        self.ws_connections = Gauge("scamshield_ws_connections", "Open WebSocket connections on this instance", registry=r)
        self.alerts = Counter("scamshield_alerts_total", "Alerts created", ["fraud_type"], registry=r)
        self.alert_delivery = Histogram("scamshield_alert_delivery_seconds", "Alert creation to socket send",
                                        buckets=LATENCY_BUCKETS, registry=r)
        self.held_alerts = Gauge("scamshield_held_alerts", "Alerts held for calls nobody owns yet", registry=r)
        self.webhook_rejections = Counter("scamshield_webhook_rejections_total", "Rejected webhooks", ["reason"], registry=r)
        self.rate_limited = Counter("scamshield_rate_limited_total", "Requests refused by rate limits", ["scope"], registry=r)

    def render(self) -> bytes:
        return generate_latest(self.registry)
