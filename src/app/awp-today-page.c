#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gi18n.h>

#include "awp-due.h"
#include "awp-query-model.h"
#include "awp-request-format.h"
#include "awp-today-page.h"

/* Rows listed per group; the rest is one click away in the queue. */
#define MAX_ROWS 8

enum { GROUP_OVERDUE, GROUP_TODAY, GROUP_TOMORROW, N_GROUPS };

struct _AwpTodayPage
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  GtkBox        *groups_box;

  /* Owned */
  AwpStore      *store;
  AwpCalendar   *calendar;
  AwpQueryModel *models[N_GROUPS];
  guint          counts[N_GROUPS];
  char          *badge;
  GHashTable    *workspace_badges;  /* workspace → "n" overdue or due today */
  guint          rebuild_idle;
  guint          midnight_id;
};

/* Blog requests come from the queue's models (fast on a large store);
 * everything else (extension notices, applications, meetings, templates)
 * from awp_due_collect. */

G_DEFINE_FINAL_TYPE (AwpTodayPage, awp_today_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_BADGE, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_OPEN_REQUEST, SIGNAL_OPEN_ITEM, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_row_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     AwpTodayPage  *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "awp-id");
  const char *type = g_object_get_data (G_OBJECT (row), "awp-type");

  if (id == NULL)
    return;
  if (type == NULL || g_str_equal (type, "blog_request"))
    g_signal_emit (self, signals[SIGNAL_OPEN_REQUEST], 0, id);
  else
    g_signal_emit (self, signals[SIGNAL_OPEN_ITEM], 0, type, id);
}

/* The workspace's name as the sidebar shows it. */
static const char *
kind_label (const char *type)
{
  if (g_strcmp0 (type, "conference_application") == 0)
    return _("Conference application");
  if (g_strcmp0 (type, "meeting") == 0)
    return _("Meeting");
  if (g_strcmp0 (type, "conference") == 0)
    return _("Conference");
  if (g_strcmp0 (type, "survey") == 0)
    return _("Survey");
  return _("Blog request");
}

static void
add_due_row (GtkWidget   *list,
             AwpCalendar *calendar,
             AwpDueItem  *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = awp_request_format_date (item->due_on);
  g_autofree char *left = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *norm = NULL;
  AwpDueInfo info;

  awp_request_due_info (calendar, item->due_on, FALSE, &info);
  left = awp_request_due_text (&info);
  /* Translators: "Meeting · Announcement of the meeting (O605-8) · due 24.11.2026 — 2 working days left" */
  /* "O145-5.2/notice" is the rule's id; the norm is the part before "/". */
  norm = g_strndup (item->norm, strcspn (item->norm, "/"));
  subtitle = g_strdup_printf (_("%s · %s (%s) · due %s — %s"), kind_label (item->type), item->what, norm, date, left);
  title = item->number ? g_strdup_printf ("%s %s", item->number, item->title) : g_strdup (item->title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (info.icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (info.icon_name);

      gtk_widget_add_css_class (icon, info.css_class);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, left, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "awp-id", g_strdup (item->id), g_free);
  g_object_set_data (G_OBJECT (row), "awp-type", (gpointer) item->type);
  g_object_set_data_full (G_OBJECT (row), "awp-key", g_strdup (item->key), g_free);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

/* A list under the group's heading (the first one of the group) and the
 * workspace's caption. */
static GtkWidget *
add_group (AwpTodayPage *self,
           const char   *group_title,
           gboolean     *headed,
           const char   *workspace_title)
{
  GtkWidget *caption = gtk_label_new (workspace_title);
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *name = g_strdup_printf ("%s: %s", group_title, workspace_title);

  if (!*headed)
    {
      GtkWidget *label = gtk_label_new (group_title);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (label, "title-4");
      gtk_box_append (self->groups_box, label);
      *headed = TRUE;
    }
  gtk_label_set_xalign (GTK_LABEL (caption), 0.0f);
  gtk_widget_add_css_class (caption, "heading");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  gtk_box_append (self->groups_box, caption);
  gtk_box_append (self->groups_box, list);
  return list;
}

static void
add_row (GtkWidget    *list,
         AwpCalendar  *calendar,
         AwpQueueItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = awp_request_format_date (awp_queue_item_get_due_on (item));
  g_autofree char *left = NULL;
  g_autofree char *subtitle = NULL;
  AwpDueInfo info;

  awp_request_due_info (calendar, awp_queue_item_get_due_on (item), FALSE, &info);
  left = awp_request_due_text (&info);
  /* Translators: "Blog request БЛ-2026-000052 · received · due 07.12.2026 — Due today" */
  subtitle = g_strdup_printf (_("Blog request %s · %s · due %s — %s"),
                              awp_queue_item_get_number (item),
                              awp_request_status_label (awp_queue_item_get_status (item)), date, left);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), awp_queue_item_get_subject (item));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (info.icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (info.icon_name);

      gtk_widget_add_css_class (icon, info.css_class);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, left, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "awp-id", g_strdup (awp_queue_item_get_id (item)), g_free);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

static void
bump (GHashTable *counts,
      const char *workspace,
      guint       n)
{
  g_hash_table_insert (counts, (gpointer) workspace,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, workspace)) + n));
}

