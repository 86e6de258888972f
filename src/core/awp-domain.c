#include "config.h"

#include <glib/gi18n-lib.h>

#include "awp-blog-request.h"
#include "awp-domain.h"
#include "awp-state-machine.h"

/* One implementation for every entity type: each final type is a table of
 * properties (name and the JSON member it shows), so the mapping from a
 * record to properties lives in one place. */

typedef enum
{
  FROM_RECORD,   /* a member of the record: id, type, state */
  FROM_DATA,     /* a member of the entity's data */
  FROM_EVENT,    /* a member of the newest entry of data "events" */
} Source;

typedef struct
{
  const char *name;
  Source      source;
  const char *member;
} StringProp;

static const StringProp common_strings[] = {
  { "id", FROM_RECORD, "id" },
  { "entity-type", FROM_RECORD, "type" },
  { "sync-state", FROM_RECORD, "state" },
  { "status", FROM_DATA, "status" },
  { "org-id", FROM_DATA, "org_id" },
  { "subject", FROM_DATA, "subject" },
  { "received-on", FROM_DATA, "received_on" },
  { "due-on", FROM_DATA, "due_on" },
  { "last-action", FROM_EVENT, "action" },
  { "last-actor", FROM_EVENT, "actor" },
  { "last-at", FROM_EVENT, "at" },
  { "last-norm", FROM_EVENT, "norm" },
};

enum { STRING_ID, STRING_ENTITY_TYPE };

#define MAX_EXTRA 6

typedef struct
{
  const char  *entity_type;
  const char  *extra_strings[MAX_EXTRA];  /* JSON members; property = member with '-' */
  const char  *extra_flags[MAX_EXTRA];    /* boolean members */
  /* Filled in class_init. */
  guint        n_strings;
  guint        n_flags;
  StringProp   strings[G_N_ELEMENTS (common_strings) + MAX_EXTRA];
  GParamSpec  *props[1 + G_N_ELEMENTS (common_strings) + 2 * MAX_EXTRA + 2];
  guint        prop_version;
  guint        prop_data;
} DomainInfo;

typedef struct
{
  GObject     parent_instance;

  DomainInfo *info;
  char       *strings[G_N_ELEMENTS (common_strings) + MAX_EXTRA];
  gboolean    flags[MAX_EXTRA];
  gint64      version;
  JsonObject *data;
} DomainInstance;

static GQuark
info_quark (void)
{
  return g_quark_from_static_string ("awp-domain-info");
}

static void
domain_finalize (GObject *object)
{
  DomainInstance *self = (DomainInstance *) object;

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);
  g_clear_pointer (&self->data, json_object_unref);
  G_OBJECT_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (object)))->finalize (object);
}

static void
domain_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomainInstance *self = (DomainInstance *) object;
  DomainInfo *info = self->info;

  if (prop_id >= 1 && prop_id <= info->n_strings)
    g_value_set_string (value, self->strings[prop_id - 1]);
  else if (prop_id > info->n_strings && prop_id <= info->n_strings + info->n_flags)
    g_value_set_boolean (value, self->flags[prop_id - 1 - info->n_strings]);
  else if (prop_id == info->prop_version)
    g_value_set_int64 (value, self->version);
  else if (prop_id == info->prop_data)
    g_value_set_boxed (value, self->data);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
domain_class_init (GObjectClass *klass,
                   DomainInfo   *info)
{
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  guint n = 1;

  klass->finalize = domain_finalize;
  klass->get_property = domain_get_property;
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), info_quark (), info);

  for (guint i = 0; i < G_N_ELEMENTS (common_strings); i++)
    info->strings[info->n_strings++] = common_strings[i];
  for (guint i = 0; i < MAX_EXTRA && info->extra_strings[i] != NULL; i++)
    {
      StringProp p = { g_strdelimit (g_strdup (info->extra_strings[i]), "_", '-'), FROM_DATA, info->extra_strings[i] };

      info->strings[info->n_strings++] = p;
    }
  for (guint i = 0; i < info->n_strings; i++)
    info->props[n++] = g_param_spec_string (info->strings[i].name, NULL, NULL, NULL, flags);
  for (guint i = 0; i < MAX_EXTRA && info->extra_flags[i] != NULL; i++, info->n_flags++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (info->extra_flags[i]), "_", '-');

      info->props[n++] = g_param_spec_boolean (g_intern_string (name), NULL, NULL, FALSE, flags);
    }
  info->prop_version = n;
  info->props[n++] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  info->prop_data = n;
  info->props[n++] = g_param_spec_boxed ("data", NULL, NULL, JSON_TYPE_OBJECT, flags);
  g_object_class_install_properties (klass, n, info->props);
}

