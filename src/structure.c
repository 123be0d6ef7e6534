#include "structure.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "text.h"
#include "tune.h"
#include "util.h"

/* Scratch space kept from page to page so that steady state allocates
 * nothing. */
struct structure {
	struct entry {
		uint64_t key;	/* 0: empty */
		uint32_t a, b;	/* lines with it, +1; 0: none (see users) */
	} *table;
	size_t cap;		/* slots in use for this page: a power of two */
	size_t alloc;		/* slots allocated */
	uint64_t *keys;		/* per line of the page */
	size_t keys_cap;
	float *w;		/* per line: weight for the article span */
	unsigned char *ctx;	/* per line: prose above it (w_cap too) */
	size_t w_cap;
	bool full;		/* the page has full paragraphs */
	bool teasers;		/* it is a list of teasers (no article) */
	struct quote {		/* headline candidates' word keys */
		uint64_t key;	/* 0: empty */
		uint32_t words;
	} quote[4 * HEADLINE_LOOKBACK];
};

struct structure *structure_new(void)
{
	return xcalloc(1, sizeof(struct structure));
}

void structure_free(struct structure *s)
{
	if (!s)
		return;
	free(s->table);
	free(s->keys);
	free(s->w);
	free(s->ctx);
	free(s);
}

/* An empty table of at least twice want slots.  Only the slots this
 * page uses are cleared: the memory kept from a big page stays. */
static void table_reset(struct structure *s, size_t want)
{
	size_t cap = 1024;

	while (cap < want * 2)
		cap *= 2;
	if (cap > s->alloc) {
		free(s->table);
		s->table = xmalloc(cap * sizeof(*s->table));
		s->alloc = cap;
	}
	s->cap = cap;
	memset(s->table, 0, cap * sizeof(*s->table));
}

/* The entry for key; a new one is empty but for the key. */
static struct entry *table_slot(struct structure *s, uint64_t key)
{
	size_t i = (size_t)key & (s->cap - 1);

	while (s->table[i].key && s->table[i].key != key)
		i = (i + 1) & (s->cap - 1);
	s->table[i].key = key;
	return &s->table[i];
}

static const struct entry *table_get(const struct structure *s,
				     uint64_t key)
{
	size_t i = (size_t)key & (s->cap - 1);

	while (s->table[i].key && s->table[i].key != key)
		i = (i + 1) & (s->cap - 1);
	return s->table[i].key ? &s->table[i] : NULL;
}

static bool alive(const struct line *l)
{
	return !line_blank(l) && l->verdict != VERDICT_DROP &&
	       l->role != ROLE_DROP;
}

static void set_drop(struct line *l, enum reason why)
{
	l->role = ROLE_DROP;
	if (l->verdict != VERDICT_DROP)
		l->reason = why;
}

/* Words of the lines that alive() keeps: an upper bound on the
 * shingles drop_contained() puts in its table. */
static size_t alive_words(const struct doc *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->nlines; i++)
		if (alive(&d->lines[i]))
			n += d->lines[i].f.words;
	return n;
}

/* Words of the article's lines (role BODY), which index_body() puts in
 * its table. */
static size_t body_words(const struct doc *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->nlines; i++)
		if (d->lines[i].role == ROLE_BODY)
			n += d->lines[i].f.words;
	return n;
}

/* ---- words, for comparing lines ---------------------------------------- */

/* Where a key of words starts: line_key(), and the windows of words that
 * find_quoted() compares with headline candidates' keys. */
#define LINE_KEY_SEED 0x84222325CBF29CE4ull

/* A line's key: its words' hashes, in order.  Punctuation, ellipses and
 * quotes are not words, so a teaser cut with "..." compares equal to the
 * text it cuts. */
static uint64_t line_key(const struct doc *d, const struct line *l)
{
	const struct word *w = line_words(d, l);
	uint64_t key = LINE_KEY_SEED;
	unsigned i;

	for (i = 0; i < l->f.words; i++)
		key = hash_mix(key, w[i].hash);
	return key;
}

/* ---- repeats ----------------------------------------------------------- */

/* Count the copies of each line (a headline often repeats the page
 * title) and drop every copy after the first that no rule dropped: menus
 * repeated in footers, teasers repeating the lede. */
static void drop_repeats(struct structure *s, struct doc *d)
{
	size_t i;

	if (d->nlines > s->keys_cap) {
		free(s->keys);
		s->keys = xmalloc(d->nlines * sizeof(*s->keys));
		s->keys_cap = d->nlines;
	}
	table_reset(s, d->nlines);
	for (i = 0; i < d->nlines; i++) {	/* a: first; b: copies */
		struct entry *e;

		if (line_blank(&d->lines[i]))
			continue;
		s->keys[i] = line_key(d, &d->lines[i]);
		e = table_slot(s, s->keys[i]);
		e->b++;
		if (!e->a && d->lines[i].verdict != VERDICT_DROP)
			e->a = (uint32_t)i + 1;
	}
	for (i = 0; i < d->nlines; i++) {
		struct line *l = &d->lines[i];
		const struct entry *e;

		if (line_blank(l))
			continue;
		e = table_get(s, s->keys[i]);
		l->copies = e->b;
		if (e->a != i + 1 && l->verdict == VERDICT_NONE && !l->f.code &&
		    !l->f.formula)
			set_drop(l, REASON_REPEAT);
	}
}

/* Runs of SHINGLE words, hashed. */
static size_t shingles(const struct doc *d, const struct line *l,
		       uint64_t *out, size_t max)
{
	const struct word *w = line_words(d, l);
	size_t n = 0, k;

	for (k = 0; k + SHINGLE <= l->f.words && n < max; k++) {
		uint64_t sh = 0x9E3779B97F4A7C15ull;
		size_t j;

		for (j = 0; j < SHINGLE; j++)
			sh = hash_mix(sh, w[k + j].hash);
		out[n++] = sh;
	}
	return n;
}

/* A pull quote or a cut teaser: every shingle of the line occurs in a
 * longer line of the page. */
static void drop_contained(struct structure *s, struct doc *d)
{
	enum { MAX_SH = 512 };
	uint64_t sh[MAX_SH];
	size_t i, j, n;

	/* a and b: the two lines with the most words holding a shingle. */
	table_reset(s, alive_words(d));
	for (i = 0; i < d->nlines; i++) {
		unsigned words = d->lines[i].f.words;

		if (!alive(&d->lines[i]))
			continue;
		n = shingles(d, &d->lines[i], sh, MAX_SH);
		for (j = 0; j < n; j++) {
			struct entry *e = table_slot(s, sh[j]);

			if (e->a == i + 1 || e->b == i + 1)
				continue;
			if (!e->a || words > d->lines[e->a - 1].f.words) {
				e->b = e->a;
				e->a = (uint32_t)i + 1;
			} else if (!e->b ||
				   words > d->lines[e->b - 1].f.words) {
				e->b = (uint32_t)i + 1;
			}
		}
	}
	for (i = 0; i < d->nlines; i++) {
		struct line *l = &d->lines[i];
		bool inside = true;

		if (!alive(l) || l->verdict == VERDICT_KEEP || l->f.code ||
		    l->f.words < CONTAINED_MIN_WORDS)
			continue;
		n = shingles(d, l, sh, MAX_SH);
		for (j = 0; j < n && inside; j++) {
			const struct entry *e = table_get(s, sh[j]);
			size_t other = e->a != i + 1 ? e->a : e->b;

			inside = other && d->lines[other - 1].f.words >
					  l->f.words;
		}
		if (n > 0 && inside)
			set_drop(l, REASON_CONTAINED);
	}
}

/* ---- the article span --------------------------------------------------- */

static float weight(const struct line *l)
{
	float w;

	if (line_blank(l))
		return 0;
	if (l->verdict == VERDICT_KEEP)
		return (float)l->f.chars;
	if (l->verdict == VERDICT_DROP)
		return WEIGHT_RULE_DROP;
	if (l->f.code)
		return WEIGHT_CODE;
	if (l->role == ROLE_DROP)	/* a repeat */
		return WEIGHT_SHORT;
	switch (l->cls) {
	case CLS_GOOD:
		w = WEIGHT_GOOD_PER_CHAR * (float)l->f.chars;
		return w < WEIGHT_GOOD_MAX ? w : WEIGHT_GOOD_MAX;
	case CLS_NEAR:
		return WEIGHT_NEAR_PER_CHAR * (float)l->f.chars;
	case CLS_SHORT:
		return WEIGHT_SHORT;
	case CLS_BAD:
		break;
	}
	return WEIGHT_BAD;
}

