#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-blog-request.h"

/* String properties are a table: JSON member → property, one loader. */
enum
{
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_SUBJECT,
  PROP_TEXT,
  PROP_ANSWER,
  PROP_REQUESTER,
  PROP_AUTH_METHOD,
  PROP_ORG_ID,
  PROP_STATUS,
  PROP_RECEIVED_ON,
  PROP_DUE_ON,
  PROP_ANSWERED_ON,
  PROP_SYNC_STATE,
  N_STRING_PROPS,
  PROP_TIMES_EXTENDED = N_STRING_PROPS,
  PROP_RATING,
  PROP_VERSION,
  N_PROPS
};

/* Property name and the data member it shows (NULL: from the record). */
static const char *const string_props[N_STRING_PROPS][2] = {
  { NULL, NULL },
  { "id", NULL },
  { "number", "number" },
  { "subject", "subject" },
  { "text", "text" },
  { "answer", "answer" },
  { "requester", "requester" },
  { "auth-method", "auth_method" },
  { "org-id", "org_id" },
  { "status", "status" },
  { "received-on", "received_on" },
  { "due-on", "due_on" },
  { "answered-on", "answered_on" },
  { "sync-state", NULL },
};

struct _AwpBlogRequest
{
  GObject  parent_instance;

  char    *strings[N_STRING_PROPS];
  int      times_extended;
  int      rating;
  gint64   version;
};

G_DEFINE_FINAL_TYPE (AwpBlogRequest, awp_blog_request, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
awp_blog_request_finalize (GObject *object)
{
  AwpBlogRequest *self = AWP_BLOG_REQUEST (object);

  for (guint i = 0; i < N_STRING_PROPS; i++)
    g_free (self->strings[i]);
  G_OBJECT_CLASS (awp_blog_request_parent_class)->finalize (object);
}

static void
awp_blog_request_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AwpBlogRequest *self = AWP_BLOG_REQUEST (object);

  if (prop_id > 0 && prop_id < N_STRING_PROPS)
    g_value_set_string (value, self->strings[prop_id]);
  else if (prop_id == PROP_TIMES_EXTENDED)
    g_value_set_int (value, self->times_extended);
  else if (prop_id == PROP_RATING)
    g_value_set_int (value, self->rating);
  else if (prop_id == PROP_VERSION)
    g_value_set_int64 (value, self->version);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
awp_blog_request_class_init (AwpBlogRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = awp_blog_request_finalize;
  object_class->get_property = awp_blog_request_get_property;

  for (guint i = 1; i < N_STRING_PROPS; i++)
    properties[i] = g_param_spec_string (string_props[i][0], NULL, NULL, NULL, flags);
  properties[PROP_TIMES_EXTENDED] = g_param_spec_int ("times-extended", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_RATING] = g_param_spec_int ("rating", NULL, NULL, 0, 5, 0, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awp_blog_request_init (AwpBlogRequest *self)
{
}

static void
set_string (AwpBlogRequest *self, guint prop, const char *value)
{
  if (g_strcmp0 (self->strings[prop], value) == 0)
    return;
  g_free (self->strings[prop]);
  self->strings[prop] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int (AwpBlogRequest *self, guint prop, gint64 *field_64, int *field, gint64 value)
{
  if (field_64 ? *field_64 == value : *field == value)
    return;
  if (field_64)
    *field_64 = value;
  else
    *field = (int) value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Fills the properties from a record; the one place JSON maps to them. */
static gboolean
load_record (AwpBlogRequest  *self,
             JsonObject      *record,
             GError         **error)
{
  JsonNode *data_node = json_object_get_member (record, "data");
  JsonObject *data;

  if (g_strcmp0 (json_object_get_string_member_with_default (record, "type", NULL), "blog_request") != 0
      || data_node == NULL || !JSON_NODE_HOLDS_OBJECT (data_node))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The record is not a blog request"));
      return FALSE;
    }
  data = json_node_get_object (data_node);
  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, PROP_ID, json_object_get_string_member_with_default (record, "id", NULL));
  set_string (self, PROP_SYNC_STATE, json_object_get_string_member_with_default (record, "state", NULL));
  for (guint i = 1; i < N_STRING_PROPS; i++)
    if (string_props[i][1] != NULL)
      set_string (self, i, json_object_get_string_member_with_default (data, string_props[i][1], NULL));
  set_int (self, PROP_TIMES_EXTENDED, NULL, &self->times_extended,
           json_object_get_int_member_with_default (data, "times_extended", 0));
  set_int (self, PROP_RATING, NULL, &self->rating, json_object_get_int_member_with_default (data, "rating", 0));
  set_int (self, PROP_VERSION, &self->version, NULL, json_object_get_int_member_with_default (record, "version", 0));
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

AwpBlogRequest *
awp_blog_request_new_from_record (JsonObject  *record,
                                  GError     **error)
{
  g_autoptr(AwpBlogRequest) self = NULL;

  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (AWP_TYPE_BLOG_REQUEST, NULL);
  if (!load_record (self, record, error))
    return NULL;
  return g_steal_pointer (&self);
}

AwpBlogRequest *
awp_blog_request_load (AwpStore    *store,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(JsonObject) record = NULL;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  record = awp_store_get_record (store, id, error);
  return record ? awp_blog_request_new_from_record (record, error) : NULL;
}

gboolean
awp_blog_request_apply (AwpBlogRequest  *self,
                        AwpStore        *store,
                        const char      *action,
                        JsonObject      *fields,
                        const char      *actor,
                        GError         **error)
{
  g_autoptr(JsonObject) record = NULL;

  g_return_val_if_fail (AWP_IS_BLOG_REQUEST (self), FALSE);
  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);

  if (!awp_store_transition (store, self->strings[PROP_ID], action, fields, actor, error))
    return FALSE;
  record = awp_store_get_record (store, self->strings[PROP_ID], error);
  return record != NULL && load_record (self, record, error);
}

const char *
awp_blog_request_get_id (AwpBlogRequest *self)
{
  g_return_val_if_fail (AWP_IS_BLOG_REQUEST (self), NULL);
  return self->strings[PROP_ID];
}

const char *
awp_blog_request_get_status (AwpBlogRequest *self)
{
  g_return_val_if_fail (AWP_IS_BLOG_REQUEST (self), NULL);
  return self->strings[PROP_STATUS];
}

const char *
awp_blog_request_get_subject (AwpBlogRequest *self)
{
  g_return_val_if_fail (AWP_IS_BLOG_REQUEST (self), NULL);
  return self->strings[PROP_SUBJECT];
}

const char *
awp_blog_request_get_due_on (AwpBlogRequest *self)
{
  g_return_val_if_fail (AWP_IS_BLOG_REQUEST (self), NULL);
  return self->strings[PROP_DUE_ON];
}

const char *
awp_blog_request_get_answer (AwpBlogRequest *self)
{
  g_return_val_if_fail (AWP_IS_BLOG_REQUEST (self), NULL);
  return self->strings[PROP_ANSWER];
}

int
awp_blog_request_get_times_extended (AwpBlogRequest *self)
{
  g_return_val_if_fail (AWP_IS_BLOG_REQUEST (self), 0);
  return self->times_extended;
}
