#include "needle.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "util.h"

/* ---- reading needles off a pattern ------------------------------------ */

/* A set of strings, at least one of which a part of the pattern must
 * match; empty when the part can match without any of them. */
struct set {
	size_t n;
	char s[NEEDLES_MAX][NEEDLE_MAX + 1];
};

struct parser {
	const char *p, *end;
	bool caseless;		/* where the parser is */
	bool unsure;		/* met a construct it does not know */
	bool multiline;		/* met an "m" flag: '$' may then match
				 * inside the text */
	struct byte_set last;	/* see needle_set.last: of the top level's
				 * alternatives read so far */
	int depth;
};

enum { DEPTH_MAX = 32 };

/* A mark: one or two characters that are neither letters, digits nor
 * spaces ("/", "(", "©").  Lines hold far fewer of them than of any
 * letter, so a mark says as much as a needle of NEEDLE_MIN letters. */
static bool is_mark(const char *s, size_t len)
{
	size_t i, n, chars = 0;

	for (i = 0; i < len; i += n, chars++) {
		uint32_t c = cp_decode(s + i, &n);

		if (c <= ' ' || cp_is_word(c) || c == 0xA0)
			return false;
	}
	return chars >= 1 && chars <= 2;
}

/* How much a needle says: its length in bytes, NEEDLE_MIN for a mark. */
static size_t strength(const char *s)
{
	size_t len = strlen(s);

	return len < NEEDLE_MIN && is_mark(s, len) ? NEEDLE_MIN : len;
}

/* How much a set says: the strength of its weakest needle; 0 when it
 * says nothing. */
static size_t set_strength(const struct set *s)
{
	size_t i, min = SIZE_MAX;

	if (s->n == 0)
		return 0;
	for (i = 0; i < s->n; i++) {
		size_t got = strength(s->s[i]);

		if (got < min)
			min = got;
	}
	return min;
}

enum { SCORE_USABLE = 1000 };	/* what a set strong enough scores over */

/* How rare byte c is in text, in bits, roughly: spaces and the most
 * frequent letters of the languages the filter knows the least. */
static long byte_bits(unsigned char c)
{
	static const unsigned char bits[128] = {
		[' '] = 2,
		['e'] = 3, ['n'] = 3, ['i'] = 3, ['r'] = 3,
		['s'] = 3, ['t'] = 3, ['a'] = 3, ['o'] = 3,
		['l'] = 4, ['d'] = 4, ['h'] = 4, ['u'] = 4, ['c'] = 4,
		['m'] = 4, ['g'] = 4,
	};

	if (c >= 0x80)
		return 7;
	return bits[c] ? bits[c] : 5;
}

static long needle_bits(const char *s)
{
	long bits = 0;

	for (; *s; s++)
		bits += byte_bits((unsigned char)*s);
	return bits;
}

/* How rarely a line holds one of a set's needles, to choose between
 * sets: the bits of its commonest needle, less one for each doubling of
 * their number.  Length alone would rank a list of twenty words of
 * seven letters ("website", "browser", "nutzung") above one word of
 * six ("cookie"), which lets through fewer lines.  A set too weak to
 * use scores below any other; an empty set 0. */
static long set_score(const struct set *s)
{
	long score = LONG_MAX;
	size_t i, n;

	if (s->n == 0)
		return 0;
	if (set_strength(s) < NEEDLE_MIN)
		return 1;
	for (i = 0; i < s->n; i++) {
		long bits = needle_bits(s->s[i]);

		if (bits < score)
			score = bits;
	}
	for (n = 1; n < s->n; n *= 2)
		score--;
	return SCORE_USABLE + score;
}

/* Every part of a sequence must match: the sequence keeps the set that
 * says the most. */
static void keep_better(struct set *best, const struct set *cand)
{
	long b = set_score(best), c = set_score(cand);

	if (c > b || (c == b && c > 0 && cand->n < best->n)) {
		best->n = cand->n;
		memcpy(best->s, cand->s, cand->n * sizeof(cand->s[0]));
	}
}

static bool set_has(const struct set *s, const char *needle)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->s[i], needle) == 0)
			return true;
	return false;
}

/* One alternative or another must match: the union, empty if either
 * says nothing or the union is too big.  A needle both have is kept
 * once: set_score() counts them. */
static void set_union(struct set *a, const struct set *b)
{
	size_t i, n = a->n;

	if (a->n == 0 || b->n == 0) {
		a->n = 0;
		return;
	}
	for (i = 0; i < b->n; i++) {
		if (set_has(a, b->s[i]))
			continue;
		if (n == NEEDLES_MAX) {
			a->n = 0;
			return;
		}
		memcpy(a->s[n++], b->s[i], sizeof(b->s[i]));
	}
	a->n = n;
}

/* The literal run of a sequence: consecutive characters of the pattern
 * that a match must hold side by side. */
struct run {
	char s[NEEDLE_MAX + 1];
	size_t len;
	bool full;		/* a character did not fit: the rest is left
				 * out (a prefix of a needle is a needle) */
};

/* Does the needle s say more than the set best? */
static bool beats(const char *s, const struct set *best)
{
	long got, have;

	if (strength(s) < NEEDLE_MIN)
		return false;
	got = SCORE_USABLE + needle_bits(s);
	have = set_score(best);
	return got > have || (got == have && best->n > 1);
}

static void run_end(struct run *r, struct set *best)
{
	r->s[r->len] = '\0';
	if (beats(r->s, best)) {
		memcpy(best->s[0], r->s, r->len + 1);
		best->n = 1;
	}
	r->len = 0;
	r->full = false;
}

