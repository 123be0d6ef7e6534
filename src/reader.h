/* Splitting an input stream into pages without holding more than one. */
#ifndef FILTER_READER_H
#define FILTER_READER_H

#include <stdbool.h>
#include <stdio.h>

#include "buf.h"

struct reader;

/* Read pages from fp, separated by the byte sep.  A page longer than
 * max_bytes comes in pieces of at most max_bytes (see reader_next).  fp
 * stays the caller's; name is used in messages and must outlive the
 * reader. */
struct reader *reader_new(FILE *fp, const char *name, int sep,
			  size_t max_bytes);
void reader_free(struct reader *r);

/* Replace the contents of page with the next piece of input.  Returns 1
 * when a piece was read, 0 at end of input, -1 on a read error (reported).
 * *more is set when the page goes on in the next piece: the piece was cut
 * at a line end where possible, else at a UTF-8 character boundary. */
int reader_next(struct reader *r, struct buf *page, bool *more);

/* Did the piece reader_next() returned last end at a separator (rather
 * than at the end of input)? */
bool reader_terminated(const struct reader *r);

/* Bytes consumed so far, separators included. */
unsigned long long reader_bytes(const struct reader *r);

#endif
