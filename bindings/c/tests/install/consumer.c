/* A program built against an installed libbynder (pkg-config or CMake), as a user would: it
 * must compile as strict C99 and work. With BYNDER_PORTAL and BYNDER_TOKEN set it also makes a
 * real call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bynder.h>

int main(void) {
    char *id = NULL;
    bynder_error *err = NULL;
    if (bynder_id_convert("00B627BB-8054-44C0-A343FCF40BC790CD", "rfc4122", &id, &err) !=
            BYNDER_OK ||
        strcmp(id, "00b627bb-8054-44c0-a343-fcf40bc790cd") != 0) {
        fprintf(stderr, "id conversion failed\n");
        return 1;
    }
    bynder_string_free(id);

    const char *portal = getenv("BYNDER_PORTAL");
    if (portal) {
        bynder_config config = {0};
        config.portal = portal;
        config.permanent_token = getenv("BYNDER_TOKEN");
        bynder_client *client = NULL;
        char *account = NULL;
        bynder_status status = bynder_client_new(&config, &client, &err);
        if (status == BYNDER_OK) status = bynder_call(client, "account.get", NULL, &account, &err);
        if (status != BYNDER_OK) {
            fprintf(stderr, "account.get: %s\n", bynder_error_display(err));
            bynder_error_free(err);
            bynder_client_free(client);
            return 1;
        }
        bynder_string_free(account);
        bynder_client_free(client);
    }
    printf("consumer ok (libbynder %s%s)\n", bynder_version(), portal ? ", account.get" : "");
    return 0;
}
