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

struct decoder;

/* A decoder for pages that are UTF-8, UTF-16 with a byte order mark, or
 * else in from_code (an iconv name; NULL means windows-1252, the WHATWG
 * default for pages that declare nothing).  With normalize, the text
 * also gets the typographic clean-up described in filter(1): no-break
 * and other fixed-width spaces become spaces, soft hyphens and
 * zero-width spaces go, leftover HTML entities are decoded.  Returns
 * NULL, having said why, if iconv does not know from_code. */
struct decoder *decoder_new(const char *from_code, bool normalize);
void decoder_free(struct decoder *dec);

/* Append to out the clean UTF-8 text of one piece of a page (see
 * reader_next); page_start marks the first piece.  Returns the number
 * of bytes or sequences that could not be decoded (each became U+FFFD). */
size_t decoder_feed(struct decoder *dec, struct buf *out, const char *in,
		    size_t len, bool page_start);

/* Decode HTML character references and fold special spaces in the UTF-8
 * text b[start..], in place (the text never grows).  The text ends with
 * the NUL the buf functions keep after it. */
void normalize_text(struct buf *b, size_t start);

/* Length of the well-formed UTF-8 sequence at s (1 to 4), or 0 if the
 * bytes there are not one; n is the number of bytes available. */
size_t utf8_seq_len(const unsigned char *s, size_t n);

#endif
