#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-calendar.h"
#include "awp-i18n.h"
#include "awp-state-machine.h"
#include "awp-store-private.h"
#include "awp-template-check.h"
#include "awp-validate.h"

/* Shared by the conference (Annex 1) and survey (Annex 2) templates. Checks
 * never stop at the first problem: the editor shows every one next to its
 * field as the user types. */

const char *const awp_template_languages[] = { "kk", "ru", "en", NULL };

void
awp_rule_check_free (AwpRuleCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->title);
  g_free (check->explanation);
  g_free (check);
}

void
awp_notice_free (AwpNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->title);
  g_free (notice->key);
  g_free (notice->link);
  g_free (notice);
}

void
awp_template_notices_apply_posted (JsonObject *data,
                                   GPtrArray  *notices)
{
  JsonNode *node = json_object_get_member (data, "notices");
  JsonArray *posted = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; i < notices->len; i++)
    {
      AwpNotice *n = g_ptr_array_index (notices, i);

      g_free (n->key);
      n->key = g_strdup_printf ("%s#%u", n->norm, i);
      g_date_clear (&n->posted_on, 1);
      for (guint j = 0; posted != NULL && j < json_array_get_length (posted); j++)
        {
          JsonNode *e = json_array_get_element (posted, j);
          JsonObject *entry = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;

          if (entry == NULL
              || g_strcmp0 (json_object_get_string_member_with_default (entry, "key", NULL), n->key) != 0
              || !awp_template_get_date (entry, "posted_on", &n->posted_on))
            continue;
          g_free (n->link);
          n->link = g_strdup (json_object_get_string_member_with_default (entry, "link", ""));
          n->late = g_date_compare (&n->posted_on, &n->latest) > 0
                    || (g_date_valid (&n->earliest) && g_date_compare (&n->posted_on, &n->earliest) < 0);
        }
    }
}

static const char *
issue_code (GError *error)
{
  static const char *const codes[] = {
    [AWP_VALIDATE_ERROR_REQUIRED] = "required",
    [AWP_VALIDATE_ERROR_TOO_LONG] = "too_long",
    [AWP_VALIDATE_ERROR_FORMAT] = "format",
    [AWP_VALIDATE_ERROR_CHECKSUM] = "checksum",
    [AWP_VALIDATE_ERROR_CENTURY] = "century",
    [AWP_VALIDATE_ERROR_DATE] = "date",
    [AWP_VALIDATE_ERROR_TYPE] = "type",
    [AWP_VALIDATE_ERROR_FOREIGN] = "foreign",
    [AWP_VALIDATE_ERROR_PHONE_CODE] = "phone_code",
    [AWP_VALIDATE_ERROR_RANGE_ORDER] = "range_order",
    [AWP_VALIDATE_ERROR_LOOKALIKE] = "lookalike",
  };

  if (error->domain == AWP_VALIDATE_ERROR && error->code >= 0 && (guint) error->code < G_N_ELEMENTS (codes))
    return codes[error->code];
  return "invalid";
}

gboolean
awp_template_add_issue (GPtrArray  *issues,
                        const char *field,
                        GError     *error)
{
  if (error == NULL)
    return TRUE;
  g_ptr_array_add (issues, awp_field_error_new (field, issue_code (error), error->message));
  return FALSE;
}

/* "Name in Kazakh", as Annexes 1 and 2 of Rules No. 145 write it. */
static char *
lang_field_label (const char *label,
                  guint       lang)
{
  switch (lang)
    {
    case 0:
      /* TRANSLATORS: a field label and the language of its text ("Name in Kazakh") */
      return g_strdup_printf (_("%s in Kazakh"), label);
    case 1:
      /* TRANSLATORS: a field label and the language of its text ("Name in Russian") */
      return g_strdup_printf (_("%s in Russian"), label);
    default:
      /* TRANSLATORS: a field label and the language of its text ("Name in English") */
      return g_strdup_printf (_("%s in English"), label);
    }
}