static gboolean
rebuild_cb (gpointer user_data)
{
  AwpTodayPage *self = user_data;
  static const char *const titles[] = { N_("Overdue"), N_("Due today"), N_("Due tomorrow") };
  /* Extension notices (O145-5.2) go with the blog requests. */
  static const struct { const char *type, *title; } workspaces[] = {
    { "blog_request", N_("Notices of extensions") },
    { "conference_application", N_("Conference applications") },
    { "meeting", N_("Meetings") },
    { "conference", N_("Conferences") },
    { "survey", N_("Surveys") },
  };
  GtkWidget *child;
  GDate tomorrow;
  g_autofree char *tomorrow_iso = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *badge = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) per_workspace = g_hash_table_new (g_str_hash, g_str_equal);
  guint total = 0;

  self->rebuild_idle = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  awp_request_today (&tomorrow);
  today_iso = awp_request_iso_date (&tomorrow);
  g_date_add_days (&tomorrow, 1);
  tomorrow_iso = awp_request_iso_date (&tomorrow);
  if (self->store != NULL)
    others = awp_due_collect (self->store, NULL, tomorrow_iso, AWP_DUE_DEFAULT, &error);
  if (error != NULL)
    g_warning ("Today: %s", error->message);

  for (guint g = 0; g < N_GROUPS; g++)
    {
      GListModel *model = G_LIST_MODEL (self->models[g]);
      guint n = model ? g_list_model_get_n_items (model) : 0;
      GtkWidget *list = NULL;
      gboolean headed = FALSE;
      guint shown = 0, count = 0, requests_count;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AwpQueueItem) item = g_list_model_get_item (model, i);

          /* "This week" ends on Sunday; tomorrow is one day of it. */
          if (g == GROUP_TOMORROW && g_strcmp0 (awp_queue_item_get_due_on (item), tomorrow_iso) != 0)
            continue;
          count++;
          if (shown >= MAX_ROWS)
            {
              if (g != GROUP_TOMORROW)
                {
                  count = n;
                  break;
                }
              continue;
            }
          if (list == NULL)
            list = add_group (self, g_dgettext (GETTEXT_PACKAGE, titles[g]), &headed, _("Blog requests"));
          add_row (list, self->calendar, item);
          shown++;
        }
      requests_count = count;
      /* The "and more" row closes the blog requests' list. */
      if (list != NULL && count > shown)
        {
          GtkWidget *more = adw_action_row_new ();
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more in the blog requests queue",
                                                                "and %u more in the blog requests queue", count - shown),
                                                   count - shown);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
          gtk_list_box_append (GTK_LIST_BOX (list), more);
        }
      /* The other deadlines of this group, workspace by workspace. */
      for (guint w = 0; w < G_N_ELEMENTS (workspaces); w++)
        {
          GtkWidget *ws_list = NULL;
          guint ws_shown = 0, ws_more = 0;

          for (guint i = 0; others != NULL && i < others->len; i++)
            {
              AwpDueItem *due = others->pdata[i];
              int c = strcmp (due->due_on, today_iso);
              guint group = c < 0 ? GROUP_OVERDUE : c == 0 ? GROUP_TODAY : GROUP_TOMORROW;

              if (group != g || !g_str_equal (due->type, workspaces[w].type))
                continue;
              count++;
              if (g != GROUP_TOMORROW)
                bump (per_workspace, awp_due_type_workspace (due->type), 1);
              if (ws_shown >= MAX_ROWS)
                {
                  ws_more++;
                  continue;
                }
              if (ws_list == NULL)
                ws_list = add_group (self, g_dgettext (GETTEXT_PACKAGE, titles[g]), &headed,
                                     g_dgettext (GETTEXT_PACKAGE, workspaces[w].title));
              add_due_row (ws_list, self->calendar, due);
              shown++;
              ws_shown++;
            }
          /* The rest is in the workspace, a click away in the sidebar. */
          if (ws_more > 0)
            {
              GtkWidget *more = adw_action_row_new ();
              g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more in this workspace",
                                                                    "and %u more in this workspace", ws_more),
                                                       ws_more);

              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
              gtk_list_box_append (GTK_LIST_BOX (ws_list), more);
            }
        }
      self->counts[g] = count;
      total += count;
      /* The sidebar counts what is overdue or due today, per workspace. */
      if (g != GROUP_TOMORROW)
        bump (per_workspace, "requests", requests_count);
    }
  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "due" : "empty");
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_remove_all (self->workspace_badges);
    g_hash_table_iter_init (&iter, per_workspace);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (GPOINTER_TO_UINT (value) > 0)
        g_hash_table_insert (self->workspace_badges, g_strdup (key), g_strdup_printf ("%u", GPOINTER_TO_UINT (value)));
  }
  if (self->counts[GROUP_OVERDUE] + self->counts[GROUP_TODAY] > 0)
    badge = g_strdup_printf ("%u", self->counts[GROUP_OVERDUE] + self->counts[GROUP_TODAY]);
  /* Notified every time: the per-workspace counts may change alone. */
  g_free (self->badge);
  self->badge = g_strdup (badge ? badge : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BADGE]);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (AwpTodayPage *self)
{
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add (rebuild_cb, self);
}

