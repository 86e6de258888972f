#include "config.h"

#include <glib/gi18n.h>

#include "awp-channels-page.h"
#include "awp-meeting-calendar.h"
#include "awp-meeting-planner.h"
#include "awp-reports-page.h"
#include "awp-operator-page.h"
#include "awp-templates-page.h"
#include "awp-requests-page.h"
#include "awp-today-page.h"
#include "awp-due.h"
#include "awp-sync-button.h"
#include "awp-training-banner.h"
#include "awp-window.h"

struct _AwpWindow
{
  AdwApplicationWindow parent_instance;

  /* Template Widgets */
  AdwWindowTitle  *content_title;
  AwpChannelsPage *channels_page;
  AwpReportsPage  *reports_page;
  AwpTemplatesPage *conferences_page;
  AwpTemplatesPage *surveys_page;
  AdwLeaflet      *leaflet;
  AwpMeetingCalendar *meeting_calendar;
  AwpMeetingPlanner *meeting_planner;
  AwpRequestsPage *requests_page;
  AwpRequestsPage *applications_page;
  AwpTodayPage    *today_page;
  GtkListBox      *sidebar_list;
  GtkStack        *stack;
  AdwToastOverlay *toast_overlay;
  GtkToggleButton *week_button;

  /* Owned References */
  GSettings       *settings;
  GtkSelectionModel *pages;
  AwpStore        *store;
  AwpOperatorPage *operator_page;  /* borrowed, in the stack for operators */
  char            *actor;          /* the signed-in user, or NULL */
};

G_DEFINE_FINAL_TYPE (AwpWindow, awp_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *
row_get_workspace (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "awp-workspace");
}

static void
update_workspace_badge (GObject    *today_page,
                        GParamSpec *pspec,
                        GtkLabel   *badge)
{
  gtk_label_set_text (badge, awp_today_page_get_workspace_badge (AWP_TODAY_PAGE (today_page),
                                                                 g_object_get_data (G_OBJECT (badge), "awp-workspace")));
}

static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  GtkStackPage *page = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

  /* A page added at run time (Operator review) gets its icon after its row. */
  g_object_bind_property (page, "icon-name", image, "icon-name", G_BINDING_DEFAULT);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  /* Today counts what is overdue or due today, each workspace its own. */
  {
    AwpWindow *self = user_data;
    GtkWidget *badge = gtk_label_new (NULL);

    gtk_widget_add_css_class (badge, "numeric");
    gtk_widget_add_css_class (badge, "dim-label");
    if (g_strcmp0 (gtk_stack_page_get_name (page), "today") == 0)
      g_object_bind_property (self->today_page, "badge", badge, "label", G_BINDING_SYNC_CREATE);
    else
      {
        g_object_set_data_full (G_OBJECT (badge), "awp-workspace", g_strdup (gtk_stack_page_get_name (page)), g_free);
        g_signal_connect_object (self->today_page, "notify::badge", G_CALLBACK (update_workspace_badge), badge, 0);
        update_workspace_badge (G_OBJECT (self->today_page), NULL, GTK_LABEL (badge));
      }
    gtk_box_append (GTK_BOX (box), badge);
  }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_stack_page_get_title (page),
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "awp-workspace",
                          g_strdup (gtk_stack_page_get_name (page)), g_free);

  return row;
}

static void
select_sidebar_row (AwpWindow  *self,
                    const char *name)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

      if (row == NULL)
        break;
      if (g_strcmp0 (row_get_workspace (row), name) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, row);
          break;
        }
    }
}

static void
on_sidebar_row_activated_cb (AwpWindow     *self,
                             GtkListBoxRow *row)
{
  g_assert (AWP_IS_WINDOW (self));

  awp_window_set_workspace (self, row_get_workspace (row));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_button_clicked_cb (AwpWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_stack_visible_child_changed_cb (AwpWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  const char *name;
  GtkStackPage *page;

  if (child == NULL)
    return;

  page = gtk_stack_get_page (self->stack, child);
  name = gtk_stack_page_get_name (page);
  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));
  select_sidebar_row (self, name);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-workspace", name);
}

