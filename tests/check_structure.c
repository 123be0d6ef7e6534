/* Picking the article: headline, lede, repeats, teasers, pull quotes and
 * menus, on pages put through the same steps as filter.c's filter_page()
 * with no rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_suites.h"
#include "../src/buf.h"
#include "../src/classify.h"
#include "../src/decode.h"
#include "../src/doc.h"
#include "../src/headline.h"
#include "../src/output.h"
#include "../src/rules.h"
#include "../src/stopwords.h"
#include "../src/structure.h"
#include "../src/text.h"

/* An article in English: a headline and three paragraphs. */
#define HEADLINE "Harbour town votes to rebuild its old stone pier"
#define P1 "The council of the small harbour town voted on Tuesday to " \
	"rebuild the old stone pier, which was damaged in the winter storms " \
	"and has been closed to the public since January."
#define P2 "The work is expected to take two years and will be paid for " \
	"by the town and by a grant from the regional government, the mayor " \
	"said after the vote."
#define P3 "Fishermen who use the harbour said they were relieved that the " \
	"pier would be saved, but some of them asked why the repairs had " \
	"taken so long to begin."
#define MENU "Home | World | Business | Sport\nSign in\n"

struct pipeline {
	struct decoder *decoder;
	struct rule_set *rules;
	struct classifier *classifier;
	struct structure *structure;
	struct headline *headline;
	struct buf text;
	struct doc doc;
};

static void pipeline_init(struct pipeline *p)
{
	p->decoder = decoder_new(NULL, true);
	ck_assert_ptr_nonnull(p->decoder);
	p->rules = rule_set_new();
	p->classifier = classifier_new();
	p->structure = structure_new();
	p->headline = headline_new();
	p->text = (struct buf)BUF_INIT;
	doc_init(&p->doc);
}

static void pipeline_free(struct pipeline *p)
{
	doc_free(&p->doc);
	buf_free(&p->text);
	structure_free(p->structure);
	headline_free(p->headline);
	classifier_free(p->classifier);
	rule_set_free(p->rules);
	decoder_free(p->decoder);
}

/* filter_page() but for the output. */
static struct doc *run(struct pipeline *p, const char *page)
{
	buf_reset(&p->text);
	decoder_feed(p->decoder, &p->text, page, strlen(page), true);
	doc_load(&p->doc, p->text.data ? p->text.data : "", p->text.len);
	p->doc.page++;
	ck_assert_uint_eq(rule_set_apply(p->rules, &p->doc), 0);
	classify_doc(p->classifier, &p->doc);
	structure_apply(p->structure, &p->doc);
	headline_apply(p->headline, &p->doc);
	return &p->doc;
}

/* What output_page() writes for d (caller frees). */
static char *page_text(const struct doc *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(fp);
	output_page(fp, d, FORMAT_TEXT);
	ck_assert_int_eq(fclose(fp), 0);
	return text;
}

/* Run page through the pipeline with no rules and check the roles of
 * its lines (see roles()). */
static void assert_roles(const char *page, const char *want)
{
	struct pipeline p;

	pipeline_init(&p);
	ck_assert_str_eq(roles(run(&p, page)), want);
	pipeline_free(&p);
}

/* Line n of page must be its headline, with exactly the text want. */
static void assert_headline(size_t n, const char *want, const char *page)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, page);
	ck_assert_int_eq(d->lines[n].role, ROLE_HEADLINE);
	ck_assert_str_eq(d->lines[n].text, want);
	pipeline_free(&p);
}

/* Latin Extended-A pairs its letters upper, lower from U+0100, but the
 * pairs shift by one in U+0139..U+0148 and U+0179..U+017E: "ł", "ń", "ż"
 * are lower case, and Polish words holding them are not link text glued
 * together ("należał" is one word, "AccepterTout" two). */
START_TEST(test_latin_extended_case)
{
	static const uint32_t upper[] = { 0x100, 0x141, 0x143, 0x14A, 0x15A,
					  0x178, 0x179, 0x17B, 0x17D };
	static const uint32_t lower[] = { 0x105, 0x138, 0x142, 0x144, 0x149,
					  0x15B, 0x17A, 0x17C, 0x17E, 0x17F };
	struct pipeline p;
	struct doc *d;
	size_t i;

	for (i = 0; i < sizeof upper / sizeof *upper; i++)
		ck_assert_msg(cp_is_upper(upper[i]) && !cp_is_lower(upper[i]),
			      "U+%04X is upper case", (unsigned)upper[i]);
	for (i = 0; i < sizeof lower / sizeof *lower; i++)
		ck_assert_msg(cp_is_lower(lower[i]) && !cp_is_upper(lower[i]),
			      "U+%04X is lower case", (unsigned)lower[i]);
	pipeline_init(&p);
	d = run(&p, "Dworzec należał do miasta\n");
	ck_assert_uint_eq(d->lines[0].f.glue, 0);
	pipeline_free(&p);
}
END_TEST