/* Code, charts and tables: symbols, lower-case starts, mostly
 * figures (a chart's axis, not a comment's date).  Not a line a rule
 * dropped: that is boilerplate whatever it holds. */
static bool data_like(const struct line *l)
{
	if (l->verdict == VERDICT_DROP)
		return false;
	return l->f.code || l->f.symbols || l->f.lower ||
	       2 * l->f.digits >= l->f.chars;
}

/* Article prose: a GOOD line still alive, one a rule kept, or code. */
static bool is_prose(const struct line *l)
{
	return alive(l) && (l->cls == CLS_GOOD || l->verdict == VERDICT_KEEP ||
			    l->f.code);
}

/* A short line that is a sentence of a few words, a line of dialogue:
 * "Then we will wait on the boat."  Menu items and labels are shorter
 * or end in no full stop. */
static bool short_sentence(const struct line *l)
{
	return l->cls == CLS_SHORT && l->f.punct_end &&
	       l->f.words >= DIALOGUE_MIN_WORDS && !l->f.code;
}

/* A NEAR line, text only next to prose; code is judged as a block.
 * Inside the span a short sentence that stayed (see
 * drop_loose_sentences()) is one too. */
static bool is_near(const struct line *l)
{
	return alive(l) && !l->f.code && !l->f.formula &&
	       (l->cls == CLS_NEAR ||
		(short_sentence(l) && l->reason == REASON_CONTENT));
}

/* A NEAR line that is text even alone: a paragraph of NEAR_ALONE_CHARS
 * ending a sentence, longer than a teaser or a prompt.  Its stopwords
 * are few (a language whose stoplist covers less of it, a paragraph
 * dense with names), not its words. */
static bool near_alone(const struct line *l)
{
	return l->f.chars >= NEAR_ALONE_CHARS && l->f.punct_end;
}

/* A NEAR line that weighs and stays as a short line: no prose beside
 * it (above: prose_above; below: prose_below), no rule kept it, and it
 * is not a paragraph by itself. */
static bool near_loose(const struct line *l, bool prose_above,
		       bool prose_below)
{
	return is_near(l) && l->verdict != VERDICT_KEEP && !prose_above &&
	       !prose_below && !near_alone(l);
}

/* What makes a NEAR line beside it text: prose; on a page without a
 * full paragraphs (see has_full_paragraph()) also a short line, as its
 * headings and fragments are all the text there is. */
static bool anchors_near(const struct structure *s, const struct line *l)
{
	return is_prose(l) || (!s->full && alive(l) && l->cls == CLS_SHORT);
}

/* A NEAR line is text only next to prose (jusText's near-good rule):
 * the nearest line that is neither blank nor NEAR, above or below, must
 * be prose.  Otherwise it weighs as a short line: a lone teaser or
 * newsletter prompt does not pull the span across a gap.  A long one
 * (near_alone()) keeps its weight.  Two passes,
 * so runs of NEAR lines cost no rescans. */
static void weigh_lone_near(struct structure *s, const struct doc *d)
{
	size_t i;
	bool prose = false;

	for (i = 0; i < d->nlines; i++) {	/* ctx: prose above */
		const struct line *l = &d->lines[i];

		s->ctx[i] = prose;
		if (!line_blank(l) && !is_near(l))
			prose = anchors_near(s, l);
	}
	prose = false;
	for (i = d->nlines; i-- > 0;) {
		const struct line *l = &d->lines[i];

		if (near_loose(l, s->ctx[i], prose))
			s->w[i] = WEIGHT_SHORT;
		if (!line_blank(l) && !is_near(l))
			prose = anchors_near(s, l);
	}
}

/* Whether the page has PARA_FULL_MIN full paragraphs: GOOD blocks (a
 * line with the lines that continue it) of PARA_FULL_CHARS.  A product
 * or landing page of short wrapped fragments has none, or one long
 * introduction, and there the near-good rule would leave little text. */
static bool has_full_paragraph(const struct doc *d)
{
	size_t i;
	unsigned chars = 0, full = 0;

	for (i = 0; i < d->nlines; i++) {
		const struct line *l = &d->lines[i];

		if (line_blank(l) || l->cls != CLS_GOOD) {
			chars = 0;
			continue;
		}
		chars = l->f.cont ? chars + l->f.chars : l->f.chars;
		if (chars >= PARA_FULL_CHARS &&	/* once per block */
		    chars - l->f.chars < PARA_FULL_CHARS &&
		    ++full >= PARA_FULL_MIN)
			return true;
	}
	return false;
}

/* The lines [from, to) are a gap between blocks of text.  The longer a
 * gap of menu-like lines, the more each further line costs: a caption or
 * a share bar inside the article is crossed, the menus and footers
 * between the article and a list of teasers are not.  A gap that is
 * largely code, a chart or a table is part of the article: its lines
 * cost their plain weight. */
static void weigh_gap(struct structure *s, const struct doc *d, size_t from,
		      size_t to)
{
	unsigned n = 0, data = 0, k = 0;
	size_t i;

	for (i = from; i < to; i++)
		if (!line_blank(&d->lines[i])) {
			n++;
			data += data_like(&d->lines[i]);
		}
	if ((float)data >= GAP_DATA_SHARE * (float)n)
		return;
	for (i = from; i < to; i++) {
		if (line_blank(&d->lines[i]) || data_like(&d->lines[i]))
			continue;
		if (!s->full && d->lines[i].verdict != VERDICT_DROP)
			continue;	/* no paragraph: headings are text */
		s->w[i] -= GAP_STEP * (float)(k < GAP_RAMP ? k : GAP_RAMP);
		k++;
	}
}

/* Each line's weight for the article span; see weigh_gap(). */
static void weigh(struct structure *s, const struct doc *d)
{
	size_t i, gap = SIZE_MAX;

	if (d->nlines > s->w_cap) {
		free(s->w);
		free(s->ctx);
		s->w = xmalloc(d->nlines * sizeof(*s->w));
		s->ctx = xmalloc(d->nlines);
		s->w_cap = d->nlines;
	}
	for (i = 0; i < d->nlines; i++)
		s->w[i] = weight(&d->lines[i]);
	s->full = !s->teasers && has_full_paragraph(d);
	weigh_lone_near(s, d);
	for (i = 0; i < d->nlines; i++) {
		if (s->w[i] > 0 && gap != SIZE_MAX) {
			weigh_gap(s, d, gap, i);
			gap = SIZE_MAX;
		} else if (s->w[i] < 0 && gap == SIZE_MAX) {
			gap = i;
		}
	}
	if (gap != SIZE_MAX)
		weigh_gap(s, d, gap, d->nlines);
}

static bool date_like(const struct line *l);
static bool title_like(const struct line *l);
static bool dated(const struct line *l);
static bool dated_with_day(const struct line *l);

/* Whether the block that starts at line start has a post's header just
 * above it, within SPAN_HEAD_LINES lines: a title of two words or more
 * right above a dateline or byline with a date that names its day.  A
 * blog's or a news site's post opens so; a sidebar's widgets and the
 * menus above a list of comments do not, nor does a teaser's heading
 * that holds only a year. */
static bool headed(const struct doc *d, size_t start)
{
	size_t i = start;
	unsigned seen = 0;
	bool below_date = false;

	while (i-- > 0 && seen < SPAN_HEAD_LINES) {
		const struct line *l = &d->lines[i];

		if (line_blank(l))
			continue;
		seen++;
		if (below_date)
			return title_like(l) && l->f.words >= 2;
		below_date = date_like(l) && dated(l) && dated_with_day(l);
	}
	return false;
}

/* The article span.  Kadane's scan splits the page into runs whose
 * running sum stays positive; each run's best prefix is a block of
 * text.  The article is the first block that weighs at least
 * SPAN_EARLY_SHARE of the heaviest one, or SPAN_HEADED_SHARE under a
 * post's header: related teasers and comments come after the article
 * and can outweigh it. */
