/* Learning rules from a dump (src/learn.c): counting lines per site,
 * thresholds, the patterns written, host scoping, footers, the budget. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/learn.h"
#include "../src/rules.h"
#include "check_suites.h"

static struct learn_options defaults(void)
{
	struct learn_options o = {
		LEARN_DEFAULT_PAGES, LEARN_DEFAULT_SHARE, LEARN_DEFAULT_BUDGET,
	};

	return o;
}

static void add(struct learner *l, const char *text, const char *url)
{
	struct doc d;

	doc_init(&d);
	doc_load(&d, text, strlen(text));
	learner_add_page(l, &d, url);
	doc_free(&d);
}

/* The rule file the learner writes (caller frees). */
static char *written(const struct learner *l)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(fp);
	learner_write(l, fp);
	fclose(fp);
	return text;
}

/* Lines of the rule file that are rules (not comments or host lines). */
static int count_rules(const char *text)
{
	int n = 0;

	for (; text && *text; text = strchr(text, '\n') ? strchr(text, '\n') + 1 : "")
		if (strncmp(text, "drop ", 5) == 0 ||
		    strncmp(text, "tail ", 5) == 0)
			n++;
	return n;
}

/* Pages of an imaginary site: the shared lines, then a line of its own
 * ("Article ba..." and so on: the key of a line ignores digits). */
static void add_pages(struct learner *l, int n, const char *shared,
		      const char *url)
{
	static int serial;
	char page[4096];
	int i, k;

	for (i = 0; i < n; i++, serial++) {
		k = snprintf(page, sizeof(page), "%sArticle ", shared);
		k += snprintf(page + k, sizeof(page) - (size_t)k, "%c%c%c",
			      'a' + serial % 26, 'a' + serial / 26 % 26,
			      'a' + serial / 676 % 26);
		snprintf(page + k, sizeof(page) - (size_t)k, " about "
			 "something else.\n");
		add(l, page, url);
	}
}

START_TEST(test_line_counted_once_per_page)
{
	struct learn_options o = defaults();
	struct learner *l = learner_new(&o);
	char *out;

	add_pages(l, 3, "Menu\nMenu\nMenu\n", NULL);
	out = written(l);
	ck_assert_ptr_nonnull(strstr(out, "# seen on 3 of 3 pages: \"Menu\"\n"
					  "drop learned-all-1 /^Menu$/\n"));
	ck_assert_int_eq(count_rules(out), 1);
	free(out);
	learner_free(l);
}
END_TEST

START_TEST(test_thresholds)
{
	struct learn_options o = defaults();
	struct learner *l = learner_new(&o);
	char *out;

	/* 10 pages: "Rare" on 2 (under 3 pages), "Often" on 3 (30%). */
	add_pages(l, 2, "Rare\nOften\n", NULL);
	add_pages(l, 1, "Often\n", NULL);
	add_pages(l, 7, "Something\n", NULL);
	out = written(l);
	ck_assert_ptr_null(strstr(out, "/^Rare$/"));
	ck_assert_ptr_nonnull(strstr(out, "/^Often$/"));
	free(out);
	/* 10 more pages without it: 3 of 20 is under 20%. */
	add_pages(l, 10, "Other\n", NULL);
	out = written(l);
	ck_assert_ptr_null(strstr(out, "/^Often$/"));
	free(out);
	learner_free(l);
}
END_TEST

START_TEST(test_long_lines_need_more)
{
	static const char wire[] = "The minister announced on Tuesday a plan "
				   "to renovate rural schools before the end of "
				   "the year.\n";
	struct learn_options o = defaults();
	struct learner *l = learner_new(&o);
	char *out;

	add_pages(l, 5, wire, NULL);	/* 5 pages: a short line would do */
	out = written(l);
	ck_assert_int_eq(count_rules(out), 0);
	free(out);
	add_pages(l, 1, wire, NULL);	/* 6: twice min-pages */
	out = written(l);
	ck_assert_int_eq(count_rules(out), 1);
	free(out);
	learner_free(l);
}
END_TEST

START_TEST(test_pattern_escaped_and_tolerant)
{
	static const char odd[] = "Price: 3.50 (incl. tax) [sale] a/b *x* "
				  "^y$ {z}|w?+\\";
	struct learn_options o = defaults();
	struct learner *l = learner_new(&o);
	struct rule_set *rs = rule_set_new();
	struct doc d;
	char page[512], *out;

	snprintf(page, sizeof(page), "%s\n", odd);
	add_pages(l, 3, page, NULL);
	out = written(l);
	ck_assert_ptr_nonnull(strstr(out,
		"drop learned-all-1 /^Price:\\s+\\d+\\.\\d+\\s+\\(incl\\.\\s+tax\\)"
		"\\s+\\[sale\\]\\s+a\\/b\\s+\\*x\\*\\s+\\^y\\$\\s+\\{z\\}\\|w\\?\\+"
		"\\\\$/\n"));
	/* The file loads, and its rule matches the line with other
	 * figures and spacing, and nothing more. */
	ck_assert_int_eq(rule_set_load_string(rs, "learned", out), 0);
	doc_init(&d);
	snprintf(page, sizeof(page), "%s\nPrice:  12.99 (incl. tax) [sale] "
		 "a/b *x* ^y$ {z}|w?+\\\nPrice: 3.50 (incl. tax)\n", odd);
	doc_load(&d, page, strlen(page));
	rule_set_apply(rs, &d);
	ck_assert_str_eq(verdicts(&d), "DD.");
	doc_free(&d);
	rule_set_free(rs);
	free(out);
	learner_free(l);
}
END_TEST

