/* Text features of lines and the class they suggest, for pages and
 * lines that no rule decided. */
#ifndef FILTER_CLASSIFY_H
#define FILTER_CLASSIFY_H

#include "doc.h"

struct classifier;

/* The stoplists and tables the heuristics need; free with
 * classifier_free(). */
struct classifier *classifier_new(void);
void classifier_free(struct classifier *c);

/* Split every line of d into words (d->words), measure it (features,
 * class, score) and guess the page's language (d->lang). */
void classify_doc(const struct classifier *c, struct doc *d);

#endif
