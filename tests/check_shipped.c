/* The shipped rule files, rules/NAME.rules: every rule matches the real
 * text its comment quotes, no rule matches a line (of an example or a
 * fixture) that holds none of the rule's needles, and no rule drops
 * the article lines of a short list that merely look like debris. */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <glob.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_suites.h"
#include "../src/buf.h"
#include "../src/doc.h"
#include "../src/needle.h"
#include "../src/rules.h"
#include "needle_oracle.h"

struct lines {
	char **v;
	size_t n;
};

static void lines_add(struct lines *ls, const char *s, size_t len)
{
	ls->v = realloc(ls->v, (ls->n + 1) * sizeof(*ls->v));
	ck_assert(ls->v != NULL);
	ls->v[ls->n] = strndup(s, len);
	ck_assert(ls->v[ls->n] != NULL);
	ls->n++;
}

static void lines_free(struct lines *ls)
{
	size_t i;

	for (i = 0; i < ls->n; i++)
		free(ls->v[i]);
	free(ls->v);
	ls->v = NULL;
	ls->n = 0;
}

static void read_lines(const char *path, struct lines *ls)
{
	FILE *fp = fopen(path, "rb");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	ck_assert_msg(fp != NULL, "cannot open %s", path);
	while ((len = getline(&line, &cap, fp)) >= 0)
		lines_add(ls, line, (size_t)len);
	free(line);
	fclose(fp);
}

static struct rule_set *shipped_rules(void)
{
	struct rule_set *rs = rule_set_new();

	ck_assert_int_eq(rule_set_load(rs, "rules/default.rules"), 0);
	return rs;
}

static int rule_index(const struct rule_set *rs, const char *name)
{
	size_t i;

	for (i = 0; i < rule_set_count(rs); i++)
		if (strcmp(rule_name(rs, (int)i), name) == 0)
			return (int)i;
	return -1;
}

static pcre2_code *compile_rule(const struct rule_set *rs, int k)
{
	bool caseless;
	const char *src = rule_pattern(rs, k, &caseless);
	PCRE2_SIZE off;
	int err;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, strlen(src),
				       PCRE2_UTF | PCRE2_UCP |
				       (caseless ? PCRE2_CASELESS : 0),
				       &err, &off, NULL);

	ck_assert(re != NULL);
	return re;
}

static bool matches(const pcre2_code *re, const char *s)
{
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	int rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);

	pcre2_match_data_free(md);
	return rc >= 0;
}

/* The examples of a comment line:
 *	# "one"    "two" (a remark)    "three"
 * An example ends at a quote followed by the end of the line, by four
 * spaces and a quote, or by " (".  Each is trimmed, as lines are before
 * rules see them. */
static void comment_examples(const char *line, struct lines *out)
{
	const char *p = line + 2;

	while ((p = strchr(p, '"'))) {
		const char *q = ++p, *end = NULL;

		for (; (q = strchr(q, '"')); q++)
			if (q[1] == '\0' || q[1] == '\n' ||
			    strncmp(q + 1, "    \"", 5) == 0 ||
			    strncmp(q + 1, " (", 2) == 0) {
				end = q;
				break;
			}
		if (!end)
			return;
		while (p < end && *p == ' ')
			p++;
		q = end;
		while (q > p && q[-1] == ' ')
			q--;
		lines_add(out, p, (size_t)(q - p));
		p = end + 1;
		if (strncmp(p, " (", 2) == 0 && (p = strchr(p, ')')) == NULL)
			return;
	}
}

/* Every example a rule file quotes above a rule, with its rule. */
struct example {
	struct lines text;
	struct lines rule;
};

static void collect_examples(struct example *ex)
{
	struct lines pending = { NULL, 0 }, file = { NULL, 0 };
	glob_t g;
	size_t f, i, j;

	ck_assert_int_eq(glob("rules/*.rules", 0, NULL, &g), 0);
	for (f = 0; f < g.gl_pathc; f++) {
		read_lines(g.gl_pathv[f], &file);
		for (i = 0; i < file.n; i++) {
			char action[16], name[128];
			const char *l = file.v[i];

			if (strncmp(l, "# \"", 3) == 0) {
				comment_examples(l, &pending);
				continue;
			}
			if (l[0] == '#')
				continue;
			if (sscanf(l, "%15s %127s", action, name) == 2 &&
			    strcmp(action, "include") != 0 &&
			    strcmp(action, "host") != 0)
				for (j = 0; j < pending.n; j++) {
					lines_add(&ex->text, pending.v[j],
						  strlen(pending.v[j]));
					lines_add(&ex->rule, name, strlen(name));
				}
			lines_free(&pending);
		}
		lines_free(&file);
	}
	globfree(&g);
}

