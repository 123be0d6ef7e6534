#include "learn.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "url.h"
#include "util.h"

/* A line is long, and needs stronger evidence, from this many words:
 * a wire story reprinted on two pages is not boilerplate. */
enum { LONG_WORDS = 12, EXAMPLE_MAX = 2000, HOST_MAX = 256 };
/* What malloc takes beyond a string's bytes: counted in the budget. */
enum { MALLOC_OVERHEAD = 32 };
#define NO_GROUP	UINT32_MAX
#define LONG_PAGES_FACTOR	2	/* long lines: min_pages times this */
#define LONG_SHARE_FACTOR	2.5	/* and min_share times this */
#define TAIL_MIN_POSITION	0.5	/* a footer is never in a page's top half */

struct group {
	char *host;		/* "" when the stream has no addresses */
	unsigned long pages;
};

/* What is known of one normalised line of one site. */
struct entry {
	uint64_t key;		/* 0: empty slot */
	uint64_t suffix;	/* the lines after it on its first page */
	uint64_t prev;		/* the line before it on its first page */
	uint32_t group;
	uint32_t pages;		/* pages it is on */
	uint32_t same_suffix;	/* pages where the same lines follow it */
	uint32_t last_page;	/* to count a page once */
	float min_pos;		/* highest it sits on a page, 0 = top */
	unsigned words;
	char *example;		/* kept from its second page on */
};

struct learner {
	struct learn_options opt;
	struct entry *table;
	size_t cap, used;	/* slots, and slots in use */
	size_t bytes;		/* examples' bytes */
	size_t site_bytes;	/* sites' bytes */
	unsigned long skipped;	/* pages of sites past the budget */
	uint32_t forget_below;	/* a purge forgets entries on fewer pages */
	unsigned long purges;
	struct group *groups;
	size_t ngroups, groups_cap;
	uint32_t *site_index;	/* group + 1 by host hash; 0: empty */
	size_t site_cap;
	uint32_t page;		/* pages seen */
	uint64_t *keys;		/* per line of the current page */
	size_t keys_cap;
};

/* Digits vary only beside words: "9241 vues" and "17 vues" are one
 * line, but a line of bare figures is content as often as a counter
 * (table cells, list numbers), so its figures must repeat exactly. */
static bool has_letter(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80 ||
		    ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			return true;
	return false;
}

/* The key of a line: white space runs count as one space and, if the
 * line has letters, digit runs as one digit. */
static uint64_t line_key(const char *s, size_t len)
{
	uint64_t h = HASH_SEED;
	bool fold_digits = has_letter(s, len);
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t') {
			i += strspn(s + i, " \t");
			c = ' ';
		} else if (fold_digits && c >= '0' && c <= '9') {
			i += strspn(s + i, "0123456789");
			c = '0';
		} else {
			i++;
		}
		h = hash_byte(h, c);
	}
	return h ? h : 1;
}

static unsigned count_words(const char *s, size_t len)
{
	unsigned words = 0;
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' &&
		    (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t'))
			words++;
	return words;
}

struct learner *learner_new(const struct learn_options *opt)
{
	struct learner *l = xcalloc(1, sizeof(*l));
	size_t cap = 1024;

	l->opt = *opt;
	/* The table and, while purging, its copy take at most half the
	 * budget, examples a quarter, sites a twelfth (see over_budget and
	 * group_of): the rest is left to the allocator's own overhead. */
	while (2 * (cap * 2) * sizeof(struct entry) <= opt->budget / 2)
		cap *= 2;	/* the doubled table pair still fits */
	l->cap = cap;
	l->table = xcalloc(cap, sizeof(struct entry));
	l->forget_below = 2;
	return l;
}

void learner_free(struct learner *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->cap; i++)
		free(l->table[i].example);
	for (i = 0; i < l->ngroups; i++)
		free(l->groups[i].host);
	free(l->table);
	free(l->groups);
	free(l->site_index);
	free(l->keys);
	free(l);
}

