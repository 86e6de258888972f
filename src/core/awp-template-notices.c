#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-conference-template.h"
#include "awp-state-machine.h"
#include "awp-survey-template.h"
#include "awp-template-notices.h"
#include "awp-validate.h"

GPtrArray *
awp_template_notices (const char               *type,
                      JsonObject               *data,
                      const AwpTemplateContext *ctx)
{
  if (g_strcmp0 (type, "conference") == 0)
    return awp_conference_template_notices (data, ctx);
  return awp_survey_template_notices (data, ctx);
}

/* An absolute http(s) address with a host, as the portal's links are. */
static gboolean
validate_link (const char  *link,
               GError     **error)
{
  const char *label = _("Link to the notice");
  g_autoptr(GUri) uri = NULL;

  if (!awp_validate_text (link, label, TRUE, 2000, error))
    return FALSE;
  uri = g_uri_parse (link, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL
      || (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0)
      || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, AWP_VALIDATE_ERROR, AWP_VALIDATE_ERROR_FORMAT,
                   _("%s: an address starting with https:// is expected"), label);
      return FALSE;
    }
  return TRUE;
}

gboolean
awp_template_post_notice (AwpStore     *store,
                          const char   *id,
                          const char   *key,
                          const char   *link,
                          const GDate  *posted_on,
                          const char   *actor,
                          GError      **error)
{
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *day = NULL;
  g_autofree char *due = NULL;
  AwpTemplateContext ctx;
  JsonArray *posted;
  JsonObject *entry;
  JsonObject *data;
  const AwpNotice *notice = NULL;
  const char *type;
  const char *status;
  JsonNode *old;

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!awp_template_context_init (&ctx, store, posted_on, error))
    return FALSE;
  record = awp_store_get_record (store, id, error);
  if (record == NULL)
    return FALSE;
  type = json_object_get_string_member (record, "type");
  if (!g_str_equal (type, "conference") && !g_str_equal (type, "survey"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The record “%s” is not of type “%s”"), id, "conference");
      return FALSE;
    }
  data = json_object_get_object_member (record, "data");
  status = json_object_get_string_member_with_default (data, "status", "draft");
  if (!g_str_equal (status, "accepted") && !g_str_equal (status, "published"))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION,
                   _("Notices are posted once the Operator accepts the template; it is “%s”"),
                   awp_state_label (status));
      return FALSE;
    }
  if (!validate_link (link, error))
    return FALSE;
  notices = awp_template_notices (type, data, &ctx);
  for (guint i = 0; i < notices->len && notice == NULL; i++)
    if (g_str_equal (((AwpNotice *) notices->pdata[i])->key, key))
      notice = notices->pdata[i];
  if (notice == NULL)
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("No notice “%s” in the schedule of this template"), key);
      return FALSE;
    }

  /* The list again, with this notice's entry replaced. */
  posted = json_array_new ();
  old = json_object_get_member (data, "notices");
  if (old != NULL && JSON_NODE_HOLDS_ARRAY (old))
    {
      JsonArray *list = json_node_get_array (old);

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *e = json_array_get_element (list, i);

          if (JSON_NODE_HOLDS_OBJECT (e)
              && g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (e), "key", NULL),
                            key) == 0)
            continue;
          json_array_add_element (posted, json_node_copy (e));
        }
    }
  day = awp_template_iso_date (&ctx.today);
  due = awp_template_iso_date (&notice->latest);
  entry = json_object_new ();
  json_object_set_string_member (entry, "key", key);
  json_object_set_string_member (entry, "norm", notice->norm);
  json_object_set_string_member (entry, "due", due);
  json_object_set_string_member (entry, "posted_on", day);
  json_object_set_string_member (entry, "link", link);
  json_array_add_object_element (posted, entry);
  json_object_set_array_member (changes, "notices", posted);
  return awp_store_update (store, id, changes, actor, error);
}
