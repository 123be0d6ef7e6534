/* A page as lines, and what each stage decided about each line. */
#ifndef FILTER_DOC_H
#define FILTER_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* What the rules said. */
enum verdict {
	VERDICT_NONE,		/* no rule matched: heuristics decide */
	VERDICT_KEEP,		/* protected from later rules and heuristics */
	VERDICT_DROP,
};

/* Where the line ends up. */
enum role {
	ROLE_DROP,
	ROLE_HEADLINE,
	ROLE_LEDE,
	ROLE_BODY,
};

/* Why a line got its role when no rule decided it. */
enum reason {
	REASON_NONE,
	REASON_BLANK,
	REASON_RULE,		/* see line.rule */
	REASON_MATCH_LIMIT,	/* a rule could not finish: line kept */
	REASON_REPEAT,		/* repeats an earlier line */
	REASON_CONTAINED,	/* its words all occur in a longer line */
	REASON_OUTSIDE,		/* outside the article span */
	REASON_BOILERPLATE,	/* classified as boilerplate */
	REASON_SHORT,		/* short line not attached to the article */
	REASON_CONTENT,		/* classified as article text */
	REASON_CONTEXT,		/* short line kept between article lines */
	REASON_HEADLINE,
	REASON_LEDE,
	REASON_BYLINE,		/* byline or date line */
	REASON_GAP,		/* short or near-text line with no
				 * article prose beside it: captions,
				 * share buttons, newsletter prompts */
	REASON_TEASER,		/* a teaser's title or blurb, above a
				 * link to the rest of its text */
	REASON_CAPTION,		/* the line of a rule's line right under
				 * it: a caption above its credit */
	REASON_COUNT		/* keep last */
};

/* Text features of a line, filled in by classify. */
struct features {
	unsigned chars;		/* code points */
	unsigned words;
	unsigned stops;		/* words on the page language's stoplist */
	unsigned caps;		/* words starting with an upper-case letter */
	unsigned digits;
	unsigned punct_end;	/* ends like a sentence */
	unsigned seps;		/* "|", "»", "•", ... */
	unsigned glue;		/* lowerUpper joins: "AccepterTout" */
	unsigned cjk;		/* Han, kana and Hangul: dense scripts */
	unsigned bullet;	/* starts like a list item: "• ", "3. " */
	unsigned symbols;	/* code and table signs: "=", "{", "│" */
	unsigned lower;		/* starts with a lower-case letter */
	unsigned cont;		/* continues the line above: a paragraph
				 * hard-wrapped in the page's source */
	unsigned cjk_punct;	/* CJK commas and full stops: "，" "。"
				 * inside a short dense-script line make
				 * it a sentence, not a menu item */
	unsigned code_signs;	/* signs of program code only: "=",
				 * "{", ";", "avg(" but not "word (" */
	unsigned code;		/* in a block of code or a table: lines
				 * with no blank line between, mostly
				 * with code signs */
	unsigned formula;	/* in a formula written a token a line,
				 * with the text around it */
};

/* What the text of a line looks like, from classify. */
enum cls {
	CLS_BAD,		/* boilerplate */
	CLS_SHORT,		/* too short to tell: context decides */
	CLS_NEAR,		/* probably article text */
	CLS_GOOD,		/* article text */
};

/* A word of a line, as classify_doc() splits it: every later stage
 * reads these rather than splitting the line again. */
struct word {
	uint32_t start, len;	/* bytes, in the line's text */
	uint32_t langs;		/* bit L: stoplist L holds it */
	uint64_t hash;		/* of the word case-folded: lines and
				 * headlines compare words by it */
};

struct line {
	char *text;		/* into doc.text, trimmed, NUL-terminated */
	size_t len;		/* bytes */
	enum verdict verdict;
	enum role role;
	enum reason reason;
	enum cls cls;
	int rule;		/* rule that decided, -1 if none */
	unsigned copies;	/* lines of the page with the same text */
	bool more;		/* a "more" rule dropped it: a link to the
				 * rest of a text, under its teaser */
	bool cut_end;		/* a strip rule took text off its end: a
				 * photo's credit ("... Foto: Ann Lee"),
				 * an agency's tag ("... (dpa)") */
	float score;		/* heuristic score, for --explain */
	struct features f;
	uint32_t word0;		/* its words: doc.words[word0], and the
				 * f.words that follow (as struct word's
				 * offsets, 32 bits: a page of 2^32 words
				 * is 8 GB of text) */
	uint64_t key;		/* line_key() of it, which classify_doc()
				 * keeps for the later passes: they look
				 * lines up by it again and again */
};

struct doc {
	struct buf text;	/* the page's text, one NUL-terminated line
				 * after another */
	struct line *lines;
	size_t nlines;
	size_t cap;
	struct word *words;	/* of every line, in order */
	size_t nwords, words_cap;
	const char *source;	/* input name for messages; borrowed */
	const char *url;	/* the page's address if the stream has one,
				 * else NULL; borrowed */
	unsigned long page;	/* 1-based page number within the run */
	int lang;		/* detected language, -1 unknown */
};

void doc_init(struct doc *d);
void doc_free(struct doc *d);

/* Replace the page with the UTF-8 text given (copied), split into lines
 * with surrounding white space trimmed. */
void doc_load(struct doc *d, const char *text, size_t len);

/* Make room in d->words for one more word (see doc_add_word()). */
void doc_grow_words(struct doc *d);

/* Append w to the page's words (classify_doc() does, line by line).
 * Inline: it runs for every word, and the array seldom has to grow. */
static inline void doc_add_word(struct doc *d, const struct word *w)
{
	if (d->nwords == d->words_cap)
		doc_grow_words(d);
	d->words[d->nwords++] = *w;
}

/* The words of line l of d: l->f.words of them. */
static inline const struct word *line_words(const struct doc *d,
					    const struct line *l)
{
	return d->words ? d->words + l->word0 : NULL;	/* a page of no words */
}

/* True if the line has no text. */
static inline bool line_blank(const struct line *l)
{
	return l->len == 0;
}

/* Number of bytes of white space (ASCII or Unicode space separators,
 * zero-width characters, BOM) at s, 0 if none. */
size_t space_len(const char *s, size_t n);

/* Trim white space at both ends of line in place. */
void line_trim(struct line *l);

#endif
