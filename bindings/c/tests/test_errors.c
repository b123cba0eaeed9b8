/* Every error path: bad ids, bad tokens, 404, 403, 429, 5xx, timeouts, refused connections,
 * unknown operations, malformed JSON, NULL pointers and invalid UTF-8 in every function. */
#include <string.h>

#include "support/helpers.h"

#define UNKNOWN_ID "00000000-0000-0000-0000000000000000"
/* Short pauses after a 429, so the test does not wait Bynder's five minutes. */
#define OPTIONS "{\"rate_limit\": {\"block_pause_s\": 0.2}, \"max_attempts\": 2}"

static void expect_call(const bynder_client *client, const char *operation, const char *params,
                        bynder_status expected, unsigned http_status, const char *message_part) {
    char *out = (char *)1;
    bynder_error *err = NULL;
    CHECK_FAILS(bynder_call(client, operation, params, &out, &err), expected, err);
    CHECK(out == NULL, "%s: the output is NULL on failure", operation);
    CHECK(bynder_error_http_status(err) == http_status, "%s: HTTP status %u, wanted %u",
          operation, bynder_error_http_status(err), http_status);
    CHECK(strcmp(bynder_error_kind(err), bynder_status_name(expected)) == 0, "kind %s",
          bynder_error_kind(err));
    if (message_part)
        CHECK(strstr(bynder_error_message(err), message_part) != NULL, "%s: message %s",
              operation, bynder_error_message(err));
    CHECK(strstr(bynder_error_display(err), bynder_error_kind(err)) != NULL, "display %s",
          bynder_error_display(err));
    bynder_error_free(err);
    /* The status alone, without an error object. */
    CHECK(bynder_call(client, operation, params, &out, NULL) == expected, "%s without err",
          operation);
}

static void portal_errors(const mock_portal *mock, const bynder_client *client) {
    long before = mock_served(mock, "media.get");
    expect_call(client, "media.get", "{\"id\": \"not-an-id\"}", BYNDER_ERR_INVALID_ID, 0,
                "not-an-id");
    CHECK(mock_served(mock, "media.get") == before, "a bad id sends no request");

    expect_call(client, "media.get", "{\"id\": \"" UNKNOWN_ID "\"}", BYNDER_ERR_NOT_FOUND, 404,
                "Media not found");
    char *out = NULL;
    bynder_error *err = NULL;
    CHECK(bynder_call(client, "media.get", "{\"id\": \"" UNKNOWN_ID "\"}", &out, &err) ==
              BYNDER_ERR_NOT_FOUND,
          "404 again");
    CHECK(bynder_error_request_id(err) && bynder_error_request_id(err)[0], "a request id");
    CHECK(strcmp(bynder_error_operation(err), "media.get") == 0, "the operation");
    bynder_error_free(err);

    expect_call(client, "media.fly", NULL, BYNDER_ERR_UNKNOWN_OPERATION, 0, "media.fly");
    expect_call(client, "media.list", "{", BYNDER_ERR_INVALID_ARGUMENT, 0, "not valid JSON");
    expect_call(client, "media.list", "[\"limit\"]", BYNDER_ERR_INVALID_ARGUMENT, 0,
                "JSON object");
    expect_call(client, "media.get", NULL, BYNDER_ERR_INVALID_ARGUMENT, 0, "id");

    /* 429 on both attempts of two calls, then recovery after the pause; then a 429 on the
     * first attempt only: the retry goes through. */
    mock_fault(mock, "{\"target\": {\"operation\": \"account.get\"}, \"fault\": \"rate_limit\", "
                     "\"times\": 4}");
    expect_call(client, "account.get", NULL, BYNDER_ERR_RATE_LIMITED, 429, NULL);
    json_free(call_json(client, "account.get", NULL));
    mock_fault(mock, "{\"target\": {\"operation\": \"account.get\"}, \"fault\": \"rate_limit\", "
                     "\"times\": 1}");
    json_free(call_json(client, "account.get", NULL)); /* 429, pause, retry: success */
    char *stats = NULL;
    CHECK_OK(bynder_client_stats(client, &stats, &err), err);
    jvalue *counts = json_parse(stats, NULL);
    CHECK(json_num(counts, "rate_limited", 0) == 5, "five 429s seen: %s", stats);
    json_free(counts);
    bynder_string_free(stats);

    /* 5xx beyond the retries. */
    mock_fault(mock, "{\"target\": {\"operation\": \"brands.list\"}, \"fault\": {\"status\": 503}, "
                     "\"times\": 4}");
    expect_call(client, "brands.list", NULL, BYNDER_ERR_SERVER, 503, NULL);
    mock_clear_faults(mock);
}