/* Append one character, folded, if it fits whole. */
static void run_add(struct run *r, const char *c, size_t n)
{
	size_t i;

	if (r->full || r->len + n > NEEDLE_MAX) {
		r->full = true;
		return;
	}
	for (i = 0; i < n; i++) {
		char ch = c[i];

		r->s[r->len++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch | 0x20)
							  : ch;
	}
}

static size_t utf8_length(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* ---- what a match may end the text with ------------------------------ */

static void bytes_add(struct byte_set *b, unsigned char c)
{
	b->w[c / 64] |= (uint64_t)1 << (c % 64);
}

static bool bytes_has(const struct byte_set *b, unsigned char c)
{
	return b->w[c / 64] >> (c % 64) & 1;
}

static void bytes_fill(struct byte_set *b)
{
	memset(b->w, 0xFF, sizeof(b->w));
}

static void bytes_union(struct byte_set *a, const struct byte_set *b)
{
	size_t i;

	for (i = 0; i < 4; i++)
		a->w[i] |= b->w[i];
}

/* The bytes lo..hi, and with caseless their letters' other case.  A
 * caseless letter also matches characters beyond ASCII (the Kelvin
 * sign, the long s), which end with a byte 0x80 or above. */
static void bytes_add_range(struct byte_set *b, unsigned char lo,
			    unsigned char hi, bool caseless)
{
	unsigned c;

	for (c = lo; c <= hi; c++) {
		bytes_add(b, (unsigned char)c);
		if (caseless && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
			bytes_add(b, (unsigned char)(c ^ 0x20));
			b->w[2] = b->w[3] = ~(uint64_t)0;
		}
	}
}

/* The bytes a match of the literal character c[0..n) may end with.
 * Caseless, a character beyond ASCII has other spellings, of any last
 * byte ("K" for the Kelvin sign). */
static void char_ends(bool caseless, const char *c, size_t n,
		      struct byte_set *b)
{
	unsigned char last = (unsigned char)c[n - 1];

	memset(b, 0, sizeof(*b));
	if (n > 1 && caseless)
		bytes_fill(b);
	else if (caseless)
		bytes_add_range(b, last, last, true);
	else
		bytes_add(b, last);
}

/* The bytes other than the ASCII ones of b (which a character beyond
 * ASCII may end with). */
static void bytes_not_ascii(struct byte_set *b)
{
	b->w[0] = ~b->w[0];
	b->w[1] = ~b->w[1];
	b->w[2] = b->w[3] = ~(uint64_t)0;
}

/* The bytes the characters a class escape ("\d", "\s", "\S") matches
 * may end with: with UCP, characters beyond ASCII too, which end with a
 * byte 0x80 or above; the ASCII ones are exact.  All bytes for the
 * others. */
static void escape_ends(char e, struct byte_set *b)
{
	memset(b, 0, sizeof(*b));
	if (e == 'D' || e == 'S' || e == 'W' || e == 'H' || e == 'V') {
		escape_ends((char)(e | 0x20), b);
		bytes_not_ascii(b);
		return;
	}
	switch (e) {
	case 'd':
		bytes_add_range(b, '0', '9', false);
		break;
	case 's':
		bytes_add_range(b, '\t', '\r', false);
		bytes_add(b, ' ');
		break;
	case 'w':
		bytes_add_range(b, '0', '9', false);
		bytes_add_range(b, 'a', 'z', true);
		bytes_add(b, '_');
		break;
	case 'h':
		bytes_add(b, '\t');
		bytes_add(b, ' ');
		break;
	case 'v':
	case 'R':
		bytes_add_range(b, '\n', '\r', false);
		break;
	default:
		bytes_fill(b);
		return;
	}
	b->w[2] = b->w[3] = ~(uint64_t)0;
}

/* What a part of the pattern does to the byte before the place a match
 * has reached: if that byte was one of a set S before the part, it is
 * one of (S & keep) | add after it.  A character replaces it (keeps
 * none, adds the bytes it may end with), an optional one adds to it,
 * an assertion leaves it, a lookbehind narrows it. */
struct tail {
	struct byte_set keep, add;
};

static void tail_same(struct tail *t)
{
	bytes_fill(&t->keep);
	memset(&t->add, 0, sizeof(t->add));
}

static void tail_set(struct tail *t, const struct byte_set *b)
{
	memset(&t->keep, 0, sizeof(t->keep));
	t->add = *b;
}

/* The byte before the place after t, whatever it was before. */
static void tail_after(const struct tail *t, struct byte_set *out)
{
	*out = t->keep;
	bytes_union(out, &t->add);
}

/* t, then next. */
static void tail_then(struct tail *t, const struct tail *next)
{
	size_t i;

	for (i = 0; i < 4; i++) {
		t->keep.w[i] &= next->keep.w[i];
		t->add.w[i] = (t->add.w[i] & next->keep.w[i]) |
			      next->add.w[i];
	}
}

/* t or alt. */
static void tail_or(struct tail *t, const struct tail *alt)
{
	bytes_union(&t->keep, &alt->keep);
	bytes_union(&t->add, &alt->add);
}

/* t or nothing (a quantifier of minimum 0).  A repeat of t is t: the
 * last repeat replaces what the ones before did, or narrows it. */
static void tail_optional(struct tail *t)
{
	bytes_fill(&t->keep);
}

/* A quantifier at ps->p: its minimum, or -1 when there is none. */
static long quantifier(struct parser *ps)
{
	const char *p = ps->p;
	long min = -1;

	if (p >= ps->end)
		return -1;
	if (*p == '?' || *p == '*') {
		min = 0;
		p++;
	} else if (*p == '+') {
		min = 1;
		p++;
	} else if (*p == '{') {
		const char *q = p + 1;

		if (q >= ps->end || *q < '0' || *q > '9')
			return -1;	/* "{" alone is a literal */
		for (min = 0; q < ps->end && *q >= '0' && *q <= '9'; q++)
			min = min < 1000000 ? 10 * min + (*q - '0') : min;
		if (q < ps->end && *q == ',')
			for (q++; q < ps->end && *q >= '0' && *q <= '9'; q++)
				;
		if (q >= ps->end || *q != '}')
			return -1;
		p = q + 1;
	} else {
		return -1;
	}
	if (p < ps->end && (*p == '?' || *p == '+'))	/* lazy, possessive */
		p++;
	ps->p = p;
	return min;
}

/* A caseless match of a character other than ASCII may take another
 * spelling, and the Kelvin sign and long s match "k" and "s": such a
 * character ends a run. */
static bool plain(const struct parser *ps, const char *c, size_t n)
{
	if (ps->caseless && (unsigned char)c[0] >= 0x80)
		return false;
	if (n == 3 && memcmp(c, "\xE2\x84\xAA", 3) == 0)	/* U+212A */
		return false;
	return !(n == 2 && memcmp(c, "\xC5\xBF", 2) == 0);	/* U+017F */
}

/* "[:alpha:]", "[:^digit:]" at p, inside a class: the end of it, or
 * NULL when p holds no such name ("[:]" is two characters). */
static const char *posix_class(const char *p, const char *end)
{
	const char *q = p + 2;

	if (end - p < 2 || p[0] != '[' || p[1] != ':')
		return NULL;
	if (q < end && *q == '^')
		q++;
	while (q < end && *q >= 'a' && *q <= 'z')
		q++;
	return end - q >= 2 && q[0] == ':' && q[1] == ']' && q > p + 2 ?
	       q + 2 : NULL;
}

/* Add the ASCII bytes of b to sure. */
static void sure_ascii(struct byte_set *sure, const struct byte_set *b)
{
	sure->w[0] |= b->w[0];
	sure->w[1] |= b->w[1];
}

/* A character class, ps->p just after its '['.  A class of a few
 * characters named one by one ("[\/|]", "['’]") is the set of them;
 * any other says nothing.  The bytes its characters may end with go to
 * *ends. */
static void parse_class(struct parser *ps, struct set *out,
			struct byte_set *ends)
{
	const char *p = ps->p, *first, *close;
	bool listed = true, negated = false;
	int prev = -1;		/* the member before, if a plain ASCII one */
	struct byte_set sure;	/* ASCII characters surely members */
	bool murky = false;	/* holds "\p{L}", "\x41"...: the characters
				 * after the escape are not members */

	out->n = 0;
	memset(ends, 0, sizeof(*ends));
	memset(&sure, 0, sizeof(sure));
	if (p < ps->end && *p == '^') {
		listed = false;
		negated = true;
		p++;
	}
	first = p;
	/* a ']' first is a member, not the end */
	while (p < ps->end && (*p != ']' || p == first)) {
		const char *c = p;
		size_t n;

		if (*p == '\\') {
			p++;
			if (p < ps->end && (*p == 'Q' || *p == 'E' ||
					    *p == 'c')) {
				ps->unsure = true;	/* "[\Q]\E]", "[\c]]" */
				break;
			}
			if (p < ps->end && ((*p >= 'a' && *p <= 'z') ||
					    (*p >= 'A' && *p <= 'Z') ||
					    (*p >= '0' && *p <= '9'))) {
				struct byte_set b;

				listed = false;	/* \d, \p{L}, \x41 ... */
				escape_ends(*p, &b);
				bytes_union(ends, &b);
				if (strchr("dswhvDSWHV", *p))
					sure_ascii(&sure, &b);
				else
					murky = true;
				p++;
				prev = -1;
				continue;
			}
			c = p;
		} else if ((close = posix_class(p, ps->end))) {
			listed = false;
			bytes_fill(ends);
			murky = true;	/* "[^[:alpha:]]" */
			p = close;
			prev = -1;
			continue;
		} else if (*p == '-' && p != first && p + 1 < ps->end &&
			   p[1] != ']') {
			listed = false;	/* a range */
			/* from a plain ASCII character to one */
			if (prev >= 0 && (unsigned char)p[1] < 0x80 &&
			    p[1] != '\\' && p[1] != '[' && prev <= p[1]) {
				struct byte_set b;

				memset(&b, 0, sizeof(b));
				bytes_add_range(&b, (unsigned char)prev,
						(unsigned char)p[1],
						ps->caseless);
				bytes_union(ends, &b);
				sure_ascii(&sure, &b);
			} else {
				bytes_fill(ends);
			}
			p++;	/* the end is read as a member next */
			prev = -1;
			continue;
		}
		if (p >= ps->end)
			break;
		n = utf8_length((unsigned char)*p);
		if (n > (size_t)(ps->end - p))
			n = (size_t)(ps->end - p);
		{
			struct byte_set b;

			char_ends(ps->caseless, c, n, &b);
			bytes_union(ends, &b);
			if (n == 1)
				sure_ascii(&sure, &b);
		}
		prev = n == 1 ? (unsigned char)*c : -1;
		if (listed && out->n < NEEDLES_MAX && plain(ps, c, n)) {
			memcpy(out->s[out->n], c, n);
			out->s[out->n][n] = '\0';
			if (n == 1 && *c >= 'A' && *c <= 'Z')
				out->s[out->n][0] = (char)(*c | 0x20);
			out->n++;
		} else {
			listed = false;
		}
		p += n;
	}
	if (p >= ps->end) {
		ps->unsure = true;
		p = ps->end - 1;
	}
	ps->p = p + 1;
	if (!listed)
		out->n = 0;
	/* a character not in it: an ASCII one not surely in it, or one
	 * beyond ASCII */
	if (negated && murky) {
		bytes_fill(ends);
	} else if (negated) {
		*ends = sure;
		bytes_not_ascii(ends);
	}
}

/* What an atom of the pattern is. */
enum atom {
	ATOM_CHAR,		/* one literal character, in c[0..n) */
	ATOM_ANY,		/* one character of a class */
	ATOM_ZERO,		/* matches no character: an assertion */
	ATOM_END,		/* matches no character, at the end of the
				 * text or before a final newline: '$' */
	ATOM_GROUP,		/* a group; its set is given */
};

static void parse_alternation(struct parser *ps, struct set *out,
			      struct tail *t);

/* Inline flags "(?i)", "(?-i)", "(?i:...": sets ps->caseless.  Returns
 * the character that ended them, or 0 if they were not flags. */
static char parse_flags(struct parser *ps)
{
	const char *p = ps->p;
	bool on = true, caseless = ps->caseless;

	for (; p < ps->end; p++) {
		if (*p == '-')
			on = false;
		else if (*p == 'i')
			caseless = on;
		else if (*p == 'm')
			ps->multiline = true;
		else if (*p == ')' || *p == ':')
			break;
		else if (*p != 's' && *p != 'n' && *p != 'U' &&
			 *p != 'J')
			return 0;	/* x changes what spaces mean */
	}
	if (p >= ps->end)
		return 0;
	ps->caseless = caseless;
	ps->p = p + 1;
	return p[0];
}

/* A character of a group's name. */
static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* A group, ps->p just after its '('.  Returns what it is; the set of a
 * positive assertion or of a group goes to *inner, what it does to the
 * byte before the match's place to *t. */
static enum atom parse_group(struct parser *ps, struct set *inner,
			     bool *assertion, struct tail *t)
{
	const char *p = ps->p;
	bool saved = ps->caseless, positive = true, behind = false;
	char ended;

	*assertion = false;
	tail_same(t);
	if (p < ps->end && *p == '*') {
		ps->unsure = true;	/* verbs */
		return ATOM_ZERO;
	}
	if (p < ps->end && *p == '?') {
		p++;
		if (p < ps->end && (*p == ':' || *p == '|' || *p == '>')) {
			p++;
		} else if (p < ps->end && (*p == '=' || *p == '!')) {
			*assertion = true;
			positive = *p++ == '=';
		} else if (p + 1 < ps->end && *p == '<' &&
			   (p[1] == '=' || p[1] == '!')) {
			*assertion = true;
			positive = p[1] == '=';
			behind = true;
			p += 2;
		} else if (p < ps->end && *p == '#') {
			const char *close = memchr(p, ')', (size_t)(ps->end - p));

			if (!close)
				ps->unsure = true;
			ps->p = close ? close + 1 : ps->end;
			return ATOM_ZERO;
		} else if (p < ps->end && (*p == '<' || *p == '\'' ||
					   (*p == 'P' && p + 1 < ps->end &&
					    p[1] == '<'))) {
			const char *close;
			char quote = *p == '\'' ? '\'' : '>';

			p += *p == 'P' ? 2 : 1;
			for (close = p; close < ps->end && name_char(*close);
			     close++)
				;
			if (close == p || close >= ps->end || *close != quote) {
				ps->unsure = true;	/* (?<*, (?<... */
				return ATOM_ZERO;
			}
			p = close + 1;	/* a named group */
		} else {
			ps->p = p;
			ended = parse_flags(ps);
			if (ended == ')')
				return ATOM_ZERO;	/* flags for the rest */
			if (ended != ':') {
				ps->unsure = true;	/* (?R), (?(, ... */
				return ATOM_ZERO;
			}
			p = ps->p;
		}
	}
	ps->p = p;
	parse_alternation(ps, inner, t);
	ps->caseless = saved;
	if (ps->p >= ps->end || *ps->p != ')') {
		ps->unsure = true;
		return ATOM_ZERO;
	}
	ps->p++;
	if (*assertion && !positive)
		inner->n = 0;
	if (*assertion) {
		struct tail inside = *t;

		/* a lookbehind tells the byte before the place; others
		 * tell nothing of it */
		tail_same(t);
		if (behind && positive)
			tail_after(&inside, &t->keep);
	}
	return *assertion ? ATOM_ZERO : ATOM_GROUP;
}

/* An escape, ps->p just after its backslash; the bytes a class escape
 * may end a match with go to *ends. */
static enum atom parse_escape(struct parser *ps, char *c, size_t *n,
			      struct byte_set *ends)
{
	char e;

	if (ps->p >= ps->end) {
		ps->unsure = true;
		return ATOM_ZERO;
	}
	e = *ps->p++;
	if (e == '\0') {
		ps->unsure = true;
		return ATOM_ZERO;
	}
	if (e == 'z' || e == 'Z')
		return ATOM_END;
	if (strchr("bBAGKE", e))
		return ATOM_ZERO;
	if (e == 'N' && ps->p < ps->end && *ps->p == '{') {
		ps->unsure = true;	/* \N{U+hh}: a character by number */
		return ATOM_ZERO;
	}
	if (strchr("dDsSwWhHvVRXNC", e)) {
		escape_ends(e, ends);
		return ATOM_ANY;
	}
	if (e == 'p' || e == 'P') {
		if (ps->p < ps->end && *ps->p == '{') {
			const char *close = memchr(ps->p, '}',
						   (size_t)(ps->end - ps->p));

			if (!close)
				ps->unsure = true;
			ps->p = close ? close + 1 : ps->end;
		} else if (ps->p < ps->end) {
			ps->p++;
		}
		return ATOM_ANY;
	}
	if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') ||
	    (e >= '0' && e <= '9')) {
		ps->unsure = true;	/* \Q, \x, \1, \g, \c, ... */
		return ATOM_ZERO;
	}
	ps->p--;			/* an escaped literal */
	*n = utf8_length((unsigned char)*ps->p);
	if (*n > (size_t)(ps->end - ps->p))
		*n = (size_t)(ps->end - ps->p);
	memcpy(c, ps->p, *n);
	ps->p += *n;
	return ATOM_CHAR;
}