START_TEST(test_headline_and_lede)
{
	struct pipeline p;
	struct doc *d;
	char *out;

	pipeline_init(&p);
	d = run(&p, MENU "\n" HEADLINE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\n"
		"Share this article\n");
	ck_assert_str_eq(roles(d), "xx-H-L-B-B-x");
	ck_assert_int_eq(d->lines[3].reason, REASON_HEADLINE);
	ck_assert_int_eq(d->lines[5].reason, REASON_LEDE);
	ck_assert_str_eq(stoplist_lang_name(d->lang), "en");
	out = page_text(d);
	ck_assert_str_eq(out, HEADLINE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n");
	free(out);
	pipeline_free(&p);
}
END_TEST

/* A first paragraph that the page's source wrapped is the lede whole,
 * all its lines, not just the first. */
START_TEST(test_lede_wrapped)
{
	assert_roles(MENU "\n" HEADLINE "\n\nThe council of the small "
		     "harbour town voted on Tuesday to rebuild\nthe old stone "
		     "pier, which was damaged in the winter storms and has "
		     "been closed since January.\n\n" P2 "\n\n" P3 "\n",
		     "xx-H-LL-B-B");
}
END_TEST

/* A byline between headline and lede does not hide the headline. */
START_TEST(test_headline_over_byline)
{
	assert_roles(MENU "\n" HEADLINE "\nBy Anna Smith, 12 May 2024\n\n"
		     P1 "\n\n" P2 "\n",
		     "xx-Hx-L-B");
}
END_TEST

/* A section label two lines higher ("News from the coast") is not the
 * headline, even with more stopwords than the headline. */
START_TEST(test_headline_nearest)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, "The Daily Harbour Gazette\n" MENU "\n"
		"News from the coast\n\n" HEADLINE "\nBy Anna Smith, 12 May 2024\n"
		"\n" P1 "\n\n" P2 "\n");
	ck_assert_str_eq(d->lines[6].text, HEADLINE);
	ck_assert_str_eq(roles(d), "xxx-x-Hx-L-B");
	pipeline_free(&p);
}
END_TEST

/* A standfirst below the headline, longer and as much about the
 * article, is not the headline. */
START_TEST(test_headline_over_standfirst)
{
	assert_headline(3, HEADLINE,
		MENU "\n" HEADLINE "\n\nThe council voted to save the "
		"old pier that storms closed in the winter\n\n" P1 "\n\n"
		P2 "\n");
}
END_TEST

/* A deck restates the article, so more of its words recur there than
 * of the title's; the title above it is still the headline. */
START_TEST(test_headline_over_deck)
{
	assert_roles(MENU "\nWhy the small harbour town still loves its "
		     "pier\nThe council voted on Tuesday to rebuild the old "
		     "stone pier damaged in the winter storms\n\n" P1 "\n\n"
		     P2 "\n",
		     "xx-HL-B-B");
}
END_TEST

/* A short line between the headline and the article's first paragraph
 * is its subtitle, but not a byline in lower case nor a photo's credit
 * with a slash or a web address. */
START_TEST(test_subtitle_not_byline)
{
	assert_roles(MENU "\n" HEADLINE "\n\nThe town and its pier over "
		     "the years\n\n" P1 "\n\n" P2 "\n\n" P3 "\n",
		     "xx-H-B-L-B-B");
	assert_roles(MENU "\n" HEADLINE "\n\nby Ann Lee and Tom Smith\n\n"
		     P1 "\n\n" P2 "\n\n" P3 "\n", "xx-H-x-L-B-B");
	assert_roles(MENU "\n" HEADLINE "\n\nAnn Lee / Harbour Pictures\n\n"
		     P1 "\n\n" P2 "\n\n" P3 "\n", "xx-H-x-L-B-B");
	assert_roles(MENU "\n" HEADLINE "\n\nPhotos at harbourtown.org\n\n"
		     P1 "\n\n" P2 "\n\n" P3 "\n", "xx-H-x-L-B-B");
}
END_TEST

/* A rendering sets a heading apart with a blank line; a second title
 * run into the article's first paragraph is the paragraph's heading or
 * a deck, not the headline: it goes to the body. */
START_TEST(test_headline_stands_apart)
{
	assert_roles(MENU "\n" HEADLINE "\n\nOld stone pier to be rebuilt by "
		     "the harbour town\n" P1 "\n\n" P2 "\n\n" P3 "\n",
		     "xx-H-BL-B-B");
}
END_TEST

/* The captions of a gallery between the headline and the article are
 * text, not a menu: they do not set the headline further apart from
 * the article than a subheading just above it. */
START_TEST(test_headline_over_gallery)
{
	char page[4096];
	int n, k;

	n = snprintf(page, sizeof(page), MENU "\n" HEADLINE "\n\n");
	for (k = 1; k <= 16; k++)
		n += snprintf(page + n, sizeof(page) - (size_t)n, "Photo %d: "
			      "the old stone pier at low tide, seen from the "
			      "harbour wall\n\n", k);
	snprintf(page + n, sizeof(page) - (size_t)n, "Share\nPrint\nEmail\n\n"
		 "The pier damaged in winter storms\n\n" P1 "\n\n" P2 "\n\n"
		 P3 "\n");
	assert_headline(3, HEADLINE, page);
}
END_TEST

/* A second title right under the headline, no longer and no more about
 * the article, is its deck or the teaser's title, even when a list of
 * teasers below repeats it. */
START_TEST(test_headline_over_second_title)
{
	assert_headline(3, HEADLINE,
		MENU "\n" HEADLINE "\n\nThe old pier will be saved\n\n"
		P1 "\n\n" P2 "\n\n" P3 "\n\nMore news\n\nThe old pier will "
		"be saved\n");
}
END_TEST

/* A long menu between the headline and the article (a section's list
 * of topics) does not hide the headline. */
START_TEST(test_headline_over_long_menu)
{
	char page[4096];
	int n, k;

	n = snprintf(page, sizeof(page), MENU "\n" HEADLINE "\n\n");
	for (k = 0; k < 45; k++)	/* "Topic Aa", "Topic Ba", ... */
		n += snprintf(page + n, sizeof(page) - (size_t)n,
			      "Topic %c%c\n", 'A' + k % 26, 'a' + k / 26);
	snprintf(page + n, sizeof(page) - (size_t)n, "\n" P1 "\n\n" P2
		 "\n\n" P3 "\n");
	assert_headline(3, HEADLINE, page);
}
END_TEST

/* Past HEADLINE_DISTANCE_MAX lines of menu between them, more menu
 * does not set the headline further from the article: a label right
 * above the article does not win for being nearer. */
