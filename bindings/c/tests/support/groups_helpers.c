/* Helpers of the group tests (groups.h). */
#include <string.h>

#include "groups.h"

void to_rfc4122(const char *id, char *out, size_t size) {
    char *converted = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_id_convert(id, "rfc4122", &converted, &err), err);
    snprintf(out, size, "%s", converted);
    bynder_string_free(converted);
}

void call_fails(const bynder_client *client, const char *operation, const char *params_json,
                bynder_status expected, char *message, size_t size) {
    char *out = NULL;
    bynder_error *err = NULL;
    CHECK_FAILS(bynder_call(client, operation, params_json, &out, &err), expected, err);
    CHECK(out == NULL, "%s failed but answered %s", operation, out);
    const char *named = bynder_error_operation(err);
    CHECK(named && strcmp(named, operation) == 0, "the error names %s", named ? named : "none");
    if (message) snprintf(message, size, "%s", bynder_error_message(err));
    bynder_error_free(err);
}

long find_by(const jvalue *list, const char *key, const char *value) {
    for (size_t i = 0; list && list->type == J_ARRAY && i < list->count; i++) {
        const char *text = json_str(list->items[i], key);
        if (text && strcmp(text, value) == 0) return (long)i;
    }
    return -1;
}

void fresh_asset(const bynder_client *client, const mock_portal *mock, const char *name,
                 char *out, size_t size) {
    char brand[64], path[600];
    first_id(client, "brands.list", NULL, brand, sizeof brand);
    mock_path(mock, name, path, sizeof path);
    write_random_file(path, 4096, 8);
    bynder_upload_options options = {0};
    options.brand_id = brand;
    options.name = name;
    char *outcome = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_upload(client, path, &options, &outcome, &err), err);
    jvalue *saved = json_parse(outcome, NULL);
    bynder_string_free(outcome);
    CHECK(json_str(saved, "media_id") != NULL, "the upload answered a media_id");
    snprintf(out, size, "%s", json_str(saved, "media_id"));
    json_free(saved);
}
