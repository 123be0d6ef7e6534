#define PCRE2_CODE_UNIT_WIDTH 8

#include "rules.h"

#include <errno.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "needle.h"
#include "skeleton.h"
#include "url.h"
#include "util.h"

enum action {
	ACT_DROP, ACT_STRIP, ACT_SECTION, ACT_TAIL, ACT_HEAD, ACT_KEEP, ACT_MORE
};

static const char *const action_names[] = {
	"drop", "strip", "section", "tail", "head", "keep", "more",
};

/* How a section ends. */
enum until { UNTIL_BLANK, UNTIL_LINES, UNTIL_MATCH };

/* Bounds on one match so that a pathological pattern cannot hang the
 * filter on a long line: the line is kept and a warning names the rule. */
enum {
	MATCH_STEPS = 1000000,
	DEPTH_LIMIT = 10000,
	INCLUDE_DEPTH = 16,
	/* JIT compiling every rule would take most of a short run's time,
	 * and the gate spares most rules most lines: a rule is
	 * JIT-compiled when it has been tried on this many lines, or
	 * sooner on this many bytes of them: the interpreter searching
	 * a few long lines (a page in one line) costs more than
	 * compiling, and pages of common size stay below. */
	JIT_AFTER = 32,
	JIT_AFTER_BYTES = 16384,
	/* The gate asks PCRE2 about line starts (see may_match()): a rule
	 * asked about this many is JIT-compiled for partial matching,
	 * which answers in a seventh of the interpreter's time (400
	 * instructions for a list of words, against 2,800); the answer
	 * is the same, as a start of a few bytes is far from the match
	 * limit either way.  The JIT compiling costs as much as some 400
	 * asks in the interpreter, and a page of common size asks a rule
	 * fewer than 200 times: a run on one page is spared it, a long
	 * stream pays the asks before. */
	GATE_JIT_AFTER = 200,
};

struct rule {
	char *name;
	size_t name_len;
	const char *file;	/* in rule_set.files */
	unsigned line;
	enum action action;
	char *source;		/* the pattern as written */
	bool caseless;
	pcre2_code *re;		/* NULL until it is needed: see
				 * check_pattern() */
	int scope;		/* index in rule_set.scopes; -1: all pages */
	enum until until;
	unsigned long count;	/* UNTIL_LINES */
	pcre2_code *end;	/* UNTIL_MATCH */
	pcre2_code *only;	/* while=: the lines a section may take */
	unsigned long max;	/* 0: no cap on the section's length */
	bool ready;		/* re, anchored and first[] are set: see
				 * rule_ready() */
	bool anchored;		/* matches only at the line start */
	bool first_known;	/* first[] is known (see first_bytes()) */
	unsigned char first[32];	/* a bit per byte a match may start
					 * the line with */
	bool needled;		/* has needles: see struct gate */
	bool last_known;	/* last is not every byte */
	struct byte_set last;	/* the bytes a line it matches may end
				 * with (see needle_set.last) */
	unsigned long tries;	/* lines it was tried on */
	size_t tried_bytes;	/* their bytes */
	bool jit;		/* JIT-compiled (or it tried) */
	bool jitted;		/* and that worked: see match_at() */
	unsigned long gate_asks;	/* may_match() calls */
	bool gate_jit;		/* JIT-compiled for partial matching (or
				 * it tried) */
	bool gate_jitted;	/* and that worked */
	unsigned long hits;
};

/* Most lines match no rule, and a rule can be ruled out cheaply in one
 * of two ways.  A rule with needles (literals one of which every match
 * holds: see needle.h) is tried on a line only if one scan of the line
 * found one of them.  A rule without is tried when the line's start
 * allows it: for each line start seen (its first GATE_CHARS characters)
 * the gate keeps the list, in file order, of the needle-less rules that
 * a line beginning so may match: the floating ones, and each anchored
 * one that PCRE2 does not reject on a partial match (PCRE2_PARTIAL_HARD)
 * of the start alone.  PCRE2 answers, so the gate is exact for any
 * pattern.  The lists live in one pool; when it is full, or the gate
 * knows GATE_KEYS_MAX starts, it starts again empty, so its memory is
 * bounded whatever the input. */
enum {
	/* Three characters tell most lines from the starts an anchored
	 * list of words allows ("The" from "Threads"): two let through
	 * twice as many tries, four make more new keys than they save. */
	GATE_CHARS = 3,
	GATE_KEY_BYTES = 1 + 4 * GATE_CHARS,
	GATE_POOL_MAX = 1 << 20,	/* rule indices, over all lists */
	GATE_KEYS_MAX = 1 << 16,	/* line starts remembered */
};

struct gate_slot {
	char key[GATE_KEY_BYTES];	/* see gate_key(); all zero: free */
	size_t at, n;			/* the list: gate.pool[at..at+n) */
};

struct gate {
	struct gate_slot *slots;
	size_t nslots, used;		/* nslots: 0 or a power of two */
	size_t *pool;
	size_t len, cap;
	struct needles *needles;	/* of all the rules; NULL: not yet */
	size_t *tried;		/* the rules to try on a line (room for all) */
};

/* The hosts a "host" line names: its rules apply to pages from them. */
struct scope {
	char **hosts;
	size_t n;
	bool active;		/* for the page being ruled */
};