START_TEST(test_headline_over_longer_menu)
{
	char page[4096];
	int n, k;

	n = snprintf(page, sizeof(page), MENU "\n" HEADLINE "\n\n");
	for (k = 0; k < 50; k++)	/* "Topic Aa", "Topic Ba", ... */
		n += snprintf(page + n, sizeof(page) - (size_t)n,
			      "Topic %c%c\n", 'A' + k % 26, 'a' + k / 26);
	snprintf(page + n, sizeof(page) - (size_t)n, "\nHarbour pier\n\n"
		 P1 "\n\n" P2 "\n\n" P3 "\n");
	assert_headline(3, HEADLINE, page);
}
END_TEST

/* A text rendering numbers a breadcrumb's items; the last crumb is the
 * title, and the headline is its text without the number. */
START_TEST(test_headline_from_numbered_list)
{
	assert_headline(5, HEADLINE,
		MENU "\n1. Home\n2. News\n3. " HEADLINE "\n\n"
		P1 "\n\n" P2 "\n");
}
END_TEST

/* A lone number and full stop is part of the title: an ordinal. */
START_TEST(test_headline_ordinal_kept)
{
	assert_headline(3, "15. Harbour festival draws crowds to the old "
			"stone pier",
		MENU "\n15. Harbour festival draws crowds to the old "
		"stone pier\n\n" P1 "\n\n" P2 "\n");
}
END_TEST

/* The stray line of prose at line 3, where the article span starts,
 * stays in the article, and HEADLINE, on line 4 below it, is the
 * headline. */
static void assert_headline_below_stray(const char *page)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, page);
	ck_assert_int_eq(d->lines[3].role, ROLE_BODY);
	ck_assert_str_eq(d->lines[4].text, HEADLINE);
	ck_assert_int_eq(d->lines[4].role, ROLE_HEADLINE);
	pipeline_free(&p);
}

/* The article span can start at a stray line of prose above the
 * headline (a search box's help); a title-like line just below it with
 * a dateline is the headline. */
START_TEST(test_headline_below_stray_line)
{
	assert_headline_below_stray(MENU "\nPress Enter to search, or Escape "
		"to close the search box and go back.\n" HEADLINE "\nBy Anna "
		"Smith, 12 May 2024\n\n" P1 "\n\n" P2 "\n\n" P3 "\n");
}
END_TEST

/* Nor does that title need a date under it, when the stray line is a
 * label's prose ("Information based on facts...") and the title stands
 * between it and the first paragraph. */
START_TEST(test_headline_below_stray_undated)
{
	assert_headline_below_stray(MENU "\nInformation based on facts and "
		"verified at first hand by our reporter, or reported by "
		"sources we trust.\n" HEADLINE "\n\n" P1 "\n\n" P2 "\n\n"
		P3 "\n");
}
END_TEST

/* The span can start at a sidebar's lighter paragraphs (a share
 * button's notice); a title further down, under a dateline and over a
 * heavier paragraph than any before it, is the headline. */
START_TEST(test_headline_after_sidebar)
{
	assert_headline(8, HEADLINE, MENU "When you click this button, your "
			"personal data is sent to the network. Read our notice "
			"on data protection.\n\nYou can recommend this page to "
			"a friend of yours with the form below, and we will not "
			"keep any of the data that you give us in the form.\n\n"
			"12 May 2024\n\n" HEADLINE "\n\n" P1 "\n\n" P2 "\n\n"
			P3 "\n");
}
END_TEST

/* So is a title of two words there, as a blog's post may have. */
START_TEST(test_short_headline_after_sidebar)
{
	assert_headline(8, "The pier!", MENU "When you click this button, "
			"your personal data is sent to the network. Read our "
			"notice on data protection.\n\nYou can recommend this "
			"page to a friend of yours with the form below, and we "
			"will not keep any of the data that you give us in the "
			"form.\n\n12 May 2024\n\nThe pier!\n\n" P1 "\n\n"
			P2 "\n\n" P3 "\n");
}
END_TEST

/* The span can start at a box's paragraphs heavier than the article's
 * (a paper's notice about itself); a title further down that the page
 * repeats ("Comments on Title | Site") with a dateline right above it is
 * the headline. */
START_TEST(test_echoed_headline_after_box)
{
	assert_headline(9, HEADLINE, MENU "\nThe Harbour Gazette is the "
			"oldest newspaper of the coast. It was founded by a "
			"group of fishermen and teachers in the year after the "
			"great flood, and it has reported on the life of the "
			"towns along the bay, their councils, their schools and "
			"their boats, ever since.\n\nOur reporters live in the "
			"towns they write about. They go to the council "
			"meetings, the markets and the harbour, and they talk "
			"to the people who work there, so that what we print is "
			"what they have seen and heard for themselves, every "
			"day of the week.\n\n12 May 2024\n\n" HEADLINE "\n\n"
			P1 "\n\n" P2 "\n\n" P3 "\n\nComments on " HEADLINE
			" | Harbour Gazette\n");
}
END_TEST

/* A photo's caption can start the span, with its credit, a section's
 * label and a byline between it and the headline. */
START_TEST(test_headline_below_caption_labels)
{
	assert_headline(10, "Why the harbour town should rebuild its old "
			"stone pier before the next winter storms come", MENU
			"The old stone pier of the harbour town, seen from the "
			"beach on a stormy day in January, when it was closed to "
			"the public.\n\nPhoto: Anna Smith for the Harbour "
			"Gazette\n\nOpinion\n\nAnna Smith writes about the "
			"coast\n\nWhy the harbour town should rebuild its old "
			"stone pier before the next winter storms come\n\n" P1
			"\n\n" P2 "\n\n" P3 "\n");
}
END_TEST

/* Below a second paragraph, a title-like line is a subheading, even
 * with a date under it. */
