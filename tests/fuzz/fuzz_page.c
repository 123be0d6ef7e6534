/* libFuzzer harness: one input stream through the whole pipeline, in
 * every input mode filter(1) has.
 *
 * The first byte of the fuzz input chooses how the rest is read:
 *   bits 0-1  mode: 0 form-feed pages, 1 NUL pages, 2 JSON lines, 3 WET
 *   bit 2     output format: text or JSON
 *   bit 3     --no-normalize
 *   bit 4     --explain instead of the normal writer
 *   bits 5-7  --max-page-bytes: 0 means the default, else 2^(k+2) bytes,
 *             so that pages come in many small pieces
 * The rest is the stream.  Each page goes through the steps filter.c's
 * filter_page() takes (decode, lines, rules, classify, structure,
 * headline) and out through the stream's writer, into a memory buffer
 * that is then checked: the text of a page is always valid UTF-8 without NUL, and
 * every JSON line the filter writes parses as a JSON object.
 *
 * The rules are the shipped set, read from rules/ below the current
 * directory (run from the top of the tree), or $FILTER_RULES_DIR. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/buf.h"
#include "../../src/classify.h"
#include "../../src/decode.h"
#include "../../src/doc.h"
#include "../../src/headline.h"
#include "../../src/jsonl.h"
#include "../../src/output.h"
#include "../../src/reader.h"
#include "../../src/rules.h"
#include "../../src/structure.h"
#include "../../src/wet.h"

enum { MODE_FF, MODE_NUL, MODE_JSONL, MODE_WET };

struct run {
	struct rule_set *rules;
	struct decoder *decoder[2];	/* normalizing, not */
	struct classifier *classifier;
	struct structure *structure;
	struct headline *headline;
	struct json_object *json;	/* for input lines */
	struct json_object *check;	/* for checking output lines */
	struct doc doc;
	struct buf text, raw, out;
	struct wet_record record;
	unsigned long pages;
};

static struct run run;

static struct rule_set *load_rules(void)
{
	static const char *const files[] = {
		"default.rules", "en-news.rules", "fr-news.rules",
		"de-news.rules",
	};
	const char *dir = getenv("FILTER_RULES_DIR");
	struct rule_set *rs = NULL;
	size_t i;

	if (!dir || !*dir)
		dir = "rules";
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[4096];
		FILE *probe;

		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		if (!(probe = fopen(path, "r")))
			continue;
		fclose(probe);
		if (!rs)
			rs = rule_set_new();
		if (rule_set_load(rs, path) == 0 && i == 0)
			return rs;	/* the default set includes the rest */
		if (i == 0) {	/* it names a file not there yet */
			rule_set_free(rs);
			rs = NULL;
		}
	}
	if (!rs)
		fprintf(stderr, "fuzz_page: no rules in %s; running with "
			"none\n", dir);
	return rs ? rs : rule_set_new();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	run.rules = load_rules();
	run.decoder[0] = decoder_new(NULL, true);
	run.decoder[1] = decoder_new(NULL, false);
	run.classifier = classifier_new();
	run.structure = structure_new();
	run.headline = headline_new();
	run.json = json_object_new();
	run.check = json_object_new();
	doc_init(&run.doc);
	if (!run.decoder[0] || !run.decoder[1])
		abort();
	return 0;
}