/* The next atom at ps->p.  What it does to the byte before the match's
 * place goes to *t, but for a character (ATOM_CHAR): see char_ends(). */
static enum atom parse_atom(struct parser *ps, char *c, size_t *n,
			    struct set *inner, bool *assertion,
			    struct tail *t)
{
	char ch = *ps->p++;
	struct byte_set ends;
	enum atom a;

	*assertion = false;
	tail_same(t);
	switch (ch) {
	case '\\':
		bytes_fill(&ends);
		a = parse_escape(ps, c, n, &ends);
		if (a == ATOM_ANY)
			tail_set(t, &ends);
		return a;
	case '[':
		parse_class(ps, inner, &ends);
		tail_set(t, &ends);
		return ATOM_GROUP;
	case '.':
		bytes_fill(&ends);
		tail_set(t, &ends);
		return ATOM_ANY;
	case '^':
		return ATOM_ZERO;
	case '$':
		return ATOM_END;
	case '(':
		if (++ps->depth > DEPTH_MAX) {
			ps->unsure = true;
			return ATOM_ZERO;
		}
		a = parse_group(ps, inner, assertion, t);
		ps->depth--;
		return a;
	case '*':
	case '+':
	case '?':	/* a quantifier of nothing */
	case '\0':	/* a NUL, which no rule file holds */
		ps->unsure = true;
		return ATOM_ZERO;
	default:
		ps->p--;
		*n = utf8_length((unsigned char)ch);
		if (*n > (size_t)(ps->end - ps->p))
			*n = (size_t)(ps->end - ps->p);
		memcpy(c, ps->p, *n);
		ps->p += *n;
		return ATOM_CHAR;
	}
}