static void
workspace_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  AwpWindow *self = AWP_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (!awp_window_set_workspace (self, name))
    g_debug ("No workspace named %s", name);
}

static void
on_calendar_view_toggled_cb (AwpWindow *self)
{
  awp_meeting_calendar_set_view (self->meeting_calendar,
                                 gtk_toggle_button_get_active (self->week_button)
                                   ? AWP_MEETING_CALENDAR_WEEK : AWP_MEETING_CALENDAR_MONTH);
}

static void
meetings_today_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  AwpWindow *self = AWP_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  awp_meeting_calendar_set_selected_date (self->meeting_calendar, now);
  gtk_widget_grab_focus (GTK_WIDGET (self->meeting_calendar));
}

/* Ctrl+F searches the blog requests, from anywhere in the window. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AwpWindow *self = AWP_WINDOW (widget);

  awp_window_set_workspace (self, "requests");
  awp_requests_page_focus_search (self->requests_page);
}

static void
on_open_request_cb (AwpWindow  *self,
                    const char *id)
{
  awp_window_set_workspace (self, "requests");
  awp_requests_page_show_request (self->requests_page, id);
}

/* Today's other items: the workspace that keeps the record, with it open. */
static void
on_open_item_cb (AwpWindow  *self,
                 const char *type,
                 const char *id)
{
  g_autoptr(GError) error = NULL;
  const char *workspace = awp_due_type_workspace (type);

  if (workspace == NULL || !awp_window_set_workspace (self, workspace))
    return;
  if (g_str_equal (type, "conference_application"))
    awp_requests_page_show_request (self->applications_page, id);
  else if (g_str_equal (type, "meeting"))
    awp_meeting_planner_open (self->meeting_planner, id);
  else if (!awp_templates_page_open (g_str_equal (type, "survey") ? self->surveys_page : self->conferences_page,
                                     id, &error))
    g_warning ("Cannot open %s: %s", id, error->message);
}

static void
on_calendar_day_activated_cb (AwpWindow *self,
                              GDateTime *date)
{
  awp_meeting_planner_select_date (self->meeting_planner, date);
}

static void
on_planner_date_selected_cb (AwpWindow *self,
                             GDateTime *day)
{
  awp_meeting_calendar_set_selected_date (self->meeting_calendar, day);
}

static gboolean
awp_window_close_request (GtkWindow *window)
{
  AwpWindow *self = AWP_WINDOW (window);
  int width, height;

  /* Save the size the user chose, not the maximized one (GNOME HIG). */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (awp_window_parent_class)->close_request (window);
}

static void
awp_window_constructed (GObject *object)
{
  AwpWindow *self = AWP_WINDOW (object);
  g_autofree char *last = NULL;

  G_OBJECT_CLASS (awp_window_parent_class)->constructed (object);

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last = g_settings_get_string (self->settings, "last-workspace");
  if (!awp_window_set_workspace (self, last))
    awp_window_set_workspace (self, "today");
  on_stack_visible_child_changed_cb (self);
}

static void
awp_window_dispose (GObject *object)
{
  AwpWindow *self = AWP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_WINDOW);
  g_clear_object (&self->pages);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, g_free);
  self->operator_page = NULL;

  G_OBJECT_CLASS (awp_window_parent_class)->dispose (object);
}

