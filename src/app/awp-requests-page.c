#include "config.h"

#include <glib/gi18n.h>

#include "awp-request-cells.h"
#include "awp-request-dialogs.h"
#include "awp-ratings-window.h"
#include "awp-request-export.h"
#include "awp-request-format.h"
#include "awp-requests-page.h"
#include "awp-state-machine.h"

#define N_FILTERS (AWP_QUEUE_FILTER_ANSWERED_LATE + 1)

struct _AwpRequestsPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkPaned           *paned;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkBox             *filter_box;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *received_column;
  GtkColumnViewColumn *requester_column;
  GtkColumnViewColumn *subject_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *auth_column;
  GtkLabel           *summary_label;
  AwpRequestDetail   *detail;
  GtkWidget          *ratings_button;

  /* Owned */
  AwpStore           *store;
  AwpCalendar        *calendar;
  AwpRuleSet         *rules;
  AwpQueryModel      *model;
  GtkSingleSelection *selection;
  AwpQueryModel      *counts[N_FILTERS];   /* one per filter, for the buttons */
  GtkToggleButton    *filter_buttons[N_FILTERS];
  AdwMessageDialog   *dialog;              /* weak */
  AwpRatingsWindow   *ratings_window;      /* weak */
  GtkColumnViewColumn *removed_column;     /* owned; see apply_entity_type */
  guint               counts_idle;         /* fills counts[] one by one */
  char               *actor;
  char               *type;                /* blog_request or conference_application */
  AwpQueueFilter      filter;
  gboolean            export_pdf;          /* what the open file chooser is for */

  /* Borrowed: set while probing the column view's sorter */
  GtkColumnViewColumn *probed;
};

G_DEFINE_FINAL_TYPE (AwpRequestsPage, awp_requests_page, GTK_TYPE_WIDGET)

/* Status choices of the drop-down; index 0 is "all". */
static const char *const request_statuses[] = {
  NULL, "received", "accepted", "extended", "answered", "returned", "forwarded", "refused", NULL,
};
static const char *const application_statuses[] = {
  NULL, "received", "accepted", "refused", NULL,
};

static gboolean
is_application (AwpRequestsPage *self)
{
  return g_strcmp0 (self->type, "conference_application") == 0;
}

static const char *const *
statuses_of (AwpRequestsPage *self)
{
  return is_application (self) ? application_statuses : request_statuses;
}

static const char *
filter_title (AwpQueueFilter filter)
{
  switch (filter)
    {
    case AWP_QUEUE_FILTER_ALL: return C_("filter", "All");
    case AWP_QUEUE_FILTER_OVERDUE: return C_("filter", "Overdue");
    case AWP_QUEUE_FILTER_DUE_TODAY: return C_("filter", "Due today");
    case AWP_QUEUE_FILTER_DUE_THIS_WEEK: return C_("filter", "Due this week");
    case AWP_QUEUE_FILTER_FORWARDED: return C_("filter", "Forwarded");
    case AWP_QUEUE_FILTER_ANSWERED_LATE: return C_("filter", "Answered late");
    default: g_assert_not_reached ();
    }
}

static void
update_counts (AwpRequestsPage *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < N_FILTERS; i++)
    {
      g_autofree char *label = NULL;
      if (self->counts[i] == NULL)
        label = g_strdup_printf ("%s (…)", filter_title (i));
      else
        /* Translators: a filter and how many requests it shows, "Overdue (12)" */
        label = g_strdup_printf (_("%s (%u)"), filter_title (i),
                                 g_list_model_get_n_items (G_LIST_MODEL (self->counts[i])));
      gtk_button_set_label (GTK_BUTTON (self->filter_buttons[i]), label);
    }
  if (is_application (self))
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u application shown", "%u applications shown", n), n);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u request shown", "%u requests shown", n), n);
  gtk_label_set_text (self->summary_label, summary);
}

