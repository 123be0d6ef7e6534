#include "stopwords.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* The most frequent function words of each language: articles,
 * pronouns, prepositions, conjunctions, auxiliaries.  Content words are
 * left out so that a menu of nouns scores low in every language. */
static const struct {
	const char *lang;
	const char *words;
} lists[] = {
	{ "fr", "le la les l un une des du de d au aux ce cet cette ces "
		"et ou mais donc or ni car que qu qui quoi dont où ne n pas "
		"plus ni se s sa son ses sur sous dans par pour avec sans "
		"entre vers chez il ils elle elles on nous vous je j me m "
		"te t lui leur leurs y en est sont était été être avoir a "
		"ont avait fait comme aussi très tout tous toute toutes "
		"même si selon après avant depuis lors alors encore déjà "
		"cela ça c ceux celle celui dont notre nos votre vos mon ma "
		"mes ton ta tes" },
	{ "en", "the a an and or but of to in on at by for with from "
		"about as into than that this these those it its is are was "
		"were be been being has have had do does did not no he she "
		"they we you i his her their our your my him them us who "
		"which what when where while there here if so can could "
		"would should will shall may might must also just only "
		"more most some any all such other after before over under "
		"between because then than very out up" },
	{ "de", "der die das den dem des ein eine einen einem einer "
		"eines und oder aber doch sondern denn in im ins an am auf "
		"aus bei mit nach von vom zu zum zur für über unter vor "
		"durch gegen ohne um ist sind war waren wird werden wurde "
		"wurden hat haben hatte hatten sein kann können muss soll "
		"nicht kein keine auch noch schon nur sehr so wie als wenn "
		"dass daß ob er sie es wir ihr ich man sich sein seine "
		"ihre ihren diese dieser dieses dieser welche was wer dann "
		"mehr bis seit" },
	{ "es", "el la los las un una unos unas lo al del de y o u pero "
		"que qué en con por para sin sobre entre hasta desde como "
		"más muy ya no ni se su sus le les me te nos es son era "
		"fue ser ha han había haber está están este esta estos "
		"estas ese esa eso esos esas también cuando donde porque "
		"si él ella ellos ellas yo tú usted nosotros todo todos "
		"toda todas otro otra" },
	{ "it", "il lo la i gli le un uno una di a da in con su per tra "
		"fra e o ma che chi cui non più si ci vi ne è sono era "
		"erano stato stata essere ha hanno aveva avere del dello "
		"della dei degli delle al allo alla ai agli alle dal dalla "
		"nel nello nella nei negli nelle sul sulla come anche "
		"quando dove perché questo questa questi quello quella "
		"suo sua suoi loro lui lei noi voi io" },
	{ "pt", "o a os as um uma uns umas de do da dos das em no na nos "
		"nas por pelo pela pelos pelas para com sem sobre entre "
		"e ou mas que quem qual não mais muito já se seu sua seus "
		"suas lhe ele ela eles elas nós eu é são era foi ser "
		"está estão estava ter tem têm tinha há como também "
		"quando onde porque este esta isso isto esse essa ao aos" },
	{ "pl", "i w we z ze na do od o u a ale lub albo czy że żeby "
		"jak jako nie tak to ten ta te tego tej tym tych się jest "
		"są był była było były być ma mają może przez przy po pod "
		"nad za dla bez oraz który która które którego których "
		"jego jej ich on ona ono oni my wy ja już także też tylko "
		"bardzo jeszcze gdy kiedy gdzie co" },
	{ "nl", "de het een en of maar want dat die dit deze van in op "
		"aan met voor door over bij uit naar tot om te als dan "
		"niet geen ook nog al wel er hij zij ze het wij we jij je "
		"u ik is zijn was waren wordt worden werd heeft hebben had "
		"kan kunnen moet zal zou hun haar zijn ons wat wie waar "
		"wanneer omdat heel meer" },
};

enum { STOPWORD_MAX = 32 };	/* bytes: the lists' words are shorter */

struct stoplist *stoplist_new(void)
{
	struct stoplist *sl = xcalloc(1, sizeof(*sl));
	size_t l;

	for (l = 0; l < ARRAY_LEN(lists); l++) {
		const char *p = lists[l].words;

		while (*p) {
			size_t n = strcspn(p, " ");
			char folded[STOPWORD_MAX];

			if (n && n <= STOPWORD_MAX) {
				uint64_t h = text_fold_hash(p, n, folded);
				struct stoplist_slot *s = &sl->slot[stoplist_find(sl, h)];

				s->hash = h;
				s->langs |= 1u << l;
			}
			p += n;
			p += strspn(p, " ");
		}
	}
	return sl;
}

void stoplist_free(struct stoplist *sl)
{
	free(sl);
}

size_t stoplist_langs(void)
{
	return ARRAY_LEN(lists);
}

const char *stoplist_lang_name(int lang)
{
	return lang >= 0 && (size_t)lang < ARRAY_LEN(lists) ?
	       lists[lang].lang : "-";
}