struct rule_set {
	struct rule *rules;
	size_t n, cap;
	struct scope *scopes;
	size_t nscopes, scopes_cap;
	char **files;
	size_t nfiles, files_cap;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit_stack;
	struct gate gate;
};

/* Where the parser is, for messages. */
struct cursor {
	struct rule_set *rs;
	const char *file;
	const char *real;	/* its canonical path, NULL if unknown */
	unsigned line;
	const char *text;	/* the current line */
	int depth;
	int scope;		/* of the rules that follow */
	const struct cursor *parent;	/* the file that included it */
};

static int load_file(struct rule_set *rs, const char *path,
		     const struct cursor *from, const char *from_at);

struct rule_set *rule_set_new(void)
{
	struct rule_set *rs = xcalloc(1, sizeof(*rs));

	rs->md = pcre2_match_data_create(1, NULL);
	rs->mctx = pcre2_match_context_create(NULL);
	rs->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (!rs->md || !rs->mctx || !rs->jit_stack) {
		diag("out of memory creating match context");
		abort();
	}
	pcre2_set_match_limit(rs->mctx, MATCH_STEPS);
	pcre2_set_depth_limit(rs->mctx, DEPTH_LIMIT);
	pcre2_jit_stack_assign(rs->mctx, NULL, rs->jit_stack);
	return rs;
}

/* Forget the lists (needles stay: they depend on the rules alone). */
static void gate_clear(struct gate *g)
{
	free(g->slots);
	free(g->pool);
	g->slots = NULL;
	g->pool = NULL;
	g->nslots = g->used = g->len = g->cap = 0;
}

/* The rules changed: forget everything. */
static void gate_reset(struct gate *g)
{
	gate_clear(g);
	needles_free(g->needles);
	g->needles = NULL;
	free(g->tried);
	g->tried = NULL;
}

void rule_set_free(struct rule_set *rs)
{
	size_t i;

	if (!rs)
		return;
	for (i = 0; i < rs->n; i++) {
		free(rs->rules[i].name);
		free(rs->rules[i].source);
		pcre2_code_free(rs->rules[i].re);
		pcre2_code_free(rs->rules[i].end);
		pcre2_code_free(rs->rules[i].only);
	}
	for (i = 0; i < rs->nfiles; i++)
		free(rs->files[i]);
	for (i = 0; i < rs->nscopes; i++) {
		size_t h;

		for (h = 0; h < rs->scopes[i].n; h++)
			free(rs->scopes[i].hosts[h]);
		free(rs->scopes[i].hosts);
	}
	free(rs->scopes);
	gate_reset(&rs->gate);
	free(rs->rules);
	free(rs->files);
	pcre2_match_data_free(rs->md);
	pcre2_match_context_free(rs->mctx);
	pcre2_jit_stack_free(rs->jit_stack);
	free(rs);
}

size_t rule_set_count(const struct rule_set *rs)
{
	return rs->n;
}

const char *rule_name(const struct rule_set *rs, int i)
{
	return rs->rules[i].name;
}

const char *rule_file(const struct rule_set *rs, int i)
{
	return rs->rules[i].file;
}

unsigned rule_line(const struct rule_set *rs, int i)
{
	return rs->rules[i].line;
}

const char *rule_pattern(const struct rule_set *rs, int i, bool *caseless)
{
	*caseless = rs->rules[i].caseless;
	return rs->rules[i].source;
}

unsigned long rule_hits(const struct rule_set *rs, int i)
{
	return rs->rules[i].hits;
}

/* ---- parsing ---------------------------------------------------------- */

/* Report "file:line:column: message", column counted in bytes from 1. */
static int parse_error(const struct cursor *c, const char *at,
		       const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int parse_error(const struct cursor *c, const char *at,
		       const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag("%s:%u:%zu: %s", c->file, c->line, (size_t)(at - c->text) + 1,
	     msg);
	return -1;
}

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static const char *word_end(const char *s)
{
	while (*s && *s != ' ' && *s != '\t')
		s++;
	return s;
}

static bool name_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
}

/* A delimited pattern /.../flags at s.  On success fills the source span
 * and flags and returns the first byte after the flags. */
static const char *parse_pattern(const struct cursor *c, const char *s,
				 const char **src, size_t *len,
				 bool *caseless)
{
	const char *p;

	if (*s != '/') {
		parse_error(c, s, *s ? "expected '/' to start a pattern"
				     : "missing pattern");
		return NULL;
	}
	for (p = s + 1; *p && *p != '/'; p++)
		if (*p == '\\' && p[1])
			p++;
	if (*p != '/') {
		parse_error(c, s, "unterminated pattern: no closing '/'");
		return NULL;
	}
	if (p == s + 1) {
		parse_error(c, s, "empty pattern");
		return NULL;
	}
	*src = s + 1;
	*len = (size_t)(p - s - 1);
	*caseless = false;
	for (p++; *p && *p != ' ' && *p != '\t'; p++) {
		if (*p != 'i') {
			parse_error(c, p, "unknown pattern flag '%c'", *p);
			return NULL;
		}
		*caseless = true;
	}
	return p;
}

static uint32_t compile_options(bool caseless)
{
	/* The rule file's own bytes may be bad UTF-8: let PCRE2 say so. */
	return PCRE2_UTF | PCRE2_UCP | (caseless ? PCRE2_CASELESS : 0);
}

