/* A real call for every resource group of the operation table (read from
 * bynder_operations_json, so a new group without a test here fails this program). The groups
 * added with workflow, the Brandstore, analytics and the asset services live in
 * support/groups_*.c. */
#include <stdint.h>
#include <string.h>

#include "support/groups.h"
#include "support/helpers.h"

static char media_id[64], media_id_rfc[64];

static int list_has_string(const jvalue *list, const char *text) {
    for (size_t i = 0; list && list->type == J_ARRAY && i < list->count; i++)
        if (list->items[i]->type == J_STRING && strcmp(list->items[i]->string, text) == 0)
            return 1;
    return 0;
}

static void group_oauth(const bynder_client *client) {
    jvalue *scopes = call_json(client, "oauth.scopes", NULL);
    CHECK(scopes->type == J_ARRAY || scopes->type == J_OBJECT, "oauth.scopes shape");
    json_free(scopes);
}

static void group_media(const bynder_client *client) {
    char params[256];
    /* Ids go in either form: the RFC 4122 one is converted for /api/v4. */
    snprintf(params, sizeof params, "{\"id\": \"%s\", \"description\": \"edited from C\"}",
             media_id_rfc);
    json_free(call_json(client, "media.modify", params));
    snprintf(params, sizeof params, "{\"id\": \"%s\", \"versions\": true}", media_id_rfc);
    jvalue *asset = call_json(client, "media.get", params);
    CHECK(strcmp(json_str(asset, "id"), media_id) == 0, "media.get answered %s",
          json_str(asset, "id"));
    CHECK(strcmp(json_str(asset, "description"), "edited from C") == 0, "description %s",
          json_str(asset, "description"));
    json_free(asset);
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", media_id);
    jvalue *location = call_json(client, "media.download_location", params);
    CHECK(json_str(location, "s3_file") != NULL, "download location has s3_file");
    json_free(location);
}

static void group_brands(const bynder_client *client) {
    jvalue *brands = call_json(client, "brands.list", NULL);
    CHECK(brands->type == J_ARRAY && brands->count == 3, "3 seeded brands, got %zu",
          brands->count);
    CHECK(json_get(json_at(brands, 0), "subBrands") != NULL, "brands have subBrands");
    json_free(brands);
}

static void group_tags(const bynder_client *client) {
    jvalue *tags = call_json(client, "tags.list", "{\"limit\": 5}");
    CHECK(tags->type == J_ARRAY && tags->count == 5, "tags.list limit 5: %zu", tags->count);
    const char *tag_id = json_str(json_at(tags, 0), "id");
    const char *tag = json_str(json_at(tags, 0), "tag");
    char params[256];
    snprintf(params, sizeof params, "{\"id\": \"%s\", \"data\": [\"%s\"]}", tag_id, media_id);
    json_free(call_json(client, "tags.add_media", params));
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", media_id);
    jvalue *asset = call_json(client, "media.get", params);
    CHECK(list_has_string(json_get(asset, "tags"), tag), "tag %s added", tag);
    json_free(asset);
    snprintf(params, sizeof params, "{\"id\": \"%s\", \"delete_ids\": [\"%s\"]}", tag_id,
             media_id);
    json_free(call_json(client, "tags.remove_media", params));
    json_free(tags);
}

static void group_collections(const bynder_client *client) {
    json_free(call_json(client, "collections.create", "{\"name\": \"Made in C\"}"));
    jvalue *page = call_json(client, "collections.list", "{\"count\": true, \"limit\": 100}");
    const jvalue *list = json_get(page, "collections");
    char id[64] = "";
    for (size_t i = 0; list && i < list->count; i++)
        if (strcmp(json_str(list->items[i], "name"), "Made in C") == 0)
            snprintf(id, sizeof id, "%s", json_str(list->items[i], "id"));
    json_free(page);
    CHECK(id[0], "the created collection is listed");
    char params[256];
    snprintf(params, sizeof params, "{\"id\": \"%s\", \"data\": [\"%s\"]}", id, media_id);
    json_free(call_json(client, "collections.media_add", params));
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", id);
    jvalue *members = call_json(client, "collections.media_list", params);
    CHECK(list_has_string(members, media_id), "the asset is in the collection");
    json_free(members);
    jvalue *one = call_json(client, "collections.get", params);
    CHECK(strcmp(json_str(one, "name"), "Made in C") == 0, "collections.get");
    json_free(one);
    json_free(call_json(client, "collections.delete", params));
    char *out = NULL;
    bynder_error *err = NULL;
    CHECK_FAILS(bynder_call(client, "collections.get", params, &out, &err), BYNDER_ERR_NOT_FOUND,
                err);
    bynder_error_free(err);
}

