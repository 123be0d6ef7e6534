# filter: see README.md.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
RULESDIR ?= $(PREFIX)/share/filter/rules

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
PKGS      = libpcre2-8
# Build dependencies are checked (and installed as root) before the
# first pkg-config call; see tools/deps.sh.
DEPS_OK  := $(shell pkg-config --exists $(PKGS) check 2>/dev/null && echo yes)
ifneq ($(DEPS_OK),yes)
DEPS_OK  := $(shell sh tools/deps.sh >&2 && echo yes)
endif
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) \
	$(shell pkg-config --cflags $(PKGS)) \
	-DVERSION='"$(VERSION)"' -DRULESDIR='"$(RULESDIR)"'
LIBS      = $(shell pkg-config --libs $(PKGS))

SRC  = src/buf.c src/classify.c src/decode.c src/doc.c src/entities.c \
       src/headline.c src/jsonl.c src/learn.c src/line.c src/needle.c \
       src/output.c src/reader.c src/rules.c src/skeleton.c src/stopwords.c \
       src/structure.c src/tally.c src/text.c src/url.c src/util.c src/wet.c
OBJ  = $(SRC:.c=.o)
TESTS = $(wildcard tests/check_*.c)
DEPFILES = $(OBJ:.o=.d) filter.d $(TESTS:.c=.d)

all: deps-ok filter

deps-ok:
	@test "$(DEPS_OK)" = yes || { echo "missing build dependencies" >&2; exit 1; }

filter: filter.o $(OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ filter.o $(OBJ) $(LIBS)

%.o: %.c
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

-include $(DEPFILES)

# ---- tests ---------------------------------------------------------------
tests/check_filter: $(TESTS:.c=.o) $(OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(TESTS:.c=.o) $(OBJ) $(LIBS) \
		$$(pkg-config --libs check)

tests/check_%.o: tests/check_%.c
	$(CC) $(ALL_CFLAGS) $$(pkg-config --cflags check) -MMD -MP -c -o $@ $<

check: all tests/check_filter
	./tests/check_filter
	sh tests/golden.sh ./filter
	sh tests/faults.sh ./filter
	sh tests/parallel.sh ./filter
	sh tests/examples.sh ./filter
	mandoc -Tlint -W warning man/filter.1 man/filter-rules.5

# The same tests built with AddressSanitizer and UBSan, in their own tree.
check-asan: deps-ok
	rm -rf build-asan && mkdir -p build-asan
	git ls-files -z | xargs -0 tar cf - | tar xf - -C build-asan
	$(MAKE) -C build-asan check CC=clang \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

# The golden tests under valgrind (memory errors and leaks fail them).
valgrind: all
	sh tests/valgrind.sh ./filter

# Throughput and memory against cat and grep -P; see bench/run.sh.
bench: all
	sh bench/run.sh ./filter

# libFuzzer harnesses, FUZZ_SECONDS each; see tests/fuzz/run.sh.
FUZZ_SECONDS ?= 60
fuzz: deps-ok
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

demo: all
	./filter fixtures/seed-rt.txt

# Scores on the shared corpora (seeds, then dev as text and as w3m
# renderings); skipped when ../shared is not checked out beside us.
SHARED = ../shared
SCORE  = python3 $(SHARED)/eval/score.py --json --jobs 2
eval: all
	@if [ ! -d $(SHARED)/corpus ]; then \
		echo "eval: $(SHARED)/corpus not found; skipped"; exit 0; fi; \
	$(SCORE) $(SHARED)/corpus/seeds -- ./filter --format=json && \
	$(SCORE) $(SHARED)/corpus/dev -- ./filter --format=json && \
	$(SCORE) --variant w3m $(SHARED)/corpus/dev -- ./filter --format=json

# ---- install ---------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(RULESDIR)
	install -m 755 filter $(DESTDIR)$(BINDIR)/filter
	install -m 644 man/filter.1 $(DESTDIR)$(MANDIR)/man1/filter.1
	install -m 644 man/filter-rules.5 $(DESTDIR)$(MANDIR)/man5/filter-rules.5
	install -m 644 rules/*.rules $(DESTDIR)$(RULESDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/filter $(DESTDIR)$(MANDIR)/man1/filter.1 \
		$(DESTDIR)$(MANDIR)/man5/filter-rules.5
	rm -rf $(DESTDIR)$(RULESDIR)

clean:
	rm -f filter filter.o $(OBJ) $(DEPFILES) tests/*.o tests/check_filter
	rm -rf tests/out build-asan fuzz-build

.PHONY: all deps-ok check check-asan valgrind bench fuzz demo eval install \
	uninstall clean