static pcre2_code *compile_pattern(const struct cursor *c, const char *src,
				   size_t len, bool caseless)
{
	PCRE2_SIZE off;
	int err;
	pcre2_code *re;

	re = pcre2_compile((PCRE2_SPTR)src, len, compile_options(caseless),
			   &err, &off, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof(msg));
		parse_error(c, src + off, "%s", (char *)msg);
		return NULL;
	}
	return re;		/* JIT-compiled once it is used: see try_rule */
}

/* The most code PCRE2 compiles a pattern to. */
static size_t code_max(void)
{
	uint32_t link = 0;

	pcre2_config(PCRE2_CONFIG_LINKSIZE, &link);
	return link >= sizeof(size_t) ? SIZE_MAX : (size_t)1 << (8 * link);
}

/* Does PCRE2 surely accept the pattern, as its skeleton tells?  A rule
 * file holds hundreds of patterns and a page tries a few dozen: the
 * loader checks each through its skeleton (see skeleton.h), in a
 * quarter of the time, and compiles it when it is first tried. */
static bool skeleton_accepts(const char *src, size_t len, bool caseless)
{
	struct buf sk = BUF_INIT;
	pcre2_code *re = NULL;
	size_t cut, size = 0;
	PCRE2_SIZE off;
	int err;

	if (skeleton_of(src, len, &sk, &cut))
		re = pcre2_compile((PCRE2_SPTR)sk.data, sk.len,
				   compile_options(caseless), &err, &off,
				   NULL);
	if (re)
		pcre2_pattern_info(re, PCRE2_INFO_SIZE, &size);
	pcre2_code_free(re);
	buf_free(&sk);
	return re && cut <= (code_max() - size) / SKELETON_CODE_PER_BYTE;
}

/* A rule's pattern: 0 if PCRE2 accepts it, with *re its code or NULL
 * when it is to be compiled later (see rule_code()); -1 after telling
 * what PCRE2 said of it. */
static int check_pattern(const struct cursor *c, const char *src,
			 size_t len, bool caseless, pcre2_code **re)
{
	*re = NULL;
	if (skeleton_accepts(src, len, caseless))
		return 0;
	*re = compile_pattern(c, src, len, caseless);
	return *re ? 0 : -1;
}

static bool parse_count(const char *s, const char *end, unsigned long *out)
{
	char *stop;

	if (s == end || *s < '0' || *s > '9')
		return false;
	errno = 0;
	*out = strtoul(s, &stop, 10);
	return errno == 0 && stop == end && *out > 0;
}

/* An option's /pattern/i at s, compiled into *re; given twice, the last
 * one counts.  Returns the end of the option, NULL on an error (told). */
static const char *parse_option_pattern(const struct cursor *c,
					const char *s, pcre2_code **re)
{
	const char *src, *end;
	size_t len;
	bool ci;

	end = parse_pattern(c, s, &src, &len, &ci);
	if (!end)
		return NULL;
	pcre2_code_free(*re);
	*re = compile_pattern(c, src, len, ci);
	return *re ? end : NULL;
}

/* Options after a section's pattern: until=blank|N|/re/i, while=/re/i,
 * max=N. */
static int parse_options(const struct cursor *c, const char *s,
			 struct rule *r)
{
	for (s = skip_space(s); *s && *s != '#'; s = skip_space(s)) {
		const char *end = word_end(s);

		if (r->action != ACT_SECTION)
			return parse_error(c, s, "only section rules take "
					   "options");
		if (strncmp(s, "until=", 6) == 0 && s[6] == '/') {
			end = parse_option_pattern(c, s + 6, &r->end);
			if (!end)
				return -1;
			r->until = UNTIL_MATCH;
		} else if (strncmp(s, "while=", 6) == 0 && s[6] == '/') {
			end = parse_option_pattern(c, s + 6, &r->only);
			if (!end)
				return -1;
		} else if (strncmp(s, "until=", 6) == 0) {
			if ((size_t)(end - s) == 11 &&
			    strncmp(s + 6, "blank", 5) == 0)
				r->until = UNTIL_BLANK;
			else if (parse_count(s + 6, end, &r->count))
				r->until = UNTIL_LINES;
			else
				return parse_error(c, s + 6, "until= takes "
						   "'blank', a number of "
						   "lines or /pattern/");
		} else if (strncmp(s, "max=", 4) == 0) {
			if (!parse_count(s + 4, end, &r->max))
				return parse_error(c, s + 4, "max= takes a "
						   "positive number of lines");
		} else {
			return parse_error(c, s, "unknown option '%.*s'",
					   (int)(end - s), s);
		}
		s = end;
	}
	return 0;
}

static int find_rule(const struct rule_set *rs, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (rs->rules[i].name_len == len &&
		    memcmp(rs->rules[i].name, name, len) == 0)
			return (int)i;
	return -1;
}

