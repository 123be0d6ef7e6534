/* Writing pages out: plain text, JSON lines, and --explain. */
#ifndef FILTER_OUTPUT_H
#define FILTER_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "buf.h"
#include "doc.h"
#include "rules.h"

enum format { FORMAT_TEXT, FORMAT_JSON };

/* Write the headline, lede and body of d.  Text: the headline, then the
 * lede and the body paragraphs in the page's order, one per line,
 * separated by blank lines.
 * JSON: one object on one line.  Returns the number of bytes written
 * (as do the other writers). */
size_t output_page(FILE *out, const struct doc *d, enum format fmt);

/* Append the text form of d to b (see output_page). */
void output_text(struct buf *b, const struct doc *d);

/* Write the text of a page that is passed through unfiltered, in
 * pieces: first piece with first set, last with last set (one piece may
 * be both).  The text must be valid UTF-8. */
size_t output_raw(FILE *out, const char *text, size_t len, enum format fmt,
		bool first, bool last);

/* One line per input line: where it went and why (see filter(1)).
 * rs names the rules; colour adds terminal colours. */
void output_explain(FILE *out, const struct doc *d,
		    const struct rule_set *rs, bool colour);

/* Append the lines of d with role r to b, paragraphs separated by a
 * blank line; as JSON string contents if json. */
void output_collect(struct buf *b, const struct doc *d, enum role r,
		    bool json);

/* The word --explain and --stats use for a reason. */
const char *output_reason_name(enum reason r);

/* Append s[0..len) to b as the inside of a JSON string. */
void json_escape(struct buf *b, const char *s, size_t len);

#endif
