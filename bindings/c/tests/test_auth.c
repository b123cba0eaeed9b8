/* Authentication: permanent token, client credentials, authorization code + PKCE, stored
 * tokens, HTTPS with the mock's certificate, bad credentials and bad configurations. */
#include <string.h>

#include "support/helpers.h"

typedef struct {
    int calls;
    char last[4096];
    const bynder_client *client; /* when set, the callback calls the library itself */
    bynder_status nested;
} token_log;

static void save_token(const char *token_json, void *ctx) {
    token_log *log = ctx;
    log->calls++;
    snprintf(log->last, sizeof log->last, "%s", token_json);
    if (log->client) {
        char *out = NULL;
        log->nested = bynder_call(log->client, "media.list", "{\"limit\": 1}", &out, NULL);
        bynder_string_free(out);
    }
}

static void permanent_token(const mock_portal *mock) {
    bynder_client *client = client_with_token(mock, NULL);
    jvalue *account = call_json(client, "account.get", NULL);
    CHECK(json_str(account, "name") != NULL, "account.get answered no name");
    json_free(account);

    char *token = (char *)1;
    bynder_error *err = NULL;
    CHECK_OK(bynder_client_token(client, &token, &err), err);
    CHECK(token == NULL, "a permanent-token client has no OAuth2 token");
    bynder_client_free(client);
}

static void client_credentials(const mock_portal *mock) {
    token_log log = {0};
    bynder_client *client =
        client_with_credentials(mock, "asset:read collection:read", NULL, save_token, &log);
    log.client = client;
    log.nested = -1;
    CHECK(log.calls == 0, "no token before the first call");
    jvalue *media = call_json(client, "media.list", "{\"limit\": 2}");
    CHECK(media->type == J_ARRAY && media->count == 2, "media.list answered %zu items",
          media->count);
    json_free(media);
    CHECK(log.calls == 1, "on_token was called %d times", log.calls);
    CHECK(log.nested == BYNDER_OK, "a call made from inside on_token answered %d", log.nested);
    jvalue *token = json_parse(log.last, NULL);
    CHECK(json_str(token, "access_token") != NULL, "the saved token has no access_token");
    CHECK(strstr(json_str(token, "scope"), "asset:read") != NULL, "scope: %s",
          json_str(token, "scope"));
    json_free(token);

    /* Later calls reuse the token. */
    json_free(call_json(client, "collections.list", NULL));
    char *stats = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_client_stats(client, &stats, &err), err);
    jvalue *parsed = json_parse(stats, NULL);
    CHECK(json_num(parsed, "token_requests", -1) == 1, "stats: %s", stats);
    json_free(parsed);
    bynder_string_free(stats);

    char *current = NULL;
    CHECK_OK(bynder_client_token(client, &current, &err), err);
    CHECK(current != NULL && strstr(current, "access_token"), "bynder_client_token: %s",
          current ? current : "NULL");
    bynder_string_free(current);
    bynder_client_free(client);

    /* A wrong secret is refused by the token endpoint. */
    bynder_config config = {0};
    config.portal = mock->http_url;
    config.client_id = mock->client_id;
    config.client_secret = "wrong-secret";
    config.scopes = "asset:read";
    CHECK_OK(bynder_client_new(&config, &client, &err), err);
    char *out = NULL;
    CHECK_FAILS(bynder_call(client, "media.list", NULL, &out, &err), BYNDER_ERR_OAUTH, err);
    CHECK(out == NULL, "no result on failure");
    CHECK(strstr(bynder_error_message(err), "wrong-secret") == NULL, "secret leaked: %s",
          bynder_error_message(err));
    bynder_error_free(err);
    bynder_client_free(client);
}

static void bad_token(const mock_portal *mock) {
    bynder_config config = {0};
    config.portal = mock->http_url;
    config.permanent_token = "not-the-token";
    bynder_client *client = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_client_new(&config, &client, &err), err);
    char *out = NULL;
    CHECK_FAILS(bynder_call(client, "media.list", NULL, &out, &err), BYNDER_ERR_AUTHENTICATION,
                err);
    CHECK(bynder_error_http_status(err) == 401, "http status %u", bynder_error_http_status(err));
    CHECK(strcmp(bynder_error_kind(err), "authentication") == 0, "kind %s",
          bynder_error_kind(err));
    CHECK(bynder_error_request_id(err) != NULL, "the mock sends a request id");
    CHECK(strcmp(bynder_error_operation(err), "media.list") == 0, "operation %s",
          bynder_error_operation(err));
    CHECK(strstr(bynder_error_display(err), "not-the-token") == NULL, "token leaked");
    bynder_error_free(err);
    bynder_client_free(client);
}

/* Follows the consent URL (the mock runs with --auto-consent) and answers the redirect. */
static void consent(const char *url, char *redirect, size_t size) {
    char *body = NULL;
    int status = http_request("GET", url, NULL, &body, redirect, size);
    CHECK(status >= 300 && status < 400, "the consent URL answered %d: %s", status,
          body ? body : "");
    CHECK(redirect[0] != '\0', "no Location in the consent answer");
    free(body);
}