static void credential_errors(const mock_portal *mock) {
    bynder_config config = {0};
    config.portal = mock->http_url;
    config.permanent_token = "bad-token";
    config.options_json = OPTIONS;
    bynder_client *client = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_client_new(&config, &client, &err), err);
    expect_call(client, "media.list", NULL, BYNDER_ERR_AUTHENTICATION, 401, NULL);
    bynder_client_free(client);

    /* A token without the collection scope. */
    client = client_with_credentials(mock, "asset:read", OPTIONS, NULL, NULL);
    expect_call(client, "collections.list", NULL, BYNDER_ERR_FORBIDDEN, 403, NULL);
    bynder_client_free(client);
}

static void transport_errors(const mock_portal *mock) {
    bynder_config config = {0};
    config.portal = "http://127.0.0.1:1";
    config.permanent_token = "t";
    config.options_json = "{\"max_attempts\": 1}";
    bynder_client *client = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_client_new(&config, &client, &err), err);
    expect_call(client, "media.list", NULL, BYNDER_ERR_NETWORK, 0, NULL);
    bynder_client_free(client);

    mock_fault(mock, "{\"target\": {\"operation\": \"account.get\"}, "
                     "\"fault\": {\"latency_ms\": 3000}, \"times\": 2}");
    config.portal = mock->http_url;
    config.permanent_token = mock->token;
    config.timeout_ms = 300;
    CHECK_OK(bynder_client_new(&config, &client, &err), err);
    double start = now_ms();
    expect_call(client, "account.get", NULL, BYNDER_ERR_TIMEOUT, 0, NULL);
    CHECK(now_ms() - start < 2500, "two timed-out calls took %.0f ms", now_ms() - start);
    bynder_client_free(client);
    mock_clear_faults(mock);
}