void
awp_template_check_trilingual (JsonObject *data,
                               const char *field_prefix,
                               const char *issue_prefix,
                               const char *label,
                               guint       max_chars,
                               GPtrArray  *issues)
{
  for (guint i = 0; awp_template_languages[i] != NULL; i++)
    {
      g_autofree char *field = g_strdup_printf ("%s_%s", field_prefix, awp_template_languages[i]);
      g_autofree char *issue_field = g_strconcat (issue_prefix ? issue_prefix : "", field, NULL);
      g_autofree char *lang_label = lang_field_label (label, i);
      const char *value = json_object_get_string_member_with_default (data, field, "");
      gboolean required = i < 2;
      g_autoptr(GError) error = NULL;

      if (awp_validate_text (value, lang_label, required, max_chars, &error)
          && required)
        awp_validate_cyrillic (value, lang_label, &error);
      awp_template_add_issue (issues, issue_field, error);
    }
}

gboolean
awp_template_get_date (JsonObject *data,
                       const char *field,
                       GDate      *out)
{
  const char *text = json_object_get_string_member_with_default (data, field, NULL);

  g_date_clear (out, 1);
  return text != NULL && awp_calendar_parse_date (text, field, out, NULL);
}

gboolean
awp_template_check_date (JsonObject *data,
                         const char *field,
                         const char *label,
                         GDate      *out,
                         GPtrArray  *issues)
{
  const char *text = json_object_get_string_member_with_default (data, field, "");
  g_autoptr(GError) error = NULL;

  g_date_clear (out, 1);
  if (awp_validate_text (text, label, TRUE, 0, &error))
    awp_validate_date (text, label, out, &error);
  return awp_template_add_issue (issues, field, error);
}

char *
awp_template_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static AwpRuleCheck *
check_new (const char     *id,
           const char     *norm,
           AwpCheckStatus  status,
           char           *title,
           char           *explanation)
{
  AwpRuleCheck *check = g_new0 (AwpRuleCheck, 1);

  check->id = id;
  check->norm = norm;
  check->status = status;
  check->title = title;
  check->explanation = explanation;
  return check;
}

/* The rule's own wording in the UI language, or the norm id. */
static char *
rule_title (const AwpTemplateContext *ctx,
            const char               *norm,
            const GDate              *date)
{
  const AwpRule *rule = NULL;
  GDate today = ctx->today;

  rule = awp_rule_set_lookup (ctx->rules, norm, date && g_date_valid (date) ? date : &today, NULL);
  return g_strdup (rule ? awp_rule_get_description (rule) : norm);
}

AwpRuleCheck *
awp_template_check_submission (const AwpTemplateContext *ctx,
                               const GDate              *start,
                               const char               *start_label)
{
  const char *norm = "O145-7";
  g_autofree char *sent = NULL;
  g_autofree char *latest = NULL;
  g_autoptr(GError) error = NULL;
  AwpDeadline due;

  if (start == NULL || !g_date_valid (start))
    return check_new ("submission", norm, AWP_CHECK_PENDING, rule_title (ctx, norm, NULL),
                      /* TRANSLATORS: %s is a field label, e.g. "Opening date" */
                      g_strdup_printf (_("Fill in the field “%s” to check this rule."), start_label));
  if (!awp_deadline_compute (ctx->rules, ctx->calendar, norm, start, &due, &error))
    return check_new ("submission", norm, AWP_CHECK_FAILED, rule_title (ctx, norm, start), g_strdup (error->message));

  sent = awp_calendar_format_day (&ctx->today);
  latest = awp_calendar_format_day (&due.date);
  if (g_date_compare (&ctx->today, &due.date) <= 0)
    return check_new ("submission", norm, AWP_CHECK_PASSED, rule_title (ctx, norm, start),
                      g_strdup_printf (_("The Operator must receive it by %s; sent on %s, it is in time."),
                                       latest, sent));

  /* The earliest start the rule still allows when sent today. */
  for (GDate day = ctx->today; ; )
    {
      AwpDeadline d;

      g_date_add_days (&day, 1);
      if (!awp_deadline_compute (ctx->rules, ctx->calendar, norm, &day, &d, NULL)
          || g_date_get_julian (&day) > g_date_get_julian (&ctx->today) + 60)
        break;
      if (g_date_compare (&ctx->today, &d.date) <= 0)
        {
          g_autofree char *earliest = awp_calendar_format_day (&day);

          return check_new ("submission", norm, AWP_CHECK_FAILED, rule_title (ctx, norm, start),
                            /* TRANSLATORS: dates, then a field label, then a date */
                            g_strdup_printf (_("The Operator had to receive it by %s; sent on %s, it is late. "
                                               "The earliest “%s” allowed now is %s."),
                                             latest, sent, start_label, earliest));
        }
    }
  return check_new ("submission", norm, AWP_CHECK_FAILED, rule_title (ctx, norm, start),
                    g_strdup_printf (_("The Operator had to receive it by %s; sent on %s, it is late."),
                                     latest, sent));
}