static void
update_actions (AwpRequestsPage *self)
{
  for (guint i = 0; awp_request_actions[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("request.", awp_request_actions[i], NULL);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), name,
                                     awp_request_detail_can (self->detail, awp_request_actions[i], NULL));
    }
}

static void
on_selection_changed_cb (AwpRequestsPage *self)
{
  AwpQueueItem *item = gtk_single_selection_get_selected_item (self->selection);

  awp_request_detail_set_request_id (self->detail, item ? awp_queue_item_get_id (item) : NULL);
}

static void
on_row_activated_cb (AwpRequestsPage *self,
                     guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  on_selection_changed_cb (self);
}

static const char *
current_status (AwpRequestsPage *self)
{
  const char *const *statuses = statuses_of (self);
  guint i = gtk_drop_down_get_selected (self->status_dropdown);

  for (guint k = 1; statuses[k] != NULL; k++)
    if (k == i)
      return statuses[k];
  return NULL;
}

/* Counting a filter over a million rows can take a while, so the counts
 * come one per idle turn after the queue itself is on screen. */
static gboolean
count_one (AwpRequestsPage *self)
{
  for (guint i = 0; i < N_FILTERS; i++)
    {
      AwpQueryModel *model;

      if (self->counts[i] != NULL)
        continue;
      const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

      /* Every setter recounts: only the ones that narrow (the first,
       * over all rows, is the model's own). */
      model = awp_query_model_new (self->store, self->type);
      if (i != AWP_QUEUE_FILTER_ALL)
        awp_query_model_set_filter (model, i);
      if (current_status (self) != NULL)
        awp_query_model_set_status (model, current_status (self));
      if (*search != '\0')
        awp_query_model_set_search (model, search);
      g_signal_connect_object (model, "items-changed", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
      self->counts[i] = model;
      update_counts (self);
      return TRUE;
    }
  return FALSE;
}

static gboolean
count_next_cb (gpointer user_data)
{
  AwpRequestsPage *self = user_data;

  if (count_one (self))
    return G_SOURCE_CONTINUE;
  self->counts_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
restart_counts (AwpRequestsPage *self)
{
  for (guint i = 0; i < N_FILTERS; i++)
    g_clear_object (&self->counts[i]);
  if (self->counts_idle == 0 && self->store != NULL)
    self->counts_idle = g_idle_add_full (G_PRIORITY_LOW, count_next_cb, self, NULL);
  update_counts (self);
}

/* Around a change of filter, status, search or sort. The view lets go of
 * the model meanwhile: on items-changed, GTK's list item manager looks up
 * every added row to reuse the widgets of removed ones, and GtkSingleSelection
 * looks for its old item among them, each a read of the whole new result
 * (a million rows). Attached again, the view binds just what is on screen,
 * from the top. */
static void
begin_query_change (AwpRequestsPage *self)
{
  if (self->selection == NULL)
    return;
  gtk_column_view_set_model (self->column_view, NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
end_query_change (AwpRequestsPage *self)
{
  if (self->selection == NULL)
    return;
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

static void
on_search_changed_cb (AwpRequestsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->model == NULL)
    return;
  begin_query_change (self);
  awp_query_model_set_search (self->model, text);
  end_query_change (self);
  restart_counts (self);
}

static void
on_stop_search_cb (AwpRequestsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_status_selected_cb (AwpRequestsPage *self)
{
  if (self->model == NULL)
    return;
  begin_query_change (self);
  awp_query_model_set_status (self->model, current_status (self));
  end_query_change (self);
  restart_counts (self);
}

static void
on_filter_toggled_cb (GtkToggleButton *button,
                      AwpRequestsPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  awp_requests_page_set_filter (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "awp-filter")));
}

/* GTK 4.8 cannot say which column the view sorts by (that came in 4.10),
 * so the column sorters answer a probe: the view's sorter asks the primary
 * column's sorter first, which records itself, and inverts the answer when
 * the order is descending. The rows themselves are sorted in SQL. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  AwpRequestsPage *self = g_object_get_data (G_OBJECT (column), "awp-page");

  if (self->probed == NULL)
    self->probed = column;
  return GTK_ORDERING_LARGER;
}

static void
on_sorter_changed_cb (AwpRequestsPage *self)
{
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  GtkOrdering order;
  AwpQueueSort sort;

  /* Also called while the view is torn down. */
  if (self->model == NULL || self->column_view == NULL)
    return;
  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  self->probed = NULL;
  order = gtk_sorter_compare (gtk_column_view_get_sorter (self->column_view), a, b);
  if (self->probed == self->number_column)
    sort = AWP_QUEUE_SORT_NUMBER;
  else if (self->probed == self->due_column)
    sort = AWP_QUEUE_SORT_DUE;
  else
    sort = AWP_QUEUE_SORT_RECEIVED;
  /* Unsorted: newest first, as the queue opens. */
  begin_query_change (self);
  awp_query_model_set_sort (self->model, sort, self->probed == NULL || order == GTK_ORDERING_SMALLER);
  end_query_change (self);
  self->probed = NULL;
}

static void
set_sortable (AwpRequestsPage     *self,
              GtkColumnViewColumn *column)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, column, NULL));

  g_object_set_data (G_OBJECT (column), "awp-page", self);
  gtk_column_view_column_set_sorter (column, sorter);
}

