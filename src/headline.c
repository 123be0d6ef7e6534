#include "headline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hash.h"
#include "line.h"
#include "stopwords.h"
#include "tally.h"
#include "text.h"
#include "tune.h"
#include "util.h"

/* Slots of the table of candidates' keys: a power of two, over twice
 * the lines pick_headline() looks at. */
#define QUOTE_SLOTS 256
_Static_assert(QUOTE_SLOTS > 2 * (HEADLINE_LOOKBACK + HEADLINE_LATER + 1),
	       "QUOTE_SLOTS too small");
_Static_assert(HEADLINE_MAX_WORDS < 64, "candidates' lengths are bits");

/* Scratch space kept from page to page so that steady state allocates
 * nothing. */
struct headline {
	struct tally body;	/* the article's words: a counts copies */
	struct tally lines;	/* the article's lines, by line_key() */
	struct quote {		/* headline candidates' word keys */
		uint64_t key;	/* 0: empty */
		uint32_t words;
		bool quoted;	/* inside a longer line */
		bool named;	/* inside a longer line not of prose */
		bool crumb;	/* ends a trail of links */
	} quote[QUOTE_SLOTS];
	uint64_t starts[16];	/* bit (hash % 1024): a candidate's first
				 * word may have the hash */
	uint64_t lengths;	/* bit n: a candidate has n words */
	size_t longest;		/* words of the longest candidate */
};

struct headline *headline_new(void)
{
	return xcalloc(1, sizeof(struct headline));
}