START_TEST(test_subheading_not_headline)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, MENU "\n" P1 "\n\n" P2 "\n\nWhat the fishermen of the "
		"harbour said\nUpdated 12 May 2024\n\n" P3 "\n");
	ck_assert_int_ne(d->lines[7].role, ROLE_HEADLINE);
	pipeline_free(&p);
}
END_TEST

/* A line that holds the end of one sentence and the start of another
 * is a paragraph's first line, not a title. */
START_TEST(test_headline_not_two_sentences)
{
	assert_roles(MENU "\nThe pier project\n\nWe pushed out the plan "
		     "to rebuild the old stone pier in January. The "
		     "council\nvoted on Tuesday to rebuild the old stone pier, "
		     "which was damaged in the winter storms and has been "
		     "closed to the public since January.\n\n" P2 "\n\n" P3
		     "\n",
		     "xx-H-LL-B-B");
}
END_TEST

/* A name and a full stop before a title is no sentence. */
START_TEST(test_headline_name_then_title)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, MENU "\nThe Harbour Gazette\nAnna Smith. Rebuilding the "
		"old stone pier\n\n" P1 "\n\n" P2 "\n\n" P3 "\n");
	ck_assert_int_eq(d->lines[4].role, ROLE_HEADLINE);
	pipeline_free(&p);
}
END_TEST

/* A text rendering shows an image as its file name in brackets; that
 * is no title. */
START_TEST(test_headline_not_image_name)
{
	assert_roles(MENU "\nThe pier\n\n[Old_stone_pier]\n\n" P1 "\n\n"
		     P2 "\n\n" P3 "\n",
		     "xx-H-x-L-B-B");
}
END_TEST

/* A caption that a rule took a photo's credit off is no headline, however
 * much of the article it names. */
START_TEST(test_headline_not_credited_caption)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	ck_assert_int_eq(rule_set_load_string(p.rules, "t.rules",
		"strip credit /\\s*Photo: [^.]{1,40}$/\n"), 0);
	d = run(&p, MENU "\nTown votes on its pier\n\nStorms damaged the old "
		"pier in January Photo: Ann Lee\n\n" P1 "\n\n" P2 "\n\n" P3
		"\n");
	ck_assert(d->lines[5].cut_end);
	ck_assert_int_eq(d->lines[3].role, ROLE_HEADLINE);
	pipeline_free(&p);
}
END_TEST

/* A line with no sentence end, in a block of two with a credit that a
 * rule drops under it, is a caption and goes; a paragraph that ends a
 * sentence above such a line stays. */
START_TEST(test_caption_above_credit)
{
	struct pipeline p;

	pipeline_init(&p);
	ck_assert_int_eq(rule_set_load_string(p.rules, "t.rules",
		"drop credit /^Credit: /\n"), 0);
	ck_assert_str_eq(roles(run(&p, MENU "\n" HEADLINE "\n\n" P1 "\n\n"
		"Workers walk along the closed pier on a stormy morning\n"
		"Credit: Ann Lee/AFP\n\n" P2 "\nCredit: Ann Lee/AFP\n\n" P3
		"\n")), "xx-H-L-xx-Bx-B");
	pipeline_free(&p);
}
END_TEST

/* A kicker that a rendering ran into the title at a colon with a space
 * before it is not part of the headline; in French that space is
 * written before every colon. */
START_TEST(test_headline_without_spaced_colon_kicker)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, MENU "\nPier vote : " HEADLINE "\n\n" P1 "\n\n" P2
		"\n\n" P3 "\n");
	ck_assert_int_eq(d->lines[3].role, ROLE_HEADLINE);
	ck_assert_str_eq(d->lines[3].text, HEADLINE);
	d = run(&p, MENU "\nPier vote :" HEADLINE "\n\n" P1 "\n\n" P2
		"\n\n" P3 "\n");
	ck_assert_str_eq(d->lines[3].text, HEADLINE);
	d = run(&p, MENU "\nPier vote: " HEADLINE "\n\n" P1 "\n\n" P2
		"\n\n" P3 "\n");
	ck_assert_str_eq(d->lines[3].text, "Pier vote: " HEADLINE);
	d = run(&p, MENU "\nLe port : la ville vote pour son vieux quai\n\n"
		"La ville a voté mardi pour la reconstruction du vieux quai de "
		"pierre, qui a été endommagé par les tempêtes de l'hiver et "
		"qui est fermé au public depuis le mois de janvier.\n\n"
		"Les travaux doivent durer deux ans et seront payés par la "
		"ville et par une aide de la région, a dit le maire après le "
		"vote.\n");
	ck_assert_int_eq(d->lines[3].role, ROLE_HEADLINE);
	ck_assert_str_eq(d->lines[3].text,
			 "Le port : la ville vote pour son vieux quai");
	pipeline_free(&p);
}
END_TEST

/* A photo's caption, which says where a person stands in it, is no
 * headline. */
START_TEST(test_headline_not_caption_with_position)
{
	assert_headline(3, "Pier vote", MENU "\nPier vote\n\nMayor Ann Lee "
		"(l.) and Tom Cole at the old stone pier\n\n" P1 "\n\n" P2
		"\n\n" P3 "\n");
}
END_TEST

/* A line that names an account, "@name", is a byline or a link to
 * follow, not the headline; an address's "@" is no such name. */
START_TEST(test_headline_not_handle)
{
	assert_headline(3, "Pier vote", MENU "\nPier vote\n\nHarbour town "
		"news from @harbourtown\n\n" P1 "\n\n" P2 "\n\n" P3 "\n");
	assert_headline(5, "Harbour town news from news@harbourtown",
		MENU "\nPier vote\n\nHarbour town news from "
		"news@harbourtown\n\n" P1 "\n\n" P2 "\n\n" P3 "\n");
}
END_TEST

