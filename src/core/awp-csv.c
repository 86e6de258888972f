#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-csv.h"

G_DEFINE_QUARK (awp-csv-error-quark, awp_csv_error)

void
awp_csv_row_free (AwpCsvRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->fields);
  g_free (row);
}

static gsize
skip_bom (const char *text, gsize length)
{
  return length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

char
awp_csv_detect_delimiter (const char *text,
                          gsize       length)
{
  gsize semicolons = 0, commas = 0;
  gboolean quoted = FALSE;

  g_return_val_if_fail (text != NULL || length == 0, ',');

  for (gsize i = skip_bom (text, length); i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ';')
        semicolons++;
      else if (!quoted && c == ',')
        commas++;
    }
  return semicolons > commas ? ';' : ',';
}

/* The line @offset is on, for error messages. */
static guint
line_at (const char *text, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n' || (text[i] == '\r' && !(i + 1 < offset && text[i + 1] == '\n')))
      line++;
  return line;
}

typedef struct
{
  GPtrArray *rows;
  GPtrArray *fields;   /* of char *, the record being read */
  GString   *field;
  guint      max_rows;
} Parser;

static void
end_field (Parser *p)
{
  g_ptr_array_add (p->fields, g_string_free (g_steal_pointer (&p->field), FALSE));
  p->field = g_string_new (NULL);
}

static gboolean
end_record (Parser *p, guint line, GError **error)
{
  AwpCsvRow *row;

  end_field (p);
  /* A blank line is one empty field: not a record. */
  if (p->fields->len == 1 && *(char *) p->fields->pdata[0] == '\0')
    {
      g_ptr_array_set_size (p->fields, 0);
      return TRUE;
    }
  if (p->max_rows > 0 && p->rows->len >= p->max_rows)
    {
      g_set_error (error, AWP_CSV_ERROR, AWP_CSV_ERROR_TOO_MANY_ROWS,
                   _("The file has more than %u rows"), p->max_rows);
      return FALSE;
    }
  g_ptr_array_add (p->fields, NULL);
  row = g_new0 (AwpCsvRow, 1);
  row->line = line;
  row->fields = (char **) g_ptr_array_free (g_steal_pointer (&p->fields), FALSE);
  g_ptr_array_add (p->rows, row);
  p->fields = g_ptr_array_new_with_free_func (g_free);
  return TRUE;
}

GPtrArray *
awp_csv_parse (const char *text,
               gsize       length,
               guint       max_rows,
               char       *delimiter,
               GError    **error)
{
  const char *bad = NULL;
  gsize i = skip_bom (text, length);
  guint line = 1, record_line = 1;
  char sep;
  Parser p;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > 0 && !g_utf8_validate_len (text, length, &bad))
    {
      g_set_error (error, AWP_CSV_ERROR, AWP_CSV_ERROR_INVALID_UTF8,
                   _("Line %u is not valid UTF-8 text (save the file as “CSV UTF-8”)"),
                   line_at (text, bad - text));
      return NULL;
    }
  sep = awp_csv_detect_delimiter (text, length);
  if (delimiter != NULL)
    *delimiter = sep;

  p.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_csv_row_free);
  p.fields = g_ptr_array_new_with_free_func (g_free);
  p.field = g_string_new (NULL);
  p.max_rows = max_rows;

  while (i < length)
    {
      char c = text[i];

      if (c == '"' && p.field->len == 0)
        {
          guint quote_line = line;

          /* A quoted field: runs to the quote not followed by another. */
          for (i++;; i++)
            {
              if (i >= length)
                {
                  g_set_error (error, AWP_CSV_ERROR, AWP_CSV_ERROR_UNTERMINATED_QUOTE,
                               _("Line %u: a quoted field is never closed"), quote_line);
                  goto fail;
                }
              if (text[i] == '"' && i + 1 < length && text[i + 1] == '"')
                {
                  g_string_append_c (p.field, '"');
                  i++;
                }
              else if (text[i] == '"')
                break;
              else if (text[i] == '\r' && i + 1 < length && text[i + 1] == '\n')
                ;  /* CRLF inside quotes is kept as LF */
              else
                {
                  if (text[i] == '\n' || text[i] == '\r')
                    line++;
                  g_string_append_c (p.field, text[i] == '\r' ? '\n' : text[i]);
                }
            }
          i++;
          if (i < length && text[i] != sep && text[i] != '\n' && text[i] != '\r')
            {
              g_set_error (error, AWP_CSV_ERROR, AWP_CSV_ERROR_BAD_QUOTE,
                           _("Line %u: text after the closing quote of a field"), line);
              goto fail;
            }
          continue;
        }
      if (c == sep)
        end_field (&p);
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && i + 1 < length && text[i + 1] == '\n')
            i++;
          if (!end_record (&p, record_line, error))
            goto fail;
          line++;
          record_line = line;
        }
      else
        g_string_append_c (p.field, c);  /* a stray quote mid-field is kept as text */
      i++;
    }
  if (p.field->len > 0 || p.fields->len > 0)
    if (!end_record (&p, record_line, error))
      goto fail;

  g_ptr_array_unref (p.fields);
  g_string_free (p.field, TRUE);
  return p.rows;

fail:
  g_ptr_array_unref (p.rows);
  g_ptr_array_unref (p.fields);
  g_string_free (p.field, TRUE);
  return NULL;
}