/* The top level's sequence has ended, with t as the byte before its
 * first '$' (pinned) if any: the bytes that alternative may end the
 * text with, added to ps->last; all if it may end elsewhere. */
static void top_level_ends(struct parser *ps, bool pinned,
			   const struct byte_set *t)
{
	struct byte_set all;

	bytes_fill(&all);
	bytes_union(&ps->last, pinned ? t : &all);
}

/* Follow the tail of sequence t over an atom a (its tail at, or the
 * character c[0..n)), quantified by min. */
static void follow_tail(const struct parser *ps, struct tail *t,
			struct tail *at, enum atom a, const char *c, size_t n,
			long min)
{
	if (a == ATOM_CHAR) {
		struct byte_set ends;

		char_ends(ps->caseless, c, n, &ends);
		tail_set(at, &ends);
	}
	if (min == 0)
		tail_optional(at);
	tail_then(t, at);
}

/* Is c an ASCII character that stands for itself, which parse_atom()
 * would read as ATOM_CHAR? */
static bool ascii_literal(char c)
{
	switch (c) {
	case '\\': case '[': case '.': case '^': case '$': case '(': case ')':
	case '|': case '*': case '+': case '?': case '{':
		return false;
	default:
		return c > 0 && c < 0x7F;
	}
}

/* May c start a quantifier? */
static bool quantifier_start(char c)
{
	return c == '?' || c == '*' || c == '+' || c == '{';
}

