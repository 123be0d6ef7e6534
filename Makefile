# filter: see README.md.  Plain make; GNU make features kept to a few.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
RULESDIR ?= $(PREFIX)/share/filter/rules

CC       ?= cc
PKGS      = libpcre2-8
CFLAGS   ?= -O2 -g
WARN      = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) \
	$(shell pkg-config --cflags $(PKGS)) \
	-DVERSION='"$(VERSION)"' -DRULESDIR='"$(RULESDIR)"'
LIBS      = $(shell pkg-config --libs $(PKGS))

SRC  = src/buf.c src/classify.c src/decode.c src/doc.c src/output.c \
       src/reader.c src/rules.c src/stopwords.c src/structure.c \
       src/text.c src/util.c
OBJ  = $(SRC:.c=.o)
DEPS = $(OBJ:.o=.d) filter.d

all: filter

filter: filter.o $(OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ filter.o $(OBJ) $(LIBS)

%.o: %.c
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

-include $(DEPS)

clean:
	rm -f filter filter.o $(OBJ) $(DEPS)

.PHONY: all clean
