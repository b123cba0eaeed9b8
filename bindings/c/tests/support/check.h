/* Assertions for the C tests: a failed check prints where and why, then exits 1. */
#ifndef BYNDER_TEST_CHECK_H
#define BYNDER_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#include "bynder.h"

extern int checks_passed;

#define CHECK(cond, ...)                                                                  \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "%s:%d: check failed: %s\n    ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                                 \
            fprintf(stderr, "\n");                                                        \
            exit(1);                                                                      \
        }                                                                                 \
        checks_passed++;                                                                  \
    } while (0)

/* `status` must be BYNDER_OK; otherwise prints the error and exits. Frees `err`. */
#define CHECK_OK(status, err)                                                             \
    do {                                                                                  \
        bynder_status check_status_ = (status);                                           \
        if (check_status_ != BYNDER_OK) {                                                 \
            fprintf(stderr, "%s:%d: %s failed with %d (%s): %s\n", __FILE__, __LINE__,    \
                    #status, check_status_, bynder_status_name(check_status_),            \
                    (err) ? bynder_error_display(err) : "(no error object)");             \
            exit(1);                                                                      \
        }                                                                                 \
        CHECK((err) == NULL, "a successful call left an error object");                  \
    } while (0)

/* `status` must be `expected`, with an error object of the same status in `err`. */
#define CHECK_FAILS(status, expected, err)                                                \
    do {                                                                                  \
        bynder_status check_status_ = (status);                                           \
        CHECK(check_status_ == (expected), "%s: got %d (%s), wanted %d (%s): %s", #status, \
              check_status_, bynder_status_name(check_status_), (int)(expected),          \
              bynder_status_name(expected), (err) ? bynder_error_display(err) : "-");     \
        CHECK((err) != NULL, "a failed call left no error object");                      \
        CHECK(bynder_error_status(err) == (expected), "error object has status %d",       \
              bynder_error_status(err));                                                  \
    } while (0)

/* Prints the closing line every test program ends with. */
#define TEST_DONE(name)                                                                   \
    do {                                                                                  \
        printf("%s: %d checks passed\n", (name), checks_passed);                          \
    } while (0)

#endif