static int parse_rule(const struct cursor *c, const char *s)
{
	struct rule_set *rs = c->rs;
	struct rule r = { .until = UNTIL_BLANK };
	const char *end = word_end(s), *name, *src;
	size_t i, len;
	int dup;
	void *rules;

	for (i = 0; i < ARRAY_LEN(action_names); i++)
		if (strlen(action_names[i]) == (size_t)(end - s) &&
		    strncmp(s, action_names[i], (size_t)(end - s)) == 0)
			break;
	if (i == ARRAY_LEN(action_names))
		return parse_error(c, s, "unknown action '%.*s' (expected "
				   "drop, strip, section, tail, head, keep, "
				   "more or include)", (int)(end - s), s);
	r.action = (enum action)i;
	name = skip_space(end);
	end = word_end(name);
	if (name == end || *name == '/')
		return parse_error(c, name, "missing rule name");
	for (src = name; src < end; src++)
		if (!name_char(*src))
			return parse_error(c, src, "invalid character in rule "
					   "name (use letters, digits, "
					   "'-', '_', '.')");
	dup = find_rule(rs, name, (size_t)(end - name));
	if (dup >= 0)
		return parse_error(c, name, "rule '%.*s' already defined at "
				   "%s:%u", (int)(end - name), name,
				   rs->rules[dup].file, rs->rules[dup].line);
	end = parse_pattern(c, skip_space(end), &src, &len, &r.caseless);
	if (!end)
		return -1;
	if (check_pattern(c, src, len, r.caseless, &r.re) < 0 ||
	    parse_options(c, end, &r) < 0) {
		pcre2_code_free(r.re);
		pcre2_code_free(r.end);
		pcre2_code_free(r.only);
		return -1;
	}
	r.name_len = (size_t)(word_end(name) - name);
	r.name = xstrndup(name, r.name_len);
	r.source = xstrndup(src, len);
	r.file = c->file;
	r.line = c->line;
	r.scope = c->scope;
	rules = rs->rules;
	xgrow(&rules, &rs->cap, rs->n + 1, sizeof(r));
	rs->rules = rules;
	rs->rules[rs->n++] = r;
	gate_reset(&rs->gate);
	return 0;
}

/* "include PATH": relative paths start from the including file's folder. */
static int parse_include(const struct cursor *c, const char *s)
{
	const char *slash = strrchr(c->file, '/');
	struct buf path = BUF_INIT;
	int rc;

	if (!*s)
		return parse_error(c, s, "include needs a file name");
	if (*s != '/' && slash)
		buf_append(&path, c->file, (size_t)(slash - c->file) + 1);
	buf_puts(&path, s);
	rc = load_file(c->rs, path.data, c, s);
	buf_free(&path);
	return rc;
}

/* "host NAME...": the rules after it in this file apply only to pages
 * from these hosts (or their subdomains); "host *" lifts that. */
static int parse_host(struct cursor *c, const char *s)
{
	struct rule_set *rs = c->rs;
	struct scope sc = { NULL, 0, false };
	void *arr;

	if (!*s)
		return parse_error(c, s, "host needs a host name or '*'");
	if (strcmp(s, "*") == 0) {
		c->scope = -1;
		return 0;
	}
	while (*s) {
		const char *end = word_end(s);

		sc.hosts = xrealloc(sc.hosts, (sc.n + 1) * sizeof(char *));
		sc.hosts[sc.n] = xstrndup(s, (size_t)(end - s));
		for (char *h = sc.hosts[sc.n]; *h; h++)
			if (*h >= 'A' && *h <= 'Z')
				*h = (char)(*h | 0x20);
		sc.n++;
		s = skip_space(end);
	}
	arr = rs->scopes;
	xgrow(&arr, &rs->scopes_cap, rs->nscopes + 1, sizeof(sc));
	rs->scopes = arr;
	rs->scopes[rs->nscopes] = sc;
	c->scope = (int)rs->nscopes++;
	return 0;
}

static bool directive(const char *s, const char *word)
{
	size_t n = strlen(word);

	return strncmp(s, word, n) == 0 &&
	       (s[n] == ' ' || s[n] == '\t' || s[n] == '\0');
}

static int parse_line(struct cursor *c, char *text, size_t len)
{
	char *s;

	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r' ||
			   text[len - 1] == ' ' || text[len - 1] == '\t'))
		text[--len] = '\0';
	c->text = text;
	if (strlen(text) != len)
		return parse_error(c, text + strlen(text), "NUL byte in rule "
				   "file");
	s = (char *)skip_space(text);
	if (*s == '\0' || *s == '#')
		return 0;
	if (directive(s, "include"))
		return parse_include(c, skip_space(s + 7));
	if (directive(s, "host"))
		return parse_host(c, skip_space(s + 4));
	return parse_rule(c, s);
}

static const char *remember_file(struct rule_set *rs, const char *path)
{
	void *files = rs->files;

	xgrow(&files, &rs->files_cap, rs->nfiles + 1, sizeof(char *));
	rs->files = files;
	rs->files[rs->nfiles] = xstrdup(path);
	return rs->files[rs->nfiles++];
}

/* Read the rules of fp, a file included from parent (NULL at the top). */
static int load_stream(struct rule_set *rs, FILE *fp, const char *file,
		       const char *real, const struct cursor *parent)
{
	struct cursor c = {
		.rs = rs, .file = remember_file(rs, file), .real = real,
		.text = "", .depth = parent ? parent->depth + 1 : 0,
		.scope = parent ? parent->scope : -1, .parent = parent,
	};
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = 0;

	while (rc == 0 && (n = getline(&line, &cap, fp)) >= 0) {
		c.line++;
		rc = parse_line(&c, line, (size_t)n);
	}
	if (rc == 0 && ferror(fp)) {
		diag("%s: read error: %s", file, strerror(errno));
		rc = -1;
	}
	free(line);
	return rc;
}

