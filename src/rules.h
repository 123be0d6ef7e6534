/* Rule files: parsing, compiling, and applying them to a page.
 * The format is described in filter-rules(5). */
#ifndef FILTER_RULES_H
#define FILTER_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

struct rule_set;

/* A new, empty rule set; free it with rule_set_free(). */
struct rule_set *rule_set_new(void);
void rule_set_free(struct rule_set *rs);

/* Add the rules of the file at path, and of the files it includes.  On
 * a bad file, reports "file:line:column: message" and returns -1; the
 * set then holds the rules read before the error. */
int rule_set_load(struct rule_set *rs, const char *path);

/* Add rules from a string, as if read from a file named name (for
 * tests and small embedded sets).  Includes resolve against the current
 * directory.  Same return as rule_set_load(). */
int rule_set_load_string(struct rule_set *rs, const char *name,
			 const char *text);

/* Decide what the rules say about each line of d: sets verdict and rule
 * of each line, and edits lines in place for strip rules.  Returns the
 * number of warnings reported (a rule that hit its match limit). */
size_t rule_set_apply(struct rule_set *rs, struct doc *d);

size_t rule_set_count(const struct rule_set *rs);

/* Facts about rule i, valid while rs lives. */
const char *rule_name(const struct rule_set *rs, int i);
const char *rule_file(const struct rule_set *rs, int i);
unsigned rule_line(const struct rule_set *rs, int i);
/* Its pattern as written, and whether it matches caseless. */
const char *rule_pattern(const struct rule_set *rs, int i, bool *caseless);
/* Lines this rule has dropped or edited so far, over all pages. */
unsigned long rule_hits(const struct rule_set *rs, int i);

#endif
