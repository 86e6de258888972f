#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-accreditation.h"
#include "awp-channel-request.h"
#include "awp-protocol.h"
#include "awp-registry.h"
#include "awp-state-machine.h"
#include "awp-store-private.h"
#include "awp-template-check.h"
#include "awp-validate.h"

/* Order 93: Annex 3 (O93-11), the termination notice (O93-12), and their
 * entry into the Registry within 3 wd (O93-13). */

#define TEXT_MAX AWP_ACCREDITATION_TEXT_MAX

static void
check_text (JsonObject *data,
            const char *field,
            const char *label,
            gboolean    required,
            GPtrArray  *issues)
{
  g_autoptr(GError) error = NULL;

  awp_validate_text (json_object_get_string_member_with_default (data, field, ""), label,
                     required, TEXT_MAX, &error);
  awp_template_add_issue (issues, field, error);
}

static void
check_signature (JsonObject  *data,
                 const GDate *today,
                 GPtrArray   *issues)
{
  const char *label = awp_accreditation_field_label ("signed_on");
  const char *value = json_object_get_string_member_with_default (data, "signed_on", "");
  g_autoptr(GError) error = NULL;
  GDate now, signed_on;

  check_text (data, "signer", awp_accreditation_field_label ("signer"), TRUE, issues);
  awp_channels_today (today, &now);
  if (awp_validate_text (value, label, TRUE, 0, &error)
      && awp_validate_date (value, label, &signed_on, &error)
      && g_date_compare (&signed_on, &now) > 0)
    g_set_error (&error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_DATE,
                 _("%s: cannot be later than today"), label);
  awp_template_add_issue (issues, "signed_on", error);
}

GPtrArray *
awp_change_request_validate (JsonObject  *data,
                             const GDate *today)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);
  const char *field = json_object_get_string_member_with_default (data, "field", "");
  const char *current = json_object_get_string_member_with_default (data, "current_value", "");
  const char *wording = json_object_get_string_member_with_default (data, "new_value", "");

  check_text (data, "channel_id", _("Registry entry"), TRUE, issues);
  if (!g_strv_contains (awp_registry_fields, field))
    g_ptr_array_add (issues, awp_field_error_new ("field", "required", _("Registry record being changed: choose one")));
  check_text (data, "new_value", _("New wording"), TRUE, issues);
  {
    g_autofree char *a = g_strstrip (g_strdup (wording));
    g_autofree char *b = g_strstrip (g_strdup (current));

    if (a[0] != '\0' && g_str_equal (a, b))
      g_ptr_array_add (issues, awp_field_error_new ("new_value", "unchanged",
                                                    _("New wording: the same as the current content")));
  }
  if (wording[0] != '\0' && g_strv_contains (awp_registry_fields, field))
    {
      g_autoptr(GError) error = NULL;

      awp_validate_cyrillic (wording, _("New wording"), &error);
      awp_template_add_issue (issues, "new_value", error);
    }
  check_text (data, "grounds", _("Grounds for the change"), TRUE, issues);
  check_signature (data, today, issues);
  return issues;
}

static gboolean
channel_open (JsonObject  *entry,
              GError     **error)
{
  if (json_object_has_member (entry, "excluded_on"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The channel “%s” was excluded from the Registry"),
                   json_object_get_string_member_with_default (entry, "name_ru", ""));
      return FALSE;
    }
  return TRUE;
}

char *
awp_change_request_create (AwpStore    *store,
                           const char  *channel_id,
                           const char  *field,
                           JsonObject  *data,
                           const char  *actor,
                           GError     **error)
{
  g_autoptr(JsonObject) entry = awp_registry_get_entry (store, channel_id, error);
  g_autoptr(JsonObject) copy = json_object_new ();

  if (entry == NULL || !channel_open (entry, error))
    return NULL;
  if (field == NULL || !g_strv_contains (awp_registry_fields, field))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("Registry record being changed: choose one"));
      return NULL;
    }
  awp_channels_copy_members (copy, data);
  json_object_set_string_member (copy, "channel_id", channel_id);
  json_object_set_string_member (copy, "field", field);
  json_object_set_string_member (copy, "current_value", json_object_get_string_member_with_default (entry, field, ""));
  json_object_set_string_member (copy, "subject", json_object_get_string_member_with_default (entry, "name_ru", ""));
  json_object_set_string_member (copy, "requester", json_object_get_string_member_with_default (entry, "owner_ru", ""));
  return awp_store_create (store, "change_request", copy, actor, error);
}