static void
set_factory (GtkColumnViewColumn *column,
             AwpRequestCell       cell,
             AwpCalendar         *calendar)
{
  g_autoptr(GtkListItemFactory) factory = awp_request_cell_factory_new (cell, calendar);

  gtk_column_view_column_set_factory (column, factory);
}

static void
on_dialog_response_cb (AwpRequestsPage  *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  const GError *error = awp_request_dialog_get_error (dialog);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *text = NULL;

  /* Saved offline in the store; the sync engine sends it when online. */
  if (awp_request_dialog_get_done (dialog))
    /* Translators: a toast, "Done: Accept" */
    text = g_strdup_printf (_("Done: %s"), awp_action_label (response));
  else if (error != NULL)
    text = g_strdup_printf (_("Not saved: %s"), error->message);
  if (text != NULL && overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  update_actions (self);
}

static void
request_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AwpRequestsPage *self = AWP_REQUESTS_PAGE (widget);
  const char *action = strchr (action_name, '.') + 1;
  const char *id = awp_request_detail_get_request_id (self->detail);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  if (id == NULL || self->store == NULL || !awp_request_detail_can (self->detail, action, NULL))
    return;
  dialog = awp_request_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->store, self->calendar, self->rules, id, action, self->actor);
  if (dialog == NULL)
    return;
  g_set_weak_pointer (&self->dialog, dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dialog_response_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       AwpRequestsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *text = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL)
    return;
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error);
  /* The chooser says which format it was opened for. */
  if (out == NULL
      || !(self->export_pdf
             ? awp_requests_page_export_pdf (self, G_OUTPUT_STREAM (out), &error)
             : awp_requests_page_export_csv (self, G_OUTPUT_STREAM (out), &error)))
    text = g_strdup_printf (_("Not exported: %s"), error->message);
  else
    text = g_strdup (_("Exported"));
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AwpRequestsPage *self = AWP_REQUESTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  gboolean pdf = g_str_equal (action_name, "requests.export-pdf");

  if (self->model == NULL)
    return;
  self->export_pdf = pdf;
  chooser = gtk_file_chooser_native_new (_("Export Requests"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  if (pdf)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                       is_application (self) ? _("conference-applications.pdf") : _("blog-requests.pdf"));
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                       is_application (self) ? _("conference-applications.csv") : _("blog-requests.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* O145-6: the ratings overview, over the same store. */
static void
ratings_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AwpRequestsPage *self = AWP_REQUESTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL || is_application (self))
    return;
  if (self->ratings_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->ratings_window));
  g_clear_weak_pointer (&self->ratings_window);
  g_set_weak_pointer (&self->ratings_window, awp_ratings_window_new (self->store));
  gtk_window_set_transient_for (GTK_WINDOW (self->ratings_window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (GTK_WINDOW (self->ratings_window));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  awp_requests_page_focus_search (AWP_REQUESTS_PAGE (widget));
}

static void
awp_requests_page_dispose (GObject *object)
{
  AwpRequestsPage *self = AWP_REQUESTS_PAGE (object);

  g_clear_weak_pointer (&self->dialog);
  if (self->ratings_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->ratings_window));
  g_clear_weak_pointer (&self->ratings_window);
  g_clear_handle_id (&self->counts_idle, g_source_remove);
  g_clear_object (&self->model);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWP_TYPE_REQUESTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  for (guint i = 0; i < N_FILTERS; i++)
    g_clear_object (&self->counts[i]);
  g_clear_object (&self->store);
  g_clear_object (&self->calendar);
  g_clear_object (&self->rules);
  g_clear_pointer (&self->actor, g_free);
  g_clear_object (&self->removed_column);

  G_OBJECT_CLASS (awp_requests_page_parent_class)->dispose (object);
}

