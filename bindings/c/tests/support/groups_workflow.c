/* Workflow groups of test_groups.c: campaigns, jobs, job presets, workflow users, groups and
 * metaproperties, created, changed, read back and deleted through bynder_call. */
#include <string.h>

#include "groups.h"

/* The current user's workflow id (its portal id in RFC 4122 form). */
static void me_in_workflow(const bynder_client *client, char *out, size_t size) {
    jvalue *me = call_json(client, "users.current", NULL);
    CHECK(json_str(me, "id") != NULL, "users.current has an id");
    to_rfc4122(json_str(me, "id"), out, size);
    json_free(me);
}

void group_campaigns(const bynder_client *client) {
    jvalue *created =
        call_json(client, "campaigns.create", "{\"name\": \"C campaign\", \"key\": \"CCA\"}");
    char id[80], params[256];
    CHECK(json_str(created, "id") != NULL, "campaigns.create answers an id");
    snprintf(id, sizeof id, "%s", json_str(created, "id"));
    json_free(created);
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", id);
    jvalue *read = call_json(client, "campaigns.get", params);
    CHECK(strcmp(json_str(read, "name"), "C campaign") == 0, "campaigns.get name %s",
          json_str(read, "name"));
    json_free(read);

    char change[256];
    snprintf(change, sizeof change,
             "{\"id\": \"%s\", \"name\": \"C campaign 2\", \"description\": \"modified\"}", id);
    json_free(call_json(client, "campaigns.modify", change));
    read = call_json(client, "campaigns.get", params);
    CHECK(strcmp(json_str(read, "name"), "C campaign 2") == 0, "renamed to %s",
          json_str(read, "name"));
    CHECK(strcmp(json_str(read, "description"), "modified") == 0, "description %s",
          json_str(read, "description"));
    CHECK(strcmp(json_str(read, "key"), "CCA") == 0, "fields not sent stay: key %s",
          json_str(read, "key"));
    const jvalue *closed = json_get(read, "closed");
    CHECK(closed && closed->type == J_BOOL && !closed->boolean, "a new campaign is open");
    jvalue *listed = call_json(client, "campaigns.list", NULL);
    CHECK(find_by(listed, "ID", json_str(read, "ID")) >= 0, "the campaign is listed");
    json_free(listed);
    json_free(read);

    json_free(call_json(client, "campaigns.close", params));
    read = call_json(client, "campaigns.get", params);
    closed = json_get(read, "closed");
    CHECK(closed && closed->type == J_BOOL && closed->boolean, "campaigns.close closed it");
    json_free(read);
    json_free(call_json(client, "campaigns.delete", params));
    call_fails(client, "campaigns.get", params, BYNDER_ERR_NOT_FOUND, NULL, 0);
}

/* Walks jobs.list 2 at a time: every job once, as many as the portal's total. */
static void walk_jobs(const bynder_client *client) {
    bynder_pages *pages = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_pages_new(client, "jobs.list", "{\"limit\": 2}", &pages, &err), err);
    size_t items = 0, count = 0;
    double total = -1;
    char seen[64][80];
    for (char *text = NULL;;) {
        CHECK_OK(bynder_pages_next(pages, &text, &err), err);
        if (!text) break;
        jvalue *page = json_parse(text, NULL);
        bynder_string_free(text);
        const jvalue *list = json_get(page, "items");
        CHECK(list && list->type == J_ARRAY && list->count <= 2, "a page of at most 2 jobs");
        total = json_num(page, "total", -1);
        for (size_t i = 0; i < list->count; i++, items++) {
            const char *id = json_str(list->items[i], "id");
            CHECK(id != NULL, "job %zu has an id", items);
            for (size_t s = 0; s < count; s++)
                CHECK(strcmp(seen[s], id) != 0, "job %s came twice", id);
            CHECK(count < 64, "too many jobs to track");
            snprintf(seen[count++], sizeof seen[0], "%s", id);
        }
        json_free(page);
    }
    bynder_pages_free(pages);
    CHECK(items >= 6 && (double)items == total, "walked %zu jobs of %g", items, total);
}

