/* The resource groups test_groups.c calls, beyond the ones it defines itself: one function
 * per group, each making real calls against the mock and checking what they change. */
#ifndef BYNDER_TEST_GROUPS_H
#define BYNDER_TEST_GROUPS_H

#include <stddef.h>

#include "helpers.h"

/* Shared by the group tests (groups_helpers.c). */
/* `id` in the RFC 4122 form (8-4-4-4-12, lower case), copied into `out`. */
void to_rfc4122(const char *id, char *out, size_t size);
/* `operation` must fail with `expected`; its message is copied into `message` (may be NULL). */
void call_fails(const bynder_client *client, const char *operation, const char *params_json,
                bynder_status expected, char *message, size_t size);
/* Index of the first object of array `list` whose string `key` equals `value`, or -1. */
long find_by(const jvalue *list, const char *key, const char *value);
/* A small asset of our own (for tests that delete one), its ColdFusion id copied into `out`. */
void fresh_asset(const bynder_client *client, const mock_portal *mock, const char *name,
                 char *out, size_t size);

/* Workflow (groups_workflow.c). */
void group_campaigns(const bynder_client *client);
void group_jobs(const bynder_client *client);
void group_job_presets(const bynder_client *client);
void group_workflow_users(const bynder_client *client);
void group_workflow_groups(const bynder_client *client);
void group_workflow_metaproperties(const bynder_client *client);

/* Metadata: option dependencies, taxonomy, product layer, access rules (groups_metadata.c). */
void group_dependencies(const bynder_client *client);
void group_taxonomy(const bynder_client *client);
void group_pim(const bynder_client *client);
void group_content_access(const bynder_client *client);
void group_user_groups(const bynder_client *client);

/* Brandstore, automation, analytics and the asset services (groups_services.c). */
void group_orders(const bynder_client *client);
void group_orderlines(const bynder_client *client);
void group_automation_rules(const bynder_client *client);
void group_streaming(const bynder_client *client);
void group_analytics(const bynder_client *client, const mock_portal *mock);
void group_similar_assets(const bynder_client *client, const mock_portal *mock);
void group_documents(const bynder_client *client, const mock_portal *mock);

#endif
