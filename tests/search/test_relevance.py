"""On the judged queries patients type, a right page is in the first three results, on this database."""

import pytest
from django.db import connection

from search.query import clean_query, search
from tests.search import corpus
from tests.search.judged_queries import CORPUS, LAUNCH

pytestmark = pytest.mark.django_db

RIGHT_IN_TOP_THREE = 0.90  # at least this share of queries
NOTHING_FOUND = 0.05  # at most this share


def judge(queries):
    """(share with a right page in the top three, share with no result, what went wrong for the rest)."""
    right, nothing, wrong = 0, 0, []
    for query, pages in queries:
        found = [result.url for result in search(clean_query(query)).results]
        if set(found[:3]) & set(pages):
            right += 1
        else:
            wrong.append(f"{query!r}: {found[:3]}")
        nothing += not found
    return right / len(queries), nothing / len(queries), wrong


def report(name, queries):
    top_three, none, wrong = judge(queries)
    print(
        f"{connection.vendor}, {name}: {len(queries)} queries, "
        f"{top_three:.0%} with a right page in the top three, {none:.0%} with no result"
    )
    return top_three, none, wrong


def test_judged_queries_on_the_launch_content_find_a_right_page_in_the_top_three():
    top_three, none, wrong = report("launch content", LAUNCH)
    assert top_three >= RIGHT_IN_TOP_THREE, wrong
    assert none <= NOTHING_FOUND


def test_judged_queries_on_a_fuller_clinic_find_a_right_page_in_the_top_three():
    corpus.build()
    top_three, none, wrong = report("fuller clinic", CORPUS)
    assert top_three >= RIGHT_IN_TOP_THREE, wrong
    assert none <= NOTHING_FOUND
