#include "skeleton.h"

#include <stddef.h>
#include <string.h>

/* PCRE2 spends most of a compile on a pattern's literal characters,
 * compiled one by one in three passes, and most rules are long lists of
 * words.  Whether a pattern compiles depends on its structure: its
 * groups, classes, escapes and quantifiers, which the skeleton keeps
 * byte for byte.
 *
 * Of each run of plain characters (letters, space, some punctuation)
 * it keeps the first, so that what comes before the run (an escape that
 * reads on, a "(?" header) sees the same character and an invalid UTF-8
 * sequence stays invalid; and the last before a quantifier, which then
 * applies to a character as before.  Of the alternatives of a group
 * that are such runs alone it keeps the first: the others can hold no
 * error; and a group (not a capture) of such alternatives alone goes,
 * with its quantifier.  Where the number of characters matters the pattern is kept as
 * it is: inside a lookbehind (its length must be fixed), in a group
 * repeated by a count (its code is copied that many times).  Where a
 * name or a number follows an escape or a "(?", the pattern is not cut
 * at all.  The skeleton is thus a subsequence of the pattern. */

/* The length of the plain character at p, 0 if it is not one: a
 * character that stands for itself outside a class whatever follows
 * it, and is never part of a name, a number or a quantifier.  Beyond
 * ASCII, only well-formed UTF-8 of two or three bytes, so that leaving
 * it out cannot make the pattern valid UTF-8. */
