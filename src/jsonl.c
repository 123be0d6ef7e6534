#include "jsonl.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

enum { MAX_DEPTH = 512 };

struct member {
	size_t key, key_len;	/* raw, quotes included */
	size_t value, value_len;
};

struct json_object {
	const char *text;
	struct member *m;
	size_t n, cap;
};

struct parser {
	const char *s;
	size_t len, pos;
	const char *err;
};

struct json_object *json_object_new(void)
{
	return xcalloc(1, sizeof(struct json_object));
}

void json_object_free(struct json_object *o)
{
	if (!o)
		return;
	free(o->m);
	free(o);
}

static void skip_ws(struct parser *p)
{
	while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' ||
				   p->s[p->pos] == '\n' || p->s[p->pos] == '\r'))
		p->pos++;
}

static bool fail(struct parser *p, const char *err)
{
	if (!p->err)
		p->err = err;
	return false;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Four hex digits at s[0..4), or -1. */
static long hex4(const char *s)
{
	long v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		int d = hex_digit(s[i]);

		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static bool parse_string(struct parser *p)
{
	if (p->pos >= p->len || p->s[p->pos] != '"')
		return fail(p, "expected a string");
	for (p->pos++; p->pos < p->len; p->pos++) {
		unsigned char c = (unsigned char)p->s[p->pos];

		if (c == '"') {
			p->pos++;
			return true;
		}
		if (c < 0x20)
			return fail(p, "control character in string");
		if (c != '\\')
			continue;
		if (++p->pos >= p->len)
			break;
		switch (p->s[p->pos]) {
		case '"': case '\\': case '/': case 'b': case 'f': case 'n':
		case 'r': case 't':
			break;
		case 'u':
			if (p->pos + 4 >= p->len || hex4(p->s + p->pos + 1) < 0)
				return fail(p, "bad \\u escape");
			p->pos += 4;
			break;
		default:
			return fail(p, "bad escape in string");
		}
	}
	return fail(p, "unterminated string");
}

static bool digits(struct parser *p)
{
	size_t start = p->pos;

	while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9')
		p->pos++;
	return p->pos > start;
}

static bool parse_number(struct parser *p)
{
	if (p->s[p->pos] == '-')
		p->pos++;
	if (p->pos < p->len && p->s[p->pos] == '0')
		p->pos++;
	else if (!digits(p))
		return fail(p, "bad number");
	if (p->pos < p->len && p->s[p->pos] == '.') {
		p->pos++;
		if (!digits(p))
			return fail(p, "bad number");
	}
	if (p->pos < p->len && (p->s[p->pos] | 0x20) == 'e') {
		p->pos++;
		if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
			p->pos++;
		if (!digits(p))
			return fail(p, "bad number");
	}
	return true;
}

static bool parse_value(struct parser *p, int depth);

/* Members or elements up to the closing bracket. */
static bool parse_container(struct parser *p, int depth, char close,
			    bool members)
{
	p->pos++;
	skip_ws(p);
	if (p->pos < p->len && p->s[p->pos] == close) {
		p->pos++;
		return true;
	}
	for (;;) {
		if (members) {
			if (!parse_string(p))
				return false;
			skip_ws(p);
			if (p->pos >= p->len || p->s[p->pos] != ':')
				return fail(p, "expected ':'");
			p->pos++;
		}
		if (!parse_value(p, depth + 1))
			return false;
		skip_ws(p);
		if (p->pos < p->len && p->s[p->pos] == ',') {
			p->pos++;
			skip_ws(p);
			continue;
		}
		if (p->pos < p->len && p->s[p->pos] == close) {
			p->pos++;
			return true;
		}
		return fail(p, members ? "expected ',' or '}'"
				       : "expected ',' or ']'");
	}
}

static bool literal(struct parser *p, const char *word)
{
	size_t n = strlen(word);

	if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0)
		return fail(p, "unexpected character");
	p->pos += n;
	return true;
}

static bool parse_value(struct parser *p, int depth)
{
	skip_ws(p);
	if (depth > MAX_DEPTH)
		return fail(p, "nested too deeply");
	if (p->pos >= p->len)
		return fail(p, "unexpected end of line");
	switch (p->s[p->pos]) {
	case '{':
		return parse_container(p, depth, '}', true);
	case '[':
		return parse_container(p, depth, ']', false);
	case '"':
		return parse_string(p);
	case 't':
		return literal(p, "true");
	case 'f':
		return literal(p, "false");
	case 'n':
		return literal(p, "null");
	default:
		if (p->s[p->pos] == '-' ||
		    (p->s[p->pos] >= '0' && p->s[p->pos] <= '9'))
			return parse_number(p);
		return fail(p, "unexpected character");
	}
}

int json_object_parse(struct json_object *o, const char *line, size_t len,
		      const char **err, size_t *at)
{
	struct parser p = { line, len, 0, NULL };

	o->text = line;
	o->n = 0;
	skip_ws(&p);
	if (p.pos >= len || line[p.pos] != '{') {
		fail(&p, "not a JSON object");
		goto bad;
	}
	p.pos++;
	skip_ws(&p);
	if (p.pos < len && line[p.pos] == '}') {
		p.pos++;
		goto end;
	}
	for (;;) {
		struct member m;
		void *arr = o->m;

		skip_ws(&p);
		m.key = p.pos;
		if (!parse_string(&p))
			goto bad;
		m.key_len = p.pos - m.key;
		skip_ws(&p);
		if (p.pos >= len || line[p.pos] != ':') {
			fail(&p, "expected ':'");
			goto bad;
		}
		p.pos++;
		skip_ws(&p);
		m.value = p.pos;
		if (!parse_value(&p, 1))
			goto bad;
		m.value_len = p.pos - m.value;
		xgrow(&arr, &o->cap, o->n + 1, sizeof(m));
		o->m = arr;
		o->m[o->n++] = m;
		skip_ws(&p);
		if (p.pos < len && line[p.pos] == ',') {
			p.pos++;
			continue;
		}
		if (p.pos < len && line[p.pos] == '}') {
			p.pos++;
			break;
		}
		fail(&p, "expected ',' or '}'");
		goto bad;
	}
end:
	skip_ws(&p);
	if (p.pos == len)
		return 0;
	fail(&p, "text after the object");
bad:
	*err = p.err;
	*at = p.pos;
	return -1;
}

static void put_cp(struct buf *b, uint32_t c)
{
	char u[4];

	buf_append(b, u, cp_encode(u, c));
}

/* Decode the (already validated) JSON string at s into out. */
static void decode_string(const char *s, size_t len, struct buf *out)
{
	size_t i = 1, run;

	len--;			/* the closing quote */
	while (i < len) {
		uint32_t c;

		for (run = i; run < len && s[run] != '\\'; run++)
			;
		buf_append(out, s + i, run - i);
		if ((i = run) >= len)
			break;
		switch (s[i + 1]) {
		case 'b': buf_putc(out, '\b'); break;
		case 'f': buf_putc(out, '\f'); break;
		case 'n': buf_putc(out, '\n'); break;
		case 'r': buf_putc(out, '\r'); break;
		case 't': buf_putc(out, '\t'); break;
		case 'u':
			c = (uint32_t)hex4(s + i + 2);
			i += 4;
			if (c >= 0xD800 && c <= 0xDBFF && i + 7 < len &&
			    s[i + 2] == '\\' && s[i + 3] == 'u') {
				long lo = hex4(s + i + 4);

				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					c = 0x10000 + ((c - 0xD800) << 10) +
					    (uint32_t)(lo - 0xDC00);
					i += 6;
				}
			}
			if (c >= 0xD800 && c <= 0xDFFF)
				c = 0xFFFD;	/* a lone surrogate */
			put_cp(out, c);
			break;
		default:	/* " \ / */
			buf_putc(out, s[i + 1]);
			break;
		}
		i += 2;
	}
}

