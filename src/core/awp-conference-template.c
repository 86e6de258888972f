#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-conference-template.h"
#include "awp-validate.h"

/* Rules No. 145, Annex 1 (O145-A1), and the rules on its dates: O145-7,
 * O145-8.1, O145-9.1. */

static void
check_person_part (JsonObject *data,
                   const char *field,
                   const char *label,
                   gboolean    required,
                   GPtrArray  *issues)
{
  const char *value = json_object_get_string_member_with_default (data, field, "");
  g_autoptr(GError) error = NULL;

  if (awp_validate_text (value, label, required, AWP_CONFERENCE_PERSON_MAX, &error))
    awp_validate_cyrillic (value, label, &error);
  awp_template_add_issue (issues, field, error);
}

GPtrArray *
awp_conference_template_validate (JsonObject               *data,
                                  const AwpTemplateContext *ctx)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
  const char *value;
  GDate opens, closes;

  g_return_val_if_fail (data != NULL && ctx != NULL, issues);

  awp_template_check_date (data, "opens_on", _("Opening date"), &opens, issues);
  awp_template_check_date (data, "closes_on", _("Closing date"), &closes, issues);
  awp_template_check_trilingual (data, "title", NULL, C_("template", "Name"), AWP_CONFERENCE_TITLE_MAX, issues);
  awp_template_check_trilingual (data, "brief", NULL, C_("template", "Brief description"), AWP_CONFERENCE_BRIEF_MAX, issues);
  awp_template_check_trilingual (data, "description", NULL, C_("template", "Description"),
                                 AWP_CONFERENCE_DESCRIPTION_MAX, issues);

  /* The responsible officer (moderator). */
  check_person_part (data, "moderator_surname", _("Moderator’s surname"), TRUE, issues);
  check_person_part (data, "moderator_name", _("Moderator’s name"), TRUE, issues);
  check_person_part (data, "moderator_patronymic", _("Moderator’s patronymic"), FALSE, issues);
  {
    g_autoptr(GError) error = NULL;

    value = json_object_get_string_member_with_default (data, "moderator_iin", "");
    if (awp_validate_text (value, _("Moderator’s IIN"), TRUE, 0, &error))
      awp_validate_iin (value, _("Moderator’s IIN"), &ctx->today, &error);
    awp_template_add_issue (issues, "moderator_iin", error);
  }
  {
    g_autoptr(GError) error = NULL;

    value = json_object_get_string_member_with_default (data, "moderator_position", "");
    awp_validate_text (value, _("Moderator’s position"), TRUE, AWP_CONFERENCE_POSITION_MAX, &error);
    awp_template_add_issue (issues, "moderator_position", error);
  }
  {
    g_autoptr(GError) error = NULL;

    value = json_object_get_string_member_with_default (data, "moderator_email", "");
    if (awp_validate_text (value, _("Moderator’s e-mail"), TRUE, 0, &error))
      awp_validate_email (value, _("Moderator’s e-mail"), &error);
    awp_template_add_issue (issues, "moderator_email", error);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *e164 = NULL;

    value = json_object_get_string_member_with_default (data, "moderator_phone", "");
    if (awp_validate_text (value, _("Moderator’s phone"), TRUE, 0, &error))
      e164 = awp_validate_phone (value, _("Moderator’s phone"), &error);
    awp_template_add_issue (issues, "moderator_phone", error);
  }
  if (json_object_has_member (data, "public_discussion")
      && json_node_get_value_type (json_object_get_member (data, "public_discussion")) != G_TYPE_BOOLEAN)
    g_ptr_array_add (issues, awp_field_error_new ("public_discussion", "format",
                                                  _("Public discussion: must be yes or no")));
  return issues;
}

GPtrArray *
awp_conference_template_check_rules (JsonObject               *data,
                                     const AwpTemplateContext *ctx)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_rule_check_free);
  AwpTemplateContext sent = *ctx;
  GDate opens, closes;

  g_return_val_if_fail (data != NULL && ctx != NULL, checks);

  awp_template_get_date (data, "opens_on", &opens);
  awp_template_get_date (data, "closes_on", &closes);
  awp_template_submission_day (data, ctx, &sent.today);

  g_ptr_array_add (checks, awp_template_check_submission (&sent, &opens, _("Opening date")));
  g_ptr_array_add (checks, awp_template_check_order ("O145-A1", &opens, &closes,
                                                     _("Opening date"), _("Closing date")));
  g_ptr_array_add (checks, awp_template_check_lasts (ctx, "O145-9.1", &opens, &closes));
  return checks;
}

GPtrArray *
awp_conference_template_notices (JsonObject               *data,
                                 const AwpTemplateContext *ctx)
{
  GPtrArray *notices = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_notice_free);
  AwpDeadline due;
  GDate opens;

  g_return_val_if_fail (data != NULL && ctx != NULL, notices);

  if (awp_template_get_date (data, "opens_on", &opens)
      && awp_deadline_compute (ctx->rules, ctx->calendar, "O145-8.1", &opens, &due, NULL))
    {
      AwpNotice *notice = g_new0 (AwpNotice, 1);

      notice->norm = "O145-8.1";
      g_date_clear (&notice->earliest, 1);
      notice->latest = due.date;
      notice->title = g_strdup (_("Notice of the conference with links to the portal"));
      g_ptr_array_add (notices, notice);
    }
  awp_template_notices_apply_posted (data, notices);
  return notices;
}

gboolean
awp_conference_template_submit (AwpStore    *store,
                                const char  *id,
                                const GDate *today,
                                const char  *actor,
                                GError     **error)
{
  return awp_template_submit (store, id, "conference", awp_conference_template_validate,
                              awp_conference_template_check_rules, today, actor, error);
}
