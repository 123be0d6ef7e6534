/* filter: reduce scraped web-page text to its headline, lede and body.
 *
 * Every page, whatever stream it comes in (form-feed or NUL separated
 * text, JSON lines, WET records), goes through the same steps in
 * filter_page(): decode the bytes to clean UTF-8, split them into
 * lines, apply the rules, classify what the rules left undecided, pick
 * the headline, lede and body.  Then the stream's own writer puts the
 * result back in the stream's form. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "src/buf.h"
#include "src/classify.h"
#include "src/decode.h"
#include "src/doc.h"
#include "src/headline.h"
#include "src/jsonl.h"
#include "src/learn.h"
#include "src/output.h"
#include "src/reader.h"
#include "src/rules.h"
#include "src/structure.h"
#include "src/util.h"
#include "src/wet.h"

#ifndef VERSION
#define VERSION "unknown"
#endif
#ifndef RULESDIR
#define RULESDIR "/usr/local/share/filter/rules"
#endif

/* Exit status: see filter(1), EXIT STATUS. */
enum {
	EXIT_OK = 0,
	EXIT_WARNINGS = 1,
	EXIT_USAGE = 2,
	EXIT_IO = 3,
};

enum { DEFAULT_MAX_PAGE = 16 << 20 };

enum mode { MODE_PAGES, MODE_JSONL, MODE_WET };

struct options {
	const char **rule_files;	/* -r: instead of the default set */
	size_t nrule_files;
	const char **add_files;		/* -a: after it */
	size_t nadd_files;
	bool default_rules;
	enum format format;
	enum mode mode;
	const char *field;	/* --jsonl: the member holding the page */
	int separator;
	bool explain;
	bool stats;
	bool normalize;
	bool in_place;
	const char *suffix;	/* -i: backup suffix, or NULL */
	const char *from_code;
	const char *url;	/* --url: address of plain-text pages */
	size_t max_page;
	bool learn;
	const char *learn_out;	/* NULL: stdout */
	struct learn_options learn_opt;
};

/* Everything one run needs, reused from page to page. */
struct run {
	const struct options *opt;
	struct rule_set *rules;
	struct decoder *decoder;
	struct classifier *classifier;
	struct structure *structure;
	struct headline *headline;
	struct learner *learner;	/* --learn */
	struct doc doc;
	struct buf text;	/* the page, decoded */
	struct buf raw;		/* the page as read */
	struct buf out;		/* a record or line being written */
	struct json_object *json;
	struct wet_record record;
	FILE *out_fp;
	unsigned long pages;
	unsigned long long bytes_in, bytes_out;
	unsigned long dropped[REASON_COUNT];	/* by heuristics */
	size_t warnings;
	bool io_error;
	int write_errno;
	bool sep_pending;	/* a page was written without a separator */
};

static void usage(FILE *out)
{
	fputs("usage: filter [OPTIONS] [FILE...]\n"
	      "Reduce scraped web-page text to its headline, lede and body.\n"
	      "\n"
	      "  -r, --rules=FILE        use the rules in FILE (repeatable);\n"
	      "                          the default rule set is not loaded\n"
	      "  -a, --add-rules=FILE    use the rules in FILE after the "
	      "default set\n"
	      "      --no-default-rules  use no rules but those given by -r\n"
	      "  -f, --format=FORMAT     text (default) or json\n"
	      "  -0, --null              pages are separated by NUL, not "
	      "form feed\n"
	      "      --jsonl             input is JSON lines; the page is in "
	      "a field\n"
	      "      --field=NAME        that field (default: text)\n"
	      "      --wet               input is WET (WARC conversion "
	      "records)\n"
	      "      --url=URL           address of the pages read as text, "
	      "for host rules\n"
	      "      --from-code=CHARSET character set of pages that are not "
	      "UTF-8\n"
	      "                          (default: windows-1252)\n"
	      "      --no-normalize      keep special spaces, soft hyphens "
	      "and entities\n"
	      "  -i, --in-place[=SUFFIX] rewrite each FILE; keep a backup "
	      "with SUFFIX\n"
	      "      --learn[=OUT]       write rules for lines many pages of a "
	      "site share\n"
	      "      --learn-min-pages=N --learn-min-share=S "
	      "--learn-budget=BYTES\n"
	      "                          thresholds and memory of --learn\n"
	      "      --explain           show each line's fate and why\n"
	      "      --stats             print counts on stderr at the end\n"
	      "      --max-page-bytes=N  pass larger pages through unfiltered\n"
	      "                          (default 16777216)\n"
	      "  -h, --help              show this help\n"
	      "  -V, --version           show the version\n"
	      "\n"
	      "See filter(1) and filter-rules(5).\n", out);
}

