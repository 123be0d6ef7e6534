/* Picking the article out of a classified page: repeats, the article
 * span and the lines that join it.  headline.h then picks its headline
 * and lede. */
#ifndef FILTER_STRUCTURE_H
#define FILTER_STRUCTURE_H

#include "doc.h"

struct structure;

/* Scratch space reused from page to page; free with structure_free(). */
struct structure *structure_new(void);
void structure_free(struct structure *s);

/* Give every line of d (ruled and classified: it reads the words
 * classify_doc() split) its role: BODY for the article, DROP for the
 * rest. */
void structure_apply(struct structure *s, struct doc *d);

#endif