static void
awp_window_class_init (AwpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *workspaces[] = {
    "today", "requests", "applications", "conferences",
    "surveys", "meetings", "channels", "reports",
  };

  object_class->constructed = awp_window_constructed;
  object_class->dispose = awp_window_dispose;
  window_class->close_request = awp_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, conferences_page);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, surveys_page);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, meeting_calendar);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, meeting_planner);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, requests_page);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, applications_page);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, channels_page);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, reports_page);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, today_page);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AwpWindow, week_button);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.workspace", "s", workspace_action);
  gtk_widget_class_install_action (widget_class, "meetings.today", NULL, meetings_today_action);

  /* Alt+1 … Alt+8 jump to a workspace, in sidebar order. */
  for (guint i = 0; i < G_N_ELEMENTS (workspaces); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.workspace", "s", workspaces[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);

  g_type_ensure (AWP_TYPE_MEETING_CALENDAR);
  g_type_ensure (AWP_TYPE_MEETING_PLANNER);
  g_type_ensure (AWP_TYPE_TEMPLATES_PAGE);
  g_type_ensure (AWP_TYPE_CHANNELS_PAGE);
  g_type_ensure (AWP_TYPE_REPORTS_PAGE);
  g_type_ensure (AWP_TYPE_REQUESTS_PAGE);
  g_type_ensure (AWP_TYPE_TODAY_PAGE);
  g_type_ensure (AWP_TYPE_SYNC_BUTTON);
  g_type_ensure (AWP_TYPE_TRAINING_BANNER);
}

