#include "config.h"

#include <glib/gi18n.h>

#include "awp-deadline-notifier.h"
#include "awp-due.h"
#include "awp-request-format.h"

/* Between two checks; the day change has its own timer. */
#define CHECK_INTERVAL_S (15 * 60)
/* Titles quoted in one notification. */
#define MAX_TITLES 3

struct _AwpDeadlineNotifier
{
  GObject       parent_instance;

  /* Borrowed */
  GApplication *application;   /* weak */

  /* Owned */
  AwpStore     *store;
  GSettings    *settings;
  GHashTable   *sent;          /* id → GNotification */
  GHashTable   *last_counts;   /* id → count */
  guint         interval_id;
  guint         midnight_id;
};

G_DEFINE_FINAL_TYPE (AwpDeadlineNotifier, awp_deadline_notifier, G_TYPE_OBJECT)

static void schedule_midnight (AwpDeadlineNotifier *self);

static GNotification *
build (GPtrArray  *items,
       const char *title)
{
  GNotification *n = g_notification_new (title);
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 0; i < items->len && i < MAX_TITLES; i++)
    {
      AwpDueItem *item = items->pdata[i];
      g_autofree char *date = awp_request_format_date (item->due_on);

      /* Translators: "Announcement of the meeting: Public council — 24.11.2026" */
      g_string_append_printf (body, _("%s: %s — %s"), item->what, item->title, date);
      g_string_append_c (body, '\n');
    }
  if (items->len > MAX_TITLES)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                               items->len - MAX_TITLES),
                            items->len - MAX_TITLES);
  else if (body->len > 0)
    g_string_truncate (body, body->len - 1);
  g_notification_set_body (n, body->str);
  /* Clicking it opens the window on Today. */
  g_notification_set_default_action_and_target (n, "app.show-today", NULL);
  g_notification_set_priority (n, G_NOTIFICATION_PRIORITY_HIGH);
  return n;
}

/* GIO warns on every failed send when no notification server runs (a bare
 * X session, a CI machine): ask the bus first. Portal inside a sandbox,
 * then GTK's and the freedesktop server, running or activatable. */
static gboolean
notifications_available (AwpDeadlineNotifier *self)
{
  static const char *const names[] = {
    "org.freedesktop.portal.Desktop", "org.gtk.Notifications", "org.freedesktop.Notifications",
  };
  GDBusConnection *bus;
  g_autoptr(GVariant) activatable = NULL;
  g_autofree const char **list = NULL;

  if (self->application == NULL || !g_application_get_is_registered (self->application)
      || (bus = g_application_get_dbus_connection (self->application)) == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                               "org.freedesktop.DBus", "NameHasOwner",
                                                               g_variant_new ("(s)", names[i]), G_VARIANT_TYPE ("(b)"),
                                                               G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
      gboolean owned = FALSE;

      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      if (owned)
        return TRUE;
    }
  activatable = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                             G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
  if (activatable == NULL)
    return FALSE;
  g_variant_get (activatable, "(^a&s)", &list);
  return list != NULL && g_strv_contains (list, "org.freedesktop.Notifications");
}

static gboolean
send (AwpDeadlineNotifier *self,
      const char          *id,
      GPtrArray           *items,
      const char          *setting,
      const char          *title)
{
  g_autoptr(GNotification) n = NULL;

  if (items->len == 0 || !g_settings_get_boolean (self->settings, setting))
    return FALSE;
  n = build (items, title);
  if (notifications_available (self))
    g_application_send_notification (self->application, id, n);
  g_hash_table_replace (self->sent, g_strdup (id), g_object_ref (n));
  g_hash_table_replace (self->last_counts, g_strdup (id), GUINT_TO_POINTER (items->len));
  return TRUE;
}