AwpRuleCheck *
awp_template_check_lasts (const AwpTemplateContext *ctx,
                          const char               *norm,
                          const GDate              *first,
                          const GDate              *last)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *earliest = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GError) error = NULL;
  AwpDeadline due;
  guint days;

  if (first == NULL || last == NULL || !g_date_valid (first) || !g_date_valid (last))
    return check_new ("duration", norm, AWP_CHECK_PENDING, rule_title (ctx, norm, NULL),
                      g_strdup (_("Fill in both dates to check this rule.")));
  if (!awp_deadline_compute (ctx->rules, ctx->calendar, norm, first, &due, &error))
    return check_new ("duration", norm, AWP_CHECK_FAILED, rule_title (ctx, norm, first), g_strdup (error->message));

  days = awp_calendar_count_working_days (ctx->calendar, first, last);
  from = awp_calendar_format_day (first);
  to = awp_calendar_format_day (last);
  earliest = awp_calendar_format_day (&due.date);
  /* TRANSLATORS: a count of working days */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u working day", "%u working days", days), days);
  if (g_date_compare (last, &due.date) >= 0)
    return check_new ("duration", norm, AWP_CHECK_PASSED, rule_title (ctx, norm, first),
                      /* TRANSLATORS: from date, to date, "3 working days", earliest closing date */
                      g_strdup_printf (_("From %s to %s: %s; the earliest closing allowed is %s."),
                                       from, to, count, earliest));
  return check_new ("duration", norm, AWP_CHECK_FAILED, rule_title (ctx, norm, first),
                    /* TRANSLATORS: from date, to date, "3 working days", earliest closing date */
                    g_strdup_printf (_("From %s to %s: only %s; it must close on %s or later."),
                                     from, to, count, earliest));
}

AwpRuleCheck *
awp_template_check_order (const char  *norm,
                          const GDate *first,
                          const GDate *last,
                          const char  *first_label,
                          const char  *last_label)
{
  /* TRANSLATORS: e.g. "Closing date is not before Opening date" */
  char *title = g_strdup_printf (_("“%s” is not before “%s”"), last_label, first_label);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (first == NULL || last == NULL || !g_date_valid (first) || !g_date_valid (last))
    return check_new ("order", norm, AWP_CHECK_PENDING, title, g_strdup (_("Fill in both dates to check this rule.")));
  from = awp_calendar_format_day (first);
  to = awp_calendar_format_day (last);
  if (g_date_compare (last, first) >= 0)
    return check_new ("order", norm, AWP_CHECK_PASSED, title,
                      g_strdup_printf (_("%s, then %s."), from, to));
  return check_new ("order", norm, AWP_CHECK_FAILED, title,
                    /* TRANSLATORS: field label, date, field label, date */
                    g_strdup_printf (_("“%s” (%s) comes before “%s” (%s)."), last_label, to, first_label, from));
}

gboolean
awp_template_checks_pass (GPtrArray  *checks,
                          GError    **error)
{
  for (guint i = 0; i < checks->len; i++)
    {
      AwpRuleCheck *check = g_ptr_array_index (checks, i);

      if (check->status != AWP_CHECK_PASSED)
        {
          g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                       "%s (%s) %s", check->title, check->norm, check->explanation);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
awp_template_issues_pass (GPtrArray  *issues,
                          GError    **error)
{
  AwpFieldError *first;

  if (issues->len == 0)
    return TRUE;
  first = g_ptr_array_index (issues, 0);
  if (issues->len == 1)
    g_set_error_literal (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID, first->message);
  else
    g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)", "%s (and %u more problems)",
                              issues->len - 1),
                 first->message, issues->len - 1);
  return FALSE;
}

gboolean
awp_template_context_init (AwpTemplateContext  *ctx,
                           AwpStore            *store,
                           const GDate         *today,
                           GError             **error)
{
  g_return_val_if_fail (ctx != NULL && AWP_IS_STORE (store), FALSE);

  if (!awp_store_get_deadline_rules (store, &ctx->calendar, &ctx->rules, error))
    return FALSE;
  if (today != NULL)
    ctx->today = *today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&ctx->today, 1);
      g_date_set_dmy (&ctx->today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }
  return TRUE;
}