static void find_span(const struct structure *s, const struct doc *d,
		      size_t *from, size_t *to)
{
	float best = 0, sum = 0, run_best = 0;
	size_t i, start = 0, run_to = 0;

	for (i = 0; i < d->nlines; i++)	/* the heaviest block */
		if ((sum = (sum > 0 ? sum : 0) + s->w[i]) > best)
			best = sum;
	*from = *to = 0;
	sum = 0;
	for (i = 0; i <= d->nlines; i++) {
		if (i == d->nlines || sum <= 0) {
			if (run_best > 0 &&
			    (run_best >= SPAN_EARLY_SHARE * best ||
			     (run_best >= SPAN_HEADED_SHARE * best &&
			      headed(d, start)))) {
				*from = start;
				*to = run_to;
				break;
			}
			if (i == d->nlines)
				break;
			sum = run_best = 0;
			start = i;
		}
		sum += s->w[i];
		if (sum > run_best) {
			run_best = sum;
			run_to = i + 1;
		}
	}
}

/* Whether line k of [from, to) is prose with no prose next to it: the
 * nearest non-blank lines above and below, inside the span, are not. */
static bool lone_prose(const struct doc *d, size_t from, size_t to, size_t k)
{
	size_t i = k;

	while (i > from && line_blank(&d->lines[i - 1]))
		i--;
	if (i > from && is_prose(&d->lines[i - 1]))
		return false;
	for (i = k + 1; i < to && line_blank(&d->lines[i]); i++)
		;
	return i >= to || !is_prose(&d->lines[i]);
}

/* Whether the span [from, to) is a list of teasers rather than an
 * article: TEASER_MIN paragraphs or more, none of TEASER_LEN, most of
 * them alone between titles, bylines and photo credits.  An article's
 * paragraphs come in runs, or are long.  A section front is such a list
 * from top to bottom, and the menus between its sections cut it into
 * blocks of which the first is not the article. */
static bool teaser_list(const struct doc *d, size_t from, size_t to)
{
	size_t k;
	unsigned prose = 0, alone = 0;

	for (k = from; k < to; k++) {
		const struct line *l = &d->lines[k];

		if (line_blank(l) || !is_prose(l) || l->f.code)
			continue;
		if (l->f.chars >= TEASER_LEN)
			return false;
		prose++;
		alone += lone_prose(d, from, to, k);
	}
	return prose >= TEASER_MIN && (float)alone >= TEASER_ALONE *
					  (float)prose;
}

/* A line between blocks of text that is no menu item, share button or
 * line the rules dropped: part of a table, code or a chart, or as long
 * as a paragraph (a reference of a list of them). */
static bool unlike_menu(const struct line *l)
{
	return data_like(l) ||
	       (l->f.chars >= LEN_GOOD && l->verdict != VERDICT_DROP);
}

/* The span's last block of text, the lines after its last break (see
 * TAIL_GAP): the block's first line, or from if there is no break.  The
 * lines between two blocks make a break when TAIL_GAP of them are
 * menu-like, and not GAP_DATA_SHARE of them unlike that (a table, as in
 * weigh_gap()). */
static size_t last_block(const struct structure *s, const struct doc *d,
			 size_t from, size_t to)
{
	size_t i = to, block = to;
	unsigned n = 0, other = 0;

	while (i-- > from) {
		const struct line *l = &d->lines[i];

		if (line_blank(l))
			continue;
		if (s->w[i] <= 0) {
			n++;
			other += unlike_menu(l);
			continue;
		}
		if (n - other >= TAIL_GAP &&
		    (float)other < GAP_DATA_SHARE * (float)n)
			return block;
		n = other = 0;
		block = i;
	}
	return from;
}

/* Below the article come an author's bio, a newsletter prompt, teasers:
 * text after a break of menus, share buttons and lines the rules
 * dropped, which the span takes in when it outweighs the break.  Cut the
 * span at the earliest break after which the text weighs little, both
 * beside the text before it and in itself (see TAIL_GAP).  Each step
 * looks only at lines above the last, so this is linear. */
static void trim_tail(const struct structure *s, const struct doc *d,
		      size_t from, size_t *to)
{
	size_t end = *to, b, i;
	float tail = 0, rest = 0;	/* after and before the break */

	for (i = from; i < end; i++)
		rest += s->w[i];
	for (;;) {
		b = last_block(s, d, from, end);
		if (b <= from)
			return;
		for (i = b; i < end; i++)
			tail += s->w[i];
		for (i = b; i > from && (line_blank(&d->lines[i - 1]) ||
					   s->w[i - 1] <= 0);)
			i--;
		while (end > i)
			rest -= s->w[--end];
		if (tail >= TAIL_SHARE * rest || tail > TAIL_MAX)
			return;
		*to = end;
	}
}

/* The nearest non-blank line before (dir -1) or after (+1) line i,
 * SIZE_MAX if none. */
static size_t line_beside(const struct doc *d, size_t i, int dir)
{
	while ((dir < 0 && i-- > 0) || (dir > 0 && ++i < d->nlines))
		if (!line_blank(&d->lines[i]))
			return i;
	return SIZE_MAX;
}

/* The nearest non-blank line before (dir -1) or after (+1) line i
 * holds article text. */
static bool text_beside(const struct doc *d, size_t i, int dir)
{
	const struct line *l;

	if ((i = line_beside(d, i, dir)) == SIZE_MAX)
		return false;
	l = &d->lines[i];
	return l->role == ROLE_BODY && (l->reason == REASON_CONTENT ||
					 l->verdict == VERDICT_KEEP);
}

/* s->ctx[i]: prose lies above line i in [from, to), NEAR lines between. */
static void mark_prose_above(struct structure *s, const struct doc *d,
			     size_t from, size_t to)
{
	bool prose = false;
	size_t i;

	for (i = from; i < to; i++) {
		const struct line *l = &d->lines[i];

		s->ctx[i] = prose;
		if (!line_blank(l) && !is_near(l))
			prose = anchors_near(s, l);
	}
}

/* A line that is probably text stays only next to prose (jusText's
 * near-good rule): alone it is a teaser, a newsletter prompt.  As in
 * weigh_lone_near(), two passes over [from, to). */
static void drop_loose_near(struct structure *s, struct doc *d, size_t from,
			    size_t to)
{
	size_t i;
	bool prose = false;

	for (i = from; i < to && !prose; i++)
		prose = is_prose(&d->lines[i]);
	if (!prose)	/* a page of short paragraphs: nothing to go by */
		return;
	mark_prose_above(s, d, from, to);
	for (i = to, prose = false; i-- > from;) {
		struct line *l = &d->lines[i];
		bool near = is_near(l);

		if (near_loose(l, s->ctx[i], prose))
			set_drop(l, REASON_GAP);
		else if (!line_blank(l) && !near)
			prose = anchors_near(s, l);
	}
}

/* A short sentence inside the span is text when prose lies both above
 * and below it, NEAR lines and other such sentences between: dialogue
 * between paragraphs.  One with prose on one side only is a caption
 * under a photo, a prompt under the article, and goes before the NEAR
 * lines are judged, so that no NEAR line leans on it. */
static void drop_loose_sentences(struct structure *s, struct doc *d,
				 size_t from, size_t to)
{
	size_t i;
	bool prose;

	mark_prose_above(s, d, from, to);
	for (i = to, prose = false; i-- > from;) {
		struct line *l = &d->lines[i];
		bool near = is_near(l);

		if (near && short_sentence(l) && l->verdict != VERDICT_KEEP &&
		    (!prose || !s->ctx[i]))
			set_drop(l, REASON_GAP);
		if (!line_blank(l) && !near)
			prose = anchors_near(s, l);
	}
}

/* The line above line i is one a rule dropped, a "Read more:" pointer
 * set between two sections, with article text above it. */
static bool pointer_above(const struct doc *d, size_t i)
{
	const struct line *l;

	if ((i = line_beside(d, i, -1)) == SIZE_MAX)
		return false;
	l = &d->lines[i];
	return l->verdict == VERDICT_DROP && l->cls != CLS_SHORT &&
	       text_beside(d, i, -1);
}

/* Line i reads as a subheading: a few capitalised words, no full stop,
 * said once on the page (a repeated one is a label). */
static bool subheading(const struct line *l)
{
	return l->cls == CLS_SHORT && !l->f.punct_end && !l->f.lower &&
	       !l->f.code && l->copies <= 1 &&
	       l->f.words >= SUBHEAD_MIN_WORDS &&
	       l->f.words <= SUBHEAD_MAX_WORDS;
}

/* The nearest non-blank line below line i is a short line or a NEAR
 * line not dropped so far, with article text right below it: the lead-in
 * under a subheading ("Step one", then "You will need:", then the
 * paragraph). */
