#pragma once

#include <gtk/gtk.h>

/* What the UI tests share: running the main loop, waiting for frames,
 * the language they run in, and screenshots for docs/screenshots. */

/* Runs what is pending, three rounds (idle handlers queue more). */
static inline void
awp_test_ui_spin (void)
{
  for (int i = 0; i < 3; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* The suite runs each UI test in en, kk and ru; texts are compared in en. */
static inline gboolean
awp_test_ui_english (void)
{
  const char *lang = g_getenv ("LANGUAGE");

  return lang == NULL || g_str_has_prefix (lang, "en");
}

static inline gboolean
awp_test_ui_count_frame (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  guint *frames = data;

  return ++*frames < 40 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Style, layout and CSS transitions settle on frame-clock ticks, not on
 * idle: wait some frames so a picture shows the current state. */
static inline void
awp_test_ui_wait_frames (GtkWidget *widget)
{
  guint frames = 0;

  for (int i = 0; i < 200 && !gtk_widget_get_mapped (widget); i++)
    {
      g_usleep (10000);
      awp_test_ui_spin ();
    }
  gtk_widget_queue_draw (widget);
  gtk_widget_add_tick_callback (widget, awp_test_ui_count_frame, &frames, NULL);
  while (frames < 40)
    g_main_context_iteration (NULL, TRUE);
}

/* With AWP_SCREENSHOT_DIR set, saves @widget (a toplevel) as
 * NAME-LANGUAGE.png there; otherwise does nothing. */
static inline void
awp_test_ui_screenshot (gpointer widget, const char *name)
{
  const char *dir = g_getenv ("AWP_SCREENSHOT_DIR");
  const char *lang = g_getenv ("LANGUAGE");
  GtkWidget *w = GTK_WIDGET (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  awp_test_ui_wait_frames (w);
  width = gtk_widget_get_width (w);
  height = gtk_widget_get_height (w);
  paintable = gtk_widget_paintable_new (w);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (w)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s-%s.png", name, lang ? lang : "en");
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s", path);
}