/* Most of a pattern is words: read the ASCII characters from ps->p on
 * that stand for themselves and have no quantifier after them into the
 * run, at once.  Each would replace the byte before the match's place:
 * the last one's does.  False when there is none. */
static bool literal_run(struct parser *ps, struct run *run, struct tail *t)
{
	const char *p = ps->p;
	struct byte_set ends;
	struct tail at;

	while (p < ps->end && ascii_literal(*p) &&
	       (p + 1 == ps->end || !quantifier_start(p[1])))
		p++;
	if (p == ps->p)
		return false;
	for (; ps->p < p; ps->p++)
		run_add(run, ps->p, 1);
	char_ends(ps->caseless, p - 1, 1, &ends);
	tail_set(&at, &ends);
	tail_then(t, &at);
	return true;
}

/* A sequence of atoms, up to '|', ')' or the end; what it does to the
 * byte before the match's place goes to *t. */
static void parse_sequence(struct parser *ps, struct set *best,
			   struct tail *t)
{
	struct run run = { .len = 0, .full = false };
	struct set *inner = xmalloc(sizeof(*inner));
	struct byte_set pin = { { 0 } };	/* before the first '$' */
	bool pinned = false, top = ps->depth == 0;

	best->n = 0;
	tail_same(t);
	while (ps->p < ps->end && *ps->p != '|' && *ps->p != ')' &&
	       !ps->unsure) {
		char c[4];
		size_t n = 0;
		bool assertion;
		enum atom a;
		long min;
		struct tail at;

		if (literal_run(ps, &run, t))
			continue;
		inner->n = 0;
		a = parse_atom(ps, c, &n, inner, &assertion, &at);
		min = quantifier(ps);
		follow_tail(ps, t, &at, a, c, n, min);
		if (a == ATOM_END && top && min < 0 && !pinned) {
			/* the match started anywhere: its byte before is
			 * any */
			tail_after(t, &pin);
			pinned = true;
		}
		switch (a) {
		case ATOM_CHAR:
			if (min == 0 || !plain(ps, c, n)) {
				run_end(&run, best);
				break;
			}
			run_add(&run, c, n);
			if (min > 0)
				run_end(&run, best);
			break;
		case ATOM_ANY:
			run_end(&run, best);
			break;
		case ATOM_ZERO:
		case ATOM_END:
			/* the run goes on: an assertion matches no text */
			if (assertion && min != 0)
				keep_better(best, inner);
			/* "\E*", "(?#...)*", "(?i)*": the quantifier is the
			 * atom's before, already in the run */
			if (!assertion && min >= 0)
				ps->unsure = true;
			break;
		case ATOM_GROUP:
			run_end(&run, best);
			if (min != 0)
				keep_better(best, inner);
			break;
		}
	}
	run_end(&run, best);
	if (top)
		top_level_ends(ps, pinned, &pin);
	free(inner);
}