gboolean
awp_change_request_save (AwpStore    *store,
                         const char  *id,
                         JsonObject  *changes,
                         const char  *actor,
                         GError     **error)
{
  /* The entry and its current content are fixed when the request is made. */
  for (const char *const *f = (const char *const[]) { "channel_id", "current_value", NULL }; *f != NULL; f++)
    if (json_object_has_member (changes, *f))
      {
        g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                     _("The field “%s” changes only through an action"), *f);
        return FALSE;
      }
  return awp_channels_save_draft (store, "change_request", id, changes, NULL, actor, error);
}

/* draft → sent, received today, to be entered within 3 wd (O93-13). */
static gboolean
send_checked (AwpStore    *store,
              const char  *id,
              GPtrArray   *issues,
              const GDate *now,
              const char  *actor,
              GError     **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *day = NULL;
  g_autofree char *due = NULL;
  JsonObject *deadlines;

  if (!awp_template_issues_pass (issues, error))
    return FALSE;
  day = awp_template_iso_date (now);
  due = awp_channels_due (store, "O93-13", now, error);
  if (due == NULL)
    return FALSE;
  json_object_set_string_member (fields, "received_on", day);
  json_object_set_string_member (fields, "due_on", due);
  deadlines = json_object_new ();
  json_object_set_string_member (deadlines, "apply_by", due);
  json_object_set_object_member (fields, "deadlines", deadlines);
  return awp_store_transition (store, id, "send", fields, actor, error);
}

typedef GPtrArray *(*ValidateFunc) (JsonObject *data, const GDate *today);

/* Sends a change request or termination notice of an entry still in the
 * Registry, once @validate finds nothing wrong (O93-11, O93-12). */
static gboolean
send_document (AwpStore     *store,
               const char   *id,
               const char   *type,
               ValidateFunc  validate,
               const GDate  *today,
               const char   *actor,
               GError      **error)
{
  g_autoptr(JsonObject) data = awp_channels_load (store, id, type, error);
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  GDate now;

  if (data == NULL)
    return FALSE;
  entry = awp_registry_get_entry (store, json_object_get_string_member_with_default (data, "channel_id", NULL), error);
  if (entry == NULL || !channel_open (entry, error))
    return FALSE;
  awp_channels_today (today, &now);
  issues = validate (data, &now);
  return send_checked (store, id, issues, &now, actor, error);
}

gboolean
awp_change_request_send (AwpStore    *store,
                         const char  *id,
                         const GDate *today,
                         const char  *actor,
                         GError     **error)
{
  return send_document (store, id, "change_request", awp_change_request_validate, today, actor, error);
}

gboolean
awp_change_request_apply (AwpStore    *store,
                          const char  *id,
                          const GDate *today,
                          const char  *actor,
                          GError     **error)
{
  g_autoptr(JsonObject) data = awp_channels_load (store, id, "change_request", error);
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(JsonObject) patch = json_object_new ();
  g_autoptr(JsonObject) event = json_object_new ();
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *day = NULL;
  const char *channel_id, *field, *wording;
  GDate now;

  if (data == NULL)
    return FALSE;
  if (!g_str_equal (json_object_get_string_member_with_default (data, "status", "draft"), "sent"))
    return awp_store_transition (store, id, "apply", NULL, actor, error);
  channel_id = json_object_get_string_member_with_default (data, "channel_id", NULL);
  field = json_object_get_string_member_with_default (data, "field", "");
  wording = json_object_get_string_member_with_default (data, "new_value", "");
  entry = awp_registry_get_entry (store, channel_id, error);
  if (entry == NULL || !channel_open (entry, error))
    return FALSE;
  if (g_strcmp0 (json_object_get_string_member_with_default (entry, field, ""),
                 json_object_get_string_member_with_default (data, "current_value", "")) != 0)
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The Registry entry changed after the request was written; it reads now “%s”"),
                   json_object_get_string_member_with_default (entry, field, ""));
      return FALSE;
    }
  awp_channels_today (today, &now);
  day = awp_template_iso_date (&now);
  json_object_set_string_member (patch, field, wording);
  if (g_str_equal (field, "name_ru"))
    json_object_set_string_member (patch, "subject", wording);
  if (g_str_equal (field, "owner_ru"))
    json_object_set_string_member (patch, "requester", wording);
  json_object_set_string_member (event, "kind", "changed");
  json_object_set_string_member (event, "on", day);
  json_object_set_string_member (event, "norm", "O93-13");
  json_object_set_string_member (event, "source_id", id);
  json_object_set_string_member (event, "field", field);
  json_object_set_string_member (event, "old_value", json_object_get_string_member_with_default (entry, field, ""));
  json_object_set_string_member (event, "new_value", wording);
  json_object_set_string_member (event, "grounds", json_object_get_string_member_with_default (data, "grounds", ""));
  json_object_set_string_member (fields, "applied_on", day);

  /* The request, the entry and its history line change together, here
   * and on the server (one group: docs/sync.md). */
  if (!awp_store_begin_group (store, error))
    return FALSE;
  if (!awp_store_update (store, channel_id, patch, actor, error)
      || !awp_registry_add_history (store, channel_id, event, actor, error)
      || !awp_store_transition (store, id, "apply", fields, actor, error))
    {
      awp_store_rollback_if_open (store);
      return FALSE;
    }
  return awp_store_commit (store, error);
}

