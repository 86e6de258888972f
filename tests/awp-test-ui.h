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

/* The first descendant of @root (not @root itself, depth first) of @type,
 * and when given, with the widget name @name and bound to @action_name. */
static inline GtkWidget *
awp_test_ui_find (GtkWidget  *root,
                  GType       type,
                  const char *name,
                  const char *action_name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type)
          && (name == NULL || g_strcmp0 (gtk_widget_get_name (c), name) == 0)
          && (action_name == NULL || (GTK_IS_ACTIONABLE (c)
                                      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)), action_name) == 0)))
        return c;
      if ((found = awp_test_ui_find (c, type, name, action_name)) != NULL)
        return found;
    }
  return NULL;
}

/* The first open toplevel of @type (dialogs open on their own), or NULL. */
static inline gpointer
awp_test_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (w != NULL && G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return w;
    }
  return NULL;
}

/* Sets the text of an editable or a text view as typing would, then lets
 * the page react. */
static inline void
awp_test_ui_type_into (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  awp_test_ui_spin ();
}

static inline gboolean
awp_test_ui_give_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*AwpTestUiCondition) (gpointer data);

/* Runs the main loop until @cond holds; after @seconds the test fails
 * saying what never happened (a hang guard, not a timing assertion). */
static inline void
awp_test_ui_wait_up_to (guint              seconds,
                        AwpTestUiCondition cond,
                        gpointer           data,
                        const char        *what)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (seconds, awp_test_ui_give_up, &expired);

  while (!cond (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (expired)
    g_error ("Gave up waiting for %s (%u s)", what, seconds);
  g_source_remove (id);
}

/* As awp_test_ui_wait_up_to() for 60 s. */
static inline void
awp_test_ui_wait_for (AwpTestUiCondition cond,
                      gpointer           data,
                      const char        *what)
{
  awp_test_ui_wait_up_to (60, cond, data, what);
}

/* The input of an editor that carries the field name @field (the editors
 * tag their inputs with the "awp-field" data, which does not change with
 * the language), @root included; NULL when there is none. */
static inline GtkWidget *
awp_test_ui_find_field (GtkWidget  *root,
                        const char *field)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (root), "awp-field"), field) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = awp_test_ui_find_field (c, field);

      if (found)
        return found;
    }
  return NULL;
}

/* As awp_test_ui_find_field(), and the test fails when there is none. */
static inline GtkWidget *
awp_test_ui_field (GtkWidget  *root,
                   const char *name)
{
  GtkWidget *w = awp_test_ui_find_field (root, name);

  if (w == NULL)
    g_error ("no input for %s", name);
  return w;
}

static inline int
awp_test_ui_count_rows (GtkListBox *list)
{
  int n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The accelerators the shortcuts window (a GtkBuilder @resource) lists,
 * normalized by gtk_accelerator_name(). */
static inline GHashTable *
awp_test_ui_overlay_accels (const char *resource)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (resource);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GSList *objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accel = NULL;
      g_auto(GStrv) parts = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accel, NULL);
      parts = g_strsplit (accel ? accel : "", " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          guint key;
          GdkModifierType mods;

          if (gtk_accelerator_parse (parts[i], &key, &mods))
            g_hash_table_add (set, gtk_accelerator_name (key, mods));
        }
    }
  g_slist_free (objects);
  return set;
}

/* The first widget named @name, @root included, or NULL. */
static inline GtkWidget *
awp_test_ui_find_named (GtkWidget  *root,
                        const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = awp_test_ui_find_named (c, name);

      if (found)
        return found;
    }
  return NULL;
}
