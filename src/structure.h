/* Picking the article out of a classified page: repeats, the article
 * span, the headline, the lede and the body. */
#ifndef FILTER_STRUCTURE_H
#define FILTER_STRUCTURE_H

#include "doc.h"

struct structure;

/* Scratch space reused from page to page; free with structure_free(). */
struct structure *structure_new(void);
void structure_free(struct structure *s);

/* Give every line of d (ruled and classified: it reads the words
 * classify_doc() split) its role. */
void structure_apply(struct structure *s, struct doc *d);

#endif
