#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-accreditation.h"
#include "awp-efficiency-report.h"
#include "awp-json-util.h"
#include "awp-protocol.h"
#include "awp-registry.h"
#include "awp-template-check.h"
#include "awp-validate.h"

/* Order 118, paras 4-6. */

#define TEXT_MAX 1000

const char *
awp_efficiency_report_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "body_kind", N_("Kind of body") },
    { "body_kk", N_("Reporting body in Kazakh") },
    { "body_ru", N_("Reporting body in Russian") },
    { "year", N_("Reporting year") },
    { "title", N_("Title of the report") },
    { "document", N_("Report document") },
    { "no_restricted_info", N_("No restricted information") },
    { "link", N_("Link to the published report") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].field, field) == 0)
      return _(labels[i].label);
  return field;
}

static void
add_issue (GPtrArray  *issues,
           const char *field,
           const char *code,
           char       *message)
{
  g_ptr_array_add (issues, awp_field_error_new (field, code, message));
  g_free (message);
}

static void
check_text (JsonObject *data,
            const char *field,
            gboolean    cyrillic,
            GPtrArray  *issues)
{
  const char *value = json_object_get_string_member_with_default (data, field, "");
  const char *label = awp_efficiency_report_field_label (field);
  g_autoptr(GError) error = NULL;

  if (awp_validate_text (value, label, TRUE, TEXT_MAX, &error) && cyrillic)
    awp_validate_cyrillic (value, label, &error);
  awp_template_add_issue (issues, field, error);
}

GPtrArray *
awp_efficiency_report_validate (JsonObject *data)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
  const char *kind = json_object_get_string_member_with_default (data, "body_kind", "");
  gint64 year = 0;

  if (!g_str_equal (kind, "central") && !g_str_equal (kind, "local"))
    add_issue (issues, "body_kind", "required",
               g_strdup_printf (_("%s: choose one"), awp_efficiency_report_field_label ("body_kind")));
  check_text (data, "body_kk", TRUE, issues);
  check_text (data, "body_ru", TRUE, issues);
  if (!awp_json_get_int (data, "year", 2000, 2100, &year))
    add_issue (issues, "year", "format",
               g_strdup_printf (_("%s: a year from 2000 to 2100"), awp_efficiency_report_field_label ("year")));
  check_text (data, "title", FALSE, issues);
  return issues;
}

/* Which paragraph sets the due date for this kind of body. */
static const char *
due_norm (JsonObject *data)
{
  return g_strcmp0 (json_object_get_string_member_with_default (data, "body_kind", ""), "local") == 0
         ? "O118-5" : "O118-4";
}

static gboolean
find_same (AwpStore    *store,
           JsonObject  *data,
           GError     **error)
{
  g_autoptr(GPtrArray) all = awp_registry_list_records (store, "efficiency_report", NULL, error);
  const char *body = json_object_get_string_member_with_default (data, "body_ru", "");
  gint64 year = json_object_get_int_member_with_default (data, "year", 0);

  if (all == NULL)
    return TRUE;
  for (guint i = 0; i < all->len; i++)
    {
      JsonObject *other = json_object_get_object_member (g_ptr_array_index (all, i), "data");

      if (g_str_equal (json_object_get_string_member_with_default (other, "body_ru", ""), body)
          && json_object_get_int_member_with_default (other, "year", 0) == year)
        {
          g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                       /* TRANSLATORS: the reporting body, then the reporting year */
                       _("%s already has a report for %d"), body, (int) year);
          return TRUE;
        }
    }
  return FALSE;
}

