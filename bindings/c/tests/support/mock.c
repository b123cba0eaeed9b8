/* Starts bynder-mock for a test and drives its admin API over a plain socket. */
#define _GNU_SOURCE
#include "mock.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "json.h"

static void die(const char *what, const mock_portal *mock) {
    fprintf(stderr, "mock: %s\n", what);
    if (mock && mock->dir[0]) {
        char command[600];
        snprintf(command, sizeof command, "cat '%s/stdout' '%s/stderr' >&2", mock->dir, mock->dir);
        if (system(command) != 0) fprintf(stderr, "(no mock output)\n");
    }
    exit(1);
}

static void random_hex(char *out, size_t bytes) {
    static unsigned seed;
    if (!seed) seed = (unsigned)time(NULL) ^ (unsigned)getpid();
    for (size_t i = 0; i < bytes; i++) sprintf(out + 2 * i, "%02x", rand_r(&seed) & 0xff);
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *text = NULL;
    size_t len = 0;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        char *grown = realloc(text, len + n + 1);
        if (!grown) break;
        text = grown;
        memcpy(text + len, chunk, n);
        len += n;
        text[len] = '\0';
    }
    fclose(f);
    return text;
}

/* Copies `src` into `dst`, truncating to `size`. */
static void copy(char *dst, size_t size, const char *src) {
    size_t n = strlen(src);
    if (n >= size) n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Reads `listening`, `certificate` and `ready` lines from the mock's stdout file. */
static int parse_announcements(mock_portal *mock, const char *text) {
    int ready = 0;
    const char *line = text;
    while (line && *line) {
        const char *end = strchr(line, '\n');
        if (!end) break; /* an incomplete last line: read again later */
        size_t len = (size_t)(end - line);
        char buf[600];
        if (len >= sizeof buf) len = sizeof buf - 1;
        memcpy(buf, line, len);
        buf[len] = '\0';
        if (strncmp(buf, "listening https://", 18) == 0)
            copy(mock->https_url, sizeof mock->https_url, buf + 10);
        else if (strncmp(buf, "listening http://", 17) == 0)
            copy(mock->http_url, sizeof mock->http_url, buf + 10);
        else if (strncmp(buf, "certificate ", 12) == 0)
            copy(mock->cert_path, sizeof mock->cert_path, buf + 12);
        else if (strcmp(buf, "ready") == 0)
            ready = 1;
        line = end + 1;
    }
    return ready;
}

/* The running mock, stopped at exit when a failed check ends the test early. */
static mock_portal *running;

static void stop_at_exit(void) {
    if (running) mock_stop(running);
}

void mock_start(mock_portal *mock, const char *const *extra_args) {
    memset(mock, 0, sizeof *mock);
    static int registered;
    if (!registered) registered = atexit(stop_at_exit) == 0;
    running = mock;
    const char *binary = getenv("BYNDER_MOCK_BIN");
    if (!binary || !*binary) binary = "target/debug/bynder-mock";
    if (access(binary, X_OK) != 0) {
        fprintf(stderr, "mock: %s is not an executable (set BYNDER_MOCK_BIN)\n", binary);
        exit(1);
    }
    const char *tmp = getenv("TMPDIR");
    snprintf(mock->dir, sizeof mock->dir, "%s/bynder-c-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(mock->dir)) die("cannot create a temporary directory", NULL);
    snprintf(mock->token, sizeof mock->token, "pt-");
    random_hex(mock->token + 3, 16);
    snprintf(mock->client_id, sizeof mock->client_id, "c-test-");
    random_hex(mock->client_id + 7, 4);
    snprintf(mock->client_secret, sizeof mock->client_secret, "s-");
    random_hex(mock->client_secret + 2, 16);

    char cert_out[600], out_path[600], err_path[600];
    snprintf(cert_out, sizeof cert_out, "%s/cert.pem", mock->dir);
    snprintf(out_path, sizeof out_path, "%s/stdout", mock->dir);
    snprintf(err_path, sizeof err_path, "%s/stderr", mock->dir);
    const char *argv[64] = {binary, "serve", "--port", "0", "--tls", "--tls-port", "0",
                            "--cert-out", cert_out, "--permanent-token", mock->token,
                            "--client-id", mock->client_id, "--client-secret",
                            mock->client_secret, "--seed", "7"};
    int argc = 17;
    for (int i = 0; extra_args && extra_args[i] && argc < 62; i++) argv[argc++] = extra_args[i];
    argv[argc] = NULL;

    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) die("fork failed", mock);
    if (pid == 0) {
        /* Only async-signal-safe calls until exec: the test process has runtime threads. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(1);
        int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int in = open("/dev/null", O_RDONLY);
        if (out < 0 || err < 0 || in < 0) _exit(1);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        execv(binary, (char *const *)argv);
        _exit(127);
    }
    mock->pid = pid;
    for (int waited_ms = 0;; waited_ms += 20) {
        char *text = read_file(out_path);
        int ready = text && parse_announcements(mock, text);
        free(text);
        if (ready) break;
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            mock->pid = 0;
            die("bynder-mock exited before printing `ready`", mock);
        }
        if (waited_ms > 60000) die("bynder-mock did not print `ready` within 60 s", mock);
        usleep(20000);
    }
    if (!mock->http_url[0] || !mock->https_url[0] || !mock->cert_path[0])
        die("bynder-mock said `ready` without announcing its listeners and certificate", mock);
}

void mock_stop(mock_portal *mock) {
    if (running == mock) running = NULL;
    if (mock->pid > 0) {
        kill(mock->pid, SIGTERM);
        int status;
        for (int i = 0; i < 250 && waitpid(mock->pid, &status, WNOHANG) == 0; i++) usleep(20000);
        if (kill(mock->pid, 0) == 0) {
            kill(mock->pid, SIGKILL);
            waitpid(mock->pid, &status, 0);
        }
        mock->pid = 0;
    }
    if (mock->dir[0]) {
        char command[600];
        snprintf(command, sizeof command, "rm -rf '%s'", mock->dir);
        if (system(command) != 0) fprintf(stderr, "mock: could not remove %s\n", mock->dir);
        mock->dir[0] = '\0';
    }
}

void mock_path(const mock_portal *mock, const char *name, char *out, size_t size) {
    snprintf(out, size, "%s/%s", mock->dir, name);
}

/* Splits http://host:port/path. */
static int split_url(const char *url, char *host, size_t host_size, char *port, char *path,
                     size_t path_size) {
    if (strncmp(url, "http://", 7) != 0) return 0;
    const char *rest = url + 7;
    const char *slash = strchr(rest, '/');
    size_t authority = slash ? (size_t)(slash - rest) : strlen(rest);
    char hostport[256];
    if (authority >= sizeof hostport) return 0;
    memcpy(hostport, rest, authority);
    hostport[authority] = '\0';
    char *colon = strrchr(hostport, ':');
    if (colon) {
        *colon = '\0';
        snprintf(port, 8, "%s", colon + 1);
    } else {
        snprintf(port, 8, "80");
    }
    snprintf(host, host_size, "%s", hostport);
    snprintf(path, path_size, "%s", slash ? slash : "/");
    return 1;
}

/* Removes chunked transfer coding in place. */
static void dechunk(char *body) {
    char *in = body, *out = body;
    for (;;) {
        char *end;
        unsigned long size = strtoul(in, &end, 16);
        char *line_end = strstr(in, "\r\n");
        if (!line_end || size == 0) break;
        in = line_end + 2;
        memmove(out, in, size);
        out += size;
        in += size + 2;
    }
    *out = '\0';
}

int http_request(const char *method, const char *url, const char *json_body, char **body,
                 char *location, size_t location_size) {
    char host[256], port[8], path[2048];
    if (body) *body = NULL;
    if (location && location_size) location[0] = '\0';
    if (!split_url(url, host, sizeof host, port, path, sizeof path)) return -1;
    struct addrinfo hints = {0}, *found;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &found) != 0) return -1;
    int fd = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
    if (fd < 0 || connect(fd, found->ai_addr, found->ai_addrlen) != 0) {
        if (fd >= 0) close(fd);
        freeaddrinfo(found);
        return -1;
    }
    freeaddrinfo(found);
    size_t body_len = json_body ? strlen(json_body) : 0;
    char head[3072];
    int head_len = snprintf(head, sizeof head,
                            "%s %s HTTP/1.1\r\nHost: %s:%s\r\nConnection: close\r\n"
                            "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                            method, path, host, port, body_len);
    if (send(fd, head, (size_t)head_len, 0) != head_len ||
        (body_len && send(fd, json_body, body_len, 0) != (ssize_t)body_len)) {
        close(fd);
        return -1;
    }
    char *response = NULL;
    size_t len = 0;
    char chunk[8192];
    ssize_t n;
    while ((n = recv(fd, chunk, sizeof chunk, 0)) > 0) {
        char *grown = realloc(response, len + (size_t)n + 1);
        if (!grown) break;
        response = grown;
        memcpy(response + len, chunk, (size_t)n);
        len += (size_t)n;
        response[len] = '\0';
    }
    close(fd);
    int status = -1;
    if (response && sscanf(response, "HTTP/1.%*d %d", &status) == 1) {
        char *headers_end = strstr(response, "\r\n\r\n");
        char *content = headers_end ? headers_end + 4 : response + len;
        if (headers_end) *headers_end = '\0';
        int chunked = strcasestr(response, "\r\ntransfer-encoding: chunked") != NULL;
        char *loc = strcasestr(response, "\r\nlocation: ");
        if (loc && location) {
            loc += 12;
            size_t loc_len = strcspn(loc, "\r\n");
            if (loc_len >= location_size) loc_len = location_size - 1;
            memcpy(location, loc, loc_len);
            location[loc_len] = '\0';
        }
        if (body) {
            *body = strdup(content);
            if (chunked && *body) dechunk(*body);
        }
    }
    free(response);
    return status;
}

static void admin(const mock_portal *mock, const char *method, const char *path, const char *json) {
    char url[256];
    snprintf(url, sizeof url, "%s%s", mock->http_url, path);
    char *body = NULL;
    int status = http_request(method, url, json, &body, NULL, 0);
    if (status < 200 || status > 299) {
        fprintf(stderr, "mock admin %s %s answered %d: %s\n", method, path, status,
                body ? body : "");
        free(body);
        exit(1);
    }
    free(body);
}

void mock_fault(const mock_portal *mock, const char *rule_json) {
    admin(mock, "POST", "/_mock/faults", rule_json);
}

void mock_clear_faults(const mock_portal *mock) { admin(mock, "DELETE", "/_mock/faults", NULL); }

char *mock_stats(const mock_portal *mock) {
    char url[256];
    snprintf(url, sizeof url, "%s/_mock/stats", mock->http_url);
    char *body = NULL;
    int status = http_request("GET", url, NULL, &body, NULL, 0);
    if (status != 200) {
        fprintf(stderr, "GET /_mock/stats answered %d\n", status);
        exit(1);
    }
    return body;
}

long mock_served(const mock_portal *mock, const char *operation) {
    char *text = mock_stats(mock);
    jvalue *stats = json_parse(text, NULL);
    free(text);
    long count = (long)json_num(json_get(stats, "by_operation"), operation, 0);
    json_free(stats);
    return count;
}
