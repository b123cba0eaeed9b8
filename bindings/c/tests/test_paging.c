/* Pagination: every page of media, tags and collections, in order, matching the portal's
 * totals; errors end an iterator; iterators outlive their client. */
#include <string.h>

#include "support/helpers.h"

/* Walks every page; answers the item count, checks numbering and (when given) page sizes. */
static size_t walk(bynder_pages *pages, size_t page_size, double *total, size_t *page_count) {
    size_t items = 0, number = 0;
    *total = -1;
    for (;;) {
        char *page_json = (char *)1;
        bynder_error *err = NULL;
        CHECK_OK(bynder_pages_next(pages, &page_json, &err), err);
        if (!page_json) break;
        jvalue *page = json_parse(page_json, NULL);
        bynder_string_free(page_json);
        const jvalue *list = json_get(page, "items");
        CHECK(list && list->type == J_ARRAY, "a page has items");
        number++;
        CHECK(json_num(page, "number", 0) == (double)number, "page %zu is numbered %g", number,
              json_num(page, "number", 0));
        if (page_size && list->count != page_size) {
            /* Only the last page may be short: the next call must end the iteration. */
            char *after = (char *)1;
            CHECK_OK(bynder_pages_next(pages, &after, &err), err);
            CHECK(after == NULL, "a short page (%zu items) is the last", list->count);
        }
        for (size_t i = 0; i < list->count; i++)
            CHECK(json_str(list->items[i], "id") != NULL, "item %zu of page %zu has an id", i,
                  number);
        items += list->count;
        *total = json_num(page, "total", *total);
        json_free(page);
    }
    *page_count = number;
    return items;
}

static void media_pages(const mock_portal *mock, const bynder_client *client) {
    jvalue *one = call_json(client, "media.list", "{\"limit\": 1, \"total\": true}");
    double expected = json_num(json_get(one, "total"), "count", -1);
    json_free(one);
    CHECK(expected >= 100, "the mock seeds hundreds of assets, total %g", expected);

    bynder_pages *pages = NULL;
    bynder_error *err = NULL;
    long before = mock_served(mock, "media.list");
    CHECK_OK(bynder_pages_new(client, "media.list", "{\"limit\": 40, \"total\": true}", &pages,
                              &err),
             err);
    CHECK(mock_served(mock, "media.list") == before, "no request before the first page");
    double total;
    size_t page_count;
    size_t items = walk(pages, 40, &total, &page_count);
    CHECK(items == (size_t)expected, "walked %zu of %g assets", items, expected);
    CHECK(total == expected, "pages report total %g", total);
    CHECK(page_count == (items + 39) / 40, "%zu pages for %zu items", page_count, items);
    /* After the end, the iterator stays finished. */
    char *again = (char *)1;
    CHECK_OK(bynder_pages_next(pages, &again, &err), err);
    CHECK(again == NULL, "finished iterators yield NULL");
    bynder_pages_free(pages);
}

static void tag_and_collection_pages(const bynder_client *client) {
    bynder_pages *pages = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_pages_new(client, "tags.list", "{\"limit\": 10}", &pages, &err), err);
    double total;
    size_t page_count;
    size_t tags = walk(pages, 10, &total, &page_count);
    bynder_pages_free(pages);
    jvalue *all = call_json(client, "tags.list", "{\"limit\": 1000}");
    CHECK(tags == all->count && tags > 10, "tags: paged %zu, listed %zu", tags, all->count);
    CHECK(page_count == (tags + 9) / 10, "tag pages %zu", page_count);
    json_free(all);

    CHECK_OK(bynder_pages_new(client, "collections.list", "{\"limit\": 3}", &pages, &err), err);
    size_t collections = walk(pages, 3, &total, &page_count);
    CHECK(collections >= 8 && page_count >= 3, "collections: %zu in %zu pages", collections,
          page_count);
    bynder_pages_free(pages);
}

static void pages_outlive_client(const mock_portal *mock) {
    bynder_client *client = client_with_token(mock, NULL);
    bynder_pages *pages = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_pages_new(client, "media.list", "{\"limit\": 100}", &pages, &err), err);
    char *first = NULL;
    CHECK_OK(bynder_pages_next(pages, &first, &err), err);
    CHECK(first != NULL, "a first page");
    bynder_string_free(first);
    bynder_client_free(client);
    char *second = NULL;
    CHECK_OK(bynder_pages_next(pages, &second, &err), err);
    CHECK(second != NULL, "the second page arrives after the client was freed");
    bynder_string_free(second);
    /* Freed with a prefetch of the third page possibly in flight. */
    bynder_pages_free(pages);
}

static void failing_pages(const mock_portal *mock) {
    bynder_config config = {0};
    config.portal = mock->http_url;
    config.permanent_token = "wrong";
    bynder_client *client = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_client_new(&config, &client, &err), err);
    bynder_pages *pages = NULL;
    CHECK_FAILS(bynder_pages_new(client, "media.fly", NULL, &pages, &err),
                BYNDER_ERR_UNKNOWN_OPERATION, err);
    CHECK(pages == NULL, "no iterator on failure");
    bynder_error_free(err);
    CHECK_FAILS(bynder_pages_new(client, "media.list", "[1, 2]", &pages, &err),
                BYNDER_ERR_INVALID_ARGUMENT, err);
    bynder_error_free(err);
    CHECK_OK(bynder_pages_new(client, "media.list", NULL, &pages, &err), err);
    char *page = NULL;
    CHECK_FAILS(bynder_pages_next(pages, &page, &err), BYNDER_ERR_AUTHENTICATION, err);
    CHECK(page == NULL, "no page on failure");
    bynder_error_free(err);
    CHECK_OK(bynder_pages_next(pages, &page, &err), err);
    CHECK(page == NULL, "a failed iterator is finished");
    bynder_pages_free(pages);
    bynder_client_free(client);
}

int main(void) {
    mock_portal mock;
    mock_start(&mock, NULL);
    bynder_client *client = client_with_token(&mock, "{\"rate_limit\": \"unlimited\"}");
    media_pages(&mock, client);
    tag_and_collection_pages(client);
    pages_outlive_client(&mock);
    failing_pages(&mock);
    bynder_client_free(client);
    mock_stop(&mock);
    TEST_DONE("test_paging");
    return 0;
}
