#include "config.h"

#include "awp-calendar-entry.h"

struct _AwpCalendarEntry
{
  GObject               parent_instance;

  char                 *title;
  GDateTime            *starts_at;
  AwpCalendarEntryKind  kind;
};

G_DEFINE_TYPE (AwpCalendarEntry, awp_calendar_entry, G_TYPE_OBJECT)

static const GEnumValue kind_values[] = {
  { AWP_CALENDAR_ENTRY_MEETING, "AWP_CALENDAR_ENTRY_MEETING", "meeting" },
  { AWP_CALENDAR_ENTRY_DEADLINE_ANNOUNCEMENT, "AWP_CALENDAR_ENTRY_DEADLINE_ANNOUNCEMENT", "deadline-announcement" },
  { AWP_CALENDAR_ENTRY_DEADLINE_REGISTRATION, "AWP_CALENDAR_ENTRY_DEADLINE_REGISTRATION", "deadline-registration" },
  { AWP_CALENDAR_ENTRY_DEADLINE_RESULTS, "AWP_CALENDAR_ENTRY_DEADLINE_RESULTS", "deadline-results" },
  { 0, NULL, NULL },
};

GType
awp_calendar_entry_kind_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("AwpCalendarEntryKind"), kind_values));
  return type;
}

enum { PROP_0, PROP_TITLE, PROP_STARTS_AT, PROP_KIND, N_PROPS };
static GParamSpec *properties[N_PROPS];

AwpCalendarEntry *
awp_calendar_entry_new (const char           *title,
                        GDateTime            *starts_at,
                        AwpCalendarEntryKind  kind)
{
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (starts_at != NULL, NULL);

  return g_object_new (AWP_TYPE_CALENDAR_ENTRY, "title", title, "starts-at", starts_at, "kind", kind, NULL);
}

const char *
awp_calendar_entry_get_title (AwpCalendarEntry *self)
{
  g_return_val_if_fail (AWP_IS_CALENDAR_ENTRY (self), NULL);
  return self->title;
}

GDateTime *
awp_calendar_entry_get_starts_at (AwpCalendarEntry *self)
{
  g_return_val_if_fail (AWP_IS_CALENDAR_ENTRY (self), NULL);
  return self->starts_at;
}

AwpCalendarEntryKind
awp_calendar_entry_get_kind (AwpCalendarEntry *self)
{
  g_return_val_if_fail (AWP_IS_CALENDAR_ENTRY (self), AWP_CALENDAR_ENTRY_MEETING);
  return self->kind;
}

const char *
awp_calendar_entry_kind_to_string (AwpCalendarEntryKind kind)
{
  g_return_val_if_fail (kind <= AWP_CALENDAR_ENTRY_DEADLINE_RESULTS, NULL);
  return kind_values[kind].value_nick;
}

gboolean
awp_calendar_entry_kind_from_string (const char           *text,
                                     AwpCalendarEntryKind *kind)
{
  for (guint i = 0; kind_values[i].value_nick != NULL; i++)
    if (g_strcmp0 (text, kind_values[i].value_nick) == 0)
      {
        *kind = kind_values[i].value;
        return TRUE;
      }
  return FALSE;
}

/* Shapes as well as colours tell the kinds apart (and survive a screen
 * reader or a grey-scale printout). */
const char *
awp_calendar_entry_kind_shape (AwpCalendarEntryKind kind)
{
  static const char *const shapes[] = {
    [AWP_CALENDAR_ENTRY_MEETING] = "●",
    [AWP_CALENDAR_ENTRY_DEADLINE_ANNOUNCEMENT] = "◆",
    [AWP_CALENDAR_ENTRY_DEADLINE_REGISTRATION] = "▲",
    [AWP_CALENDAR_ENTRY_DEADLINE_RESULTS] = "■",
  };

  g_return_val_if_fail (kind <= AWP_CALENDAR_ENTRY_DEADLINE_RESULTS, "");
  return shapes[kind];
}

char *
awp_calendar_entry_dup_label (AwpCalendarEntry *self)
{
  static const char *const norms[] = {
    [AWP_CALENDAR_ENTRY_DEADLINE_ANNOUNCEMENT] = "O605-8",
    [AWP_CALENDAR_ENTRY_DEADLINE_REGISTRATION] = "O605-9",
    [AWP_CALENDAR_ENTRY_DEADLINE_RESULTS] = "O605-14",
  };
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (AWP_IS_CALENDAR_ENTRY (self), NULL);

  if (self->kind != AWP_CALENDAR_ENTRY_MEETING)
    return g_strdup_printf ("%s %s %s", awp_calendar_entry_kind_shape (self->kind), norms[self->kind], self->title);
  local = g_date_time_to_local (self->starts_at);
  return g_strdup_printf ("%02d:%02d %s", g_date_time_get_hour (local), g_date_time_get_minute (local), self->title);
}

static void
awp_calendar_entry_finalize (GObject *object)
{
  AwpCalendarEntry *self = AWP_CALENDAR_ENTRY (object);

  g_free (self->title);
  g_clear_pointer (&self->starts_at, g_date_time_unref);
  G_OBJECT_CLASS (awp_calendar_entry_parent_class)->finalize (object);
}

static void
awp_calendar_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AwpCalendarEntry *self = AWP_CALENDAR_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_STARTS_AT: g_value_set_boxed (value, self->starts_at); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awp_calendar_entry_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  AwpCalendarEntry *self = AWP_CALENDAR_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      if (self->title == NULL)
        self->title = g_strdup ("");
      break;
    case PROP_STARTS_AT:
      g_clear_pointer (&self->starts_at, g_date_time_unref);
      self->starts_at = g_value_dup_boxed (value);
      if (self->starts_at == NULL)
        self->starts_at = g_date_time_new_now_local ();
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awp_calendar_entry_class_init (AwpCalendarEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awp_calendar_entry_finalize;
  object_class->get_property = awp_calendar_entry_get_property;
  object_class->set_property = awp_calendar_entry_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "",
    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTS_AT] = g_param_spec_boxed ("starts-at", NULL, NULL, G_TYPE_DATE_TIME,
    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, AWP_TYPE_CALENDAR_ENTRY_KIND,
    AWP_CALENDAR_ENTRY_MEETING, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awp_calendar_entry_init (AwpCalendarEntry *self)
{
}
