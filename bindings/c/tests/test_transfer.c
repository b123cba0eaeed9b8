/* Uploads and downloads over real HTTP: progress reports, checksums, resume, and cancellation
 * from another thread during slow transfers (the mock's latency and slow-body faults). */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/helpers.h"

#define FILE_SIZE (6 * 1024 * 1024 + 12345)
#define CHUNK "1048576"

typedef struct {
    int counts[16];
    uint64_t last_done, total;
    int backwards;
    char media_id[64];
    char checkpoint[8192]; /* the `state` of the latest checkpoint event */
    int cancel_after_chunks;
    const bynder_cancel *cancel;
    atomic_int started;
    const bynder_client *client; /* when set, the first report makes a call of its own */
    bynder_status nested;
} progress_log;

static void on_progress(const bynder_progress *p, void *ctx) {
    progress_log *log = ctx;
    if (p->kind > 0 && p->kind < 16) log->counts[p->kind]++;
    if (p->done_bytes < log->last_done) log->backwards = 1;
    log->last_done = p->done_bytes;
    log->total = p->total_bytes;
    atomic_store(&log->started, 1);
    if (log->client) {
        char *out = NULL;
        log->nested = bynder_call(log->client, "account.get", NULL, &out, NULL);
        bynder_string_free(out);
        log->client = NULL;
    }
    jvalue *event = json_parse(p->json, NULL);
    CHECK(event && strcmp(json_str(event, "event"), p->name) == 0, "event %s in %s", p->name,
          p->json);
    if (p->kind == BYNDER_PROGRESS_SAVED)
        snprintf(log->media_id, sizeof log->media_id, "%s", json_str(event, "media_id"));
    json_free(event);
    if (p->kind == BYNDER_PROGRESS_CHECKPOINT) {
        const char *state = strstr(p->json, "\"state\":");
        CHECK(state != NULL, "checkpoint without state: %s", p->json);
        snprintf(log->checkpoint, sizeof log->checkpoint, "%s", state + 8);
        log->checkpoint[strlen(log->checkpoint) - 1] = '\0'; /* the event's closing brace */
    }
    if (p->kind == BYNDER_PROGRESS_CHUNK_SENT && log->cancel &&
        log->counts[BYNDER_PROGRESS_CHUNK_SENT] == log->cancel_after_chunks)
        CHECK(bynder_cancel_trigger(log->cancel) == BYNDER_OK, "cancel from the callback");
}

typedef struct {
    const bynder_cancel *cancel;
    int delay_ms;
    atomic_int *wait_for;
} canceller;

static void *cancel_later(void *arg) {
    canceller *c = arg;
    while (c->wait_for && !atomic_load(c->wait_for)) usleep(5000);
    usleep((useconds_t)c->delay_ms * 1000);
    bynder_cancel_trigger(c->cancel);
    return NULL;
}

static char brand[64];

static jvalue *upload(const bynder_client *client, const char *path, progress_log *log,
                      const char *extra) {
    bynder_upload_options options = {0};
    options.brand_id = brand;
    options.name = "Uploaded from C";
    options.tags = "c-test, sdk";
    options.extra_json = extra;
    options.on_progress = on_progress;
    options.progress_ctx = log;
    char *out = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_upload(client, path, &options, &out, &err), err);
    jvalue *outcome = json_parse(out, NULL);
    bynder_string_free(out);
    return outcome;
}