static void parse_alternation(struct parser *ps, struct set *out,
			      struct tail *t)
{
	struct set *alt = xmalloc(sizeof(*alt));
	struct tail ta;

	parse_sequence(ps, out, t);
	while (ps->p < ps->end && *ps->p == '|' && !ps->unsure) {
		ps->p++;
		parse_sequence(ps, alt, &ta);
		set_union(out, alt);
		tail_or(t, &ta);
	}
	free(alt);
}

void needles_of(const char *src, size_t len, bool caseless,
		struct needle_set *out)
{
	struct parser ps = {
		.p = src, .end = src + len, .caseless = caseless,
	};
	struct set *s = xmalloc(sizeof(*s));
	struct tail t;

	parse_alternation(&ps, s, &t);
	out->n = 0;
	if (!ps.unsure && ps.p == ps.end && set_strength(s) >= NEEDLE_MIN) {
		out->n = s->n;
		memcpy(out->s, s->s, s->n * sizeof(s->s[0]));
	}
	out->last = ps.last;
	if (ps.unsure || ps.p != ps.end || ps.multiline)
		bytes_fill(&out->last);
	free(s);
}

bool byte_set_full(const struct byte_set *last)
{
	return (last->w[0] & last->w[1] & last->w[2] & last->w[3]) ==
	       ~(uint64_t)0;
}

bool text_may_end(const struct byte_set *last, const char *text,
		  size_t len)
{
	unsigned char end;

	if (len == 0)
		return true;
	end = (unsigned char)text[len - 1];
	/* '$' matches at the very end, and before a final newline */
	return bytes_has(last, end) ||
	       (end == '\n' && len >= 2 &&
		bytes_has(last, (unsigned char)text[len - 2]));
}

/* ---- finding them ------------------------------------------------------ */

/* Needles are found by four of their bytes (three for a needle of
 * three).  At each place of the text, the hash of the last three bytes
 * is looked up in a table of flags: whether a needle of three bytes
 * has that hash, whether some needle's four hashed bytes end with three
 * of that hash.  Most places have neither, for the cost of one multiply
 * and one load.  Needles of three are then listed in a bucket by that
 * hash; the four bytes of longer needles have a second hash, a bit per
 * hash that says whether any needle holds them, and a bucket per hash
 * that lists the needles to compare.  Of a longer needle, the four
 * bytes that common text holds least often are taken.  Marks, which may
 * be shorter, have a bucket per first byte. */
enum {
	HASH_BITS = 16,
	BUCKETS = 1 << 12,
	GRAM = 4,		/* bytes hashed of a longer needle */
	/* The first bytes of the Kelvin sign (E2 84 AA) and the long s
	 * (C5 BF), which caseless patterns match as "k" and "s" */
	SIGN_LEAD_K = 0xE2,
	SIGN_LEAD_S = 0xC5,
	/* flags by hash of three bytes (needles.ends) */
	END_THREE = 1,		/* a needle of three bytes */
	END_FOUR = 2,		/* the end of a needle's four hashed bytes */
};

struct needle {
	char s[NEEDLE_MAX + 1];
	size_t len;
	size_t at;		/* where its hashed bytes start in it */
	uint32_t gram;		/* its hashed bytes, as gram_value() */
	size_t owner;
	size_t next;		/* in the same bucket, + 1; 0 ends */
	size_t twin;		/* the same needle for another owner, + 1 */
};