void group_jobs(const bynder_client *client) {
    walk_jobs(client);
    jvalue *some = call_json(client, "jobs.list", "{\"limit\": 1}");
    CHECK(some->type == J_ARRAY && some->count == 1, "jobs.list limit 1: %zu", some->count);
    char preset[80], me[80], campaign[80], job[80], params[512];
    snprintf(preset, sizeof preset, "%s", json_str(json_at(some, 0), "presetID"));
    json_free(some);
    me_in_workflow(client, me, sizeof me);
    jvalue *created =
        call_json(client, "campaigns.create", "{\"name\": \"C jobs\", \"key\": \"CJB\"}");
    snprintf(campaign, sizeof campaign, "%s", json_str(created, "id"));
    json_free(created);

    /* snake_case names reach the documented campaignID, accountableID, presetID. */
    snprintf(params, sizeof params,
             "{\"name\": \"C job\", \"campaign_id\": \"%s\", \"accountable_id\": \"%s\", "
             "\"preset_id\": \"%s\"}",
             campaign, me, preset);
    created = call_json(client, "jobs.create", params);
    CHECK(json_str(created, "job_id") != NULL, "jobs.create answers a job_id");
    snprintf(job, sizeof job, "%s", json_str(created, "job_id"));
    json_free(created);
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", campaign);
    jvalue *of_campaign = call_json(client, "campaigns.jobs", params);
    CHECK(of_campaign->type == J_ARRAY && of_campaign->count == 1 &&
              strcmp(json_str(json_at(of_campaign, 0), "id"), job) == 0,
          "the campaign has the one new job");
    json_free(of_campaign);

    snprintf(params, sizeof params, "{\"id\": \"%s\", \"name\": \"C job 2\"}", job);
    json_free(call_json(client, "jobs.modify", params));
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", job);
    jvalue *read = call_json(client, "jobs.get", params);
    CHECK(strcmp(json_str(read, "name"), "C job 2") == 0, "jobs.get name %s",
          json_str(read, "name"));
    CHECK(strcmp(json_str(read, "presetID"), preset) == 0, "based on preset %s",
          json_str(read, "presetID"));
    const jvalue *stages = json_get(read, "job_stages");
    jvalue *listed = call_json(client, "jobs.stages", params);
    CHECK(stages && listed->type == J_ARRAY && listed->count == stages->count && stages->count > 1,
          "jobs.stages lists the job's %zu stages", stages ? stages->count : 0);
    json_free(listed);
    json_free(read);

    json_free(call_json(client, "jobs.delete", params));
    call_fails(client, "jobs.get", params, BYNDER_ERR_NOT_FOUND, NULL, 0);
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", campaign);
    json_free(call_json(client, "campaigns.delete", params));
}

void group_job_presets(const bynder_client *client) {
    jvalue *jobs = call_json(client, "jobs.list", "{\"limit\": 1}");
    const jvalue *job = json_at(jobs, 0);
    const char *preset = json_str(job, "presetID");
    CHECK(preset != NULL, "a job names its preset");
    char params[128];
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", preset);
    jvalue *one = call_json(client, "job_presets.get", params);
    CHECK(strcmp(json_str(one, "ID"), preset) == 0, "job_presets.get ID %s", json_str(one, "ID"));
    const jvalue *preset_stages = json_get(one, "presetstages");
    const jvalue *job_stages = json_get(job, "job_stages");
    CHECK(preset_stages && job_stages && preset_stages->count == job_stages->count,
          "the job has its preset's stages");
    json_free(one);
    json_free(jobs);
    call_fails(client, "job_presets.get", "{\"id\": \"00000000-0000-4000-8000-000000000000\"}",
               BYNDER_ERR_NOT_FOUND, NULL, 0);
}

