#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "awp-i18n.h"

/* One place for every program (awp, awpctl, awp-server, tests) to bind the
 * message catalogue, so a string translated once is translated everywhere. */
void
awp_i18n_init (void)
{
  const char *localedir = g_getenv ("AWP_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* The first language the user asked for, as far as our records know
 * languages: "kk", "ru" or "en". */
const char *
awp_i18n_language (void)
{
  const char *const *names = g_get_language_names ();

  if (names[0] != NULL && g_str_has_prefix (names[0], "kk"))
    return "kk";
  if (names[0] != NULL && g_str_has_prefix (names[0], "ru"))
    return "ru";
  return "en";
}

const char *
awp_i18n_pick (JsonObject *data,
               const char *base)
{
  const char *order[] = { awp_i18n_language (), "ru", "kk", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *member = g_strdup_printf ("%s_%s", base, order[i]);
      const char *value = json_object_get_string_member_with_default (data, member, NULL);

      if (value != NULL && value[0] != '\0')
        return value;
    }
  return json_object_get_string_member_with_default (data, base, "");
}

char *
awp_i18n_pick_sql (const char *json_column,
                   const char *base)
{
  const char *order[] = { awp_i18n_language (), "ru", "kk", "en" };
  GString *sql = g_string_new ("coalesce (");

  g_return_val_if_fail (json_column != NULL && base != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_string_append_printf (sql, "nullif (json_extract (%s, '$.%s_%s'), ''), ", json_column, base, order[i]);
  g_string_append_printf (sql, "json_extract (%s, '$.%s'), '')", json_column, base);
  return g_string_free (sql, FALSE);
}
