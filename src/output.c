#include "output.h"

#include <stdint.h>
#include <string.h>

#include "bytes.h"
#include "stopwords.h"

/* 1 for the bytes written escaped in a JSON string: the controls and
 * DEL, '"' and '\\'.  Lines are mostly runs of other bytes, copied
 * whole. */
static const unsigned char json_special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 0x00 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 0x10 */
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* '"' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,	/* '\\' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,	/* DEL */
	/* 0x80 and above: none */
};

/* Append the escape of the byte c, one of json_special. */
static void escape_byte(struct buf *b, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char esc[7] = "\\u00";

	switch (c) {
	case '"':  buf_append(b, "\\\"", 2); break;
	case '\\': buf_append(b, "\\\\", 2); break;
	case '\n': buf_append(b, "\\n", 2); break;
	case '\t': buf_append(b, "\\t", 2); break;
	case '\r': buf_append(b, "\\r", 2); break;
	case '\b': buf_append(b, "\\b", 2); break;
	case '\f': buf_append(b, "\\f", 2); break;
	default:
		esc[4] = hex[c >> 4];
		esc[5] = hex[c & 15];
		buf_append(b, esc, 6);
		break;
	}
}

/* The length of the run of bytes at s[0..n) that json_special does not
 * flag.  Eight bytes a step where the compiler tells their order: a
 * byte below 0x20, or one equal to '"', '\\' or DEL (which XOR makes
 * 0), is one that subtracting 1 (or 0x20) borrows into the high bit of,
 * and whose own high bit was clear.  Borrows change only the bytes after
 * the first such byte, which is the one counted. */
static size_t plain_run(const unsigned char *s, size_t n)
{
	size_t i = 0;
#ifdef BYTES_FIRST
	for (; n - i >= 8; i += 8) {
		uint64_t x = bytes_load(s + i),
			 hit = bytes_below(x, 0x20) | bytes_equal(x, '"') |
			       bytes_equal(x, '\\') | bytes_equal(x, 0x7F);

		if (hit)
			return i + bytes_first(hit);
	}
#endif
	while (i < n && !json_special[s[i]])
		i++;
	return i;
}

void json_escape(struct buf *b, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run;

	buf_reserve(b, len + 2);
	for (;;) {
		/* the bytes up to the next to escape go as they are */
		run = i;
		i += plain_run(u + i, len - i);
		buf_append(b, s + run, i - run);
		if (i == len)
			return;
		escape_byte(b, u[i++]);
	}
}

/* A bit per role, for collect(). */
#define ROLE_SET(r) (1u << (r))

/* Append the lines of d whose role is in the set roles to b (see
 * output_collect()). */
static void collect(struct buf *b, const struct doc *d, unsigned roles,
		    bool json)
{
	const char *sep = json ? "\\n\\n" : "\n\n";
	size_t i;
	bool any = false;

	for (i = 0; i < d->nlines; i++) {
		const struct line *l = &d->lines[i];

		if (!(roles & ROLE_SET(l->role)) || line_blank(l))
			continue;
		if (any)
			buf_puts(b, sep);
		if (json)
			json_escape(b, l->text, l->len);
		else
			buf_append(b, l->text, l->len);
		any = true;
	}
}

void output_collect(struct buf *b, const struct doc *d, enum role r,
		    bool json)
{
	collect(b, d, ROLE_SET(r), json);
}

static size_t write_buf(FILE *out, const struct buf *b)
{
	return b->len ? fwrite(b->data, 1, b->len, out) : 0;
}

void output_text(struct buf *b, const struct doc *d)
{
	/* The headline first, wherever it stood; below it the lede and
	 * the body in the page's order, so that a line kept above the
	 * lede (a deck) stays above it. */
	static const unsigned parts[] = {
		ROLE_SET(ROLE_HEADLINE),
		ROLE_SET(ROLE_LEDE) | ROLE_SET(ROLE_BODY),
	};
	struct buf part = BUF_INIT;
	bool any = false;
	size_t k;

	for (k = 0; k < sizeof(parts) / sizeof(parts[0]); k++) {
		buf_reset(&part);
		collect(&part, d, parts[k], false);
		if (part.len == 0)
			continue;
		if (any)
			buf_putc(b, '\n');
		any = true;
		buf_append(b, part.data, part.len);
		buf_putc(b, '\n');
	}
	buf_free(&part);
}