START_TEST(test_rules_match_their_examples)
{
	struct rule_set *rs = shipped_rules();
	struct example ex = { { NULL, 0 }, { NULL, 0 } };
	size_t i;

	collect_examples(&ex);
	/* most rules quote several examples */
	ck_assert_uint_gt(ex.text.n, rule_set_count(rs));
	for (i = 0; i < ex.text.n; i++) {
		int k = rule_index(rs, ex.rule.v[i]);
		pcre2_code *re;

		ck_assert_msg(k >= 0, "no rule %s", ex.rule.v[i]);
		re = compile_rule(rs, k);
		ck_assert_msg(matches(re, ex.text.v[i]),
			      "rule %s does not match its example \"%s\"",
			      ex.rule.v[i], ex.text.v[i]);
		pcre2_code_free(re);
	}
	lines_free(&ex.text);
	lines_free(&ex.rule);
	rule_set_free(rs);
}
END_TEST

/* The examples of every rule, then every line of every fixture page, in
 * ex->text. */
static void collect_examples_and_fixtures(struct example *ex)
{
	glob_t g;
	size_t i;

	collect_examples(ex);
	ck_assert_int_eq(glob("fixtures/*.txt", 0, NULL, &g), 0);
	for (i = 0; i < g.gl_pathc; i++)
		read_lines(g.gl_pathv[i], &ex->text);
	globfree(&g);
}

/* The gate never skips a line a rule matches: over the examples and
 * every fixture line, a rule with needles matches only lines holding
 * one, and a rule whose every match ends the line with one of a few
 * bytes (see needle_set.last) only lines that end with one. */
START_TEST(test_gate_skips_no_match)
{
	struct rule_set *rs = shipped_rules();
	struct example ex = { { NULL, 0 }, { NULL, 0 } };
	struct lines *ls = &ex.text;
	size_t i, r, needled = 0, ended = 0;

	collect_examples_and_fixtures(&ex);
	for (r = 0; r < rule_set_count(rs); r++) {
		struct needle_set set;
		bool caseless;
		const char *src = rule_pattern(rs, (int)r, &caseless);
		pcre2_code *re;

		needles_of(src, strlen(src), caseless, &set);
		if (set.n == 0 && byte_set_full(&set.last))
			continue;
		needled += set.n > 0;
		ended += !byte_set_full(&set.last);
		re = compile_rule(rs, (int)r);
		for (i = 0; i < ls->n; i++) {
			const char *l = ls->v[i];
			size_t n = strlen(l);

			if (!matches(re, l))
				continue;
			ck_assert_msg(set.n == 0 ||
				      text_holds_needle(l, n, &set),
				      "rule %s matches \"%s\" without a needle",
				      rule_name(rs, (int)r), l);
			ck_assert_msg(text_ends_as(l, n, &set),
				      "rule %s matches \"%s\", which does not "
				      "end as it may", rule_name(rs, (int)r), l);
		}
		pcre2_code_free(re);
	}
	/* most shipped rules have needles; the credit rules at the end of a
	 * line have a few last bytes */
	ck_assert_uint_gt(2 * needled, rule_set_count(rs));
	ck_assert_uint_gt(ended, 5);
	lines_free(&ex.text);
	lines_free(&ex.rule);
	rule_set_free(rs);
}
END_TEST

/* Lines of articles that look a little like boilerplate: no shipped
 * rule may drop them. */