static gboolean midnight_cb (gpointer user_data);

/* "Today" moves at midnight: the groups are built again then. */
static void
schedule_midnight (AwpTodayPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (start, 1);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  self->midnight_id = g_timeout_add_seconds ((guint) (g_date_time_difference (next, now) / G_USEC_PER_SEC) + 5,
                                             midnight_cb, self);
}

static gboolean
midnight_cb (gpointer user_data)
{
  AwpTodayPage *self = user_data;
  g_autoptr(AwpStore) store = g_object_ref (self->store);

  self->midnight_id = 0;
  awp_today_page_set_store (self, store);
  return G_SOURCE_REMOVE;
}

void
awp_today_page_set_store (AwpTodayPage *self,
                          AwpStore     *store)
{
  static const AwpQueueFilter filters[] = {
    AWP_QUEUE_FILTER_OVERDUE, AWP_QUEUE_FILTER_DUE_TODAY, AWP_QUEUE_FILTER_DUE_THIS_WEEK,
  };

  g_return_if_fail (AWP_IS_TODAY_PAGE (self));
  g_return_if_fail (AWP_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, queue_rebuild, self);
  g_set_object (&self->store, store);
  /* Meetings, templates and applications change outside the queue models. */
  g_signal_connect_object (store, "record-changed", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  for (guint g = 0; g < N_GROUPS; g++)
    {
      g_clear_object (&self->models[g]);
      self->models[g] = awp_query_model_new (store, "blog_request");
      awp_query_model_set_filter (self->models[g], filters[g]);
      awp_query_model_set_sort (self->models[g], AWP_QUEUE_SORT_DUE, FALSE);
      g_signal_connect_object (self->models[g], "items-changed", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
    }
  /* At once, so the sidebar count is there with the first frame. */
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  rebuild_cb (self);
  schedule_midnight (self);
}

guint
awp_today_page_get_count (AwpTodayPage *self,
                          guint         group)
{
  g_return_val_if_fail (AWP_IS_TODAY_PAGE (self), 0);
  g_return_val_if_fail (group < N_GROUPS, 0);

  if (self->rebuild_idle != 0)
    {
      g_clear_handle_id (&self->rebuild_idle, g_source_remove);
      rebuild_cb (self);
    }
  return self->counts[group];
}

const char *
awp_today_page_get_workspace_badge (AwpTodayPage *self,
                                    const char   *workspace)
{
  const char *badge;

  g_return_val_if_fail (AWP_IS_TODAY_PAGE (self), NULL);

  badge = g_hash_table_lookup (self->workspace_badges, workspace);
  return badge ? badge : "";
}

const char *
awp_today_page_get_badge (AwpTodayPage *self)
{
  g_return_val_if_fail (AWP_IS_TODAY_PAGE (self), NULL);

  return self->badge;
}

static void
awp_today_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AwpTodayPage *self = AWP_TODAY_PAGE (object);

  if (prop_id == PROP_BADGE)
    g_value_set_string (value, self->badge);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
awp_today_page_dispose (GObject *object)
{
  AwpTodayPage *self = AWP_TODAY_PAGE (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  for (guint g = 0; g < N_GROUPS; g++)
    g_clear_object (&self->models[g]);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_TODAY_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->badge, g_free);
  g_clear_pointer (&self->workspace_badges, g_hash_table_unref);

  G_OBJECT_CLASS (awp_today_page_parent_class)->dispose (object);
}

static void
awp_today_page_class_init (AwpTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awp_today_page_dispose;
  object_class->get_property = awp_today_page_get_property;

  properties[PROP_BADGE] = g_param_spec_string ("badge", NULL, NULL, "",
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[SIGNAL_OPEN_REQUEST] =
    g_signal_new ("open-request", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  signals[SIGNAL_OPEN_ITEM] =
    g_signal_new ("open-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-today-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, AwpTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AwpTodayPage, groups_box);
}

static void
awp_today_page_init (AwpTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->badge = g_strdup ("");
  self->workspace_badges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->calendar = awp_calendar_new_default (NULL);
}