/* ---- options and rules ---------------------------------------------------- */

static bool parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s || *end || v == 0 || v > SIZE_MAX / 2)
		return false;
	*out = (size_t)v;
	return true;
}

static bool parse_share(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return !errno && end != s && !*end && *out >= 0 && *out <= 1;
}

static void add_file(const char ***list, size_t *n, const char *path)
{
	*list = xrealloc(*list, (*n + 1) * sizeof(char *));
	(*list)[(*n)++] = path;
}

static int parse_options(int argc, char **argv, struct options *opt)
{
	enum { NO_DEFAULT = 256, EXPLAIN, STATS, MAX_PAGE, JSONL, FIELD,
	       WET, FROM_CODE, NO_NORMALIZE, LEARN, LEARN_PAGES, LEARN_SHARE,
	       LEARN_BUDGET, URL };
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "add-rules", required_argument, NULL, 'a' },
		{ "no-default-rules", no_argument, NULL, NO_DEFAULT },
		{ "format", required_argument, NULL, 'f' },
		{ "null", no_argument, NULL, '0' },
		{ "jsonl", no_argument, NULL, JSONL },
		{ "field", required_argument, NULL, FIELD },
		{ "wet", no_argument, NULL, WET },
		{ "from-code", required_argument, NULL, FROM_CODE },
		{ "url", required_argument, NULL, URL },
		{ "no-normalize", no_argument, NULL, NO_NORMALIZE },
		{ "in-place", optional_argument, NULL, 'i' },
		{ "explain", no_argument, NULL, EXPLAIN },
		{ "learn", optional_argument, NULL, LEARN },
		{ "learn-min-pages", required_argument, NULL, LEARN_PAGES },
		{ "learn-min-share", required_argument, NULL, LEARN_SHARE },
		{ "learn-budget", required_argument, NULL, LEARN_BUDGET },
		{ "stats", no_argument, NULL, STATS },
		{ "max-page-bytes", required_argument, NULL, MAX_PAGE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	size_t size;
	int c;

	while ((c = getopt_long(argc, argv, "r:a:f:0i::hV", longopts,
				NULL)) != -1) {
		switch (c) {
		case 'r':
			add_file(&opt->rule_files, &opt->nrule_files, optarg);
			break;
		case 'a':
			add_file(&opt->add_files, &opt->nadd_files, optarg);
			break;
		case NO_DEFAULT:
			opt->default_rules = false;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0) {
				opt->format = FORMAT_TEXT;
			} else if (strcmp(optarg, "json") == 0) {
				opt->format = FORMAT_JSON;
			} else {
				diag("unknown format '%s' (text or json)",
				     optarg);
				return -1;
			}
			break;
		case '0':
			opt->separator = '\0';
			break;
		case JSONL:
			opt->mode = MODE_JSONL;
			break;
		case FIELD:
			opt->field = optarg;
			break;
		case WET:
			opt->mode = MODE_WET;
			break;
		case FROM_CODE:
			opt->from_code = optarg;
			break;
		case URL:
			opt->url = optarg;
			break;
		case NO_NORMALIZE:
			opt->normalize = false;
			break;
		case 'i':
			opt->in_place = true;
			opt->suffix = optarg && *optarg ? optarg : NULL;
			break;
		case EXPLAIN:
			opt->explain = true;
			break;
		case LEARN:
			opt->learn = true;
			opt->learn_out = optarg && *optarg ? optarg : NULL;
			break;
		case LEARN_PAGES:
			if (!parse_size(optarg, &size)) {
				diag("--learn-min-pages: '%s' is not a positive "
				     "number", optarg);
				return -1;
			}
			opt->learn_opt.min_pages = size;
			break;
		case LEARN_SHARE:
			if (!parse_share(optarg, &opt->learn_opt.min_share)) {
				diag("--learn-min-share: '%s' is not a number "
				     "from 0 to 1", optarg);
				return -1;
			}
			break;
		case LEARN_BUDGET:
			if (!parse_size(optarg, &opt->learn_opt.budget) ||
			    opt->learn_opt.budget < (1 << 20)) {
				diag("--learn-budget: '%s' is not a number of "
				     "bytes of at least 1048576", optarg);
				return -1;
			}
			break;
		case STATS:
			opt->stats = true;
			break;
		case MAX_PAGE:
			if (!parse_size(optarg, &opt->max_page)) {
				diag("--max-page-bytes: '%s' is not a positive "
				     "number of bytes", optarg);
				return -1;
			}
			break;
		case 'h':
			usage(stdout);
			exit(EXIT_OK);
		case 'V':
			printf("filter %s\n", VERSION);
			exit(EXIT_OK);
		default:
			usage(stderr);
			return -1;
		}
	}
	if (opt->in_place && optind == argc) {
		diag("--in-place needs FILE arguments");
		return -1;
	}
	if (opt->in_place && (opt->learn || opt->explain)) {
		diag("--in-place does not go with --learn or --explain");
		return -1;
	}
	return optind;
}