static void authorization_code(const mock_portal *mock) {
    token_log log = {0};
    bynder_config config = {0};
    config.portal = mock->http_url;
    config.client_id = mock->client_id;
    config.client_secret = mock->client_secret;
    config.redirect_uri = "http://127.0.0.1:9/callback";
    config.on_token = save_token;
    config.on_token_ctx = &log;
    bynder_client *client = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_client_new(&config, &client, &err), err);

    char *request = NULL;
    CHECK_OK(bynder_authorization_request(client, "offline asset:read", &request, &err), err);
    jvalue *parsed = json_parse(request, NULL);
    const char *url = json_str(parsed, "url");
    CHECK(url && strstr(url, "code_challenge_method=S256"), "url: %s", url ? url : "NULL");
    CHECK(json_str(parsed, "pkce_verifier") != NULL, "no verifier in %s", request);
    char redirect[2048];
    consent(url, redirect, sizeof redirect);
    CHECK(strncmp(redirect, "http://127.0.0.1:9/callback?", 28) == 0, "redirect %s", redirect);

    /* A redirect whose state differs is refused before anything is sent. */
    char forged[2200];
    snprintf(forged, sizeof forged, "http://127.0.0.1:9/callback?code=abc&state=forged");
    CHECK_FAILS(bynder_exchange_code(client, request, forged, NULL, &err), BYNDER_ERR_OAUTH_STATE,
                err);
    bynder_error_free(err);

    char *token = NULL;
    CHECK_OK(bynder_exchange_code(client, request, redirect, &token, &err), err);
    CHECK(token && strstr(token, "refresh_token"), "offline grants a refresh token: %s",
          token ? token : "NULL");
    CHECK(log.calls == 1 && strcmp(log.last, token) == 0, "on_token saw the token (%d calls)",
          log.calls);
    json_free(call_json(client, "media.list", "{\"limit\": 1}"));
    bynder_string_free(token);
    json_free(parsed);
    bynder_string_free(request);
    bynder_client_free(client);

    /* A stored token resumes without a new grant. */
    bynder_config stored = {0};
    stored.portal = mock->http_url;
    stored.client_id = mock->client_id;
    stored.client_secret = mock->client_secret;
    stored.token_json = log.last;
    CHECK_OK(bynder_client_new(&stored, &client, &err), err);
    json_free(call_json(client, "media.list", "{\"limit\": 1}"));
    char *stats = NULL;
    CHECK_OK(bynder_client_stats(client, &stats, &err), err);
    jvalue *counts = json_parse(stats, NULL);
    CHECK(json_num(counts, "token_requests", -1) == 0, "stats %s", stats);
    json_free(counts);
    bynder_string_free(stats);
    bynder_client_free(client);
}

static void https(const mock_portal *mock) {
    bynder_config config = {0};
    config.portal = mock->https_url;
    config.permanent_token = mock->token;
    config.ca_cert_path = mock->cert_path;
    bynder_client *client = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_client_new(&config, &client, &err), err);
    json_free(call_json(client, "account.get", NULL));
    bynder_client_free(client);

    /* Without the certificate, TLS verification fails. */
    config.ca_cert_path = NULL;
    CHECK_OK(bynder_client_new(&config, &client, &err), err);
    char *out = NULL;
    CHECK_FAILS(bynder_call(client, "account.get", NULL, &out, &err), BYNDER_ERR_NETWORK, err);
    bynder_error_free(err);
    bynder_client_free(client);
}

static void bad_configs(const mock_portal *mock) {
    struct {
        bynder_config config;
        bynder_status expected;
        const char *why;
    } cases[] = {
        {{.portal = NULL, .permanent_token = "t"}, BYNDER_ERR_INVALID_ARGUMENT, "no portal"},
        {{.portal = "http://example.com", .permanent_token = "t"}, BYNDER_ERR_INVALID_ARGUMENT,
         "plain http to a remote host"},
        {{.portal = mock->http_url, .permanent_token = "t", .client_id = "c"},
         BYNDER_ERR_INVALID_ARGUMENT, "two kinds of credentials"},
        {{.portal = mock->http_url, .client_id = "c", .client_secret = "s", .scopes = "asset:fly"},
         BYNDER_ERR_INVALID_ARGUMENT, "unknown scope"},
        {{.portal = mock->http_url, .client_id = "c", .client_secret = "s"},
         BYNDER_ERR_INVALID_ARGUMENT, "client credentials without scopes"},
        {{.portal = mock->http_url, .client_id = "c", .token_json = "{\"nope\": 1}"},
         BYNDER_ERR_INVALID_ARGUMENT, "malformed stored token"},
        {{.portal = mock->http_url, .permanent_token = "t", .ca_cert_path = "/nonexistent.pem"},
         BYNDER_ERR_IO, "missing certificate file"},
        {{.portal = mock->http_url, .permanent_token = "t", .options_json = "{\"retries\": 2}"},
         BYNDER_ERR_INVALID_ARGUMENT, "unknown option"},
        {{.portal = mock->http_url, .permanent_token = "t", .options_json = "{\"max_attempts\": 0}"},
         BYNDER_ERR_INVALID_ARGUMENT, "zero attempts"},
        {{.portal = mock->http_url, .permanent_token = "t", .options_json = "{"},
         BYNDER_ERR_INVALID_ARGUMENT, "malformed options"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bynder_client *client = (bynder_client *)&cases[i];
        bynder_error *err = NULL;
        bynder_status status = bynder_client_new(&cases[i].config, &client, &err);
        CHECK(status == cases[i].expected, "%s: status %d (%s)", cases[i].why, status,
              err ? bynder_error_display(err) : "-");
        CHECK(client == NULL, "%s: out is NULL on failure", cases[i].why);
        CHECK(err && bynder_error_message(err)[0], "%s: the error has a message", cases[i].why);
        bynder_error_free(err);
    }
}

int main(void) {
    const char *args[] = {"--auto-consent", NULL};
    mock_portal mock;
    mock_start(&mock, args);
    permanent_token(&mock);
    client_credentials(&mock);
    bad_token(&mock);
    authorization_code(&mock);
    https(&mock);
    bad_configs(&mock);
    mock_stop(&mock);
    TEST_DONE("test_auth");
    return 0;
}
