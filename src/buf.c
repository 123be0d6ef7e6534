#include "buf.h"

#include <string.h>

#include <stdlib.h>

#include "util.h"

/* The room past the text is zeroed when it is made: PCRE2's JIT code
 * reads a little past the end of a subject, and defined bytes there keep
 * memory checkers quiet. */
void buf_reserve(struct buf *b, size_t extra)
{
	void *p = b->data;
	size_t old = b->cap;

	xgrow(&p, &b->cap, b->len + extra + 1, 1);
	b->data = p;
	if (b->cap > old)
		memset(b->data + old, 0, b->cap - old);
}

void buf_append(struct buf *b, const void *data, size_t len)
{
	buf_reserve(b, len);
	if (len)	/* data may be NULL then: an empty buffer's */
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void buf_putc(struct buf *b, char c)
{
	buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