void headline_free(struct headline *h)
{
	if (!h)
		return;
	tally_free(&h->body);
	tally_free(&h->lines);
	free(h);
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

/* Index the words and the lines of the article (lines with role BODY)
 * so that a headline candidate can be checked against them: a counts
 * copies. */
static void index_body(struct headline *h, const struct doc *d)
{
	size_t i, n = 0;
	unsigned k;

	tally_reset(&h->body, body_words(d));
	for (i = 0; i < d->nlines; i++)
		n += d->lines[i].role == ROLE_BODY;
	tally_reset(&h->lines, n);
	for (i = 0; i < d->nlines; i++) {
		const struct line *l = &d->lines[i];
		const struct word *w = line_words(d, l);

		if (l->role != ROLE_BODY)
			continue;
		tally_slot(&h->lines, l->key)->a++;
		for (k = 0; k < l->f.words; k++)
			tally_slot(&h->body, w[k].hash)->a++;
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

/* Share of the line's topic words that the article uses too: a
 * headline is about the article, "Skip to content" is not.  Words count
 * beyond the line's own copy in the article, if it has one: an entry of
 * a table of contents, a caption repeated whole, is a heading of the
 * article's or a caption, whose words recur only there. */
static float body_overlap(const struct headline *h, const struct doc *d,
			  const struct line *l)
{
	const struct word *w = line_words(d, l);
	unsigned k, n = 0, in = 0;
	bool in_body = l->role == ROLE_BODY ||
		       (l->copies > 1 && tally_get(&h->lines, l->key));

	for (k = 0; k < l->f.words; k++) {
		const struct tally_entry *e;

		if (!word_topic(&w[k]))
			continue;
		e = tally_get(&h->body, w[k].hash);
		n++;
		if (e && e->a > (in_body ? own_count(d, l, w[k].hash) : 0))
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

	if (!memchr(l->text, '.', l->len))	/* most titles: no full stop */
		return false;
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
	return (unsigned char)c >= 0x80 || ascii_alnum(c);
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

/* Whether the word w of line l is all figures: "2022", the "15" of
 * "15 - 30 Min". */
static bool figures_word(const struct line *l, const struct word *w)
{
	uint32_t k;

	for (k = 0; k < w->len; k++)
		if (!ascii_digit(l->text[w->start + k]))
			return false;
	return true;
}

/* The characters of s[0..len): its bytes but UTF-8's continuation
 * bytes. */
static size_t chars_of(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* A quantity, not a title: figures first, then figures and at most one
 * short word, a unit ("4512 kcal", "15 - 30 Min", "03.02.2022").  A
 * recipe's energy, a date, a reading time stand near a headline and
 * share its page's words, but say what it is about no more than a
 * price tag.  A name first ("Teil 2", "Blockhaus 3") is a title's. */
static bool quantity(const struct doc *d, const struct line *l)
{
	const struct word *w = line_words(d, l);
	unsigned k, named = 0;

	if (l->f.words == 0 || !figures_word(l, &w[0]))
		return false;
	for (k = 1; k < l->f.words; k++)
		if (!figures_word(l, &w[k]) &&
		    (++named > 1 || chars_of(l->text + w[k].start, w[k].len) >
					     HEADLINE_UNIT_CHARS))
			return false;
	return true;
}

/* A sign a menu sets beside a link: a bar between links, an arrow to
 * follow one ("|", ">", U+203A). */
static bool link_sign(uint32_t c)
{
	return c == '|' || c == '>' || c == 0x203A;
}

/* Whether line l says in brackets where a person stands in a photo,
 * "Ann Lee (l.) and Tom Cole", "(links)", "(ao centro)": a caption's
 * mark, which no title has. */
static bool position_mark(const struct line *l)
{
	static const char *const marks[] = {
		"l.", "r.", "li.", "re.", "m.", "v.l.", "v. l.", "v.r.",
		"v. r.", "links", "rechts", "mitte", "left", "right",
		"centre", "center", "from left", "ao centro", "à esquerda",
		"à direita", "izq.", "der.", "izquierda", "derecha",
		"au centre", "à gauche", "à droite",
	};
	const char *p = l->text, *end = l->text + l->len, *close;
	size_t k, n;

	while ((p = memchr(p, '(', (size_t)(end - p))) != NULL &&
	       (close = memchr(p, ')', (size_t)(end - p))) != NULL) {
		n = (size_t)(close - p - 1);
		for (k = 0; k < ARRAY_LEN(marks); k++)
			if (strlen(marks[k]) == n &&
			    strncasecmp(p + 1, marks[k], n) == 0)
				return true;
		p = close;
	}
	return false;
}

/* Whether line l ends on a word that cannot end a phrase: an article,
 * a conjunction, a preposition that always takes a noun ("... sehr
 * praxisorientiert und", "... the history of the").  The source wrapped
 * a paragraph there; a title ends on the word its phrase is about.  Not
 * particles that end verb phrases ("sign in", "kommt es an", "mach
 * zu") nor one-letter words that name things ("Plan A", "Vitamin E"). */
static bool open_end(const struct line *l)
{
	static const char *const words[] = {
		"the", "and", "or", "of", "der", "des", "dem", "und", "oder",
		"für", "zum", "zur", "le", "la", "les", "et", "du", "de",
		"del", "los", "las", "dos", "della", "di", "il",
	};
	size_t end = l->len, start, k, n;

	while (end > 0 && (l->text[end - 1] == ' ' || l->text[end - 1] == '\t'))
		end--;
	for (start = end; start > 0 && l->text[start - 1] != ' ' &&
			  l->text[start - 1] != '\t'; start--)
		;
	if (start == 0)
		return false;
	n = end - start;
	for (k = 0; k < ARRAY_LEN(words); k++)
		if (strlen(words[k]) == n &&
		    strncasecmp(l->text + start, words[k], n) == 0)
			return true;
	return false;
}

/* Whether line l starts with the word "photo" ("Photo: Ann Lee", "Foto
 * dpa", the same word in Cyrillic): a caption or a credit under a
 * picture, which no title starts with.  Not the plural, which heads a
 * gallery ("Photos: the storm"). */
static bool photo_label(const struct line *l)
{
	static const char *const words[] = {
		"photo", "foto", "image", "imagen", "immagine",
		"\xd0\xa4\xd0\xbe\xd1\x82\xd0\xbe",	/* Foto, Cyrillic */
		"\xd1\x84\xd0\xbe\xd1\x82\xd0\xbe",	/* foto, Cyrillic */
		"\xd0\xa4\xd0\x9e\xd0\xa2\xd0\x9e",	/* FOTO, Cyrillic */
	};
	size_t i = 0, start, k, n;

	while (i < l->len && !cp_is_word(cp_decode(l->text + i, &n)))
		i += n;
	for (start = i; i < l->len && cp_is_word(cp_decode(l->text + i, &n));)
		i += n;
	for (k = 0; k < ARRAY_LEN(words); k++)
		if (strlen(words[k]) == i - start &&
		    strncasecmp(l->text + start, words[k], i - start) == 0)
			return true;
	return false;
}

/* Whether line l names an account the way social networks do,
 * "@name" after a space or at the start ("By Ann Lee, @annlee", "Follow
 * @harbourtown"): a byline or a link to the account, not a title.  An
 * address has a word before its "@" ("ann@example.org"), a title's "@"
 * a space after it ("Sales @ Harbour"). */
static bool handle(const struct line *l)
{
	size_t i, n;
	uint32_t c;

	for (i = 0; i + 1 < l->len; i++) {
		if (l->text[i] != '@' ||
		    (i > 0 && (word_byte(l->text[i - 1]) ||
			       l->text[i - 1] == '@')))
			continue;
		c = cp_decode(l->text + i + 1, &n);
		if (cp_is_word(c) && !(c >= '0' && c <= '9'))
			return true;
	}
	return false;
}

/* Whether a link sign stands apart at the start or the end of line l,
 * a space between it and the words: a link or a crumb of a menu ("A la
 * Carte >", "> Print", "Local News |"), not a title, whose signs join
 * its parts ("Title | Site"). */
static bool link_mark(const struct line *l)
{
	size_t n, end, before;

	if (l->len < 2)
		return false;
	if (link_sign(cp_decode(l->text, &n)) &&
	    space_len(l->text + n, l->len - n) > 0)
		return true;
	end = cp_last(l->text, l->len);
	if (end == 0 || !link_sign(cp_decode(l->text + end, &n)))
		return false;
	before = cp_last(l->text, end);
	return space_len(l->text + before, end - before) == end - before;
}

/* Whether line i may be the headline at all: a title-like line, not a
 * quantity nor a menu's link. */
static bool candidate(const struct doc *d, size_t i)
{
	const struct line *l = &d->lines[i];

	return line_title_like(l) && !quantity(d, l) && !link_mark(l);
}

/* A line that could be a headline or a standfirst, not a label. */
static bool strong_title(const struct line *l)
{
	return line_title_like(l) && l->f.words >= 3 && !line_date_like(l) &&
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
		if (line_date_like(l) || l->verdict == VERDICT_DROP ||
		    l->f.words <= 2)
			continue;
		*kicker = strong_title(l) && strong_title(c) &&
			  l->f.words < c->f.words;
		*standfirst = strong_title(c) &&
			      c->f.words > HEADLINE_KICKER_WORDS &&
			      l->f.words > c->f.words && line_title_like(l) &&
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

static struct quote *quote_slot(struct headline *h, uint64_t key)
{
	size_t i = (size_t)key & (QUOTE_SLOTS - 1);

	while (h->quote[i].key && h->quote[i].key != key)
		i = (i + 1) & (QUOTE_SLOTS - 1);
	return &h->quote[i];
}

/* Note that a candidate starts with the word hashed hash; the table of
 * starts lets find_quoted() skip the windows no candidate can match. */
static void set_start(struct headline *h, uint64_t hash)
{
	size_t bit = (size_t)(hash >> 32) % (64 * ARRAY_LEN(h->starts));

	h->starts[bit / 64] |= (uint64_t)1 << (bit % 64);
}

static bool may_start(const struct headline *h, uint64_t hash)
{
	size_t bit = (size_t)(hash >> 32) % (64 * ARRAY_LEN(h->starts));

	return h->starts[bit / 64] >> (bit % 64) & 1;
}

/* A sign between the crumbs of a trail of links: "Home > News", "Home
 * / News", "Home » News". */
static bool crumb_sign(uint32_t c)
{
	return c == '>' || c == '|' || c == '/' || c == 0xBB ||
	       c == 0x203A || c == 0x2192;
}

/* Whether the bytes s[0..len) before a line's last words are a trail of
 * links up to them: a crumb sign among them, and the last sign before
 * the words a crumb sign or a colon ("Home > News > ", "Home > Press
 * release: "). */
static bool crumb_trail(const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t c, last = 0;
	bool sign = false;

	while (i < len) {
		c = cp_decode(s + i, &n);
		i += n;
		sign |= crumb_sign(c);
		if (c != ' ')
			last = c;
	}
	return sign && (crumb_sign(last) || last == ':');
}

/* Forget the page before's candidates (see quote_add()). */
static void quotes_reset(struct headline *h)
{
	memset(h->quote, 0, sizeof(h->quote));
	memset(h->starts, 0, sizeof(h->starts));
	h->lengths = 0;
	h->longest = 0;
}

/* Make line i one of the candidates find_quoted() looks for, if it may
 * be a headline. */
static void quote_add(struct headline *h, const struct doc *d, size_t i)
{
	const struct line *l = &d->lines[i];
	struct quote *q;

	if (!line_title_like(l) || l->f.words < 2)
		return;
	q = quote_slot(h, l->key);
	q->key = l->key;
	q->words = l->f.words;
	h->lengths |= (uint64_t)1 << l->f.words;
	set_start(h, line_words(d, l)[0].hash);
	if (l->f.words > h->longest)
		h->longest = l->f.words;
}

/* Mark which candidates (see quote_add()) occur inside a longer line
 * of the page ("Title | Site", "Home / News / Title"): quote[].quoted
 * is set for those, and quote[].crumb for those that end a trail of
 * links (see crumb_trail()).  Windows of the candidates' lengths are hashed
 * from the words a candidate may start with (see set_start()), so this
 * is linear in the page's words times HEADLINE_MAX_WORDS at worst, and
 * most words start no window. */
static void find_quoted(struct headline *h, const struct doc *d)
{
	size_t i, j, k, n;

	for (i = 0; i < d->nlines; i++) {
		const struct word *w = line_words(d, &d->lines[i]);

		if (line_blank(&d->lines[i]) || d->lines[i].f.words < 3)
			continue;
		n = d->lines[i].f.words;
		for (j = 0; j < n; j++) {
			uint64_t key = LINE_KEY_SEED;

			if (!may_start(h, w[j].hash))
				continue;

			for (k = j; k < n && k - j < h->longest; k++) {
				struct quote *q;

				key = hash_mix(key, w[k].hash);
				if (k - j + 1 >= n)	/* not longer */
					break;
				if (!(h->lengths >> (k - j + 1) & 1))
					continue;
				q = quote_slot(h, key);
				if (!q->key || q->words != k - j + 1)
					continue;
				q->quoted = true;
				q->named |= d->lines[i].cls != CLS_GOOD;
				q->crumb |= k + 1 == n &&
					    crumb_trail(d->lines[i].text,
							w[j].start);
			}
		}
	}
}

static bool quoted(struct headline *h, const struct line *l)
{
	return l->f.words >= 2 && quote_slot(h, l->key)->quoted;
}

/* Whether line l occurs inside a longer line that is not prose: a copy
 * of the page's title ("Title | Site"), a link to it ("3 comments on
 * Title"), where a paragraph's words would only quote a subheading. */
static bool named(struct headline *h, const struct line *l)
{
	return l->f.words >= 2 && quote_slot(h, l->key)->named;
}

/* Whether line l is the last crumb of a trail of links elsewhere on the
 * page ("Home > News > Title"): the page's own title, as a trail names
 * the page it leads to last. */
static bool crumb_end(struct headline *h, const struct line *l)
{
	return l->f.words >= 2 && quote_slot(h, l->key)->crumb;
}

/* Whether one of the HEADLINE_NEIGHBOURS lines below line i is a date:
 * a headline's dateline, maybe after a standfirst or a byline. */
static bool date_below(const struct doc *d, size_t i)
{
	unsigned seen = 0;

	while (++i < d->nlines && seen < HEADLINE_NEIGHBOURS) {
		if (line_blank(&d->lines[i]))
			continue;
		if (line_date_like(&d->lines[i]))
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
static bool under_title(struct headline *h, const struct doc *d,
			size_t prev, size_t i, float own)
{
	const struct line *p;

	if (prev == SIZE_MAX || i - prev > HEADLINE_UNDER_GAP)
		return false;
	p = &d->lines[prev];
	return strong_title(p) && strong_title(&d->lines[i]) &&
	       p->f.words >= d->lines[i].f.words &&
	       body_overlap(h, d, p) >= own;
}

/* The share of line l's words that line p holds too. */
static float words_in(const struct doc *d, const struct line *l,
		      const struct line *p)
{
	const struct word *w = line_words(d, l), *t = line_words(d, p);
	unsigned k, j, in = 0;

	for (k = 0; k < l->f.words; k++) {
		for (j = 0; j < p->f.words && t[j].hash != w[k].hash; j++)
			;
		in += j < p->f.words;
	}
	return (float)in / (float)l->f.words;
}

/* Whether line i sits right under line prev (see neighbours()), a title
 * too long for a kicker and at least as long as line i, whose words the
 * article uses as a title's do next to its deck's (see one_title()):
 * line i is the deck, however much more of the article it restates, and
 * the upper line the headline.  A stronger under_title(), for a title
 * the article's words recur in less than in its deck.  Not when the
 * upper line has separators or holds HEADLINE_DECK_TRAIL of line i's
 * words: a trail of links that ends in them ("Home News Title"). */
static bool under_long_title(struct headline *h, const struct doc *d,
			     size_t prev, size_t i, float own)
{
	const struct line *p, *l = &d->lines[i];

	if (prev == SIZE_MAX || i - prev > HEADLINE_UNDER_GAP)
		return false;
	p = &d->lines[prev];
	return strong_title(p) && strong_title(l) &&
	       p->f.words > HEADLINE_KICKER_WORDS &&
	       p->f.words >= l->f.words && p->f.seps == 0 &&
	       !ends_like_text(p) &&
	       words_in(d, l, p) < HEADLINE_DECK_TRAIL &&
	       one_title(body_overlap(h, d, p), own);
}

/* How much l (line i) looks like the page's headline; higher is more
 * likely.  The weights are in tune.h, HEADLINE_*. */
static float title_score(struct headline *h, const struct doc *d, size_t i,
			 size_t distance)
{
	const struct line *l = &d->lines[i];
	const struct features *f = &l->f;
	float words = (float)f->words, sc;
	bool kicker, standfirst;
	float own = body_overlap(h, d, l), overlap = own;
	size_t prev, next = neighbours(d, i, 1, &kicker, &standfirst);

	/* A title and its deck are scored as one: the title gets the
	 * better overlap, the deck no kicker bonus for the title. */
	if (standfirst) {
		float deck = body_overlap(h, d, &d->lines[next]);

		if (one_title(own, deck) && deck > overlap)
			overlap = deck;
	}
	sc = HEADLINE_OVERLAP * overlap;
	sc += l->copies > 1 ? HEADLINE_COPIES : 0;
	sc += l->reason == REASON_CONTAINED ? HEADLINE_CONTAINED : 0;
	sc += quoted(h, l) ? HEADLINE_QUOTED : 0;
	sc += crumb_end(h, l) ? HEADLINE_CRUMB_END : 0;
	sc += f->words < 3 ? HEADLINE_FEW_WORDS : 0;
	sc += f->words == 1 && f->cjk == 0 ? HEADLINE_ONE_WORD : 0;
	sc += f->words > 20 ? HEADLINE_MANY_WORDS : 0;
	sc += ends_like_text(l) || two_sentences(l) ? HEADLINE_PERIOD : 0;
	sc += image_name(l) ? HEADLINE_IMAGE : 0;
	sc += l->cut_end ? HEADLINE_CUT_END : 0;
	sc += position_mark(l) ? HEADLINE_POSITION : 0;
	sc += handle(l) ? HEADLINE_HANDLE : 0;
	sc += open_end(l) ? HEADLINE_OPEN_END : 0;
	sc += photo_label(l) ? HEADLINE_PHOTO : 0;
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
	sc += under_title(h, d, prev, i, own) ? HEADLINE_UNDER_TITLE : 0;
	sc += under_long_title(h, d, prev, i, own) ? HEADLINE_UNDER_LONG : 0;
	if (kicker) {
		neighbours(d, prev, 1, &kicker, &standfirst);
		kicker = !standfirst ||
			 !one_title(body_overlap(h, d, &d->lines[prev]), own);
	}
	sc += kicker ? HEADLINE_KICKER : 0;
	if (distance > HEADLINE_DISTANCE_MAX)
		distance = HEADLINE_DISTANCE_MAX;
	return sc - HEADLINE_DISTANCE * (float)distance;
}

/* The article span can start a few lines above its headline, at a line
 * of prose that is no part of it: a search box's help text, a site's
 * motto, a caption, a label.  A title-like line among the first
 * HEADLINE_BELOW lines of the span competes too, with
 * HEADLINE_BELOW_FIRST more against it, and HEADLINE_BELOW_UNDATED more
 * when no date follows it (a dateline), if the span keeps it (not a
 * pull quote repeating the article); but not below a second paragraph,
 * where it is a subheading.  Returns the line past the last
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

/* The words of the paragraph right under line i: the first line of prose
 * among the next HEADLINE_NEIGHBOURS; 0 if none. */
static unsigned words_under(const struct doc *d, size_t i)
{
	unsigned seen = 0;

	while (++i < d->nlines && seen < HEADLINE_NEIGHBOURS) {
		if (line_blank(&d->lines[i]))
			continue;
		seen++;
		if (d->lines[i].cls == CLS_GOOD)
			return d->lines[i].f.words;
	}
	return 0;
}

/* Whether line i, further down the article span, is a title over the
 * article proper: a title-like line, not in lower case nor a date, even
 * of one or two words (a blog post's "Hello again!"), a dateline right
 * above it, and under it a paragraph longer than the span's first line
 * and than every paragraph the span keeps before it.  The span then
 * starts at a sidebar's or a box's lighter text (a share button's
 * notice, a site's motto), and the page's own title, date and article
 * come after. */
static bool dated_title_later(const struct doc *d, size_t first,
			      size_t prev, size_t i)
{
	unsigned under = words_under(d, i);
	size_t k;

	if (prev == SIZE_MAX || !line_date_like(&d->lines[prev]) ||
	    !candidate(d, i) || d->lines[i].f.lower ||
	    line_date_like(&d->lines[i]) || under <= d->lines[first].f.words)
		return false;
	for (k = first + 1; k < i; k++)
		if (d->lines[k].cls == CLS_GOOD &&
		    d->lines[k].role != ROLE_DROP &&
		    d->lines[k].f.words >= under)
			return false;
	return true;
}

/* Whether line i, further down the article span, is a title the page
 * repeats (its <title> copy, "Title | Site", a comment count's "3
 * comments on Title", or the same line twice): a title-like line, not
 * in lower case nor a date, with a date right above it or just below
 * it and a paragraph under it.  The span then starts at a box's or a
 * sidebar's text heavier than the article's own first paragraph. */
static bool echoed_title_later(struct headline *h, const struct doc *d,
			       size_t prev, size_t i)
{
	const struct line *l = &d->lines[i];

	if (!candidate(d, i) || l->f.lower || line_date_like(l) ||
	    words_under(d, i) == 0 || !(named(h, l) || l->copies == 2))
		return false;
	return (prev != SIZE_MAX && line_date_like(&d->lines[prev])) ||
	       date_below(d, i);
}

/* A line of text, not of a menu, a label or a button: one that may stand
 * between a headline and its article (a standfirst, a caption, a teaser)
 * without setting the headline further apart from it. */
static bool reads_as_text(const struct line *l)
{
	return l->cls >= CLS_NEAR && l->verdict != VERDICT_DROP;
}

/* A line further down the article span that may be its title there
 * (see dated_title_later() and echoed_title_later()): its index, the
 * non-blank line before it in the window, and its distance. */
struct later {
	size_t line, prev, seen;
};

/* The lines from end on, among the HEADLINE_LATER non-blank lines past
 * the first article line, that may be a title further down: title-like,
 * not in lower case nor a date, with a date right above or just below.
 * Both later tests ask that much; the others need not be looked up. */
static size_t later_titles(const struct doc *d, size_t first, size_t end,
			   struct later later[HEADLINE_LATER])
{
	size_t i, seen = 0, prev = SIZE_MAX, n = 0;

	for (i = first + 1; i < d->nlines && seen < HEADLINE_LATER; i++) {
		const struct line *l = &d->lines[i];

		if (line_blank(l))
			continue;
		seen++;
		if (i < end)
			continue;
		if (candidate(d, i) && !l->f.lower && !line_date_like(l) &&
		    ((prev != SIZE_MAX && line_date_like(&d->lines[prev])) ||
		     date_below(d, i)))
			later[n++] = (struct later){ i, prev, seen };
		prev = i;
	}
	return n;
}

/* The most title-like line among those just above the first article
 * line (or that line itself, or one just below it: see below_first(),
 * or a dated or a repeated title further down: see dated_title_later()
 * and echoed_title_later()): SIZE_MAX if
 * none.  A line's distance from the article counts the first article
 * line and the lines between that do not read as text. */
static size_t pick_headline(struct headline *h, struct doc *d, size_t first)
{
	size_t i = first + 1, seen = 0, apart = 0, best = SIZE_MAX,
	       lo = first, end = below_first(d, first), nlater, k;
	struct later later[HEADLINE_LATER];
	float best_score = -1e9f;

	while (lo > 0 && seen < HEADLINE_LOOKBACK)
		if (!line_blank(&d->lines[--lo]))
			seen++;
	nlater = later_titles(d, first, end, later);
	quotes_reset(h);
	for (i = lo; i < end; i++)
		quote_add(h, d, i);
	for (k = 0; k < nlater; k++)
		quote_add(h, d, later[k].line);
	find_quoted(h, d);
	index_body(h, d);
	i = first + 1;
	seen = 0;
	while (i-- > 0 && seen < HEADLINE_LOOKBACK) {
		struct line *l = &d->lines[i];
		float sc;

		if (line_blank(l))
			continue;
		seen++;
		if (candidate(d, i) &&
		    (sc = title_score(h, d, i, apart)) > best_score) {
			best_score = sc;
			best = i;
		}
		apart += i == first || !reads_as_text(l);
	}
	for (i = first + 1, seen = 0; i < end; i++) {
		float sc;
		bool dated;

		if (line_blank(&d->lines[i]))
			continue;
		seen++;
		if (!candidate(d, i))
			continue;
		dated = date_below(d, i);
		if (!dated && d->lines[i].role == ROLE_DROP)
			continue;
		sc = title_score(h, d, i, seen) + HEADLINE_BELOW_FIRST +
		     (dated ? 0 : HEADLINE_BELOW_UNDATED);
		if (sc > best_score) {
			best_score = sc;
			best = i;
		}
	}
	for (k = 0; k < nlater; k++) {
		const struct later *t = &later[k];
		bool echo = echoed_title_later(h, d, t->prev, t->line);
		float sc;

		if ((dated_title_later(d, first, t->prev, t->line) || echo) &&
		    (sc = title_score(h, d, t->line, t->seen) +
			  HEADLINE_LATER_TITLE +
			  (echo ? HEADLINE_LATER_ECHO : 0)) > best_score) {
			best_score = sc;
			best = t->line;
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

	return (prev != SIZE_MAX && (m = line_item_number(&d->lines[prev])) > 0 &&
		m + 1 == n) ||
	       (next != SIZE_MAX && line_item_number(&d->lines[next]) == n + 1);
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
		n = line_item_number(l);
		line_leading_number(l, &len);
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

/* The bytes of a kicker run into the title at a colon with a space
 * before it, as a rendering that joins a page's spans shows it
 * ("Harbour vote : Town rebuilds its pier", "Press release :Town
 * rebuilds its pier"): up to the title's first word, when
 * HEADLINE_COLON_TITLE words at least follow; 0 if none.  A colon
 * written in the text has no space before it, but in French, which
 * sets one before every colon ("Port : la ville vote"): not on a page
 * in French, nor on one whose language is unknown. */
static size_t spaced_colon_kicker(const struct doc *d, const struct line *l)
{
	const struct word *w = line_words(d, l);
	size_t k;

	if (d->lang < 0 || strcmp(stoplist_lang_name(d->lang), "fr") == 0)
		return 0;
	for (k = 1; k + HEADLINE_COLON_TITLE <= l->f.words; k++) {
		size_t end = w[k - 1].start + w[k - 1].len,
		       len = w[k].start - end,
		       sp = space_len(l->text + end, len);

		if (sp > 0 && sp < len && l->text[end + sp] == ':' &&
		    space_len(l->text + end + sp + 1, len - sp - 1) ==
			    len - sp - 1)
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
		n = spaced_colon_kicker(d, l);
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
		if (line_date_like(l) || l->verdict == VERDICT_DROP ||
		    l->f.words < LEDE_MIN_WORDS)
			continue;
		if (l->role == ROLE_DROP && l->rule < 0 &&
		    (l->reason == REASON_OUTSIDE || l->reason == REASON_GAP ||
		     (l->reason == REASON_CONTAINED && ends_like_text(l))) &&
		    line_title_like(l) && !l->f.lower &&
		    (l->cls == CLS_NEAR || l->cls == CLS_GOOD))
			return i;
		break;
	}
	return SIZE_MAX;
}

/* Whether line l has a character a subtitle has none of: a bracket (an
 * image's, a link's "[english]"), a slash or an at sign (a photo credit
 * "Ann Lee / pixelio.de", a handle), a dot between letters (a file name,
 * a web address). */
static bool unlike_subtitle(const struct line *l)
{
	size_t i;

	for (i = 0; i < l->len; i++) {
		char c = l->text[i];

		if (c == '[' || c == '/' || c == '@')
			return true;
		if (c == '.' && i > 0 && i + 1 < l->len &&
		    word_byte(l->text[i - 1]) && word_byte(l->text[i + 1]))
			return true;
	}
	return false;
}

/* The subtitle under the headline: the short line right above the
 * article's first line, below the headline, dropped only for standing
 * above the span, with SUBHEAD_MIN_WORDS words or more and no figures (a
 * date, a byline's count of comments have them): "Ewald Ferlemann und
 * sein Leben für die Vögel".  Not one that starts in lower case (a
 * byline's "von Ann Lee", a button's "per Mail teilen").  A blank line
 * above it: one right under other lines ends a menu ("Share to
 * Twitter", "Go to permalink").  SIZE_MAX if none. */
static size_t subtitle_above(const struct doc *d, size_t head, size_t first)
{
	size_t i = line_beside(d, first, -1);
	const struct line *l;

	if (i == SIZE_MAX || i <= head || !line_blank(&d->lines[i - 1]))
		return SIZE_MAX;
	l = &d->lines[i];
	if (l->role == ROLE_DROP && l->reason == REASON_OUTSIDE &&
	    l->verdict == VERDICT_NONE && l->rule < 0 && l->copies <= 1 &&
	    l->cls == CLS_SHORT && !l->f.code && l->f.digits == 0 &&
	    l->f.words >= SUBHEAD_MIN_WORDS && !l->f.lower &&
	    !unlike_subtitle(l))
		return i;
	return SIZE_MAX;
}

void headline_apply(struct headline *h, struct doc *d)
{
	size_t i, first = SIZE_MAX, head, lede, subtitle = SIZE_MAX;

	for (i = 0; i < d->nlines && first == SIZE_MAX; i++)
		if (d->lines[i].role == ROLE_BODY)
			first = i;
	if (first == SIZE_MAX)
		return;
	head = pick_headline(h, d, first);
	if (head != SIZE_MAX) {
		d->lines[head].role = ROLE_HEADLINE;
		d->lines[head].reason = REASON_HEADLINE;
		strip_prefix(d, head);
		if ((i = standfirst_below(d, head)) != SIZE_MAX) {
			line_keep(&d->lines[i]);
		} else {
			subtitle = subtitle_above(d, head, first);
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
	/* A paragraph the page's source wrapped is the lede whole. */
	for (i = lede; i < d->nlines; i++) {
		struct line *l = &d->lines[i];

		if (i > lede && !(l->role == ROLE_BODY && l->f.cont))
			break;
		l->role = ROLE_LEDE;
		l->reason = REASON_LEDE;
	}
	if (subtitle != SIZE_MAX)	/* kept now, so that it is no lede */
		line_keep(&d->lines[subtitle]);
	/* Short lines between headline and lede with figures in them are
	 * bylines and dates. */
	for (i = head == SIZE_MAX ? 0 : head + 1; i < lede; i++) {
		struct line *l = &d->lines[i];

		if (l->role == ROLE_BODY && l->reason == REASON_CONTEXT &&
		    l->cls == CLS_SHORT && l->f.digits > 0)
			line_drop(l, REASON_BYLINE);
	}
}