/* The shipped rule set: $FILTER_RULES_DIR, else a rules/ folder beside
 * the executable (a build tree), else the installed one. */
static char *default_rules_path(void)
{
	const char *env = getenv("FILTER_RULES_DIR");
	char exe[PATH_MAX];
	struct buf path = BUF_INIT;
	ssize_t n;

	if (env && *env) {
		buf_puts(&path, env);
		buf_puts(&path, "/default.rules");
		return path.data;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			buf_append(&path, exe, (size_t)(slash - exe));
			buf_puts(&path, "/rules/default.rules");
			if (access(path.data, R_OK) == 0)
				return path.data;
			buf_reset(&path);
		}
	}
	buf_puts(&path, RULESDIR "/default.rules");
	return path.data;
}

static int load_rules(struct rule_set *rs, const struct options *opt)
{
	size_t i;
	int rc = 0;

	if (opt->default_rules && opt->nrule_files == 0) {
		char *path = default_rules_path();

		rc = rule_set_load(rs, path);
		free(path);
	}
	for (i = 0; rc == 0 && i < opt->nrule_files; i++)
		rc = rule_set_load(rs, opt->rule_files[i]);
	for (i = 0; rc == 0 && i < opt->nadd_files; i++)
		rc = rule_set_load(rs, opt->add_files[i]);
	return rc;
}

/* ---- one page ------------------------------------------------------------ */

/* For --stats: lines the heuristics dropped, by reason. */
static void count_drops(struct run *r)
{
	size_t i;

	for (i = 0; i < r->doc.nlines; i++)
		if (r->doc.lines[i].role == ROLE_DROP &&
		    r->doc.lines[i].verdict != VERDICT_DROP &&
		    !line_blank(&r->doc.lines[i]))
			r->dropped[r->doc.lines[i].reason]++;
}

/* The steps every page goes through, whatever stream it came in.
 * Returns false when the page is only learnt from (--learn): nothing is
 * to be written for it. */