void
awp_template_submission_day (JsonObject               *data,
                             const AwpTemplateContext *ctx,
                             GDate                    *out)
{
  const char *status = json_object_get_string_member_with_default (data, "status", "draft");

  if (!g_str_equal (status, "draft") && !g_str_equal (status, "returned")
      && awp_template_get_date (data, "submitted_on", out))
    return;
  *out = ctx->today;
}

gboolean
awp_template_transition_checked (AwpStore    *store,
                                 const char  *id,
                                 const char  *action,
                                 GPtrArray   *issues,
                                 GPtrArray   *checks,
                                 JsonObject  *fields,
                                 const char  *actor,
                                 GError     **error)
{
  if (!awp_template_issues_pass (issues, error) || !awp_template_checks_pass (checks, error))
    return FALSE;
  return awp_store_transition (store, id, action, fields, actor, error);
}

gboolean
awp_template_is_editable (JsonObject *data)
{
  const char *status = json_object_get_string_member_with_default (data, "status", "draft");

  return g_str_equal (status, "draft") || g_str_equal (status, "returned");
}

static void
sync_subject (JsonObject *data)
{
  if (json_object_has_member (data, "title_ru"))
    json_object_set_string_member (data, "subject",
                                   json_object_get_string_member_with_default (data, "title_ru", ""));
}

char *
awp_template_create (AwpStore    *store,
                     const char  *type,
                     JsonObject  *data,
                     const char  *actor,
                     GError     **error)
{
  g_autoptr(JsonObject) copy = json_object_new ();

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);

  if (data != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, data);
      while (json_object_iter_next (&iter, &key, &value))
        json_object_set_member (copy, key, json_node_copy (value));
    }
  sync_subject (copy);
  return awp_store_create (store, type, copy, actor, error);
}

gboolean
awp_template_save (AwpStore    *store,
                   const char  *type,
                   const char  *id,
                   JsonObject  *changes,
                   const char  *actor,
                   GError     **error)
{
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) copy = json_object_new ();
  JsonObject *data;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);

  record = awp_store_get_record (store, id, error);
  if (record == NULL)
    return FALSE;
  if (!g_str_equal (json_object_get_string_member (record, "type"), type))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The record “%s” is not of type “%s”"), id, type);
      return FALSE;
    }
  data = json_object_get_object_member (record, "data");
  if (!awp_template_is_editable (data))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION,
                   _("The template is “%s” and cannot be edited until the Operator returns it"),
                   awp_state_label (json_object_get_string_member_with_default (data, "status", "draft")));
      return FALSE;
    }
  json_object_iter_init (&iter, changes);
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (g_str_equal (key, "submitted_on"))
        {
          g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                       _("The field “%s” changes only through an action"), key);
          return FALSE;
        }
      json_object_set_member (copy, key, json_node_copy (value));
    }
  sync_subject (copy);
  return awp_store_update (store, id, copy, actor, error);
}

gboolean
awp_template_submit (AwpStore             *store,
                     const char           *id,
                     const char           *type,
                     AwpTemplateCheckFunc  validate,
                     AwpTemplateCheckFunc  check_rules,
                     const GDate          *today,
                     const char           *actor,
                     GError              **error)
{
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *day = NULL;
  AwpTemplateContext ctx;
  JsonObject *data;

  if (!awp_template_context_init (&ctx, store, today, error))
    return FALSE;
  record = awp_store_get_record (store, id, error);
  if (record == NULL)
    return FALSE;
  if (!g_str_equal (json_object_get_string_member (record, "type"), type))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The record “%s” is not of type “%s”"), id, type);
      return FALSE;
    }
  data = json_object_get_object_member (record, "data");
  /* Checked as on the day it reaches the Operator. */
  json_object_remove_member (data, "submitted_on");
  json_object_set_string_member (data, "status", "draft");
  issues = validate (data, &ctx);
  checks = check_rules (data, &ctx);
  day = awp_template_iso_date (&ctx.today);
  json_object_set_string_member (fields, "submitted_on", day);
  return awp_template_transition_checked (store, id, "submit", issues, checks, fields, actor, error);
}

const char *
awp_template_display_title (JsonObject *data)
{
  const char *title = awp_i18n_pick (data, "title");

  return title[0] != '\0' ? title : json_object_get_string_member_with_default (data, "subject", "");
}
