#include "config.h"

#include <gio/gio.h>

#include "awp-deadline-notifier.h"
#include "awp-due.h"
#include "awp-i18n.h"
#include "awp-seed.h"
#include "awp-test-store.h"

/* Deadline notifications end to end: a seeded store, the real GSettings
 * schema, a registered GApplication sending GNotification over the session
 * bus (dbus-run-session) to a notification server this test owns, the way
 * a desktop's daemon receives them. Each deadline is announced once: not
 * again on the next check, after a restart, or on a later day. */

typedef struct
{
  StoreFixture  sf;
  GSettings    *settings;
  GApplication *app;
  GPtrArray    *received;   /* "summary\nbody" of each Notify call */
  guint         owner_id;
  guint         object_id;
  gboolean      owned;
} Fixture;

static const char introspection[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "</interface></node>";

static void
on_method_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *path,
                const char            *interface,
                const char            *method,
                GVariant              *params,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  Fixture *f = user_data;

  if (g_str_equal (method, "Notify"))
    {
      const char *summary, *body;

      g_variant_get_child (params, 3, "&s", &summary);
      g_variant_get_child (params, 4, "&s", &body);
      g_ptr_array_add (f->received, g_strdup_printf ("%s\n%s", summary, body));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", f->received->len));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "body", "actions", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
on_name_acquired (GDBusConnection *connection, const char *name, gpointer user_data)
{
  ((Fixture *) user_data)->owned = TRUE;
}

static void
spin (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Until the server has @n calls (the bus is asynchronous). */
static void
wait_for (Fixture *f, guint n)
{
  for (int i = 0; i < 200 && f->received->len < n; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  spin ();
  g_assert_cmpuint (f->received->len, ==, n);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  static const GDBusInterfaceVTable vtable = { on_method_call, NULL, NULL, { 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection, &error);
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  store_fixture_setup (&f->sf, data);
  g_assert_true (awp_seed_run (f->sf.store, 300, 7, &error));
  g_assert_no_error (error);
  f->received = g_ptr_array_new_with_free_func (g_free);
  f->object_id = g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                                    &vtable, f, NULL, &error);
  g_assert_no_error (error);
  f->owner_id = g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                              on_name_acquired, NULL, f, NULL);
  while (!f->owned)
    g_main_context_iteration (NULL, TRUE);

  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "notified-deadlines");
  g_settings_reset (f->settings, "deadlines-checked-on");
  g_settings_reset (f->settings, "notify-overdue");
  g_settings_reset (f->settings, "notify-due-tomorrow");
  f->app = g_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_assert_true (g_application_register (f->app, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  GDBusConnection *bus = g_application_get_dbus_connection (f->app);

  g_bus_unown_name (f->owner_id);
  g_dbus_connection_unregister_object (bus, f->object_id);
  g_clear_object (&f->app);
  g_clear_object (&f->settings);
  g_ptr_array_unref (f->received);
  store_fixture_teardown (&f->sf, data);
}

static guint
n_due (Fixture *f, const char *from, const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = awp_due_collect (f->sf.store, from, to, AWP_DUE_INCLUDE_REQUESTS, &error);

  g_assert_no_error (error);
  return items->len;
}

static void
set_due (Fixture *f, const char *status, guint nth, const char *due_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) patch = json_object_new ();
  g_autoptr(GPtrArray) items = awp_due_collect (f->sf.store, NULL, "2027-12-31", AWP_DUE_INCLUDE_REQUESTS, &error);
  guint seen = 0;

  g_assert_no_error (error);
  json_object_set_string_member (patch, "due_on", due_on);
  for (guint i = 0; i < items->len; i++)
    {
      AwpDueItem *item = items->pdata[i];
      g_autoptr(JsonObject) record = NULL;

      if (!g_str_equal (item->norm, "O145-5.1"))
        continue;
      record = awp_store_get_record (f->sf.store, item->id, NULL);
      if (g_strcmp0 (json_object_get_string_member (json_object_get_object_member (record, "data"), "status"), status) != 0
          || seen++ != nth)
        continue;
      g_assert_true (awp_store_update (f->sf.store, item->id, patch, "test-admin", &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_not_reached ();
}

static void
test_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  AwpDeadlineNotifier *notifier;
  guint overdue, tomorrow, n = 0;

  /* Something becomes overdue (due yesterday) and something is due tomorrow. */
  set_due (f, "received", 0, "2026-11-19");
  set_due (f, "received", 1, "2026-11-21");
  g_setenv ("AWP_TODAY", "2026-11-20", TRUE);
  overdue = n_due (f, "2026-11-19", "2026-11-19");
  tomorrow = n_due (f, "2026-11-21", "2026-11-21");
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (tomorrow, >, 0);

  /* At start: the first check runs once the main loop does; only what
   * became overdue yesterday, not the whole backlog. */
  notifier = awp_deadline_notifier_new (f->app, f->sf.store, f->settings);
  wait_for (f, n += 2);
  g_assert_cmpuint (awp_deadline_notifier_get_last_count (notifier, "deadlines-overdue"), ==, overdue);
  g_assert_cmpuint (awp_deadline_notifier_get_last_count (notifier, "deadlines-tomorrow"), ==, tomorrow);
  g_assert_true (g_str_has_prefix (f->received->pdata[0], overdue == 1 ? "A deadline has passed\n" : "Deadlines have passed\n"));
  g_assert_true (g_str_has_prefix (f->received->pdata[1], tomorrow == 1 ? "A deadline is due tomorrow\n" : "Deadlines are due tomorrow\n"));
  {
    g_autofree char *checked = g_settings_get_string (f->settings, "deadlines-checked-on");

    g_assert_cmpstr (checked, ==, "2026-11-20");
  }

  /* Checked again the same day: nothing new, nothing sent. */
  g_assert_cmpuint (awp_deadline_notifier_check (notifier, &error), ==, 0);
  g_assert_no_error (error);
  g_object_unref (notifier);

  /* A restart the same day: remembered in GSettings, still nothing. */
  notifier = awp_deadline_notifier_new (f->app, f->sf.store, f->settings);
  spin ();
  g_assert_cmpuint (awp_deadline_notifier_check (notifier, &error), ==, 0);
  wait_for (f, n);

  /* The next day: what was due "tomorrow" is now overdue (its own, second
   * announcement); the ones overdue since yesterday are not repeated. */
  g_setenv ("AWP_TODAY", "2026-11-21", TRUE);
  set_due (f, "received", 2, "2026-11-22");
  g_assert_cmpuint (awp_deadline_notifier_check (notifier, &error), ==, 2);
  wait_for (f, n += 2);
  g_assert_cmpuint (awp_deadline_notifier_get_last_count (notifier, "deadlines-overdue"), ==, n_due (f, "2026-11-20", "2026-11-20"));
  g_assert_cmpuint (awp_deadline_notifier_get_last_count (notifier, "deadlines-tomorrow"), ==, n_due (f, "2026-11-22", "2026-11-22"));

  /* Switched off: not shown, yet marked, so switching on brings nothing back. */
  g_settings_set_boolean (f->settings, "notify-overdue", FALSE);
  g_settings_set_boolean (f->settings, "notify-due-tomorrow", FALSE);
  g_setenv ("AWP_TODAY", "2026-11-23", TRUE);
  g_assert_cmpuint (awp_deadline_notifier_check (notifier, &error), ==, 0);
  g_settings_set_boolean (f->settings, "notify-overdue", TRUE);
  g_settings_set_boolean (f->settings, "notify-due-tomorrow", TRUE);
  g_assert_cmpuint (awp_deadline_notifier_check (notifier, &error), ==, 0);
  g_assert_no_error (error);
  wait_for (f, n);
  /* The list stays short: only deadlines that can still come up. */
  {
    g_auto(GStrv) kept = g_settings_get_strv (f->settings, "notified-deadlines");

    for (guint i = 0; kept[i] != NULL; i++)
      g_assert_cmpint (strncmp (kept[i], "2026-11-22", 10), >=, 0);
  }
  g_object_unref (notifier);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  awp_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/notify/once", Fixture, NULL, fixture_setup, test_once, fixture_teardown);
  return g_test_run ();
}