static bool filter_page(struct run *r, const char *bytes, size_t len,
			const char *url)
{
	buf_reset(&r->text);
	decoder_feed(r->decoder, &r->text, bytes, len, true);
	doc_load(&r->doc, r->text.data ? r->text.data : "", r->text.len);
	r->doc.url = url;
	r->doc.page = ++r->pages;
	if (r->learner) {
		learner_add_page(r->learner, &r->doc, url);
		return false;
	}
	r->warnings += rule_set_apply(r->rules, &r->doc);
	classify_doc(r->classifier, &r->doc);
	structure_apply(r->structure, &r->doc);
	headline_apply(r->headline, &r->doc);
	count_drops(r);
	return true;
}

static void write_out(struct run *r, const char *data, size_t len)
{
	if (len && fwrite(data, 1, len, r->out_fp) != len && !r->write_errno)
		r->write_errno = errno;
	r->bytes_out += len;
}

/* Has writing failed?  Then the run stops. */
static bool write_failed(struct run *r)
{
	if (ferror(r->out_fp) && !r->write_errno)
		r->write_errno = errno ? errno : EIO;
	return r->write_errno != 0;
}

static void explain_page(struct run *r)
{
	output_explain(r->out_fp, &r->doc, r->rules,
		       r->out_fp == stdout && isatty(STDOUT_FILENO));
}

/* ---- plain text streams -------------------------------------------------- */

/* A page over --max-page-bytes goes out as it came in, decoded, piece by
 * piece: memory stays bounded and no text is lost. */
static int pass_through(struct run *r, struct reader *rd, const char *name,
			bool more)
{
	bool first = true;
	int rc = 1;

	r->pages++;
	diag("%s: page %lu is larger than %zu bytes; passed through "
	     "unfiltered", name, r->pages, r->opt->max_page);
	r->warnings++;
	while (rc > 0) {
		buf_reset(&r->text);
		decoder_feed(r->decoder, &r->text, r->raw.data, r->raw.len,
			     first);
		r->bytes_out += output_raw(r->out_fp, r->text.data,
					   r->text.len, r->opt->format, first,
					   !more);
		first = false;
		if (!more)
			break;
		rc = reader_next(rd, &r->raw, &more);
	}
	return rc;
}

/* Text output mirrors the input's separators: one after each page that
 * had one, and one between pages of different files.  So the output of
 * a stream cut anywhere at page ends, filtered in parts and joined, is
 * the output of the whole. */
static void write_separator(struct run *r)
{
	char sep = (char)r->opt->separator;

	write_out(r, &sep, 1);
	r->sep_pending = false;
}

static void filter_pages(struct run *r, FILE *fp, const char *name)
{
	struct reader *rd = reader_new(fp, name, r->opt->separator,
				       r->opt->max_page);
	bool text = r->opt->format == FORMAT_TEXT && !r->opt->explain &&
		    !r->learner;
	bool more;
	int rc;

	while ((rc = reader_next(rd, &r->raw, &more)) > 0) {
		if (text && r->sep_pending)
			write_separator(r);
		if (more) {
			rc = pass_through(r, rd, name, more);
		} else if (filter_page(r, r->raw.data ? r->raw.data : "",
				       r->raw.len, r->opt->url)) {
			if (r->opt->explain)
				explain_page(r);
			else
				r->bytes_out += output_page(r->out_fp, &r->doc,
							    r->opt->format);
		}
		if (text && reader_terminated(rd))
			write_separator(r);
		else
			r->sep_pending = text;
		if (rc < 0 || write_failed(r))
			break;
	}
	if (rc < 0)
		r->io_error = true;
	r->bytes_in += reader_bytes(rd);
	reader_free(rd);
}

/* ---- JSON lines ---------------------------------------------------------- */

/* The input line, with the page's member replaced by its body and
 * "headline" and "lede" members set. */
