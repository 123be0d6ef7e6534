/* filter: reduce scraped web-page text to its headline, lede and body.
 *
 * Each page read goes through the same steps, top to bottom: decode
 * the bytes to clean UTF-8, split them into lines, apply the rules,
 * classify what the rules left undecided, pick the headline, lede and
 * body, and write them out. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "src/buf.h"
#include "src/classify.h"
#include "src/decode.h"
#include "src/doc.h"
#include "src/output.h"
#include "src/reader.h"
#include "src/rules.h"
#include "src/structure.h"
#include "src/util.h"

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

struct options {
	const char **rule_files;
	size_t nrule_files;
	bool default_rules;
	enum format format;
	int separator;
	bool explain;
	size_t max_page;
};

/* Everything one run needs, reused from page to page. */
struct run {
	const struct options *opt;
	struct rule_set *rules;
	struct classifier *classifier;
	struct structure *structure;
	struct buf piece;	/* raw bytes of the page */
	struct buf text;	/* the same, decoded */
	struct doc doc;
	unsigned long pages;
	size_t warnings;
	bool io_error;
};

static void usage(FILE *out)
{
	fputs("usage: filter [OPTIONS] [FILE...]\n"
	      "Reduce scraped web-page text to its headline, lede and body.\n"
	      "\n"
	      "  -r, --rules=FILE        use the rules in FILE (repeatable);\n"
	      "                          the default rule set is not loaded\n"
	      "      --no-default-rules  use no rules but those given by -r\n"
	      "  -f, --format=FORMAT     text (default) or json\n"
	      "  -0, --null              pages are separated by NUL, not "
	      "form feed\n"
	      "      --explain           show each line's fate and why\n"
	      "      --max-page-bytes=N  pass larger pages through unfiltered\n"
	      "                          (default 16777216)\n"
	      "  -h, --help              show this help\n"
	      "  -V, --version           show the version\n"
	      "\n"
	      "See filter(1) and filter-rules(5).\n", out);
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
	return rc;
}

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

static int parse_options(int argc, char **argv, struct options *opt)
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "no-default-rules", no_argument, NULL, 'N' },
		{ "format", required_argument, NULL, 'f' },
		{ "null", no_argument, NULL, '0' },
		{ "explain", no_argument, NULL, 'E' },
		{ "max-page-bytes", required_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "r:f:0hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			opt->rule_files = xrealloc(opt->rule_files,
				(opt->nrule_files + 1) * sizeof(char *));
			opt->rule_files[opt->nrule_files++] = optarg;
			break;
		case 'N':
			opt->default_rules = false;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				opt->format = FORMAT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				opt->format = FORMAT_JSON;
			else {
				diag("unknown format '%s' (text or json)",
				     optarg);
				return -1;
			}
			break;
		case '0':
			opt->separator = '\0';
			break;
		case 'E':
			opt->explain = true;
			break;
		case 'M':
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
	return optind;
}

/* One page, read whole. */
static void filter_page(struct run *r)
{
	bool pending_cr = false;

	buf_reset(&r->text);
	decode_utf8(&r->text, r->piece.data, r->piece.len, true, &pending_cr);
	doc_load(&r->doc, r->text.data, r->text.len);
	r->warnings += rule_set_apply(r->rules, &r->doc);
	classify_doc(r->classifier, &r->doc);
	structure_apply(r->structure, &r->doc);
	if (r->opt->explain)
		output_explain(stdout, &r->doc, r->rules, isatty(STDOUT_FILENO));
	else
		output_page(stdout, &r->doc, r->opt->format);
}

/* A page over --max-page-bytes goes out as it came in, decoded, piece by
 * piece: memory stays bounded and no text is lost. */
static int pass_through(struct run *r, struct reader *rd, const char *name)
{
	bool pending_cr = false, first = true, more = true;
	int rc = 1;

	diag("%s: page %lu is larger than %zu bytes; passed through "
	     "unfiltered", name, r->pages, r->opt->max_page);
	r->warnings++;
	while (rc > 0) {
		buf_reset(&r->text);
		decode_utf8(&r->text, r->piece.data, r->piece.len, first,
			    &pending_cr);
		if (!r->opt->explain)
			output_raw(stdout, r->text.data, r->text.len,
				   r->opt->format, first, !more);
		first = false;
		if (!more)
			break;
		rc = reader_next(rd, &r->piece, &more);
	}
	return rc;
}

static void filter_stream(struct run *r, FILE *fp, const char *name)
{
	struct reader *rd = reader_new(fp, name, r->opt->separator,
				       r->opt->max_page);
	bool more;
	int rc;

	r->doc.source = name;
	while ((rc = reader_next(rd, &r->piece, &more)) > 0) {
		if (r->pages++ > 0 && r->opt->format == FORMAT_TEXT &&
		    !r->opt->explain)
			putchar(r->opt->separator);
		r->doc.page = r->pages;
		if (more)
			rc = pass_through(r, rd, name);
		else
			filter_page(r);
		if (rc < 0 || ferror(stdout))
			break;
	}
	if (rc < 0)
		r->io_error = true;
	reader_free(rd);
}

static void filter_file(struct run *r, const char *path)
{
	FILE *fp;

	if (strcmp(path, "-") == 0) {
		filter_stream(r, stdin, "-");
		return;
	}
	fp = fopen(path, "rb");
	if (!fp) {
		diag("%s: %s", path, strerror(errno));
		r->io_error = true;
		return;
	}
	filter_stream(r, fp, path);
	fclose(fp);
}

/* Flush stdout and say so if anything written was lost. */
static bool close_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		diag("write error: %s", strerror(errno));
		fclose(stdout);
		return false;
	}
	if (fclose(stdout) != 0) {
		diag("write error: %s", strerror(errno));
		return false;
	}
	return true;
}

int main(int argc, char **argv)
{
	struct options opt = {
		.default_rules = true,
		.format = FORMAT_TEXT,
		.separator = '\f',
		.max_page = DEFAULT_MAX_PAGE,
	};
	struct run r = { .opt = &opt, .piece = BUF_INIT, .text = BUF_INIT };
	int first, i, status;

	first = parse_options(argc, argv, &opt);
	if (first < 0)
		return EXIT_USAGE;
	r.rules = rule_set_new();
	if (load_rules(r.rules, &opt) < 0) {
		rule_set_free(r.rules);
		free(opt.rule_files);
		return EXIT_USAGE;
	}
	r.classifier = classifier_new();
	r.structure = structure_new();
	doc_init(&r.doc);

	if (first == argc)
		filter_file(&r, "-");
	for (i = first; i < argc && !ferror(stdout); i++)
		filter_file(&r, argv[i]);

	if (!close_stdout())
		r.io_error = true;
	status = r.io_error ? EXIT_IO : r.warnings ? EXIT_WARNINGS : EXIT_OK;
	doc_free(&r.doc);
	buf_free(&r.piece);
	buf_free(&r.text);
	structure_free(r.structure);
	classifier_free(r.classifier);
	rule_set_free(r.rules);
	free(opt.rule_files);
	return status;
}