unsigned long learner_purges(const struct learner *l)
{
	return l->purges;
}

static uint64_t host_hash(const char *host)
{
	return hash_bytes(HASH_SEED, host, strlen(host));
}

/* Rebuild the index of sites by host with room for twice as many. */
static void grow_sites(struct learner *l)
{
	size_t i, cap = l->site_cap ? l->site_cap * 2 : 64;

	free(l->site_index);
	l->site_index = xcalloc(cap, sizeof(uint32_t));
	l->site_cap = cap;
	for (i = 0; i < l->ngroups; i++) {
		size_t j = host_hash(l->groups[i].host) & (cap - 1);

		while (l->site_index[j])
			j = (j + 1) & (cap - 1);
		l->site_index[j] = (uint32_t)i + 1;
	}
}

/* The site of a page: the host of its address, "" if it has none. */
static uint32_t group_of(struct learner *l, const char *url)
{
	char host[HOST_MAX];
	size_t j;
	void *arr;

	if (url)
		url_host(url, host, sizeof(host));
	else
		host[0] = '\0';
	if ((l->ngroups + 1) * 2 > l->site_cap)
		grow_sites(l);
	j = host_hash(host) & (l->site_cap - 1);
	for (; l->site_index[j]; j = (j + 1) & (l->site_cap - 1))
		if (strcmp(l->groups[l->site_index[j] - 1].host, host) == 0)
			return l->site_index[j] - 1;
	if (l->site_bytes > l->opt.budget / 12)
		return NO_GROUP;	/* too many sites: a new one is not learned */
	arr = l->groups;
	xgrow(&arr, &l->groups_cap, l->ngroups + 1, sizeof(struct group));
	l->groups = arr;
	l->groups[l->ngroups].host = xstrdup(host);
	l->groups[l->ngroups].pages = 0;
	l->site_bytes += strlen(host) + 1 + MALLOC_OVERHEAD +
			 sizeof(struct group) + 2 * sizeof(uint32_t);
	l->site_index[j] = (uint32_t)++l->ngroups;
	return (uint32_t)(l->ngroups - 1);
}

static uint64_t slot_hash(uint64_t key, uint32_t group)
{
	return hash_mix(key, group);
}

static struct entry *find(struct entry *table, size_t cap, uint64_t key,
			  uint32_t group)
{
	size_t i = (size_t)slot_hash(key, group) & (cap - 1);

	while (table[i].key &&
	       (table[i].key != key || table[i].group != group))
		i = (i + 1) & (cap - 1);
	return &table[i];
}

/* The table is at most three quarters full and examples take at most a
 * quarter of the budget. */
static bool over_budget(const struct learner *l)
{
	return (l->used + 1) * 4 > l->cap * 3 || l->bytes > l->opt.budget / 4;
}

/* Forget the lines seen on fewer than forget_below pages, raising the
 * bar until the table is at most half full and within budget. */
static void purge(struct learner *l)
{
	for (;;) {
		struct entry *fresh = xcalloc(l->cap, sizeof(struct entry));
		size_t i;

		l->used = 0;
		for (i = 0; i < l->cap; i++) {
			struct entry *e = &l->table[i];

			if (!e->key)
				continue;
			if (e->pages < l->forget_below) {
				if (e->example)
					l->bytes -= strlen(e->example) + 1 +
						    MALLOC_OVERHEAD;
				free(e->example);
				continue;
			}
			*find(fresh, l->cap, e->key, e->group) = *e;
			l->used++;
		}
		free(l->table);
		l->table = fresh;
		l->purges++;
		if ((l->used <= l->cap / 2 && !over_budget(l)) || l->used == 0)
			return;
		l->forget_below++;
	}
}