struct needles {
	struct needle *v;
	size_t n, cap;
	unsigned char ends[1 << HASH_BITS];	/* END_ flags by gram_hash() */
	size_t three[BUCKETS];	/* first needle of three bytes, + 1 */
	/* needles of four bytes or more, by gram_hash() of four */
	uint64_t four_bits[(1 << HASH_BITS) / 64];
	size_t four[BUCKETS];	/* first needle, + 1; 0: empty */
	size_t marks[256];	/* first short needle, by first byte, + 1 */
	/* By byte of the text: the byte as needles are written (see
	 * fold()), and whether it may start a mark or a character that
	 * folds to fewer bytes: the scan looks closer only there. */
	unsigned char fold[256];
	bool lead[256];
	unsigned char common[256];	/* see commonness() */
	unsigned long *stamp;	/* per owner: the scan that saw it */
	size_t nowners, owners_cap;
	size_t *found;		/* the owners the scan saw (owners_cap) */
	size_t nfound;
	unsigned long scan;
	struct buf folded;	/* the text being scanned, folded */
};

/* The hash of four bytes taken as one big-endian number, or of three
 * as such a number whose last byte is 0 (the scanner keeps that number,
 * shifting each byte in at the low end and the oldest out at the top):
 * Fibonacci hashing, the top bits of a multiply by 2^32 / phi. */
static uint32_t gram_hash(uint32_t v)
{
	return (v * 2654435761u) >> (32 - HASH_BITS);
}

static uint32_t gram_value(const char *s, size_t n)
{
	uint32_t v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v << 8 | (unsigned char)s[i];
	return v;
}

/* How common each byte is in text (needles.common): spaces and the most
 * frequent letters of the languages the filter knows score high. */
static void commonness(unsigned char *common)
{
	static const char frequent[] = " enirstaoldhucmg";
	size_t i;

	memset(common, 0, 256);
	for (i = 0; frequent[i]; i++)
		common[(unsigned char)frequent[i]] =
			(unsigned char)(sizeof(frequent) - i);
}

/* The offset of the GRAM bytes of needle s (len bytes) to find it by:
 * the least common. */
static size_t rarest_gram(const struct needles *nd, const char *s,
			  size_t len)
{
	size_t o, best = 0;
	unsigned score, least = ~0u;

	for (o = 0; o + GRAM <= len; o++) {
		size_t k;

		for (score = 0, k = 0; k < GRAM; k++)
			score += nd->common[(unsigned char)s[o + k]];
		if (score < least) {
			least = score;
			best = o;
		}
	}
	return best;
}

/* The bucket for needle e, which its hashed bytes flag in nd->ends. */
static size_t *bucket_of(struct needles *nd, const struct needle *e)
{
	uint32_t h;

	if (e->len < GRAM) {
		h = gram_hash(e->gram << 8);
		nd->ends[h] |= END_THREE;
		return &nd->three[h % BUCKETS];
	}
	nd->ends[gram_hash(e->gram << 8)] |= END_FOUR;
	h = gram_hash(e->gram);
	nd->four_bits[h / 64] |= (uint64_t)1 << (h % 64);
	return &nd->four[h % BUCKETS];
}

/* The first needle of four bytes or more to compare where the text's
 * bytes make v, + 1; 0: none. */
static size_t four_find(const struct needles *nd, uint32_t v)
{
	uint32_t h = gram_hash(v);

	return nd->four_bits[h / 64] >> (h % 64) & 1 ? nd->four[h % BUCKETS]
						     : 0;
}

struct needles *needles_new(void)
{
	struct needles *nd = xcalloc(1, sizeof(struct needles));
	unsigned c;

	for (c = 0; c < 256; c++)
		nd->fold[c] = (unsigned char)(c - 'A' < 26u ? c | 0x20 : c);
	nd->lead[SIGN_LEAD_K] = nd->lead[SIGN_LEAD_S] = true;
	commonness(nd->common);
	return nd;
}

void needles_free(struct needles *nd)
{
	if (!nd)
		return;
	free(nd->v);
	free(nd->stamp);
	free(nd->found);
	buf_free(&nd->folded);
	free(nd);
}

bool needles_add(struct needles *nd, size_t owner,
		 const struct needle_set *set)
{
	size_t i;
	unsigned c;
	void *p;

	if (set->n == 0)
		return false;
	if (owner + 1 > nd->owners_cap) {
		size_t cap = nd->owners_cap;

		p = nd->stamp;
		xgrow(&p, &cap, owner + 1, sizeof(*nd->stamp));
		nd->stamp = p;
		p = nd->found;
		xgrow(&p, &nd->owners_cap, owner + 1, sizeof(*nd->found));
		nd->found = p;
	}
	for (; nd->nowners <= owner; nd->nowners++)
		nd->stamp[nd->nowners] = 0;
	p = nd->v;
	xgrow(&p, &nd->cap, nd->n + set->n, sizeof(*nd->v));
	nd->v = p;
	for (i = 0; i < set->n; i++) {
		struct needle *e = &nd->v[nd->n];
		size_t *head, same;

		memcpy(e->s, set->s[i], sizeof(e->s));
		e->len = strlen(e->s);
		e->owner = owner;
		e->twin = 0;
		e->at = e->len < GRAM ? 0 : rarest_gram(nd, e->s, e->len);
		e->gram = gram_value(e->s + e->at,
				     e->len < GRAM ? e->len : GRAM);
		if (e->len < NEEDLE_MIN) {
			head = &nd->marks[(unsigned char)e->s[0]];
			for (c = 0; c < 256; c++)
				if (nd->fold[c] == (unsigned char)e->s[0])
					nd->lead[c] = true;
		} else {
			head = bucket_of(nd, e);
		}
		/* a needle met before is compared once, for all its owners */
		for (same = *head; same; same = nd->v[same - 1].next)
			if (strcmp(nd->v[same - 1].s, e->s) == 0)
				break;
		if (same) {
			struct needle *first = &nd->v[same - 1];

			e->twin = first->twin;
			first->twin = ++nd->n;
			continue;
		}
		e->next = *head;
		*head = ++nd->n;
	}
	return true;
}

