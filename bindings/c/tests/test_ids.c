/* The identifier vectors every language face runs (tests/vectors/ids.json), through
 * bynder_id_convert. No portal needed. */
#include <string.h>

#include "support/helpers.h"

static char *read_all(const char *path) {
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL, "cannot open %s (run from the repository root or set BYNDER_VECTORS)", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    CHECK(text && fread(text, 1, (size_t)size, f) == (size_t)size, "cannot read %s", path);
    text[size] = '\0';
    fclose(f);
    return text;
}

static void expect_form(const char *input, const char *form, const char *expected) {
    char *out = NULL;
    bynder_error *err = NULL;
    bynder_status status = bynder_id_convert(input, form, &out, &err);
    CHECK(status == BYNDER_OK, "%s of \"%s\": %s", form, input, bynder_error_display(err));
    CHECK(strcmp(out, expected) == 0, "%s of \"%s\" is %s, wanted %s", form, input, out,
          expected);
    bynder_string_free(out);
}

int main(void) {
    const char *path = getenv("BYNDER_VECTORS");
    char *text = read_all(path && *path ? path : "tests/vectors/ids.json");
    jvalue *vectors = json_parse(text, NULL);
    CHECK(vectors != NULL, "ids.json parses");
    const jvalue *valid = json_get(vectors, "valid");
    const jvalue *invalid = json_get(vectors, "invalid");
    CHECK(valid && valid->count > 5 && invalid && invalid->count > 5, "vectors present");
    for (size_t i = 0; i < valid->count; i++) {
        const jvalue *v = valid->items[i];
        const char *input = json_str(v, "input");
        expect_form(input, "coldfusion", json_str(v, "coldfusion"));
        expect_form(input, "rfc4122", json_str(v, "rfc4122"));
        expect_form(input, "compact", json_str(v, "compact"));
    }
    for (size_t i = 0; i < invalid->count; i++) {
        const char *input = invalid->items[i]->string;
        if (strstr(input, "\xc0\x80")) continue; /* a NUL inside cannot cross a C string */
        char *out = (char *)1;
        bynder_error *err = NULL;
        CHECK_FAILS(bynder_id_convert(input, "rfc4122", &out, &err), BYNDER_ERR_INVALID_ID, err);
        CHECK(out == NULL, "no output for \"%s\"", input);
        bynder_error_free(err);
    }
    char *out = NULL;
    bynder_error *err = NULL;
    CHECK_FAILS(bynder_id_convert(json_str(json_at(valid, 0), "input"), "braces", &out, &err),
                BYNDER_ERR_INVALID_ARGUMENT, err);
    bynder_error_free(err);
    printf("test_ids: %zu valid and %zu invalid vectors\n", valid->count, invalid->count);
    json_free(vectors);
    free(text);
    TEST_DONE("test_ids");
    return 0;
}
