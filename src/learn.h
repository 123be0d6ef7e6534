/* Learning a site's boilerplate from a dump: lines that many pages of
 * one site share become rules.  See filter(1), LEARNING. */
#ifndef FILTER_LEARN_H
#define FILTER_LEARN_H

#include <stdio.h>

#include "doc.h"

struct learn_options {
	unsigned long min_pages;	/* a rule needs this many pages */
	double min_share;		/* and this share of its site's pages */
	size_t budget;			/* bytes the counts may take */
};

#define LEARN_DEFAULT_PAGES	3
#define LEARN_DEFAULT_SHARE	0.2
#define LEARN_DEFAULT_BUDGET	((size_t)64 << 20)

struct learner;

struct learner *learner_new(const struct learn_options *opt);
void learner_free(struct learner *l);

/* Count the lines of page d; url (may be NULL) names its site. */
void learner_add_page(struct learner *l, const struct doc *d,
		      const char *url);

/* Write the learned rule file to out. */
void learner_write(const struct learner *l, FILE *out);

/* Times the budget forced the counts to forget rare lines. */
unsigned long learner_purges(const struct learner *l);

#endif
