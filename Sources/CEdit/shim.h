// libedit (Debian libedit-dev): readline emulation plus the native histedit API.
// Variadic el_set/history calls do not import into Swift; non-variadic wrappers go here.
#include <stdio.h>
#include <editline/readline.h>
#include <histedit.h>

// Swift 6 rejects direct use of libedit's mutable globals; these accessors are the
// only way migsh touches them.
static inline void cedit_set_completion_function(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
static inline void cedit_set_completion_over(int v) { rl_attempted_completion_over = v; }
static inline void cedit_set_append_character(int c) { rl_completion_append_character = c; }
static inline void cedit_set_word_breaks(char *chars) { rl_completer_word_break_characters = chars; }
static inline void cedit_set_catch_signals(int v) { rl_catch_signals = v; }
static inline void cedit_set_readline_name(const char *name) { rl_readline_name = name; }
static inline const char *cedit_line_buffer(void) { return rl_line_buffer; }
static inline int cedit_point(void) { return rl_point; }
static inline int cedit_history_length(void) { return history_length; }
static inline int cedit_history_base(void) { return history_base; }
static inline void cedit_set_getc_function(int (*f)(FILE *)) { rl_getc_function = f; }
