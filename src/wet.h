/* Common Crawl WET files: WARC/1.0 records whose conversion records
 * hold the text of a page. */
#ifndef FILTER_WET_H
#define FILTER_WET_H

#include <stdbool.h>
#include <stdio.h>

#include "buf.h"

struct wet_reader;

struct wet_record {
	struct buf header;	/* version line to the blank line, as read */
	struct buf body;	/* the content block */
	bool conversion;	/* WARC-Type: conversion */
};

/* Read records from fp (the caller's); name is for messages and must
 * outlive the reader. */
struct wet_reader *wet_reader_new(FILE *fp, const char *name);
void wet_reader_free(struct wet_reader *r);

/* Read the next record into rec (its buffers are reused).  Returns 1, 0
 * at the end, -1 on a read error.  A record that is truncated, lacks a
 * Content-Length or whose Content-Length disagrees with where the next
 * record starts is read as well as can be, with a warning counted in
 * *warnings; no byte of input is skipped. */
int wet_next(struct wet_reader *r, struct wet_record *rec,
	     size_t *warnings);

/* The value of header field name (case-insensitive) of rec, borrowed
 * from rec, trimmed, with its length in *len; NULL if absent. */
const char *wet_field(const struct wet_record *rec, const char *name,
		      size_t *len);

/* Append rec to out as a record whose body is body[0..len): the header
 * as read, with Content-Length set to len, then the body and the CRLF
 * CRLF that ends a record. */
void wet_write(struct buf *out, const struct wet_record *rec,
	       const char *body, size_t len);

void wet_record_free(struct wet_record *rec);

#endif
