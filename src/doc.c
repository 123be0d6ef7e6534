#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

void doc_init(struct doc *d)
{
	memset(d, 0, sizeof(*d));
	d->lang = -1;
}

void doc_free(struct doc *d)
{
	buf_free(&d->text);
	free(d->lines);
	free(d->words);
	doc_init(d);
}

void doc_grow_words(struct doc *d)
{
	void *words = d->words;

	xgrow(&words, &d->words_cap, d->nwords + 1, sizeof(*d->words));
	d->words = words;
}

size_t space_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n == 0)
		return 0;
	if (u[0] < 0x80)	/* most characters, spaces or not */
		return u[0] == ' ' || (u[0] >= '\t' && u[0] <= '\r');
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)	/* U+00A0 */
		return 2;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	    ((u[2] >= 0x80 && u[2] <= 0x8B) || u[2] == 0xAF))
		return 3;	/* U+2000..U+200B, U+202F */
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F)
		return 3;	/* U+205F */
	if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;	/* U+3000 */
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return 3;	/* U+FEFF */
	return 0;
}

/* Length of the white space that ends s[0..n), scanning backwards. */
static size_t trailing_space_len(const char *s, size_t n)
{
	size_t total = 0;

	while (n > 0) {
		size_t back = n - cp_last(s, n),
		       k = space_len(s + n - back, back);

		if (k != back)
			break;
		n -= back;
		total += back;
	}
	return total;
}

/* A byte that neither starts nor ends white space: ASCII, not a space
 * nor a control.  Most lines start and end with one, and need no more
 * looking at. */
static bool plain_byte(char c)
{
	return (unsigned char)c > ' ' && (unsigned char)c < 0x80;
}

void line_trim(struct line *l)
{
	size_t k;

	if (l->len > 0 && plain_byte(l->text[0]) &&
	    plain_byte(l->text[l->len - 1])) {
		l->text[l->len] = '\0';
		return;
	}
	while ((k = space_len(l->text, l->len)) > 0) {
		l->text += k;
		l->len -= k;
	}
	l->len -= trailing_space_len(l->text, l->len);
	l->text[l->len] = '\0';
}

void doc_load(struct doc *d, const char *text, size_t len)
{
	size_t i = 0;
	void *lines = d->lines;

	buf_reset(&d->text);
	buf_append(&d->text, text, len);
	d->nlines = 0;
	d->nwords = 0;
	d->lang = -1;
	while (i < len) {
		char *start = d->text.data + i;
		char *nl = memchr(start, '\n', len - i);
		size_t n = nl ? (size_t)(nl - start) : len - i;
		struct line *l;

		if (d->nlines == d->cap) {
			xgrow(&lines, &d->cap, d->nlines + 1, sizeof(*l));
			d->lines = lines;
		}
		l = &d->lines[d->nlines++];
		memset(l, 0, sizeof(*l));
		l->text = start;
		l->len = n;
		l->rule = -1;
		start[n] = '\0';	/* the newline, or buf's terminator */
		line_trim(l);
		i += n + 1;
	}
}
