/* ub_trap_probe.c - a signed overflow when its argument is 1: built with
 * the asan preset's flags it must stop there, with ASan's report of the
 * place (tests/arch/ub_trap.sh). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int near_max = INT_MAX - 1 + (argc > 1 ? atoi(argv[1]) : 0);
    printf("%d\n", near_max + 1);
    return 0;
}