START_TEST(test_rules_keep_article_lines)
{
	/* In pieces: C compilers need take no string of over 4095 bytes. */
	static const char *const pieces[] = {
		"x\n"			/* a formula's variable, on its own line */
		"y\n"
		"Facebook a annoncé jeudi une nouvelle fonction pour ses "
		"utilisateurs européens.\n"
		"Twitter, Facebook and Instagram were down for six hours on "
		"Monday.\n"
		"Lesen Sie dazu auch den Kommentar unseres Korrespondenten.\n"
		"Next: the council votes on the plan in March.\n"
		"Maria Ressa is a journalist, and the government has tried "
		"to silence her.\n"
		"Smith is a former reporter who now runs a bakery in Ohio.\n"
		"Jane Doe is a professor of economics at Yale. She said the "
		"plan would fail.\n"
		"Smith is the founder of the firm. He told reporters it "
		"would grow.\n"
		"Help us keep the streets clean, the mayor urged residents.\n"
		"We need your help to find the missing girl, police said.\n"
		"I'm Tom, the founder said, and nobody asked me why.\n"
		"Ich bin Anna, die Gründerin hat mich eingestellt, sagte "
		"sie.\n"
		"Je suis Paul, et la fondatrice m'a répondu tout de suite.\n"
		"Soy Ana, la fundadora me dijo que esperara.\n"
		"In unserem Dorf lernen die Kinder noch Plattdeutsch.\n"
		"Noch kein Kunde hat sich beschwert, sagt der Händler.\n"
		"In our course of study, the teachers said, you learn by "
		"doing.\n"
		"Not a customer yet, she said, but she would think about it.\n"
		"Auf der Seite des Ministeriums finden Sie keine Angaben "
		"dazu, kritisiert die Opposition.\n"
		"Dies ist Teil der Strategie, sagt der Minister.\n"
		"This is part of the problem, the mayor said.\n"
		"What students should know about loans and Credit: A "
		"Guide\n"
		"[1] The report was published by the ministry in 2019.\n"
		"[Update] The minister has since resigned.\n"
		"[extensions]\n"	/* a configuration file's section */
		"[1]\n"		/* a note's mark */
		"Inhalt und Form passen nicht zusammen, sagt die Kritikerin.\n"
		"Alle Beiträge von Mitgliedern werden vorher geprüft, sagte "
		"der Vorsitzende.\n"
		"View all posts by members before the vote, the chair said.\n"
		"This story is part of why the paper won the award.\n"
		"Cet article fait partie des textes que la loi protège.\n",
		"Er schreibt seit 2008 für die Zeitung und lebt in Hamburg.\n"
		"Dieser Artikel wurde am Montag zuerst veröffentlicht.\n"
		"Das Logo mit dem © gehört der Firma und/oder ihren "
		"Partnern.\n"
		"Zapraszamy wszystkich na festyn w sobotę.\n"
		"She sold the photo in 1999. It now belongs to AP/Reuters "
		"and is shown worldwide.\n"
		"The school is committed to providing a safe community for "
		"its students.\n"
		"Readers who want the weekly email can sign up here.\n"
		"The club's members said they would rather give now.\n"
		"Ihr Browser unterstützt Inlineframes\n"
		"Das Heft erscheint monatlich und ist im Abo billiger als "
		"am Kiosk.\n"
		"Anna Muster ist Redakteurin bei der Zeitung gewesen, bevor "
		"sie in die Politik ging.\n"
		"Er ist Autor bei einem Verlag. Sie ist Lehrerin.\n"
		"Zu seinen Hobbys zählen Lesen und Wandern.\n"
		"Unsere Arbeit ist nur mit Geduld möglich.\n"
		"Die Gruppe rief: Unterstützt unsere Arbeit!\n"
		"Das Foto ist public domain und darf frei genutzt werden.\n"
		"Am meisten gelesen wurde der Bericht über den Zoo.\n"
		"Die meistgelesenen Artikel bei uns handeln vom Wetter.\n"
		"Aktuelle Meldungen im Rathaus gibt es nur per Aushang.\n"
		"The app does not provide medical advice, the company "
		"said.\n"
		"The photo, licensed from Getty Images, shows the mayor.\n"
		"Als Kind leite ich den Blick auf das Meer.\n"
		"Mehr Informationen zum Thema finden Sie im Bericht.\n"
		"Weitere Informationen zum Verfahren: Anträge gehen an das "
		"Amt.\n"
		"Weitere Informationen über den Täter hat die Polizei "
		"nicht:\n"
		"More information on the vote: it was delayed twice.\n"
		"More information on the crash was released by police:\n"
		"Neugierig geworden? Dann kommen Sie vorbei.\n"
		"Lust auf mehr? Dann wirst du diese Rezepte lieben.\n"
		"Der Beitrag wurde am Montag veröffentlicht und wurde unter "
		"Fachleuten viel diskutiert.\n"
		"Dieser Beitrag wurde am Dienstag veröffentlicht und ist unter "
		"Lesern umstritten.\n"
		"Der Erfolg dieses Projekts hängt von der Einbindung der "
		"Bürger ab.\n"
		"Ich bin mit der Verarbeitung nicht einverstanden, sagte "
		"der Kläger.\n"
		"Die Zahl der Unfälle stieg im vergangenen Jahr um fünf "
		"Prozent (Quelle: Statistisches Bundesamt)\n"
		"Zwei Bilder (Bild: links das alte, rechts das neue Rathaus) "
		"zeigen, wie sehr sich der Platz verändert hat.\n"
		"Gemeinsam mit den Kindern der Grundschule, den Jugendlichen "
		"des Jugendclubs und den Mitgliedern des Stadtrates, die seit "
		"dem Frühjahr an den Plänen gearbeitet hatten, eröffnete der "
		"Bürgermeister am Samstag den neuen Park im Norden der Stadt "
		"(Foto: Stadtverwaltung)\n"
		"Abbildung 3 zeigt, dass die Werte seit 1990 steigen.\n"
		"Abb. 2 und 3: siehe unten.\n"
		"He asked which she kept from those years. Photos, mostly; "
		"the letters burnt in the fire.\n"
		"The jury picked the winner in May: Photograph of a Lake, "
		"by a student from Leeds\n",
	};
	struct buf page = BUF_INIT;
	struct rule_set *rs = shipped_rules();
	struct doc d;
	size_t i;

	for (i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++)
		buf_puts(&page, pieces[i]);
	doc_init(&d);
	doc_load(&d, page.data, page.len);
	ck_assert_uint_eq(rule_set_apply(rs, &d), 0);
	for (i = 0; i < d.nlines; i++)
		ck_assert_msg(d.lines[i].verdict != VERDICT_DROP,
			      "rule %s drops \"%s\"",
			      rule_name(rs, d.lines[i].rule), d.lines[i].text);
	doc_free(&d);
	buf_free(&page);
	rule_set_free(rs);
}
END_TEST

Suite *shipped_suite(void)
{
	Suite *s = suite_create("shipped");
	TCase *tc = tcase_create("rules");

	tcase_add_test(tc, test_rules_match_their_examples);
	tcase_add_test(tc, test_gate_skips_no_match);
	tcase_add_test(tc, test_rules_keep_article_lines);
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	return s;
}
