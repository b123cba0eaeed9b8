/*
 * list_and_upload: lists every asset of a Bynder portal page by page, then uploads a file as a
 * new asset with a progress bar, and reads the saved asset back.
 *
 *   BYNDER_PORTAL=https://acme.bynder.com BYNDER_TOKEN=... ./list_and_upload photo.jpg
 *
 * Environment: BYNDER_PORTAL (required); BYNDER_TOKEN (a permanent token), or
 * BYNDER_CLIENT_ID + BYNDER_CLIENT_SECRET (OAuth2 client credentials); BYNDER_CA_CERT, a PEM
 * file to trust (for bynder-mock's HTTPS). Without a file argument it only lists.
 *
 * Build (see docs/c.md):  cc list_and_upload.c $(pkg-config --cflags --libs bynder)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bynder.h"

/* Prints the error, frees it, and answers the exit code. */
static int fail(const char *what, bynder_status status, bynder_error *err) {
    fprintf(stderr, "%s failed (%s): %s\n", what, bynder_status_name(status),
            err ? bynder_error_display(err) : "");
    bynder_error_free(err);
    return 1;
}

/* Counts the objects in a page's `items` array by scanning brackets (strings skipped): enough
 * for an example; real code hands the JSON to its JSON library. */
static int count_items(const char *page_json) {
    const char *p = strstr(page_json, "\"items\":[");
    int count = 0, depth = 0, in_string = 0;
    for (p = p ? p + 8 : ""; *p; p++) {
        if (in_string) {
            if (*p == '\\' && p[1]) p++;
            else if (*p == '"') in_string = 0;
        } else if (*p == '"') {
            in_string = 1;
        } else if (*p == '[' || *p == '{') {
            if (*p == '{' && depth == 1) count++;
            depth++;
        } else if (*p == ']' || *p == '}') {
            if (--depth == 0) break;
        }
    }
    return count;
}

static void progress(const bynder_progress *p, void *ctx) {
    (void)ctx;
    if (p->kind == BYNDER_PROGRESS_CHUNK_SENT && p->total_bytes > 0) {
        int percent = (int)(100.0 * (double)p->done_bytes / (double)p->total_bytes);
        fprintf(stderr, "\r  uploading: %3d%% (%llu of %llu bytes)", percent,
                (unsigned long long)p->done_bytes, (unsigned long long)p->total_bytes);
    } else if (p->kind == BYNDER_PROGRESS_SAVED) {
        fprintf(stderr, "\n  saved\n");
    }
}

/* The value of the first `"key":"..."` in `json`, copied into `out`. */
static int find_string(const char *json, const char *key, char *out, size_t size) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    const char *start = strstr(json, pattern);
    if (!start) return 0;
    start += strlen(pattern);
    size_t len = strcspn(start, "\"");
    if (len >= size) return 0;
    memcpy(out, start, len);
    out[len] = '\0';
    return 1;
}

int main(int argc, char **argv) {
    bynder_config config = {0};
    config.portal = getenv("BYNDER_PORTAL");
    config.permanent_token = getenv("BYNDER_TOKEN");
    config.client_id = getenv("BYNDER_CLIENT_ID");
    config.client_secret = getenv("BYNDER_CLIENT_SECRET");
    config.ca_cert_path = getenv("BYNDER_CA_CERT");
    if (config.client_id) config.scopes = "asset:read asset:write";
    if (!config.portal) {
        fprintf(stderr, "set BYNDER_PORTAL (and BYNDER_TOKEN or the client credentials)\n");
        return 2;
    }

    bynder_client *client = NULL;
    bynder_error *err = NULL;
    bynder_status status = bynder_client_new(&config, &client, &err);
    if (status != BYNDER_OK) return fail("bynder_client_new", status, err);
    printf("libbynder %s, portal %s\n", bynder_version(), config.portal);

    /* Every asset, 100 per page; the library fetches the next page while we print this one. */
    bynder_pages *pages = NULL;
    status = bynder_pages_new(client, "media.list", "{\"limit\": 100}", &pages, &err);
    if (status != BYNDER_OK) return fail("bynder_pages_new", status, err);
    int total = 0, page_count = 0;
    for (;;) {
        char *page = NULL;
        status = bynder_pages_next(pages, &page, &err);
        if (status != BYNDER_OK) return fail("bynder_pages_next", status, err);
        if (!page) break;
        int items = count_items(page);
        total += items;
        page_count++;
        printf("  page %d: %d assets\n", page_count, items);
        bynder_string_free(page);
    }
    bynder_pages_free(pages);
    printf("listed %d assets in %d pages\n", total, page_count);

    if (argc > 1) {
        /* A new asset needs a brand: take the portal's first. */
        char *brands = NULL;
        status = bynder_call(client, "brands.list", NULL, &brands, &err);
        if (status != BYNDER_OK) return fail("brands.list", status, err);
        char brand[64];
        int found = find_string(brands, "id", brand, sizeof brand);
        bynder_string_free(brands);
        if (!found) {
            fprintf(stderr, "the portal has no brand\n");
            return 1;
        }

        bynder_upload_options options = {0};
        options.brand_id = brand;
        options.tags = "uploaded-from-c";
        options.on_progress = progress;
        char *outcome = NULL;
        status = bynder_upload(client, argv[1], &options, &outcome, &err);
        if (status != BYNDER_OK) return fail("bynder_upload", status, err);
        char media_id[64] = "";
        find_string(outcome, "media_id", media_id, sizeof media_id);
        bynder_string_free(outcome);

        char params[128], *asset = NULL;
        snprintf(params, sizeof params, "{\"id\": \"%s\"}", media_id);
        status = bynder_call(client, "media.get", params, &asset, &err);
        if (status != BYNDER_OK) return fail("media.get", status, err);
        char name[256] = "";
        find_string(asset, "name", name, sizeof name);
        printf("uploaded %s as asset %s (\"%s\")\n", argv[1], media_id, name);
        bynder_string_free(asset);
    }
    bynder_client_free(client);
    return 0;
}