static void write_json_line(struct run *r)
{
	struct buf parts[3] = { BUF_INIT, BUF_INIT, BUF_INIT };
	static const enum role roles[3] = {
		ROLE_BODY, ROLE_HEADLINE, ROLE_LEDE,
	};
	struct json_member set[3];
	int k;

	for (k = 0; k < 3; k++) {
		buf_putc(&parts[k], '"');
		output_collect(&parts[k], &r->doc, roles[k], true);
		buf_putc(&parts[k], '"');
		set[k].value = parts[k].data;
		set[k].len = parts[k].len;
	}
	set[0].key = r->opt->field;
	set[1].key = "headline";
	set[2].key = "lede";
	buf_reset(&r->out);
	json_object_write(r->json, &r->out, set, 3);
	buf_putc(&r->out, '\n');
	write_out(r, r->out.data, r->out.len);
	for (k = 0; k < 3; k++)
		buf_free(&parts[k]);
}

/* One output line per input line: a line that cannot be filtered is
 * reported and passed through unchanged. */
static void filter_json_line(struct run *r, const char *line, size_t len,
			     const char *name, unsigned long lineno)
{
	struct buf url = BUF_INIT;
	const char *err;
	size_t at;
	int found;

	if (len > r->opt->max_page) {
		diag("%s:%lu: line is longer than %zu bytes; passed through "
		     "unfiltered", name, lineno, r->opt->max_page);
		goto pass;
	}
	if (json_object_parse(r->json, line, len, &err, &at) < 0) {
		diag("%s:%lu:%zu: %s; line passed through", name, lineno,
		     at + 1, err);
		goto pass;
	}
	buf_reset(&r->raw);
	found = json_object_string(r->json, r->opt->field, &r->raw);
	if (found <= 0) {
		diag("%s:%lu: member \"%s\" %s; line passed through", name,
		     lineno, r->opt->field,
		     found == 0 ? "is missing" : "is not a string");
		goto pass;
	}
	if (json_object_string(r->json, "url", &url) <= 0)
		buf_free(&url);
	if (!filter_page(r, r->raw.data ? r->raw.data : "", r->raw.len,
			 url.data))
		;
	else if (r->opt->explain)
		explain_page(r);
	else
		write_json_line(r);
	buf_free(&url);
	return;
pass:
	r->warnings++;
	if (r->opt->explain)
		return;
	write_out(r, line, len);
	write_out(r, "\n", 1);
}

static void filter_jsonl(struct run *r, FILE *fp, const char *name)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned long lineno = 0;

	while ((n = getline(&line, &cap, fp)) >= 0) {
		size_t len = (size_t)n;

		r->bytes_in += len;
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' ||
				   line[len - 1] == '\r'))
			len--;
		filter_json_line(r, line, len, name, lineno);
		if (write_failed(r))
			break;
	}
	if (ferror(fp)) {
		diag("%s: read error: %s", name, strerror(errno));
		r->io_error = true;
	}
	free(line);
}

/* ---- WET ------------------------------------------------------------------ */

static void filter_wet(struct run *r, FILE *fp, const char *name)
{
	struct wet_reader *wr = wet_reader_new(fp, name);
	struct wet_record *rec = &r->record;
	int rc;

	while ((rc = wet_next(wr, rec, &r->warnings)) > 0) {
		struct buf url = BUF_INIT;
		size_t len;
		const char *u = wet_field(rec, "WARC-Target-URI", &len);

		r->bytes_in += rec->header.len + rec->body.len;
		buf_reset(&r->out);
		if (rec->conversion && rec->body.len > r->opt->max_page) {
			diag("%s: record of %zu bytes is larger than %zu bytes; "
			     "passed through unfiltered", name, rec->body.len,
			     r->opt->max_page);
			r->warnings++;
			rec->conversion = false;
		}
		if (!rec->conversion) {
			if (!r->learner && !r->opt->explain)
				wet_write(&r->out, rec, rec->body.data,
					  rec->body.len);
		} else {
			if (u)
				buf_append(&url, u, len);
			if (!filter_page(r, rec->body.data ? rec->body.data : "",
					 rec->body.len, url.data))
				;
			else if (r->opt->explain)
				explain_page(r);
			else {
				buf_reset(&r->text);
				output_text(&r->text, &r->doc);
				wet_write(&r->out, rec, r->text.data,
					  r->text.len);
			}
			buf_free(&url);
		}
		write_out(r, r->out.data, r->out.len);
		if (write_failed(r))
			break;
	}
	if (rc < 0)
		r->io_error = true;
	wet_reader_free(wr);
}