static void group_metaproperties(const bynder_client *client) {
    char id[64];
    first_id(client, "metaproperties.list", NULL, id, sizeof id);
    char params[128];
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", id);
    jvalue *one = call_json(client, "metaproperties.get", params);
    CHECK(strcmp(json_str(one, "id"), id) == 0, "metaproperties.get");
    json_free(one);
    jvalue *options = call_json(client, "metaproperties.options", params);
    CHECK(options->type == J_ARRAY && options->count > 0, "metaproperties.options");
    json_free(options);
}

static void group_upload(const bynder_client *client) {
    jvalue *prepared = call_json(client, "upload.prepare", NULL);
    CHECK(json_str(prepared, "file_id") != NULL, "upload.prepare answers a file_id");
    json_free(prepared);
}

static void group_smartfilters(const bynder_client *client) {
    jvalue *filters = call_json(client, "smartfilters.list", NULL);
    CHECK(filters->type == J_ARRAY && filters->count > 0, "smart filters are seeded");
    json_free(filters);
}

static void group_account(const bynder_client *client) {
    jvalue *account = call_json(client, "account.get", NULL);
    CHECK(json_str(account, "name") != NULL, "account.get has a name");
    json_free(account);
    json_free(call_json(client, "account.derivatives", NULL));
}

static void group_users(const bynder_client *client) {
    jvalue *me = call_json(client, "users.current", NULL);
    CHECK(json_str(me, "username") != NULL, "users.current has a username");
    json_free(me);
}

/* The mock's first seeded integration (docs/mock.md). */
#define INTEGRATION "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

static void group_usage(const bynder_client *client) {
    char params[512];
    snprintf(params, sizeof params,
             "{\"integration_id\": \"" INTEGRATION "\", \"asset_id\": \"%s\", \"uri\": \"/from-c\"}",
             media_id);
    jvalue *created = call_json(client, "usage.create", params);
    CHECK(strcmp(json_str(created, "asset_id"), media_id_rfc) == 0, "usage.create asset %s",
          json_str(created, "asset_id"));
    json_free(created);
    snprintf(params, sizeof params, "{\"asset_id\": \"%s\"}", media_id_rfc);
    jvalue *listed = call_json(client, "usage.list", params);
    CHECK(listed->type == J_ARRAY && listed->count == 1, "usage.list: %zu", listed->count);
    json_free(listed);
    snprintf(params, sizeof params,
             "{\"integration_id\": \"" INTEGRATION "\", \"asset_id\": \"%s\", \"uri\": \"/from-c\"}",
             media_id);
    json_free(call_json(client, "usage.delete", params));
    snprintf(params, sizeof params, "{\"asset_id\": \"%s\"}", media_id_rfc);
    listed = call_json(client, "usage.list", params);
    CHECK(listed->type == J_ARRAY && listed->count == 0, "usage deleted: %zu", listed->count);
    json_free(listed);
}

static void group_webhooks(const bynder_client *client) {
    /* A ColdFusion id: the client converts it to the RFC 4122 form /v7 needs. */
    const char *id = "4B1D5E2A-7C3F-4E8A-9D0B1C2D3E4F5A6B";
    char params[512];
    snprintf(params, sizeof params,
             "{\"id\": \"%s\", \"name\": \"from C\", \"endpoint\": \"https://hooks.example.com/c\"}",
             id);
    jvalue *created = call_json(client, "webhooks.create", params);
    CHECK(strcmp(json_str(created, "id"), "4b1d5e2a-7c3f-4e8a-9d0b-1c2d3e4f5a6b") == 0,
          "webhooks.create id %s", json_str(created, "id"));
    json_free(created);
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", id);
    jvalue *read = call_json(client, "webhooks.get", params);
    CHECK(strcmp(json_str(read, "name"), "from C") == 0, "webhooks.get name %s",
          json_str(read, "name"));
    json_free(read);
    json_free(call_json(client, "webhooks.delete", params));
}

