#include "tally.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void tally_reset(struct tally *t, size_t want)
{
	size_t cap = 1024;

	while (cap < want * 2)
		cap *= 2;
	if (cap > t->alloc) {
		free(t->slot);
		t->slot = xmalloc(cap * sizeof(*t->slot));
		t->alloc = cap;
	}
	t->cap = cap;
	memset(t->slot, 0, cap * sizeof(*t->slot));
}

void tally_free(struct tally *t)
{
	free(t->slot);
	t->slot = NULL;
	t->cap = t->alloc = 0;
}
