/* Metadata groups of test_groups.c: option dependencies, the taxonomy and product (PIM)
 * layers, content access rules and the portal's user groups. */
#include <string.h>

#include "groups.h"

/* The ids of seeded metaproperty `name` and of its option labelled `label`. */
static void option_of(const bynder_client *client, const char *name, const char *label,
                      char *prop, char *option, size_t size) {
    jvalue *by_name = call_json(client, "metaproperties.list", "{\"options\": true}");
    const jvalue *meta = json_get(by_name, name);
    CHECK(meta && json_str(meta, "id"), "metaproperty %s is seeded", name);
    long at = find_by(json_get(meta, "options"), "label", label);
    CHECK(at >= 0, "%s has option %s", name, label);
    snprintf(prop, size, "%s", json_str(meta, "id"));
    snprintf(option, size, "%s", json_str(json_at(json_get(meta, "options"), (size_t)at), "id"));
    json_free(by_name);
}

/* An array of exactly one string, `only`; or an empty one when `only` is NULL. */
static int is_only(const jvalue *list, const char *only) {
    if (!list || list->type != J_ARRAY) return 0;
    if (!only) return list->count == 0;
    return list->count == 1 && list->items[0]->type == J_STRING &&
           strcmp(list->items[0]->string, only) == 0;
}

void group_dependencies(const bynder_client *client) {
    char region[80], apac[80], department[80], sales[80];
    option_of(client, "Region", "APAC", region, apac, sizeof region);
    option_of(client, "Department", "Sales", department, sales, sizeof department);
    char rfc_region[80], rfc_apac[80], rfc_sales[80], params[512], pair[256];
    to_rfc4122(region, rfc_region, sizeof rfc_region);
    to_rfc4122(apac, rfc_apac, sizeof rfc_apac);
    to_rfc4122(sales, rfc_sales, sizeof rfc_sales);
    /* RFC 4122 ids in, converted to the ColdFusion form /api/v4 needs. */
    snprintf(params, sizeof params,
             "{\"id\": \"%s\", \"option_id\": \"%s\", \"dependency_id\": \"%s\"}", rfc_region,
             rfc_apac, rfc_sales);
    json_free(call_json(client, "dependencies.add", params));
    snprintf(pair, sizeof pair, "{\"id\": \"%s\", \"option_id\": \"%s\"}", region, apac);
    jvalue *got = call_json(client, "dependencies.get", pair);
    CHECK(is_only(got, sales), "APAC depends on Sales");
    json_free(got);
    jvalue *all = call_json(client, "dependencies.list_all", NULL);
    const jvalue *of_apac = json_get(json_get(all, region), apac);
    CHECK(is_only(json_get(of_apac, "ungrouped"), sales), "list_all has it ungrouped");
    json_free(all);

    snprintf(params, sizeof params,
             "{\"id\": \"%s\", \"option_id\": \"%s\", \"dependency_id\": \"%s\"}", region, apac,
             sales);
    json_free(call_json(client, "dependencies.remove", params));
    got = call_json(client, "dependencies.get", pair);
    CHECK(is_only(got, NULL), "the dependency is gone");
    json_free(got);
    call_fails(client, "dependencies.remove", params, BYNDER_ERR_NOT_FOUND, NULL, 0);
}

void group_taxonomy(const bynder_client *client) {
    char campaign[80], option[80], rfc[80], params[512];
    option_of(client, "Campaign", "Summer Sale", campaign, option, sizeof campaign);
    to_rfc4122(campaign, rfc, sizeof rfc);
    snprintf(params, sizeof params, "{\"metaproperty_id\": \"%s\", \"limit\": 3}", rfc);
    jvalue *first = call_json(client, "taxonomy.options", params);
    const jvalue *options = json_get(first, "options");
    CHECK(options && options->count == 3, "a first page of 3 options");
    const char *next = json_str(json_get(first, "metadata"), "nextPage");
    CHECK(next != NULL, "a cursor to the next page");
    snprintf(params, sizeof params,
             "{\"metaproperty_id\": \"%s\", \"limit\": 3, \"start\": \"%s\"}", rfc, next);
    jvalue *second = call_json(client, "taxonomy.options", params);
    const jvalue *more = json_get(second, "options");
    CHECK(more && more->count == 3, "a second page of 3 options");
    /* Six distinct options, sorted by name across both pages, all of this metaproperty. */
    const char *names[6];
    for (size_t i = 0; i < 6; i++) {
        const jvalue *item = json_at(i < 3 ? options : more, i % 3);
        CHECK(strcmp(json_str(item, "metapropertyId"), rfc) == 0, "option %zu belongs to it", i);
        names[i] = json_str(item, "name");
        CHECK(names[i] != NULL, "option %zu has a name", i);
        if (i) CHECK(strcmp(names[i - 1], names[i]) < 0, "%s before %s", names[i - 1], names[i]);
    }
    json_free(second);
    json_free(first);
}

