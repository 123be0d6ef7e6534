/* Eight bytes at a time.  The tests below flag, in the high bit of each
 * byte of a word of eight, the bytes that pass.  A borrow out of a
 * flagged byte may flag the bytes after it too, never those before: the
 * first flag is exact, and callers ask no more of it. */
#ifndef FILTER_BYTES_H
#define FILTER_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define BYTES_ONES	0x0101010101010101ull
#define BYTES_HIGHS	0x8080808080808080ull

static inline uint64_t bytes_load(const unsigned char *s)
{
	uint64_t x;

	memcpy(&x, s, 8);
	return x;
}

/* The bytes of x below c, for c up to 0x80. */
static inline uint64_t bytes_below(uint64_t x, unsigned char c)
{
	return (x - BYTES_ONES * c) & ~x & BYTES_HIGHS;
}

/* The bytes of x equal to c. */
static inline uint64_t bytes_equal(uint64_t x, unsigned char c)
{
	return bytes_below(x ^ (BYTES_ONES * c), 1);
}

/* Where the compiler tells the bytes' order in a word and counts
 * trailing zeros, the index of the first flagged byte (flags != 0). */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
	__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define BYTES_FIRST 1
static inline size_t bytes_first(uint64_t flags)
{
	return (size_t)__builtin_ctzll(flags) / 8;
}
#endif

#endif