/* Text the filter writes must be valid UTF-8 with no NUL in it. */
static void check_utf8(const char *s, size_t len, const char *what)
{
	size_t i = 0, n;

	while (i < len) {
		if (s[i] == '\0') {
			fprintf(stderr, "fuzz_page: NUL byte in %s at %zu\n",
				what, i);
			abort();
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8_seq_len((const unsigned char *)s + i, len - i);
		if (n == 0) {
			fprintf(stderr, "fuzz_page: invalid UTF-8 in %s at "
				"%zu\n", what, i);
			abort();
		}
		i += n;
	}
}

/* Every line of out must be one JSON object. */
static void check_json_lines(const char *s, size_t len)
{
	while (len > 0) {
		const char *nl = memchr(s, '\n', len), *err;
		size_t n = nl ? (size_t)(nl - s) : len, at;

		if (!nl) {
			fprintf(stderr, "fuzz_page: JSON line without newline\n");
			abort();
		}
		if (json_object_parse(run.check, s, n, &err, &at) < 0) {
			fprintf(stderr, "fuzz_page: output line is not JSON: "
				"%s at %zu: %.*s\n", err, at, (int)n, s);
			abort();
		}
		s += n + 1;
		len -= n + 1;
	}
}

/* filter.c's filter_page(). */
static void filter_page(struct decoder *dec, const char *bytes, size_t len,
			const char *url)
{
	size_t i;

	buf_reset(&run.text);
	decoder_feed(dec, &run.text, bytes, len, true);
	check_utf8(run.text.data ? run.text.data : "", run.text.len,
		   "decoded text");
	doc_load(&run.doc, run.text.data ? run.text.data : "", run.text.len);
	run.doc.url = url;
	run.doc.source = "fuzz";
	run.doc.page = ++run.pages;
	rule_set_apply(run.rules, &run.doc);
	classify_doc(run.classifier, &run.doc);
	structure_apply(run.structure, &run.doc);
	headline_apply(run.headline, &run.doc);
	for (i = 0; i < run.doc.nlines; i++) {
		const struct line *l = &run.doc.lines[i];

		if (l->role > ROLE_BODY || l->reason >= REASON_COUNT ||
		    l->len != strlen(l->text)) {
			fprintf(stderr, "fuzz_page: bad line %zu\n", i);
			abort();
		}
	}
}

static void pages(FILE *out, FILE *in, int sep, size_t max, bool json,
		  bool explain, struct decoder *dec)
{
	struct reader *rd = reader_new(in, "fuzz", sep, max);
	bool more;
	int rc;

	while ((rc = reader_next(rd, &run.raw, &more)) > 0) {
		if (run.raw.len > max) {
			fprintf(stderr, "fuzz_page: piece of %zu bytes over "
				"max %zu\n", run.raw.len, max);
			abort();
		}
		if (more) {	/* pass_through() */
			bool first = true;

			while (rc > 0) {
				buf_reset(&run.text);
				decoder_feed(dec, &run.text, run.raw.data,
					     run.raw.len, first);
				check_utf8(run.text.data ? run.text.data : "",
					   run.text.len, "passed-through text");
				output_raw(out, run.text.data, run.text.len,
					   json ? FORMAT_JSON : FORMAT_TEXT,
					   first, !more);
				first = false;
				if (!more)
					break;
				rc = reader_next(rd, &run.raw, &more);
			}
		} else {
			filter_page(dec, run.raw.data ? run.raw.data : "",
				    run.raw.len, NULL);
			if (explain)
				output_explain(out, &run.doc, run.rules, false);
			else
				output_page(out, &run.doc,
					    json ? FORMAT_JSON : FORMAT_TEXT);
		}
		if (rc < 0)
			break;
	}
	reader_free(rd);
}

/* filter.c's write_json_line(). */
static void json_line(FILE *out)
{
	struct buf parts[3] = { BUF_INIT, BUF_INIT, BUF_INIT };
	static const enum role roles[3] = {
		ROLE_BODY, ROLE_HEADLINE, ROLE_LEDE,
	};
	struct json_member set[3];
	int k;

	for (k = 0; k < 3; k++) {
		buf_putc(&parts[k], '"');
		output_collect(&parts[k], &run.doc, roles[k], true);
		buf_putc(&parts[k], '"');
		set[k].value = parts[k].data;
		set[k].len = parts[k].len;
	}
	set[0].key = "text";
	set[1].key = "headline";
	set[2].key = "lede";
	buf_reset(&run.out);
	json_object_write(run.json, &run.out, set, 3);
	buf_putc(&run.out, '\n');
	fwrite(run.out.data, 1, run.out.len, out);
	for (k = 0; k < 3; k++)
		buf_free(&parts[k]);
}

static void jsonl(FILE *out, const char *s, size_t len, bool explain,
		  struct decoder *dec)
{
	while (len > 0) {
		const char *nl = memchr(s, '\n', len), *err;
		size_t n = nl ? (size_t)(nl - s) : len, at, next = n + !!nl;
		struct buf url = BUF_INIT;

		while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == '\n'))
			n--;
		buf_reset(&run.raw);
		if (json_object_parse(run.json, s, n, &err, &at) == 0 &&
		    json_object_string(run.json, "text", &run.raw) > 0) {
			if (json_object_string(run.json, "url", &url) <= 0)
				buf_free(&url);
			filter_page(dec, run.raw.data ? run.raw.data : "",
				    run.raw.len, url.data);
			if (explain)
				output_explain(out, &run.doc, run.rules, false);
			else
				json_line(out);
			buf_free(&url);
		}
		s += next;
		len -= next;
	}
}