static void
awp_requests_page_finalize (GObject *object)
{
  AwpRequestsPage *self = AWP_REQUESTS_PAGE (object);

  g_free (self->type);

  G_OBJECT_CLASS (awp_requests_page_parent_class)->finalize (object);
}

static void apply_entity_type (AwpRequestsPage *self);

static void
awp_requests_page_class_init (AwpRequestsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  /* Ctrl+Shift+letter: Accept, Return, Forward, Extend, aNswer, refuse (Decline). */
  static const guint keys[] = { GDK_KEY_a, GDK_KEY_r, GDK_KEY_f, GDK_KEY_e, GDK_KEY_n, GDK_KEY_d };

  object_class->dispose = awp_requests_page_dispose;
  object_class->finalize = awp_requests_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/awp-requests-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, number_column);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, received_column);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, requester_column);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, subject_column);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, auth_column);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, AwpRequestsPage, ratings_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);

  for (guint i = 0; awp_request_actions[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("request.", awp_request_actions[i], NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, request_action);
      gtk_widget_class_add_binding_action (widget_class, keys[i], GDK_CONTROL_MASK | GDK_SHIFT_MASK, name, NULL);
    }
  gtk_widget_class_install_action (widget_class, "requests.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "requests.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "requests.export", NULL);
  gtk_widget_class_install_action (widget_class, "requests.export-pdf", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "requests.export-pdf", NULL);
  gtk_widget_class_install_action (widget_class, "requests.ratings", NULL, ratings_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "requests.ratings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "requests.search", NULL);

  g_type_ensure (AWP_TYPE_REQUEST_DETAIL);
}

static void
awp_requests_page_init (AwpRequestsPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkToggleButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self->filter_box), "linked");
  self->actor = g_strdup (g_get_user_name ());
  self->type = g_strdup ("blog_request");

  /* Deadlines are counted in working days; without the calendar data the
   * queue still works and counts calendar days. */
  self->calendar = awp_calendar_new_default (&error);
  if (self->calendar == NULL)
    g_message ("Working-day calendar not loaded: %s", error->message);
  g_clear_error (&error);
  self->rules = awp_rule_set_new_default (&error);
  if (self->rules == NULL)
    g_message ("Deadline rules not loaded: %s", error->message);

  for (guint i = 0; i < N_FILTERS; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (filter_title (i));

      g_object_set_data (G_OBJECT (button), "awp-filter", GUINT_TO_POINTER (i));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), i == AWP_QUEUE_FILTER_ALL);
      g_signal_connect (button, "toggled", G_CALLBACK (on_filter_toggled_cb), self);
      gtk_box_append (self->filter_box, button);
      self->filter_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }

  set_factory (self->number_column, AWP_REQUEST_CELL_NUMBER, self->calendar);
  set_factory (self->received_column, AWP_REQUEST_CELL_RECEIVED, self->calendar);
  set_factory (self->requester_column, AWP_REQUEST_CELL_REQUESTER, self->calendar);
  set_factory (self->subject_column, AWP_REQUEST_CELL_SUBJECT, self->calendar);
  set_factory (self->status_column, AWP_REQUEST_CELL_STATUS, self->calendar);
  set_factory (self->due_column, AWP_REQUEST_CELL_DUE, self->calendar);
  set_factory (self->auth_column, AWP_REQUEST_CELL_AUTH, self->calendar);
  set_sortable (self, self->number_column);
  set_sortable (self, self->received_column);
  set_sortable (self, self->due_column);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail, "request-changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  apply_entity_type (self);
}