static int load_file(struct rule_set *rs, const char *path,
		     const struct cursor *from, const char *from_at)
{
	char *real = realpath(path, NULL);
	const struct cursor *up;
	FILE *fp;
	int rc;

	for (up = from; real && up; up = up->parent)
		if (up->real && strcmp(up->real, real) == 0) {
			free(real);
			return parse_error(from, from_at, "include cycle: "
					   "'%s' is already being read", path);
		}
	if (from && from->depth >= INCLUDE_DEPTH) {
		free(real);
		return parse_error(from, from_at, "includes nested more than "
				   "%d deep", INCLUDE_DEPTH);
	}
	fp = fopen(path, "r");
	if (!fp) {
		free(real);
		if (from)
			return parse_error(from, from_at, "cannot open '%s': "
					   "%s", path, strerror(errno));
		diag("%s: %s", path, strerror(errno));
		return -1;
	}
	rc = load_stream(rs, fp, path, real, from);
	fclose(fp);
	free(real);
	return rc;
}

int rule_set_load(struct rule_set *rs, const char *path)
{
	return load_file(rs, path, NULL, NULL);
}

int rule_set_load_string(struct rule_set *rs, const char *name,
			 const char *text)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	int rc;

	if (!fp) {
		diag("%s: %s", name, strerror(errno));
		return -1;
	}
	rc = load_stream(rs, fp, name, NULL, NULL);
	fclose(fp);
	return rc;
}

/* ---- the gate ---------------------------------------------------------- */

static bool anchored(const pcre2_code *re)
{
	uint32_t opts = 0;

	pcre2_pattern_info(re, PCRE2_INFO_ALLOPTIONS, &opts);
	return (opts & PCRE2_ANCHORED) != 0;
}

/* The key of a line's start: the length of its first chars characters
 * (1 to GATE_CHARS), plus one, then their bytes, zero-padded.  (Lines
 * hold no NUL: the decoder turned any into U+FFFD.) */
static void gate_key(const char *text, size_t len, size_t chars,
		     char *key)
{
	size_t n = 0, seen = 0;

	while (n < len && seen < chars) {
		n++;
		while (n < len && n < GATE_KEY_BYTES - 1 &&
		       ((unsigned char)text[n] & 0xC0) == 0x80)
			n++;
		seen++;
	}
	memset(key, 0, GATE_KEY_BYTES);
	key[0] = (char)(n + 1);
	memcpy(key + 1, text, n);
}

/* Whether a match of r may start the line with byte c, as far as
 * first_bytes() knows. */
static bool may_start_with(const struct rule *r, unsigned char c)
{
	return !r->first_known || (r->first[c / 8] >> (c % 8) & 1);
}

/* Can rule r match a line that starts with key? */
static bool may_match(struct rule_set *rs, struct rule *r, const char *key)
{
	PCRE2_SPTR start = (PCRE2_SPTR)key + 1;
	size_t len = (size_t)key[0] - 1;
	int rc;

	if (!r->anchored)
		return true;
	/* A line starting so would fail first_fits() anyway. */
	if (len && !may_start_with(r, *start))
		return false;
	if (!r->gate_jit && ++r->gate_asks >= GATE_JIT_AFTER) {
		r->gate_jit = true;
		r->gate_jitted = pcre2_jit_compile(r->re,
					PCRE2_JIT_PARTIAL_HARD) == 0;
	}
	rc = r->gate_jitted
		? pcre2_jit_match(r->re, start, len, 0, PCRE2_PARTIAL_HARD,
				  rs->md, rs->mctx)
		: pcre2_match(r->re, start, len, 0,
			      PCRE2_PARTIAL_HARD | PCRE2_NO_UTF_CHECK |
			      PCRE2_NO_JIT, rs->md, rs->mctx);
	return rc != PCRE2_ERROR_NOMATCH;
}

/* The first slot to look at for key: its length and bytes, not the
 * zeros after them. */
static size_t gate_hash(const struct gate *g, const char *key)
{
	return hash_bytes(HASH_SEED, key, (unsigned char)key[0]) &
	       (g->nslots - 1);
}

static void gate_grow(struct gate *g)
{
	struct gate_slot *old = g->slots;
	size_t i, n = g->nslots;

	g->nslots = n ? 2 * n : 256;
	g->slots = xcalloc(g->nslots, sizeof(*g->slots));
	for (i = 0; i < n; i++) {
		size_t h;

		if (!old[i].key[0])
			continue;
		h = gate_hash(g, old[i].key);
		while (g->slots[h].key[0])
			h = (h + 1) & (g->nslots - 1);
		g->slots[h] = old[i];
	}
	free(old);
}

/* The slot of key in g (which has slots), or the free slot where it
 * would go. */
static struct gate_slot *gate_probe(const struct gate *g, const char *key)
{
	size_t h = gate_hash(g, key);

	for (; g->slots[h].key[0]; h = (h + 1) & (g->nslots - 1))
		if (memcmp(g->slots[h].key, key, GATE_KEY_BYTES) == 0)
			break;
	return &g->slots[h];
}

/* The slot of key, filled in if it is new with the rules of the list
 * from (all needle-less rules if NULL) that may match lines starting
 * with key.  The caller makes room in the pool (see candidates()). */