/* A line that ends on an article or a conjunction is a wrapped
 * paragraph's first line, not the headline; one that ends on a word
 * its phrase is about may be. */
START_TEST(test_headline_not_open_end)
{
	assert_headline(3, "Town votes on pier", MENU "\nTown votes on "
		"pier\n\nCouncil votes to rebuild the old stone pier damaged "
		"in the\n\n" P1 "\n\n" P2 "\n\n" P3 "\n");
	assert_headline(5, "Council votes to rebuild the old stone pier "
		"damaged in storms", MENU "\nTown votes on pier\n\nCouncil "
		"votes to rebuild the old stone pier damaged in storms\n\n" P1
		"\n\n" P2 "\n\n" P3 "\n");
}
END_TEST

/* A line that starts with the word "photo" is a caption, not the
 * headline; a gallery's "Photos" may be. */
START_TEST(test_headline_not_photo)
{
	assert_headline(3, "Vote on the pier", MENU "\nVote on the pier\n\n"
		"Photo of the old stone pier damaged in storms\n\n" P1 "\n\n"
		P2 "\n\n" P3 "\n");
	assert_headline(5, "Photos of the old stone pier damaged in storms",
		MENU "\nVote on the pier\n\nPhotos of the old stone pier "
		"damaged in storms\n\n" P1 "\n\n" P2 "\n\n" P3 "\n");
}
END_TEST

/* A dateline run into the title is not part of the headline. */
START_TEST(test_headline_without_date)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, MENU "\n12.05.2024 - " HEADLINE "\n\n" P1 "\n\n" P2
		"\n");
	ck_assert_int_eq(d->lines[3].role, ROLE_HEADLINE);
	ck_assert_str_eq(d->lines[3].text, HEADLINE);
	d = run(&p, MENU "\n2024-05-12 | " HEADLINE "\n\n" P1 "\n\n" P2
		"\n");
	ck_assert_str_eq(d->lines[3].text, HEADLINE);
	d = run(&p, MENU "\n2024 - " HEADLINE "\n\n" P1 "\n\n" P2 "\n");
	ck_assert_str_eq(d->lines[3].text, "2024 - " HEADLINE);
	d = run(&p, MENU "\n12.05.2024" HEADLINE "\n\n" P1 "\n\n" P2
		"\n");
	ck_assert_str_eq(d->lines[3].text, HEADLINE);
	pipeline_free(&p);
}
END_TEST

/* A kicker run into the title is not part of the headline when a
 * teaser elsewhere on the page sets it apart; without such a teaser the
 * first words stay. */
#define GLUED "Harbour vote " HEADLINE
START_TEST(test_headline_without_glued_kicker)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, MENU "\n" GLUED "\n\n" P1 "\n\n" P2 "\n\n" P3
		"\n\nMore news\n" HEADLINE " - Harbour vote\nHarbour vote: "
		"Town rebuilds old stone pier\n");
	ck_assert_int_eq(d->lines[3].role, ROLE_HEADLINE);
	ck_assert_str_eq(d->lines[3].text, HEADLINE);
	d = run(&p, MENU "\n" GLUED "\n\n" P1 "\n\n" P2 "\n\n" P3
		"\n\nMore news\nHarbour vote: Town rebuilds old stone "
		"pier\n");
	ck_assert_str_eq(d->lines[3].text, GLUED);
	d = run(&p, MENU "\n" GLUED "\n\n" P1 "\n\n" P2 "\n\n" P3
		"\n\nMore news\nHarbour vote: rebuilding begins\n");
	ck_assert_str_eq(d->lines[3].text, GLUED);
	pipeline_free(&p);
}
END_TEST

/* A title whose date follows a standfirst and a byline still has a
 * dateline; the line above it has none. */
START_TEST(test_headline_date_after_byline)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, MENU "\nThe harbour town and its old stone pier\n"
		HEADLINE "\nThe council votes on the pier\nBy Anna Smith\n"
		"12 May 2024\n\n" P1 "\n\n" P2 "\n\n" P3 "\n");
	ck_assert_int_eq(d->lines[4].role, ROLE_HEADLINE);
	pipeline_free(&p);
}
END_TEST

/* A quantity, figures and a unit, is never the headline, however near
 * the article it stands and however much the article repeats it. */
START_TEST(test_headline_not_quantity)
{
	assert_headline(2, "Apple cake with cream",
		"Home | Recipes | Cakes | Baking\nSign in\n"
		"Apple cake with cream\n\nPrint\n\nShare\n\nSave\n\n"
		"Rate\n\nComments\n\nPin\n\nMail\n\nFollow\n\nLike\n\n"
		"Tweet\n\nTop\n\nNext\n\nBack\n\nMore\n\nHelp\n\n"
		"Login\n\nStart\n\nSearch\n\nShop\n\nJobs\n\nPress\n\n"
		"Team\n\n4512 kcal\n\nThe whole cake has 4512 kcal, so cut "
		"it into twelve pieces and serve each one with a spoon of "
		"cream on the side.\n\nPeel the apples, cut them into thin "
		"slices and lay them on the dough in a ring, then bake the "
		"cake for forty minutes.\n");
}
END_TEST

/* A line with a link's arrow or bar set apart at its start or its end
 * is a menu's link, never the headline. */
START_TEST(test_headline_not_link)
{
	assert_headline(8, "A somersault of history",
		MENU "Search\nNews and stories >\nBack\n12 May 2024\n"
		"Share\nPrint\nA somersault of history\n" P1 "\n\n" P2
		"\n");
}
END_TEST

/* Of a title and a line no longer right below it, the lower one is its
 * deck, though it restates more of the article and a longer line of
 * prose follows it as a standfirst would. */
START_TEST(test_headline_over_short_deck)
{
	assert_headline(2, HEADLINE,
		MENU HEADLINE "\n\nCouncil will rebuild the pier that "
		"winter storms closed\n\n" P1 "\n\n" P2 "\n");
}
END_TEST

