#include "classify.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stopwords.h"
#include "text.h"
#include "tune.h"
#include "util.h"

struct classifier {
	struct stoplist *stops;
};

struct classifier *classifier_new(void)
{
	struct classifier *c = xcalloc(1, sizeof(*c));

	c->stops = stoplist_new();
	return c;
}

void classifier_free(struct classifier *c)
{
	if (!c)
		return;
	stoplist_free(c->stops);
	free(c);
}

static bool separator_cp(uint32_t c)
{
	return c == '|' || c == 0xA6 || c == 0xB7 || c == 0xBB ||
	       c == 0x2022 || c == 0x203A || c == 0x2192 || c == 0x25B8 ||
	       c == 0x25BA || c == '>' || c == '/';
}

/* Sentence-final punctuation, looking through closing quotes and
 * brackets: "fin.", "fin.»", "(fin.)", "fin !", "fin…". */
static bool ends_sentence(const struct line *l)
{
	size_t n = l->len;
	const unsigned char *s = (const unsigned char *)l->text;

	while (n > 0) {
		size_t back = 1, k;
		uint32_t c;

		while (back < 4 && back < n && (s[n - back] & 0xC0) == 0x80)
			back++;
		c = cp_decode(l->text + n - back, &k);
		if (c == '.' || c == '!' || c == '?' || c == 0x2026 ||
		    c == 0x3002 || c == 0xFF01 || c == 0xFF1F)
			return true;
		if (c != '"' && c != '\'' && c != ')' && c != ']' &&
		    c != 0xBB && c != 0x201D && c != 0x2019 && c != ' ' &&
		    c != 0xA0)
			return false;
		n -= back;
	}
	return false;
}

/* Stopword languages of the word w[0..len), as a bit mask. */
static uint32_t stop_langs(const struct classifier *c, const char *w,
			   size_t len)
{
	char folded[64];

	if (len >= sizeof(folded))
		return 0;
	return stoplist_lookup(c->stops, folded, text_fold(w, len, folded));
}

/* Features of one line; each word's stopword languages are counted
 * into lang_hits. */
static void measure(const struct classifier *c, struct line *l,
		    unsigned *lang_hits)
{
	struct features *f = &l->f;
	size_t i, n, pos = 0, start, wlen;
	uint32_t cp, prev = 0;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < l->len; i += n) {
		cp = cp_decode(l->text + i, &n);
		f->chars++;
		if (separator_cp(cp))
			f->seps++;
		if (cp >= '0' && cp <= '9')
			f->digits++;
		if (cp_is_upper(cp) && cp_is_lower(prev))
			f->glue++;
		prev = cp;
	}
	while (text_next_word(l->text, l->len, &pos, &start, &wlen)) {
		uint32_t m = stop_langs(c, l->text + start, wlen);
		int b;

		f->words++;
		if (cp_is_upper(cp_decode(l->text + start, &n)))
			f->caps++;
		for (b = 0; m; b++, m >>= 1)
			if (m & 1)
				lang_hits[b]++;
	}
	f->punct_end = ends_sentence(l);
}

/* The page's language: the stoplist that covers the largest share of
 * its words, if that share is large enough; -1 otherwise. */
static int detect_language(const unsigned *hits, unsigned words)
{
	size_t i, best = 0;

	for (i = 1; i < stoplist_langs(); i++)
		if (hits[i] > hits[best])
			best = i;
	if (words == 0 || hits[best] < LANG_MIN_SHARE * (float)words)
		return -1;
	return (int)best;
}

/* Stopwords of the page's language only: a German menu word that is an
 * English article must not make a German menu look like prose. */
static unsigned count_stops(const struct classifier *c, const struct line *l,
			    int lang)
{
	size_t pos = 0, start, wlen;
	unsigned stops = 0;

	while (text_next_word(l->text, l->len, &pos, &start, &wlen))
		if (stop_langs(c, l->text + start, wlen) & (1u << lang))
			stops++;
	return stops;
}

static enum cls judge(const struct line *l, bool known_lang, float *score)
{
	const struct features *f = &l->f;
	float stops = f->words ? (float)f->stops / (float)f->words : 0;

	*score = stops;
	if (f->words == 0)
		return CLS_BAD;
	if (f->glue > 0 && f->words <= GLUE_MAX_WORDS && !f->punct_end)
		return CLS_BAD;
	if ((float)f->seps >= SEP_SHARE * (float)f->words && f->seps >= 2)
		return CLS_BAD;
	if ((float)f->digits >= DIGIT_SHARE * (float)f->chars)
		return CLS_BAD;
	if (f->chars < LEN_SHORT)
		return CLS_SHORT;
	if (!known_lang)
		return f->chars >= LEN_GOOD && f->punct_end ? CLS_GOOD
							    : CLS_NEAR;
	if (stops >= STOPS_GOOD)
		return f->chars >= LEN_GOOD ? CLS_GOOD : CLS_NEAR;
	if (stops >= STOPS_NEAR)
		return CLS_NEAR;
	return CLS_BAD;
}

void classify_doc(const struct classifier *c, struct doc *d)
{
	unsigned hits[LANG_MAX] = { 0 }, words = 0;
	size_t i;

	for (i = 0; i < d->nlines; i++) {
		struct line *l = &d->lines[i];

		if (line_blank(l))
			continue;
		measure(c, l, hits);
		words += l->f.words;
	}
	d->lang = detect_language(hits, words);
	for (i = 0; i < d->nlines; i++) {
		struct line *l = &d->lines[i];

		if (line_blank(l))
			continue;
		l->f.stops = d->lang >= 0 ? count_stops(c, l, d->lang) : 0;
		l->cls = judge(l, d->lang >= 0, &l->score);
	}
}