static void upload_and_download(const mock_portal *mock, const bynder_client *client,
                                const char *file) {
    progress_log log = {0};
    jvalue *outcome = upload(client, file, &log, "{\"chunk_size\": " CHUNK "}");
    const char *media_id = json_str(outcome, "media_id");
    CHECK(media_id && strcmp(media_id, log.media_id) == 0, "saved %s, reported %s", media_id,
          log.media_id);
    CHECK(json_num(outcome, "bytes", 0) == FILE_SIZE, "uploaded %g bytes",
          json_num(outcome, "bytes", 0));
    CHECK(json_num(outcome, "chunks", 0) == 7, "7 chunks of 1 MiB, got %g",
          json_num(outcome, "chunks", 0));
    CHECK(log.counts[BYNDER_PROGRESS_UPLOAD_STARTED] == 1, "one started event");
    CHECK(log.counts[BYNDER_PROGRESS_CHUNK_SENT] == 7, "%d chunk events",
          log.counts[BYNDER_PROGRESS_CHUNK_SENT]);
    CHECK(log.counts[BYNDER_PROGRESS_SAVED] == 1, "one saved event");
    CHECK(!log.backwards && log.last_done == FILE_SIZE && log.total == FILE_SIZE,
          "progress reached %llu of %llu", (unsigned long long)log.last_done,
          (unsigned long long)log.total);

    char params[128];
    snprintf(params, sizeof params, "{\"id\": \"%s\"}", media_id);
    jvalue *asset = call_json(client, "media.get", params);
    CHECK(strcmp(json_str(asset, "name"), "Uploaded from C") == 0, "the asset's name");
    json_free(asset);

    /* Download into a directory, with a checksum and progress. */
    char dir[600];
    mock_path(mock, "downloads", dir, sizeof dir);
    CHECK(mkdir(dir, 0700) == 0, "mkdir %s", dir);
    progress_log down = {0};
    down.client = client;
    down.nested = -1;
    bynder_download_options options = {0};
    options.sha256 = true;
    options.on_progress = on_progress;
    options.progress_ctx = &down;
    char *out = NULL;
    bynder_error *err = NULL;
    CHECK_OK(bynder_download(client, media_id, dir, &options, &out, &err), err);
    jvalue *done = json_parse(out, NULL);
    bynder_string_free(out);
    CHECK(json_num(done, "bytes", 0) == FILE_SIZE, "downloaded %g bytes",
          json_num(done, "bytes", 0));
    CHECK(strcmp(json_str(done, "sha256"), json_str(outcome, "sha256")) == 0,
          "the download's sha256 %s is the upload's %s", json_str(done, "sha256"),
          json_str(outcome, "sha256"));
    struct stat st;
    CHECK(stat(json_str(done, "path"), &st) == 0 && st.st_size == FILE_SIZE, "file at %s",
          json_str(done, "path"));
    CHECK(strncmp(json_str(done, "path"), dir, strlen(dir)) == 0, "written inside %s", dir);
    CHECK(down.counts[BYNDER_PROGRESS_DOWNLOAD_STARTED] == 1 &&
              down.counts[BYNDER_PROGRESS_DOWNLOAD_FINISHED] == 1 &&
              down.counts[BYNDER_PROGRESS_DOWNLOAD_PROGRESS] >= 1,
          "download events");
    CHECK(down.nested == BYNDER_OK, "a call from inside a progress callback answered %d",
          down.nested);
    CHECK(!down.backwards && down.last_done == FILE_SIZE && down.total == FILE_SIZE,
          "download progress reached %llu", (unsigned long long)down.last_done);
    json_free(done);

    /* To an explicit path, without options; the id in RFC 4122 form. */
    char path[700], *rfc = NULL;
    mock_path(mock, "copy.bin", path, sizeof path);
    CHECK_OK(bynder_id_convert(media_id, "rfc4122", &rfc, &err), err);
    CHECK_OK(bynder_download(client, rfc, path, NULL, NULL, &err), err);
    bynder_string_free(rfc);
    CHECK(stat(path, &st) == 0 && st.st_size == FILE_SIZE, "file at %s", path);
    json_free(outcome);
}

static void cancel_upload_from_thread(const mock_portal *mock, const bynder_client *client,
                                      const char *file) {
    mock_fault(mock, "{\"target\": {\"operation\": \"upload.chunk\"}, "
                     "\"fault\": {\"latency_ms\": 6000}}");
    bynder_cancel *cancel = bynder_cancel_new();
    canceller c = {cancel, 300, NULL};
    pthread_t thread;
    CHECK(pthread_create(&thread, NULL, cancel_later, &c) == 0, "pthread_create");
    bynder_upload_options options = {0};
    options.brand_id = brand;
    options.extra_json = "{\"chunk_size\": " CHUNK "}";
    options.cancel = cancel;
    bynder_error *err = NULL;
    double start = now_ms();
    CHECK_FAILS(bynder_upload(client, file, &options, NULL, &err), BYNDER_ERR_CANCELLED, err);
    double elapsed = now_ms() - start;
    pthread_join(thread, NULL);
    CHECK(elapsed < 4000, "cancelled after %.0f ms, not after the 6 s chunk latency", elapsed);
    CHECK(bynder_cancel_is_triggered(cancel), "the handle reports it was triggered");
    bynder_error_free(err);
    bynder_cancel_free(cancel);
    mock_clear_faults(mock);
}

static void cancel_download_from_thread(const mock_portal *mock, const bynder_client *client,
                                        const char *media_id) {
    mock_fault(mock, "{\"target\": {\"operation\": \"storage.download\"}, "
                     "\"fault\": {\"slow_body_ms\": 10000}}");
    bynder_cancel *cancel = bynder_cancel_new();
    progress_log log = {0};
    canceller c = {cancel, 200, &log.started};
    pthread_t thread;
    CHECK(pthread_create(&thread, NULL, cancel_later, &c) == 0, "pthread_create");
    char path[700];
    mock_path(mock, "slow.bin", path, sizeof path);
    bynder_download_options options = {0};
    options.on_progress = on_progress;
    options.progress_ctx = &log;
    options.cancel = cancel;
    bynder_error *err = NULL;
    double start = now_ms();
    CHECK_FAILS(bynder_download(client, media_id, path, &options, NULL, &err),
                BYNDER_ERR_CANCELLED, err);
    double elapsed = now_ms() - start;
    pthread_join(thread, NULL);
    CHECK(elapsed < 6000, "cancelled after %.0f ms, not after the 10 s slow body", elapsed);
    CHECK(log.counts[BYNDER_PROGRESS_DOWNLOAD_STARTED] == 1, "the body had started");
    CHECK(log.counts[BYNDER_PROGRESS_DOWNLOAD_FINISHED] == 0, "and never finished");
    CHECK(access(path, F_OK) != 0, "no file under the final name after a cancel");
    char part[720];
    snprintf(part, sizeof part, "%s.part", path);
    CHECK(access(part, F_OK) != 0, "no partial file left without resume");
    bynder_error_free(err);
    bynder_cancel_free(cancel);
    mock_clear_faults(mock);
}