/* The Kelvin sign or long s at s[i] (of len bytes), which caseless
 * patterns match as "k" and "s": that letter, and *skip gets the bytes
 * after the first; 0 when s[i] starts neither. */
static char folded_sign(const unsigned char *s, size_t i, size_t len,
			size_t *skip)
{
	if (s[i] == SIGN_LEAD_K && len - i > 2 && s[i + 1] == 0x84 &&
	    s[i + 2] == 0xAA) {
		*skip = 2;
		return 'k';
	}
	if (s[i] == SIGN_LEAD_S && len - i > 1 && s[i + 1] == 0xBF) {
		*skip = 1;
		return 's';
	}
	return 0;
}

/* The text as needles are written: ASCII in lower case, and the Kelvin
 * sign and long s as "k" and "s". */
static void fold(struct buf *out, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i, n = 0, skip;
	char *o, sign;

	out->len = 0;
	buf_reserve(out, len + 1);
	o = out->data;
	for (i = 0; i < len; i++) {
		unsigned char c = s[i];

		if ((unsigned)(c - 'A') < 26u)
			c |= 0x20;
		else if (c >= SIGN_LEAD_S &&
			 (sign = folded_sign(s, i, len, &skip))) {
			c = (unsigned char)sign;
			i += skip;
		}
		o[n++] = (char)c;
	}
	out->len = n;
}

/* Mark owner as found, once. */
static void found(struct needles *nd, size_t owner)
{
	if (nd->stamp[owner] != nd->scan) {
		nd->stamp[owner] = nd->scan;
		nd->found[nd->nfound++] = owner;
	}
}

/* Do the len bytes of needle text x match s[0..len), folded? */
static inline bool same_folded(const struct needles *nd, const char *x,
				const unsigned char *s, size_t len)
{
	size_t k = 0;

	while (k < len && (unsigned char)x[k] == nd->fold[s[k]])
		k++;
	return k == len;
}

/* Mark the owners of the needles of the list from e on that are in
 * s[0..n), folded, with their hashed bytes at s[g], where the folded
 * text holds the bytes v (as gram_value(), for needles of three bytes
 * or more). */
static void try_list(struct needles *nd, size_t e, const unsigned char *s,
		     size_t g, size_t n, uint32_t v)
{
	for (; e; e = nd->v[e - 1].next) {
		const struct needle *x = &nd->v[e - 1];
		size_t i = g - x->at, t, from = 0;

		if (x->len >= NEEDLE_MIN) {
			/* its hashed bytes are those of v: compare the rest */
			if (x->gram != v)
				continue;
			from = x->at + (x->len < GRAM ? x->len : GRAM);
		}
		if (x->at > g || x->len > n - i ||
		    !same_folded(nd, x->s, s + i, x->at) ||
		    !same_folded(nd, x->s + from, s + i + from,
				 x->len - from))
			continue;
		for (t = e; t; t = nd->v[t - 1].twin)
			found(nd, nd->v[t - 1].owner);
	}
}

/* Few owners are found in a line: insertion sort. */
static void sort_found(size_t *v, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		size_t x = v[i];

		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* Look for the needles in s[0..n), folding it byte by byte (see
 * fold()).  Returns false, having stopped, at a Kelvin sign or long s
 * when signs is true: those fold to fewer bytes than they have, and the
 * caller then scans the text folded beforehand. */
static bool scan(struct needles *nd, const unsigned char *s, size_t n,
		 bool signs)
{
	size_t j, e, skip;
	uint32_t w = 0;		/* the bytes up to s[j], folded, the last in
				 * the second lowest: see gram_hash() */

	for (j = 0; j < n; j++) {
		unsigned char c = s[j], f;
		uint32_t v, h;

		w = (w | nd->fold[c]) << 8;
		if (nd->lead[c]) {
			if (signs && c >= SIGN_LEAD_S &&
			    folded_sign(s, j, n, &skip))
				return false;
			if ((e = nd->marks[nd->fold[c]]))
				try_list(nd, e, s, j, n, 0);
		}
		h = gram_hash(w);
		if (!(f = nd->ends[h]) || j < 2)
			continue;
		v = w >> 8;
		if ((f & END_THREE) && (e = nd->three[h % BUCKETS]))
			try_list(nd, e, s, j - 2, n, v);
		if (!(f & END_FOUR) || j < GRAM - 1)
			continue;
		v |= (uint32_t)nd->fold[s[j - 3]] << 24;
		if ((e = four_find(nd, v)))
			try_list(nd, e, s, j + 1 - GRAM, n, v);
	}
	return true;
}

size_t needles_scan(struct needles *nd, const char *text, size_t len,
		    const size_t **owners)
{
	*owners = nd->found;
	nd->scan++;
	nd->nfound = 0;
	if (nd->n == 0)
		return 0;
	if (!scan(nd, (const unsigned char *)text, len, true)) {
		nd->scan++;	/* forget what it found */
		nd->nfound = 0;
		fold(&nd->folded, text, len);
		scan(nd, (const unsigned char *)nd->folded.data,
		     nd->folded.len, false);
	}
	sort_found(nd->found, nd->nfound);
	return nd->nfound;
}
