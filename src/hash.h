/* The hashes every table of the filter uses.  Never 0, so that 0 can
 * mark an empty slot. */
#ifndef FILTER_HASH_H
#define FILTER_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_SEED 0xCBF29CE484222325ull	/* FNV-1a offset basis */

/* One byte into an FNV-1a hash. */
static inline uint64_t hash_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * 0x100000001B3ull;
}

/* Bytes p[0..n) into h (FNV-1a). */
static inline uint64_t hash_bytes(uint64_t h, const char *p, size_t n)
{
	while (n--)
		h = hash_byte(h, (unsigned char)*p++);
	return h ? h : 1;
}

/* The 64-bit value v into h with one multiply: for hashes of hashes,
 * built value by value in hot loops. */
static inline uint64_t hash_mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9E3779B97F4A7C15ull;
	h ^= h >> 29;
	return h ? h : 1;
}

#endif