static void count_line(struct learner *l, uint32_t group, uint64_t key,
		       const struct line *ln, uint64_t prev, uint64_t suffix,
		       float pos)
{
	struct entry *e;

	if (over_budget(l))
		purge(l);
	e = find(l->table, l->cap, key, group);
	if (!e->key) {
		e->key = key;
		e->group = group;
		e->suffix = suffix;
		e->prev = prev;
		e->min_pos = pos;
		e->words = count_words(ln->text, ln->len);
		l->used++;
	} else if (e->last_page == l->page) {
		return;		/* a line repeated within the page */
	}
	e->last_page = l->page;
	e->pages++;
	if (e->suffix == suffix)
		e->same_suffix++;
	if (pos < e->min_pos)
		e->min_pos = pos;
	if (e->pages == 2 && !e->example && ln->len <= EXAMPLE_MAX) {
		e->example = xstrndup(ln->text, ln->len);
		l->bytes += ln->len + 1 + MALLOC_OVERHEAD;
	}
}

void learner_add_page(struct learner *l, const struct doc *d,
		      const char *url)
{
	uint32_t group = group_of(l, url);
	size_t i, n = 0, k;
	uint64_t suffix = 1;

	if (group == NO_GROUP) {
		l->skipped++;
		return;
	}
	l->page++;
	l->groups[group].pages++;
	if (d->nlines > l->keys_cap) {
		free(l->keys);
		l->keys = xmalloc(d->nlines * sizeof(*l->keys));
		l->keys_cap = d->nlines;
	}
	for (i = 0; i < d->nlines; i++)
		if (!line_blank(&d->lines[i]))
			l->keys[n++] = line_key(d->lines[i].text,
						d->lines[i].len);
	/* Bottom up, so that each line knows the lines that follow it. */
	k = n;
	for (i = d->nlines; i-- > 0;) {
		const struct line *ln = &d->lines[i];

		if (line_blank(ln))
			continue;
		k--;
		suffix = hash_mix(suffix, l->keys[k]);
		if (ln->len > EXAMPLE_MAX)
			continue;
		count_line(l, group, l->keys[k], ln, k ? l->keys[k - 1] : 0,
			   suffix, n > 1 ? (float)k / (float)(n - 1) : 0);
	}
}

/* ---- writing rules ------------------------------------------------------ */

enum kind { KIND_NONE, KIND_DROP, KIND_TAIL, KIND_COVERED };

static bool frequent(const struct learner *l, const struct entry *e,
		     uint32_t pages)
{
	const struct group *g = &l->groups[e->group];
	double need_pages = (double)l->opt.min_pages;
	double need_share = l->opt.min_share;

	if (e->words >= LONG_WORDS) {
		need_pages *= LONG_PAGES_FACTOR;
		need_share *= LONG_SHARE_FACTOR;
		if (need_share > 1)
			need_share = 1;
	}
	return pages >= need_pages && pages >= need_share * (double)g->pages;
}

/* A footer line: the same lines follow it on every page it is on, it
 * is never in the top half of a page. */
static bool tail_like(const struct learner *l, const struct entry *e)
{
	return e->same_suffix == e->pages && e->min_pos >= TAIL_MIN_POSITION &&
	       frequent(l, e, e->pages);
}

static enum kind kind_of(const struct learner *l, const struct entry *e)
{
	const struct entry *prev;

	if (!e->key || !e->example || !frequent(l, e, e->pages))
		return KIND_NONE;
	if (!tail_like(l, e))
		return KIND_DROP;
	prev = e->prev && e->prev != e->key ?
	       find(l->table, l->cap, e->prev, e->group) : NULL;
	/* Only the first line of a footer needs a rule. */
	return prev && prev->key && prev->example && tail_like(l, prev) &&
	       prev->pages == e->pages ? KIND_COVERED : KIND_TAIL;
}