void group_pim(const bynder_client *client) {
    char department[80], option[80], rfc[80], params[128];
    option_of(client, "Department", "Product", department, option, sizeof department);
    to_rfc4122(department, rfc, sizeof rfc);
    jvalue *ids = call_json(client, "pim.metaproperties", NULL);
    int listed = 0;
    for (size_t i = 0; ids->type == J_ARRAY && i < ids->count; i++)
        listed |= ids->items[i]->type == J_STRING && strcmp(ids->items[i]->string, rfc) == 0;
    CHECK(listed, "Department is a product metaproperty");
    json_free(ids);
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", department);
    jvalue *detail = call_json(client, "pim.metaproperty", params);
    CHECK(strcmp(json_str(detail, "id"), rfc) == 0, "pim.metaproperty id %s",
          json_str(detail, "id"));
    CHECK(strcmp(json_str(detail, "name"), "Department") == 0, "named %s",
          json_str(detail, "name"));
    const jvalue *mp_options = json_get(detail, "mp_options");
    CHECK(mp_options && mp_options->count > 1, "with options");
    /* The options, one per page: each is one of the metaproperty's, all of them once. */
    bynder_pages *pages = NULL;
    bynder_error *err = NULL;
    snprintf(params, sizeof params, "{\"id\": \"%s\", \"limit\": 1}", department);
    CHECK_OK(bynder_pages_new(client, "pim.options", params, &pages, &err), err);
    size_t walked = 0;
    for (char *text = NULL;;) {
        CHECK_OK(bynder_pages_next(pages, &text, &err), err);
        if (!text) break;
        jvalue *page = json_parse(text, NULL);
        bynder_string_free(text);
        const jvalue *items = json_get(page, "items");
        for (size_t i = 0; items && i < items->count; i++, walked++)
            CHECK(find_by(mp_options, "id", json_str(items->items[i], "id")) >= 0,
                  "option %s is the metaproperty's", json_str(items->items[i], "id"));
        json_free(page);
    }
    bynder_pages_free(pages);
    CHECK(walked == mp_options->count, "walked %zu options of %zu", walked, mp_options->count);
    json_free(detail);
}

void group_content_access(const bynder_client *client) {
    char region[80], apac[80], user[80], rfc_user[80], rfc_region[80], params[512];
    option_of(client, "Region", "APAC", region, apac, sizeof region);
    to_rfc4122(region, rfc_region, sizeof rfc_region);
    jvalue *users = call_json(client, "users.list", NULL);
    snprintf(user, sizeof user, "%s", json_str(json_at(users, 1), "id"));
    json_free(users);
    to_rfc4122(user, rfc_user, sizeof rfc_user);
    snprintf(params, sizeof params, "{\"metaproperty_id\": \"%s\"}", region);
    jvalue *before = call_json(client, "content_access.get_metaproperty", params);
    CHECK(before->type == J_ARRAY, "access rules are a list");
    size_t rules_before = before->count;
    CHECK(find_by(before, "principalId", rfc_user) < 0, "no rule for the user yet");
    json_free(before);

    snprintf(params, sizeof params,
             "{\"metaproperty_id\": \"%s\", \"principals\": [{\"principalId\": \"%s\", "
             "\"principalType\": \"user\"}], \"level\": \"metaproperty.hide\"}",
             region, user);
    json_free(call_json(client, "content_access.add_metaproperty", params));
    snprintf(params, sizeof params, "{\"metaproperty_id\": \"%s\"}", rfc_region);
    jvalue *rules = call_json(client, "content_access.get_metaproperty", params);
    long at = find_by(rules, "principalId", rfc_user);
    CHECK(at >= 0 && rules->count == rules_before + 1, "one rule added for %s", rfc_user);
    const jvalue *added = json_at(rules, (size_t)at);
    CHECK(strcmp(json_str(added, "level"), "metaproperty.hide") == 0, "level %s",
          json_str(added, "level"));
    snprintf(params, sizeof params,
             "{\"metaproperty_id\": \"%s\", \"content_access_ids\": [\"%s\"]}", region,
             json_str(added, "id"));
    json_free(rules);
    json_free(call_json(client, "content_access.remove_metaproperty", params));
    snprintf(params, sizeof params, "{\"metaproperty_id\": \"%s\"}", region);
    rules = call_json(client, "content_access.get_metaproperty", params);
    CHECK(rules->count == rules_before && find_by(rules, "principalId", rfc_user) < 0,
          "the rule is removed");
    json_free(rules);
}

void group_user_groups(const bynder_client *client) {
    jvalue *groups = call_json(client, "user_groups.list", "{\"limit\": 100}");
    CHECK(groups->type == J_ARRAY && groups->count > 1, "user groups are seeded");
    for (size_t i = 0; i < groups->count; i++)
        CHECK(json_str(groups->items[i], "id") && json_str(groups->items[i], "name"),
              "group %zu has an id and a name", i);
    /* One group a page: the same groups, in the same order. (When the count is a multiple of
     * the page size, the end shows as an empty last page.) */
    bynder_pages *pages = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_pages_new(client, "user_groups.list", "{\"limit\": 1}", &pages, &err), err);
    size_t walked = 0;
    for (char *text = NULL;;) {
        CHECK_OK(bynder_pages_next(pages, &text, &err), err);
        if (!text) break;
        jvalue *page = json_parse(text, NULL);
        bynder_string_free(text);
        const jvalue *items = json_get(page, "items");
        CHECK(items && items->count <= 1, "a page of at most one group");
        for (size_t i = 0; i < items->count; i++, walked++)
            CHECK(walked < groups->count && strcmp(json_str(items->items[i], "id"),
                                                   json_str(groups->items[walked], "id")) == 0,
                  "item %zu is group %zu", walked + 1, walked);
        json_free(page);
    }
    bynder_pages_free(pages);
    CHECK(walked == groups->count, "walked %zu groups of %zu", walked, groups->count);
    json_free(groups);
}
