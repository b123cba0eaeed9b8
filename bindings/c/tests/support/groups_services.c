/* Service groups of test_groups.c: the Brandstore (orders, orderlines), automation rules,
 * analytics, similarity search, streaming links and text documents. */
#include <string.h>

#include "groups.h"

void group_orders(const bynder_client *client) {
    jvalue *orders = call_json(client, "orders.list", NULL);
    long at = -1;
    for (size_t i = 0; orders->type == J_ARRAY && at < 0 && i < orders->count; i++)
        if (strcmp(json_str(orders->items[i], "order_status"), "Out for delivery") != 0)
            at = (long)i;
    CHECK(at >= 0, "an order not yet out for delivery");
    const jvalue *order = json_at(orders, (size_t)at);
    char params[256];
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", json_str(order, "id"));
    jvalue *read = call_json(client, "orders.get", params);
    CHECK(strcmp(json_str(read, "orderReference"), json_str(order, "order_ref")) == 0,
          "orders.get reference %s", json_str(read, "orderReference"));
    json_free(read);
    jvalue *lines = call_json(client, "orders.products", params);
    CHECK(lines->type == J_ARRAY && lines->count > 0, "the order has products");
    for (size_t i = 0; i < lines->count; i++)
        CHECK(strcmp(json_str(lines->items[i], "orderId"), json_str(order, "id")) == 0,
              "line %zu belongs to the order", i);
    json_free(lines);

    char change[320];
    snprintf(change, sizeof change,
             "{\"id\": \"%s\", \"status\": \"OUT_FOR_DELIVERY\", \"message\": \"shipped\"}",
             json_str(order, "id"));
    json_free(call_json(client, "orders.modify", change));
    read = call_json(client, "orders.get", params);
    CHECK(strcmp(json_str(read, "status"), "OUT_FOR_DELIVERY") == 0, "status %s",
          json_str(read, "status"));
    json_free(read);
    json_free(orders);
    call_fails(client, "orders.get", "{\"id\": \"00000000-0000-4000-8000-000000000000\"}",
               BYNDER_ERR_NOT_FOUND, NULL, 0);
}

void group_orderlines(const bynder_client *client) {
    jvalue *orders = call_json(client, "orders.list", NULL);
    CHECK(orders->type == J_ARRAY && orders->count > 0, "orders are seeded");
    char order[80], line[80], params[256];
    snprintf(order, sizeof order, "%s", json_str(json_at(orders, orders->count - 1), "id"));
    json_free(orders);
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", order);
    jvalue *lines = call_json(client, "orders.products", params);
    snprintf(line, sizeof line, "%s", json_str(json_at(lines, 0), "id"));
    json_free(lines);
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", line);
    jvalue *read = call_json(client, "orderlines.get", params);
    CHECK(strcmp(json_str(read, "orderId"), order) == 0, "orderlines.get orderId %s",
          json_str(read, "orderId"));
    json_free(read);
    char change[256];
    snprintf(change, sizeof change,
             "{\"id\": \"%s\", \"status\": \"approved\", \"customer_reference\": \"PO-C-1\"}",
             line);
    json_free(call_json(client, "orderlines.modify", change));
    read = call_json(client, "orderlines.get", params);
    CHECK(strcmp(json_str(read, "status"), "approved") == 0, "status %s",
          json_str(read, "status"));
    CHECK(strcmp(json_str(read, "customerReference"), "PO-C-1") == 0, "customerReference %s",
          json_str(read, "customerReference"));
    json_free(read);
}

void group_automation_rules(const bynder_client *client) {
    char collection[80], rfc[80], params[1024];
    first_id(client, "collections.list", "{\"limit\": 1}", collection, sizeof collection);
    to_rfc4122(collection, rfc, sizeof rfc);
    snprintf(params, sizeof params,
             "{\"name\": \"C rule\", \"triggers\": [\"AssetUploaded\"], \"steps\": [{"
             "\"step_triggers\": [\"AssetUploaded\"], \"conditions\": [{\"and\": [{"
             "\"condition_type\": \"AssetType\", \"expression\": {\"operator\": \"CONTAINS\", "
             "\"term\": [{\"asset_type\": \"IMAGE\"}]}}]}], \"actions\": [{\"action_type\": "
             "\"ADD_TO_COLLECTION\", \"data\": {\"collection_id\": \"%s\"}}]}]}",
             rfc);
    jvalue *created = call_json(client, "automation_rules.create", params);
    char rule[80];
    CHECK(json_str(created, "id") != NULL, "automation_rules.create answers an id");
    snprintf(rule, sizeof rule, "%s", json_str(created, "id"));
    CHECK(strcmp(json_str(created, "status"), "PAUSED") == 0, "a new rule is %s",
          json_str(created, "status"));
    json_free(created);
    jvalue *listed = call_json(client, "automation_rules.list", NULL);
    CHECK(find_by(json_get(listed, "rules"), "id", rule) == 0, "the new rule is listed first");
    json_free(listed);
    snprintf(params, sizeof params, "{\"rule_id\": \"%s\"}", rule);
    jvalue *read = call_json(client, "automation_rules.get", params);
    CHECK(strcmp(json_str(read, "name"), "C rule") == 0, "automation_rules.get name %s",
          json_str(read, "name"));
    json_free(read);
    json_free(call_json(client, "automation_rules.delete", params));
    call_fails(client, "automation_rules.get", params, BYNDER_ERR_NOT_FOUND, NULL, 0);
}

