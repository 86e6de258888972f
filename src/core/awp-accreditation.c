#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-accreditation.h"
#include "awp-json-util.h"
#include "awp-protocol.h"
#include "awp-registry.h"
#include "awp-state-machine.h"
#include "awp-store-private.h"
#include "awp-template-check.h"
#include "awp-validate.h"

/* Order 93: the application (Annex 1, O93-3), its review against O93-4,
 * the decision (O93-5) with the Registry entry, and the notice (O93-6). */

const char *const awp_accreditation_criteria[] = {
  "no_duplication", "regulated_procedure", "expected_results", NULL,
};

const char *
awp_accreditation_criterion_title (const char *criterion)
{
  if (g_strcmp0 (criterion, "no_duplication") == 0)
    return _("The channel does not duplicate existing channels");
  if (g_strcmp0 (criterion, "regulated_procedure") == 0)
    return _("The procedure of the channel’s work is regulated");
  if (g_strcmp0 (criterion, "expected_results") == 0)
    return _("The expected results and effect are shown");
  return criterion;
}

const char *
awp_accreditation_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "to_body", N_("Authorized body") },
    { "from_body_kk", N_("State body in Kazakh") },
    { "from_body_ru", N_("State body in Russian") },
    { "channel_name_kk", N_("Channel name in Kazakh") },
    { "channel_name_ru", N_("Channel name in Russian") },
    { "instruction", N_("Instruction on creating the channel") },
    { "regulating_act", N_("Act regulating the channel’s work") },
    { "purpose", N_("Functional purpose") },
    { "coverage", N_("Coverage") },
    { "format", N_("Format of interaction") },
    { "resources", N_("Infrastructure, staff and financial resources") },
    { "justification", N_("Justification") },
    { "other_info", N_("Other information") },
    { "attachments", N_("Attachments") },
    { "signer", N_("Signed by (deputy first head)") },
    { "signed_on", N_("Date of signing") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].field, field) == 0)
      return _(labels[i].label);
  return field;
}

void
awp_channels_today (const GDate *today,
                    GDate       *out)
{
  g_autofree char *text = NULL;

  if (today != NULL)
    {
      *out = *today;
      return;
    }
  /* AWP_TODAY (tests, training) is honoured like everywhere in the store. */
  text = awp_store_today ();
  g_date_clear (out, 1);
  awp_calendar_parse_date (text, "today", out, NULL);
}

char *
awp_channels_due (AwpStore    *store,
                  const char  *norm,
                  const GDate *from,
                  GError     **error)
{
  AwpCalendar *calendar;
  AwpRuleSet *rules;
  AwpDeadline due;

  if (!awp_store_get_deadline_rules (store, &calendar, &rules, error)
      || !awp_deadline_compute (rules, calendar, norm, from, &due, error))
    return NULL;
  return awp_template_iso_date (&due.date);
}

JsonObject *
awp_channels_load (AwpStore    *store,
                   const char  *id,
                   const char  *type,
                   GError     **error)
{
  g_autoptr(JsonObject) record = NULL;

  g_return_val_if_fail (AWP_IS_STORE (store) && type != NULL, NULL);

  if (id == NULL)
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_NOT_FOUND, _("No record is selected"));
      return NULL;
    }
  record = awp_store_get_record (store, id, error);
  if (record == NULL)
    return NULL;
  if (!g_str_equal (json_object_get_string_member (record, "type"), type))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The record “%s” is not of type “%s”"), id, type);
      return NULL;
    }
  return json_object_ref (json_object_get_object_member (record, "data"));
}

void
awp_channels_copy_members (JsonObject *dest,
                           JsonObject *src)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (src == NULL)
    return;
  json_object_iter_init (&iter, src);
  while (json_object_iter_next (&iter, &key, &value))
    json_object_set_member (dest, key, json_node_copy (value));
}

/* Set by actions only, never by the editor. */
static const char *const action_fields[] = {
  "received_on", "due_on", "deadlines", "review", "decided_on", "decision_reason",
  "notified_on", "channel_id", "applied_on", "published_on", "requested_on", "late", NULL,
};