/* A title that ends a trail of links is the page's own title, though
 * the deck under it restates more of the article. */
START_TEST(test_headline_crumb_end)
{
	assert_headline(4, "A new life for the stone pier",
		MENU "Home>News>Local>A new life for the stone pier\n\n"
		"A new life for the stone pier\n"
		"Council will rebuild the pier that winter storms closed\n\n"
		P1 "\n\n" P2 "\n");
}
END_TEST

START_TEST(test_verbatim_repeat)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, HEADLINE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\n" P2 "\n");
	ck_assert_str_eq(roles(d), "H-L-B-B-x");
	ck_assert_int_eq(d->lines[8].reason, REASON_REPEAT);
	ck_assert_uint_eq(d->lines[8].copies, 2);
	ck_assert_uint_eq(d->lines[4].copies, 2);
	pipeline_free(&p);
}
END_TEST

/* A teaser cut with "..." repeats the start of a paragraph. */
START_TEST(test_cut_teaser)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, HEADLINE "\n\n" P1 "\n\n"
		"The work is expected to take two years and will be paid "
		"for by the...\n\n" P2 "\n\n" P3 "\n");
	ck_assert_str_eq(roles(d), "H-L-x-B-B");
	ck_assert_int_eq(d->lines[4].reason, REASON_CONTAINED);
	pipeline_free(&p);
}
END_TEST

/* A pull quote repeats words from a later paragraph. */
START_TEST(test_pull_quote)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, HEADLINE "\n\n" P1 "\n\n"
		"\"They were relieved that the pier would be saved\"\n\n"
		P2 "\n\n" P3 "\n");
	ck_assert_str_eq(roles(d), "H-L-x-B-B");
	ck_assert_int_eq(d->lines[4].reason, REASON_CONTAINED);
	pipeline_free(&p);
}
END_TEST

/* A run of short lines inside the article is a menu. */
START_TEST(test_menu_run)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, HEADLINE "\n\n" P1 "\n\n" P2 "\n\nPolitics\nSport\n\n"
		"Culture\n\n" P3 "\n");
	ck_assert_str_eq(roles(d), "H-L-B-xx-x-B");
	ck_assert_int_eq(d->lines[6].reason, REASON_SHORT);
	ck_assert_int_eq(d->lines[9].reason, REASON_SHORT);
	pipeline_free(&p);
}
END_TEST

/* A run of short lines of a few words each, right between two
 * paragraphs, is a list inside the text: it stays. */
START_TEST(test_list_in_text)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, HEADLINE "\n\n" P1 "\n\n" P2 "\n\n"
		"Check the stones of the old wall\n"
		"Rebuild the steps down to the water\n"
		"Paint the railings along the pier\n\n" P3 "\n");
	ck_assert_str_eq(roles(d), "H-L-B-BBB-B");
	ck_assert_int_eq(d->lines[6].reason, REASON_CONTENT);
	pipeline_free(&p);
}
END_TEST

/* ...or between a lead-in and a paragraph. */
START_TEST(test_list_under_lead_in)
{
	assert_roles(HEADLINE "\n\n" P1 "\n\n" P2 "\n\nThe council will "
		     "ask the people of the town about three matters:\n"
		     "Where the new steps should go\n"
		     "How wide the new pier should be\n"
		     "What the railings should look like\n\n" P3 "\n",
		     "H-L-B-BBBB-B");
}
END_TEST

/* Such a run with an item of one word is a menu still: a chart's
 * labels, a section's links. */
START_TEST(test_list_with_one_word_item)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, HEADLINE "\n\n" P1 "\n\n" P2 "\n\n"
		"Cost of the repairs by year\nMonthly\n"
		"Source: the council of the town\n\n" P3 "\n");
	ck_assert_str_eq(roles(d), "H-L-B-xxx-B");
	ck_assert_int_eq(d->lines[6].reason, REASON_SHORT);
	pipeline_free(&p);
}
END_TEST

/* A table set one cell to a line between two paragraphs is part of
 * the article: the paragraph below it stays. */
START_TEST(test_table_of_cells_crossed)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, HEADLINE "\n\n" P1 "\n\n" P2 "\n\n"
		"Year\n2019\n2020\n2021\nVisitors\n15:6\n7:14\n13:4\n"
		"Repairs\n88%\n70%\n77%\n\n" P3 "\n");
	ck_assert_int_eq(d->lines[19].role, ROLE_BODY);
	pipeline_free(&p);
}
END_TEST

/* ...and so is one whose cells are figures with their units. */
START_TEST(test_table_of_long_cells_crossed)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, HEADLINE "\n\n" P1 "\n\n" P2 "\n\n"
		"Year\n10,72 / 12,40 Mt\n15,02 / 15,12 Mt\n32,23 / 32,28 Mt\n"
		"Visitors\n14,31 / 19,97 Mt\n10,78 / 11,12 Mt\n14,43 / 15,51 Mt\n"
		"Repairs\n11,11 / 11,02 Mt\n10,52 / 10,55 Mt\n11,21 / 11,30 Mt\n"
		"\n" P3 "\n");
	ck_assert_int_eq(d->lines[19].role, ROLE_BODY);
	pipeline_free(&p);
}
END_TEST

/* Rows of a table whose cells a rendering glues together, no blank
 * line between them, inside the article: a table, it stays. */
START_TEST(test_glued_table_kept)
{
	assert_roles(HEADLINE "\n\n" P1 "\n\n" P2 "\n\n"
		     "Stone10,72 t12,40 t15,7 %\nTimber15,02 t15,12 t0,7 %\n"
		     "Steel32,23 t32,28 t0,1 %\n\n" P3 "\n",
		     "H-L-B-BBB-B");
}
END_TEST