/* What depends on the entity type (set before the store). */
static void
apply_entity_type (AwpRequestsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *const *statuses = statuses_of (self);

  gtk_string_list_append (labels, _("All statuses"));
  for (guint i = 1; statuses[i] != NULL; i++)
    gtk_string_list_append (labels, awp_request_status_label (statuses[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (labels));
  if (is_application (self))
    {
      /* Applications are never forwarded or answered (O145-10.2). */
      gtk_widget_set_visible (GTK_WIDGET (self->filter_buttons[AWP_QUEUE_FILTER_FORWARDED]), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->filter_buttons[AWP_QUEUE_FILTER_ANSWERED_LATE]), FALSE);
      /* Removed, not hidden: GTK 4.8 leaves a hidden column's room empty.
       * Kept alive here, as the template pointer still names it. */
      self->removed_column = g_object_ref (self->auth_column);
      gtk_column_view_remove_column (self->column_view, self->auth_column);
      gtk_column_view_column_set_title (self->subject_column, _("Topic"));
      gtk_column_view_column_set_title (self->requester_column, _("Applicant"));
      g_object_set (self->search_entry, "placeholder-text", _("Search applications (Ctrl+F)"), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Conference applications"), -1);
      /* Only answers are rated (O145-6). */
      gtk_widget_set_visible (self->ratings_button, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "requests.ratings", FALSE);
    }
  awp_request_detail_set_entity_type (self->detail, self->type);
  update_actions (self);
}

void
awp_requests_page_set_actor (AwpRequestsPage *self,
                             const char      *actor)
{
  g_return_if_fail (AWP_IS_REQUESTS_PAGE (self));
  g_return_if_fail (actor != NULL);

  g_free (self->actor);
  self->actor = g_strdup (actor);
}

void
awp_requests_page_set_store (AwpRequestsPage *self,
                             AwpStore        *store,
                             const char      *actor)
{
  g_return_if_fail (AWP_IS_REQUESTS_PAGE (self));
  g_return_if_fail (AWP_IS_STORE (store));

  g_set_object (&self->store, store);
  if (actor != NULL)
    {
      g_free (self->actor);
      self->actor = g_strdup (actor);
    }
  g_clear_object (&self->model);
  self->model = awp_query_model_new (store, self->type);
  if (self->filter != AWP_QUEUE_FILTER_ALL)
    awp_query_model_set_filter (self->model, self->filter);
  /* Newest first, as the header shows before any click. */
  awp_query_model_set_sort (self->model, AWP_QUEUE_SORT_RECEIVED, TRUE);
  restart_counts (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (update_counts), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  awp_request_detail_set_context (self->detail, store, self->calendar, self->rules);
  on_selection_changed_cb (self);
  update_counts (self);
}

AwpQueryModel *
awp_requests_page_get_model (AwpRequestsPage *self)
{
  g_return_val_if_fail (AWP_IS_REQUESTS_PAGE (self), NULL);

  return self->model;
}

AwpRequestDetail *
awp_requests_page_get_detail (AwpRequestsPage *self)
{
  g_return_val_if_fail (AWP_IS_REQUESTS_PAGE (self), NULL);

  return self->detail;
}

void
awp_requests_page_set_filter (AwpRequestsPage *self,
                              AwpQueueFilter   filter)
{
  g_return_if_fail (AWP_IS_REQUESTS_PAGE (self));
  g_return_if_fail (filter < N_FILTERS);

  self->filter = filter;
  if (!gtk_toggle_button_get_active (self->filter_buttons[filter]))
    gtk_toggle_button_set_active (self->filter_buttons[filter], TRUE);
  if (self->model != NULL)
    {
      begin_query_change (self);
      awp_query_model_set_filter (self->model, filter);
      end_query_change (self);
    }
  update_counts (self);
}

guint
awp_requests_page_get_filter_count (AwpRequestsPage *self,
                                    AwpQueueFilter   filter)
{
  g_return_val_if_fail (AWP_IS_REQUESTS_PAGE (self), 0);
  g_return_val_if_fail (filter < N_FILTERS, 0);

  while (self->counts[filter] == NULL && self->store != NULL && count_one (self))
    ;
  return self->counts[filter] ? g_list_model_get_n_items (G_LIST_MODEL (self->counts[filter])) : 0;
}

void
awp_requests_page_focus_search (AwpRequestsPage *self)
{
  g_return_if_fail (AWP_IS_REQUESTS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
awp_requests_page_select (AwpRequestsPage *self,
                          guint            position)
{
  g_return_if_fail (AWP_IS_REQUESTS_PAGE (self));

  if (self->selection == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  on_selection_changed_cb (self);
}

AdwMessageDialog *
awp_requests_page_get_dialog (AwpRequestsPage *self)
{
  g_return_val_if_fail (AWP_IS_REQUESTS_PAGE (self), NULL);

  return self->dialog;
}

gboolean
awp_requests_page_export_csv (AwpRequestsPage  *self,
                              GOutputStream    *out,
                              GError          **error)
{
  g_return_val_if_fail (AWP_IS_REQUESTS_PAGE (self), FALSE);
  g_return_val_if_fail (self->model != NULL, FALSE);

  return awp_request_export_csv (G_LIST_MODEL (self->model), self->calendar, out, NULL, error);
}

void
awp_requests_page_show_request (AwpRequestsPage *self,
                                const char      *id)
{
  g_return_if_fail (AWP_IS_REQUESTS_PAGE (self));

  /* The request may be anywhere in a million rows: the detail pane shows
   * it straight away, the queue keeps its place. */
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  awp_request_detail_set_request_id (self->detail, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->detail));
}

void
awp_requests_page_set_entity_type (AwpRequestsPage *self,
                                   const char      *type)
{
  g_return_if_fail (AWP_IS_REQUESTS_PAGE (self));
  g_return_if_fail (g_strcmp0 (type, "blog_request") == 0 || g_strcmp0 (type, "conference_application") == 0);
  g_return_if_fail (self->model == NULL);

  if (g_str_equal (type, self->type))
    return;
  g_free (self->type);
  self->type = g_strdup (type);
  apply_entity_type (self);
}

/* The ratings overview opened last (tests), or NULL. */
AwpRatingsWindow *
awp_requests_page_get_ratings_window (AwpRequestsPage *self)
{
  g_return_val_if_fail (AWP_IS_REQUESTS_PAGE (self), NULL);

  return self->ratings_window;
}

/* The current view as a PDF table (at most AWP_REQUEST_PDF_MAX_ROWS rows). */
gboolean
awp_requests_page_export_pdf (AwpRequestsPage  *self,
                              GOutputStream    *out,
                              GError          **error)
{
  g_return_val_if_fail (AWP_IS_REQUESTS_PAGE (self), FALSE);
  g_return_val_if_fail (self->model != NULL, FALSE);

  return awp_request_export_pdf (G_LIST_MODEL (self->model), self->calendar,
                                 is_application (self) ? _("Conference applications") : _("Blog requests"),
                                 out, NULL, error);
}