static const struct gate_slot *gate_lookup(struct rule_set *rs,
					   const char *key,
					   const struct gate_slot *from)
{
	struct gate *g = &rs->gate;
	struct gate_slot *slot = gate_probe(g, key);
	size_t j, n = from ? from->n : rs->n;

	if (slot->key[0])
		return slot;
	memcpy(slot->key, key, GATE_KEY_BYTES);
	slot->at = g->len;
	for (j = 0; j < n; j++) {
		size_t k = from ? g->pool[from->at + j] : j;

		if (!rs->rules[k].needled && may_match(rs, &rs->rules[k], key))
			g->pool[g->len++] = k;
	}
	slot->n = g->len - slot->at;
	g->used++;
	return slot;
}

/* Room for GATE_CHARS more keys and their lists. */
static void gate_make_room(struct rule_set *rs)
{
	struct gate *g = &rs->gate;
	void *pool;

	if (g->len + GATE_CHARS * rs->n > GATE_POOL_MAX ||
	    g->used + GATE_CHARS > GATE_KEYS_MAX)
		gate_clear(g);
	while (2 * (g->used + GATE_CHARS) > g->nslots)
		gate_grow(g);
	pool = g->pool;
	xgrow(&pool, &g->cap, g->len + GATE_CHARS * rs->n, sizeof(size_t));
	g->pool = pool;
}

/* ---- matching --------------------------------------------------------- */

enum match_result { MATCH_NO, MATCH_YES, MATCH_LIMIT };

/* Match re on l from start.  Code that is JIT-compiled (jitted) goes
 * straight to the JIT, without pcre2_match()'s checks of its arguments,
 * which would hold for every line. */
static enum match_result match_at(struct rule_set *rs, const pcre2_code *re,
				  bool jitted, const struct line *l,
				  size_t start)
{
	int rc = jitted ? pcre2_jit_match(re, (PCRE2_SPTR)l->text, l->len,
					  start, 0, rs->md, rs->mctx)
			: pcre2_match(re, (PCRE2_SPTR)l->text, l->len, start,
				      PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT, rs->md,
				      rs->mctx);

	if (rc >= 0)
		return MATCH_YES;
	return rc == PCRE2_ERROR_NOMATCH ? MATCH_NO : MATCH_LIMIT;
}

static void warn_limit(const struct rule_set *rs, const struct doc *d,
		       size_t lineno, int rule)
{
	const struct rule *r = &rs->rules[rule];

	diag("%s: page %lu, line %zu: rule '%s' (%s:%u) hit the match "
	     "limit; line kept", d->source ? d->source : "-", d->page,
	     lineno + 1, r->name, r->file, r->line);
}

/* Delete every match of r from the line, noting in cut_end one that
 * ends it and leaves text before it; false on a match-limit error. */
static enum match_result strip_line(struct rule_set *rs, const struct rule *r,
				    struct line *l)
{
	size_t start = 0;
	bool any = false;

	while (start <= l->len) {
		enum match_result m = match_at(rs, r->re, r->jitted, l,
					       start);
		PCRE2_SIZE *ov;

		if (m == MATCH_LIMIT)
			return m;
		if (m == MATCH_NO)
			break;
		ov = pcre2_get_ovector_pointer(rs->md);
		if (ov[1] == ov[0]) {	/* empty match: step one character */
			start = ov[0] + 1;
			while (start < l->len &&
			       ((unsigned char)l->text[start] & 0xC0) == 0x80)
				start++;
			continue;
		}
		l->cut_end |= ov[1] == l->len && ov[0] > 0;
		memmove(l->text + ov[0], l->text + ov[1], l->len - ov[1] + 1);
		l->len -= ov[1] - ov[0];
		start = ov[0];
		any = true;
	}
	if (any)
		line_trim(l);
	return any ? MATCH_YES : MATCH_NO;
}

/* Which host-scoped rules apply to a page: all of them when its address
 * is unknown, else those whose hosts include its host. */
static void activate_scopes(struct rule_set *rs, const char *url)
{
	char host[256];
	size_t i, h, len = url ? url_host(url, host, sizeof(host)) : 0;

	for (i = 0; i < rs->nscopes; i++) {
		struct scope *sc = &rs->scopes[i];

		sc->active = !url;
		for (h = 0; url && h < sc->n && !sc->active; h++)
			sc->active = host_matches(host, len, sc->hosts[h]);
	}
}

static bool applies(const struct rule_set *rs, const struct rule *r)
{
	return r->scope < 0 || rs->scopes[r->scope].active;
}

/* What PCRE2 read off an anchored rule's pattern about the first byte
 * of its matches, in r->first: a bitmap of them, or the one byte every
 * match starts with, which may be caseless (a letter outside ASCII may
 * then start with another byte: then nothing is known). */
static void first_bytes(struct rule *r)
{
	const uint8_t *map = NULL;
	uint32_t type = 0, unit = 0;

	r->first_known = false;
	if (!r->anchored)
		return;
	pcre2_pattern_info(r->re, PCRE2_INFO_FIRSTBITMAP, &map);
	pcre2_pattern_info(r->re, PCRE2_INFO_FIRSTCODETYPE, &type);
	pcre2_pattern_info(r->re, PCRE2_INFO_FIRSTCODEUNIT, &unit);
	if (map) {
		memcpy(r->first, map, sizeof(r->first));
		r->first_known = true;
	} else if (type == 1 && unit < 0x80) {
		memset(r->first, 0, sizeof(r->first));
		r->first[unit / 8] |= (unsigned char)(1u << (unit % 8));
		if ((unit | 0x20) >= 'a' && (unit | 0x20) <= 'z') {
			unit ^= 0x20;
			r->first[unit / 8] |= (unsigned char)(1u << (unit % 8));
		}
		r->first_known = true;
	}
}