#define DEFINE_DOMAIN_TYPE(TypeName, type_name, entity, STRINGS, FLAGS)          \
  struct _##TypeName { DomainInstance d; };                                     \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, G_TYPE_OBJECT)                      \
  static DomainInfo type_name##_info = { entity, STRINGS, FLAGS, 0, 0, { { 0 } }, { 0 }, 0, 0 }; \
  static void type_name##_class_init (TypeName##Class *klass)                   \
  {                                                                             \
    domain_class_init (G_OBJECT_CLASS (klass), &type_name##_info);              \
  }                                                                             \
  static void type_name##_init (TypeName *self)                                 \
  {                                                                             \
    self->d.info = &type_name##_info;                                           \
  }

#define LIST(...) { __VA_ARGS__ }
#define NONE { NULL }

/* Member names as the store and the seed write them. */
DEFINE_DOMAIN_TYPE (AwpConferenceApplication, awp_conference_application, "conference_application",
                    LIST ("requester", "text", "answer", "answered_on"), NONE)
DEFINE_DOMAIN_TYPE (AwpConference, awp_conference, "conference",
                    LIST ("title_kk", "title_ru", "starts_on"), NONE)
DEFINE_DOMAIN_TYPE (AwpSurvey, awp_survey, "survey",
                    LIST ("title_kk", "title_ru", "starts_on"), NONE)
DEFINE_DOMAIN_TYPE (AwpMeeting, awp_meeting, "meeting",
                    LIST ("title_kk", "title_ru", "held_on", "place"), LIST ("closed", "online_only"))
DEFINE_DOMAIN_TYPE (AwpAccreditationApplication, awp_accreditation_application, "accreditation_application",
                    LIST ("applicant_name", "position", "text"), NONE)
DEFINE_DOMAIN_TYPE (AwpChangeRequest, awp_change_request, "change_request",
                    LIST ("text", "reason"), NONE)
DEFINE_DOMAIN_TYPE (AwpTerminationNotice, awp_termination_notice, "termination_notice",
                    LIST ("text", "reason"), NONE)
DEFINE_DOMAIN_TYPE (AwpEfficiencyReport, awp_efficiency_report, "efficiency_report",
                    LIST ("period", "text"), NONE)

GType
awp_domain_type_for_entity (const char *entity_type)
{
  GType types[] = {
    AWP_TYPE_BLOG_REQUEST, AWP_TYPE_CONFERENCE_APPLICATION, AWP_TYPE_CONFERENCE, AWP_TYPE_SURVEY,
    AWP_TYPE_MEETING, AWP_TYPE_ACCREDITATION_APPLICATION, AWP_TYPE_CHANGE_REQUEST,
    AWP_TYPE_TERMINATION_NOTICE, AWP_TYPE_EFFICIENCY_REPORT,
  };

  g_return_val_if_fail (entity_type != NULL, G_TYPE_INVALID);

  if (g_str_equal (entity_type, "blog_request"))
    return AWP_TYPE_BLOG_REQUEST;
  for (guint i = 1; i < G_N_ELEMENTS (types); i++)
    {
      DomainInfo *info;

      /* class_init attaches the info; make sure it has run. */
      g_type_class_unref (g_type_class_ref (types[i]));
      info = g_type_get_qdata (types[i], info_quark ());
      if (g_str_equal (info->entity_type, entity_type))
        return types[i];
    }
  return G_TYPE_INVALID;
}

static void
set_string (DomainInstance *self, guint i, const char *value)
{
  if (g_strcmp0 (self->strings[i], value) == 0)
    return;
  g_free (self->strings[i]);
  self->strings[i] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), self->info->props[1 + i]);
}