guint
awp_deadline_notifier_check (AwpDeadlineNotifier  *self,
                             GError              **error)
{
  g_auto(GStrv) notified = NULL;
  g_auto(GStrv) pruned = NULL;
  g_autoptr(GStrvBuilder) keep = g_strv_builder_new ();
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) tomorrow = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *last = NULL;
  GDate today;
  guint sent = 0;

  g_return_val_if_fail (AWP_IS_DEADLINE_NOTIFIER (self), 0);

  awp_request_today (&today);
  today_iso = awp_request_iso_date (&today);
  notified = g_settings_get_strv (self->settings, "notified-deadlines");
  last = g_settings_get_string (self->settings, "deadlines-checked-on");
  if (!awp_due_to_notify (self->store, today_iso, last[0] ? last : NULL, (const char *const *) notified,
                          &overdue, &tomorrow, error))
    return 0;

  /* Translators: the title of a desktop notification */
  sent += send (self, "deadlines-overdue", overdue, "notify-overdue",
                g_dngettext (GETTEXT_PACKAGE, "A deadline has passed", "Deadlines have passed", overdue->len));
  sent += send (self, "deadlines-tomorrow", tomorrow, "notify-due-tomorrow",
                g_dngettext (GETTEXT_PACKAGE, "A deadline is due tomorrow", "Deadlines are due tomorrow", tomorrow->len));

  /* Remember every one, shown or not: once each, never again. */
  pruned = awp_due_prune_notified ((const char *const *) notified, today_iso);
  g_strv_builder_addv (keep, (const char **) pruned);
  for (guint i = 0; i < overdue->len + tomorrow->len; i++)
    {
      gboolean late = i < overdue->len;
      g_autofree char *key = awp_due_notified_key (late ? overdue->pdata[i] : tomorrow->pdata[i - overdue->len], late);

      g_strv_builder_add (keep, key);
    }
  {
    g_auto(GStrv) all = g_strv_builder_end (keep);

    g_settings_delay (self->settings);
    g_settings_set_strv (self->settings, "notified-deadlines", (const char *const *) all);
    g_settings_set_string (self->settings, "deadlines-checked-on", today_iso);
    g_settings_apply (self->settings);
  }
  return sent;
}

static void
check_logged (AwpDeadlineNotifier *self)
{
  g_autoptr(GError) error = NULL;

  awp_deadline_notifier_check (self, &error);
  if (error != NULL)
    g_warning ("Deadline notifications: %s", error->message);
}

static gboolean
interval_cb (gpointer user_data)
{
  check_logged (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
midnight_cb (gpointer user_data)
{
  AwpDeadlineNotifier *self = user_data;

  self->midnight_id = 0;
  check_logged (self);
  schedule_midnight (self);
  return G_SOURCE_REMOVE;
}

/* A day change makes deadlines overdue and others due tomorrow. */
static void
schedule_midnight (AwpDeadlineNotifier *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (start, 1);
  GTimeSpan wait = g_date_time_difference (next, now);

  /* A few seconds after midnight, so "today" has certainly changed. */
  self->midnight_id = g_timeout_add_seconds ((guint) (wait / G_USEC_PER_SEC) + 5, midnight_cb, self);
}

static gboolean
start_cb (gpointer user_data)
{
  check_logged (user_data);
  return G_SOURCE_REMOVE;
}

static void
awp_deadline_notifier_dispose (GObject *object)
{
  AwpDeadlineNotifier *self = AWP_DEADLINE_NOTIFIER (object);

  g_clear_handle_id (&self->interval_id, g_source_remove);
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->sent, g_hash_table_unref);
  g_clear_pointer (&self->last_counts, g_hash_table_unref);

  G_OBJECT_CLASS (awp_deadline_notifier_parent_class)->dispose (object);
}

static void
awp_deadline_notifier_class_init (AwpDeadlineNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = awp_deadline_notifier_dispose;
}

static void
awp_deadline_notifier_init (AwpDeadlineNotifier *self)
{
  self->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->last_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

AwpDeadlineNotifier *
awp_deadline_notifier_new (GApplication *application,
                           AwpStore     *store,
                           GSettings    *settings)
{
  AwpDeadlineNotifier *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (AWP_TYPE_DEADLINE_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  /* At start (once the main loop runs), then periodically. */
  g_idle_add_full (G_PRIORITY_LOW, start_cb, g_object_ref (self), g_object_unref);
  self->interval_id = g_timeout_add_seconds (CHECK_INTERVAL_S, interval_cb, self);
  schedule_midnight (self);
  return self;
}

GHashTable *
awp_deadline_notifier_get_sent (AwpDeadlineNotifier *self)
{
  g_return_val_if_fail (AWP_IS_DEADLINE_NOTIFIER (self), NULL);

  return self->sent;
}

guint
awp_deadline_notifier_get_last_count (AwpDeadlineNotifier *self,
                                      const char          *id)
{
  g_return_val_if_fail (AWP_IS_DEADLINE_NOTIFIER (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->last_counts, id));
}
