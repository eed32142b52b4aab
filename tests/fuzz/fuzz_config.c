/* libFuzzer target: the configuration reader (config_load) on any file:
 * either a configuration or one clear error, never a crash. */
#include "config/config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const config_action actions[] = {
    {"move_down", {'j', 0}}, {"move_up", {'k', 0}}, {"quit", {'q', 0}}, {"help", {'?', 0}}};

static char path[64];

static void remove_file(void)
{
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        snprintf(path, sizeof path, "/tmp/duban-fuzz-config-%ld.ini", (long)getpid());
        atexit(remove_file);
    }
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    duban_config *cfg = NULL;
    duban_error err = {0};
    int rc = config_load(path, NULL, actions, sizeof actions / sizeof actions[0], &cfg, &err);
    if ((rc == DUBAN_OK) != (cfg != NULL) || (rc != DUBAN_OK && !err.msg[0]))
        abort();
    config_free(cfg);
    return 0;
}