static const char *
string_member (JsonObject *object, const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Fills the properties from a record. */
static gboolean
load_record (DomainInstance  *self,
             JsonObject      *record,
             GError         **error)
{
  DomainInfo *info = self->info;
  JsonNode *data_node = json_object_get_member (record, "data");
  JsonObject *data, *last = NULL;
  JsonNode *events;
  gint64 version;

  if (g_strcmp0 (string_member (record, "type"), info->entity_type) != 0
      || data_node == NULL || !JSON_NODE_HOLDS_OBJECT (data_node))
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   /* Translators: %s is an entity type such as “meeting” */
                   _("The record is not of the type “%s”"), info->entity_type);
      return FALSE;
    }
  data = json_node_get_object (data_node);
  events = json_object_get_member (data, "events");
  if (events != NULL && JSON_NODE_HOLDS_ARRAY (events))
    {
      JsonArray *list = json_node_get_array (events);
      guint n = json_array_get_length (list);
      JsonNode *node = n > 0 ? json_array_get_element (list, n - 1) : NULL;

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        last = json_node_get_object (node);
    }

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < info->n_strings; i++)
    {
      const StringProp *p = &info->strings[i];
      JsonObject *from = p->source == FROM_RECORD ? record : p->source == FROM_DATA ? data : last;

      set_string (self, i, string_member (from, p->member));
    }
  for (guint i = 0; i < info->n_flags; i++)
    {
      gboolean value = json_object_get_boolean_member_with_default (data, info->extra_flags[i], FALSE);

      if (value != self->flags[i])
        {
          self->flags[i] = value;
          g_object_notify_by_pspec (G_OBJECT (self), info->props[1 + info->n_strings + i]);
        }
    }
  version = json_object_get_int_member_with_default (record, "version", 0);
  if (version != self->version)
    {
      self->version = version;
      g_object_notify_by_pspec (G_OBJECT (self), info->props[info->prop_version]);
    }
  if (self->data == NULL || !json_object_equal (self->data, data))
    {
      g_clear_pointer (&self->data, json_object_unref);
      self->data = json_object_ref (data);
      g_object_notify_by_pspec (G_OBJECT (self), info->props[info->prop_data]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

GObject *
awp_domain_object_new_from_record (JsonObject  *record,
                                   GError     **error)
{
  const char *type;
  GType gtype;
  g_autoptr(GObject) object = NULL;

  g_return_val_if_fail (record != NULL, NULL);

  type = string_member (record, "type");
  gtype = type ? awp_domain_type_for_entity (type) : G_TYPE_INVALID;
  if (gtype == G_TYPE_INVALID)
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("Records of the type “%s” have no life cycle"), type ? type : "");
      return NULL;
    }
  if (gtype == AWP_TYPE_BLOG_REQUEST)
    return G_OBJECT (awp_blog_request_new_from_record (record, error));
  object = g_object_new (gtype, NULL);
  if (!load_record ((DomainInstance *) object, record, error))
    return NULL;
  return g_steal_pointer (&object);
}

GObject *
awp_domain_object_load (AwpStore    *store,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(JsonObject) record = NULL;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  record = awp_store_get_record (store, id, error);
  return record ? awp_domain_object_new_from_record (record, error) : NULL;
}

gboolean
awp_domain_object_apply (GObject     *object,
                         AwpStore    *store,
                         const char  *action,
                         JsonObject  *fields,
                         const char  *actor,
                         GError     **error)
{
  DomainInstance *self;
  g_autoptr(JsonObject) record = NULL;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);

  if (AWP_IS_BLOG_REQUEST (object))
    return awp_blog_request_apply (AWP_BLOG_REQUEST (object), store, action, fields, actor, error);
  g_return_val_if_fail (g_type_get_qdata (G_OBJECT_TYPE (object), info_quark ()) != NULL, FALSE);
  self = (DomainInstance *) object;
  if (!awp_store_transition (store, self->strings[STRING_ID], action, fields, actor, error))
    return FALSE;
  record = awp_store_get_record (store, self->strings[STRING_ID], error);
  return record != NULL && load_record (self, record, error);
}
