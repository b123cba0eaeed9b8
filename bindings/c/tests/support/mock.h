/* Starting bynder-mock for a test program, and talking to its admin API (/_mock/...). */
#ifndef BYNDER_TEST_MOCK_H
#define BYNDER_TEST_MOCK_H

#include <stddef.h>
#include <sys/types.h>

typedef struct {
    pid_t pid;
    char http_url[128];  /* http://127.0.0.1:PORT */
    char https_url[128]; /* https://127.0.0.1:PORT */
    char cert_path[512]; /* the mock's self-signed certificate (PEM) */
    char dir[256];       /* a temporary directory, removed by mock_stop */
    char token[64];      /* the permanent token */
    char client_id[64];
    char client_secret[64];
} mock_portal;

/* Starts `$BYNDER_MOCK_BIN serve` (default target/debug/bynder-mock) on free ports, with HTTPS,
 * fresh credentials and `extra_args` (NULL-terminated, or NULL); waits for `ready`. Exits the
 * test with the mock's output when it does not come up within 60 s. Call it from the main
 * thread: the mock is killed when that thread exits. */
void mock_start(mock_portal *mock, const char *const *extra_args);
/* Stops the mock and removes its directory. */
void mock_stop(mock_portal *mock);

/* One HTTP/1.1 request to `url` (http only); answers the status (or -1 if the connection
 * failed). `*body` (when given) receives the malloc'd response body, `location` (when given)
 * the Location header (empty when none). */
int http_request(const char *method, const char *url, const char *json_body, char **body,
                 char *location, size_t location_size);

/* Admin API helpers: each exits the test when the mock refuses. */
void mock_fault(const mock_portal *mock, const char *rule_json);
void mock_clear_faults(const mock_portal *mock);
/* GET /_mock/stats as a malloc'd JSON string. */
char *mock_stats(const mock_portal *mock);
/* Requests the mock served for operation `name` (`per_operation` of /_mock/stats). */
long mock_served(const mock_portal *mock, const char *operation);

/* A temporary path inside the mock's directory: `<dir>/<name>`. */
void mock_path(const mock_portal *mock, const char *name, char *out, size_t size);

#endif
