#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A word-by-word difference of two texts (longest common subsequence of
 * words and the spaces between them), for showing a change request's
 * current content and new wording side by side (O93-11). */

typedef enum
{
  AWP_DIFF_SAME,
  AWP_DIFF_REMOVED,  /* only in the old text */
  AWP_DIFF_ADDED,    /* only in the new text */
} AwpDiffKind;

typedef struct
{
  AwpDiffKind  kind;
  char        *text;
} AwpDiffSpan;

void       awp_diff_span_free (AwpDiffSpan *span);

/* The spans in order; adjacent spans of one kind are merged. Texts longer
 * than AWP_DIFF_MAX_WORDS words each are compared as one removed and one
 * added span. */
#define AWP_DIFF_MAX_WORDS 4000
GPtrArray *awp_text_diff      (const char  *old_text,
                               const char  *new_text);

G_END_DECLS