void group_workflow_users(const bynder_client *client) {
    jvalue *users = call_json(client, "users.list", NULL);
    const jvalue *user = json_at(users, 1);
    CHECK(user && json_str(user, "id"), "a second portal user");
    char rfc[80], params[128];
    to_rfc4122(json_str(user, "id"), rfc, sizeof rfc);
    jvalue *listed = call_json(client, "workflow_users.list", NULL);
    CHECK(find_by(listed, "ID", rfc) >= 0, "workflow_users.list has %s", rfc);
    json_free(listed);
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", json_str(user, "id"));
    jvalue *one = call_json(client, "workflow_users.get", params);
    CHECK(strcmp(json_str(one, "ID"), rfc) == 0, "workflow_users.get ID %s", json_str(one, "ID"));
    jvalue *portal = call_json(client, "users.get", params);
    const char *email = json_str(json_get(one, "BynderUser"), "email");
    CHECK(email && strcmp(email, json_str(portal, "email")) == 0, "the portal user's email %s",
          email ? email : "none");
    json_free(portal);
    json_free(one);
    json_free(users);
}

void group_workflow_groups(const bynder_client *client) {
    jvalue *users = call_json(client, "users.list", NULL);
    CHECK(users->type == J_ARRAY && users->count >= 3, "three portal users");
    char first[80], second[80], group[80], params[512];
    to_rfc4122(json_str(json_at(users, 1), "id"), first, sizeof first);
    to_rfc4122(json_str(json_at(users, 2), "id"), second, sizeof second);
    json_free(users);
    snprintf(params, sizeof params, "{\"name\": \"C writers\", \"user_ids\": [\"%s\"]}", first);
    jvalue *created = call_json(client, "workflow_groups.create", params);
    CHECK(json_str(created, "ID") != NULL, "workflow_groups.create answers an ID");
    snprintf(group, sizeof group, "%s", json_str(created, "ID"));
    json_free(created);
    jvalue *listed = call_json(client, "workflow_groups.list", NULL);
    CHECK(find_by(listed, "ID", group) >= 0, "the group is listed");
    json_free(listed);

    snprintf(params, sizeof params,
             "{\"id\": \"%s\", \"name\": \"C team\", \"user_ids\": [\"%s\"]}", group, second);
    json_free(call_json(client, "workflow_groups.modify", params));
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", group);
    jvalue *read = call_json(client, "workflow_groups.get", params);
    CHECK(strcmp(json_str(read, "name"), "C team") == 0, "renamed to %s", json_str(read, "name"));
    const jvalue *members = json_get(read, "users");
    CHECK(members && members->count == 1 &&
              strcmp(json_str(json_at(members, 0), "ID"), second) == 0,
          "the users were replaced");
    json_free(read);
    json_free(call_json(client, "workflow_groups.delete", params));
    call_fails(client, "workflow_groups.get", params, BYNDER_ERR_NOT_FOUND, NULL, 0);
}

void group_workflow_metaproperties(const bynder_client *client) {
    jvalue *every = call_json(client, "workflow_metaproperties.list", NULL);
    CHECK(find_by(every, "entity", "job") >= 0 && find_by(every, "entity", "campaign") >= 0,
          "metaproperties of jobs and of campaigns");
    long at = find_by(every, "type", "select");
    CHECK(at >= 0, "a select metaproperty");
    const jvalue *select = json_at(every, (size_t)at);
    char params[128];
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", json_str(select, "ID"));
    jvalue *one = call_json(client, "workflow_metaproperties.get", params);
    CHECK(strcmp(json_str(one, "ID"), json_str(select, "ID")) == 0 &&
              strcmp(json_str(one, "label"), json_str(select, "label")) == 0,
          "workflow_metaproperties.get reads the listed one");
    const jvalue *options = json_get(one, "options");
    const jvalue *listed_options = json_get(select, "options");
    CHECK(options && listed_options && options->count == listed_options->count &&
              options->count > 0,
          "with its options");
    json_free(one);
    json_free(every);
}
