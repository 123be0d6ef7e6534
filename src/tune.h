/* Every threshold and weight of the heuristics, in one place.  Lengths
 * are in code points, shares are fractions of a line's words.  The
 * values were tuned on a corpus of news and blog pages in a dozen
 * languages; see filter(1), HEURISTICS. */
#ifndef FILTER_TUNE_H
#define FILTER_TUNE_H

/* Language detection: a page is in language L when L's stopwords are
 * at least this share of the page's words (and more than any other's). */
#define LANG_MIN_SHARE		0.08f

/* Line classes (classify.c). */
#define LEN_SHORT		50	/* below: too short to judge alone */
#define LEN_GOOD		100	/* at or above: can be article text */
#define STOPS_GOOD		0.26f	/* stopword share of prose */
#define STOPS_NEAR		0.15f	/* below: lists of names, menus */
#define GLUE_MAX_WORDS		8	/* "AccepterTout refuser": link text
					 * glued together in a short line */
#define GLUE_MIN_LOWER		3	/* lower-case letters before the
					 * capital: "AccepterTout" is glue,
					 * "iPhone", "McDonald" are names */
#define DENSE_WEIGHT		3	/* a Han, kana or Hangul character
					 * counts as this many Latin ones */
#define CAPS_MAX_UNKNOWN	0.6f	/* language unknown: a line with more
					 * capitalised words is a list of
					 * names or a menu, not prose */
#define CONT_MIN_CHARS		30	/* a line this long, with no sentence
					 * end, followed by one starting in
					 * lower case: one wrapped paragraph */
#define SEP_SHARE		0.25f	/* "|", "»", "•" per word: menus */
#define DIGIT_SHARE		0.30f	/* digits per code point: dates,
					 * counters, prices */

/* Article span (structure.c): each line adds its weight; the span is
 * the run of lines with the largest sum. */
#define WEIGHT_GOOD_PER_CHAR	1.0f
#define WEIGHT_GOOD_MAX		400.0f	/* one long line is not an article */
#define WEIGHT_NEAR_PER_CHAR	0.5f
#define WEIGHT_SHORT		(-8.0f)
#define WEIGHT_BAD		(-25.0f)
#define WEIGHT_RULE_DROP	(-15.0f) /* a line a rule dropped */
#define GAP_STEP		8.0f	/* the k-th line of a gap of menu-like
					 * lines costs (k - 1) steps more */
#define GAP_RAMP		6	/* up to this many steps */
#define GAP_DATA_SHARE		0.3f	/* a gap with this share of lines of
					 * code, figures or tables is no gap */

/* Menus inside the span: a run of this many short lines is dropped. */
#define MENU_RUN		3

/* Headline: looked for among this many lines above the article. */
#define HEADLINE_LOOKBACK	12
#define HEADLINE_MAX_WORDS	30
#define HEADLINE_MAX_CHARS	250

/* Lede: the first article line after the headline with this many words. */
#define LEDE_MIN_WORDS		6

/* Repeats: a line of at least this many words whose every run of
 * SHINGLE words occurs in a longer line is a pull quote or a teaser. */
#define CONTAINED_MIN_WORDS	8
#define SHINGLE			4

#endif