static bool key_is(const struct json_object *o, const struct member *m,
		   const char *key)
{
	struct buf k = BUF_INIT;
	bool same;

	if (!memchr(o->text + m->key, '\\', m->key_len))
		return m->key_len == strlen(key) + 2 &&
		       memcmp(o->text + m->key + 1, key, m->key_len - 2) == 0;
	decode_string(o->text + m->key, m->key_len, &k);	/* rare */
	same = k.len == strlen(key) && memcmp(k.data, key, k.len) == 0;
	buf_free(&k);
	return same;
}

int json_object_string(const struct json_object *o, const char *key,
		       struct buf *out)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		const struct member *m = &o->m[i];

		if (!key_is(o, m, key))
			continue;
		if (o->text[m->value] != '"')
			return -1;
		decode_string(o->text + m->value, m->value_len, out);
		return 1;
	}
	return 0;
}

void json_object_write(const struct json_object *o, struct buf *out,
		       const struct json_member *set, size_t nset)
{
	bool *done = xcalloc(nset ? nset : 1, sizeof(bool));
	bool first = true;
	size_t i, k;

	buf_putc(out, '{');
	for (i = 0; i < o->n; i++) {
		const struct member *m = &o->m[i];

		for (k = 0; k < nset && !key_is(o, m, set[k].key); k++)
			;
		if (k < nset && done[k])
			continue;	/* a duplicate key: written once */
		if (!first)
			buf_puts(out, ", ");
		first = false;
		buf_append(out, o->text + m->key, m->key_len);
		buf_puts(out, ": ");
		if (k < nset) {
			buf_append(out, set[k].value, set[k].len);
			done[k] = true;
		} else {
			buf_append(out, o->text + m->value, m->value_len);
		}
	}
	for (k = 0; k < nset; k++) {
		if (done[k])
			continue;
		if (!first)
			buf_puts(out, ", ");
		first = false;
		buf_putc(out, '"');
		buf_puts(out, set[k].key);
		buf_puts(out, "\": ");
		buf_append(out, set[k].value, set[k].len);
	}
	buf_putc(out, '}');
	free(done);
}
