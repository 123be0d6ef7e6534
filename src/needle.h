/* Needles: literal strings one of which every match of a pattern
 * contains, read off the pattern's source, and a scanner that finds
 * the needles of many patterns in a line in one pass.  A pattern none
 * of whose needles is in a line cannot match it. */
#ifndef FILTER_NEEDLE_H
#define FILTER_NEEDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	NEEDLES_MAX = 32,	/* per pattern: more, and it has none */
	NEEDLE_MIN = 3,		/* bytes: shorter ones say too little,
				 * unless they are marks ("/", "©") */
	NEEDLE_MAX = 24,	/* bytes at most, of whole characters */
};

/* A set of bytes, a bit each. */
struct byte_set {
	uint64_t w[4];
};

/* Needles are folded: ASCII letters in lower case. */
struct needle_set {
	size_t n;		/* 0: the pattern has no usable needles */
	char s[NEEDLES_MAX][NEEDLE_MAX + 1];
	/* The bytes a text may end with, before a final newline, when
	 * every match reaches a '$' (as "\)$", "\s*(?:AP|AFP)$"): a text
	 * that ends with another cannot match.  All bytes when unknown. */
	struct byte_set last;
};

/* The needles of the PCRE2 pattern src[0..len) (UTF, UCP), caseless or
 * not.  When unsure of any construct, finds none: never wrong, at
 * worst useless. */
void needles_of(const char *src, size_t len, bool caseless,
		struct needle_set *out);

/* Does last (a needle_set.last) hold every byte? */
bool byte_set_full(const struct byte_set *last);

/* Can a match reaching a '$' end the text of len bytes, which last
 * (a needle_set.last) says what it may end with?  True when unsure. */
bool text_may_end(const struct byte_set *last, const char *text,
		  size_t len);

struct needles;

struct needles *needles_new(void);
void needles_free(struct needles *nd);

/* Give owner (a small number: a rule's index) the needles of a pattern,
 * as needles_of() read them.  False if it has none: the owner must then
 * be tried on every line. */
bool needles_add(struct needles *nd, size_t owner,
		 const struct needle_set *set);

/* Look for every needle in text.  Returns how many owners had one found,
 * and sets *owners to them, in increasing order (valid until the next
 * scan). */
size_t needles_scan(struct needles *nd, const char *text, size_t len,
		    const size_t **owners);

#endif
