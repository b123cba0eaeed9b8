/* Shortcuts the C tests share: clients against the mock, calls that must succeed. */
#ifndef BYNDER_TEST_HELPERS_H
#define BYNDER_TEST_HELPERS_H

#include "bynder.h"
#include "check.h"
#include "json.h"
#include "mock.h"

/* A client with the mock's permanent token; `options_json` may be NULL. */
bynder_client *client_with_token(const mock_portal *mock, const char *options_json);
/* A client-credentials client with `scopes`; `on_token` may be NULL. */
bynder_client *client_with_credentials(const mock_portal *mock, const char *scopes,
                                       const char *options_json, bynder_token_fn on_token,
                                       void *ctx);
/* Calls `operation`; the call must succeed. Answers the parsed body (free with json_free). */
jvalue *call_json(const bynder_client *client, const char *operation, const char *params_json);
/* The `id` of the first item of a list operation's first page (copied into `out`). */
void first_id(const bynder_client *client, const char *operation, const char *params_json,
              char *out, size_t size);
/* Milliseconds on a monotonic clock. */
double now_ms(void);
/* Writes `size` pseudo-random bytes to `path`. */
void write_random_file(const char *path, size_t size, unsigned seed);

#endif
