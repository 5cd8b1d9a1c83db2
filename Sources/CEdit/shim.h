// libedit (Debian libedit-dev): readline emulation plus the native histedit API.
// Variadic el_set/history calls do not import into Swift; non-variadic wrappers go here.
#include <stdio.h>
#include <editline/readline.h>
#include <histedit.h>