static void group_presets(const bynder_client *client) {
    char id[64];
    first_id(client, "presets.list", NULL, id, sizeof id);
    char params[128];
    snprintf(params, sizeof params, "{\"preset_id\": \"%s\"}", id);
    jvalue *one = call_json(client, "presets.get", params);
    CHECK(strcmp(json_str(one, "id"), id) == 0, "presets.get id %s", json_str(one, "id"));
    CHECK(json_str(one, "prefix") != NULL, "presets.get has a prefix");
    json_free(one);
}

static void group_quarantine(const bynder_client *client) {
    jvalue *list = call_json(client, "quarantine.list", NULL);
    const jvalue *assets = json_get(list, "assets");
    CHECK(assets && assets->type == J_ARRAY && assets->count > 0, "quarantine.list assets");
    char params[256];
    snprintf(params, sizeof params,
             "{\"asset_id\": \"%s\", \"data\": {\"review_status\": \"APPROVED\"}}",
             json_str(json_at(assets, 0), "id"));
    json_free(list);
    jvalue *reviewed = call_json(client, "quarantine.review", params);
    CHECK(strcmp(json_str(reviewed, "reviewStatus"), "APPROVED") == 0, "quarantine.review %s",
          json_str(reviewed, "reviewStatus"));
    json_free(reviewed);
}

static void group_profiles(const bynder_client *client) {
    char id[64];
    first_id(client, "profiles.list", NULL, id, sizeof id);
    char params[128];
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", id);
    jvalue *one = call_json(client, "profiles.get", params);
    CHECK(strcmp(json_str(one, "id"), id) == 0, "profiles.get");
    json_free(one);
}

static unsigned be32(const uint8_t *at) {
    return (unsigned)at[0] << 24 | (unsigned)at[1] << 16 | (unsigned)at[2] << 8 | at[3];
}

/* An image through bynder_call_bytes: the PNG's signature and its IHDR size. */
static void png_size(const bynder_client *client, const char *params, unsigned *w, unsigned *h) {
    uint8_t *png = NULL;
    size_t len = 0;
    bynder_error *err = NULL;
    CHECK_OK(bynder_call_bytes(client, "transformations.get", params, &png, &len, &err), err);
    CHECK(png && len > 33, "a PNG of %zu bytes", len);
    CHECK(memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0, "PNG signature");
    CHECK(memcmp(png + 12, "IHDR", 4) == 0, "IHDR first");
    *w = be32(png + 16);
    *h = be32(png + 20);
    bynder_bytes_free(png, len);
}

static void group_transformations(const bynder_client *client) {
    char image[64], params[512];
    first_id(client, "media.list", "{\"type\": \"image\", \"limit\": 1}", image, sizeof image);
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", image);
    jvalue *asset = call_json(client, "media.get", params);
    const char *base = json_str(asset, "transformBaseUrl");
    CHECK(base != NULL, "media.get has transformBaseUrl");
    /* The base URL ends in /{id}/{name}. */
    const char *name = strrchr(base, '/');
    CHECK(name && name > base, "transformBaseUrl %s", base);
    const char *id = name - 1;
    while (id > base && *id != '/') id--;
    snprintf(params, sizeof params,
             "{\"id\": \"%.*s\", \"name\": \"%s\", \"io\": \"transform:fill,width:120,height:80\"}",
             (int)(name - id - 1), id + 1, name + 1);
    json_free(asset);
    unsigned w = 0, h = 0;
    png_size(client, params, &w, &h);
    CHECK(w == 120 && h == 80, "fill 120x80, got %ux%u", w, h);
    /* A list of io applies in order: fill, then a quarter turn. */
    char *end = strstr(params, "\"transform:fill");
    CHECK(end != NULL, "params");
    snprintf(end, sizeof params - (size_t)(end - params),
             "[\"transform:fill,width:120,height:80\", \"transform:rotate,angle:90\"]}");
    png_size(client, params, &w, &h);
    CHECK(w == 80 && h == 120, "turned 80x120, got %ux%u", w, h);

    /* Bad input is an error with nothing to free. */
    uint8_t *none = (uint8_t *)1;
    size_t len = 99;
    bynder_error *err = NULL;
    bynder_status status = bynder_call_bytes(
        client, "transformations.get", "{\"id\": \"x\", \"name\": \"y\", \"io\": \"transform:explode\"}",
        &none, &len, &err);
    CHECK(status != BYNDER_OK && none == NULL && len == 0 && err != NULL, "unknown asset fails");
    bynder_error_free(err);
}

