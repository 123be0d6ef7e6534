/* Whether a text holds one of a needle set's needles, found the plain
 * way, for the tests of the needle reader (tests/check_shipped.c,
 * tests/fuzz/fuzz_needle.c): the text is folded as needle.c documents,
 * ASCII letters to lower case and the Kelvin sign and long s to "k" and
 * "s", and each needle is looked for with memmem().  Written apart from
 * needle.c's hashed scanner on purpose: an oracle shares no code with
 * what it checks. */
#ifndef FILTER_NEEDLE_ORACLE_H
#define FILTER_NEEDLE_ORACLE_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../src/needle.h"

static inline bool text_holds_needle(const char *text, size_t len,
				     const struct needle_set *set)
{
	char *folded = malloc(len + 1);
	size_t i, n = 0;
	bool found = false;

	if (!folded)
		abort();
	for (i = 0; i < len; i++) {
		char c = text[i];

		if (c >= 'A' && c <= 'Z') {
			c = (char)(c | 0x20);
		} else if (len - i >= 3 &&
			   memcmp(text + i, "\xE2\x84\xAA", 3) == 0) {
			c = 'k';	/* U+212A KELVIN SIGN */
			i += 2;
		} else if (len - i >= 2 &&
			   memcmp(text + i, "\xC5\xBF", 2) == 0) {
			c = 's';	/* U+017F LATIN SMALL LETTER LONG S */
			i += 1;
		}
		folded[n++] = c;
	}
	for (i = 0; i < set->n && !found; i++)
		found = memmem(folded, n, set->s[i], strlen(set->s[i])) != NULL;
	free(folded);
	return found;
}

/* Whether a text may end as set->last allows: its last byte is one of
 * the set, or, for a text that ends with a newline (before which '$'
 * matches too), the byte before it.  An empty text may. */
static inline bool text_ends_as(const char *text, size_t len,
				const struct needle_set *set)
{
	unsigned char last, before;

	if (len == 0)
		return true;
	last = (unsigned char)text[len - 1];
	if (set->last.w[last / 64] & (uint64_t)1 << (last % 64))
		return true;
	if (last != '\n' || len < 2)
		return false;
	before = (unsigned char)text[len - 2];
	return set->last.w[before / 64] & (uint64_t)1 << (before % 64);
}

#endif
