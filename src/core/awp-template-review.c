#include "config.h"

#include <glib/gi18n.h>

#include "awp-template-check.h"
#include "awp-template-review.h"

gboolean
awp_template_review_return (AwpStore    *store,
                            const char  *id,
                            const char  *remarks,
                            const char  *actor,
                            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (remarks ? remarks : ""));
  g_autoptr(JsonObject) fields = json_object_new ();

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL && actor != NULL, FALSE);

  /* The administrator must learn what to change (O145-7). */
  if (trimmed[0] == '\0')
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The field “%s” is required"), _("Remarks"));
      return FALSE;
    }
  json_object_set_string_member (fields, "remarks", trimmed);
  return awp_store_transition (store, id, "return", fields, actor, error);
}

gboolean
awp_template_review_opening (JsonObject *data,
                             GDate      *out)
{
  g_return_val_if_fail (data != NULL && out != NULL, FALSE);

  return awp_template_get_date (data, "opens_on", out)
         || awp_template_get_date (data, "launch_on", out);
}

char *
awp_template_review_deadline (JsonObject  *data,
                              const GDate *today)
{
  GDate opens, now;
  g_autofree char *iso = NULL;
  int days;

  if (!awp_template_review_opening (data, &opens))
    return g_strdup (_("No opening date"));
  if (today != NULL)
    now = *today;
  else
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
    }
  iso = awp_template_iso_date (&opens);
  days = g_date_days_between (&now, &opens);
  if (days < 0)
    return g_strdup_printf (_("Opened on %s (O145-7)"), iso);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Opens on %s, in %d day (O145-7)",
                                       "Opens on %s, in %d days (O145-7)", days),
                          iso, days);
}
