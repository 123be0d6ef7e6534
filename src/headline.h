/* The headline and the lede of a page whose article structure_apply()
 * has marked. */
#ifndef FILTER_HEADLINE_H
#define FILTER_HEADLINE_H

#include "doc.h"

struct headline;

/* Scratch space reused from page to page; free with headline_free(). */
struct headline *headline_new(void);
void headline_free(struct headline *h);

/* Pick d's headline among the title-like lines around the article's
 * first line (role BODY) and its lede, the first paragraph below it;
 * give them their roles, and drop the bylines between them. */
void headline_apply(struct headline *h, struct doc *d);

#endif