/* Lines of one figure each are a form's choices, not a table. */
START_TEST(test_figures_menu_dropped)
{
	assert_roles(HEADLINE "\n\n" P1 "\n\n" P2 "\n\n"
		     "50%\n75%\n100%\n125%\n\n" P3 "\n",
		     "H-L-B-xxxx-B");
}
END_TEST

/* A transcript: a short turn of a speaker whose label opens three
 * paragraphs stays, even with no text right above it; a speaker's of
 * one paragraph goes. */
START_TEST(test_speaker_turn_kept)
{
	assert_roles(HEADLINE "\n\nAnna Berg: " P1 "\n\nTom Ries: " P2
		     "\n\nHome | World | Business | Sport\n\nAnna Berg: Yes.\n\n"
		     "Anna Berg: " P3 "\n\nHome | World | Business | Sport\n\n"
		     "Tom Ries: Thank you.\n\nAnna Berg: And the fishermen will "
		     "be back on the pier next summer, when the work on the steps "
		     "and the railings is done.\n",
		     "H-L-B-x-B-B-x-x-B");
}
END_TEST

/* A sentence set out as a list under its lead-in stays whole. */
START_TEST(test_enumeration_kept)
{
	assert_roles(HEADLINE "\n\n" P1 "\n\n" P2 "\n\nThe work that the "
		     "council voted for will be done in three steps over the next "
		     "two years, beginning with:\n\nthe stones of the wall,\n\n"
		     "the steps,\n\nthe railings.\n\n" P3 "\n",
		     "H-L-B-B-B-B-B-B");
}
END_TEST

/* A block of code between paragraphs stays whole, though its lines
 * alone look like a menu and one of them repeats. */
START_TEST(test_code_block)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, HEADLINE "\n\n" P1 "\n\n" P2 "\n\nint piers(int n)\n{\n"
		"if (n > 2)\nreturn n;\nreturn 0;\n}\n\n" P3 "\n\n"
		"while (piers(n) == 0)\nn++;\n}\n");
	ck_assert_str_eq(roles(d), "H-L-B-BBBBBB-B-xxx");
	ck_assert_int_eq(d->lines[6].reason, REASON_CONTENT);
	ck_assert_int_eq(d->lines[11].reason, REASON_CONTENT);
	pipeline_free(&p);
}
END_TEST

/* Brackets alone do not make code: "Canada (English)" is a menu. */
START_TEST(test_menu_with_brackets)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, HEADLINE "\n\n" P1 "\n\n" P2 "\n\nCanada (English)\n"
		"France (fran\xc3\xa7" "ais)\nItalia (italiano)\n\n" P3 "\n");
	ck_assert_str_eq(roles(d), "H-L-B-xxx-B");
	ck_assert_int_eq(d->lines[6].reason, REASON_SHORT);
	pipeline_free(&p);
}
END_TEST

/* One short line between paragraphs is a subheading: it stays. */
START_TEST(test_short_line_kept)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, HEADLINE "\n\n" P1 "\n\n" P2 "\n\nWhat comes next\n\n"
		P3 "\n");
	ck_assert_str_eq(roles(d), "H-L-B-B-B");
	ck_assert_int_eq(d->lines[6].reason, REASON_CONTEXT);
	pipeline_free(&p);
}
END_TEST

START_TEST(test_no_article)
{
	struct pipeline p;
	struct doc *d;
	char *out;

	pipeline_init(&p);
	d = run(&p, "Home\nNews\nSport\n\nContact us\n");
	ck_assert_str_eq(roles(d), "xxx-x");
	out = page_text(d);
	ck_assert_str_eq(out, "");
	free(out);
	d = run(&p, "");
	ck_assert_uint_eq(d->nlines, 0);
	pipeline_free(&p);
}
END_TEST

/* A keep rule's line goes into the body whatever the heuristics say. */
START_TEST(test_keep_rule_wins)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	ck_assert_int_eq(rule_set_load_string(p.rules, "t.rules",
		"keep note /^Note:/\ndrop signin /^Sign in$/\n"), 0);
	d = run(&p, MENU "\n" HEADLINE "\n\n" P1 "\n\n" P2 "\n\n"
		"Note: 1 2 3 4 5\nShare this article\n");
	ck_assert_int_eq(d->lines[1].verdict, VERDICT_DROP);
	ck_assert_int_eq(d->lines[9].verdict, VERDICT_KEEP);
	ck_assert_int_eq(d->lines[9].cls, CLS_BAD);	/* mostly digits */
	ck_assert_str_eq(roles(d), "xx-H-L-B-Bx");
	pipeline_free(&p);
}
END_TEST

/* Pages go through one after another with the same scratch space. */
START_TEST(test_pages_independent)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	run(&p, HEADLINE "\n\n" P1 "\n\n" P2 "\n");
	d = run(&p, HEADLINE "\n\n" P1 "\n\n" P2 "\n");
	ck_assert_str_eq(roles(d), "H-L-B");
	ck_assert_uint_eq(d->lines[2].copies, 1);
	pipeline_free(&p);
}
END_TEST

/* After the article and a break of five menu lines, an author's bio
 * outweighs the break but not the article: it is cut off.  Four lines
 * are no break (a share bar inside the article), nor is a list of
 * references as long as paragraphs. */
#define P4 "The old pier was built more than a century ago, when the " \
	"town's fishing fleet was the largest on this stretch of the coast."
#define P5 "Engineers will take the damaged section apart stone by stone, " \
	"number each one, and put them back on new foundations next spring."
#define BIO "Anna Smith writes about the towns and villages of the coast " \
	"for the paper and has lived in the harbour town for twenty years."

