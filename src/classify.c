#include "classify.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "hash.h"
#include "line.h"
#include "stopwords.h"
#include "text.h"
#include "tune.h"
#include "util.h"

struct classifier {
	struct stoplist *stops;
};

/* Words split from a line in one call (see text_words()): enough for
 * most lines, few enough for the stack. */
enum { SPLIT_BATCH = 64 };

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

/* ---- features of one line ---------------------------------------------- */

static bool separator_cp(uint32_t c)
{
	return c == '|' || c == 0xA6 || c == 0xB7 || c == 0xBB ||
	       c == 0x2022 || c == 0x203A || c == 0x2192 || c == 0x25B8 ||
	       c == 0x25BA || c == '>' || c == '/';
}

/* Signs of program code, formulas and tables, which articles quote
 * and menus do not have. */
static bool symbol_cp(uint32_t c)
{
	return c == '(' || c == ')' || c == '[' || c == ']' || c == '{' ||
	       c == '}' || c == '=' || c == ';' || c == '<' || c == '_' ||
	       c == '$' || c == '\\' || (c >= 0x2500 && c <= 0x257F);
}

/* Signs that prose and menus hardly use but code and tables do; an
 * opening bracket only right after a word, as in "avg(n)", "a[i]":
 * "Canada (English)" is a menu item.  Not "_", which addresses and
 * template placeholders have too, nor box drawing, which a text browser
 * draws around a page's layout tables as well as around data. */
static bool code_cp(uint32_t c, uint32_t prev)
{
	if (c == '(' || c == '[')
		return cp_is_word(prev);
	return c == '{' || c == '}' || c == '=' || c == ';' || c == '<' ||
	       c == '\\';
}

/* Scripts written without spaces, where one character carries about as
 * much as a short word: a CJK line needs far fewer code points than a
 * Latin one to be a paragraph. */
static bool dense_cp(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
	       (c >= 0xF900 && c <= 0xFAFF);
}

/* Sentence punctuation of Chinese and Japanese: ideographic comma and
 * full stop, full-width comma, colon, semicolon, ! and ?. */
static bool cjk_punct_cp(uint32_t c)
{
	return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF1A ||
	       c == 0xFF1B || c == 0xFF01 || c == 0xFF1F;
}

/* What a list item starts with: a bullet sign, or a number and "." or
 * ")" ("3. Take the blanket off"), then a space. */
