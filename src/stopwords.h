/* Stoplists: the commonest function words of a few languages, used to
 * tell running prose from menus and to guess a page's language. */
#ifndef FILTER_STOPWORDS_H
#define FILTER_STOPWORDS_H

#include <stddef.h>
#include <stdint.h>

enum { LANG_MAX = 16 };

struct stoplist;

/* All shipped lists in one lookup table; free with stoplist_free(). */
struct stoplist *stoplist_new(void);
void stoplist_free(struct stoplist *sl);

/* Languages (bit i = language i) whose list holds the word whose
 * text_fold_hash() is h, 0 if none.  Words are told by that hash alone,
 * here as in every other table of the filter. */
uint32_t stoplist_lookup(const struct stoplist *sl, uint64_t h);

size_t stoplist_langs(void);
const char *stoplist_lang_name(int lang);	/* "fr", "en", ... */

#endif