static bool text_after_one(const struct doc *d, size_t i)
{
	const struct line *l;

	if ((i = line_beside(d, i, 1)) == SIZE_MAX)
		return false;
	l = &d->lines[i];
	return alive(l) && (l->cls == CLS_SHORT || l->cls == CLS_NEAR) &&
	       text_beside(d, i, 1);
}

/* The nearest non-blank line above line i is a short line that stayed,
 * with article text right above it: a heading over a numbered
 * section, a caption over a subheading. */
static bool text_before_one(const struct doc *d, size_t i)
{
	if ((i = line_beside(d, i, -1)) == SIZE_MAX)
		return false;
	return alive(&d->lines[i]) && d->lines[i].cls == CLS_SHORT &&
	       text_beside(d, i, -1);
}

/* An image as a text rendering shows it: one bracketed token, its file
 * name or a placeholder ("[missing-img]", "[IMG_0412]"). */
static bool image_token(const struct line *l)
{
	return l->len > 2 && l->text[0] == '[' && l->text[l->len - 1] == ']' &&
	       !memchr(l->text, ' ', l->len);
}

/* text_beside(), looking past one image. */
static bool text_past_image(const struct doc *d, size_t i, int dir)
{
	if ((i = line_beside(d, i, dir)) == SIZE_MAX)
		return false;
	return image_token(&d->lines[i]) && text_beside(d, i, dir);
}

/* A short line is article only between article text: a subheading, a
 * short paragraph.  Next to anything else it is a caption, a share
 * button, a "Read more:".  A subheading may have one short line
 * between it and the article: a lead-in under it above the next
 * paragraph, or a section heading or a caption over it. */
static void drop_loose_short(struct doc *d, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		struct line *l = &d->lines[i];
		bool sub, above, below;

		if (!alive(l) || l->reason != REASON_CONTEXT)
			continue;
		sub = subheading(l);
		above = text_beside(d, i, -1) ||
			(sub && text_past_image(d, i, -1));
		below = text_beside(d, i, 1) ||
			(sub && text_past_image(d, i, 1));
		above = above || (sub && below && text_before_one(d, i));
		below = below || (sub && above && text_after_one(d, i));
		if (!(above || pointer_above(d, i)) || !below)
			set_drop(l, REASON_GAP);
	}
}

/* Inside the span: prose stays, boilerplate goes, and short lines stay
 * unless they come in a run (a menu or a list of links). */
static void keep_span(struct structure *s, struct doc *d, size_t from,
		      size_t to)
{
	size_t i, j;

	for (i = 0; i < d->nlines; i++) {
		struct line *l = &d->lines[i];

		if (!alive(l))
			continue;
		if (l->verdict == VERDICT_KEEP) {
			l->role = ROLE_BODY;
			continue;
		}
		if (i < from || i >= to) {
			set_drop(l, REASON_OUTSIDE);
			continue;
		}
		if (l->f.code) {	/* its lines alone look like menus */
			l->role = ROLE_BODY;
			l->reason = REASON_CONTENT;
			continue;
		}
		switch (l->cls) {
		case CLS_GOOD:
		case CLS_NEAR:
			l->role = ROLE_BODY;
			l->reason = REASON_CONTENT;
			break;
		case CLS_SHORT:
			l->role = ROLE_BODY;
			l->reason = short_sentence(l) ? REASON_CONTENT :
							REASON_CONTEXT;
			break;
		case CLS_BAD:
			set_drop(l, REASON_BOILERPLATE);
			break;
		}
	}
	/* Runs of short lines, blank lines between them included. */
	for (i = from; i < to; i = j) {
		size_t run = 0;

		for (j = i; j < to; j++) {
			const struct line *l = &d->lines[j];

			if (line_blank(l) || !alive(l))
				continue;
			if (l->reason != REASON_CONTEXT)
				break;
			run++;
		}
		if (run >= MENU_RUN)
			for (; i < j; i++)
				if (alive(&d->lines[i]) &&
				    d->lines[i].reason == REASON_CONTEXT)
					set_drop(&d->lines[i], REASON_SHORT);
		if (j == i)
			j++;
	}
	drop_loose_sentences(s, d, from, to);
	drop_loose_near(s, d, from, to);
	drop_loose_short(d, from, to);
}

/* ---- lists of figures next to the article ------------------------------- */

/* "12. März 2020", "Jan 18, 2019 | 5 min read". */
static bool date_like(const struct line *l)
{
	return l->f.digits >= DATE_MIN_DIGITS && l->f.words <= DATE_MAX_WORDS;
}

static bool ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Figures that read as a date or a time: a year ("2019", "1998") or
 * figures joined by ".", "/", ":" or "-" ("12.03.", "10/10", "05:30").
 * A quantity has none: "4512 kcal", "53,82 g". */
static bool dated(const struct line *l)
{
	size_t i, run = 0;

	for (i = 0; i < l->len; i++) {
		char c = l->text[i];
		bool next_digit = i + 1 < l->len && ascii_digit(l->text[i + 1]);

		if (ascii_digit(c)) {
			run++;
			if (run == 4 && !next_digit &&
			    ((l->text[i - 3] == '1' && l->text[i - 2] == '9') ||
			     (l->text[i - 3] == '2' && l->text[i - 2] == '0')))
				return true;
			continue;
		}
		if (run > 0 && next_digit &&
		    (c == '.' || c == '/' || c == ':' || c == '-'))
			return true;
		run = 0;
	}
	return false;
}

/* The length of the run of figures that starts at text[i]. */
static size_t figures_at(const struct line *l, size_t i)
{
	size_t from = i;

	while (i < l->len && ascii_digit(l->text[i]))
		i++;
	return i - from;
}

/* Whether a date names its day, not only a month or a year: "13. Januar
 * 2014", "Jan 18, 2019", "28.01.22", "2021-03-12" have a figure of one
 * or two digits that is not a month joined to the year after it, where
 * "Sonderheft 1/2019" and a heading's "IBA 2027" have none. */
static bool dated_with_day(const struct line *l)
{
	size_t i = 0, run;

	while (i < l->len) {
		run = figures_at(l, i);
		if (run == 0) {
			i++;
			continue;
		}
		i += run;
		if (run > 2)
			continue;
		if (i + 1 < l->len &&
		    (l->text[i] == '.' || l->text[i] == '/' ||
		     l->text[i] == '-') && figures_at(l, i + 1) == 4)
			continue;
		return true;
	}
	return false;
}

/* A short line dropped at the article's edge, outside it or in a run of
 * short lines, that could be an item of a list of quantities or
 * settings: "125 g", "Mehl", "Schmand, je ca. 200 g"; or a longer one
 * with figures, "2 cups or 500 g rice, soaked in water for an hour",
 * where a longer line without them is a sentence that ends the list.
 * Not a date (see dated()): lists of teasers come with dates, where a
 * list of nutrients has as many figures ("53,82 g"). */
static bool list_item(const struct line *l)
{
	bool sized = l->f.chars < LEN_SHORT ||
		     (l->f.chars < LEN_GOOD && l->f.digits > 0);

	return l->verdict == VERDICT_NONE && l->role == ROLE_DROP &&
	       l->reason != REASON_CONTAINED && l->reason != REASON_BOILERPLATE &&
	       sized && !(date_like(l) && dated(l));
}

/* Going dir (-1 up, +1 down) from line edge, the article's edge: a list of
 * short lines that are largely figures (ingredients, settings, a table
 * of specifications) belongs to the article, where a menu has none.
 * The list ends at its last figure line before LIST_PLAIN_RUN items
 * without one.  Returns the article's new edge. */
static size_t attach_list(struct doc *d, size_t edge, int dir)
{
	size_t i = edge, end = edge, j;
	struct line *l;
	unsigned items = 0, figures = 0, plain = 0, end_items = 0,
		 end_figures = 0;

	while ((dir < 0 && i-- > 0) || (dir > 0 && ++i < d->nlines)) {
		l = &d->lines[i];
		if (line_blank(l))
			continue;
		if (!list_item(l))
			break;
		items++;
		if (l->f.digits == 0) {
			if (++plain >= LIST_PLAIN_RUN)
				break;
			continue;
		}
		figures++;
		plain = 0;
		if (l->reason == REASON_REPEAT)	/* stays dropped */
			continue;
		end = i;
		end_items = items;
		end_figures = figures;
	}
	if (end_figures < LIST_MIN_FIGURES ||
	    (float)end_figures < LIST_FIGURE_SHARE * (float)end_items)
		return edge;
	for (j = edge; j != end;) {
		j += dir;
		l = &d->lines[j];
		if (!line_blank(l) && l->reason != REASON_REPEAT) {
			l->role = ROLE_BODY;
			l->reason = REASON_CONTENT;
		}
	}
	return end;
}