/* ---- inputs ----------------------------------------------------------------- */

static void filter_stream(struct run *r, FILE *fp, const char *name)
{
	r->doc.source = name;
	switch (r->opt->mode) {
	case MODE_PAGES:
		filter_pages(r, fp, name);
		break;
	case MODE_JSONL:
		filter_jsonl(r, fp, name);
		break;
	case MODE_WET:
		filter_wet(r, fp, name);
		break;
	}
}

/* Rewrite path atomically: the filtered text goes to a temporary file in
 * the same folder, which is synced and renamed over path only when all
 * of it is written; an interrupted run leaves path as it was. */
static void filter_in_place(struct run *r, FILE *in, const char *path)
{
	struct buf tmp = BUF_INIT, backup = BUF_INIT;
	const char *slash = strrchr(path, '/');
	struct stat st;
	int fd;
	bool ok;

	if (fstat(fileno(in), &st) < 0 || !S_ISREG(st.st_mode)) {
		diag("%s: not a regular file; left alone", path);
		r->io_error = true;
		return;
	}
	if (slash)
		buf_append(&tmp, path, (size_t)(slash - path) + 1);
	buf_puts(&tmp, ".filter-XXXXXX");
	fd = mkstemp(tmp.data);
	if (fd < 0 || !(r->out_fp = fdopen(fd, "w"))) {
		diag("%s: cannot create a temporary file: %s", path,
		     strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp.data);
		}
		r->io_error = true;
		buf_free(&tmp);
		r->out_fp = stdout;
		return;
	}
	r->sep_pending = false;		/* each file is its own output */
	filter_stream(r, in, path);
	r->sep_pending = false;
	ok = !write_failed(r) && fflush(r->out_fp) == 0 &&
	     fsync(fd) == 0 && fchmod(fd, st.st_mode & 07777) == 0;
	if (!ok && !r->write_errno)
		r->write_errno = errno;
	ok = fclose(r->out_fp) == 0 && ok;
	r->out_fp = stdout;
	if (ok && r->opt->suffix) {
		buf_puts(&backup, path);
		buf_puts(&backup, r->opt->suffix);
		if ((unlink(backup.data) < 0 && errno != ENOENT) ||
		    link(path, backup.data) < 0)
			ok = false;
	}
	if (ok && rename(tmp.data, path) < 0)
		ok = false;
	if (!ok) {
		diag("%s: not rewritten: %s", path,
		     strerror(r->write_errno ? r->write_errno : errno));
		unlink(tmp.data);
		r->io_error = true;
		r->write_errno = 0;
	}
	buf_free(&tmp);
	buf_free(&backup);
}

static void filter_file(struct run *r, const char *path)
{
	FILE *fp;

	if (strcmp(path, "-") == 0 && !r->opt->in_place) {
		filter_stream(r, stdin, "-");
		return;
	}
	fp = fopen(path, "rb");
	if (!fp) {
		diag("%s: %s", path, strerror(errno));
		r->io_error = true;
		return;
	}
	if (r->opt->in_place)
		filter_in_place(r, fp, path);
	else
		filter_stream(r, fp, path);
	fclose(fp);
}

/* ---- the end -------------------------------------------------------------- */

static int by_hits(const void *a, const void *b, void *rs)
{
	unsigned long ha = rule_hits(rs, *(const int *)a);
	unsigned long hb = rule_hits(rs, *(const int *)b);

	return ha < hb ? 1 : ha > hb ? -1 : *(const int *)a - *(const int *)b;
}

