/* Writing pages out: plain text, JSON lines, and --explain. */
#ifndef FILTER_OUTPUT_H
#define FILTER_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "buf.h"
#include "doc.h"
#include "rules.h"

enum format { FORMAT_TEXT, FORMAT_JSON };

/* Write the headline, lede and body of d.  Text: the parts that are not
 * empty, separated by blank lines, body paragraphs one per line.
 * JSON: one object on one line. */
void output_page(FILE *out, const struct doc *d, enum format fmt);

/* Write the text of a page that is passed through unfiltered, in
 * pieces: first piece with first set, last with last set (one piece may
 * be both).  The text must be valid UTF-8. */
void output_raw(FILE *out, const char *text, size_t len, enum format fmt,
		bool first, bool last);

/* One line per input line: where it went and why (see filter(1)).
 * rs names the rules; colour adds terminal colours. */
void output_explain(FILE *out, const struct doc *d,
		    const struct rule_set *rs, bool colour);

/* Append s[0..len) to b as the inside of a JSON string. */
void json_escape(struct buf *b, const char *s, size_t len);

#endif