/* Make r ready to be tried: compile it if the loader only checked it,
 * and learn how its matches start.  PCRE2 accepted its skeleton, so it
 * accepts the pattern: a failure here can only be for want of memory. */
static void rule_ready(struct rule *r)
{
	PCRE2_SIZE off;
	int err;

	if (r->ready)
		return;
	if (!r->re)
		r->re = pcre2_compile((PCRE2_SPTR)r->source,
				      strlen(r->source),
				      compile_options(r->caseless), &err,
				      &off, NULL);
	if (!r->re) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof(msg));
		diag("%s:%u: rule '%s': %s", r->file, r->line, r->name,
		     (char *)msg);
		abort();
	}
	r->anchored = anchored(r->re);
	first_bytes(r);
	r->ready = true;
}

/* The gate needs the code of the rules without needles; the others
 * wait until a line holds one of their needles. */
static void gate_build(struct rule_set *rs)
{
	struct needle_set set;
	size_t k;

	rs->gate.needles = needles_new();
	rs->gate.tried = xmalloc(rs->n * sizeof(size_t));
	for (k = 0; k < rs->n; k++) {
		struct rule *r = &rs->rules[k];

		needles_of(r->source, strlen(r->source), r->caseless, &set);
		r->needled = needles_add(rs->gate.needles, k, &set);
		r->last = set.last;
		r->last_known = !byte_set_full(&set.last);
		if (!r->needled)
			rule_ready(r);
	}
}

/* The rules to try on the line as it is now, from rule index from on,
 * in file order: those whose needles it holds, and those the gate lets
 * through.  Returns how many, and sets *list to them. */
static size_t candidates(struct rule_set *rs, const struct line *l,
			 size_t from, const size_t **list)
{
	const struct gate_slot *slot;
	char key[GATE_KEY_BYTES];
	const size_t *found, *gated;
	size_t nfound, i = 0, j = 0, n = 0;

	*list = rs->gate.tried;
	if (rs->n == 0)
		return 0;
	nfound = needles_scan(rs->gate.needles, l->text, l->len, &found);
	/* Most lines start as a line seen before: their list is known.  A
	 * new start's list is drawn from that of its first characters but
	 * the last, and that from the one before: the rules that may match
	 * a line beginning "Thr" are among those for "Th", and a new start
	 * mostly shares those with starts seen before ("The", "Thi"), so
	 * PCRE2 is asked about fewer rules. */
	gate_key(l->text, l->len, GATE_CHARS, key);
	slot = rs->gate.nslots ? gate_probe(&rs->gate, key) : NULL;
	if (!slot || !slot->key[0]) {
		char part[GATE_KEY_BYTES];
		size_t chars;

		gate_make_room(rs);
		slot = NULL;
		for (chars = 1; chars < GATE_CHARS; chars++) {
			gate_key(l->text, l->len, chars, part);
			slot = gate_lookup(rs, part, slot);
		}
		slot = gate_lookup(rs, key, slot);
	}
	gated = rs->gate.pool + slot->at;
	while (i < nfound || j < slot->n) {	/* merge the two */
		size_t k = j >= slot->n ||
			   (i < nfound && found[i] < gated[j]) ? found[i++]
							       : gated[j++];

		if (k >= from)
			rs->gate.tried[n++] = k;
	}
	return n;
}

/* Can the end of line l hold a match of r?  Many rules match a credit
 * at the end of a line ("(AFP)", "CC BY 2.0"): most lines end otherwise,
 * and this spares PCRE2 a search of the whole line. */
static bool end_fits(const struct rule *r, const struct line *l)
{
	return !r->last_known || text_may_end(&r->last, l->text, l->len);
}

/* Can line l start with a match of r?  Most anchored rules' matches
 * start with one of a few letters; lines that start with another are
 * not worth a call of PCRE2. */
static bool first_fits(const struct rule *r, const struct line *l)
{
	return !l->len || may_start_with(r, (unsigned char)l->text[0]);
}

static enum match_result run_rule(struct rule_set *rs, const struct rule *r,
				  struct line *l)
{
	return r->action == ACT_STRIP ? strip_line(rs, r, l)
				      : match_at(rs, r->re, r->jitted, l, 0);
}

/* JIT-compile r, once; whether its code is now JIT-compiled. */
static bool jit_compile(struct rule *r)
{
	r->jit = true;
	r->jitted = pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE) == 0;
	return r->jitted;
}

/* Try rule r on line l (a strip rule edits it).  A rule runs in the
 * interpreter until it has been tried JIT_AFTER times or on
 * JIT_AFTER_BYTES, and the interpreter reaches the match limit sooner
 * than the JIT: so that a line's fate does not hang on how many lines
 * came before it, a rule that hits the limit in the interpreter is
 * JIT-compiled and tried again. */
static enum match_result try_rule(struct rule_set *rs, struct rule *r,
				  struct line *l)
{
	enum match_result m;

	r->tries++;
	r->tried_bytes += l->len;
	if (!r->jit && (r->tries >= JIT_AFTER ||
			r->tried_bytes >= JIT_AFTER_BYTES))
		jit_compile(r);
	m = run_rule(rs, r, l);
	if (m == MATCH_LIMIT && !r->jit && jit_compile(r))
		m = run_rule(rs, r, l);
	return m;
}

