#include "config.h"

#include <adwaita.h>

#include "awp-preferences-window.h"
#include "awp-window.h"

static const char *expected_workspaces[] = {
  "today", "requests", "applications", "conferences",
  "surveys", "meetings", "channels", "reports", NULL
};

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_window_visits_every_workspace (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) names = NULL;
  AwpWindow *window;

  g_settings_set_string (settings, "last-workspace", "meetings");

  window = g_object_ref (awp_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  /* The last workspace is restored. */
  g_assert_cmpstr (awp_window_get_workspace (window), ==, "meetings");

  names = awp_window_list_workspaces (window);
  g_assert_cmpstrv (names, expected_workspaces);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *saved = NULL;

      g_assert_true (awp_window_set_workspace (window, names[i]));
      spin ();
      g_assert_cmpstr (awp_window_get_workspace (window), ==, names[i]);
      saved = g_settings_get_string (settings, "last-workspace");
      g_assert_cmpstr (saved, ==, names[i]);
    }

  g_assert_false (awp_window_set_workspace (window, "no-such-workspace"));
  g_assert_cmpstr (awp_window_get_workspace (window), ==, "reports");

  /* Alt+2 goes to the blog requests through the win.workspace action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.workspace", "s", "requests"));
  g_assert_cmpstr (awp_window_get_workspace (window), ==, "requests");

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
}

static void
test_window_unknown_last_workspace_falls_back (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AwpWindow *window;

  g_settings_set_string (settings, "last-workspace", "removed-in-an-older-version");
  window = g_object_ref (awp_window_new (NULL));
  g_assert_cmpstr (awp_window_get_workspace (window), ==, "today");
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
}

static void
test_window_size_persists (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AwpWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = g_object_ref (awp_window_new (NULL));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1010, 700);
  spin ();
  gtk_window_close (GTK_WINDOW (window));
  spin ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1010);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_finalize_object (window);
}

static void
test_preferences_server_address (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AwpPreferencesWindow *prefs;
  AdwEntryRow *row = NULL;
  GtkWidget *child;
  g_autofree char *url = NULL;

  g_settings_set_string (settings, "server-url", "");
  prefs = g_object_ref (awp_preferences_window_new (settings));
  gtk_window_present (GTK_WINDOW (prefs));
  spin ();

  /* Find the server row by walking the widget tree. */
  for (child = GTK_WIDGET (prefs); child != NULL;)
    {
      if (ADW_IS_ENTRY_ROW (child))
        {
          row = ADW_ENTRY_ROW (child);
          break;
        }
      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != NULL && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          if (child != NULL)
            child = gtk_widget_get_next_sibling (child);
        }
    }
  g_assert_nonnull (row);

  /* Not an address: refused, marked, the setting untouched. */
  gtk_editable_set_text (GTK_EDITABLE (row), "dialog server");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  url = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (url, ==, "");
  g_clear_pointer (&url, g_free);

  gtk_editable_set_text (GTK_EDITABLE (row), "ftp://dialog.example.kz");
  g_signal_emit_by_name (row, "apply");
  url = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (url, ==, "");
  g_clear_pointer (&url, g_free);

  /* A real address is saved and clears the mark. */
  gtk_editable_set_text (GTK_EDITABLE (row), "  https://dialog.example.kz  ");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_signal_emit_by_name (row, "apply");
  url = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (url, ==, "https://dialog.example.kz");

  gtk_window_destroy (GTK_WINDOW (prefs));
  spin ();
  g_assert_finalize_object (prefs);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/window/visits-every-workspace", test_window_visits_every_workspace);
  g_test_add_func ("/ui/window/unknown-last-workspace", test_window_unknown_last_workspace_falls_back);
  g_test_add_func ("/ui/window/size-persists", test_window_size_persists);
  g_test_add_func ("/ui/preferences/server-address", test_preferences_server_address);

  return g_test_run ();
}
