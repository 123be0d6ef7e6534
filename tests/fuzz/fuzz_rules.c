/* libFuzzer harness: the rule-file parser.
 *
 * The input is a rule file.  If it loads, its rules are applied to a
 * small page (and to the input itself, read as a page), which exercises
 * the gate (first characters and needles) built from whatever patterns
 * the fuzzer found, the section and tail logic and strip rules' editing.
 *
 * Inputs that could include a device or a proc file ("include /dev/zero"
 * would read for ever) are skipped: that is the user's rule file, not
 * the untrusted input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/doc.h"
#include "../../src/rules.h"

static const char page[] =
	"Breaking: something happened\n"
	"\n"
	"Share this article\n"
	"Photo: Getty Images\n"
	"The first paragraph of the article tells what happened, "
	"where and when.\n"
	"Related\n"
	"Another story\n"
	"\n"
	"Cookies help us deliver our services. Accept all\n"
	"© 2024 The Paper. All rights reserved.\n";

static struct doc doc;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const risky[] = { "/dev", "/proc", "/sys" };
	struct rule_set *rs;
	char *text;
	size_t i;

	for (i = 0; i < sizeof(risky) / sizeof(risky[0]); i++)
		if (memmem(data, size, risky[i], strlen(risky[i])))
			return 0;
	text = malloc(size + 1);
	if (!text)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';

	rs = rule_set_new();
	if (rule_set_load_string(rs, "fuzz.rules", text) == 0) {
		doc_load(&doc, page, sizeof(page) - 1);
		doc.source = "page";
		doc.url = size % 2 ? "https://www.example.com/a" : NULL;
		rule_set_apply(rs, &doc);
		/* The input as a page: it is not always UTF-8, but the
		 * decoder would have made it so; keep only ASCII here. */
		for (i = 0; i < size; i++)
			if ((unsigned char)text[i] >= 0x80 || text[i] == '\0')
				text[i] = ' ';
		doc_load(&doc, text, size);
		doc.url = NULL;
		rule_set_apply(rs, &doc);
		for (i = 0; i < rule_set_count(rs); i++)
			if (!rule_name(rs, (int)i) || !rule_file(rs, (int)i))
				abort();
	}
	rule_set_free(rs);
	free(text);
	return 0;
}