static void cancel_in_callback_then_resume(const mock_portal *mock, const bynder_client *client,
                                           const char *file) {
    bynder_cancel *cancel = bynder_cancel_new();
    progress_log log = {0};
    log.cancel = cancel;
    log.cancel_after_chunks = 2;
    bynder_upload_options options = {0};
    options.brand_id = brand;
    options.extra_json = "{\"chunk_size\": " CHUNK ", \"parallelism\": 1}";
    options.on_progress = on_progress;
    options.progress_ctx = &log;
    options.cancel = cancel;
    bynder_error *err = NULL;
    CHECK_FAILS(bynder_upload(client, file, &options, NULL, &err), BYNDER_ERR_CANCELLED, err);
    bynder_error_free(err);
    bynder_cancel_free(cancel);
    CHECK(log.checkpoint[0] == '{', "a checkpoint was reported before the cancel");

    /* Resume from the last checkpoint: only the missing chunks are sent. */
    char extra[9000];
    snprintf(extra, sizeof extra, "{\"chunk_size\": " CHUNK ", \"resume\": %s}", log.checkpoint);
    long chunks_before = mock_served(mock, "upload.chunk");
    progress_log resumed = {0};
    jvalue *outcome = upload(client, file, &resumed, extra);
    long sent = mock_served(mock, "upload.chunk") - chunks_before;
    CHECK(json_num(outcome, "bytes", 0) == FILE_SIZE, "the resumed upload is complete");
    CHECK(sent >= 1 && sent < 7, "the resumed upload sent %ld of 7 chunks", sent);
    json_free(outcome);
}

static void refused_before_sending(const mock_portal *mock, const bynder_client *client,
                                   const char *file) {
    long prepared = mock_served(mock, "upload.prepare");
    bynder_error *err = NULL;
    bynder_upload_options no_brand = {0};
    CHECK_FAILS(bynder_upload(client, file, &no_brand, NULL, &err), BYNDER_ERR_INVALID_ARGUMENT,
                err);
    bynder_error_free(err);
    bynder_upload_options options = {0};
    options.brand_id = brand;
    CHECK_FAILS(bynder_upload(client, "/nonexistent/file.jpg", &options, NULL, &err),
                BYNDER_ERR_IO, err);
    bynder_error_free(err);
    options.extra_json = "{\"chunk_sise\": 5}";
    CHECK_FAILS(bynder_upload(client, file, &options, NULL, &err), BYNDER_ERR_INVALID_ARGUMENT,
                err);
    bynder_error_free(err);
    CHECK(mock_served(mock, "upload.prepare") == prepared, "nothing was sent");

    char path[700];
    mock_path(mock, "never.bin", path, sizeof path);
    CHECK_FAILS(bynder_download(client, "not-an-id", path, NULL, NULL, &err),
                BYNDER_ERR_INVALID_ID, err);
    bynder_error_free(err);
    CHECK_FAILS(bynder_download(client, "00000000-0000-0000-0000000000000000", path, NULL, NULL,
                                &err),
                BYNDER_ERR_NOT_FOUND, err);
    CHECK(bynder_error_http_status(err) == 404, "a 404");
    bynder_error_free(err);
    bynder_download_options both = {0};
    both.version = 2;
    both.additional = true;
    CHECK_FAILS(bynder_download(client, brand, path, &both, NULL, &err),
                BYNDER_ERR_INVALID_ARGUMENT, err);
    bynder_error_free(err);
}

int main(void) {
    mock_portal mock;
    const char *args[] = {"--processing-delay-ms", "20", NULL};
    mock_start(&mock, args);
    bynder_client *client = client_with_token(&mock, "{\"rate_limit\": \"unlimited\"}");
    first_id(client, "brands.list", NULL, brand, sizeof brand);
    char file[600];
    mock_path(&mock, "upload.bin", file, sizeof file);
    write_random_file(file, FILE_SIZE, 42);

    upload_and_download(&mock, client, file);
    cancel_upload_from_thread(&mock, client, file);
    char media_id[64];
    first_id(client, "media.list", "{\"limit\": 1, \"orderBy\": \"dateCreated desc\"}", media_id,
             sizeof media_id);
    cancel_download_from_thread(&mock, client, media_id);
    cancel_in_callback_then_resume(&mock, client, file);
    refused_before_sending(&mock, client, file);

    bynder_client_free(client);
    mock_stop(&mock);
    TEST_DONE("test_transfer");
    return 0;
}