/* A group's test takes the client, or (`with_mock`) also the mock, for a second client or
 * the mock's request counters. */
static const struct {
    const char *group;
    void (*run)(const bynder_client *);
    void (*with_mock)(const bynder_client *, const mock_portal *);
} GROUPS[] = {
    {"oauth", group_oauth, NULL},
    {"media", group_media, NULL},
    {"brands", group_brands, NULL},
    {"tags", group_tags, NULL},
    {"collections", group_collections, NULL},
    {"metaproperties", group_metaproperties, NULL},
    {"upload", group_upload, NULL},
    {"smartfilters", group_smartfilters, NULL},
    {"account", group_account, NULL},
    {"users", group_users, NULL},
    {"profiles", group_profiles, NULL},
    {"usage", group_usage, NULL},
    {"webhooks", group_webhooks, NULL},
    {"presets", group_presets, NULL},
    {"quarantine", group_quarantine, NULL},
    {"transformations", group_transformations, NULL},
    {"campaigns", group_campaigns, NULL},
    {"jobs", group_jobs, NULL},
    {"job_presets", group_job_presets, NULL},
    {"workflow_users", group_workflow_users, NULL},
    {"workflow_groups", group_workflow_groups, NULL},
    {"workflow_metaproperties", group_workflow_metaproperties, NULL},
    {"dependencies", group_dependencies, NULL},
    {"taxonomy", group_taxonomy, NULL},
    {"pim", group_pim, NULL},
    {"content_access", group_content_access, NULL},
    {"user_groups", group_user_groups, NULL},
    {"orders", group_orders, NULL},
    {"orderlines", group_orderlines, NULL},
    {"automation_rules", group_automation_rules, NULL},
    {"streaming", group_streaming, NULL},
    {"analytics", NULL, group_analytics},
    {"similar_assets", NULL, group_similar_assets},
    {"documents", NULL, group_documents},
};

int main(void) {
    mock_portal mock;
    mock_start(&mock, NULL);
    bynder_client *client = client_with_token(&mock, NULL);
    first_id(client, "media.list", "{\"limit\": 1}", media_id, sizeof media_id);
    char *rfc = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_id_convert(media_id, "rfc4122", &rfc, &err), err);
    snprintf(media_id_rfc, sizeof media_id_rfc, "%s", rfc);
    bynder_string_free(rfc);

    char *catalog_text = NULL;
    CHECK_OK(bynder_operations_json(&catalog_text, &err), err);
    jvalue *catalog = json_parse(catalog_text, NULL);
    CHECK(catalog && catalog->type == J_ARRAY && catalog->count > 30, "catalog of %zu entries",
          catalog ? catalog->count : 0);
    const char *done[64], *missing[64];
    size_t groups = 0, called = 0, missing_count = 0;
    for (size_t i = 0; i < catalog->count; i++) {
        const char *group = json_str(catalog->items[i], "group");
        CHECK(group && json_str(catalog->items[i], "method"), "entry %zu is described", i);
        int seen = 0;
        for (size_t g = 0; g < groups; g++) seen |= strcmp(done[g], group) == 0;
        if (seen) continue;
        size_t t = 0;
        while (t < sizeof GROUPS / sizeof GROUPS[0] && strcmp(GROUPS[t].group, group) != 0) t++;
        done[groups++] = group;
        CHECK(groups < 64, "too many groups");
        /* Run every group that has a test, then name the ones without. */
        if (t == sizeof GROUPS / sizeof GROUPS[0]) {
            missing[missing_count++] = group;
            continue;
        }
        if (GROUPS[t].run)
            GROUPS[t].run(client);
        else
            GROUPS[t].with_mock(client, &mock);
        called++;
    }
    printf("test_groups: %zu groups called\n", called);
    for (size_t m = 0; m < missing_count; m++)
        fprintf(stderr, "operation group %s has no C test: add one to test_groups.c\n", missing[m]);
    CHECK(missing_count == 0, "%zu operation groups without a C test", missing_count);
    json_free(catalog);
    bynder_string_free(catalog_text);
    bynder_client_free(client);
    mock_stop(&mock);
    TEST_DONE("test_groups");
    return 0;
}