/* Run the rules on line i in file order: strip rules edit the line, the
 * first other rule that matches decides.  Returns that rule, or -1. */
static int decide_line(struct rule_set *rs, struct doc *d, size_t i,
		       size_t *warnings)
{
	struct line *l = &d->lines[i];
	const size_t *list;
	size_t j, n = candidates(rs, l, 0, &list);

	for (j = 0; j < n; j++) {
		size_t k = list[j];
		struct rule *r = &rs->rules[k];
		enum match_result m;

		if (!applies(rs, r) || !end_fits(r, l))
			continue;
		rule_ready(r);
		if (!first_fits(r, l))
			continue;
		m = try_rule(rs, r, l);
		if (r->action == ACT_STRIP) {
			if (m == MATCH_YES) {
				l->rule = (int)k;
				if (line_blank(l))
					return (int)k;	/* dropped, counted there */
				r->hits++;
				/* the line is new: ask the gate again */
				n = candidates(rs, l, k + 1, &list);
				j = (size_t)-1;
				continue;
			}
		} else if (m == MATCH_YES) {
			return (int)k;
		}
		if (m == MATCH_LIMIT) {
			warn_limit(rs, d, i, (int)k);
			++*warnings;
			l->verdict = VERDICT_KEEP;
			l->reason = REASON_MATCH_LIMIT;
			l->rule = (int)k;
			return -1;
		}
	}
	return -1;
}

static void drop(struct rule_set *rs, struct line *l, int rule)
{
	l->verdict = VERDICT_DROP;
	l->reason = REASON_RULE;
	l->rule = rule;
	rs->rules[rule].hits++;
}

/* A section in progress: the rule that opened it and how far it goes. */
struct open_section {
	int rule;		/* -1 when none is open */
	unsigned long seen;	/* lines dropped after the opening line */
};

/* Does line l, inside section s, belong to it?  Ends s when it should. */
static bool section_takes(struct rule_set *rs, struct open_section *s,
			  const struct line *l, size_t *warnings,
			  const struct doc *d, size_t i)
{
	const struct rule *r;

	if (s->rule < 0)
		return false;
	r = &rs->rules[s->rule];
	if (r->max && s->seen >= r->max) {
		s->rule = -1;
		return false;
	}
	/* while=: the first line unlike the lines it holds ends it, and is
	 * left to the rules after it and to the heuristics. */
	if (r->only) {
		enum match_result m = match_at(rs, r->only, false, l, 0);

		if (m == MATCH_LIMIT) {
			warn_limit(rs, d, i, (int)(r - rs->rules));
			++*warnings;
		}
		if (m != MATCH_YES) {
			s->rule = -1;
			return false;
		}
	}
	s->seen++;
	switch (r->until) {
	case UNTIL_BLANK:
		break;
	case UNTIL_LINES:
		if (s->seen >= r->count)
			s->rule = -1;
		break;
	case UNTIL_MATCH:
		switch (match_at(rs, r->end, false, l, 0)) {
		case MATCH_YES:
			s->rule = -1;
			break;
		case MATCH_LIMIT:
			warn_limit(rs, d, i, (int)(r - rs->rules));
			++*warnings;
			break;
		case MATCH_NO:
			break;
		}
		break;
	}
	return true;
}

size_t rule_set_apply(struct rule_set *rs, struct doc *d)
{
	struct open_section section = { -1, 0 };
	int tail = -1;
	bool head_done = false;
	size_t i, j, warnings = 0;

	if (!rs->gate.needles)
		gate_build(rs);
	activate_scopes(rs, d->url);
	for (i = 0; i < d->nlines; i++) {
		struct line *l = &d->lines[i];
		int k;

		if (line_blank(l)) {
			l->reason = REASON_BLANK;
			/* until=blank: not the blank line right under the
			 * opening line, which a text browser sets under a
			 * heading above the list it opens. */
			if (section.rule >= 0 && section.seen > 0 &&
			    rs->rules[section.rule].until == UNTIL_BLANK)
				section.rule = -1;
			continue;
		}
		k = decide_line(rs, d, i, &warnings);
		if (k >= 0 && rs->rules[k].action == ACT_KEEP) {
			l->verdict = VERDICT_KEEP;
			l->reason = REASON_RULE;
			l->rule = k;
			rs->rules[k].hits++;
			continue;
		}
		if (l->verdict == VERDICT_KEEP)		/* match limit */
			continue;
		if (tail >= 0) {
			drop(rs, l, tail);
			continue;
		}
		if (k < 0) {
			int owner = section.rule;

			if (section_takes(rs, &section, l, &warnings, d, i))
				drop(rs, l, owner);
			continue;
		}
		switch (rs->rules[k].action) {
		case ACT_STRIP:		/* emptied the line */
		case ACT_DROP:
			break;
		case ACT_SECTION:
			section.rule = k;
			section.seen = 0;
			break;
		case ACT_TAIL:
			tail = k;
			break;
		case ACT_HEAD:
			for (j = 0; !head_done && j < i; j++)
				if (d->lines[j].verdict == VERDICT_NONE &&
				    !line_blank(&d->lines[j]))
					drop(rs, &d->lines[j], k);
			head_done = true;
			break;
		case ACT_KEEP:
			break;
		case ACT_MORE:	/* the heuristics look above it */
			l->more = true;
			break;
		}
		drop(rs, l, k);
	}
	return warnings;
}