/* ---- a closing list of sentences below the article ---------------------- */

/* A line dropped below the article only for where it stands: outside
 * the span, or a NEAR line with no prose beside it.  Not a repeat, not
 * one a rule judged. */
static bool dropped_for_place(const struct line *l)
{
	return l->verdict == VERDICT_NONE && l->role == ROLE_DROP &&
	       l->copies <= 1 &&
	       (l->reason == REASON_OUTSIDE || l->reason == REASON_GAP);
}

/* A line of a closing list: a sentence that reads as text. */
static bool closing_item(const struct line *l)
{
	return dropped_for_place(l) && !l->f.code &&
	       (l->cls == CLS_NEAR || l->cls == CLS_GOOD) && l->f.punct_end;
}

/* A short heading over such a list: "Serving tips", "Requirements". */
static bool closing_heading(const struct line *l)
{
	return dropped_for_place(l) && l->cls == CLS_SHORT &&
	       !l->f.punct_end && !l->f.code;
}

/* Below line edge, the article's last line: a run of CLOSING_MIN_LINES
 * sentences or more with no blank line between them (a summary of
 * points, a job's requirements, tips), after at most a short heading,
 * goes with the article; CLOSING_MIN_SPACED if blank lines part them,
 * as a rendering that sets list items apart does.  Alone each weighs as
 * a short line, so the span ends above them.  A list of teasers
 * alternates titles that end in no full stop with blurbs, and fails the
 * run. */
static void attach_closing(struct doc *d, size_t edge)
{
	size_t i = edge + 1, head = SIZE_MAX, start, end, j;
	unsigned items = 0;
	bool spaced = false;	/* blank lines between the items */

	while (i < d->nlines && line_blank(&d->lines[i]))
		i++;
	if (i < d->nlines && closing_heading(&d->lines[i])) {
		head = i++;
		while (i < d->nlines && line_blank(&d->lines[i]))
			i++;
	}
	for (start = end = i; i < d->nlines; i++) {
		if (line_blank(&d->lines[i]))
			continue;
		if (!closing_item(&d->lines[i]))
			break;
		spaced = spaced || (items > 0 && end != i);
		items++;
		end = i + 1;
	}
	if (items < (spaced ? CLOSING_MIN_SPACED : CLOSING_MIN_LINES))
		return;
	for (j = head != SIZE_MAX ? head : start; j < end; j++) {
		if (line_blank(&d->lines[j]))
			continue;
		d->lines[j].role = ROLE_BODY;
		d->lines[j].reason = REASON_CONTENT;
	}
}

/* ---- numbered sections cut by insets --------------------------------- */

/* The figures that start line l, up to three, as a number; *len gets
 * how many there are. */
static unsigned leading_number(const struct line *l, size_t *len)
{
	unsigned n = 0;
	size_t i;

	for (i = 0; i < l->len && i < 3 && ascii_digit(l->text[i]); i++)
		n = 10 * n + (unsigned)(l->text[i] - '0');
	*len = i;
	return n;
}

/* The number of a numbered section's or item's line ("3. Check the
 * door", "12) Tip"), 0 if it is none.  Not a date: "28. November". */
static unsigned item_number(const struct line *l)
{
	size_t i;
	unsigned n = leading_number(l, &i);

	if (date_like(l))
		return 0;
	if (i == 0 || i + 1 >= l->len ||
	    (l->text[i] != '.' && l->text[i] != ')') || l->text[i + 1] != ' ')
		return 0;
	return n;
}

/* The number of a line that is a step's number alone, its text on the
 * lines below ("1.", "2)"), as recipes and how-tos set their steps; 0
 * if it is none. */
static unsigned step_number(const struct line *l)
{
	size_t i;
	unsigned n = leading_number(l, &i);

	if (i == 0 || i + 1 != l->len ||
	    (l->text[i] != '.' && l->text[i] != ')'))
		return 0;
	return n;
}

/* The number of a numbered section, on its title's line or alone. */
static unsigned section_number(const struct line *l)
{
	unsigned n = item_number(l);

	return n > 0 ? n : step_number(l);
}

/* The number of the last numbered line of [from, to) that no rule
 * dropped, 0 if none. */
static unsigned last_item(const struct doc *d, size_t from, size_t to)
{
	unsigned n;

	while (to-- > from)
		if (d->lines[to].verdict != VERDICT_DROP &&
		    (n = section_number(&d->lines[to])) > 0)
			return n;
	return 0;
}

/* The end of the block of text that starts with line i: its text must
 * follow within ITEM_LEAD lines; then, as in find_span(), the best
 * prefix of the run whose running sum stays positive.  Returns i if
 * there is no such text. */
static size_t block_after(const struct structure *s, const struct doc *d,
			  size_t i)
{
	size_t end = i, k = i;
	unsigned lead = 0;
	float sum = 0, best = 0;

	while (k < d->nlines && s->w[k] <= 0 && lead <= ITEM_LEAD)
		lead += !line_blank(&d->lines[k++]);
	for (; k < d->nlines && (sum += s->w[k]) > 0; k++)
		if (sum > best) {
			best = sum;
			end = k + 1;
		}
	return best >= ITEM_MIN_WEIGHT ? end : i;
}

/* An article in numbered sections ("1. Take the blanket off", "2. Check
 * the door") that a gallery, a video player or an advertisement cuts
 * into blocks: the text that starts with the number after the span's
 * last one goes on with the article, however long the inset before it.
 * A span with no numbers yet goes on with the steps below it only from
 * a "1." alone on its line, a recipe's method below its table of
 * ingredients: a "1. Peter says:" starts a thread of comments as often.
 * One pass down the page. */
static void join_numbered(const struct structure *s, const struct doc *d,
			  size_t from, size_t *to)
{
	unsigned last = last_item(d, from, *to);
	size_t i, end;

	for (i = *to; i < d->nlines; i++) {
		const struct line *l = &d->lines[i];

		if (line_blank(l) || l->verdict == VERDICT_DROP ||
		    l->copies > 1 || section_number(l) != last + 1 ||
		    (last == 0 && step_number(l) == 0))
			continue;
		end = block_after(s, d, i);
		if (end == i)
			return;
		*to = end;
		last = last_item(d, i, end);
		i = end - 1;
	}
}

/* ---- headline and lede -------------------------------------------------- */

/* Index the words of the article (lines with role BODY) so that a
 * headline candidate can be checked against them: a.b counts copies. */
static void index_body(struct structure *s, const struct doc *d)
{
	size_t i;
	unsigned k;

	table_reset(s, body_words(d));
	for (i = 0; i < d->nlines; i++) {
		const struct line *l = &d->lines[i];
		const struct word *w = line_words(d, l);

		if (l->role != ROLE_BODY)
			continue;
		for (k = 0; k < l->f.words; k++)
			table_slot(s, w[k].hash)->a++;
	}
}

/* How often the word hashed h occurs in l itself. */
static unsigned own_count(const struct doc *d, const struct line *l,
			  uint64_t h)
{
	const struct word *w = line_words(d, l);
	unsigned k, n = 0;

	for (k = 0; k < l->f.words; k++)
		n += w[k].hash == h;
	return n;
}

/* A word that says what a text is about: not a function word of any
 * language we know, not a short one. */
static bool topic_word(const struct word *w)
{
	return w->len >= HEADLINE_WORD_MIN && w->langs == 0;
}

/* Share of the line's topic words that the article uses too: a
 * headline is about the article, "Skip to content" is not. */
static float body_overlap(const struct structure *s, const struct doc *d,
			  const struct line *l)
{
	const struct word *w = line_words(d, l);
	unsigned k, n = 0, in = 0;

	for (k = 0; k < l->f.words; k++) {
		const struct entry *e;

		if (!topic_word(&w[k]))
			continue;
		e = table_get(s, w[k].hash);
		n++;
		if (e && e->a > (l->role == ROLE_BODY ?
				 own_count(d, l, w[k].hash) : 0))
			in++;
	}
	return (float)in / (float)(n + 1);
}