gboolean
awp_change_request_refuse (AwpStore    *store,
                           const char  *id,
                           const char  *reason,
                           const GDate *today,
                           const char  *actor,
                           GError     **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) text_error = NULL;
  g_autofree char *day = NULL;
  GDate now;

  if (!awp_validate_text (reason != NULL ? reason : "", _("Reasons for the refusal"), TRUE, TEXT_MAX, &text_error))
    {
      g_set_error_literal (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID, text_error->message);
      return FALSE;
    }
  awp_channels_today (today, &now);
  day = awp_template_iso_date (&now);
  json_object_set_string_member (fields, "decision_reason", reason);
  json_object_set_string_member (fields, "decided_on", day);
  return awp_store_transition (store, id, "refuse", fields, actor, error);
}

GPtrArray *
awp_termination_validate (JsonObject  *data,
                          const GDate *today)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_field_error_free);

  check_text (data, "channel_id", _("Registry entry"), TRUE, issues);
  check_text (data, "text", _("Text of the notice"), TRUE, issues);
  check_signature (data, today, issues);
  return issues;
}

char *
awp_termination_create (AwpStore    *store,
                        const char  *channel_id,
                        JsonObject  *data,
                        const char  *actor,
                        GError     **error)
{
  g_autoptr(JsonObject) entry = awp_registry_get_entry (store, channel_id, error);
  g_autoptr(JsonObject) copy = json_object_new ();

  if (entry == NULL || !channel_open (entry, error))
    return NULL;
  awp_channels_copy_members (copy, data);
  json_object_set_string_member (copy, "channel_id", channel_id);
  json_object_set_string_member (copy, "subject", json_object_get_string_member_with_default (entry, "name_ru", ""));
  json_object_set_string_member (copy, "requester", json_object_get_string_member_with_default (entry, "owner_ru", ""));
  return awp_store_create (store, "termination_notice", copy, actor, error);
}

gboolean
awp_termination_save (AwpStore    *store,
                      const char  *id,
                      JsonObject  *changes,
                      const char  *actor,
                      GError     **error)
{
  if (json_object_has_member (changes, "channel_id"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The field “%s” changes only through an action"), "channel_id");
      return FALSE;
    }
  return awp_channels_save_draft (store, "termination_notice", id, changes, NULL, actor, error);
}

gboolean
awp_termination_send (AwpStore    *store,
                      const char  *id,
                      const GDate *today,
                      const char  *actor,
                      GError     **error)
{
  return send_document (store, id, "termination_notice", awp_termination_validate, today, actor, error);
}

gboolean
awp_termination_apply (AwpStore    *store,
                       const char  *id,
                       const GDate *today,
                       const char  *actor,
                       GError     **error)
{
  g_autoptr(JsonObject) data = awp_channels_load (store, id, "termination_notice", error);
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(JsonObject) patch = json_object_new ();
  g_autoptr(JsonObject) event = json_object_new ();
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *day = NULL;
  const char *channel_id;
  GDate now;

  if (data == NULL)
    return FALSE;
  if (!g_str_equal (json_object_get_string_member_with_default (data, "status", "draft"), "sent"))
    return awp_store_transition (store, id, "apply", NULL, actor, error);
  channel_id = json_object_get_string_member_with_default (data, "channel_id", NULL);
  entry = awp_registry_get_entry (store, channel_id, error);
  if (entry == NULL || !channel_open (entry, error))
    return FALSE;
  awp_channels_today (today, &now);
  day = awp_template_iso_date (&now);
  json_object_set_string_member (patch, "excluded_on", day);
  json_object_set_string_member (event, "kind", "excluded");
  json_object_set_string_member (event, "on", day);
  json_object_set_string_member (event, "norm", "O93-13");
  json_object_set_string_member (event, "source_id", id);
  json_object_set_string_member (event, "grounds", json_object_get_string_member_with_default (data, "text", ""));
  json_object_set_string_member (fields, "applied_on", day);

  /* The notice, the exclusion and its history line, also on the server. */
  if (!awp_store_begin_group (store, error))
    return FALSE;
  if (!awp_store_update (store, channel_id, patch, actor, error)
      || !awp_registry_add_history (store, channel_id, event, actor, error)
      || !awp_store_transition (store, id, "apply", fields, actor, error))
    {
      awp_store_rollback_if_open (store);
      return FALSE;
    }
  return awp_store_commit (store, error);
}