char *
awp_efficiency_report_create (AwpStore    *store,
                              JsonObject  *data,
                              const char  *actor,
                              GError     **error)
{
  g_autoptr(JsonObject) copy = json_object_new ();
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *due = NULL;
  GDate year_end;

  awp_channels_copy_members (copy, data);
  /* The body and year make the report; they must be right from the start. */
  issues = awp_efficiency_report_validate (copy);
  for (guint i = issues->len; i-- > 0;)
    {
      AwpFieldError *issue = g_ptr_array_index (issues, i);

      if (g_str_equal (issue->field, "title"))
        g_ptr_array_remove_index (issues, i);
    }
  if (!awp_template_issues_pass (issues, error) || find_same (store, copy, error))
    return NULL;
  g_date_clear (&year_end, 1);
  g_date_set_dmy (&year_end, 31, G_DATE_DECEMBER, (GDateYear) json_object_get_int_member (copy, "year"));
  due = awp_channels_due (store, due_norm (copy), &year_end, error);
  if (due == NULL)
    return NULL;
  json_object_set_string_member (copy, "due_on", due);
  json_object_set_string_member (copy, "subject", json_object_get_string_member_with_default (copy, "title", ""));
  json_object_set_string_member (copy, "requester", json_object_get_string_member_with_default (copy, "body_ru", ""));
  if (!json_object_has_member (copy, "no_restricted_info"))
    json_object_set_boolean_member (copy, "no_restricted_info", FALSE);
  return awp_store_create (store, "efficiency_report", copy, actor, error);
}

gboolean
awp_efficiency_report_save (AwpStore    *store,
                            const char  *id,
                            JsonObject  *changes,
                            const char  *actor,
                            GError     **error)
{
  for (const char *const *f = (const char *const[]) { "body_kind", "body_ru", "year", "link", NULL }; *f != NULL; f++)
    if (json_object_has_member (changes, *f))
      {
        g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                     _("The field “%s” changes only through an action"), *f);
        return FALSE;
      }
  return awp_channels_save_draft (store, "efficiency_report", id, changes, "title", actor, error);
}

gboolean
awp_efficiency_report_request (AwpStore    *store,
                               const char  *id,
                               const GDate *today,
                               const char  *actor,
                               GError     **error)
{
  g_autoptr(JsonObject) data = awp_channels_load (store, id, "efficiency_report", error);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *day = NULL;
  gboolean confirmed = FALSE;
  GDate now, due;

  if (data == NULL)
    return FALSE;
  issues = awp_efficiency_report_validate (data);
  {
    g_autoptr(GError) doc_error = NULL;

    awp_validate_text (json_object_get_string_member_with_default (data, "document", ""),
                       awp_efficiency_report_field_label ("document"), TRUE, TEXT_MAX, &doc_error);
    awp_template_add_issue (issues, "document", doc_error);
  }
  if (!awp_json_get_bool (data, "no_restricted_info", &confirmed) || !confirmed)
    g_ptr_array_add (issues, awp_field_error_new ("no_restricted_info", "required",
                                                  _("Confirm that the report holds no restricted information (O118-6)")));
  if (!awp_template_issues_pass (issues, error))
    return FALSE;
  awp_channels_today (today, &now);
  day = awp_template_iso_date (&now);
  json_object_set_string_member (fields, "requested_on", day);
  json_object_set_boolean_member (fields, "late",
                                  awp_template_get_date (data, "due_on", &due) && g_date_compare (&now, &due) > 0);
  return awp_store_transition (store, id, "request", fields, actor, error);
}

gboolean
awp_efficiency_report_publish (AwpStore    *store,
                               const char  *id,
                               const char  *link,
                               const GDate *today,
                               const char  *actor,
                               GError     **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *day = NULL;
  g_autofree char *scheme = NULL;
  GDate now;

  if (link != NULL)
    scheme = g_uri_parse_scheme (link);
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
      || !g_uri_is_valid (link, G_URI_FLAGS_NONE, NULL))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("%s: enter the address of the page, starting with https://"),
                   awp_efficiency_report_field_label ("link"));
      return FALSE;
    }
  awp_channels_today (today, &now);
  day = awp_template_iso_date (&now);
  json_object_set_string_member (fields, "link", link);
  json_object_set_string_member (fields, "published_on", day);
  return awp_store_transition (store, id, "publish", fields, actor, error);
}