static void null_arguments(const bynder_client *client) {
    bynder_error *err = NULL;
    char *out = NULL;
    bynder_client *new_client = NULL;
    bynder_pages *pages = NULL;
    bynder_config config = {0};
    config.portal = "http://127.0.0.1:1";
    struct {
        bynder_status status;
        const char *what;
    } cases[] = {
        {bynder_client_new(NULL, &new_client, &err), "client_new(config NULL)"},
        {bynder_client_new(&config, NULL, NULL), "client_new(out NULL)"},
        {bynder_call(NULL, "media.list", NULL, &out, NULL), "call(client NULL)"},
        {bynder_call(client, NULL, NULL, &out, NULL), "call(operation NULL)"},
        {bynder_call(client, "media.list", NULL, NULL, NULL), "call(out NULL)"},
        {bynder_client_token(NULL, &out, NULL), "client_token(client NULL)"},
        {bynder_client_token(client, NULL, NULL), "client_token(out NULL)"},
        {bynder_client_stats(NULL, &out, NULL), "client_stats(client NULL)"},
        {bynder_operations_json(NULL, NULL), "operations_json(out NULL)"},
        {bynder_pages_new(NULL, "media.list", NULL, &pages, NULL), "pages_new(client NULL)"},
        {bynder_pages_new(client, NULL, NULL, &pages, NULL), "pages_new(operation NULL)"},
        {bynder_pages_new(client, "media.list", NULL, NULL, NULL), "pages_new(out NULL)"},
        {bynder_pages_next(NULL, &out, NULL), "pages_next(pages NULL)"},
        {bynder_upload(NULL, "/tmp/x", NULL, NULL, NULL), "upload(client NULL)"},
        {bynder_upload(client, NULL, NULL, NULL, NULL), "upload(path NULL)"},
        {bynder_download(NULL, UNKNOWN_ID, "/tmp/x", NULL, NULL, NULL), "download(client NULL)"},
        {bynder_download(client, NULL, "/tmp/x", NULL, NULL, NULL), "download(media_id NULL)"},
        {bynder_download(client, UNKNOWN_ID, NULL, NULL, NULL, NULL), "download(path NULL)"},
        {bynder_authorization_request(NULL, "asset:read", &out, NULL), "authorization(NULL)"},
        {bynder_authorization_request(client, NULL, &out, NULL), "authorization(scopes NULL)"},
        {bynder_exchange_code(client, NULL, "http://x/", NULL, NULL), "exchange(request NULL)"},
        {bynder_exchange_code(client, "{}", NULL, NULL, NULL), "exchange(redirect NULL)"},
        {bynder_id_convert(NULL, "rfc4122", &out, NULL), "id_convert(id NULL)"},
        {bynder_id_convert(UNKNOWN_ID, NULL, &out, NULL), "id_convert(form NULL)"},
        {bynder_id_convert(UNKNOWN_ID, "rfc4122", NULL, NULL), "id_convert(out NULL)"},
        {bynder_cancel_trigger(NULL), "cancel_trigger(NULL)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK(cases[i].status == BYNDER_ERR_INVALID_ARGUMENT, "%s: status %d", cases[i].what,
              cases[i].status);
    CHECK(new_client == NULL && pages == NULL && out == NULL, "outputs stay NULL");
    CHECK(err != NULL && strstr(bynder_error_message(err), "config is NULL"),
          "the error names the argument: %s", err ? bynder_error_message(err) : "none");
    bynder_error_free(err);

    /* Accessors and frees accept NULL. */
    CHECK(bynder_error_status(NULL) == BYNDER_OK && bynder_error_http_status(NULL) == 0 &&
              bynder_error_message(NULL) == NULL && bynder_error_kind(NULL) == NULL &&
              bynder_error_request_id(NULL) == NULL && bynder_error_operation(NULL) == NULL &&
              bynder_error_display(NULL) == NULL && !bynder_cancel_is_triggered(NULL),
          "NULL accessors");
    bynder_error_free(NULL);
    bynder_string_free(NULL);
    bynder_client_free(NULL);
    bynder_pages_free(NULL);
    bynder_cancel_free(NULL);
    CHECK(strcmp(bynder_status_name(12345), "unknown") == 0, "unknown status name");
    CHECK(strcmp(bynder_status_name(BYNDER_ERR_INTERNAL), "internal") == 0, "internal is 99");
    CHECK(bynder_version()[0] >= '0' && bynder_version()[0] <= '9', "version %s",
          bynder_version());
}

static void invalid_utf8(const mock_portal *mock, const bynder_client *client) {
    const char *bad = "media\xff.list";
    char *out = NULL;
    bynder_error *err = NULL;
    CHECK_FAILS(bynder_call(client, bad, NULL, &out, &err), BYNDER_ERR_INVALID_ARGUMENT, err);
    CHECK(strstr(bynder_error_message(err), "UTF-8"), "message %s", bynder_error_message(err));
    bynder_error_free(err);
    CHECK_FAILS(bynder_call(client, "media.get", "{\"id\": \"\xc3\x28\"}", &out, &err),
                BYNDER_ERR_INVALID_ARGUMENT, err);
    CHECK(strstr(bynder_error_message(err), "params_json"), "names the argument: %s",
          bynder_error_message(err));
    bynder_error_free(err);

    bynder_config config = {0};
    config.portal = "http://127.0.0.1:\xe2\x82";
    config.permanent_token = "t";
    bynder_client *new_client = NULL;
    CHECK_FAILS(bynder_client_new(&config, &new_client, &err), BYNDER_ERR_INVALID_ARGUMENT, err);
    bynder_error_free(err);
    config.portal = mock->http_url;
    config.permanent_token = "tok\xfe";
    CHECK_FAILS(bynder_client_new(&config, &new_client, &err), BYNDER_ERR_INVALID_ARGUMENT, err);
    CHECK(strstr(bynder_error_message(err), "config.permanent_token"), "names the field: %s",
          bynder_error_message(err));
    bynder_error_free(err);

    bynder_pages *pages = NULL;
    CHECK_FAILS(bynder_pages_new(client, "tags.list", "{\"keyword\": \"\xff\"}", &pages, &err),
                BYNDER_ERR_INVALID_ARGUMENT, err);
    bynder_error_free(err);
    CHECK_FAILS(bynder_upload(client, "/tmp/\xff.jpg", NULL, NULL, &err),
                BYNDER_ERR_INVALID_ARGUMENT, err);
    bynder_error_free(err);
    bynder_upload_options options = {0};
    options.brand_id = "\xff";
    CHECK_FAILS(bynder_upload(client, "/tmp/x.jpg", &options, NULL, &err),
                BYNDER_ERR_INVALID_ARGUMENT, err);
    bynder_error_free(err);
    CHECK_FAILS(bynder_download(client, "\xff", "/tmp/x", NULL, NULL, &err),
                BYNDER_ERR_INVALID_ARGUMENT, err);
    bynder_error_free(err);
    CHECK_FAILS(bynder_id_convert("\xff", "rfc4122", &out, &err), BYNDER_ERR_INVALID_ARGUMENT,
                err);
    bynder_error_free(err);
    CHECK_FAILS(bynder_authorization_request(client, "asset:read\xff", &out, &err),
                BYNDER_ERR_INVALID_ARGUMENT, err);
    bynder_error_free(err);
}

int main(void) {
    mock_portal mock;
    mock_start(&mock, NULL);
    /* The first client of a portal sets its rate-limit policy (short pauses here). */
    bynder_client *client = client_with_token(&mock, OPTIONS);
    portal_errors(&mock, client);
    credential_errors(&mock);
    transport_errors(&mock);
    null_arguments(client);
    invalid_utf8(&mock, client);
    bynder_client_free(client);
    mock_stop(&mock);
    TEST_DONE("test_errors");
    return 0;
}