static bool starts_bullet(const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t c = cp_decode(s, &n);

	if (c == 0x2022 || c == 0xB7 || c == 0x25AA || c == 0x25A0 ||
	    c == 0x25BA || c == 0x25B8 || c == 0x25CF || c == 0x25E6 ||
	    c == 0x25CB || c == 0x2013 || c == 0x2014 || c == 0x2714 ||
	    c == 0x2713 || c == '-' || c == '*' || c == '+')
		return n < len && (s[n] == ' ' || (unsigned char)s[n] == 0xC2);
	while (i < len && i < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 0 && i + 1 < len && (s[i] == '.' || s[i] == ')') &&
	       s[i + 1] == ' ';
}

/* Sentence-final punctuation, looking through closing quotes and
 * brackets: "fin.", "fin.»", "(fin.)", "fin !", "fin…". */
static bool ends_sentence(const struct line *l)
{
	size_t n = l->len;

	while (n > 0) {
		size_t back = n - cp_last(l->text, n), k;
		uint32_t c = cp_decode(l->text + n - back, &k);

		if (c == '.' || c == '!' || c == '?' || c == 0x2026 ||
		    c == 0x3002 || c == 0xFF01 || c == 0xFF1F)
			return true;
		if (c != '"' && c != '\'' && c != ')' && c != ']' &&
		    c != 0xBB && c != 0x201D && c != 0x2019 && c != ' ' &&
		    c != 0xA0 && c != 0xFF09 && c != 0x300D && c != 0x300F &&
		    c != 0x3011)
			return false;
		n -= back;
	}
	return false;
}

/* A word in capitals, of two letters or more: "INS", "US", "DIE".  Tag
 * names a text browser shows ("[INS:...:INS]"), acronyms and shouted
 * menu items are not running text, and counting them as stopwords of
 * whatever language spells them so can outvote a page's prose. */
static bool all_caps(const char *w, size_t len)
{
	size_t i, n;
	unsigned upper = 0;

	for (i = 0; i < len; i += n) {
		unsigned char b = (unsigned char)w[i];
		uint32_t c;

		if (b < 0x80) {		/* most words: no decoding */
			if ((unsigned)(b - 'a') < 26u)
				return false;
			upper += (unsigned)(b - 'A') < 26u;
			n = 1;
			continue;
		}
		c = cp_decode(w + i, &n);
		if (cp_is_lower(c))
			return false;
		upper += cp_is_upper(c);
	}
	return upper >= 2;
}

/* An ASCII lower-case letter. */
static bool ascii_lower(char c)
{
	return (unsigned)(c - 'a') < 26u;
}

/* Whether the character at s is an upper-case letter. */
static bool upper_at(const char *s)
{
	unsigned char b = (unsigned char)*s;
	size_t n;

	if (b < 0x80)
		return (unsigned)(b - 'A') < 26u;
	return cp_is_upper(cp_decode(s, &n));
}

/* Add the word tw of line l to d's words and to the line's key
 * (line.key, as line_key() does, while the words come), counting its
 * stopword languages into lang_hits unless it is in capitals. */
static void add_word(const struct classifier *c, struct doc *d,
		     struct line *l, const struct text_word *tw,
		     unsigned *lang_hits)
{
	const char *text = l->text + tw->start;
	struct word w = {
		(uint32_t)tw->start, (uint32_t)tw->len,
		stoplist_lookup(c->stops, tw->hash), tw->hash,
	};
	uint32_t m;
	int b;

	doc_add_word(d, &w);
	l->f.words++;
	l->key = hash_mix(l->key, tw->hash);
	if (upper_at(text))
		l->f.caps++;
	/* most stopwords start in lower case: no need to look further */
	m = w.langs && !(!ascii_lower(text[0]) && all_caps(text, tw->len)) ?
	    w.langs : 0;
	for (b = 0; m; b++, m >>= 1)
		if (m & 1)
			lang_hits[b]++;
}

/* Split line l of d into words (see struct word), a batch of
 * SPLIT_BATCH at a time. */
static void split_words(const struct classifier *c, struct doc *d,
			struct line *l, unsigned *lang_hits)
{
	struct text_word tw[SPLIT_BATCH];
	size_t pos = 0, n, k;

	l->word0 = (uint32_t)d->nwords;
	while ((n = text_words(l->text, l->len, &pos, tw, SPLIT_BATCH)) > 0)
		for (k = 0; k < n; k++)
			add_word(c, d, l, &tw[k], lang_hits);
}

/* Count the code point c (after prev) if it is one of the signs the
 * features count: figures, separators, dense script... */
static void measure_sign(uint32_t c, uint32_t prev, struct features *f)
{
	if (separator_cp(c))
		f->seps++;
	if (c >= '0' && c <= '9')
		f->digits++;
	if (dense_cp(c))
		f->cjk++;
	if (symbol_cp(c))
		f->symbols++;
	if (code_cp(c, prev))
		f->code_signs++;
	if (cjk_punct_cp(c))
		f->cjk_punct++;
}

/* The length of the run of ASCII lower-case letters s[0..n) starts
 * with.  Eight bytes a step where the compiler tells their order and
 * counts trailing zeros: adding 0x1F to a byte sets its high bit from
 * 'a' up, adding 0x05 from '{' up, and a letter is a byte for which the
 * first does and the second does not.  A byte from 0x80 up sets both
 * or, wrapping, neither; its carry changes only the bytes after it. */
static size_t ascii_lower_len(const unsigned char *s, size_t n)
{
	size_t i = 0;
#ifdef BYTES_FIRST
	for (; n - i >= 8; i += 8) {
		uint64_t x = bytes_load(s + i),
			 other = ~((x + BYTES_ONES * 0x1F) &
				   ~(x + BYTES_ONES * 0x05)) & BYTES_HIGHS;

		if (other)
			return i + bytes_first(other);
	}
#endif
	while (i < n && (unsigned)(s[i] - 'a') < 26u)
		i++;
	return i;
}

/* Code points of the line: length, figures, separators, dense script,
 * and glue, an upper-case letter right after GLUE_MIN_LOWER lower-case
 * ones, as link texts run together ("AccepterTout") but not names
 * ("iPhone", "McDonald"). */
static void measure_chars(const struct line *l, struct features *f)
{
	const unsigned char *s = (const unsigned char *)l->text;
	size_t i = 0, n, len = l->len;
	unsigned lower_run = 0, chars = 0, glue = 0;
	uint32_t cp, prev = ' ';

	while (i < len) {
		unsigned char b = s[i];
		bool upper, lower;

		if ((unsigned)(b - 'a') < 26u) {
			/* a run of ASCII lower-case letters, most of most
			 * lines: none is a sign, none ends a run */
			size_t run = ascii_lower_len(s + i, len - i);

			chars += (unsigned)run;
			lower_run += (unsigned)run;
			i += run;
			prev = s[i - 1];
			continue;
		}
		if (b == ' ') {		/* the next commonest: ends a run */
			chars++;
			lower_run = 0;
			prev = ' ';
			i++;
			continue;
		}
		if (b < 0x80) {
			cp = b;
			n = 1;
			upper = (unsigned)(b - 'A') < 26u;
			lower = false;
		} else {
			cp = cp_decode(l->text + i, &n);
			upper = cp_is_upper(cp);
			lower = cp_is_lower(cp);
		}
		chars++;
		if (upper && lower_run >= GLUE_MIN_LOWER)
			glue++;
		lower_run = lower ? lower_run + 1 : 0;
		/* letters, most of a line, are none of these */
		if (!upper && !lower)
			measure_sign(cp, prev, f);
		prev = cp;
		i += n;
	}
	f->chars += chars;
	f->glue += glue;
}

/* Features of line l of d; each word's stopword languages are counted
 * into lang_hits. */
static void measure(const struct classifier *c, struct doc *d,
		    struct line *l, unsigned *lang_hits)
{
	struct features *f = &l->f;
	size_t n;

	memset(f, 0, sizeof(*f));
	measure_chars(l, f);
	split_words(c, d, l, lang_hits);
	f->punct_end = ends_sentence(l);
	f->bullet = starts_bullet(l->text, l->len);
	f->lower = cp_is_lower(cp_decode(l->text, &n));
}

/* A line that goes on with the sentence of the line right above it (no
 * blank line between): the page's source wrapped a paragraph. */
static bool continues(const struct line *prev, const struct line *l)
{
	size_t n;
	uint32_t c;

	if (line_blank(prev) || prev->f.punct_end ||
	    prev->f.chars < CONT_MIN_CHARS)
		return false;
	c = cp_decode(l->text, &n);
	if (c == 0x2014 || c == 0x2013)	/* "... and more / — one click" */
		return true;
	return l->f.lower && !l->f.bullet;
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
static unsigned count_stops(const struct doc *d, const struct line *l,
			    int lang)
{
	const struct word *w = line_words(d, l);
	unsigned i, stops = 0;

	for (i = 0; i < l->f.words; i++)
		stops += (w[i].langs >> lang) & 1;
	return stops;
}

/* The stopwords of line l in the language whose stoplist covers most
 * of its words, words in capitals aside as in split_words(). */
static unsigned own_stops(const struct doc *d, const struct line *l)
{
	const struct word *w = line_words(d, l);
	unsigned hits[LANG_MAX] = { 0 }, i, best = 0;
	int b;

	for (i = 0; i < l->f.words; i++) {
		uint32_t m = w[i].langs;

		if (m && all_caps(l->text + w[i].start, w[i].len))
			continue;

		for (b = 0; m; b++, m >>= 1)
			if ((m & 1) && ++hits[b] > best)
				best = hits[b];
	}
	return best;
}

/* A paragraph in another language than the page's, on a page with no
 * paragraph in its own (an English review on a German blog, a short
 * article that the page's menus and notices outweigh in their own
 * language): a line of LANG_LINE_WORDS words or more that is prose in
 * its own language, STOPS_GOOD of its words on that language's
 * stoplist, is judged by that stoplist.  A menu or a list of names is
 * not prose in any language, and a shorter line is too few words to
 * tell.  Where the page has prose in its language, lines in another
 * are its notices: a comment policy, an author's bio. */
static void judge_own_language(const struct doc *d, struct line *l)
{
	unsigned own;

	if (l->f.words < LANG_LINE_WORDS ||
	    (float)l->f.stops >= STOPS_GOOD * (float)l->f.words)
		return;
	own = own_stops(d, l);
	if ((float)own >= STOPS_GOOD * (float)l->f.words)
		l->f.stops = own;
}

/* ---- classes ------------------------------------------------------------ */

/* Length in Latin code points: a dense-script character counts as
 * DENSE_WEIGHT of them. */
static unsigned eff_chars(const struct features *f)
{
	return f->chars + (DENSE_WEIGHT - 1) * f->cjk;
}

/* Without a stoplist, prose is told by length, by a sentence end and by
 * its words: most start in lower case, where a list of names or a menu
 * is in Title Case. */
static enum cls judge_unknown(const struct features *f)
{
	float caps = f->words ? (float)f->caps / (float)f->words : 0;

	if (f->cjk == 0 && f->words >= 4 && caps > CAPS_MAX_UNKNOWN)
		return CLS_BAD;
	return eff_chars(f) >= LEN_GOOD && f->punct_end ? CLS_GOOD : CLS_NEAR;
}

static enum cls judge(const struct features *f, bool known_lang,
		      float *score)
{
	float stops = f->words ? (float)f->stops / (float)f->words : 0;

	*score = stops;
	if (f->words == 0)
		return CLS_BAD;
	if (f->glue > 0 && f->words <= GLUE_MAX_WORDS && !f->punct_end &&
	    2 * f->cjk < f->chars)	/* "DeepMind开发": a name in Chinese */
		return CLS_BAD;
	if ((float)f->seps >= SEP_SHARE * (float)f->words && f->seps >= 2)
		return CLS_BAD;
	if ((float)f->digits >= DIGIT_SHARE * (float)f->chars)
		return CLS_BAD;
	if (eff_chars(f) < LEN_SHORT && f->cjk_punct == 0)
		return CLS_SHORT;
	if (!known_lang)
		return judge_unknown(f);
	if (stops >= STOPS_GOOD)
		return eff_chars(f) >= LEN_GOOD ? CLS_GOOD : CLS_NEAR;
	if (stops >= STOPS_NEAR)
		return CLS_NEAR;
	return CLS_BAD;
}

static void features_add(struct features *sum, const struct features *f)
{
	sum->chars += f->chars;
	sum->words += f->words;
	sum->stops += f->stops;
	sum->caps += f->caps;
	sum->digits += f->digits;
	sum->seps += f->seps;
	sum->glue += f->glue;
	sum->cjk += f->cjk;
	sum->cjk_punct += f->cjk_punct;
	sum->punct_end = f->punct_end;
}

/* The class of the non-blank lines of [from, to) judged as one
 * paragraph, its score in *score. */
static enum cls judge_lines(const struct doc *d, size_t from, size_t to,
			    float *score)
{
	struct features sum;
	size_t i;

	if (to - from == 1)	/* most blocks: the line's own features */
		return judge(&d->lines[from].f, d->lang >= 0, score);
	memset(&sum, 0, sizeof(sum));
	for (i = from; i < to; i++)
		if (!line_blank(&d->lines[i]))
			features_add(&sum, &d->lines[i].f);
	if (to - from > 1)
		sum.glue = 0;	/* wrapped prose, not glued links */
	return judge(&sum, d->lang >= 0, score);
}

/* Judge lines [from, to), one hard-wrapped paragraph, as a whole: each
 * piece alone would look like a short line. */
static void judge_block(struct doc *d, size_t from, size_t to)
{
	float score;
	enum cls cls = judge_lines(d, from, to, &score);
	size_t i;

	for (i = from; i < to; i++) {
		d->lines[i].cls = cls;
		d->lines[i].score = score;
	}
}

/* Judge each paragraph, a line with the lines that continue it. */
static void judge_blocks(struct doc *d)
{
	size_t from, i;

	for (from = 0; from < d->nlines; from = i) {
		for (i = from + 1; i < d->nlines && d->lines[i].f.cont; i++)
			;
		if (!line_blank(&d->lines[from]))
			judge_block(d, from, i);
	}
}

/* Whether some line of the page is a paragraph. */
static bool any_good(const struct doc *d)
{
	size_t i;

	for (i = 0; i < d->nlines; i++)
		if (!line_blank(&d->lines[i]) && d->lines[i].cls == CLS_GOOD)
			return true;
	return false;
}

/* A line of one or two characters: a token of a formula that the
 * page's converter put on a line of its own ("x", "=", "2"). */
static bool formula_token(const struct line *l)
{
	return !line_blank(l) && l->f.chars <= FORMULA_TOKEN_CHARS;
}

/* Judge the lines [from, to) as one paragraph if, so judged, they are
 * text: a sentence cut by formulas written token by token. */
static void judge_formula_run(struct doc *d, size_t from, size_t to)
{
	float score;
	enum cls cls = judge_lines(d, from, to, &score);
	size_t i;

	if (cls != CLS_GOOD && cls != CLS_NEAR)
		return;		/* a calendar, a pager, a list of letters */
	for (i = from; i < to; i++) {
		d->lines[i].cls = cls;
		d->lines[i].score = score;
		d->lines[i].f.formula = !line_blank(&d->lines[i]);
	}
}

/* Formulas of a page whose text converter writes one token a line, and
 * the text between them: runs of FORMULA_MIN_TOKENS such lines or more,
 * at most FORMULA_GAP other lines apart and half the run's lines.  Each
 * token alone is a short line or a bad one, and the words around the
 * formulas too ("and they are"): the article would be lost.  A list
 * whose bullets stand on lines of their own is such a run too. */
static void judge_formulas(struct doc *d)
{
	size_t i, from = SIZE_MAX, last = 0;
	unsigned tokens = 0, other = 0, gap = 0;

	for (i = 0; i <= d->nlines; i++) {
		const struct line *l = i < d->nlines ? &d->lines[i] : NULL;

		if (l && line_blank(l))
			continue;
		if (l && formula_token(l)) {
			if (from == SIZE_MAX) {
				from = i;
				tokens = other = 0;
			}
			tokens++;
			other += gap;
			gap = 0;
			last = i;
			continue;
		}
		if (l && from != SIZE_MAX && ++gap <= FORMULA_GAP)
			continue;
		if (from != SIZE_MAX && tokens >= FORMULA_MIN_TOKENS &&
		    tokens >= other)
			judge_formula_run(d, from, last + 1);
		from = SIZE_MAX;
		gap = 0;
	}
}

/* Mark the lines of [from, to), non-blank lines with no blank line
 * between, as code: a program, a formula or a table, whose lines look
 * like menu items one by one.  Most of its lines look like code (code
 * signs, brackets, a lower-case start: "series,") and some carry signs
 * that only code has.  Prose stays prose: a paragraph often runs
 * straight into its code. */
static void mark_code(struct doc *d, size_t from, size_t to)
{
	unsigned n = 0, like = 0, sure = 0;
	size_t i;

	for (i = from; i < to; i++) {
		const struct features *f = &d->lines[i].f;

		if (d->lines[i].cls == CLS_GOOD)
			continue;
		n++;
		like += f->symbols > 0 || f->lower || f->code_signs > 0;
		sure += f->code_signs > 0;
	}
	if (sure < CODE_MIN_SURE || (float)like < CODE_SHARE * (float)n)
		return;
	for (i = from; i < to; i++)
		d->lines[i].f.code = d->lines[i].cls != CLS_GOOD;
}

void classify_doc(const struct classifier *c, struct doc *d)
{
	unsigned hits[LANG_MAX] = { 0 }, words = 0;
	size_t i, from;

	d->nwords = 0;
	for (i = 0; i < d->nlines; i++) {
		struct line *l = &d->lines[i];

		l->key = LINE_KEY_SEED;	/* a blank line's: no words */
		if (line_blank(l))
			continue;
		measure(c, d, l, hits);
		words += l->f.words;
		l->f.cont = i > 0 && continues(&d->lines[i - 1], l);
	}
	d->lang = detect_language(hits, words);
	for (i = 0; i < d->nlines; i++)
		if (!line_blank(&d->lines[i]))
			d->lines[i].f.stops = d->lang >= 0 ?
				count_stops(d, &d->lines[i], d->lang) : 0;
	judge_blocks(d);
	if (d->lang >= 0 && !any_good(d)) {
		for (i = 0; i < d->nlines; i++)
			if (!line_blank(&d->lines[i]))
				judge_own_language(d, &d->lines[i]);
		judge_blocks(d);
	}
	judge_formulas(d);
	for (from = 0; from < d->nlines; from = i + 1) {
		for (i = from; i < d->nlines && !line_blank(&d->lines[i]); i++)
			;
		mark_code(d, from, i);
	}
}