gboolean
awp_channels_save_draft (AwpStore    *store,
                         const char  *type,
                         const char  *id,
                         JsonObject  *changes,
                         const char  *subject_field,
                         const char  *actor,
                         GError     **error)
{
  g_autoptr(JsonObject) data = awp_channels_load (store, id, type, error);
  g_autoptr(JsonObject) copy = json_object_new ();
  const char *status;

  if (data == NULL)
    return FALSE;
  status = json_object_get_string_member_with_default (data, "status", "draft");
  if (!g_str_equal (status, "draft"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION,
                   _("The document is “%s” and can no longer be edited"), awp_state_label (status));
      return FALSE;
    }
  for (guint i = 0; action_fields[i] != NULL; i++)
    if (json_object_has_member (changes, action_fields[i]))
      {
        g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                     _("The field “%s” changes only through an action"), action_fields[i]);
        return FALSE;
      }
  awp_channels_copy_members (copy, changes);
  if (subject_field != NULL && json_object_has_member (copy, subject_field))
    json_object_set_string_member (copy, "subject",
                                   json_object_get_string_member_with_default (copy, subject_field, ""));
  return awp_store_update (store, id, copy, actor, error);
}

static void
check_text (JsonObject *data,
            const char *field,
            gboolean    required,
            guint       max_chars,
            gboolean    cyrillic,
            GPtrArray  *issues)
{
  const char *value = json_object_get_string_member_with_default (data, field, "");
  const char *label = awp_accreditation_field_label (field);
  g_autoptr(GError) error = NULL;

  if (awp_validate_text (value, label, required, max_chars, &error) && cyrillic && value[0] != '\0')
    awp_validate_cyrillic (value, label, &error);
  awp_template_add_issue (issues, field, error);
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
check_choice (JsonObject        *data,
              const char        *field,
              const char *const *choices,
              GPtrArray         *issues)
{
  const char *value = json_object_get_string_member_with_default (data, field, "");
  const char *label = awp_accreditation_field_label (field);

  if (value[0] == '\0')
    /* Translators: a field label */
    add_issue (issues, field, "required", g_strdup_printf (_("%s: choose one"), label));
  else if (!g_strv_contains (choices, value))
    add_issue (issues, field, "format", g_strdup_printf (_("%s: “%s” is not one of the choices"), label, value));
}

GPtrArray *
awp_accreditation_validate (JsonObject  *data,
                            const GDate *today)
{
  static const char *const coverages[] = { "republican", "regional", NULL };
  static const char *const formats[] = { "online", "offline", "hybrid", NULL };
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
  GDate now;

  g_return_val_if_fail (data != NULL, issues);

  awp_channels_today (today, &now);
  check_text (data, "to_body", TRUE, AWP_ACCREDITATION_NAME_MAX, FALSE, issues);
  check_text (data, "from_body_kk", TRUE, AWP_ACCREDITATION_NAME_MAX, TRUE, issues);
  check_text (data, "from_body_ru", TRUE, AWP_ACCREDITATION_NAME_MAX, TRUE, issues);
  check_text (data, "channel_name_kk", TRUE, AWP_ACCREDITATION_NAME_MAX, TRUE, issues);
  check_text (data, "channel_name_ru", TRUE, AWP_ACCREDITATION_NAME_MAX, TRUE, issues);
  check_text (data, "instruction", FALSE, AWP_ACCREDITATION_TEXT_MAX, FALSE, issues);
  check_text (data, "regulating_act", FALSE, AWP_ACCREDITATION_TEXT_MAX, FALSE, issues);
  check_text (data, "purpose", TRUE, AWP_ACCREDITATION_TEXT_MAX, FALSE, issues);
  check_choice (data, "coverage", coverages, issues);
  check_choice (data, "format", formats, issues);
  check_text (data, "resources", TRUE, AWP_ACCREDITATION_TEXT_MAX, FALSE, issues);
  check_text (data, "justification", TRUE, AWP_ACCREDITATION_TEXT_MAX, FALSE, issues);
  check_text (data, "other_info", FALSE, AWP_ACCREDITATION_TEXT_MAX, FALSE, issues);
  check_text (data, "signer", TRUE, AWP_ACCREDITATION_NAME_MAX, FALSE, issues);
  if (json_object_has_member (data, "attachments")
      && !JSON_NODE_HOLDS_ARRAY (json_object_get_member (data, "attachments")))
    add_issue (issues, "attachments", "format",
               g_strdup_printf (_("%s: must be a list of documents"), awp_accreditation_field_label ("attachments")));
  {
    const char *value = json_object_get_string_member_with_default (data, "signed_on", "");
    const char *label = awp_accreditation_field_label ("signed_on");
    g_autoptr(GError) error = NULL;
    GDate signed_on;

    if (awp_validate_text (value, label, TRUE, 0, &error)
        && awp_validate_date (value, label, &signed_on, &error)
        && g_date_valid (&now) && g_date_compare (&signed_on, &now) > 0)
      g_set_error (&error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_DATE,
                   _("%s: cannot be later than today"), label);
    awp_template_add_issue (issues, "signed_on", error);
  }
  return issues;
}

char *
awp_accreditation_create (AwpStore    *store,
                          JsonObject  *data,
                          const char  *actor,
                          GError     **error)
{
  g_autoptr(JsonObject) copy = json_object_new ();

  awp_channels_copy_members (copy, data);
  json_object_set_string_member (copy, "subject",
                                 json_object_get_string_member_with_default (copy, "channel_name_ru", ""));
  return awp_store_create (store, "accreditation_application", copy, actor, error);
}

gboolean
awp_accreditation_save (AwpStore    *store,
                        const char  *id,
                        JsonObject  *changes,
                        const char  *actor,
                        GError     **error)
{
  return awp_channels_save_draft (store, "accreditation_application", id, changes,
                                  "channel_name_ru", actor, error);
}

gboolean
awp_accreditation_send (AwpStore    *store,
                        const char  *id,
                        const GDate *today,
                        const char  *actor,
                        GError     **error)
{
  g_autoptr(JsonObject) data = awp_channels_load (store, id, "accreditation_application", error);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *day = NULL;
  g_autofree char *due = NULL;
  JsonObject *deadlines;
  GDate now;

  if (data == NULL)
    return FALSE;
  awp_channels_today (today, &now);
  issues = awp_accreditation_validate (data, &now);
  if (!awp_template_issues_pass (issues, error))
    return FALSE;
  day = awp_template_iso_date (&now);
  due = awp_channels_due (store, "O93-5", &now, error);
  if (due == NULL)
    return FALSE;
  json_object_set_string_member (fields, "received_on", day);
  json_object_set_string_member (fields, "due_on", due);
  json_object_set_string_member (fields, "requester",
                                 json_object_get_string_member_with_default (data, "from_body_ru", ""));
  deadlines = json_object_new ();
  json_object_set_string_member (deadlines, "decide_by", due);
  json_object_set_object_member (fields, "deadlines", deadlines);
  return awp_store_transition (store, id, "send", fields, actor, error);
}

gboolean
awp_accreditation_review (AwpStore    *store,
                          const char  *id,
                          const char  *criterion,
                          gboolean     met,
                          const char  *comment,
                          const char  *actor,
                          GError     **error)
{
  g_autoptr(JsonObject) data = awp_channels_load (store, id, "accreditation_application", error);
  g_autoptr(JsonObject) changes = NULL;
  g_autoptr(GError) text_error = NULL;
  JsonObject *review;
  JsonObject *finding;
  const char *status;

  if (data == NULL)
    return FALSE;
  status = json_object_get_string_member_with_default (data, "status", "draft");
  if (criterion == NULL || !g_strv_contains (awp_accreditation_criteria, criterion))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("Unknown criterion “%s”"), criterion != NULL ? criterion : "");
      return FALSE;
    }
  if (!g_str_equal (status, "sent"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION,
                   _("Only an application under review can be assessed; this one is “%s”"),
                   awp_state_label (status));
      return FALSE;
    }
  if (!awp_validate_text (comment != NULL ? comment : "", _("Comment"), FALSE, AWP_ACCREDITATION_TEXT_MAX, &text_error))
    {
      g_set_error_literal (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID, text_error->message);
      return FALSE;
    }
  changes = json_object_new ();
  review = json_object_new ();
  if (json_object_has_member (data, "review") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (data, "review")))
    awp_channels_copy_members (review, json_object_get_object_member (data, "review"));
  finding = json_object_new ();
  json_object_set_boolean_member (finding, "met", met);
  json_object_set_string_member (finding, "comment", comment != NULL ? comment : "");
  json_object_set_object_member (review, criterion, finding);
  json_object_set_object_member (changes, "review", review);
  return awp_store_update (store, id, changes, actor, error);
}