static void
awp_window_init (AwpWindow *self)
{
  g_autoptr(AwpCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  awp_templates_page_set_kind (self->conferences_page, "conference");
  awp_templates_page_set_kind (self->surveys_page, "survey");

  /* Holidays and days off on the meetings calendar; without the data files
   * it still shows plain weekends, so a broken install is not fatal. */
  calendar = awp_calendar_new_default (&error);
  if (calendar == NULL)
    g_message ("Working-day calendar not loaded: %s", error->message);
  awp_meeting_calendar_set_working_calendar (self->meeting_calendar, calendar);
  awp_meeting_calendar_set_model (self->meeting_calendar,
                                  awp_meeting_planner_get_entries (self->meeting_planner));
  /* Connected here, not in the .ui: the template checker knows only GTK's signals. */
  g_signal_connect_object (self->meeting_calendar, "day-activated",
                           G_CALLBACK (on_calendar_day_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->meeting_planner, "date-selected",
                           G_CALLBACK (on_planner_date_selected_cb), self, G_CONNECT_SWAPPED);

  awp_requests_page_set_entity_type (self->applications_page, "conference_application");
  g_signal_connect_object (self->today_page, "open-request", G_CALLBACK (on_open_request_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->today_page, "open-item", G_CALLBACK (on_open_item_cb), self, G_CONNECT_SWAPPED);
  self->pages = gtk_stack_get_pages (self->stack);
  gtk_list_box_bind_model (self->sidebar_list, G_LIST_MODEL (self->pages),
                           create_sidebar_row, self, NULL);
}

AwpWindow *
awp_window_new (AwpApplication *application)
{
  AwpWindow *self = g_object_new (AWP_TYPE_WINDOW,
                                  "application", application,
                                  NULL);

  /* The workspaces work on the application's local store. Set here, not in
   * constructed(): "application" is not a construct property, so GObject
   * sets it only after constructed() has run. */
  if (application != NULL && awp_application_get_store (application) != NULL)
    awp_window_set_store (self, awp_application_get_store (application));
  if (application != NULL && awp_application_get_sync_engine (application) != NULL)
    {
      AwpSyncEngine *engine = awp_application_get_sync_engine (application);

      awp_window_set_role (self, awp_sync_engine_get_role (engine), awp_sync_engine_get_username (engine));
    }
  return self;
}

char **
awp_window_list_workspaces (AwpWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (AWP_IS_WINDOW (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->pages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (self->pages), i);

      g_strv_builder_add (builder, gtk_stack_page_get_name (GTK_STACK_PAGE (page)));
    }

  return g_strv_builder_end (builder);
}

const char *
awp_window_get_workspace (AwpWindow *self)
{
  g_return_val_if_fail (AWP_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
awp_window_set_workspace (AwpWindow  *self,
                          const char *name)
{
  g_return_val_if_fail (AWP_IS_WINDOW (self), FALSE);

  if (name == NULL || gtk_stack_get_child_by_name (self->stack, name) == NULL)
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack, name);
  return TRUE;
}

AwpRequestsPage *
awp_window_get_requests_page (AwpWindow *self)
{
  g_return_val_if_fail (AWP_IS_WINDOW (self), NULL);

  return self->requests_page;
}

/* The local store the workspaces show; NULL while there is none. */
void
awp_window_set_store (AwpWindow *self,
                      AwpStore  *store)
{
  g_return_if_fail (AWP_IS_WINDOW (self));
  g_return_if_fail (AWP_IS_STORE (store));

  awp_requests_page_set_store (self->requests_page, store, NULL);
  awp_requests_page_set_store (self->applications_page, store, NULL);
  awp_today_page_set_store (self->today_page, store);
  awp_meeting_planner_set_store (self->meeting_planner, store);
  awp_templates_page_set_store (self->conferences_page, store);
  awp_templates_page_set_store (self->surveys_page, store);
  awp_channels_page_set_store (self->channels_page, store);
  awp_reports_page_set_store (self->reports_page, store);
  g_set_object (&self->store, store);
  if (self->operator_page != NULL)
    awp_operator_page_set_store (self->operator_page, store);
}

void
awp_window_set_role (AwpWindow  *self,
                     const char *role,
                     const char *actor)
{
  gboolean operator;

  g_return_if_fail (AWP_IS_WINDOW (self));

  /* Only the Operator reviews templates (O145-7); the workspace exists
   * for that role alone, so nobody else sees its sidebar row. */
  operator = g_strcmp0 (role, "operator") == 0;
  awp_channels_page_set_role (self->channels_page, role);
  /* The signed-in user signs every action (the timeline's and the audit
   * log's "who"), not the computer's account. */
  if (actor != NULL)
    {
      g_free (self->actor);
      self->actor = g_strdup (actor);
      awp_requests_page_set_actor (self->requests_page, actor);
      awp_requests_page_set_actor (self->applications_page, actor);
      awp_templates_page_set_actor (self->conferences_page, actor);
      awp_templates_page_set_actor (self->surveys_page, actor);
      awp_channels_page_set_actor (self->channels_page, actor);
      awp_reports_page_set_actor (self->reports_page, actor);
    }
  if (operator && self->operator_page == NULL)
    {
      GtkStackPage *page;

      self->operator_page = awp_operator_page_new ();
      page = gtk_stack_add_titled (self->stack, GTK_WIDGET (self->operator_page), "operator",
                                   _("Operator review"));
      gtk_stack_page_set_icon_name (page, "emblem-default-symbolic");
      if (self->store != NULL)
        awp_operator_page_set_store (self->operator_page, self->store);
    }
  else if (!operator && self->operator_page != NULL)
    {
      gtk_stack_remove (self->stack, GTK_WIDGET (self->operator_page));
      self->operator_page = NULL;
    }
  if (self->operator_page != NULL && actor != NULL)
    awp_operator_page_set_actor (self->operator_page, actor);
}

const char *
awp_window_actor_for (GtkWindow *window)
{
  for (; window != NULL; window = gtk_window_get_transient_for (window))
    if (AWP_IS_WINDOW (window) && AWP_WINDOW (window)->actor != NULL)
      return AWP_WINDOW (window)->actor;
  return g_get_user_name ();
}

AwpOperatorPage *
awp_window_get_operator_page (AwpWindow *self)
{
  g_return_val_if_fail (AWP_IS_WINDOW (self), NULL);
  return self->operator_page;
}

AwpTodayPage *
awp_window_get_today_page (AwpWindow *self)
{
  g_return_val_if_fail (AWP_IS_WINDOW (self), NULL);

  return self->today_page;
}

AwpRequestsPage *
awp_window_get_applications_page (AwpWindow *self)
{
  g_return_val_if_fail (AWP_IS_WINDOW (self), NULL);

  return self->applications_page;
}

AwpMeetingPlanner *
awp_window_get_meeting_planner (AwpWindow *self)
{
  g_return_val_if_fail (AWP_IS_WINDOW (self), NULL);

  return self->meeting_planner;
}

AwpTemplatesPage *
awp_window_get_conferences_page (AwpWindow *self)
{
  g_return_val_if_fail (AWP_IS_WINDOW (self), NULL);

  return self->conferences_page;
}
