/* Stoplists: the commonest function words of a few languages, used to
 * tell running prose from menus and to guess a page's language. */
#ifndef FILTER_STOPWORDS_H
#define FILTER_STOPWORDS_H

#include <stddef.h>
#include <stdint.h>

enum { LANG_MAX = 16 };

enum { STOPLIST_SLOTS = 4096 };	/* power of two, over twice the words */

/* The table holds each word's text_fold_hash(), which classify has for
 * every word it reads.  Here, not in the .c, for the inline lookup. */
struct stoplist {
	struct stoplist_slot {
		uint64_t hash;	/* 0: empty (hash.h never makes 0) */
		uint32_t langs;
	} slot[STOPLIST_SLOTS];
};

/* All shipped lists in one lookup table; free with stoplist_free(). */
struct stoplist *stoplist_new(void);
void stoplist_free(struct stoplist *sl);

/* The slot holding hash h, or the empty slot where it would go. */
static inline uint32_t stoplist_find(const struct stoplist *sl, uint64_t h)
{
	uint32_t i = (uint32_t)h & (STOPLIST_SLOTS - 1);

	while (sl->slot[i].hash && sl->slot[i].hash != h)
		i = (i + 1) & (STOPLIST_SLOTS - 1);
	return i;
}

/* Languages (bit i = language i) whose list holds the word whose
 * text_fold_hash() is h, 0 if none.  Words are told by that hash alone,
 * here as in every other table of the filter.  Inline: classify looks up
 * every word of a page. */
static inline uint32_t stoplist_lookup(const struct stoplist *sl, uint64_t h)
{
	return sl->slot[stoplist_find(sl, h)].langs;	/* an empty slot's
							 * are 0 */
}

size_t stoplist_langs(void);
const char *stoplist_lang_name(int lang);	/* "fr", "en", ... */

#endif
