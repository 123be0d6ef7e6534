/* The unit-test runner: every suite of tests/check_suites.h, one run.
 * Exits non-zero if any test failed.  Check's environment variables
 * apply (CK_RUN_SUITE, CK_RUN_CASE, CK_VERBOSITY, CK_FORK...); test
 * cases tagged known-bug run only when CK_EXCLUDE_TAGS is set (see
 * check_suites.h). */
#include <stdio.h>
#include <stdlib.h>

#include "check_suites.h"

int main(void)
{
	SRunner *sr = srunner_create(rules_suite());
	const char *exclude = getenv("CK_EXCLUDE_TAGS") ? NULL : KNOWN_BUG;
	int failed;

	srunner_add_suite(sr, decode_suite());
	srunner_add_suite(sr, doc_suite());
	srunner_add_suite(sr, structure_suite());
	srunner_add_suite(sr, line_suite());
	srunner_add_suite(sr, output_suite());
	srunner_add_suite(sr, reader_suite());
	srunner_add_suite(sr, learn_suite());
	srunner_add_suite(sr, jsonl_suite());
	srunner_add_suite(sr, wet_suite());
	srunner_add_suite(sr, needle_suite());
	srunner_add_suite(sr, text_suite());
	srunner_add_suite(sr, shipped_suite());
	srunner_add_suite(sr, skeleton_suite());
	srunner_run_tagged(sr, NULL, NULL, NULL, exclude, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	if (exclude)
		printf("check_filter: test cases tagged %s not run; see "
		       "tests/check_suites.h\n", KNOWN_BUG);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
