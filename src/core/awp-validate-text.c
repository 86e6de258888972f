#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "awp-validate-private.h"

/* Free text, trilingual texts (kk and ru required, en optional: O145-A1,
 * O145-A2) and Latin look-alikes in Cyrillic (kz-facts: "Kazakh language"). */

gboolean
awp_validate_text (const char *value,
                   const char *field_label,
                   gboolean    required,
                   guint       max_chars,
                   GError    **error)
{
  glong chars;

  g_return_val_if_fail (field_label != NULL, FALSE);

  if (value == NULL)
    value = "";
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_FORMAT,
                   _("%s: the text contains invalid characters"), field_label);
      return FALSE;
    }
  if (required && awp_validate_is_blank (value))
    return awp_validate_set_required (field_label, error);

  chars = g_utf8_strlen (value, -1);
  if (max_chars > 0 && chars > (glong) max_chars)
    {
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_TOO_LONG,
                   _("%s: the text is too long (%ld characters, at most %u allowed)"),
                   field_label, chars, max_chars);
      return FALSE;
    }
  return TRUE;
}

gboolean
awp_validate_trilingual (const char *kk,
                         const char *ru,
                         const char *en,
                         const char *field_label,
                         guint       max_chars,
                         GError    **error)
{
  g_autofree char *kk_label = NULL;
  g_autofree char *ru_label = NULL;
  g_autofree char *en_label = NULL;

  g_return_val_if_fail (field_label != NULL, FALSE);

  /* TRANSLATORS: a field label and the language of its text */
  kk_label = g_strdup_printf (_("%s (in Kazakh)"), field_label);
  ru_label = g_strdup_printf (_("%s (in Russian)"), field_label);
  en_label = g_strdup_printf (_("%s (in English)"), field_label);

  return awp_validate_text (kk, kk_label, TRUE, max_chars, error) &&
         awp_validate_cyrillic (kk, kk_label, error) &&
         awp_validate_text (ru, ru_label, TRUE, max_chars, error) &&
         awp_validate_cyrillic (ru, ru_label, error) &&
         awp_validate_text (en, en_label, FALSE, max_chars, error);
}

/* The Cyrillic letter a Latin one is mistaken for, or 0. */
static gunichar
cyrillic_for (gunichar c)
{
  static const gunichar map[][2] = {
    { 'A', 0x0410 }, { 'B', 0x0412 }, { 'C', 0x0421 }, { 'E', 0x0415 },
    { 'H', 0x041D }, { 'I', 0x0406 }, { 'K', 0x041A }, { 'M', 0x041C },
    { 'O', 0x041E }, { 'P', 0x0420 }, { 'T', 0x0422 }, { 'X', 0x0425 },
    { 'Y', 0x0423 }, { 'a', 0x0430 }, { 'c', 0x0441 }, { 'e', 0x0435 },
    { 'h', 0x04BB }, { 'i', 0x0456 }, { 'k', 0x043A }, { 'o', 0x043E },
    { 'p', 0x0440 }, { 'x', 0x0445 }, { 'y', 0x0443 },
    { 0x018F, 0x04D8 }, /* Ə → Ә */
    { 0x019F, 0x04E8 }, /* Ɵ → Ө */
    { 0x0259, 0x04D9 }, /* ə → ә */
    { 0x0275, 0x04E9 }, /* ɵ → ө */
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (map[i][0] == c)
      return map[i][1];
  return 0;
}

/* Appends the word [start, end) to @out, its look-alikes replaced when it
 * also has Cyrillic letters; TRUE when something was replaced. */
static gboolean
append_word (GString *out, const char *start, const char *end)
{
  gboolean cyrillic = FALSE, changed = FALSE;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_CYRILLIC)
      cyrillic = TRUE;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar fix = cyrillic ? cyrillic_for (c) : 0;

      g_string_append_unichar (out, fix != 0 ? fix : c);
      changed |= fix != 0;
    }
  return changed;
}

char *
awp_validate_suggest_cyrillic (const char *text)
{
  g_autoptr(GString) out = NULL;
  const char *word = NULL;
  gboolean changed = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      /* Combining marks stay inside the word (й typed as и + U+0306). */
      gboolean letter = c != 0 && (g_unichar_isalpha (c) || g_unichar_ismark (c));

      if (letter && word == NULL)
        word = p;
      else if (!letter && word != NULL)
        {
          changed |= append_word (out, word, p);
          word = NULL;
        }
      if (c == 0)
        break;
      if (!letter)
        g_string_append_unichar (out, c);
    }

  return changed ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

gboolean
awp_validate_cyrillic (const char *value,
                       const char *field_label,
                       GError    **error)
{
  g_autofree char *suggestion = NULL;

  g_return_val_if_fail (field_label != NULL, FALSE);

  suggestion = awp_validate_suggest_cyrillic (value);
  if (suggestion != NULL)
    {
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_LOOKALIKE,
                   _("%s: Latin letters are mixed into Cyrillic words; did you mean “%s”?"),
                   field_label, suggestion);
      return FALSE;
    }
  return TRUE;
}
