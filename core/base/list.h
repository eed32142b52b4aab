/* list.h - the one growth helper and the one list-free macro for the
 * array lists of core (a struct with a heap array v and a count n).
 *
 * grow_array() makes room for need elements of elem bytes in *v, whose
 * capacity is *cap: it doubles the capacity (from 16) until need fits and
 * reallocs once.  Returns DUBAN_OK, or DUBAN_ENOMEM with *v and *cap
 * unchanged (the caller still owns and frees *v).  ARRAY_GROW(v, cap, need)
 * is the same with the element size taken from v.
 *
 * DEFINE_LIST_FREE(list_type, elem_free) defines
 * void list_type_free(list_type *l): elem_free(&l->v[i]) for each element,
 * then frees v and leaves the list empty.  DEFINE_FLAT_LIST_FREE(list_type)
 * does the same for lists whose elements own nothing.
 */
#ifndef DUBAN_LIST_H
#define DUBAN_LIST_H

#include <stddef.h>
#include <stdlib.h>

int grow_array(void **v, size_t *cap, size_t need, size_t elem);

#define ARRAY_GROW(v, cap, need) grow_array((void **)&(v), &(cap), (need), sizeof *(v))

#define DEFINE_LIST_FREE(list_type, elem_free)                                                     \
    void list_type##_free(list_type *l)                                                            \
    {                                                                                              \
        for (size_t i = 0; i < l->n; i++)                                                          \
            elem_free(&l->v[i]);                                                                   \
        free(l->v);                                                                                \
        l->v = NULL;                                                                               \
        l->n = 0;                                                                                  \
    }

#define DEFINE_FLAT_LIST_FREE(list_type)                                                           \
    void list_type##_free(list_type *l)                                                            \
    {                                                                                              \
        free(l->v);                                                                                \
        l->v = NULL;                                                                               \
        l->n = 0;                                                                                  \
    }

#endif
