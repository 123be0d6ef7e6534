#include "line.h"

#include "hash.h"
#include "text.h"
#include "tune.h"

uint64_t line_key(const struct doc *d, const struct line *l)
{
	const struct word *w = line_words(d, l);
	uint64_t key = LINE_KEY_SEED;
	unsigned i;

	for (i = 0; i < l->f.words; i++)
		key = hash_mix(key, w[i].hash);
	return key;
}

bool word_topic(const struct word *w)
{
	return w->len >= TOPIC_WORD_MIN && w->langs == 0;
}

size_t line_beside(const struct doc *d, size_t i, int dir)
{
	while ((dir < 0 && i-- > 0) || (dir > 0 && ++i < d->nlines))
		if (!line_blank(&d->lines[i]))
			return i;
	return SIZE_MAX;
}

bool line_date_like(const struct line *l)
{
	return l->f.digits >= DATE_MIN_DIGITS && l->f.words <= DATE_MAX_WORDS;
}

/* Whether the run of figures s[end - run..end) is a year: 19xx, 20xx. */
static bool year(const char *s, size_t end, size_t run)
{
	return run == 4 && ((s[end - 4] == '1' && s[end - 3] == '9') ||
			    (s[end - 4] == '2' && s[end - 3] == '0'));
}

bool line_dated(const struct line *l)
{
	size_t i, run = 0;

	for (i = 0; i < l->len; i++) {
		char c = l->text[i];
		bool next_digit = i + 1 < l->len && ascii_digit(l->text[i + 1]);

		if (ascii_digit(c)) {
			run++;
			if (!next_digit && year(l->text, i + 1, run))
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

bool line_dated_with_year(const struct line *l)
{
	size_t i, run = 0;
	unsigned joined = 0;

	for (i = 0; i <= l->len; i++) {
		char c = i < l->len ? l->text[i] : ' ';

		if (ascii_digit(c)) {
			run++;
			continue;
		}
		if (year(l->text, i, run))
			return true;
		if (run > 0 && (c == '.' || c == '/' || c == '-') &&
		    i + 1 < l->len && ascii_digit(l->text[i + 1])) {
			if (++joined >= 2)
				return true;
		} else {
			joined = 0;
		}
		run = 0;
	}
	return false;
}

unsigned line_leading_number(const struct line *l, size_t *len)
{
	unsigned n = 0;
	size_t i;

	for (i = 0; i < l->len && i < 3 && ascii_digit(l->text[i]); i++)
		n = 10 * n + (unsigned)(l->text[i] - '0');
	*len = i;
	return n;
}

unsigned line_item_number(const struct line *l)
{
	size_t i;
	unsigned n = line_leading_number(l, &i);

	if (line_date_like(l))
		return 0;
	if (i == 0 || i + 1 >= l->len ||
	    (l->text[i] != '.' && l->text[i] != ')') || l->text[i + 1] != ' ')
		return 0;
	return n;
}

bool line_title_like(const struct line *l)
{
	if (l->verdict == VERDICT_DROP || line_blank(l) || l->f.code)
		return false;
	return l->f.words > 0 && l->f.words <= HEADLINE_MAX_WORDS &&
	       l->f.chars <= HEADLINE_MAX_CHARS;
}

void line_drop(struct line *l, enum reason why)
{
	l->role = ROLE_DROP;
	if (l->verdict != VERDICT_DROP)
		l->reason = why;
}

void line_keep(struct line *l)
{
	l->role = ROLE_BODY;
	l->reason = REASON_CONTENT;
}
