/* Counts under 64-bit keys (hashes of words, shingles or lines): an
 * open-addressing table kept from page to page, so that steady state
 * allocates nothing. */
#ifndef FILTER_TALLY_H
#define FILTER_TALLY_H

#include <stddef.h>
#include <stdint.h>

struct tally {
	struct tally_entry {
		uint64_t key;	/* 0: empty (hash.h never makes 0) */
		uint32_t a, b;	/* what each user counts */
	} *slot;
	size_t cap;		/* slots in use for this page: a power of two */
	size_t alloc;		/* slots allocated */
};

/* Empty t, with room for want keys.  Only the slots in use are cleared:
 * the memory kept from a big page stays.  A zeroed struct tally is
 * ready for this. */
void tally_reset(struct tally *t, size_t want);

/* Free t's slots (not t itself, which callers embed). */
void tally_free(struct tally *t);

/* The entry for key; a new one is zero but for the key.  Valid until
 * the next tally_reset(). */
static inline struct tally_entry *tally_slot(struct tally *t, uint64_t key)
{
	size_t i = (size_t)key & (t->cap - 1);

	while (t->slot[i].key && t->slot[i].key != key)
		i = (i + 1) & (t->cap - 1);
	t->slot[i].key = key;
	return &t->slot[i];
}

/* The entry for key, NULL if there is none. */
static inline const struct tally_entry *tally_get(const struct tally *t,
						  uint64_t key)
{
	size_t i = (size_t)key & (t->cap - 1);

	while (t->slot[i].key && t->slot[i].key != key)
		i = (i + 1) & (t->cap - 1);
	return t->slot[i].key ? &t->slot[i] : NULL;
}

#endif
