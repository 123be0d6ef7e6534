#!/bin/sh
# Does learning help?  Scores the filter with and without rules learned
# by --learn, on two corpora built from ../shared/corpus/dev:
#   dev-by-host  the dev pages, learned from as JSON lines with their url;
#   synthetic    every dev page wrapped in one site's navigation, cookie
#                notice and footer (from fixtures/learn-site.txt) and in a
#                tagline, a counter and an appeal that read like prose;
#                these lines are added to the gold 'without' snippets.
# Usage: tools/learn-eval.sh [OUTDIR]   (default bench/out/learn)
set -eu

dev=../shared/corpus/dev
score=../shared/eval/score.py
out=${1:-bench/out/learn}
if [ ! -d "$dev" ] || [ ! -f "$score" ]; then
	echo "learn-eval: ../shared is absent; nothing to measure"
	exit 0
fi
mkdir -p "$out/synthetic"

python3 - "$dev" "$out" <<'PY'
import glob, json, os, sys
dev, out = sys.argv[1], sys.argv[2]
site = open("fixtures/learn-site.txt", encoding="utf-8").read().split("\f")[0]
lines = site.split("\n")
cut = lines.index("La pluie revient sur les côtes de l'Ouest")
head = lines[:cut]
tail = [l for l in lines[cut:] if l in ("Mentions légales", "Plan du site")
        or l.startswith("©")]
# Site debris that reads like prose, as real sites have: a tagline above
# the article, a counter with a changing figure, an appeal below it.
head += ["Le Quotidien d'Exemple publie chaque jour des reportages sur la vie "
         "de la région, ses habitants et ses entreprises."]
tail = ["{n} lectures", "Notre rédaction travaille sans publicité : votre "
        "abonnement nous permet de continuer à enquêter sur les sujets qui "
        "comptent pour vous."] + tail
debris = [l.replace("{n} ", "") for l in head + tail if l.strip()]
with open(os.path.join(out, "dev.jsonl"), "w", encoding="utf-8") as dj, \
     open(os.path.join(out, "synthetic.txt"), "w", encoding="utf-8") as sd:
    first = True
    for g in sorted(glob.glob(os.path.join(dev, "*.gold.json"))):
        gold = json.load(open(g, encoding="utf-8"))
        text = open(g[:-len(".gold.json")] + ".txt", encoding="utf-8").read()
        dj.write(json.dumps({"url": gold.get("url") or "", "text": text},
                            ensure_ascii=False) + "\n")
        foot = "\n".join(tail).replace("{n}", str(len(text) % 9973))
        page = "\n".join(head) + "\n" + text + "\n" + foot + "\n"
        base = os.path.join(out, "synthetic", gold["id"])
        open(base + ".txt", "w", encoding="utf-8").write(page)
        gold["url"] = "https://www.quotidien.example/" + gold["id"]
        gold["without"] = (gold.get("without") or []) + debris
        json.dump(gold, open(base + ".gold.json", "w", encoding="utf-8"),
                  ensure_ascii=False)
        sd.write(("" if first else "\f") + page)
        first = False
PY

./filter --no-default-rules --jsonl --learn="$out/dev.rules" < "$out/dev.jsonl"
./filter --no-default-rules --learn="$out/synthetic.rules" \
	--url=https://www.quotidien.example/ < "$out/synthetic.txt"

run() {	# corpus, label, extra filter options
	echo "== $2"
	python3 "$score" --json --jobs 2 "$1" -- \
		sh -c "./filter --format=json --url=\"\$PAGE_URL\" $3" | sed -n '2,5p'
}
run "$dev" "dev, default rules" ""
run "$dev" "dev, default + learned ($(grep -c '^[a-z]' "$out/dev.rules") rules)" \
	"-a $out/dev.rules"
run "$out/synthetic" "synthetic, default rules" ""
run "$out/synthetic" "synthetic, default + learned ($(grep -c '^[a-z]' "$out/synthetic.rules") rules)" \
	"-a $out/synthetic.rules"