static void wet(FILE *out, FILE *in, bool explain, struct decoder *dec)
{
	struct wet_reader *wr = wet_reader_new(in, "fuzz");
	struct wet_record *rec = &run.record;
	size_t warnings = 0;

	while (wet_next(wr, rec, &warnings) > 0) {
		size_t len;
		const char *u = wet_field(rec, "WARC-Target-URI", &len);
		struct buf url = BUF_INIT;

		buf_reset(&run.out);
		if (!rec->conversion) {
			wet_write(&run.out, rec, rec->body.data, rec->body.len);
		} else {
			if (u)
				buf_append(&url, u, len);
			filter_page(dec, rec->body.data ? rec->body.data : "",
				    rec->body.len, url.data);
			buf_reset(&run.text);
			output_text(&run.text, &run.doc);
			wet_write(&run.out, rec, run.text.data, run.text.len);
			buf_free(&url);
		}
		if (explain && rec->conversion)
			output_explain(out, &run.doc, run.rules, false);
		else if (!explain)
			fwrite(run.out.data, 1, run.out.len, out);
	}
	wet_reader_free(wr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *mem = NULL;
	size_t memlen = 0, max;
	FILE *out, *in;
	int mode, k;
	bool json, explain;
	struct decoder *dec;

	if (size < 1)
		return 0;
	mode = data[0] & 3;
	json = (data[0] & 4) != 0;
	dec = run.decoder[(data[0] & 8) ? 1 : 0];
	explain = (data[0] & 16) != 0;
	k = data[0] >> 5;
	max = k ? (size_t)1 << (k + 2) : (size_t)16 << 20;
	data++;
	size--;

	out = open_memstream(&mem, &memlen);
	/* fmemopen() refuses a zero-length buffer. */
	in = fmemopen(size ? (void *)data : (void *)"", size ? size : 1, "r");
	if (!out || !in)
		abort();
	if (!size)
		fgetc(in);
	switch (mode) {
	case MODE_FF:
	case MODE_NUL:
		pages(out, in, mode == MODE_FF ? '\f' : '\0', max, json,
		      explain, dec);
		break;
	case MODE_JSONL:
		jsonl(out, (const char *)data, size, explain, dec);
		break;
	case MODE_WET:
		wet(out, in, explain, dec);
		break;
	}
	fclose(in);
	fclose(out);
	if (!explain && (json || mode == MODE_JSONL) && mode != MODE_WET) {
		/* Passed-through pages come out whole only at the end. */
		check_json_lines(mem, memlen);
	}
	if (!explain && mode != MODE_WET && mode != MODE_JSONL && !json)
		check_utf8(mem, memlen, "text output");
	free(mem);
	return 0;
}
