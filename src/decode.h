/* Turning the bytes of a page into clean UTF-8 text. */
#ifndef FILTER_DECODE_H
#define FILTER_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Append to out the text of in as valid UTF-8 with LF line ends: CRLF
 * and lone CR become LF, a byte order mark at the start of a page
 * (page_start) is dropped, NUL bytes and each maximal ill-formed
 * sequence become U+FFFD.  *pending_cr carries a CR that ended the
 * previous piece of the same page; set it false at the start of a page.
 * Returns the number of replacements made. */
size_t decode_utf8(struct buf *out, const char *in, size_t len,
		   bool page_start, bool *pending_cr);

/* Length of the well-formed UTF-8 sequence at s (1 to 4), or 0 if the
 * bytes there are not one; n is the number of bytes available. */
size_t utf8_seq_len(const unsigned char *s, size_t n);

#endif
