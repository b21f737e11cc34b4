"""Measure search relevance on a judged set, beside stock Wagtail search.

The passages are loaded as ``news.NewsArticlePage`` pages into a throwaway
database that this command creates (Django's test-database machinery: a new
``<name>_search_eval_<pid>`` PostgreSQL database, or an in-memory SQLite one)
and drops at the end: the real database is never touched. Pages are published
normally, so they are indexed by the production pipeline (the publish signal),
and every query goes through ``search_pages``, the public search's code path.
The last line printed is the project's nDCG@10.
"""

import datetime
import os

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from modelsearch.backends.database import SearchBackend as stock_backend
from wagtail.models import Locale, Page

from news.models import NewsArticlePage, NewsIndexPage
from search.analysis import analyzer_for
from search.evaluation import evaluate, load_passages, load_queries, ndcg_at
from search.query import search_pages

RANK_DEPTH = 100


class Command(BaseCommand):
    help = "Relevance (recall@10, MRR, nDCG@10) of the site search and of stock Wagtail search."

    def add_arguments(self, parser):
        parser.add_argument("--passages", required=True, help="passages.jsonl")
        parser.add_argument("--queries", required=True, help="queries TSV: id, query, relevant")
        parser.add_argument("--no-stock", action="store_true", help="Skip stock Wagtail search.")
        parser.add_argument(
            "--migrate",
            action="store_true",
            help="Build the throwaway database with the migrations (slower) instead of "
            "creating the tables straight from the models.",
        )
        parser.add_argument("--verbose-queries", action="store_true", help="Per-query figures.")

    def handle(self, *args, **options):
        try:
            passages = load_passages(options["passages"])
            queries = load_queries(options["queries"])
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"Cannot read the relevance set: {exc}") from exc
        if not passages or not queries:
            raise CommandError("The relevance set has no passages or no queries.")

        old_name = connection.settings_dict["NAME"]
        test_settings = connection.settings_dict.setdefault("TEST", {})
        if connection.vendor != "sqlite":
            test_settings["NAME"] = f"{old_name}_search_eval_{os.getpid()}"[:63]
        # SQLite's stock full-text table is made by a migration, so stock figures
        # on SQLite need the migrations; otherwise tables come from the models.
        needs_migrations = connection.vendor == "sqlite" and not options["no_stock"]
        test_settings["MIGRATE"] = bool(options["migrate"] or needs_migrations)
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            self.run_eval(passages, queries, options)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)

    def run_eval(self, passages, queries, options):
        index, ids = self.load(passages)
        ours = self.rank_ours(queries, index, ids)
        scores = evaluate(queries, ours)
        if options["verbose_queries"]:
            self.per_query(queries, ours)
        lines = []
        if not options["no_stock"]:
            lines.append(
                self.stock(queries, index, ids, None, "stock Wagtail search, default config")
            )
            if connection.vendor == "postgresql":
                lines.append(
                    self.stock(
                        queries, index, ids, "finnish", 'stock Wagtail, SEARCH_CONFIG="finnish"'
                    )
                )
            else:
                lines.append('stock Wagtail, SEARCH_CONFIG="finnish": n/a (PostgreSQL only)')
        self.stdout.write(
            f"{len(passages)} passages, {len(queries)} queries; database: {connection.vendor}; "
            f"Finnish analysis: {analyzer_for('fi').description}"
        )
        label = "Kumppanuus search"
        self.stdout.write(scores.line(label))
        for line in lines:
            self.stdout.write(line)
        self.stdout.write(
            f"{label}: queries without a relevant answer in the top 10: {len(scores.misses)}"
            + (f" ({' '.join(scores.misses)})" if scores.misses else "")
        )
        self.stdout.write(f"nDCG@10 {scores.ndcg:.3f}")

    def load(self, passages):
        """Publish every passage as an article under a fresh news index; {page_id: passage id}."""
        locale, _ = Locale.objects.get_or_create(language_code="fi")
        root = Page.get_first_root_node()
        if root is None:  # tables made from the models: no migration made the root
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
        index = root.add_child(
            instance=NewsIndexPage(title="Eval", slug="search-eval", locale=locale)
        )
        index.save_revision().publish()
        ids = {}
        day = datetime.date(2024, 1, 1)
        for passage in passages:
            page = NewsArticlePage(
                title=passage.get("title") or passage["id"],
                slug=f"p-{passage['id']}".lower()[:250],
                locale=locale,
                date=day,
                body=[{"type": "paragraph", "value": f"<p>{passage['text']}</p>"}],
            )
            index.add_child(instance=page)
            page.save_revision().publish()
            ids[page.pk] = passage["id"]
        return index, ids

    def rank_ours(self, queries, index, ids):
        scope = Page.objects.descendant_of(index)
        rankings = {}
        for query in queries:
            results = search_pages(query.text, language="fi", queryset=scope)
            rankings[query.id] = [ids[pk] for pk in results.page_ids[:RANK_DEPTH] if pk in ids]
        return rankings

    def stock(self, queries, index, ids, config, label):
        """Stock Wagtail database search over the same pages (its own index, rebuilt)."""
        try:
            return self._stock(queries, index, ids, config, label)
        except Exception as exc:  # the comparison must not hide our own figures
            return f"{label}: n/a ({exc.__class__.__name__}: {exc})"

    def _stock(self, queries, index, ids, config, label):
        # Wagtail's own database backend (the site's "default" runs pages on ours).
        backend = stock_backend({"SEARCH_CONFIG": config} if config else {})
        pages = list(NewsArticlePage.objects.child_of(index))
        backend.add_bulk(NewsArticlePage, pages)
        scope = NewsArticlePage.objects.live().child_of(index)
        rankings = {}
        for query in queries:
            results = backend.search(query.text, scope)[:RANK_DEPTH]
            rankings[query.id] = [ids[page.pk] for page in results if page.pk in ids]
        return evaluate(queries, rankings).line(label)

    def per_query(self, queries, rankings):
        for query in queries:
            ranked = rankings.get(query.id, [])
            self.stdout.write(
                f"  {query.id} {query.text!r}: nDCG@10 {ndcg_at(ranked, query.relevant):.3f} "
                f"top: {' '.join(ranked[:5])} relevant: {' '.join(sorted(query.relevant))}"
            )
