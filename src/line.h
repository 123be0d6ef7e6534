/* What the passes over a classified page (structure.c, headline.c) ask
 * of its lines: a line's key, its neighbours, whether it reads as a
 * date, an item of a numbered list or a title. */
#ifndef FILTER_LINE_H
#define FILTER_LINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc.h"

/* Where a key of words starts: line_key(), and the windows of words a
 * caller compares with lines' keys. */
#define LINE_KEY_SEED 0x84222325CBF29CE4ull

/* A line's key: its words' hashes, in order.  Punctuation, ellipses and
 * quotes are not words, so a teaser cut with "..." compares equal to the
 * text it cuts.  classify_doc() keeps it in line.key, where the later
 * passes read it. */
uint64_t line_key(const struct doc *d, const struct line *l);

/* A word that says what a text is about: not a function word of any
 * language we know, not a short one (TOPIC_WORD_MIN). */
bool word_topic(const struct word *w);

/* The nearest non-blank line before (dir -1) or after (+1) line i,
 * SIZE_MAX if none. */
size_t line_beside(const struct doc *d, size_t i, int dir);

/* A short line with figures: "12. März 2020", "Jan 18, 2019 | 5 min
 * read". */
bool line_date_like(const struct line *l);

/* Figures that read as a date or a time: a year ("2019", "1998") or
 * figures joined by ".", "/", ":" or "-" ("12.03.", "10/10", "05:30").
 * A quantity has none: "4512 kcal", "53,82 g". */
bool line_dated(const struct line *l);

/* Whether a date holds its year: a year of four figures ("Jan 18,
 * 2019") or three runs of figures joined by ".", "/" or "-" ("28.01.22").
 * A gallery's counter ("10/28 photos") and a time ("18:44") have none. */
bool line_dated_with_year(const struct line *l);

/* The figures that start l, up to three, as a number; *len gets how
 * many there are. */
unsigned line_leading_number(const struct line *l, size_t *len);

/* The number of a numbered section's or item's line ("3. Check the
 * door", "12) Tip"), 0 if it is none.  Not a date: "28. November". */
unsigned line_item_number(const struct line *l);

/* A line of text no rule dropped, short enough for a title. */
bool line_title_like(const struct line *l);

/* Take l out of the article for why, unless a rule dropped it (its
 * reason stays the rule's). */
void line_drop(struct line *l, enum reason why);

/* Take l into the article as text. */
void line_keep(struct line *l);

#endif
