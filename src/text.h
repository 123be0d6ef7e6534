/* Code points and words of valid UTF-8 text. */
#ifndef FILTER_TEXT_H
#define FILTER_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode the character at p, which must be valid UTF-8 with at least
 * one byte; *n gets its length in bytes.  This and the tests of a
 * character below are inline, for their callers' loops over every
 * character of a line; the tests of characters outside ASCII, the
 * rarer and longer, are not. */
static inline uint32_t cp_decode(const char *p, size_t *n)
{
	const unsigned char *s = (const unsigned char *)p;

	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if (s[0] < 0xE0) {
		*n = 2;
		return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	}
	if (s[0] < 0xF0) {
		*n = 3;
		return ((uint32_t)(s[0] & 0x0F) << 12) |
		       ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	}
	*n = 4;
	return ((uint32_t)(s[0] & 0x07) << 18) |
	       ((uint32_t)(s[1] & 0x3F) << 12) |
	       ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/* Where the character that ends s[0..n), n > 0, starts. */
static inline size_t cp_last(const char *s, size_t n)
{
	size_t i = n - 1;

	while (i > 0 && n - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* Write c as UTF-8 to out (room for 4 bytes); returns the length. */
size_t cp_encode(char *out, uint32_t c);

/* The tests below for c from 0x80 up. */
bool cp_is_word_wide(uint32_t c);
bool cp_is_upper_wide(uint32_t c);
bool cp_is_lower_wide(uint32_t c);

/* Letters and digits of any script (roughly: not punctuation, not a
 * symbol, not a space). */
static inline bool cp_is_word(uint32_t c)
{
	if (c < 0x80)
		return (c | 0x20) - 'a' < 26u || c - '0' < 10u;
	return cp_is_word_wide(c);
}

/* Upper- and lower-case letters of Latin-1, Latin Extended-A, Greek
 * and Cyrillic: enough for the languages the heuristics know. */
static inline bool cp_is_upper(uint32_t c)
{
	return c < 0x80 ? c - 'A' < 26u : cp_is_upper_wide(c);
}

static inline bool cp_is_lower(uint32_t c)
{
	return c < 0x80 ? c - 'a' < 26u : cp_is_lower_wide(c);
}

/* An ASCII figure, 0 to 9. */
static inline bool ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* An ASCII letter or figure. */
static inline bool ascii_alnum(char c)
{
	return ascii_digit(c) || (unsigned char)((c | 0x20) - 'a') < 26u;
}

/* Words are compared by the hash of their first TEXT_FOLD_MAX bytes,
 * case-folded. */
enum { TEXT_FOLD_MAX = 256 };

/* A word, as text_next_word() finds it. */
struct text_word {
	size_t start, len;	/* bytes, in the text */
	uint64_t hash;		/* text_fold_hash() of its first bytes, up
				 * to TEXT_FOLD_MAX */
};

/* Find the next word of s[*pos..len): fills *w, moves *pos past it and
 * returns true; false when there is none.  The word is folded and hashed
 * as it is read, rather than read again. */
bool text_next_word(const char *s, size_t len, size_t *pos,
		    struct text_word *w);

/* The next words of s[*pos..len), up to max of them, into out, as
 * text_next_word() finds them one by one; moves *pos past them and
 * returns how many, 0 when there are no more.  For a line's words: one
 * call for many words costs less than a call for each. */
size_t text_words(const char *s, size_t len, size_t *pos,
		  struct text_word *out, size_t max);

/* Lower-case ASCII and Latin-1 letters of w[0..len) into out[0..len)
 * (each keeps its length); returns the hash of out[0..len), which takes
 * its bytes eight at a time: never 0, and the same for the same folded
 * bytes. */
uint64_t text_fold_hash(const char *w, size_t len, char *out);

#endif
