/* json: writing one JSON document to a FILE, for the listing commands' --json output: objects and arrays
 * nested to JSON_MAX_DEPTH, strings escaped as export.h's are (invalid UTF-8 as U+FFFD; characters a YAML
 * reader would change escaped), numbers that read back as the same double, and null for NULL text or a
 * number that is not finite. The writer puts the commas; the caller names each member of an object (key)
 * and passes NULL as the key inside an array. */
#ifndef REBOUND_JSON_H
#define REBOUND_JSON_H

#include <stdio.h>

#define JSON_MAX_DEPTH 16

struct json {
	FILE *out;
	int depth;
	int count[JSON_MAX_DEPTH];	/* members written at each level, for the commas */
};

/* Starts a document whose top is an object with "command": command and "version": version. */
void json_begin(struct json *j, FILE *out, const char *command, int version);
/* Ends the top object, with a newline. */
void json_end(struct json *j);

void json_object(struct json *j, const char *key);
void json_object_end(struct json *j);
void json_array(struct json *j, const char *key);
void json_array_end(struct json *j);
void json_string(struct json *j, const char *key, const char *value);
void json_int(struct json *j, const char *key, long long value);
void json_double(struct json *j, const char *key, double value);
void json_bool(struct json *j, const char *key, int value);

#endif