/* Ends like a sentence or a label: "... was said.", "Read more:". */
static bool ends_like_text(const struct line *l)
{
	size_t n = l->len;

	while (n > 0 && strchr(" \"')]", l->text[n - 1]))
		n--;
	return n > 0 && strchr(".:,;", l->text[n - 1]);
}

/* A quotation mark of any kind. */
static bool quote_mark(uint32_t c)
{
	return c == '"' || c == '\'' || (c >= 0x2018 && c <= 0x201F) ||
	       c == 0xAB || c == 0xBB;
}

/* The bytes of the quotation marks at s[0..len). */
static size_t quotes_len(const char *s, size_t len)
{
	size_t i = 0, n;

	while (i < len && quote_mark(cp_decode(s + i, &n)))
		i += n;
	return i;
}

/* Holds the end of a sentence and the start of another, as a paragraph
 * or a standfirst does and a title does not: SENTENCE_MIN_WORDS words,
 * the last ending in SENTENCE_MIN_LOWER lower-case letters, a full stop,
 * a space, then a capital ("We pushed out the site in January. Our goal
 * is").  An abbreviation ends a shorter run of lower-case letters ("Dr.
 * Smith", "vs. Python"), and a name first is a label ("Angus Barbieri.
 * He fasted for a year"). */
static bool two_sentences(const struct line *l)
{
	size_t i = 0, n, sp;
	unsigned lower = 0, words = 0;
	bool in_word = false;

	while (i < l->len) {
		uint32_t c = cp_decode(l->text + i, &n);

		i += n;
		words += cp_is_word(c) && !in_word;
		in_word = cp_is_word(c);
		if (c != '.' || lower < SENTENCE_MIN_LOWER ||
		    words < SENTENCE_MIN_WORDS) {
			lower = cp_is_lower(c) ? lower + 1 : 0;
			continue;
		}
		lower = 0;
		i += quotes_len(l->text + i, l->len - i);
		if ((sp = space_len(l->text + i, l->len - i)) == 0)
			continue;
		i += sp;
		i += quotes_len(l->text + i, l->len - i);
		if (i < l->len && cp_is_upper(cp_decode(l->text + i, &n)))
			return true;
	}
	return false;
}

/* A letter or digit byte, or a byte of a non-ASCII character. */
static bool word_byte(char c)
{
	return (unsigned char)c >= 0x80 || isalnum((unsigned char)c);
}

/* Starts with an image as a text rendering shows it, its file name in
 * brackets: "[Harbour_pier_2024]", "[IMG_0412] Photo: ...".  A bracket
 * with plain words is a title's tag ("[Review] The new pier"). */
static bool image_name(const struct line *l)
{
	size_t i;

	if (l->len == 0 || l->text[0] != '[')
		return false;
	for (i = 1; i + 1 < l->len && l->text[i] != ']'; i++)
		if (l->text[i] == '_' && word_byte(l->text[i - 1]) &&
		    word_byte(l->text[i + 1]))
			return true;
	return false;
}

static bool title_like(const struct line *l)
{
	if (l->verdict == VERDICT_DROP || line_blank(l) || l->f.code)
		return false;
	return l->f.words > 0 && l->f.words <= HEADLINE_MAX_WORDS &&
	       l->f.chars <= HEADLINE_MAX_CHARS;
}

/* A line that could be a headline or a standfirst, not a label. */
static bool strong_title(const struct line *l)
{
	return title_like(l) && l->f.words >= 3 && !date_like(l) &&
	       !l->f.lower;
}

/* What the lines next to candidate i say about it, going dir (+1 down,
 * -1 up) past dates, labels and lines a rule dropped to the next line of
 * text: is that a kicker, a shorter title-like line (above a headline),
 * or a standfirst, a longer title-like line of prose (below a headline
 * that is itself more than a kicker)?  Returns that line, SIZE_MAX if
 * none. */
static size_t neighbours(const struct doc *d, size_t i, int dir,
			 bool *kicker, bool *standfirst)
{
	const struct line *c = &d->lines[i];
	unsigned seen = 0;

	*kicker = *standfirst = false;
	while (seen < HEADLINE_NEIGHBOURS &&
	       ((dir < 0 && i-- > 0) || (dir > 0 && ++i < d->nlines))) {
		const struct line *l = &d->lines[i];

		if (line_blank(l))
			continue;
		seen++;
		if (date_like(l) || l->verdict == VERDICT_DROP ||
		    l->f.words <= 2)
			continue;
		*kicker = strong_title(l) && strong_title(c) &&
			  l->f.words < c->f.words;
		*standfirst = strong_title(c) &&
			      c->f.words > HEADLINE_KICKER_WORDS &&
			      l->f.words > c->f.words && title_like(l) &&
			      (l->cls == CLS_NEAR || l->cls == CLS_GOOD);
		return i;
	}
	return SIZE_MAX;
}

/* Whether a title-like line and the standfirst below it are one title,
 * from their body overlaps: a deck restates the article, so the
 * article's words recur in it more than in the title, unless the title
 * is not about the article at all ("Sign up to comment", an image's file
 * name). */
static bool one_title(float title, float deck)
{
	return HEADLINE_DECK_SHARE * deck <= title;
}

static struct quote *quote_slot(struct structure *s, uint64_t key)
{
	size_t n = ARRAY_LEN(s->quote), i = (size_t)key % n;

	while (s->quote[i].key && s->quote[i].key != key)
		i = (i + 1) % n;
	return &s->quote[i];
}

/* Mark which headline candidates in [lo, hi] occur inside a longer line
 * of the page ("Title | Site", "Home / News / Title"): quote[].words
 * becomes 0 for those.  Windows of every candidate length are hashed,
 * so this is linear in the page's words times HEADLINE_MAX_WORDS. */
static void find_quoted(struct structure *s, const struct doc *d, size_t lo,
			size_t hi)
{
	size_t i, j, k, n, longest = 0;

	memset(s->quote, 0, sizeof(s->quote));
	for (i = lo; i <= hi; i++)
		if (title_like(&d->lines[i]) && d->lines[i].f.words >= 2) {
			uint64_t key = line_key(d, &d->lines[i]);
			struct quote *q = quote_slot(s, key);

			n = d->lines[i].f.words;
			q->key = key;
			q->words = (uint32_t)n;
			if (n > longest)
				longest = n;
		}
	for (i = 0; i < d->nlines; i++) {
		const struct word *w = line_words(d, &d->lines[i]);

		if (line_blank(&d->lines[i]) || d->lines[i].f.words < 3)
			continue;
		n = d->lines[i].f.words;
		for (j = 0; j < n; j++) {
			uint64_t key = LINE_KEY_SEED;

			for (k = j; k < n && k - j < longest; k++) {
				struct quote *q;

				key = hash_mix(key, w[k].hash);
				if (k - j + 1 >= n)	/* not longer */
					break;
				q = quote_slot(s, key);
				if (q->key && q->words == k - j + 1)
					q->words = 0;
			}
		}
	}
}

static bool quoted(struct structure *s, const struct doc *d,
		   const struct line *l)
{
	return l->f.words >= 2 && quote_slot(s, line_key(d, l))->words == 0;
}

/* Whether one of the HEADLINE_NEIGHBOURS lines below line i is a date:
 * a headline's dateline, maybe after a standfirst or a byline. */
static bool date_below(const struct doc *d, size_t i)
{
	unsigned seen = 0;

	while (++i < d->nlines && seen < HEADLINE_NEIGHBOURS) {
		if (line_blank(&d->lines[i]))
			continue;
		if (date_like(&d->lines[i]))
			return true;
		seen++;
	}
	return false;
}

/* Whether the line after line i follows it with no blank line between.
 * A heading stands apart, as renderings set a block off with a blank
 * line; the first line of a wrapped paragraph, a list item, a caption
 * run into its credit do not. */
static bool runs_on(const struct doc *d, size_t i)
{
	return i + 1 < d->nlines && !line_blank(&d->lines[i + 1]);
}

/* Whether line i sits right under line prev (see neighbours()), a
 * title at least as long whose words the article uses at least as
 * much: line i is its deck or a second title ("Place: the news", then
 * "Teaser: the same news"), and the upper line the headline. */
