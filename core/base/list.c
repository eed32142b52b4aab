/* list.c - the growth helper (see list.h). */
#include "base/list.h"

#include "base/error.h"

#include <stdint.h>

int grow_array(void **v, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return DUBAN_OK;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return DUBAN_ENOMEM;
        ncap *= 2;
    }
    if (elem && ncap > SIZE_MAX / elem)
        return DUBAN_ENOMEM;
    void *nv = realloc(*v, ncap * elem);
    if (!nv)
        return DUBAN_ENOMEM;
    *v = nv;
    *cap = ncap;
    return DUBAN_OK;
}
