/* The skeleton of a PCRE2 pattern: the pattern with its runs of plain
 * letters cut short, which PCRE2 compiles in a quarter of the time and
 * accepts whenever it accepts the pattern.  The rule loader checks a
 * pattern by compiling its skeleton, and compiles the pattern itself
 * only when a rule is first tried. */
#ifndef FILTER_SKELETON_H
#define FILTER_SKELETON_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Append the skeleton of the pattern src[0..len) (UTF, UCP, not
 * extended) to out, and set *cut to the bytes left out.  False, with
 * out as it was, when the pattern holds a construct whose validity may
 * hang on the letters (a back reference, a quoted run, a verb...): it
 * must then be compiled whole.  The skeleton compiles to at most
 * SKELETON_CODE_PER_BYTE bytes of code less per byte left out; a
 * pattern that may be too large to compile must be compiled whole. */
bool skeleton_of(const char *src, size_t len, struct buf *out, size_t *cut);

enum {
	/* A letter compiles to an opcode and its byte, or caseless to a
	 * property of three bytes ("k" is also the Kelvin sign); a '|' to
	 * an opcode and a link of two to four bytes. */
	SKELETON_CODE_PER_BYTE = 4,
};

#endif
