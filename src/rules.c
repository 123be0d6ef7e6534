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
#include "url.h"
#include "util.h"

enum action { ACT_DROP, ACT_STRIP, ACT_SECTION, ACT_TAIL, ACT_HEAD, ACT_KEEP };

static const char *const action_names[] = {
	"drop", "strip", "section", "tail", "head", "keep",
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
	 * and the prefilter spares most rules most lines: a rule is
	 * JIT-compiled when it has been tried on this many lines. */
	JIT_AFTER = 32,
};

struct rule {
	char *name;
	const char *file;	/* in rule_set.files */
	unsigned line;
	enum action action;
	char *source;		/* the pattern as written */
	bool caseless;
	pcre2_code *re;
	int scope;		/* index in rule_set.scopes; -1: all pages */
	enum until until;
	unsigned long count;	/* UNTIL_LINES */
	pcre2_code *end;	/* UNTIL_MATCH */
	unsigned long max;	/* 0: no cap on the section's length */
	int chunk;		/* its prefilter chunk, -1 if tried alone */
	unsigned long tries;	/* lines it was tried on */
	unsigned long hits;
};

/* Most lines match no rule.  The anchored rules (tried only at the line
 * start) that can be combined are joined, in file order, into a few
 * alternations ("chunks": one alternation of them all is more than
 * PCRE2 compiles), each alternative marked with its rule's index.  As
 * alternatives are tried in order, one JIT match per chunk tells the
 * first anchored rule that matches the line, if any; the rules before it
 * need not be tried.  Floating rules are tried one by one: alone, each
 * keeps PCRE2's start-of-match optimisations, which an alternation of
 * them loses (it was twice as slow as the rules one by one). */
struct chunk {
	pcre2_code *re;
	size_t first;		/* index of the rule of its first alternative */
};

