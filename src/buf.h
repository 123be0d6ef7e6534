/* A growable byte buffer, always NUL-terminated after len bytes. */
#ifndef FILTER_BUF_H
#define FILTER_BUF_H

#include <stddef.h>

struct buf {
	char *data;	/* owned; NULL until the first append */
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const void *data, size_t len);
void buf_putc(struct buf *b, char c);
void buf_puts(struct buf *b, const char *s);
void buf_reset(struct buf *b);	/* len = 0, memory kept */
void buf_free(struct buf *b);	/* memory released, b reusable */

#endif
