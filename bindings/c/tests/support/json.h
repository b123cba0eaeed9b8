/* A small JSON reader for the C tests: parses the library's JSON results into a tree, so the
 * tests check real values instead of searching text. Not part of the library. */
#ifndef BYNDER_TEST_JSON_H
#define BYNDER_TEST_JSON_H

#include <stddef.h>

typedef enum { J_NULL, J_BOOL, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT } jtype;

typedef struct jvalue {
    jtype type;
    int boolean;
    double number;
    char *string;          /* J_STRING: UTF-8, NUL-terminated (may hold \u0000 as 0xC0 0x80) */
    size_t count;          /* J_ARRAY / J_OBJECT: number of items */
    struct jvalue **items; /* J_ARRAY / J_OBJECT: the values */
    char **keys;           /* J_OBJECT: the keys */
} jvalue;

/* Parses `text`; NULL on malformed JSON (with the offset in *error_at when given). */
jvalue *json_parse(const char *text, size_t *error_at);
void json_free(jvalue *value);

/* Member `key` of an object, or NULL (also for a non-object or NULL value). */
const jvalue *json_get(const jvalue *object, const char *key);
/* Item `index` of an array, or NULL. */
const jvalue *json_at(const jvalue *array, size_t index);
/* The string of member `key`, or NULL when absent or not a string. */
const char *json_str(const jvalue *object, const char *key);
/* The number of member `key`, or `fallback`. */
double json_num(const jvalue *object, const char *key, double fallback);

#endif
