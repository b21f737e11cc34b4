"""Relevance metrics and the relevance-set file formats (see the eval README).

Per query, then averaged over queries, with binary relevance:
recall@10 = |relevant in top 10| / min(|relevant|, 10); MRR = 1 / rank of the
first relevant result (0 if none); nDCG@10 = DCG of the top 10 over the DCG of
an ideal ranking of min(|relevant|, 10) results, gain 1/log2(rank + 1).
"""

import csv
import json
import math
from dataclasses import dataclass

CUTOFF = 10


@dataclass
class Query:
    id: str
    text: str
    relevant: frozenset


def load_passages(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_queries(path):
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        return [
            Query(row["id"], row["query"], frozenset((row.get("relevant") or "").split()))
            for row in reader
            if row.get("id")
        ]


def recall_at(ranked, relevant, k=CUTOFF):
    if not relevant:
        return 0.0
    return len(set(ranked[:k]) & relevant) / min(len(relevant), k)


def reciprocal_rank(ranked, relevant):
    for rank, item in enumerate(ranked, start=1):
        if item in relevant:
            return 1.0 / rank
    return 0.0


def ndcg_at(ranked, relevant, k=CUTOFF):
    if not relevant:
        return 0.0
    dcg = sum(
        1 / math.log2(rank + 1) for rank, item in enumerate(ranked[:k], 1) if item in relevant
    )
    ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(len(relevant), k) + 1))
    return dcg / ideal


@dataclass
class Scores:
    recall: float
    mrr: float
    ndcg: float
    misses: list  # query ids without a relevant answer in the top 10

    def line(self, label):
        return (
            f"{label:<44} recall@10 {self.recall:.3f}  MRR {self.mrr:.3f}  nDCG@10 {self.ndcg:.3f}"
        )


def evaluate(queries, rankings):
    """Average metrics; ``rankings`` maps query id to a ranked list of passage ids."""
    n = len(queries) or 1
    recall = mrr = ndcg = 0.0
    misses = []
    for query in queries:
        ranked = rankings.get(query.id, [])
        recall += recall_at(ranked, query.relevant)
        mrr += reciprocal_rank(ranked, query.relevant)
        ndcg += ndcg_at(ranked, query.relevant)
        if not set(ranked[:CUTOFF]) & query.relevant:
            misses.append(query.id)
    return Scores(recall / n, mrr / n, ndcg / n, misses)