static void print_stats(const struct run *r)
{
	size_t n = rule_set_count(r->rules), i;
	int *order = xmalloc((n ? n : 1) * sizeof(int));

	fprintf(stderr, "pages: %lu\nbytes in: %llu\nbytes out: %llu\n",
		r->pages, r->bytes_in, r->bytes_out);
	fputs("lines dropped, edited or kept by rules:\n", stderr);
	for (i = 0; i < n; i++)
		order[i] = (int)i;
	qsort_r(order, n, sizeof(int), by_hits, r->rules);
	for (i = 0; i < n && rule_hits(r->rules, order[i]) > 0; i++)
		fprintf(stderr, "%10lu %s (%s:%u)\n",
			rule_hits(r->rules, order[i]),
			rule_name(r->rules, order[i]),
			rule_file(r->rules, order[i]),
			rule_line(r->rules, order[i]));
	fputs("lines dropped by heuristics:\n", stderr);
	for (i = 0; i < REASON_COUNT; i++)
		if (r->dropped[i])
			fprintf(stderr, "%10lu %s\n", r->dropped[i],
				output_reason_name((enum reason)i));
	free(order);
}

/* The rule file --learn wrote, to its file or to stdout. */
static bool write_learned(struct run *r)
{
	FILE *fp = r->opt->learn_out ? fopen(r->opt->learn_out, "w") : stdout;
	bool ok;

	if (!fp) {
		diag("%s: %s", r->opt->learn_out, strerror(errno));
		return false;
	}
	learner_write(r->learner, fp);
	if (fp == stdout)
		return true;	/* checked with the rest of stdout */
	ok = !ferror(fp);
	if (fclose(fp) != 0 || !ok) {
		diag("%s: write error: %s", r->opt->learn_out,
		     strerror(errno));
		return false;
	}
	return true;
}

/* Flush stdout; a reader that went away (EPIPE) is not an error worth
 * a message. */
static bool close_stdout(struct run *r)
{
	bool ok = fflush(stdout) == 0 && !ferror(stdout) && !r->write_errno;
	int err = r->write_errno ? r->write_errno : errno;

	if (fclose(stdout) != 0 && ok) {
		ok = false;
		err = errno;
	}
	if (!ok && err != EPIPE)
		diag("write error: %s", strerror(err));
	return ok;
}

int main(int argc, char **argv)
{
	struct options opt = {
		.default_rules = true,
		.format = FORMAT_TEXT,
		.mode = MODE_PAGES,
		.field = "text",
		.separator = '\f',
		.normalize = true,
		.max_page = DEFAULT_MAX_PAGE,
		.learn_opt = { LEARN_DEFAULT_PAGES, LEARN_DEFAULT_SHARE,
			       LEARN_DEFAULT_BUDGET },
	};
	struct run r = { .opt = &opt, .out_fp = stdout };
	int first, i, status = EXIT_USAGE;

	first = parse_options(argc, argv, &opt);
	if (first < 0)
		goto done;
	r.rules = rule_set_new();
	if (load_rules(r.rules, &opt) < 0)
		goto done;
	r.decoder = decoder_new(opt.from_code, opt.normalize);
	if (!r.decoder)
		goto done;
	r.classifier = classifier_new();
	r.structure = structure_new();
	r.headline = headline_new();
	r.json = json_object_new();
	if (opt.learn)
		r.learner = learner_new(&opt.learn_opt);
	doc_init(&r.doc);

	if (first == argc)
		filter_file(&r, "-");
	for (i = first; i < argc && !write_failed(&r); i++)
		filter_file(&r, argv[i]);

	if (r.learner && !write_learned(&r))
		r.io_error = true;
	if (opt.stats)
		print_stats(&r);
	if (!close_stdout(&r))
		r.io_error = true;
	status = r.io_error ? EXIT_IO : r.warnings ? EXIT_WARNINGS : EXIT_OK;
done:
	doc_free(&r.doc);
	buf_free(&r.raw);
	buf_free(&r.text);
	buf_free(&r.out);
	wet_record_free(&r.record);
	json_object_free(r.json);
	learner_free(r.learner);
	structure_free(r.structure);
	headline_free(r.headline);
	classifier_free(r.classifier);
	decoder_free(r.decoder);
	rule_set_free(r.rules);
	free(opt.rule_files);
	free(opt.add_files);
	return status;
}