/* The first criterion not found met, or NULL when all three are. */
static const char *
unmet_criterion (JsonObject *data)
{
  JsonObject *review = NULL;

  if (json_object_has_member (data, "review") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (data, "review")))
    review = json_object_get_object_member (data, "review");
  for (guint i = 0; awp_accreditation_criteria[i] != NULL; i++)
    {
      JsonObject *finding = NULL;
      gboolean met = FALSE;

      if (review != NULL && json_object_has_member (review, awp_accreditation_criteria[i])
          && JSON_NODE_HOLDS_OBJECT (json_object_get_member (review, awp_accreditation_criteria[i])))
        finding = json_object_get_object_member (review, awp_accreditation_criteria[i]);
      if (finding == NULL || !awp_json_get_bool (finding, "met", &met) || !met)
        return awp_accreditation_criteria[i];
    }
  return NULL;
}

gboolean
awp_accreditation_decide (AwpStore    *store,
                          const char  *id,
                          gboolean     accredit,
                          const char  *reason,
                          const GDate *today,
                          const char  *actor,
                          GError     **error)
{
  g_autoptr(JsonObject) data = awp_channels_load (store, id, "accreditation_application", error);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *day = NULL;
  g_autofree char *notify_by = NULL;
  g_autofree char *channel_id = NULL;
  JsonObject *deadlines;
  GDate now;

  if (data == NULL)
    return FALSE;
  awp_channels_today (today, &now);
  if (!g_str_equal (json_object_get_string_member_with_default (data, "status", "draft"), "sent"))
    /* The state machine names the state in its error. */
    return awp_store_transition (store, id, accredit ? "accredit" : "refuse", NULL, actor, error);
  if (accredit)
    {
      const char *unmet = unmet_criterion (data);

      if (unmet != NULL)
        {
          g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                       _("The criterion “%s” (O93-4) is not marked as met"),
                       awp_accreditation_criterion_title (unmet));
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GError) text_error = NULL;

      if (!awp_validate_text (reason != NULL ? reason : "", _("Reasons for the refusal"), TRUE,
                              AWP_ACCREDITATION_TEXT_MAX, &text_error))
        {
          g_set_error_literal (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID, text_error->message);
          return FALSE;
        }
      json_object_set_string_member (fields, "decision_reason", reason);
    }
  day = awp_template_iso_date (&now);
  notify_by = awp_channels_due (store, "O93-6", &now, error);
  if (notify_by == NULL)
    return FALSE;
  json_object_set_string_member (fields, "decided_on", day);
  json_object_set_string_member (fields, "due_on", notify_by);
  deadlines = json_object_new ();
  json_object_set_string_member (deadlines, "decide_by",
                                 json_object_get_string_member_with_default (data, "due_on", ""));
  json_object_set_string_member (deadlines, "notify_by", notify_by);
  json_object_set_object_member (fields, "deadlines", deadlines);

  if (!accredit)
    return awp_store_transition (store, id, "refuse", fields, actor, error);

  /* O93-5: the decision and the Registry entry stand or fall together,
   * here and on the server (one group: docs/sync.md). */
  if (!awp_store_begin_group (store, error))
    return FALSE;
  channel_id = awp_registry_include (store, data, id, day, actor, error);
  if (channel_id == NULL)
    {
      awp_store_rollback_if_open (store);
      return FALSE;
    }
  json_object_set_string_member (fields, "channel_id", channel_id);
  if (!awp_store_transition (store, id, "accredit", fields, actor, error))
    {
      awp_store_rollback_if_open (store);
      return FALSE;
    }
  return awp_store_commit (store, error);
}

gboolean
awp_accreditation_mark_notified (AwpStore    *store,
                                 const char  *id,
                                 const GDate *today,
                                 const char  *actor,
                                 GError     **error)
{
  g_autoptr(JsonObject) data = awp_channels_load (store, id, "accreditation_application", error);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *day = NULL;
  const char *status;
  GDate now;

  if (data == NULL)
    return FALSE;
  status = json_object_get_string_member_with_default (data, "status", "draft");
  if (!g_str_equal (status, "accredited") && !g_str_equal (status, "refused"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION,
                   _("The applicant is notified after the decision; the application is “%s”"),
                   awp_state_label (status));
      return FALSE;
    }
  awp_channels_today (today, &now);
  day = awp_template_iso_date (&now);
  json_object_set_string_member (changes, "notified_on", day);
  return awp_store_update (store, id, changes, actor, error);
}
