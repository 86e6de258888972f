#include "config.h"

#include "awp-queue-item.h"

/* The string properties live in one array indexed by property id, so one
 * getter and one setter serve them all. */

enum
{
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_RECEIVED,
  PROP_REQUESTER,
  PROP_SUBJECT,
  PROP_STATUS,
  PROP_DUE_ON,
  PROP_AUTH_METHOD,
  PROP_ORG,
  N_STRING_PROPS,
  PROP_DAYS_LEFT = N_STRING_PROPS,
  PROP_CLOSED,
  N_PROPS
};

struct _AwpQueueItem
{
  GObject   parent_instance;

  char     *strings[N_STRING_PROPS];
  int       days_left;
  gboolean  closed;
};

G_DEFINE_FINAL_TYPE (AwpQueueItem, awp_queue_item, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
awp_queue_item_finalize (GObject *object)
{
  AwpQueueItem *self = AWP_QUEUE_ITEM (object);

  for (guint i = 0; i < N_STRING_PROPS; i++)
    g_free (self->strings[i]);
  G_OBJECT_CLASS (awp_queue_item_parent_class)->finalize (object);
}

static void
awp_queue_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AwpQueueItem *self = AWP_QUEUE_ITEM (object);

  if (prop_id < N_STRING_PROPS)
    g_value_set_string (value, self->strings[prop_id]);
  else if (prop_id == PROP_DAYS_LEFT)
    g_value_set_int (value, self->days_left);
  else if (prop_id == PROP_CLOSED)
    g_value_set_boolean (value, self->closed);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
awp_queue_item_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  AwpQueueItem *self = AWP_QUEUE_ITEM (object);

  if (prop_id < N_STRING_PROPS)
    {
      g_free (self->strings[prop_id]);
      self->strings[prop_id] = g_value_dup_string (value);
    }
  else if (prop_id == PROP_DAYS_LEFT)
    self->days_left = g_value_get_int (value);
  else if (prop_id == PROP_CLOSED)
    self->closed = g_value_get_boolean (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
awp_queue_item_class_init (AwpQueueItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *const names[N_STRING_PROPS] = {
    NULL, "id", "number", "received", "requester", "subject", "status", "due-on", "auth-method", "org",
  };
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = awp_queue_item_finalize;
  object_class->get_property = awp_queue_item_get_property;
  object_class->set_property = awp_queue_item_set_property;

  for (guint i = 1; i < N_STRING_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL, flags);
  properties[PROP_DAYS_LEFT] = g_param_spec_int ("days-left", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_CLOSED] = g_param_spec_boolean ("closed", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awp_queue_item_init (AwpQueueItem *self)
{
}

#define GETTER(name, prop) \
  const char * \
  awp_queue_item_get_##name (AwpQueueItem *self) \
  { \
    g_return_val_if_fail (AWP_IS_QUEUE_ITEM (self), NULL); \
    return self->strings[prop]; \
  }

GETTER (id, PROP_ID)
GETTER (number, PROP_NUMBER)
GETTER (received, PROP_RECEIVED)
GETTER (requester, PROP_REQUESTER)
GETTER (subject, PROP_SUBJECT)
GETTER (status, PROP_STATUS)
GETTER (due_on, PROP_DUE_ON)
GETTER (auth_method, PROP_AUTH_METHOD)
GETTER (org, PROP_ORG)

int
awp_queue_item_get_days_left (AwpQueueItem *self)
{
  g_return_val_if_fail (AWP_IS_QUEUE_ITEM (self), 0);
  return self->days_left;
}

gboolean
awp_queue_item_get_closed (AwpQueueItem *self)
{
  g_return_val_if_fail (AWP_IS_QUEUE_ITEM (self), FALSE);
  return self->closed;
}
