/* Helpers shared by the suites (no suite of its own): capturing standard
 * error, scratch files, and one-letter views of a page's lines. */
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check_suites.h"

void capture_start(struct capture *c)
{
	fflush(stderr);
	c->tmp = tmpfile();
	ck_assert_ptr_nonnull(c->tmp);
	c->saved_fd = dup(STDERR_FILENO);
	ck_assert_int_ge(c->saved_fd, 0);
	ck_assert_int_ge(dup2(fileno(c->tmp), STDERR_FILENO), 0);
}

char *capture_end(struct capture *c)
{
	long size;
	char *text;

	fflush(stderr);
	ck_assert_int_ge(dup2(c->saved_fd, STDERR_FILENO), 0);
	close(c->saved_fd);
	ck_assert_int_eq(fseek(c->tmp, 0, SEEK_END), 0);
	size = ftell(c->tmp);
	ck_assert_int_ge(size, 0);
	rewind(c->tmp);
	text = malloc((size_t)size + 1);
	ck_assert_ptr_nonnull(text);
	ck_assert_uint_eq(fread(text, 1, (size_t)size, c->tmp), (size_t)size);
	text[size] = '\0';
	fclose(c->tmp);
	return text;
}

char *tmpdir_new(void)
{
	const char *base = getenv("TMPDIR");
	char *dir;
	size_t len;

	if (!base || !*base)
		base = "/tmp";
	len = strlen(base) + sizeof("/filter-check-XXXXXX");
	dir = malloc(len);
	ck_assert_ptr_nonnull(dir);
	snprintf(dir, len, "%s/filter-check-XXXXXX", base);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	return dir;
}

static int remove_one(const char *path, const struct stat *st, int flag,
		      struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void tmpdir_remove(const char *dir)
{
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *write_file(const char *dir, const char *name, const void *data,
		 size_t len)
{
	size_t plen = strlen(dir) + strlen(name) + 2;
	char *path = malloc(plen), *slash;
	FILE *fp;

	ck_assert_ptr_nonnull(path);
	snprintf(path, plen, "%s/%s", dir, name);
	slash = strrchr(path, '/');
	if (slash > path + strlen(dir)) {
		*slash = '\0';
		if (mkdir(path, 0700) != 0)
			ck_assert_int_eq(errno, EEXIST);
		*slash = '/';
	}
	fp = fopen(path, "wb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
	ck_assert_int_eq(fclose(fp), 0);
	return path;
}

char *write_text(const char *dir, const char *name, const char *text)
{
	return write_file(dir, name, text, strlen(text));
}

static char letters[4096];

const char *verdicts(const struct doc *d)
{
	size_t i;

	ck_assert_uint_lt(d->nlines, sizeof(letters));
	for (i = 0; i < d->nlines; i++) {
		const struct line *l = &d->lines[i];

		letters[i] = line_blank(l) && l->verdict == VERDICT_NONE ? '-' :
			     l->verdict == VERDICT_DROP ? 'D' :
			     l->verdict == VERDICT_KEEP ? 'K' : '.';
	}
	letters[i] = '\0';
	return letters;
}

const char *roles(const struct doc *d)
{
	static const char code[] = {
		[ROLE_DROP] = 'x', [ROLE_HEADLINE] = 'H',
		[ROLE_LEDE] = 'L', [ROLE_BODY] = 'B',
	};
	size_t i;

	ck_assert_uint_lt(d->nlines, sizeof(letters));
	for (i = 0; i < d->nlines; i++) {
		const struct line *l = &d->lines[i];

		letters[i] = line_blank(l) ? '-' : code[l->role];
	}
	letters[i] = '\0';
	return letters;
}

double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
