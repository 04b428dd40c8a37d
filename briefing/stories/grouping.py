"""Grouping a pile into stories: average-linkage clustering of the articles' features.

Why average linkage: two articles of one story often share little directly (the day-one
report of a strike and the day-four column on what it means), but each shares a lot with
the story as a whole; two stories that happen to share a name ("Obama", "Syria") share it
with few of each other's articles. Average linkage merges two groups when their articles,
taken all pairs together, are similar enough on average, so a story grows through its
many articles and a passing mention does not chain two stories into one (as single
linkage would).

The similarity of two articles is the cosine of their feature vectors (`features.py`),
each feature also weighted by how rare it is in the loaded set (a word in every article
tells nothing apart), features met in one article only damped (they cannot link it to
anything, but a mostly unrelated article stays mostly unrelated), the 80 strongest kept.
Dates matter too: reports up to `window_days` apart link at full weight, the link fades
to nothing at twice that distance, so last year's strike on the same town is another story.

Deterministic: articles are taken in a canonical order (date, then id), never in the
order they were given, so the same articles always make the same stories. Exact up to
`MAX_DENSE` articles (a dense n x n matrix, about 30 MB at 2,000); above that the pile is
clustered in date-ordered slices and the slices' groups are clustered again as wholes
(each as the sum of its articles), so the matrix stays at most MAX_DENSE wide.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from briefing.models import Article, Story
from briefing.settings import StorySettings
from briefing.stories.features import NAME_PREFIX, ArticleTerms, article_terms

TOP_FEATURES = 80  # per article: its strongest features; the long tail adds noise, not signal
SINGLE_USE_WEIGHT = 0.3  # a feature no other loaded article has: kept in the norm, damped
IDF_SMOOTHING = 10.0  # so a small pile does not treat a word in every article as worthless
MAX_DENSE = 2_000
KEYWORDS = 4
ID_CHARS = 8


@dataclass(frozen=True, slots=True)
class Vectors:
    """Sparse rows (articles, or groups of them summed), one entry per (row, feature):
    numpy arrays rather than dicts, so that weighing and linking are array operations."""

    rows: np.ndarray  # int64
    cols: np.ndarray  # int64, feature ids
    vals: np.ndarray  # float64
    sizes: np.ndarray  # articles per row
    days: np.ndarray  # date as a day number (a group's mean), NaN when undated

    @property
    def count(self) -> int:
        return len(self.sizes)


def group_stories(
    articles: Sequence[Article], settings: StorySettings, terms: Sequence[ArticleTerms] | None = None
) -> tuple[Story, ...]:
    """The stories of `articles`, largest first, each listing its articles in the given order.

    `terms` are `article_terms` of the same articles when already computed elsewhere (a
    worker process). With `settings.group` off, or fewer than two articles, one story.
    """
    unique = list({a.id: a for a in articles}.values())
    if not unique:
        return ()
    if terms is None or len(terms) != len(articles):
        found = {a.id: article_terms(a.title, a.text) for a in unique}
    else:
        found = {a.id: t for a, t in zip(articles, terms)}
    order = sorted(unique, key=_canonical)
    if not settings.group or len(order) < 2:
        groups = [list(range(len(order)))]
    else:
        days = [float(a.published.toordinal()) if a.published else math.nan for a in order]
        vectors = weigh([found[a.id] for a in order], days)
        groups = cluster(vectors, settings.similarity, settings.window_days)
    position = {a.id: i for i, a in enumerate(unique)}
    members = [sorted((order[i] for i in group), key=lambda a: position[a.id]) for group in groups]
    members.sort(key=lambda m: (-len(m), position[m[0].id]))
    return tuple(_story(m, found) for m in members)


def _canonical(article: Article) -> tuple[bool, int, str]:
    return (article.published is None, article.published.toordinal() if article.published else 0, article.id)


def weigh(terms: Sequence[ArticleTerms], days: Sequence[float]) -> Vectors:
    """Unit vectors of the articles' strongest features, each feature also weighted by its
    rarity in this set (idf, smoothed), one met in a single article damped."""
    names = sorted({f for t in terms for f in t.weights})  # ids in name order: ties break the same way
    index = {f: i for i, f in enumerate(names)}
    rows = np.fromiter((r for r, t in enumerate(terms) for _ in t.weights), dtype=np.int64)
    cols = np.fromiter((index[f] for t in terms for f in t.weights), dtype=np.int64, count=len(rows))
    vals = np.fromiter((w for t in terms for w in t.weights.values()), dtype=np.float64, count=len(rows))
    df = np.bincount(cols, minlength=len(names)).astype(np.float64)
    idf = np.log1p((len(terms) + IDF_SMOOTHING) / (df + 1.0)) * np.where(df == 1, SINGLE_USE_WEIGHT, 1.0)
    vals = vals * idf[cols]
    order = np.lexsort((cols, -vals, rows))  # by article, strongest first, ties by feature name
    rows, cols, vals = rows[order], cols[order], vals[order]
    starts = np.searchsorted(rows, np.arange(len(terms)))
    keep = np.arange(len(rows)) - starts[rows] < TOP_FEATURES
    rows, cols, vals = rows[keep], cols[keep], vals[keep]
    norms = np.sqrt(np.bincount(rows, vals * vals, minlength=len(terms)))
    vals = vals / np.where(norms > 0, norms, 1.0)[rows]
    return Vectors(rows, cols, vals, np.ones(len(terms), dtype=np.int64), np.array(days, dtype=np.float64))


# --------------------------------------------------------------------------- clustering


def cluster(vectors: Vectors, threshold: float, window_days: int) -> list[list[int]]:
    """Groups of row indexes whose average link is at least `threshold`."""
    n = vectors.count
    if n <= MAX_DENSE:
        return average_linkage(link_sums(vectors, window_days), vectors.sizes, threshold)
    groups: list[list[int]] = []
    for start in range(0, n, MAX_DENSE):
        stop = min(n, start + MAX_DENSE)
        groups.extend([start + j for j in g] for g in cluster(_slice(vectors, start, stop), threshold, window_days))
    if len(groups) == n:  # nothing merged within the slices: nothing will across them
        return groups
    merged = cluster(_merge(vectors, groups), threshold, window_days)
    return [[i for g in top for i in groups[g]] for top in merged]


def _slice(v: Vectors, start: int, stop: int) -> Vectors:
    inside = (v.rows >= start) & (v.rows < stop)
    return Vectors(v.rows[inside] - start, v.cols[inside], v.vals[inside], v.sizes[start:stop], v.days[start:stop])


def _merge(v: Vectors, groups: list[list[int]]) -> Vectors:
    """One row per group: the sum of its rows' vectors, its size, its (size-weighted) mean date."""
    group_of = np.empty(v.count, dtype=np.int64)
    for g, members in enumerate(groups):
        group_of[members] = g
    width = int(v.cols.max()) + 1 if len(v.cols) else 1
    keys, inverse = np.unique(group_of[v.rows] * width + v.cols, return_inverse=True)
    vals = np.bincount(inverse.ravel(), v.vals)
    sizes = np.bincount(group_of, v.sizes, minlength=len(groups))
    dated = ~np.isnan(v.days)
    weight = np.bincount(group_of[dated], v.sizes[dated], minlength=len(groups))
    total = np.bincount(group_of[dated], v.days[dated] * v.sizes[dated], minlength=len(groups))
    days = np.where(weight > 0, total / np.where(weight > 0, weight, 1.0), np.nan)
    return Vectors(keys // width, keys % width, vals, sizes.astype(np.int64), days)


SMALL_DF = 32  # features shared by fewer rows are linked all at once; the rest one by one


def link_sums(v: Vectors, window_days: int) -> np.ndarray:
    """Dense matrix of summed pairwise similarity between rows (the dot products of their
    vectors), times the date factor; zero on the diagonal. A feature in d rows adds its d x d
    products: features shared by few rows (most of them) in one vectorised pass, widely
    shared ones (few) one outer product each."""
    n = v.count
    order = np.lexsort((v.rows, v.cols))
    rows, cols, vals = v.rows[order], v.cols[order], v.vals[order]
    first = np.flatnonzero(np.r_[True, cols[1:] != cols[:-1]])
    df = np.diff(np.r_[first, len(cols)])
    links = np.zeros(n * n)
    for d in np.unique(df[(df > 1) & (df <= SMALL_DF)]):
        at = first[df == d][:, None] + np.arange(d)[None, :]  # (features, d) positions
        r, w = rows[at], vals[at]
        flat = (r[:, :, None] * n + r[:, None, :]).ravel()
        links += np.bincount(flat, (w[:, :, None] * w[:, None, :]).ravel(), minlength=n * n)
    matrix = links.reshape(n, n)
    for start, d in zip(first[df > SMALL_DF], df[df > SMALL_DF]):
        r, w = rows[start : start + d], vals[start : start + d]
        matrix[np.ix_(r, r)] += np.outer(w, w)
    np.fill_diagonal(matrix, 0.0)
    matrix *= date_factor(v.days, window_days)
    return matrix


def date_factor(days: np.ndarray, window_days: int) -> np.ndarray:
    """1 for rows up to `window_days` apart (or undated), fading linearly to 0 at twice that."""
    window = max(1, window_days)
    gap = np.abs(days[:, None] - days[None, :])
    factor = np.clip((2.0 * window - gap) / window, 0.0, 1.0)
    return np.where(np.isnan(gap), 1.0, factor)


def average_linkage(links: np.ndarray, sizes: np.ndarray | Sequence[int], threshold: float) -> list[list[int]]:
    """Agglomerative clustering by average link (summed links / size product), merging while
    the best pair links at `threshold` or more. The nearest-neighbour chain algorithm: each
    step follows the chain of nearest neighbours until two are each other's nearest, which
    average linkage allows to merge at once (it is reducible), so the work is O(n^2)
    vectorised row operations rather than a search of all pairs per merge. An item whose best
    link is below the threshold can never merge again (a merged group's link is an average of
    its parts'), so it is set aside at once. Ties go to the lower index: deterministic."""
    n = len(sizes)
    links = links.astype(float, copy=True)
    size = np.array(sizes, dtype=float)
    active = np.ones(n, dtype=bool)
    average = links / np.outer(size, size)
    np.fill_diagonal(average, -np.inf)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    finished: list[list[int]] = []
    chain: list[int] = []
    while True:
        if not chain:
            left = np.flatnonzero(active)
            if not len(left):
                break
            chain.append(int(left[0]))
        a = chain[-1]
        b = int(np.argmax(average[a]))
        best = average[a, b]
        if not best >= threshold:  # also when nothing is left (-inf)
            active[a] = False
            average[a, :] = -np.inf
            average[:, a] = -np.inf
            finished.append(members.pop(a))
            chain.pop()
            continue
        if len(chain) >= 2 and average[a, chain[-2]] >= best:
            keep, drop = sorted((a, chain[-2]))
            chain.pop()
            chain.pop()
            links[keep] += links[drop]
            links[:, keep] = links[keep]
            size[keep] += size[drop]
            active[drop] = False
            row = np.where(active, links[keep] / (size[keep] * size), -np.inf)
            row[keep] = -np.inf
            average[keep] = row
            average[:, keep] = row
            average[drop, :] = -np.inf
            average[:, drop] = -np.inf
            members[keep].extend(members.pop(drop))
        else:
            chain.append(b)
    return [sorted(m) for m in sorted(finished, key=min)]


# --------------------------------------------------------------------------- the stories


def _story(members: list[Article], terms: dict[str, ArticleTerms]) -> Story:
    ids = tuple(a.id for a in members)
    digest = hashlib.sha1("\n".join(sorted(ids)).encode()).hexdigest()[:ID_CHARS]
    total: Counter[str] = Counter()
    for a in members:
        total.update(terms[a.id].weights)
    title = max(members, key=lambda a: _share(terms[a.id].weights, total)).title if len(members) > 1 \
        else members[0].title
    return Story(id=digest, title=title, articles=ids, keywords=_keywords(members, terms, total))


def _share(weights: dict[str, float], total: Counter[str]) -> float:
    """How much of the story's weight an article's features carry (cosine): the article
    that says most of what the story is about gives the story its title."""
    dot = sum(w * total[f] for f, w in weights.items())
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return dot / norm


def _keywords(members: list[Article], terms: dict[str, ArticleTerms], total: Counter[str]) -> tuple[str, ...]:
    """The names the story's articles weigh most, as written ("Gaza", "Hamas", "John Kerry")."""
    spread = Counter(f for a in members for f in terms[a.id].weights if f.startswith(NAME_PREFIX))
    needed = 2 if len(members) > 2 else 1  # a story's names are shared by its articles
    names = sorted((f for f, n in spread.items() if n >= needed), key=lambda f: (-total[f], f))[:KEYWORDS]
    written: Counter[str] = Counter()
    keywords = []
    for feature in names:
        written.clear()
        for a in members:
            surface = terms[a.id].surfaces.get(feature)
            if surface:
                written[surface] += 1
        if written:
            keywords.append(written.most_common(1)[0][0])
    return tuple(keywords)
