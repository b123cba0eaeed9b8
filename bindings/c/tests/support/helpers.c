#define _GNU_SOURCE
#include "helpers.h"

#include <string.h>
#include <time.h>

int checks_passed = 0;

bynder_client *client_with_token(const mock_portal *mock, const char *options_json) {
    bynder_config config = {0};
    config.portal = mock->http_url;
    config.permanent_token = mock->token;
    config.options_json = options_json;
    bynder_client *client = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_client_new(&config, &client, &err), err);
    CHECK(client != NULL, "no client");
    return client;
}

bynder_client *client_with_credentials(const mock_portal *mock, const char *scopes,
                                       const char *options_json, bynder_token_fn on_token,
                                       void *ctx) {
    bynder_config config = {0};
    config.portal = mock->http_url;
    config.client_id = mock->client_id;
    config.client_secret = mock->client_secret;
    config.scopes = scopes;
    config.options_json = options_json;
    config.on_token = on_token;
    config.on_token_ctx = ctx;
    bynder_client *client = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_client_new(&config, &client, &err), err);
    return client;
}

jvalue *call_json(const bynder_client *client, const char *operation, const char *params_json) {
    char *out = NULL;
    bynder_error *err = NULL;
    bynder_status status = bynder_call(client, operation, params_json, &out, &err);
    if (status != BYNDER_OK) {
        fprintf(stderr, "bynder_call(%s, %s) failed: %s\n", operation,
                params_json ? params_json : "NULL", bynder_error_display(err));
        exit(1);
    }
    CHECK(out != NULL, "%s answered no JSON", operation);
    size_t at = 0;
    jvalue *value = json_parse(out, &at);
    CHECK(value != NULL, "%s answered malformed JSON at %zu: %s", operation, at, out);
    bynder_string_free(out);
    return value;
}

void first_id(const bynder_client *client, const char *operation, const char *params_json,
              char *out, size_t size) {
    jvalue *body = call_json(client, operation, params_json);
    const jvalue *list = body;
    if (body->type == J_OBJECT) {
        /* `{"media": [...]}` shapes, or an object keyed by name (metaproperties). */
        const jvalue *inner = json_get(body, "media");
        if (!inner) inner = json_get(body, "collections");
        list = inner ? inner : body;
    }
    const jvalue *item = list->type == J_ARRAY ? json_at(list, 0)
                         : list->count      ? list->items[0]
                                            : NULL;
    const char *id = json_str(item, "id");
    CHECK(id != NULL, "%s: the first item has no string id", operation);
    snprintf(out, size, "%s", id);
    json_free(body);
}

double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

void write_random_file(const char *path, size_t size, unsigned seed) {
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL, "cannot create %s", path);
    unsigned char block[65536];
    size_t written = 0;
    while (written < size) {
        for (size_t i = 0; i < sizeof block; i++) {
            seed = seed * 1103515245u + 12345u;
            block[i] = (unsigned char)(seed >> 16);
        }
        size_t n = size - written < sizeof block ? size - written : sizeof block;
        CHECK(fwrite(block, 1, n, f) == n, "short write to %s", path);
        written += n;
    }
    CHECK(fclose(f) == 0, "cannot close %s", path);
}
