#include "config.h"

#include "awp-text-diff.h"

void
awp_diff_span_free (AwpDiffSpan *span)
{
  if (span == NULL)
    return;
  g_free (span->text);
  g_free (span);
}

/* Words and the runs of white space between them, as separate tokens. */
static GPtrArray *
tokens (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      const char *start = p;
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)) == space)
        p = g_utf8_next_char (p);
      g_ptr_array_add (out, g_strndup (start, p - start));
    }
  return out;
}

static void
add_span (GPtrArray   *spans,
          AwpDiffKind  kind,
          const char  *text)
{
  AwpDiffSpan *last = spans->len > 0 ? g_ptr_array_index (spans, spans->len - 1) : NULL;

  if (last != NULL && last->kind == kind)
    {
      char *joined = g_strconcat (last->text, text, NULL);

      g_free (last->text);
      last->text = joined;
      return;
    }
  last = g_new0 (AwpDiffSpan, 1);
  last->kind = kind;
  last->text = g_strdup (text);
  g_ptr_array_add (spans, last);
}

GPtrArray *
awp_text_diff (const char *old_text,
               const char *new_text)
{
  g_autoptr(GPtrArray) a = tokens (old_text);
  g_autoptr(GPtrArray) b = tokens (new_text);
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_diff_span_free);
  guint n = a->len, m = b->len, i, j;
  guint32 *lcs;

  if (n > AWP_DIFF_MAX_WORDS * 2 || m > AWP_DIFF_MAX_WORDS * 2)
    {
      if (n > 0)
        add_span (spans, AWP_DIFF_REMOVED, old_text);
      if (m > 0)
        add_span (spans, AWP_DIFF_ADDED, new_text);
      return spans;
    }
  /* lcs[i][j]: the longest common subsequence of a[i..] and b[j..]. */
  lcs = g_new0 (guint32, (gsize) (n + 1) * (m + 1));
#define L(x, y) lcs[(gsize) (x) * (m + 1) + (y)]
  for (i = n; i-- > 0;)
    for (j = m; j-- > 0;)
      L (i, j) = g_str_equal (a->pdata[i], b->pdata[j]) ? L (i + 1, j + 1) + 1
                                                         : MAX (L (i + 1, j), L (i, j + 1));
  i = j = 0;
  while (i < n || j < m)
    {
      if (i < n && j < m && g_str_equal (a->pdata[i], b->pdata[j]))
        {
          add_span (spans, AWP_DIFF_SAME, a->pdata[i]);
          i++, j++;
        }
      else if (j < m && (i == n || L (i, j + 1) >= L (i + 1, j)))
        add_span (spans, AWP_DIFF_ADDED, b->pdata[j++]);
      else
        add_span (spans, AWP_DIFF_REMOVED, a->pdata[i++]);
    }
#undef L
  g_free (lcs);
  return spans;
}