/* Figures vary only beside words: bare numbers must repeat exactly. */
START_TEST(test_bare_figures_exact)
{
	struct learn_options o = defaults();
	struct learner *l = learner_new(&o);
	char *out;

	add_pages(l, 1, "2019\n9241\n12 vues\n", NULL);
	add_pages(l, 1, "2019\n17\n3 vues\n", NULL);
	add_pages(l, 1, "2019\n403\n100 vues\n", NULL);
	out = written(l);
	ck_assert_ptr_nonnull(strstr(out, " /^2019$/\n"));
	ck_assert_ptr_nonnull(strstr(out, " /^\\d+\\s+vues$/\n"));
	ck_assert_ptr_null(strstr(out, "/^\\d+$/"));
	ck_assert_int_eq(count_rules(out), 2);
	free(out);
	learner_free(l);
}
END_TEST

START_TEST(test_sites_scoped_by_host)
{
	struct learn_options o = defaults();
	struct learner *l = learner_new(&o);
	struct rule_set *rs = rule_set_new();
	struct doc d;
	char *out;

	add_pages(l, 3, "Home\nNews\n", "https://www.one.example/a");
	add_pages(l, 3, "Start\nNews\n", "http://two.example:8080/b?c");
	out = written(l);
	ck_assert_ptr_nonnull(strstr(out, "\nhost two.example\n"));
	ck_assert_ptr_nonnull(strstr(out, "\nhost www.one.example\n"));
	ck_assert_int_eq(count_rules(out), 4);
	ck_assert_int_eq(rule_set_load_string(rs, "learned", out), 0);
	doc_init(&d);
	doc_load(&d, "Home\nStart\nNews\n", 16);
	d.url = "https://two.example/other";
	rule_set_apply(rs, &d);
	ck_assert_str_eq(verdicts(&d), ".DD");
	d.url = NULL;		/* no address: every rule applies */
	doc_load(&d, "Home\nStart\nNews\n", 16);
	rule_set_apply(rs, &d);
	ck_assert_str_eq(verdicts(&d), "DDD");
	doc_free(&d);
	rule_set_free(rs);
	free(out);
	learner_free(l);
}
END_TEST

START_TEST(test_footer_becomes_one_tail_rule)
{
	struct learn_options o = defaults();
	struct learner *l = learner_new(&o);
	char *out;

	add(l, "First story.\nBack to top\nLegal notice\nContact\n", NULL);
	add(l, "Second story.\nIts second line.\nBack to top\nLegal notice\n"
	    "Contact\n", NULL);
	add(l, "Third story.\nBack to top\nLegal notice\nContact\n", NULL);
	add(l, "Back to top\nFourth story.\nA second line.\nA third.\n"
	    "Legal notice\nContact\n", NULL);
	out = written(l);
	/* "Legal notice" and "Contact" end all four pages: one tail rule
	 * for the first of them.  "Back to top" is at the top of one page:
	 * not a footer, a line to drop. */
	ck_assert_ptr_nonnull(strstr(out, "tail learned-all-"));
	ck_assert_ptr_nonnull(strstr(out, "/^Legal\\s+notice$/"));
	ck_assert_ptr_null(strstr(out, "/^Contact$/"));
	ck_assert_ptr_nonnull(strstr(out, "drop learned-all-"));
	ck_assert_ptr_nonnull(strstr(out, "/^Back\\s+to\\s+top$/"));
	free(out);
	learner_free(l);
}
END_TEST

START_TEST(test_budget_forgets_rare_lines)
{
	struct learn_options o = defaults();
	struct learner *l;
	char page[256], *out;
	int i;

	o.budget = 1 << 20;
	l = learner_new(&o);
	for (i = 0; i < 60000; i++) {
		snprintf(page, sizeof(page), "Shared menu\nUnique line %c%c%c%c "
			 "here\n", 'a' + i % 26, 'a' + i / 26 % 26,
			 'a' + i / 676 % 26, 'a' + i / 17576 % 26);
		add(l, page, NULL);
	}
	ck_assert_uint_gt(learner_purges(l), 0);
	out = written(l);
	ck_assert_ptr_nonnull(strstr(out, "counts are lower bounds"));
	ck_assert_ptr_nonnull(strstr(out, "/^Shared\\s+menu$/"));
	ck_assert_int_eq(count_rules(out), 1);
	free(out);
	learner_free(l);
}
END_TEST

Suite *learn_suite(void)
{
	Suite *s = suite_create("learn");
	TCase *tc = tcase_create("learn");

	tcase_add_test(tc, test_line_counted_once_per_page);
	tcase_add_test(tc, test_thresholds);
	tcase_add_test(tc, test_long_lines_need_more);
	tcase_add_test(tc, test_pattern_escaped_and_tolerant);
	tcase_add_test(tc, test_bare_figures_exact);
	tcase_add_test(tc, test_sites_scoped_by_host);
	tcase_add_test(tc, test_footer_becomes_one_tail_rule);
	tcase_add_test(tc, test_budget_forgets_rare_lines);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