static bool under_title(struct structure *s, const struct doc *d,
			size_t prev, size_t i, float own)
{
	const struct line *p;

	if (prev == SIZE_MAX || i - prev > HEADLINE_UNDER_GAP)
		return false;
	p = &d->lines[prev];
	return strong_title(p) && strong_title(&d->lines[i]) &&
	       p->f.words >= d->lines[i].f.words &&
	       body_overlap(s, d, p) >= own;
}

/* How much l (line i) looks like the page's headline; higher is more
 * likely.  The weights are in tune.h, HEADLINE_*. */
static float title_score(struct structure *s, const struct doc *d, size_t i,
			 size_t distance)
{
	const struct line *l = &d->lines[i];
	const struct features *f = &l->f;
	float words = (float)f->words, sc;
	bool kicker, standfirst;
	float own = body_overlap(s, d, l), overlap = own;
	size_t prev, next = neighbours(d, i, 1, &kicker, &standfirst);

	/* A title and its deck are scored as one: the title gets the
	 * better overlap, the deck no kicker bonus for the title. */
	if (standfirst) {
		float deck = body_overlap(s, d, &d->lines[next]);

		if (one_title(own, deck) && deck > overlap)
			overlap = deck;
	}
	sc = HEADLINE_OVERLAP * overlap;
	sc += l->copies > 1 ? HEADLINE_COPIES : 0;
	sc += l->reason == REASON_CONTAINED ? HEADLINE_CONTAINED : 0;
	sc += quoted(s, d, l) ? HEADLINE_QUOTED : 0;
	sc += f->words < 3 ? HEADLINE_FEW_WORDS : 0;
	sc += f->words == 1 && f->cjk == 0 ? HEADLINE_ONE_WORD : 0;
	sc += f->words > 20 ? HEADLINE_MANY_WORDS : 0;
	sc += ends_like_text(l) || two_sentences(l) ? HEADLINE_PERIOD : 0;
	sc += image_name(l) ? HEADLINE_IMAGE : 0;
	sc += (float)f->digits > 0.2f * (float)f->chars ? HEADLINE_FIGURES : 0;
	sc += f->seps >= 2 || memchr(l->text, '|', l->len) ? HEADLINE_SEPS : 0;
	sc += HEADLINE_STOPS * (float)f->stops / words;
	sc += HEADLINE_CAPS * (float)f->caps / words;
	sc += l->cls == CLS_GOOD ? HEADLINE_PROSE : 0;
	sc += f->lower ? HEADLINE_LOWER : 0;
	sc += date_below(d, i) ? HEADLINE_DATE_NEXT : 0;
	sc += runs_on(d, i) ? HEADLINE_RUNS_ON : 0;
	sc += standfirst ? HEADLINE_STANDFIRST : 0;
	prev = neighbours(d, i, -1, &kicker, &standfirst);
	sc += under_title(s, d, prev, i, own) ? HEADLINE_UNDER_TITLE : 0;
	if (kicker) {
		neighbours(d, prev, 1, &kicker, &standfirst);
		kicker = !standfirst ||
			 !one_title(body_overlap(s, d, &d->lines[prev]), own);
	}
	sc += kicker ? HEADLINE_KICKER : 0;
	return sc - HEADLINE_DISTANCE * (float)distance;
}

/* The article span can start a few lines above its headline, at a line
 * of prose that is no part of it: a search box's help text, a site's
 * motto, a caption.  A title-like line among the first HEADLINE_BELOW
 * lines of the span that a date follows (its dateline) competes too,
 * with HEADLINE_BELOW_FIRST more against it; but not below a second
 * paragraph, where it is a subheading.  Returns the line past the last
 * one looked at. */
static size_t below_first(const struct doc *d, size_t first)
{
	size_t i = first, seen = 0;

	while (++i < d->nlines && seen < HEADLINE_BELOW) {
		if (line_blank(&d->lines[i]))
			continue;
		if (d->lines[i].cls == CLS_GOOD)
			break;
		seen++;
	}
	return i;
}

/* A line of text, not of a menu, a label or a button: one that may stand
 * between a headline and its article (a standfirst, a caption, a teaser)
 * without setting the headline further apart from it. */
static bool reads_as_text(const struct line *l)
{
	return l->cls >= CLS_NEAR && l->verdict != VERDICT_DROP;
}

/* The most title-like line among those just above the first article
 * line (or that line itself, or one just below it: see below_first()):
 * SIZE_MAX if none.  A line's distance from the article counts the
 * first article line and the lines between that do not read as text. */
static size_t pick_headline(struct structure *s, struct doc *d, size_t first)
{
	size_t i = first + 1, seen = 0, apart = 0, best = SIZE_MAX,
	       lo = first, end = below_first(d, first);
	float best_score = -1e9f;

	while (lo > 0 && seen < HEADLINE_LOOKBACK)
		if (!line_blank(&d->lines[--lo]))
			seen++;
	find_quoted(s, d, lo, end - 1);
	index_body(s, d);
	seen = 0;
	while (i-- > 0 && seen < HEADLINE_LOOKBACK) {
		struct line *l = &d->lines[i];
		float sc;

		if (line_blank(l))
			continue;
		seen++;
		if (title_like(l) &&
		    (sc = title_score(s, d, i, apart)) > best_score) {
			best_score = sc;
			best = i;
		}
		apart += i == first || !reads_as_text(l);
	}
	for (i = first + 1, seen = 0; i < end; i++) {
		float sc;

		if (line_blank(&d->lines[i]))
			continue;
		seen++;
		if (!title_like(&d->lines[i]) || !date_below(d, i))
			continue;
		sc = title_score(s, d, i, seen) + HEADLINE_BELOW_FIRST;
		if (sc > best_score) {
			best_score = sc;
			best = i;
		}
	}
	return best;
}

/* Whether line i, item n, is in a numbered list: the line before it is
 * item n - 1 or the line after it item n + 1.  A lone "15. " starts a
 * title with an ordinal ("15. Zukunftsforum"); a run of them is a list,
 * as a text rendering of a page numbers its breadcrumbs ("1. Home",
 * "2. News", "3. The title"). */
static bool in_numbered_list(const struct doc *d, size_t i, unsigned n)
{
	size_t prev = line_beside(d, i, -1), next = line_beside(d, i, 1);
	unsigned m;

	return (prev != SIZE_MAX && (m = item_number(&d->lines[prev])) > 0 &&
		m + 1 == n) ||
	       (next != SIZE_MAX && item_number(&d->lines[next]) == n + 1);
}

/* The bytes of the list marker that starts line i, "• " or, in a
 * numbered list, "3. ": 0 if none. */
static size_t list_marker(const struct doc *d, size_t i)
{
	const struct line *l = &d->lines[i];
	unsigned n;
	size_t len;

	if (!l->f.bullet)
		return 0;
	if (ascii_digit(l->text[0])) {	/* "3. ": figures, sign, space */
		n = item_number(l);
		leading_number(l, &len);
		return n > 0 && in_numbered_list(d, i, n) ? len + 2 : 0;
	}
	cp_decode(l->text, &len);	/* a bullet sign, then a space */
	return len;
}

/* The bytes of a date in figures at s[0..len), "23.01.2022",
 * "2022-01-23", "23/1/22": figures in two places at least, joined by
 * ".", "/" or "-"; 0 if none. */
static size_t figure_date_len(const char *s, size_t len)
{
	size_t i = 0;
	unsigned parts = 0;

	for (;;) {
		size_t start = i;

		while (i < len && ascii_digit(s[i]))
			i++;
		if (i == start)
			return 0;
		if (++parts == 3 || i == len || !strchr("./-", s[i]))
			break;
		i++;
	}
	return parts == 3 ? i : 0;
}

/* A letter: a word's character, not a figure. */
static bool letter(uint32_t c)
{
	return cp_is_word(c) && !(c >= '0' && c <= '9');
}

/* Whether s[0..len) starts with two letters, a word ("Title"), not the
 * rest of a time stamp ("T10:00"). */
static bool word_at(const char *s, size_t len)
{
	size_t n, m;

	return len > 0 && letter(cp_decode(s, &n)) && n < len &&
	       letter(cp_decode(s + n, &m));
}

/* The bytes of a date that starts the line, with the separator after it,
 * "23.01.2022 - " or "2022-01-23 | ", or with none when the title's
 * first letter follows at once, "27.01.2022Title" (a rendering that runs
 * a page's cells together): a dateline run into the title; 0 if none. */
