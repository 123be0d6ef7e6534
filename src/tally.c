#include "tally.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void tally_reset(struct tally *t, size_t want)
{
	size_t cap = 1024, i;

	while (cap < want * 2)
		cap *= 2;
	if (cap > t->alloc) {
		free(t->slot);
		t->slot = xcalloc(cap, sizeof(*t->slot));
		t->alloc = cap;
	} else {
		for (i = 0; i < t->nfilled; i++)
			memset(&t->slot[t->filled[i]], 0, sizeof(*t->slot));
	}
	t->nfilled = 0;
	t->cap = cap;
}

void tally_grow_filled(struct tally *t)
{
	void *p = t->filled;

	xgrow(&p, &t->filled_cap, t->nfilled + 1, sizeof(*t->filled));
	t->filled = p;
}

void tally_free(struct tally *t)
{
	free(t->slot);
	free(t->filled);
	t->slot = NULL;
	t->filled = NULL;
	t->cap = t->alloc = t->nfilled = t->filled_cap = 0;
}
