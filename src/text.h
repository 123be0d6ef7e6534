/* Code points and words of valid UTF-8 text. */
#ifndef FILTER_TEXT_H
#define FILTER_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode the character at s, which must be valid UTF-8 with at least
 * one byte; *n gets its length in bytes. */
uint32_t cp_decode(const char *s, size_t *n);

/* Write c as UTF-8 to out (room for 4 bytes); returns the length. */
size_t cp_encode(char *out, uint32_t c);

/* Letters and digits of any script (roughly: not punctuation, not a
 * symbol, not a space). */
bool cp_is_word(uint32_t c);
bool cp_is_upper(uint32_t c);
bool cp_is_lower(uint32_t c);

/* An ASCII figure, 0 to 9. */
static inline bool ascii_digit(char c)
{
	return c >= '0' && c <= '9';
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

/* Lower-case ASCII and Latin-1 letters of w[0..len) into out[0..len)
 * (each keeps its length); returns hash_bytes(HASH_SEED, out, len). */
uint64_t text_fold_hash(const char *w, size_t len, char *out);

#endif