static inline size_t plain(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t room = (size_t)(end - p);

	if ((u[0] >= 'a' && u[0] <= 'z') || (u[0] >= 'A' && u[0] <= 'Z'))
		return 1;
	switch (u[0]) {
	case ' ': case ',': case '-': case '\'': case '"': case ':':
	case ';': case '&': case '!': case '%': case '@': case '/': case '_':
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF && room >= 2 &&
	    (u[1] & 0xC0) == 0x80)
		return 2;
	if (u[0] >= 0xE1 && u[0] <= 0xEC && room >= 3 &&
	    (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
		return 3;	/* not E0 (overlong), ED (surrogates) */
	return 0;
}

static bool quantifier(unsigned char c)
{
	return c == '*' || c == '+' || c == '?' || c == '{';
}

enum { FRAMES = 64 };	/* groups open at once; deeper: kept whole */

/* A group being read (frame 0: the top level). */
struct frame {
	const char *in;		/* its '(' */
	size_t out;		/* where its '(' went in the skeleton */
	size_t branch;		/* where its current alternative starts */
	bool pure;		/* that alternative holds plain runs alone */
	bool kept;		/* one such alternative is kept */
	bool mixed;		/* an alternative held more */
	bool was_pure;		/* the enclosing alternative, before it */
};

struct cutter {
	const char *p, *end;
	struct buf *out;
	struct frame f[FRAMES];
	int depth;		/* of groups */
	int behind;		/* depth of the lookbehind we are in, -1 */
};

/* Append n bytes at from; skeleton_of() made room for the whole
 * pattern. */
static void emit(struct cutter *c, const char *from, size_t n)
{
	memcpy(c->out->data + c->out->len, from, n);
	c->out->len += n;
}

static void copy(struct cutter *c, size_t n)
{
	emit(c, c->p, n);
	c->p += n;
	c->f[c->depth].pure = false;
}

static void truncate_to(struct buf *b, size_t len)
{
	b->len = len;
	b->data[len] = '\0';
}

/* An escape, at its backslash.  False if the pattern must stay whole. */
static bool escape(struct cutter *c)
{
	const char *brace;
	char e;

	if (c->end - c->p < 2) {
		copy(c, (size_t)(c->end - c->p));
		return true;
	}
	e = c->p[1];
	if ((e >= '1' && e <= '9') || strchr("gkQE", e))
		return false;	/* references, quoting */
	copy(c, 2);
	if (c->p < c->end && *c->p == '{' && strchr("pPxoN", e)) {
		brace = memchr(c->p, '}', (size_t)(c->end - c->p));
		if (!brace)
			return false;
		copy(c, (size_t)(brace - c->p) + 1);
	} else if (c->p < c->end && strchr("pPc", e)) {
		copy(c, 1);	/* "\pL", "\cA": the letter is the escape's */
	}
	return true;
}

/* A class, at its '['.  It is copied whole; this finds where it ends
 * as PCRE2 does, and gives up on anything unusual inside. */
static bool class(struct cutter *c)
{
	const char *q = c->p + 1, *close;

	if (q < c->end && *q == '^')
		q++;
	if (q < c->end && *q == ']')
		q++;		/* a leading ']' is a character */
	while (q < c->end && *q != ']') {
		if (*q == '\\') {
			if (q + 1 >= c->end || q[1] == 'Q' || q[1] == 'E')
				return false;
			q += 2;
		} else if (*q == '[') {
			/* only "[:name:]"; "[.", "[=" and a '[' that
			 * starts nothing are left to PCRE2 whole */
			if (q + 1 >= c->end || q[1] != ':')
				return false;
			close = memmem(q + 2, (size_t)(c->end - q - 2), ":]",
				       2);
			if (!close ||
			    memchr(q + 2, ']', (size_t)(close - q - 2)))
				return false;
			q = close + 2;
		} else {
			q++;
		}
	}
	if (q >= c->end)
		return false;
	copy(c, (size_t)(q - c->p) + 1);
	return true;
}

/* The header of a group at its '(': "(", "(?:", "(?<=", "(?i:"...; its
 * length, 0 if the pattern must stay whole.  *options: it is "(?i)",
 * which opens no group. */
static size_t group_header(const struct cutter *c, bool *behind,
			   bool *options)
{
	const char *q = c->p + 1;

	*behind = *options = false;
	if (q < c->end && *q == '*')
		return 0;	/* verbs */
	if (q >= c->end || *q != '?')
		return 1;
	q++;
	if (c->end - q >= 2 && q[0] == '<' && (q[1] == '=' || q[1] == '!')) {
		*behind = true;
		return 4;
	}
	if (q < c->end && *q && strchr(":=!>|", *q))
		return 3;
	/* inline options: not x, which changes what a space means */
	while (q < c->end && *q && strchr("imnsJU-", *q))
		q++;
	if (q >= c->end || (*q != ':' && *q != ')'))
		return 0;
	*options = *q == ')';
	return (size_t)(q + 1 - c->p);
}

static bool open_group(struct cutter *c)
{
	bool behind, options;
	size_t n = group_header(c, &behind, &options);
	struct frame *f;

	if (n == 0 || c->depth + 1 >= FRAMES)
		return false;
	if (options) {
		copy(c, n);
		return true;
	}
	f = &c->f[c->depth + 1];
	f->was_pure = c->f[c->depth].pure;
	c->f[c->depth].pure = false;
	if (behind && c->behind < 0)
		c->behind = c->depth;
	c->depth++;
	f->in = c->p;
	f->out = c->out->len;
	emit(c, c->p, n);
	c->p += n;
	f->branch = c->out->len;
	f->pure = true;
	f->kept = false;
	f->mixed = false;
	return true;
}

/* The current alternative of the current group has ended: a run alone
 * like one kept before goes (with the '|' before it). */
static void end_branch(struct cutter *c)
{
	struct frame *f = &c->f[c->depth];

	if (!f->pure)
		f->mixed = true;
	if (c->behind >= 0 || !f->pure)
		return;
	if (f->kept)
		truncate_to(c->out, f->branch - 1);
	f->kept = true;
}

static void alternative(struct cutter *c)
{
	struct frame *f = &c->f[c->depth];

	end_branch(c);
	emit(c, "|", 1);
	c->p++;
	f->branch = c->out->len;
	f->pure = true;
}

/* The end of group f, its ')' at c->p, when it may go with its
 * quantifier: a group that is not a capture (whose number others may
 * use) of runs alone, not in a lookbehind, with one quantifier or none
 * after it, and no UTF-8 continuation byte after that, which could
 * complete a character begun before the group.  NULL when it stays. */
static const char *removable(const struct cutter *c, const struct frame *f)
{
	const char *q = c->p + 1;

	if (f->mixed || c->behind >= 0 || f->in[1] != '?')
		return NULL;
	if (q < c->end && strchr("?*+", *q) && *q) {
		q++;
		if (q < c->end && (*q == '?' || *q == '+'))
			q++;	/* lazy, possessive */
	}
	if (q < c->end && ((*q && strchr("?*+{", *q)) ||
			   ((unsigned char)*q & 0xC0) == 0x80))
		return NULL;
	return q;
}

static bool close_group(struct cutter *c)
{
	struct frame *f = &c->f[c->depth];
	const char *after;

	if (c->depth == 0)
		return false;	/* unmatched: PCRE2 says so */
	end_branch(c);
	if (c->p + 1 < c->end && c->p[1] == '{') {
		/* a count copies the group's code: keep it as it is */
		truncate_to(c->out, f->out);
		emit(c, f->in, (size_t)(c->p - f->in));
	} else if ((after = removable(c, f)) != NULL) {
		/* it can hold no error: it goes */
		truncate_to(c->out, f->out);
		c->depth--;
		c->f[c->depth].pure = f->was_pure;
		c->p = after;
		return true;
	}
	c->depth--;
	if (c->depth == c->behind)
		c->behind = -1;
	copy(c, 1);
	return true;
}

/* A run of plain characters: its first, and its last if a quantifier
 * follows. */
static void run(struct cutter *c)
{
	size_t n = plain(c->p, c->end), last = n;
	const char *q = c->p + n;

	emit(c, c->p, n);
	while (q < c->end && (n = plain(q, c->end)) > 0) {
		last = n;
		q += n;
	}
	if (q - c->p > (ptrdiff_t)last && q < c->end &&
	    quantifier((unsigned char)*q))
		emit(c, q - last, last);
	c->p = q;
}

static bool step(struct cutter *c)
{
	switch (*c->p) {
	case '\\':
		return escape(c);
	case '[':
		return class(c);
	case '(':
		return open_group(c);
	case ')':
		return close_group(c);
	case '|':
		alternative(c);
		return true;
	default:
		if (c->behind < 0 && plain(c->p, c->end))
			run(c);
		else
			copy(c, 1);
		return true;
	}
}

bool skeleton_of(const char *src, size_t len, struct buf *out, size_t *cut)
{
	struct cutter c = {
		.p = src, .end = src + len, .out = out, .behind = -1,
	};
	size_t was = out->len;

	buf_reserve(out, len);
	c.f[0].branch = was;
	c.f[0].pure = true;
	while (c.p < c.end)
		if (!step(&c)) {
			truncate_to(out, was);
			return false;
		}
	end_branch(&c);
	truncate_to(out, out->len);
	*cut = len - (out->len - was);
	return true;
}