void group_streaming(const bynder_client *client) {
    char video[80], rfc[80], image[80], params[128];
    first_id(client, "media.list", "{\"type\": \"video\", \"limit\": 1}", video, sizeof video);
    to_rfc4122(video, rfc, sizeof rfc);
    snprintf(params, sizeof params, "{\"asset_id\": \"%s\"}", video);
    jvalue *links = call_json(client, "streaming.public_links", params);
    const char *hls = json_str(links, "hls");
    size_t len = hls ? strlen(hls) : 0;
    CHECK(hls && strstr(hls, rfc) && len > 5 && strcmp(hls + len - 5, ".m3u8") == 0,
          "an HLS manifest of the video: %s", hls ? hls : "none");
    json_free(links);
    /* Only videos stream. */
    first_id(client, "media.list", "{\"type\": \"image\", \"limit\": 1}", image, sizeof image);
    snprintf(params, sizeof params, "{\"asset_id\": \"%s\"}", image);
    call_fails(client, "streaming.public_links", params, BYNDER_ERR_NOT_FOUND, NULL, 0);
}

/* The events of analytics.asset_removals about `asset`, walking the cursor 2 at a time. */
static size_t removals_of(const bynder_client *client, const char *asset, size_t *pages_walked) {
    bynder_pages *pages = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_pages_new(client, "analytics.asset_removals", "{\"limit\": 2}", &pages, &err),
             err);
    size_t found = 0;
    *pages_walked = 0;
    for (char *text = NULL;;) {
        CHECK_OK(bynder_pages_next(pages, &text, &err), err);
        if (!text) break;
        ++*pages_walked;
        jvalue *page = json_parse(text, NULL);
        bynder_string_free(text);
        const jvalue *items = json_get(page, "items");
        CHECK(items && items->count <= 2, "a page of at most 2 events");
        for (size_t i = 0; i < items->count; i++) {
            const char *id = json_str(items->items[i], "assetId");
            if (!id || strcmp(id, asset) != 0) continue;
            CHECK(strcmp(json_str(items->items[i], "eventType"), "asset.remove") == 0,
                  "event type %s", json_str(items->items[i], "eventType"));
            found++;
        }
        json_free(page);
    }
    bynder_pages_free(pages);
    return found;
}

void group_analytics(const bynder_client *client, const mock_portal *mock) {
    char target[80], rfc[80], params[128];
    fresh_asset(client, mock, "analytics group.txt", target, sizeof target);
    size_t pages = 0;
    CHECK(removals_of(client, target, &pages) == 0, "no removal before the delete");
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", target);
    json_free(call_json(client, "media.delete", params));
    size_t pages_after = 0;
    CHECK(removals_of(client, target, &pages_after) == 1, "one removal event after it");
    CHECK(pages_after >= 1, "walked %zu pages", pages_after);

    to_rfc4122(target, rfc, sizeof rfc);
    snprintf(params, sizeof params, "{\"asset_id\": \"%s\"}", rfc);
    jvalue *history = call_json(client, "analytics.asset_events", params);
    /* Created and removed within the same second: the order of the two is not fixed. */
    CHECK(history->type == J_ARRAY && history->count == 2, "two events, got %zu",
          history->count);
    CHECK(find_by(history, "eventType", "asset.create") >= 0 &&
              find_by(history, "eventType", "asset.remove") >= 0,
          "a creation and a removal");
    json_free(history);
}

void group_similar_assets(const bynder_client *client, const mock_portal *mock) {
    char image[80], rfc[80], params[256];
    first_id(client, "media.list", "{\"type\": \"image\", \"limit\": 1}", image, sizeof image);
    to_rfc4122(image, rfc, sizeof rfc);
    /* Similarity search takes OAuth2 tokens only. */
    bynder_client *oauth =
        client_with_credentials(mock, "asset:read", "{\"rate_limit\": \"unlimited\"}", NULL, NULL);
    snprintf(params, sizeof params, "{\"asset_ids\": [\"%s\"]}", rfc);
    jvalue *answer = call_json(oauth, "similar_assets.search", params);
    bynder_client_free(oauth);
    const jvalue *found = json_get(answer, "assets");
    CHECK(found && found->type == J_ARRAY && found->count > 0, "similar assets found");
    CHECK(find_by(found, "assetId", rfc) < 0, "the asset itself is not among them");
    for (size_t i = 1; i < found->count; i++)
        CHECK(json_num(found->items[i - 1], "similarityScore", -1) >=
                  json_num(found->items[i], "similarityScore", -1),
              "best first (hit %zu)", i);
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", json_str(json_at(found, 0), "assetId"));
    json_free(call_json(client, "media.get", params));
    json_free(answer);
    call_fails(client, "similar_assets.search", "{\"text_query\": \"logo\"}",
               BYNDER_ERR_AUTHENTICATION, NULL, 0);
}

void group_documents(const bynder_client *client, const mock_portal *mock) {
    /* The seeded documents are not listed by any API: an unknown one answers the service's
     * JSON:API 404, after its ColdFusion id was converted to the form the path needs. */
    const char *missing = "6F1C2B3A-4D5E-4F60-8172A3B4C5D6E7F8";
    char rfc[80], params[128], message[256], expected[160];
    to_rfc4122(missing, rfc, sizeof rfc);
    snprintf(params, sizeof params, "{\"document_uuid\": \"%s\"}", missing);
    long before = mock_served(mock, "documents.get");
    call_fails(client, "documents.get", params, BYNDER_ERR_NOT_FOUND, message, sizeof message);
    snprintf(expected, sizeof expected, "Document %s not found", rfc);
    CHECK(strcmp(message, expected) == 0, "message %s", message);
    CHECK(mock_served(mock, "documents.get") == before + 1, "one request reached the service");
    /* A malformed id fails before anything is sent. */
    call_fails(client, "documents.get", "{\"document_uuid\": \"not-an-id\"}", BYNDER_ERR_INVALID_ID,
               NULL, 0);
    CHECK(mock_served(mock, "documents.get") == before + 1, "nothing sent for a malformed id");
}