size_t output_page(FILE *out, const struct doc *d, enum format fmt)
{
	struct buf b = BUF_INIT;
	size_t n;

	if (fmt == FORMAT_JSON) {
		buf_puts(&b, "{\"headline\": \"");
		output_collect(&b, d, ROLE_HEADLINE, true);
		buf_puts(&b, "\", \"lede\": \"");
		output_collect(&b, d, ROLE_LEDE, true);
		buf_puts(&b, "\", \"body\": \"");
		output_collect(&b, d, ROLE_BODY, true);
		buf_puts(&b, "\"}\n");
	} else {
		output_text(&b, d);
	}
	n = write_buf(out, &b);
	buf_free(&b);
	return n;
}

size_t output_raw(FILE *out, const char *text, size_t len, enum format fmt,
		  bool first, bool last)
{
	struct buf b = BUF_INIT;
	size_t n;

	if (fmt == FORMAT_JSON) {
		if (first)
			buf_puts(&b, "{\"headline\": \"\", \"lede\": \"\", "
				 "\"body\": \"");
		json_escape(&b, text, len);
		if (last)
			buf_puts(&b, "\"}\n");
	} else {
		buf_append(&b, text, len);
	}
	n = write_buf(out, &b);
	buf_free(&b);
	return n;
}

static const char *role_name(enum role r)
{
	switch (r) {
	case ROLE_HEADLINE: return "headline";
	case ROLE_LEDE:     return "lede";
	case ROLE_BODY:     return "body";
	case ROLE_DROP:     break;
	}
	return "drop";
}

const char *output_reason_name(enum reason r)
{
	static const char *const names[] = {
		[REASON_NONE] = "none",
		[REASON_BLANK] = "blank",
		[REASON_RULE] = "rule",
		[REASON_MATCH_LIMIT] = "match-limit",
		[REASON_REPEAT] = "repeat",
		[REASON_CONTAINED] = "contained",
		[REASON_OUTSIDE] = "outside",
		[REASON_BOILERPLATE] = "boilerplate",
		[REASON_SHORT] = "menu",
		[REASON_CONTENT] = "content",
		[REASON_CONTEXT] = "context",
		[REASON_HEADLINE] = "headline",
		[REASON_LEDE] = "lede",
		[REASON_BYLINE] = "byline",
		[REASON_GAP] = "gap",
		[REASON_TEASER] = "teaser",
		[REASON_CAPTION] = "caption",
	};

	return (size_t)r < sizeof(names) / sizeof(names[0]) && names[r] ?
	       names[r] : "?";
}

static const char *cls_name(enum cls c)
{
	static const char *const names[] = {
		[CLS_BAD] = "bad", [CLS_SHORT] = "short",
		[CLS_NEAR] = "near", [CLS_GOOD] = "good",
	};

	return names[c];
}

void output_explain(FILE *out, const struct doc *d,
		    const struct rule_set *rs, bool colour)
{
	size_t i;

	fprintf(out, "# page %lu lang %s\n", d->page,
		stoplist_lang_name(d->lang));
	for (i = 0; i < d->nlines; i++) {
		const struct line *l = &d->lines[i];
		const struct features *f = &l->f;
		const char *on = "", *off = "";

		if (colour) {
			on = l->role == ROLE_DROP ? "\033[2m" :
			     l->role == ROLE_BODY ? "" : "\033[1m";
			off = "\033[0m";
		}
		fprintf(out, "%lu:%zu\t%s%s\t", d->page, i + 1, on,
			line_blank(l) ? "blank" : role_name(l->role));
		if (l->rule >= 0)
			fprintf(out, "%s %s %s:%u", output_reason_name(l->reason),
				rule_name(rs, l->rule), rule_file(rs, l->rule),
				rule_line(rs, l->rule));
		else
			fprintf(out, "%s", output_reason_name(l->reason));
		if (!line_blank(l))
			fprintf(out, " cls=%s score=%.2f chars=%u words=%u "
				"stops=%u caps=%u digits=%u seps=%u glue=%u "
				"end=%u copies=%u cjk=%u bullet=%u symbols=%u "
				"lower=%u cont=%u cjkp=%u", cls_name(l->cls),
				(double)l->score, f->chars,
				f->words, f->stops, f->caps, f->digits, f->seps,
				f->glue, f->punct_end, l->copies, f->cjk,
				f->bullet, f->symbols, f->lower, f->cont,
				f->cjk_punct);
		fprintf(out, "\t%s%s\n", l->text, off);
	}
}
