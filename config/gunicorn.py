"""Gunicorn settings for production and `make serve`:

    gunicorn -c config/gunicorn.py config.wsgi:application

Every value may be overridden on the command line or with the environment
variables below (README.md, Deployment).

- ``BIND`` (default ``127.0.0.1:$PORT``, ``PORT`` 8000): behind a reverse proxy on the
  same machine, loopback is enough; another machine's proxy needs ``0.0.0.0:8000``.
- ``WEB_CONCURRENCY`` worker processes (default: 2 per core, at most 8) and
  ``GUNICORN_THREADS`` threads each (default 4): a page render waits on the database
  for part of its time, so threads keep a core busy; processes use every core.
- ``GUNICORN_TIMEOUT`` seconds a request may take before the worker is restarted (30).

The master loads simplemma's lemma tables once before forking (``on_starting``), and
each worker loads Voikko, the URL resolver and templates when it starts
(``post_worker_init`` → ``config.warmup.warm_up``), before it takes requests: the
first search in a worker is as fast as the tenth.
"""

import os

_cores = os.cpu_count() or 1

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * _cores, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests (with jitter, so not all at once):
# a slow leak in a library never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 5000))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# The client address and scheme come from the reverse proxy on loopback.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "kumppanuus"


def on_starting(server):
    # Once, in the master: every worker forked from it shares the lemma tables.
    from config.warmup import load_lemma_tables

    load_lemma_tables()


def post_worker_init(worker):
    from config.warmup import warm_up

    warm_up()