struct prefilter {
	struct chunk *chunks;
	size_t nchunks, cap;
	size_t *skip;		/* skip[k]: first rule from k on not in a chunk */
	bool built;
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
	struct prefilter pre;
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

static void prefilter_clear(struct prefilter *pre)
{
	size_t i;

	for (i = 0; i < pre->nchunks; i++)
		pcre2_code_free(pre->chunks[i].re);
	free(pre->chunks);
	free(pre->skip);
	memset(pre, 0, sizeof(*pre));
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
	prefilter_clear(&rs->pre);
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

static pcre2_code *compile_pattern(const struct cursor *c, const char *src,
				   size_t len, bool caseless)
{
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK;
	PCRE2_SIZE off;
	int err;
	pcre2_code *re;

	if (caseless)
		opts |= PCRE2_CASELESS;
	/* The rule file's own bytes may be bad UTF-8: let PCRE2 say so. */
	opts &= ~(uint32_t)PCRE2_NO_UTF_CHECK;
	re = pcre2_compile((PCRE2_SPTR)src, len, opts, &err, &off, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof(msg));
		parse_error(c, src + off, "%s", (char *)msg);
		return NULL;
	}
	return re;		/* JIT-compiled once it is used: see try_rule */
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

/* Options after a section's pattern: until=blank|N|/re/i, max=N. */
static int parse_options(const struct cursor *c, const char *s,
			 struct rule *r)
{
	for (s = skip_space(s); *s && *s != '#'; s = skip_space(s)) {
		const char *end = word_end(s);

		if (r->action != ACT_SECTION)
			return parse_error(c, s, "only section rules take "
					   "options");
		if (strncmp(s, "until=", 6) == 0 && s[6] == '/') {
			const char *src;
			size_t len;
			bool ci;

			end = parse_pattern(c, s + 6, &src, &len, &ci);
			if (!end)
				return -1;
			r->until = UNTIL_MATCH;
			/* until= given twice: the last one counts. */
			pcre2_code_free(r->end);
			r->end = compile_pattern(c, src, len, ci);
			if (!r->end)
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
		if (strlen(rs->rules[i].name) == len &&
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
				   "drop, strip, section, tail, head, keep "
				   "or include)", (int)(end - s), s);
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
	r.re = compile_pattern(c, src, len, r.caseless);
	if (!r.re || parse_options(c, end, &r) < 0) {
		pcre2_code_free(r.re);
		pcre2_code_free(r.end);
		return -1;
	}
	r.name = xstrndup(name, (size_t)(word_end(name) - name));
	r.source = xstrndup(src, len);
	r.file = c->file;
	r.line = c->line;
	r.scope = c->scope;
	rules = rs->rules;
	xgrow(&rules, &rs->cap, rs->n + 1, sizeof(r));
	rs->rules = rules;
	rs->rules[rs->n++] = r;
	prefilter_clear(&rs->pre);
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

/* ---- the prefilter ---------------------------------------------------- */

/* (?1), (?-1), (?+1), (?R), (?&name), (?P>name), \\g<1>: inside an
 * alternation these would call another rule's groups. */
static bool calls_subroutine(const char *src)
{
	const char *p;

	for (p = src; (p = strstr(p, "(?")); p++)
		if ((p[2] && strchr("0123456789+-R&", p[2])) ||
		    (p[2] == 'P' && p[3] == '>'))
			return true;
	return strstr(src, "\\g<") || strstr(src, "\\g'");
}

/* A pattern can join an alternation if nothing in it depends on group
 * numbers, names, verbs or extended-mode comments of its own. */
static bool combinable(const struct rule *r)
{
	uint32_t backrefs = 0, names = 0;

	pcre2_pattern_info(r->re, PCRE2_INFO_BACKREFMAX, &backrefs);
	pcre2_pattern_info(r->re, PCRE2_INFO_NAMECOUNT, &names);
	return backrefs == 0 && names == 0 && !strstr(r->source, "(*") &&
	       !strchr(r->source, '#') && !calls_subroutine(r->source);
}

static bool anchored(const pcre2_code *re)
{
	uint32_t opts = 0;

	pcre2_pattern_info(re, PCRE2_INFO_ALLOPTIONS, &opts);
	return (opts & PCRE2_ANCHORED) != 0;
}

/* An alternation of the rules idx[0..n), in order, each alternative
 * marked with its rule's index; NULL if PCRE2 cannot compile it or
 * JIT-compile it (then the caller splits it). */
static pcre2_code *compile_chunk(const struct rule_set *rs,
				 const size_t *idx, size_t n)
{
	struct buf b = BUF_INIT;
	PCRE2_SIZE off;
	int err;
	pcre2_code *re;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct rule *r = &rs->rules[idx[i]];
		char mark[48];

		snprintf(mark, sizeof(mark), "%s(*MARK:%zu)(?:%s", i ? "|" : "",
			 idx[i], r->caseless ? "(?i)" : "");
		buf_puts(&b, mark);
		buf_puts(&b, r->source);
		/* \E ends a \Q the pattern left open; alone it is ignored. */
		buf_puts(&b, "\\E)");
	}
	re = pcre2_compile((PCRE2_SPTR)b.data, b.len,
			   PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED, &err, &off,
			   NULL);
	buf_free(&b);
	if (re && pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) != 0) {
		pcre2_code_free(re);
		re = NULL;
	}
	return re;
}

/* Put the rules idx[0..n) into chunks, halving until they compile; a
 * rule that does not compile even alone is left to be tried alone. */
static void add_chunks(struct rule_set *rs, const size_t *idx, size_t n)
{
	struct prefilter *pre = &rs->pre;
	pcre2_code *re;
	void *chunks;
	size_t i;

	if (n == 0)
		return;
	re = compile_chunk(rs, idx, n);
	if (!re) {
		if (n > 1) {
			add_chunks(rs, idx, n / 2);
			add_chunks(rs, idx + n / 2, n - n / 2);
		}
		return;
	}
	chunks = pre->chunks;
	xgrow(&chunks, &pre->cap, pre->nchunks + 1, sizeof(struct chunk));
	pre->chunks = chunks;
	pre->chunks[pre->nchunks].re = re;
	pre->chunks[pre->nchunks].first = idx[0];
	for (i = 0; i < n; i++)
		rs->rules[idx[i]].chunk = (int)pre->nchunks;
	pre->nchunks++;
}

static void prefilter_build(struct rule_set *rs)
{
	size_t *idx = xmalloc((rs->n + 1) * sizeof(size_t));
	size_t i, n = 0;

	/* Host-scoped rules stay apart: they are tried only where they
	 * apply. */
	for (i = 0; i < rs->n; i++) {
		struct rule *r = &rs->rules[i];

		r->chunk = -1;
		if (r->scope < 0 && anchored(r->re) && combinable(r))
			idx[n++] = i;
	}
	add_chunks(rs, idx, n);
	free(idx);
	rs->pre.skip = xmalloc((rs->n + 1) * sizeof(size_t));
	rs->pre.skip[rs->n] = rs->n;
	for (i = rs->n; i-- > 0;)
		rs->pre.skip[i] = rs->rules[i].chunk < 0 ? i :
				  rs->pre.skip[i + 1];
	rs->pre.built = true;
}

/* ---- matching --------------------------------------------------------- */

enum match_result { MATCH_NO, MATCH_YES, MATCH_LIMIT };

static enum match_result match_at(struct rule_set *rs, const pcre2_code *re,
				  const struct line *l, size_t start)
{
	int rc = pcre2_match(re, (PCRE2_SPTR)l->text, l->len, start,
			     PCRE2_NO_UTF_CHECK, rs->md, rs->mctx);

	if (rc >= 0)
		return MATCH_YES;
	return rc == PCRE2_ERROR_NOMATCH ? MATCH_NO : MATCH_LIMIT;
}

/* What the chunks say about a line as it is now. */
struct hint {
	size_t next;		/* no rule in a chunk before it matches */
	int chunk;		/* the chunk of next, -1 if none matched */
	bool sure;		/* next matches (else try it and the rest of
				 * its chunk one by one: the chunk hit its
				 * match limit) */
};

/* The first rule of the chunks from chunk c on that matches the line. */
static struct hint first_match(struct rule_set *rs, const struct line *l,
			       size_t c)
{
	struct hint h = { rs->n, -1, false };
	PCRE2_SPTR mark;

	for (; c < rs->pre.nchunks; c++) {
		switch (match_at(rs, rs->pre.chunks[c].re, l, 0)) {
		case MATCH_NO:
			continue;
		case MATCH_YES:
			mark = pcre2_get_mark(rs->md);
			h.chunk = (int)c;
			if (mark) {
				h.next = strtoul((const char *)mark, NULL, 10);
				h.sure = true;
			} else {
				h.next = rs->pre.chunks[c].first;
			}
			return h;
		case MATCH_LIMIT:
			h.chunk = (int)c;
			h.next = rs->pre.chunks[c].first;
			return h;
		}
	}
	return h;
}

static void warn_limit(const struct rule_set *rs, const struct doc *d,
		       size_t lineno, int rule)
{
	const struct rule *r = &rs->rules[rule];

	diag("%s: page %lu, line %zu: rule '%s' (%s:%u) hit the match "
	     "limit; line kept", d->source ? d->source : "-", d->page,
	     lineno + 1, r->name, r->file, r->line);
}

/* Delete every match of r from the line; false on a match-limit error. */
static enum match_result strip_line(struct rule_set *rs, const struct rule *r,
				    struct line *l)
{
	size_t start = 0;
	bool any = false;

	while (start <= l->len) {
		enum match_result m = match_at(rs, r->re, l, start);
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

/* Run the rules on line i in file order: strip rules edit the line, the
 * first other rule that matches decides.  Returns that rule, or -1.
 *
 * The chunks (see struct prefilter) tell which rules in them cannot
 * match the line as it is: those are passed over until a strip rule
 * edits the line, after which every rule is tried. */
static int decide_line(struct rule_set *rs, struct doc *d, size_t i,
		       size_t *warnings)
{
	struct line *l = &d->lines[i];
	struct hint h = first_match(rs, l, 0);
	bool edited = false;
	size_t k;

	for (k = 0; k < rs->n; k++) {
		struct rule *r = &rs->rules[k];
		enum match_result m;

		if (r->chunk >= 0 && !edited) {
			if (k < h.next) {
				/* matches not: on to the next rule that may */
				k = (rs->pre.skip[k] < h.next ?
				     rs->pre.skip[k] : h.next) - 1;
				continue;
			}
			if (r->chunk != h.chunk) {
				/* past the last hint's chunk: ask again */
				h = first_match(rs, l, (size_t)r->chunk);
				k--;
				continue;
			}
			if (k == h.next && h.sure && r->action != ACT_STRIP)
				return (int)k;
		}
		if (!applies(rs, r))
			continue;
		if (++r->tries == JIT_AFTER)	/* no JIT: the interpreter */
			(void)pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE);
		if (r->action == ACT_STRIP) {
			m = strip_line(rs, r, l);
			if (m == MATCH_YES) {
				l->rule = (int)k;
				if (line_blank(l))
					return (int)k;	/* dropped, counted there */
				r->hits++;
				edited = true;
			}
		} else {
			m = match_at(rs, r->re, l, 0);
			if (m == MATCH_YES)
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
	s->seen++;
	switch (r->until) {
	case UNTIL_BLANK:
		break;
	case UNTIL_LINES:
		if (s->seen >= r->count)
			s->rule = -1;
		break;
	case UNTIL_MATCH:
		switch (match_at(rs, r->end, l, 0)) {
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

	if (!rs->pre.built)
		prefilter_build(rs);
	activate_scopes(rs, d->url);
	for (i = 0; i < d->nlines; i++) {
		struct line *l = &d->lines[i];
		int k;

		if (line_blank(l)) {
			l->reason = REASON_BLANK;
			if (section.rule >= 0 &&
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
		}
		drop(rs, l, k);
	}
	return warnings;
}
