/* One client shared by many pthreads: parallel calls share one token (fetched once), errors
 * stay per call, and one page iterator hands each page to exactly one thread. */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "support/helpers.h"

#define THREADS 8
#define CALLS 20

static atomic_int tokens_saved;
static char media_ids[10][64];

static void count_token(const char *token_json, void *ctx) {
    (void)ctx;
    CHECK(strstr(token_json, "access_token") != NULL, "a token");
    atomic_fetch_add(&tokens_saved, 1);
}

typedef struct {
    const bynder_client *client;
    pthread_barrier_t *start;
    int index;
    int ok, not_found;
} worker;

static void *work(void *arg) {
    worker *w = arg;
    pthread_barrier_wait(w->start);
    for (int i = 0; i < CALLS; i++) {
        char params[128];
        const char *operation;
        int expect_missing = 0;
        switch ((i + w->index) % 4) {
        case 0:
            operation = "media.get";
            snprintf(params, sizeof params, "{\"id\": \"%s\"}", media_ids[(i + w->index) % 10]);
            break;
        case 1:
            operation = "media.list";
            snprintf(params, sizeof params, "{\"limit\": 5, \"page\": %d}", 1 + i % 3);
            break;
        case 2:
            operation = "tags.list";
            snprintf(params, sizeof params, "{\"limit\": 3}");
            break;
        default:
            operation = "media.get";
            snprintf(params, sizeof params, "{\"id\": \"00000000-0000-0000-00000000000%05d\"}",
                     w->index * 100 + i);
            expect_missing = 1;
        }
        char *out = NULL;
        bynder_error *err = NULL;
        bynder_status status = bynder_call(w->client, operation, params, &out, &err);
        if (expect_missing) {
            if (status == BYNDER_ERR_NOT_FOUND && bynder_error_http_status(err) == 404 && !out)
                w->not_found++;
        } else if (status == BYNDER_OK && out && !err) {
            w->ok++;
        }
        bynder_error_free(err);
        bynder_string_free(out);
    }
    return NULL;
}

typedef struct {
    const bynder_pages *pages;
    pthread_barrier_t *start;
    int pages_read, items;
    int numbers[64];
} reader;

static void *read_pages(void *arg) {
    reader *r = arg;
    pthread_barrier_wait(r->start);
    for (;;) {
        char *page_json = NULL;
        bynder_error *err = NULL;
        if (bynder_pages_next(r->pages, &page_json, &err) != BYNDER_OK) {
            fprintf(stderr, "pages_next: %s\n", bynder_error_display(err));
            bynder_error_free(err);
            return NULL;
        }
        if (!page_json) return NULL;
        jvalue *page = json_parse(page_json, NULL);
        bynder_string_free(page_json);
        if (r->pages_read < 64) r->numbers[r->pages_read] = (int)json_num(page, "number", 0);
        r->pages_read++;
        r->items += (int)json_get(page, "items")->count;
        json_free(page);
    }
}

int main(void) {
    mock_portal mock;
    mock_start(&mock, NULL);
    bynder_client *client = client_with_credentials(
        &mock, "asset:read collection:read", "{\"rate_limit\": \"unlimited\"}", count_token, NULL);

    /* Ids to read, fetched with another client: the shared one gets its first token while
     * all threads call at once (one token request: single-flight). */
    bynder_client *setup = client_with_token(&mock, "{\"rate_limit\": \"unlimited\"}");
    jvalue *listed = call_json(setup, "media.list", "{\"limit\": 10}");
    bynder_client_free(setup);
    CHECK(listed->count == 10, "10 assets");
    for (size_t i = 0; i < 10; i++)
        snprintf(media_ids[i], sizeof media_ids[i], "%s", json_str(listed->items[i], "id"));
    json_free(listed);

    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, THREADS + 4);
    pthread_t threads[THREADS + 4];
    worker workers[THREADS];
    for (int i = 0; i < THREADS; i++) {
        workers[i] = (worker){client, &start, i, 0, 0};
        CHECK(pthread_create(&threads[i], NULL, work, &workers[i]) == 0, "pthread_create");
    }
    bynder_pages *pages = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_pages_new(client, "media.list", "{\"limit\": 20}", &pages, &err), err);
    reader readers[4];
    for (int i = 0; i < 4; i++) {
        memset(&readers[i], 0, sizeof readers[i]);
        readers[i].pages = pages;
        readers[i].start = &start;
        CHECK(pthread_create(&threads[THREADS + i], NULL, read_pages, &readers[i]) == 0,
              "pthread_create");
    }
    for (int i = 0; i < THREADS + 4; i++) pthread_join(threads[i], NULL);
    pthread_barrier_destroy(&start);

    int ok = 0, missing = 0;
    for (int i = 0; i < THREADS; i++) {
        ok += workers[i].ok;
        missing += workers[i].not_found;
    }
    CHECK(ok + missing == THREADS * CALLS, "%d calls succeeded and %d found nothing, of %d", ok,
          missing, THREADS * CALLS);
    CHECK(missing == THREADS * CALLS / 4, "%d 404s", missing);

    int pages_read = 0, items = 0, seen[64] = {0};
    for (int i = 0; i < 4; i++) {
        pages_read += readers[i].pages_read;
        items += readers[i].items;
        for (int p = 0; p < readers[i].pages_read && p < 64; p++) {
            int number = readers[i].numbers[p];
            CHECK(number >= 1 && number < 64 && !seen[number], "page %d read once", number);
            seen[number] = 1;
        }
    }
    /* 300 items in pages of 20; the page after the 15th full one may come back empty. */
    CHECK(items == 300 && pages_read >= 15 && pages_read <= 16,
          "%d items in %d pages across threads", items, pages_read);
    bynder_pages_free(pages);

    CHECK(atomic_load(&tokens_saved) == 1, "on_token called %d times", atomic_load(&tokens_saved));
    char *stats = NULL;
    CHECK_OK(bynder_client_stats(client, &stats, &err), err);
    jvalue *counts = json_parse(stats, NULL);
    CHECK(json_num(counts, "token_requests", -1) == 1, "one token request: %s", stats);
    json_free(counts);
    bynder_string_free(stats);
    char *portal = mock_stats(&mock);
    jvalue *served = json_parse(portal, NULL);
    CHECK(json_num(json_get(served, "token_grants"), "client_credentials", -1) == 1,
          "the portal granted one token: %s", portal);
    json_free(served);
    free(portal);

    bynder_client_free(client);
    mock_stop(&mock);
    TEST_DONE("test_threads");
    return 0;
}