/* The pattern matching the example and its trivial variants. */
static void write_pattern(FILE *out, const char *s)
{
	bool fold_digits = has_letter(s, strlen(s));

	fputs("/^", out);
	while (*s) {
		if (*s == ' ' || *s == '\t') {
			s += strspn(s, " \t");
			fputs("\\s+", out);
		} else if (fold_digits && *s >= '0' && *s <= '9') {
			s += strspn(s, "0123456789");
			fputs("\\d+", out);
		} else {
			if (strchr("\\^$.|?*+()[]{}/", *s))
				fputc('\\', out);
			fputc(*s++, out);
		}
	}
	fputs("$/", out);
}

struct pick {
	const struct entry *e;
	enum kind kind;
};

static int by_site_then_pages(const void *a, const void *b, void *arg)
{
	const struct learner *l = arg;
	const struct pick *x = a, *y = b;
	int c = strcmp(l->groups[x->e->group].host,
		       l->groups[y->e->group].host);

	if (c)
		return c;
	if (x->e->pages != y->e->pages)
		return x->e->pages < y->e->pages ? 1 : -1;
	return strcmp(x->e->example, y->e->example);
}

/* A rule name from the host: letters, digits, '.', '-', '_'; a host
 * with other characters gets a hash of itself, so that two such hosts
 * cannot give the same names. */
static void write_name(FILE *out, const char *host, unsigned long n)
{
	const char *p;
	bool replaced = false;

	fputs("learned-", out);
	if (!*host)
		fputs("all", out);
	for (p = host; *p; p++) {
		bool ok = strchr("abcdefghijklmnopqrstuvwxyz0123456789.-_",
				 *p) != NULL;

		fputc(ok ? *p : '-', out);
		replaced |= !ok;
	}
	if (replaced)
		fprintf(out, "-%08lx", (unsigned long)(host_hash(host) &
						      0xFFFFFFFFu));
	fprintf(out, "-%lu", n);
}

void learner_write(const struct learner *l, FILE *out)
{
	struct pick *picks = xmalloc((l->used ? l->used : 1) * sizeof(*picks));
	size_t i, n = 0;
	uint32_t group = UINT32_MAX;
	unsigned long serial = 0;

	for (i = 0; i < l->cap; i++) {
		enum kind k = kind_of(l, &l->table[i]);

		if (k == KIND_DROP || k == KIND_TAIL) {
			picks[n].e = &l->table[i];
			picks[n++].kind = k;
		}
	}
	qsort_r(picks, n, sizeof(*picks), by_site_then_pages, (void *)l);
	fprintf(out, "# Rules learned by filter --learn from %lu pages.\n"
		"# A line became a rule when at least %lu pages and %.0f%% of "
		"its site's pages had it\n"
		"# (lines of %d words or more: %lu pages and %.0f%%).\n",
		(unsigned long)l->page, l->opt.min_pages,
		l->opt.min_share * 100, LONG_WORDS,
		l->opt.min_pages * LONG_PAGES_FACTOR,
		l->opt.min_share * LONG_SHARE_FACTOR < 1 ?
		l->opt.min_share * LONG_SHARE_FACTOR * 100 : 100);
	if (l->skipped)
		fprintf(out, "# %lu pages of sites beyond the counting budget "
			"were not learned from.\n", l->skipped);
	if (l->purges)
		fprintf(out, "# The counting budget was reached %lu times: "
			"lines seen on fewer than %u pages were forgotten, so "
			"counts are lower bounds.\n", l->purges,
			l->forget_below);
	for (i = 0; i < n; i++) {
		const struct entry *e = picks[i].e;
		const struct group *g = &l->groups[e->group];

		if (e->group != group) {
			group = e->group;
			serial = 0;
			fprintf(out, "\nhost %s\n", *g->host ? g->host : "*");
		}
		fprintf(out, "# %s on %u of %lu pages: \"%s\"\n",
			picks[i].kind == KIND_TAIL ? "ends the page" : "seen",
			e->pages, g->pages, e->example);
		fputs(picks[i].kind == KIND_TAIL ? "tail " : "drop ", out);
		write_name(out, g->host, ++serial);
		fputc(' ', out);
		write_pattern(out, e->example);
		fputc('\n', out);
	}
	free(picks);
}