static size_t date_prefix(const struct line *l)
{
	size_t i = figure_date_len(l->text, l->len), sp;

	if (i == 0)
		return 0;
	if (word_at(l->text + i, l->len - i))
		return i;	/* "27.01.2022Title": cells run together */
	i += space_len(l->text + i, l->len - i);
	if (i == l->len || !strchr("-|:", l->text[i]) ||
	    (sp = space_len(l->text + i + 1, l->len - i - 1)) == 0)
		return 0;
	return i + 1 + sp;
}

/* Whether the bytes s[0..len) between two words hold a separator of a
 * title's parts, " - ", " – ", " — ", " | ", ": ", and a space. */
static bool title_separator(const char *s, size_t len)
{
	bool sep = false, space = false;
	size_t i = 0, n;

	while (i < len) {
		uint32_t c = cp_decode(s + i, &n);

		i += n;
		sep |= c == '-' || c == '|' || c == ':' || c == 0x2013 ||
		       c == 0x2014;
		space |= c == ' ';
	}
	return sep && space;
}

/* Whether each of the words w[0..n) occurs among t[0..m). */
static bool words_among(const struct word *w, size_t n,
			const struct word *t, size_t m)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < m && t[j].hash != w[i].hash; j++)
			;
		if (j == m)
			return false;
	}
	return true;
}

/* Whether line m of the page is a teaser of the title t[0..nt) with its
 * kicker k[0..nk) set apart: "Kicker: Shorter title" or "Title - Kicker",
 * the kicker's words one side of a separator, the other side's words
 * (HEADLINE_KICKER_TEASER at least) all in the title. */
static bool kicker_apart(const struct doc *d, const struct line *m,
			 const struct word *k, size_t nk,
			 const struct word *t, size_t nt)
{
	const struct word *w = line_words(d, m);
	size_t n = m->f.words, j, at;

	if (n < nk + HEADLINE_KICKER_TEASER)
		return false;
	for (at = 0; at <= n - nk; at += n - nk) {	/* first, then last */
		size_t gap = at == 0 ? nk : at;	/* the word after the gap */
		const struct word *a = &w[gap - 1], *b = &w[gap];

		for (j = 0; j < nk && w[at + j].hash == k[j].hash; j++)
			;
		if (j == nk &&
		    title_separator(m->text + a->start + a->len,
				    b->start - a->start - a->len) &&
		    (at == 0 ? words_among(w + nk, n - nk, t, nt) :
			       words_among(w, at, t, nt)))
			return true;
	}
	return false;
}

/* The bytes of a kicker run into the title without a separator, as a
 * rendering that joins a page's spans shows it ("Harbour vote Town
 * rebuilds its pier"): the first words of line i, at
 * most HEADLINE_KICKER_WORDS, when another line of the page sets the same
 * words apart from the rest of the title (see kicker_apart()); 0 if
 * none.  A title that starts with a topic ("Brexit talks resume") has no
 * such teaser, so it keeps its first words; and what is left is a title
 * of three words at least, as strong_title() has it. */
static size_t glued_kicker(const struct doc *d, size_t i)
{
	const struct line *l = &d->lines[i];
	const struct word *w = line_words(d, l);
	size_t n = l->f.words, k, j;

	for (k = 1; k <= HEADLINE_KICKER_WORDS && k + 3 <= n; k++) {
		size_t end = w[k - 1].start + w[k - 1].len, nb;

		if (!cp_is_upper(cp_decode(l->text + w[k].start, &nb)) ||
		    space_len(l->text + end, w[k].start - end) !=
			    w[k].start - end)
			continue;	/* no title starts there, or a
					 * separator sets the kicker apart */
		for (j = 0; j < d->nlines; j++)
			if (j != i && !line_blank(&d->lines[j]) &&
			    kicker_apart(d, &d->lines[j], w, k, w + k, n - k))
				return w[k].start;
	}
	return 0;
}

/* A headline is a title, not an item of the list it was picked from nor
 * a dateline nor its kicker: drop a list marker, a date or a kicker
 * before it. */
static void strip_prefix(struct doc *d, size_t i)
{
	struct line *l = &d->lines[i];
	size_t n = list_marker(d, i);

	if (n == 0)
		n = date_prefix(l);
	if (n == 0)
		n = glued_kicker(d, i);
	if (n == 0)
		return;
	l->text += n;
	l->len -= n;
	line_trim(l);
}

/* The headline's standfirst, when the article left it out: among the
 * HEADLINE_NEIGHBOURS lines below the headline, past dates, short lines
 * and lines a rule dropped, a title-like line of prose with
 * LEDE_MIN_WORDS words that was dropped only for where it stands: above
 * the span, in a gap of it, or (a sentence) as part of a longer line, as
 * a page's description repeats it.  It says what the article is about:
 * it is the lede.  Not a line a rule cut, a caption that lost its
 * credit.  SIZE_MAX if none. */
static size_t standfirst_below(const struct doc *d, size_t head)
{
	size_t i = head, seen = 0;

	while (++i < d->nlines && seen < HEADLINE_NEIGHBOURS) {
		const struct line *l = &d->lines[i];

		if (line_blank(l))
			continue;
		seen++;
		if (date_like(l) || l->verdict == VERDICT_DROP ||
		    l->f.words < LEDE_MIN_WORDS)
			continue;
		if (l->role == ROLE_DROP && l->rule < 0 &&
		    (l->reason == REASON_OUTSIDE || l->reason == REASON_GAP ||
		     (l->reason == REASON_CONTAINED && ends_like_text(l))) &&
		    title_like(l) && !l->f.lower &&
		    (l->cls == CLS_NEAR || l->cls == CLS_GOOD))
			return i;
		break;
	}
	return SIZE_MAX;
}

void structure_apply(struct structure *s, struct doc *d)
{
	size_t from, to, i, first = SIZE_MAX, last, head, lede;

	for (i = 0; i < d->nlines; i++)
		d->lines[i].role = ROLE_DROP;
	drop_repeats(s, d);
	for (i = 0; i < d->nlines; i++)
		if (!line_blank(&d->lines[i]) &&
		    d->lines[i].reason != REASON_REPEAT &&
		    d->lines[i].verdict != VERDICT_DROP)
			d->lines[i].role = ROLE_BODY;	/* alive, for now */
	drop_contained(s, d);
	s->teasers = false;
	weigh(s, d);
	find_span(s, d, &from, &to);
	s->teasers = s->full && teaser_list(d, from, to);
	if (s->teasers) {	/* no article: weigh it as a landing page */
		weigh(s, d);
		find_span(s, d, &from, &to);
	}
	trim_tail(s, d, from, &to);
	if (!s->teasers)	/* a list of teasers is no article */
		join_numbered(s, d, from, &to);
	keep_span(s, d, from, to);
	for (i = 0; i < d->nlines && first == SIZE_MAX; i++)
		if (d->lines[i].role == ROLE_BODY)
			first = i;
	if (first == SIZE_MAX)
		return;
	for (last = d->nlines - 1; d->lines[last].role != ROLE_BODY; last--)
		;
	attach_closing(d, attach_list(d, last, 1));
	first = attach_list(d, first, -1);
	head = pick_headline(s, d, first);
	if (head != SIZE_MAX) {
		d->lines[head].role = ROLE_HEADLINE;
		d->lines[head].reason = REASON_HEADLINE;
		strip_prefix(d, head);
		if ((i = standfirst_below(d, head)) != SIZE_MAX) {
			d->lines[i].role = ROLE_BODY;
			d->lines[i].reason = REASON_CONTENT;
		}
	}
	lede = SIZE_MAX;
	for (i = head == SIZE_MAX ? 0 : head + 1; i < d->nlines; i++)
		if (d->lines[i].role == ROLE_BODY &&
		    d->lines[i].f.words >= LEDE_MIN_WORDS) {
			lede = i;
			break;
		}
	if (lede == SIZE_MAX)
		return;
	d->lines[lede].role = ROLE_LEDE;
	d->lines[lede].reason = REASON_LEDE;
	/* Short lines between headline and lede with figures in them are
	 * bylines and dates. */
	for (i = head == SIZE_MAX ? 0 : head + 1; i < lede; i++) {
		struct line *l = &d->lines[i];

		if (l->role == ROLE_BODY && l->reason == REASON_CONTEXT &&
		    l->cls == CLS_SHORT && l->f.digits > 0)
			set_drop(l, REASON_BYLINE);
	}
}