START_TEST(test_tail_after_break)
{
	struct pipeline p;
	struct doc *d;

	pipeline_init(&p);
	d = run(&p, HEADLINE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n"
		P5 "\n\nShare\nTweet\nEmail\nPrint\nAbout the author\n\n"
		BIO "\n");
	ck_assert_str_eq(roles(d), "H-L-B-B-B-B-xxxxx-x");
	ck_assert_int_eq(d->lines[18].reason, REASON_OUTSIDE);
	d = run(&p, HEADLINE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n"
		P5 "\n\nShare\nTweet\nEmail\nPrint\n\n" BIO "\n");
	ck_assert_str_eq(roles(d), "H-L-B-B-B-B-xxxx-B");
	pipeline_free(&p);
}
END_TEST

/* The stoplists are looked up by a word's folded hash: a word in any
 * case, ASCII or Latin-1, finds its languages; another word none. */
static uint32_t stop_langs(const struct stoplist *sl, const char *w)
{
	char folded[64];

	return stoplist_lookup(sl, text_fold_hash(w, strlen(w), folded));
}

static uint32_t lang_bit(const char *name)
{
	size_t i;

	for (i = 0; i < stoplist_langs(); i++)
		if (strcmp(stoplist_lang_name((int)i), name) == 0)
			return 1u << i;
	return 0;
}

START_TEST(test_stoplist_lookup)
{
	struct stoplist *sl = stoplist_new();

	ck_assert_uint_ne(stop_langs(sl, "The") & lang_bit("en"), 0);
	ck_assert_uint_ne(stop_langs(sl, "\xC3\x9C" "ber") & lang_bit("de"), 0);
	ck_assert_uint_ne(stop_langs(sl, "die") & lang_bit("de"), 0);
	ck_assert_uint_ne(stop_langs(sl, "DE") & lang_bit("fr"), 0);
	ck_assert_uint_ne(stop_langs(sl, "de") & lang_bit("es"), 0);
	ck_assert_uint_eq(stop_langs(sl, "blanket"), 0);
	ck_assert_uint_eq(stop_langs(sl, "thee"), 0);
	stoplist_free(sl);
}
END_TEST

Suite *structure_suite(void)
{
	Suite *s = suite_create("structure");
	TCase *tc = tcase_create("article");

	tcase_add_test(tc, test_latin_extended_case);
	tcase_add_test(tc, test_stoplist_lookup);
	tcase_add_test(tc, test_headline_and_lede);
	tcase_add_test(tc, test_lede_wrapped);
	tcase_add_test(tc, test_headline_over_byline);
	tcase_add_test(tc, test_headline_nearest);
	tcase_add_test(tc, test_headline_over_standfirst);
	tcase_add_test(tc, test_headline_over_deck);
	tcase_add_test(tc, test_headline_stands_apart);
	tcase_add_test(tc, test_subtitle_not_byline);
	tcase_add_test(tc, test_headline_over_gallery);
	tcase_add_test(tc, test_headline_over_second_title);
	tcase_add_test(tc, test_headline_over_long_menu);
	tcase_add_test(tc, test_headline_over_longer_menu);
	tcase_add_test(tc, test_headline_from_numbered_list);
	tcase_add_test(tc, test_headline_ordinal_kept);
	tcase_add_test(tc, test_headline_below_stray_line);
	tcase_add_test(tc, test_headline_below_stray_undated);
	tcase_add_test(tc, test_headline_below_caption_labels);
	tcase_add_test(tc, test_headline_after_sidebar);
	tcase_add_test(tc, test_short_headline_after_sidebar);
	tcase_add_test(tc, test_echoed_headline_after_box);
	tcase_add_test(tc, test_subheading_not_headline);
	tcase_add_test(tc, test_headline_not_two_sentences);
	tcase_add_test(tc, test_headline_name_then_title);
	tcase_add_test(tc, test_headline_not_image_name);
	tcase_add_test(tc, test_headline_not_credited_caption);
	tcase_add_test(tc, test_headline_not_caption_with_position);
	tcase_add_test(tc, test_headline_not_handle);
	tcase_add_test(tc, test_headline_not_open_end);
	tcase_add_test(tc, test_headline_not_photo);
	tcase_add_test(tc, test_headline_without_spaced_colon_kicker);
	tcase_add_test(tc, test_headline_without_date);
	tcase_add_test(tc, test_headline_without_glued_kicker);
	tcase_add_test(tc, test_headline_date_after_byline);
	tcase_add_test(tc, test_headline_not_quantity);
	tcase_add_test(tc, test_headline_not_link);
	tcase_add_test(tc, test_headline_over_short_deck);
	tcase_add_test(tc, test_headline_crumb_end);
	tcase_add_test(tc, test_verbatim_repeat);
	tcase_add_test(tc, test_cut_teaser);
	tcase_add_test(tc, test_pull_quote);
	tcase_add_test(tc, test_menu_run);
	tcase_add_test(tc, test_list_in_text);
	tcase_add_test(tc, test_list_under_lead_in);
	tcase_add_test(tc, test_list_with_one_word_item);
	tcase_add_test(tc, test_table_of_cells_crossed);
	tcase_add_test(tc, test_table_of_long_cells_crossed);
	tcase_add_test(tc, test_glued_table_kept);
	tcase_add_test(tc, test_figures_menu_dropped);
	tcase_add_test(tc, test_speaker_turn_kept);
	tcase_add_test(tc, test_enumeration_kept);
	tcase_add_test(tc, test_code_block);
	tcase_add_test(tc, test_menu_with_brackets);
	tcase_add_test(tc, test_short_line_kept);
	tcase_add_test(tc, test_tail_after_break);
	tcase_add_test(tc, test_no_article);
	tcase_add_test(tc, test_keep_rule_wins);
	tcase_add_test(tc, test_pages_independent);
	tcase_add_test(tc, test_caption_above_credit);
	suite_add_tcase(s, tc);
	return s;
}
