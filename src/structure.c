#include "structure.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "line.h"
#include "tally.h"
#include "text.h"
#include "tune.h"
#include "util.h"

/* Scratch space kept from page to page so that steady state allocates
 * nothing. */
struct structure {
	struct tally table;	/* lines, shingles: a and b per user */
	uint64_t *sh;		/* per word of the page: the shingle that
				 * starts with it (see drop_contained()) */
	size_t sh_cap;
	float *w;		/* per line: weight for the article span */
	unsigned char *ctx;	/* per line: prose above it (w_cap too) */
	size_t w_cap;
	bool full;		/* the page has full paragraphs */
	bool teasers;		/* it is a list of teasers (no article) */
};

struct structure *structure_new(void)
{
	return xcalloc(1, sizeof(struct structure));
}

void structure_free(struct structure *s)
{
	if (!s)
		return;
	tally_free(&s->table);
	free(s->sh);
	free(s->w);
	free(s->ctx);
	free(s);
}

static bool alive(const struct line *l)
{
	return !line_blank(l) && l->verdict != VERDICT_DROP &&
	       l->role != ROLE_DROP;
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

/* ---- repeats ----------------------------------------------------------- */

/* Count the copies of each line (a headline often repeats the page
 * title) and drop every copy after the first that no rule dropped: menus
 * repeated in footers, teasers repeating the lede. */
static void drop_repeats(struct structure *s, struct doc *d)
{
	size_t i;

	tally_reset(&s->table, d->nlines);
	for (i = 0; i < d->nlines; i++) {	/* a: first; b: copies */
		struct tally_entry *e;

		if (line_blank(&d->lines[i]))
			continue;
		e = tally_slot(&s->table, d->lines[i].key);
		e->b++;
		if (!e->a && d->lines[i].verdict != VERDICT_DROP)
			e->a = (uint32_t)i + 1;
	}
	for (i = 0; i < d->nlines; i++) {
		struct line *l = &d->lines[i];
		const struct tally_entry *e;

		if (line_blank(l))
			continue;
		e = tally_get(&s->table, l->key);
		l->copies = e->b;
		if (e->a != i + 1 && l->verdict == VERDICT_NONE && !l->f.code &&
		    !l->f.formula)
			line_drop(l, REASON_REPEAT);
	}
}

/* Of a line's runs of SHINGLE words, those drop_contained() compares:
 * the first MAX_SHINGLES. */
enum { MAX_SHINGLES = 512 };

static size_t shingle_count(const struct line *l)
{
	size_t n = l->f.words < SHINGLE ? 0 : l->f.words - SHINGLE + 1;

	return n < MAX_SHINGLES ? n : MAX_SHINGLES;
}

/* The runs of SHINGLE words of l, hashed, into out (shingle_count()
 * of them); returns how many.  A run's hash is a polynomial in its
 * words' hashes, w0 * P^(SHINGLE-1) + ... + w3, rolled from one run to
 * the next: a word in and a word out cost two multiplies, where mixing
 * each run's words anew cost SHINGLE mixes a word. */
static size_t shingles(const struct doc *d, const struct line *l,
		       uint64_t *out)
{
	const uint64_t P = 0x9E3779B97F4A7C15ull;	/* odd */
	const struct word *w = line_words(d, l);
	size_t n = shingle_count(l), k;
	uint64_t sh = 0, top = 1;	/* top: P^(SHINGLE-1) */

	if (n == 0)
		return 0;
	for (k = 0; k + 1 < SHINGLE; k++) {
		sh = sh * P + w[k].hash;
		top *= P;
	}
	for (k = 0; k < n; k++) {
		sh = sh * P + w[k + SHINGLE - 1].hash;
		out[k] = sh ? sh : 1;	/* 0 marks an empty slot */
		sh -= w[k].hash * top;
	}
	return n;
}

/* A pull quote or a cut teaser: every shingle of the line occurs in a
 * longer line of the page.  A line's shingles are hashed once, into
 * s->sh from its first word on, and looked up in the second pass. */
static void drop_contained(struct structure *s, struct doc *d)
{
	size_t i, j, n;

	if (d->nwords > s->sh_cap) {
		free(s->sh);
		s->sh = xmalloc(d->nwords * sizeof(*s->sh));
		s->sh_cap = d->nwords;
	}
	/* a and b: the two lines with the most words holding a shingle. */
	tally_reset(&s->table, alive_words(d));
	for (i = 0; i < d->nlines; i++) {
		unsigned words = d->lines[i].f.words;
		uint64_t *sh;

		if (!alive(&d->lines[i]) || shingle_count(&d->lines[i]) == 0)
			continue;
		sh = s->sh + d->lines[i].word0;
		n = shingles(d, &d->lines[i], sh);
		for (j = 0; j < n; j++) {
			struct tally_entry *e = tally_slot(&s->table, sh[j]);

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
		const uint64_t *sh;
		bool inside = true;

		if (!alive(l) || l->verdict == VERDICT_KEEP || l->f.code ||
		    l->f.words < CONTAINED_MIN_WORDS)
			continue;
		n = shingle_count(l);
		sh = s->sh + l->word0;	/* as the first pass left them */
		for (j = 0; j < n && inside; j++) {
			const struct tally_entry *e = tally_get(&s->table, sh[j]);
			size_t other = e->a != i + 1 ? e->a : e->b;

			inside = other && d->lines[other - 1].f.words >
					  l->f.words;
		}
		if (n > 0 && inside)
			line_drop(l, REASON_CONTAINED);
	}
}

/* ---- the article span --------------------------------------------------- */

/* A row of a table as a text browser lays it out: cells apart by a
 * run of TABLE_CELL_GAP spaces or more between words.  Not the blank
 * inside a form's text field, "[          ]". */
static bool table_row(const struct line *l)
{
	size_t i, run = 0;

	for (i = 0; i < l->len; i++) {
		if (l->text[i] != ' ') {
			if (run >= TABLE_CELL_GAP && l->text[i] != ']' &&
			    l->text[i - run - 1] != '[')
				return true;
			run = 0;
		} else {
			run++;
		}
	}
	return false;
}

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
	return table_row(l) ? WEIGHT_CODE : WEIGHT_BAD;
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

/* A cell of a table that a text rendering sets one to a line: a few
 * figures and signs ("15:6", "- 0,176", "88%").  Not a lone figure (a
 * reaction's or a comment's count) nor an image's number ("[1]"). */
static bool table_cell(const struct line *l)
{
	return data_like(l) && l->f.digits > 0 && l->text[0] != '[' &&
	       l->f.chars >= CELL_MIN_CHARS && l->f.chars <= CELL_MAX_CHARS;
}

/* The lines [from, to) are a gap between blocks of text.  The longer a
 * gap of menu-like lines, the more each further line costs: a caption or
 * a share bar inside the article is crossed, the menus and footers
 * between the article and a list of teasers are not.  A gap that is
 * largely code, a chart or a table is part of the article: its lines
 * cost their plain weight, and a table's cells no more than code. */
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
	if ((float)data >= GAP_DATA_SHARE * (float)n) {
		for (i = from; i < to; i++)
			if (table_cell(&d->lines[i]) && s->w[i] < WEIGHT_CODE)
				s->w[i] = WEIGHT_CODE;
		return;
	}
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

static bool dated_with_day(const struct line *l);

/* Whether the block that starts at line start has a post's header just
 * above it, within SPAN_HEAD_LINES lines: a title of two words or more
 * right above a dateline or byline with a date that names its day, or
 * right below one (a news site that sets the date over the headline).  A
 * blog's or a news site's post opens so; a sidebar's widgets and the
 * menus above a list of comments do not, nor does a teaser's heading
 * that holds only a year. */
static bool headed(const struct doc *d, size_t start)
{
	size_t i = start;
	unsigned seen = 0;
	bool below_date = false, below_title = false;

	while (i-- > 0 && seen < SPAN_HEAD_LINES) {
		const struct line *l = &d->lines[i];
		bool title, date;

		if (line_blank(l))
			continue;
		seen++;
		title = line_title_like(l) && l->f.words >= 2;
		date = line_date_like(l) && line_dated(l) && dated_with_day(l);
		if ((below_date && title) || (below_title && date))
			return true;
		below_date = date;
		below_title = title && !date;
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
			line_drop(l, REASON_GAP);
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
			line_drop(l, REASON_GAP);
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
			line_drop(l, REASON_GAP);
	}
}

/* A line of the span [from, to) dropped as a repeat whose earlier
 * copies all lie above the span is the span's own: a subheading that a
 * table of contents lists first, a paragraph that a teaser above quoted.
 * It is judged as any line of the span.  Not a short line of fewer than
 * SUBHEAD_MIN_WORDS words: a share button or a label repeats so, and
 * would lend a lone line of text beside it the look of a paragraph's. */
static void revive_repeats(struct structure *s, struct doc *d, size_t from,
			   size_t to)
{
	size_t i;

	tally_reset(&s->table, to - from);
	for (i = from; i < to; i++) {
		struct line *l = &d->lines[i];
		struct tally_entry *e;

		if (line_blank(l) || l->verdict == VERDICT_DROP)
			continue;
		e = tally_slot(&s->table, l->key);
		if (e->a++ == 0 && l->reason == REASON_REPEAT &&
		    l->verdict == VERDICT_NONE &&
		    (l->cls != CLS_SHORT || l->f.words >= SUBHEAD_MIN_WORDS)) {
			l->role = ROLE_BODY;
			l->reason = REASON_NONE;
		}
	}
}

/* A label that ends in a colon: "Setting:", "Participants:", the
 * headings of a structured abstract before their sentences. */
static bool ends_colon(const struct line *l)
{
	return l->len > 0 && l->text[l->len - 1] == ':';
}

/* A line that may belong to a run of sentences (see keep_sentences()):
 * a line short of a paragraph ending a sentence or in a colon that no
 * rule decided, kept or dropped so far as a loose line, a menu's, a
 * repeat or boilerplate (a reference dense with names and figures,
 * "Lee, S. (2014). Title. Retrieved 2014-04-05."). */
static bool run_sentence(const struct line *l)
{
	return l->verdict == VERDICT_NONE && !l->f.code &&
	       (l->f.punct_end || ends_colon(l)) &&
	       l->cls != CLS_GOOD &&
	       (l->role == ROLE_BODY || l->reason == REASON_GAP ||
		l->reason == REASON_SHORT || l->reason == REASON_REPEAT ||
		l->reason == REASON_BOILERPLATE);
}

/* SENTENCE_RUN lines or more in a row that all end a sentence, between
 * two paragraphs of the span with nothing else between: a question and
 * its answer, lines of dialogue, a list of short sentences.  Each
 * seemed loose beside the others; together they are text.  A caption
 * or a prompt stands alone or next to a label that ends no sentence.
 * Labels in a colon may stand between them ("Setting:", then "Two
 * rural clinics."), but only sentences count.  Repeats among them do
 * not count either, and stay dropped: a caption a page shows twice is
 * no run.  A longer run, of SENTENCE_RUN_ALONE, needs the paragraph
 * above it only: a list of short sentences may end at a heading. */
static void keep_sentences(struct doc *d, size_t from, size_t to)
{
	size_t i = from, j, k, n;

	while (i < to) {
		if (line_blank(&d->lines[i]) || !is_prose(&d->lines[i])) {
			i++;
			continue;
		}
		for (j = i + 1, n = 0; j < to; j++) {
			const struct line *l = &d->lines[j];

			if (line_blank(l))
				continue;
			if (!run_sentence(l))
				break;
			n += l->reason != REASON_REPEAT && l->f.punct_end;
		}
		if (n >= SENTENCE_RUN_ALONE ||
		    (n >= SENTENCE_RUN && j < to && is_prose(&d->lines[j])))
			for (k = i + 1; k < j; k++)
				if (!line_blank(&d->lines[k]) &&
				    d->lines[k].reason != REASON_REPEAT)
					line_keep(&d->lines[k]);
		i = j > i + 1 ? j : i + 1;
	}
}

/* The run of short lines [i, j) of the span is a list inside the text
 * rather than a menu: prose right below it, prose or a kept NEAR line
 * (its lead-in, "Three things to check:") right above it, and items
 * of LIST_ITEM_WORDS words on average ("Pick products that serve two
 * purposes"), where a menu's are a word or two ("News", "Sport"), none
 * of fewer than LIST_ITEM_MIN_WORDS (a chart's "Monthly").  Lines of
 * symbols or figures may stand between them ("COPY . /app", "[...]"),
 * and repeats (a command's output), but no shorter ones (a teaser's
 * "Photo" label) and none that a rule dropped. */
static bool list_in_text(const struct doc *d, size_t i, size_t j)
{
	size_t k, n = 0, words = 0, above = line_beside(d, i, -1);

	if (above == SIZE_MAX || !(is_prose(&d->lines[above]) ||
				   (alive(&d->lines[above]) &&
				    d->lines[above].cls == CLS_NEAR)) ||
	    j >= d->nlines || !is_prose(&d->lines[j]))
		return false;
	for (k = i; k < j; k++) {
		const struct line *l = &d->lines[k];

		if (line_blank(l) || l->cls == CLS_BAD)
			continue;
		if (l->verdict == VERDICT_DROP ||
		    l->f.words < LIST_ITEM_MIN_WORDS)
			return false;
		if (alive(l) && l->reason == REASON_CONTEXT) {
			n++;
			words += l->f.words;
		}
	}
	return words >= LIST_ITEM_WORDS * n;
}

/* A row of a table of the article: a line laid out as a table's row,
 * or one a fifth figures or more (a row whose cells a rendering glues
 * together: "Diesel32,23 Mt32,28 Mt0,1 %"), that no rule dropped and
 * that repeats no other line.  Not a paragraph (and table_row() need
 * not read one through). */
static bool article_row(const struct line *l)
{
	return l->verdict != VERDICT_DROP && l->reason != REASON_REPEAT &&
	       l->cls != CLS_GOOD && !line_blank(l) &&
	       ((float)l->f.digits >= ROW_FIGURE_SHARE * (float)l->f.chars ||
		table_row(l));
}

/* TABLE_MIN_ROWS rows of a table or more in a row inside the span
 * [from, to), no blank line between them: a table of the article
 * ("Diesel   32.2 Mt   32.3 Mt   0.1 %").  Its rows read as boilerplate
 * alone, for their figures; together they stay.  Not when most are a
 * single word: the choices of a form's menu ("50%", "75%", "100%"). */
static void keep_tables(struct doc *d, size_t from, size_t to)
{
	size_t i, j, cells;

	for (i = from; i < to; i = j + 1) {
		for (j = i, cells = 0; j < to && article_row(&d->lines[j]); j++)
			cells += d->lines[j].f.words > 1;
		if (j - i >= TABLE_MIN_ROWS && 2 * cells >= j - i)
			for (; i < j; i++)
				if (d->lines[i].role == ROLE_DROP)
					line_keep(&d->lines[i]);
	}
}

/* The bytes of the speaker's label that opens line l, colon included
 * ("Anna Berg:" in "Anna Berg: Yes, from China."), 0 if none: at most
 * SPEAKER_MAX_WORDS words from a capital letter (not a time, "10:30"),
 * with text after it. */
static size_t speaker_label(const struct line *l)
{
	size_t i, words = 1;
	unsigned char c = l->len ? (unsigned char)l->text[0] : 0;

	if (!(c >= 0x80 || (c >= 'A' && c <= 'Z')))
		return 0;
	for (i = 1; i + 2 < l->len; i++) {
		if (l->text[i] == ':')
			return l->text[i + 1] == ' ' ? i + 1 : 0;
		if (l->text[i] == ' ' && ++words > SPEAKER_MAX_WORDS)
			return 0;
	}
	return 0;
}

/* A turn of a transcript that a loose line's test dropped: a short
 * sentence that opens with a speaker's label. */
static bool dropped_turn(const struct line *l)
{
	return l->role == ROLE_DROP && l->reason == REASON_GAP &&
	       l->verdict == VERDICT_NONE && l->f.punct_end &&
	       speaker_label(l) > 0;
}

/* A transcript: a short sentence dropped as loose inside the span whose
 * speaker's label opens SPEAKER_MIN_LINES kept lines or more ("Anna
 * Berg: Yes, from China.") is a turn of the dialogue and stays.  The
 * labels of the kept lines are counted once, in s->table. */
static void keep_speakers(struct structure *s, struct doc *d, size_t from,
			  size_t to)
{
	size_t i, n;

	for (i = from; i < to && !dropped_turn(&d->lines[i]); i++)
		;
	if (i == to)	/* no such line: most pages */
		return;
	tally_reset(&s->table, to - from);
	for (i = from; i < to; i++) {
		const struct line *l = &d->lines[i];

		if (l->role == ROLE_BODY && (n = speaker_label(l)) > 0)
			tally_slot(&s->table, hash_bytes(HASH_SEED, l->text,
							 n))->a++;
	}
	for (i = from; i < to; i++) {
		struct line *l = &d->lines[i];
		const struct tally_entry *e;

		if (!dropped_turn(l))
			continue;
		e = tally_get(&s->table, hash_bytes(HASH_SEED, l->text,
						    speaker_label(l)));
		if (e && e->a >= SPEAKER_MIN_LINES)
			line_keep(l);
	}
}

/* The last character of line l, 0 if it is blank. */
static char last_char(const struct line *l)
{
	return l->len > 0 ? l->text[l->len - 1] : 0;
}

/* An item of an enumeration: a line that no rule dropped, no repeat,
 * that ends in a comma or a semicolon. */
static bool enum_item(const struct line *l)
{
	return l->verdict != VERDICT_DROP && l->reason != REASON_REPEAT &&
	       (last_char(l) == ',' || last_char(l) == ';');
}

/* One sentence set out as a list: a kept line that ends in a colon,
 * ENUM_MIN_ITEMS lines or more that end in a comma or a semicolon, and
 * one that ends the sentence ("Indicators: / the milk yield, / the
 * weight, / the feed intake."), nothing else between.  Its items stay,
 * however short or plain each is: a menu's end in no comma. */
static void keep_enumerations(struct doc *d, size_t from, size_t to)
{
	size_t i, j, k, n;

	for (i = from; i < to; i++) {
		const struct line *l = &d->lines[i];

		if (l->role != ROLE_BODY || last_char(l) != ':')
			continue;
		for (j = line_beside(d, i, 1), n = 0;
		     j < to && enum_item(&d->lines[j]);
		     j = line_beside(d, j, 1))
			n++;
		if (n < ENUM_MIN_ITEMS || j >= to ||
		    d->lines[j].verdict == VERDICT_DROP ||
		    d->lines[j].reason == REASON_REPEAT ||
		    !d->lines[j].f.punct_end)
			continue;
		for (k = i + 1; k <= j; k++)
			if (!line_blank(&d->lines[k]))
				line_keep(&d->lines[k]);
		i = j;
	}
}

/* Inside the span: prose stays, boilerplate goes, and short lines stay
 * unless they come in a run (a menu or a list of links). */
static void keep_span(struct structure *s, struct doc *d, size_t from,
		      size_t to)
{
	size_t i, j;
	bool list;

	for (i = 0; i < d->nlines; i++) {
		struct line *l = &d->lines[i];

		if (!alive(l))
			continue;
		if (l->verdict == VERDICT_KEEP) {
			l->role = ROLE_BODY;
			continue;
		}
		if (i < from || i >= to) {
			line_drop(l, REASON_OUTSIDE);
			continue;
		}
		if (l->f.code) {	/* its lines alone look like menus */
			line_keep(l);
			continue;
		}
		switch (l->cls) {
		case CLS_GOOD:
		case CLS_NEAR:
			line_keep(l);
			break;
		case CLS_SHORT:
			l->role = ROLE_BODY;
			l->reason = short_sentence(l) ? REASON_CONTENT :
							REASON_CONTEXT;
			break;
		case CLS_BAD:
			line_drop(l, REASON_BOILERPLATE);
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
			for (list = list_in_text(d, i, j); i < j; i++) {
				struct line *l = &d->lines[i];

				if (!alive(l) || l->reason != REASON_CONTEXT)
					continue;
				if (list)
					line_keep(l);
				else
					line_drop(l, REASON_SHORT);
			}
		if (j == i)
			j++;
	}
	drop_loose_sentences(s, d, from, to);
	drop_loose_near(s, d, from, to);
	drop_loose_short(d, from, to);
	keep_sentences(d, from, to);
	keep_tables(d, from, to);
	keep_speakers(s, d, from, to);
	keep_enumerations(d, from, to);
}

/* ---- lists of figures next to the article ------------------------------- */

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
 * Not a date (see line_dated()): lists of teasers come with dates, where a
 * list of nutrients has as many figures ("53,82 g"). */
static bool list_item(const struct line *l)
{
	bool sized = l->f.chars < LEN_SHORT ||
		     (l->f.chars < LEN_GOOD && l->f.digits > 0);

	return l->verdict == VERDICT_NONE && l->role == ROLE_DROP &&
	       l->reason != REASON_CONTAINED && l->reason != REASON_BOILERPLATE &&
	       sized && !(line_date_like(l) && line_dated(l));
}

/* Going dir (-1 up, +1 down) from line edge, the article's edge: a list of
 * short lines that are largely figures (ingredients, settings, a table
 * of specifications) belongs to the article, where a menu has none.
 * The list ends at its last figure line before LIST_PLAIN_RUN items
 * without one, LIST_PLAIN_RUN_ABOVE above the article, where more
 * lines without figures part a recipe's ingredients from its method.
 * Returns the article's new edge. */
static size_t attach_list(struct doc *d, size_t edge, int dir)
{
	size_t i = edge, end = edge, j;
	struct line *l;
	unsigned items = 0, figures = 0, plain = 0, end_items = 0,
		 end_figures = 0;
	unsigned plain_max = dir < 0 ? LIST_PLAIN_RUN_ABOVE : LIST_PLAIN_RUN;

	while ((dir < 0 && i-- > 0) || (dir > 0 && ++i < d->nlines)) {
		l = &d->lines[i];
		if (line_blank(l))
			continue;
		if (!list_item(l))
			break;
		items++;
		if (l->f.digits == 0) {
			if (++plain >= plain_max)
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
		if (!line_blank(l) && l->reason != REASON_REPEAT)
			line_keep(l);
	}
	return end;
}

/* ---- a closing list of sentences below the article ---------------------- */

/* A line dropped by the heuristics alone for why, no repeat, not one a
 * rule judged: a line that the lines around it may take back. */
static bool dropped_for(const struct line *l, enum reason why)
{
	return l->verdict == VERDICT_NONE && l->role == ROLE_DROP &&
	       l->copies <= 1 && l->reason == why;
}

/* A line dropped below the article only for where it stands: outside
 * the span, or a NEAR line with no prose beside it. */
static bool dropped_for_place(const struct line *l)
{
	return dropped_for(l, REASON_OUTSIDE) || dropped_for(l, REASON_GAP);
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
		line_keep(&d->lines[j]);
	}
}

/* Whether text[i..] starts a host's top-level domain: a dot between a
 * letter or digit and ADDRESS_TLD_MIN to ADDRESS_TLD_MAX lower-case
 * letters that end the word ("BuzzFeed.com!", "x.de."), where an
 * abbreviation's "z.B." or "e.g." has one letter or a capital. */
static bool tld_at(const struct line *l, size_t i)
{
	size_t n = 0;

	if (i == 0 || l->text[i] != '.' || !ascii_alnum(l->text[i - 1]))
		return false;
	while (i + 1 + n < l->len && l->text[i + 1 + n] >= 'a' &&
	       l->text[i + 1 + n] <= 'z')
		n++;
	if (i + 1 + n < l->len && ascii_alnum(l->text[i + 1 + n]))
		return false;
	return n >= ADDRESS_TLD_MIN && n <= ADDRESS_TLD_MAX;
}

/* A line that points elsewhere: a web address in it ("Mehr unter
 * www.x.de.", "Check out more articles on BuzzFeed.com!"). */
static bool has_address(const struct line *l)
{
	size_t i;

	for (i = 0; i < l->len; i++)
		if (tld_at(l, i) ||
		    (i + 3 <= l->len && memcmp(l->text + i, "://", 3) == 0))
			return true;
	return false;
}

/* The last line of the article; there is one. */
static size_t last_body(const struct doc *d)
{
	size_t i = d->nlines - 1;

	while (d->lines[i].role != ROLE_BODY)
		i--;
	return i;
}

/* Below line edge, the article's last line: its closing line, a sentence
 * set apart ("Viel Glück!", "Thanks to all who helped.", an update note)
 * that weighs too little alone to reach the span.  One line only, a
 * paragraph of its own (a footer's "Comments are closed." heads a block
 * of links), one no rule judged, that ends as a sentence does and has
 * stopwords: a teaser's title or a byline ends in none, a list of names
 * ("CNRS, Inserm.") has no stopword.  Not a question ("Want more from
 * us?"), which calls to what follows, nor a pointer to a web address. */
static void attach_last_line(struct doc *d, size_t edge)
{
	size_t i = edge + 1;
	struct line *l;

	while (i < d->nlines && line_blank(&d->lines[i]))
		i++;
	if (i >= d->nlines)
		return;
	l = &d->lines[i];
	if (i + 1 < d->nlines && !line_blank(&d->lines[i + 1]))
		return;	/* heads a block of lines below: a footer's */
	if (dropped_for_place(l) && !l->f.code && l->f.punct_end &&
	    l->cls != CLS_GOOD && l->f.words >= LAST_LINE_MIN_WORDS &&
	    l->f.stops > 0 && last_char(l) != '?' && !has_address(l))
		line_keep(l);
}

/* ---- numbered sections cut by insets --------------------------------- */

/* The number of a line that is a step's number alone, its text on the
 * lines below ("1.", "2)"), as recipes and how-tos set their steps; 0
 * if it is none. */
static unsigned step_number(const struct line *l)
{
	size_t i;
	unsigned n = line_leading_number(l, &i);

	if (i == 0 || i + 1 != l->len ||
	    (l->text[i] != '.' && l->text[i] != ')'))
		return 0;
	return n;
}

/* The number of a numbered section, on its title's line or alone. */
static unsigned section_number(const struct line *l)
{
	unsigned n = line_item_number(l);

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

/* ---- the article's parts past an inset ------------------------------- */

/* A line of an inset between two parts of the article, as a share bar,
 * a byline or a "Read more" label make one: blank, dropped by a rule,
 * or a short line; with near, also a NEAR line that ends no sentence,
 * weighed as a short one ("Copy link [    ]").  Not a date: comments
 * and teasers carry theirs. */
static bool inset_line(const struct structure *s, const struct doc *d,
		       size_t i, bool near)
{
	const struct line *l = &d->lines[i];

	if (line_blank(l))
		return true;
	if (l->verdict == VERDICT_KEEP || l->f.code ||
	    (line_date_like(l) && line_dated(l)))
		return false;
	return l->verdict == VERDICT_DROP ||
	       (s->w[i] <= 0 && l->cls != CLS_GOOD &&
		(l->cls != CLS_NEAR || (near && !l->f.punct_end)));
}

/* A paragraph of a part: prose that no rule judged. */
static bool part_line(const struct line *l)
{
	return l->verdict == VERDICT_NONE && alive(l) && l->cls == CLS_GOOD &&
	       !l->f.code;
}

/* How much the lines [from, to) speak of the topics of [a, b): the
 * share of their topic words that [a, b) uses, in / (n + 1) for n of
 * them, so that a line of a few words proves little. */
static float part_overlap(struct structure *s, const struct doc *d,
			  size_t from, size_t to, size_t a, size_t b)
{
	size_t i, k;
	unsigned n = 0, in = 0;

	tally_reset(&s->table, alive_words(d));
	for (i = a; i < b; i++) {
		const struct word *w = line_words(d, &d->lines[i]);

		if (!alive(&d->lines[i]) || s->w[i] <= 0)
			continue;
		for (k = 0; k < d->lines[i].f.words; k++)
			if (word_topic(&w[k]))
				tally_slot(&s->table, w[k].hash)->a = 1;
	}
	for (i = from; i < to; i++) {
		const struct word *w = line_words(d, &d->lines[i]);

		if (line_blank(&d->lines[i]))
			continue;
		for (k = 0; k < d->lines[i].f.words; k++) {
			if (!word_topic(&w[k]))
				continue;
			n++;
			in += tally_get(&s->table, w[k].hash) != NULL;
		}
	}
	return (float)in / (float)(n + 1);
}

/* Below the span [from, *to): past an inset of at most PART_GAP lines
 * that are no text (see inset_line()), a run of PART_MIN_PARAS
 * paragraphs or more with only blank lines between them goes on with
 * the article, when it speaks of the span's topics (PART_OVERLAP) and
 * weighs TAIL_SHARE of the span, as trim_tail() asks of a last section.
 * Comments and teasers below an article come with dates, titles or
 * blurbs between them, and fail.  Returns whether the span grew. */
static bool join_part(struct structure *s, const struct doc *d,
		      size_t from, size_t *to)
{
	size_t i = *to, first, end;
	unsigned gap = 0, paras = 0;
	float weight = 0, span = 0;

	for (; i < d->nlines && inset_line(s, d, i, true); i++)
		if (!line_blank(&d->lines[i]) && ++gap > PART_GAP)
			return false;
	if (i >= d->nlines || !part_line(&d->lines[i]))
		return false;
	for (first = end = i; i < d->nlines; i++) {
		if (line_blank(&d->lines[i]))
			continue;
		if (!part_line(&d->lines[i]))
			break;
		paras++;
		weight += s->w[i];
		end = i + 1;
	}
	for (i = from; i < *to; i++)
		span += s->w[i] > 0 ? s->w[i] : 0;
	if (paras < PART_MIN_PARAS || weight < TAIL_SHARE * span ||
	    part_overlap(s, d, first, end, from, *to) < PART_OVERLAP)
		return false;
	*to = end;
	return true;
}

/* A title over the paragraphs that start at line i: among the
 * SPAN_HEAD_LINES lines above them, no paragraph between, a title-like
 * line of more words than a kicker and no figures.  A byline ("By Ann
 * Lee") and a date are shorter or have figures; a caption under a photo
 * has them above it. */
static bool titled(const struct doc *d, size_t i)
{
	unsigned seen = 0;

	while (i-- > 0 && seen < SPAN_HEAD_LINES) {
		const struct line *l = &d->lines[i];

		if (line_blank(l))
			continue;
		seen++;
		if (l->cls == CLS_GOOD)
			return false;
		if (line_title_like(l) && l->f.digits == 0 &&
		    l->f.words > HEADLINE_KICKER_WORDS)
			return true;
	}
	return false;
}

/* Above the span [from, to): the article's intro, cut off from the rest
 * by a byline, a share bar or a table of contents.  Past at most
 * PART_GAP lines that are no text (see inset_line(); no NEAR line, as a
 * list of teasers above the article has them), a run of paragraphs with
 * only blank lines between them, under a title (see titled()), that
 * speaks of the span's topics (INTRO_OVERLAP).  Sets [*top, *end) to
 * its lines and returns true if there is one.  Only those lines join
 * the article, not the inset: a table of contents there would lend the
 * span's subheadings a first copy inside it (see revive_repeats()). */
static bool find_intro(struct structure *s, const struct doc *d,
		       size_t from, size_t to, size_t *top, size_t *end)
{
	size_t i = from;
	unsigned gap = 0;

	while (i > 0 && inset_line(s, d, i - 1, false))
		if (!line_blank(&d->lines[--i]) && ++gap > PART_GAP)
			return false;
	if (i == 0 || !part_line(&d->lines[i - 1]))
		return false;
	*end = i;
	*top = --i;
	while (i-- > 0) {
		if (line_blank(&d->lines[i]))
			continue;
		if (!part_line(&d->lines[i]))
			break;
		*top = i;
	}
	return titled(d, *top) &&
	       part_overlap(s, d, *top, *end, from, to) >= INTRO_OVERLAP;
}

/* ---- numbered lists inside the article -------------------------------- */

/* A line of the span dropped for its look alone, that the item numbers
 * around it may take back: short in a run, loose, or classified as
 * boilerplate. */
static bool dropped_for_look(const struct line *l)
{
	return dropped_for(l, REASON_SHORT) || dropped_for(l, REASON_GAP) ||
	       dropped_for(l, REASON_BOILERPLATE);
}

/* The next line of [i + 1, to) numbered n, if it comes within
 * NUMBER_REACH lines (blank ones aside) of line i; SIZE_MAX if none. */
static size_t next_numbered(const struct doc *d, size_t i, size_t to,
			    unsigned n)
{
	unsigned seen = 0;

	while (++i < to && seen < NUMBER_REACH) {
		const struct line *l = &d->lines[i];

		if (line_blank(l))
			continue;
		if (l->verdict != VERDICT_DROP && line_item_number(l) == n)
			return i;
		seen++;
	}
	return SIZE_MAX;
}

/* Inside the span [from, to): lines numbered in sequence ("31. Dance to
 * a song", "32. Buy yourself flowers", "33. ..."), NUMBER_RUN of them or
 * more each within NUMBER_REACH lines of the one before, are the items
 * of a list, and all stay, however short or plain each looks alone: a
 * menu or a list of links does not count its entries. */
static void keep_numbered(struct doc *d, size_t from, size_t to)
{
	size_t i, k, end;
	unsigned n, run;

	for (i = from; i < to; i++) {
		if (line_blank(&d->lines[i]) ||
		    d->lines[i].verdict == VERDICT_DROP ||
		    (n = line_item_number(&d->lines[i])) == 0)
			continue;
		for (run = 1, end = i;
		     (k = next_numbered(d, end, to, n + run)) != SIZE_MAX;
		     run++)
			end = k;
		if (run < NUMBER_RUN)
			continue;
		for (k = i; k <= end; k++) {
			struct line *l = &d->lines[k];

			if (line_item_number(l) > 0 && dropped_for_look(l))
				line_keep(l);
		}
		i = end;
	}
}

/* ---- teasers above a link to more --------------------------------------- */

/* Line i (SIZE_MAX: none) is in the article for now. */
static bool kept(const struct doc *d, size_t i)
{
	return i != SIZE_MAX && d->lines[i].role == ROLE_BODY;
}

/* A teaser: a blurb right above a link to the rest of its text ("Read
 * more", that a "more" rule drops), under its title or not.  An article
 * cut short above such a link (an excerpt on a blog's front page) has
 * more text right above its last paragraph: a paragraph that ends a
 * sentence, or an item of a numbered list; it stays. */
static void drop_teasers(struct doc *d)
{
	size_t i, b, t;

	for (i = 0; i < d->nlines; i++) {
		const struct line *l;

		if (!d->lines[i].more)
			continue;
		b = line_beside(d, i, -1);
		if (!kept(d, b) || d->lines[b].verdict == VERDICT_KEEP ||
		    (d->lines[b].cls != CLS_GOOD && d->lines[b].cls != CLS_NEAR))
			continue;
		t = line_beside(d, b, -1);
		if (kept(d, t)) {
			l = &d->lines[t];
			if ((l->cls == CLS_GOOD && l->f.punct_end) ||
			    l->verdict == VERDICT_KEEP ||
			    line_item_number(l) > 0)
				continue;
			line_drop(&d->lines[t], REASON_TEASER);
		}
		line_drop(&d->lines[b], REASON_TEASER);
	}
}

/* ---- captions above their credit ---------------------------------- */

/* Line i is blank, or past either end of the page. */
static bool blank_at(const struct doc *d, size_t i)
{
	return i >= d->nlines || line_blank(&d->lines[i]);
}

/* A line that ends in no sentence mark, set in a block of two with the
 * line a rule dropped right under it, is that line's: a caption above
 * its credit ("... on Thursday" / "Credit: STR/AFP"), a teaser above
 * its "More news" link, a comment above its "Comment by" line.  A
 * paragraph of the article ends a sentence, and a subheading is short
 * (CAPTION_MIN_WORDS) and has the text under it, not a rule's line. */
static void drop_captions(struct doc *d)
{
	size_t i;

	for (i = 0; i + 1 < d->nlines; i++) {
		struct line *l = &d->lines[i];
		const struct line *under = &d->lines[i + 1];

		if (l->role != ROLE_BODY || l->verdict != VERDICT_NONE ||
		    l->f.punct_end || l->f.words < CAPTION_MIN_WORDS ||
		    under->verdict != VERDICT_DROP || line_blank(under))
			continue;
		if ((i == 0 || blank_at(d, i - 1)) && blank_at(d, i + 2))
			line_drop(l, REASON_CAPTION);
	}
}

/* ---- a run of teasers at the article's end -------------------------- */

/* A line alone with a step's number ("2", "3.", "4)"), as a how-to's
 * steps are set. */
static bool bare_number(const struct line *l)
{
	size_t i;

	if (line_leading_number(l, &i) == 0 || i == 0)
		return false;
	return i == l->len ||
	       (i + 1 == l->len && (l->text[i] == '.' || l->text[i] == ')'));
}

/* A line of a teaser's head that marks it as one of a series: a date
 * that names its day and year ("12.11.2021"; not a gallery's "2/28"),
 * or a label said RUN_LABEL_COPIES times or more on the page, a word in
 * capitals first and no figures, that no rule dropped: a category that
 * each teaser of a list carries.  An "Advertisement" label between an
 * article's paragraphs is a rule's, a "[svg]" is an image's, and "Step
 * 2" numbers a how-to's part. */
static bool run_marker(const struct line *l)
{
	if (line_date_like(l) && line_dated(l) && dated_with_day(l) &&
	    line_dated_with_year(l))
		return true;
	return l->reason != REASON_RULE && l->f.caps > 0 &&
	       l->f.digits == 0 && l->copies >= RUN_LABEL_COPIES &&
	       l->f.words <= RUN_LABEL_WORDS;
}

/* A kept line that may be a teaser's blurb or title: shorter than a
 * paragraph of an article's own, not kept by a rule, not an item of a
 * numbered list (a recipe's or a how-to's step). */
static bool run_text(const struct doc *d, size_t i)
{
	const struct line *l;

	if (!kept(d, i))
		return false;
	l = &d->lines[i];
	return l->verdict != VERDICT_KEEP && l->f.chars < TEASER_LEN &&
	       line_item_number(l) == 0 && !l->f.code;
}

/* The teaser whose blurb is line b: above the blurb at most one more
 * kept line (its title), above that a head of lines out of the article,
 * with no step's number among them.  Returns the line above the head
 * (SIZE_MAX if none), sets *top to the title's or blurb's line and
 * *marked to whether the head, of at most RUN_HEAD_MAX lines, has a
 * run_marker(); or returns b if it is no such teaser. */
static size_t run_teaser(const struct doc *d, size_t b, size_t *top,
			 bool *marked)
{
	size_t j = line_beside(d, b, -1);
	unsigned head = 0;

	*top = b;
	*marked = false;
	if (run_text(d, j)) {
		*top = j;
		j = line_beside(d, j, -1);
	}
	for (; j != SIZE_MAX && !kept(d, j); j = line_beside(d, j, -1)) {
		if (bare_number(&d->lines[j]))
			return b;	/* a how-to's step */
		head++;
		*marked |= run_marker(&d->lines[j]);
	}
	if (head > RUN_HEAD_MAX)	/* a teaser's head is a few lines */
		*marked = false;
	return head > 0 ? j : b;
}

/* Drop the kept lines of [from, to]. */
static void drop_kept(struct doc *d, size_t from, size_t to)
{
	size_t i;

	for (i = from; i <= to; i++)
		if (kept(d, i))
			line_drop(&d->lines[i], REASON_TEASER);
}

/* From line last up, teasers each a blurb under at most a title and a
 * head of lines out of the article (see run_teaser()); where RUN_MIN or
 * more in a row have a date or a category label in their head, and
 * drop is set, they go.  Returns whether article text lies above the
 * teasers. */
static bool scan_teasers(struct doc *d, size_t last, bool drop)
{
	size_t b, up, t, top = SIZE_MAX, low = SIZE_MAX;
	unsigned n = 0;
	bool marked;

	for (b = last;; b = up) {
		if (!run_text(d, b) ||
		    (up = run_teaser(d, b, &t, &marked)) == b)
			break;
		if (up == SIZE_MAX)
			return false;	/* no article above */
		if (!marked) {	/* a list of another kind: a new run */
			if (drop && n >= RUN_MIN)
				drop_kept(d, top, low);
			n = 0;
			continue;
		}
		if (n++ == 0)
			low = b;
		top = t;
	}
	if (drop && n >= RUN_MIN)
		drop_kept(d, top, low);
	return kept(d, b);
}

/* Below the article, from its last line up, lists of teasers (see
 * scan_teasers()), with article text above them.  A recipe's steps or a
 * how-to's sections carry no dates nor labels said again and again. */
static void drop_teaser_run(struct doc *d)
{
	size_t last = d->nlines;

	while (last-- > 0 && !kept(d, last))
		;
	if (last != SIZE_MAX && scan_teasers(d, last, false))
		scan_teasers(d, last, true);
}

void structure_apply(struct structure *s, struct doc *d)
{
	size_t from, to, i, first = SIZE_MAX, top = 0, end = 0;
	bool intro;

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
	if (!s->teasers && to > from)
		while (join_part(s, d, from, &to))
			;
	intro = !s->teasers && to > from &&
		find_intro(s, d, from, to, &top, &end);
	revive_repeats(s, d, from, to);
	keep_span(s, d, from, to);
	keep_numbered(d, from, to);
	if (intro)
		for (i = top; i < end; i++)
			if (!line_blank(&d->lines[i]))
				line_keep(&d->lines[i]);
	if (!s->teasers) {	/* on a list of teasers they are the text */
		drop_teasers(d);
		drop_teaser_run(d);
	}
	drop_captions(d);
	for (i = 0; i < d->nlines && first == SIZE_MAX; i++)
		if (d->lines[i].role == ROLE_BODY)
			first = i;
	if (first == SIZE_MAX)
		return;
	attach_closing(d, attach_list(d, last_body(d), 1));
	attach_last_line(d, last_body(d));
	attach_list(d, first, -1);
}
