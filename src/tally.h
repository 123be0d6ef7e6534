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
	size_t *filled;		/* the slots given a key since the reset */
	size_t nfilled, filled_cap;
};

/* Empty t, with room for want keys.  Only the slots filled since the
 * last reset are cleared, not the whole table: most pages fill a small
 * part of it, and the memory kept from a big page stays.  A zeroed
 * struct tally is ready for this. */
void tally_reset(struct tally *t, size_t want);

/* Make room in t->filled for one more slot (see tally_filled()). */
void tally_grow_filled(struct tally *t);

/* Remember that slot i got a key, for tally_reset().  Inline: every
 * new key of a page comes here, and the list seldom has to grow. */
static inline void tally_filled(struct tally *t, size_t i)
{
	if (t->nfilled == t->filled_cap)
		tally_grow_filled(t);
	t->filled[t->nfilled++] = i;
}

/* Free t's slots (not t itself, which callers embed). */
void tally_free(struct tally *t);

/* The entry for key; a new one is zero but for the key.  Valid until
 * the next tally_reset(). */
static inline struct tally_entry *tally_slot(struct tally *t, uint64_t key)
{
	size_t i = (size_t)key & (t->cap - 1);

	while (t->slot[i].key && t->slot[i].key != key)
		i = (i + 1) & (t->cap - 1);
	if (!t->slot[i].key) {
		tally_filled(t, i);
		t->slot[i].key = key;
	}
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
