#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "awp-attachment-list.h"
#include "awp-audit.h"
#include "awp-csv.h"
#include "awp-i18n.h"
#include "awp-outbox.h"
#include "awp-request-deadlines.h"
#include "awp-request-dialogs.h"
#include "awp-request-format.h"
#include "awp-requests-page.h"
#include "awp-due.h"
#include "awp-ratings-chart.h"
#include "awp-meeting-detail.h"
#include "awp-seed.h"
#include "awp-state-machine.h"
#include "awp-test-store.h"
#include "awp-test-pages.h"
#include "awp-test-ui.h"
#include "awp-window.h"

/* The blog requests workspace driven through its real widgets: a seeded
 * store on disk, the page in a window under Xvfb, actions through their
 * dialogs. "Today" is fixed so the seeded deadlines fall where we expect. */

#define TODAY "2026-11-20"
#define N_REQUESTS 300

typedef struct
{
  StoreFixture     sf;
  GtkWindow       *window;
  AwpRequestsPage *page;
  AwpCalendar     *calendar;
  AwpRuleSet      *rules;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  store_fixture_setup (&f->sf, data);
  g_assert_true (awp_seed_run (f->sf.store, N_REQUESTS, 7, &error));
  g_assert_no_error (error);
  f->calendar = awp_calendar_new_default (&error);
  g_assert_no_error (error);
  f->rules = awp_rule_set_new_default (&error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1366, 800);
  f->page = g_object_new (AWP_TYPE_REQUESTS_PAGE, NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (f->window, overlay);
  awp_requests_page_set_store (f->page, f->sf.store, "test-admin");
  gtk_window_present (f->window);
  spin ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  AwpRequestsPage *page = f->page;

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &f->page);
  gtk_window_destroy (f->window);
  spin ();
  g_assert_null (f->page);
  g_clear_object (&f->calendar);
  g_clear_object (&f->rules);
  store_fixture_teardown (&f->sf, data);
}

#define find_widget(root, type, name, action) awp_test_ui_find ((root), (type), (name), (action))

#define item_at(model, i) awp_test_queue_item_at ((model), (i))

/* Position in the page's model of a request in @status. */
static guint
find_in_status (Fixture *f, const char *status)
{
  GListModel *model = G_LIST_MODEL (awp_requests_page_get_model (f->page));
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (awp_queue_item_get_status (item_at (model, i)), status) == 0)
      return i;
  g_assert_not_reached ();
}

static gint64
outbox_count_for (AwpStore *store, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = awp_outbox_list (store, NULL, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    n += g_strcmp0 (((AwpOutboxEntry *) all->pdata[i])->entity_id, id) == 0;
  return n;
}

static gint64
audit_count (AwpStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0, broken = 0;

  g_assert_true (awp_audit_verify (store, &n, &broken, &error));
  g_assert_no_error (error);
  return n;
}

static char *
record_string (AwpStore *store, const char *id, const char *member)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = awp_store_get_record (store, id, &error);
  JsonObject *data;

  g_assert_no_error (error);
  data = json_object_get_object_member (record, "data");
  return g_strdup (json_object_get_string_member_with_default (data, member, NULL));
}

static void
test_filters_and_search (Fixture *f, gconstpointer data)
{
  GListModel *model = G_LIST_MODEL (awp_requests_page_get_model (f->page));
  GtkSearchEntry *search = GTK_SEARCH_ENTRY (find_widget (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY, NULL, NULL));
  GtkDropDown *status = GTK_DROP_DOWN (find_widget (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN, NULL, NULL));
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW, NULL, NULL));
  g_autofree char *word = NULL;
  guint n_all = g_list_model_get_n_items (model);
  guint n;

  g_assert_cmpuint (n_all, ==, N_REQUESTS);
  g_assert_cmpuint (awp_requests_page_get_filter_count (f->page, AWP_QUEUE_FILTER_ALL), ==, N_REQUESTS);

  /* Each filter narrows the view to what its button counts, and only to
   * rows that fit it. */
  for (AwpQueueFilter filter = AWP_QUEUE_FILTER_OVERDUE; filter <= AWP_QUEUE_FILTER_ANSWERED_LATE; filter++)
    {
      awp_requests_page_set_filter (f->page, filter);
      spin ();
      n = g_list_model_get_n_items (model);
      g_assert_cmpuint (n, ==, awp_requests_page_get_filter_count (f->page, filter));
      g_assert_cmpuint (n, <, n_all);
      for (guint i = 0; i < n; i++)
        {
          AwpQueueItem *item = item_at (model, i);
          const char *due = awp_queue_item_get_due_on (item);

          if (filter == AWP_QUEUE_FILTER_OVERDUE)
            {
              AwpDueInfo info;

              g_assert_false (awp_queue_item_get_closed (item));
              g_assert_cmpstr (due, <, TODAY);
              awp_request_due_info (f->calendar, due, FALSE, &info);
              g_assert_cmpint (info.state, ==, AWP_DUE_OVERDUE);
            }
          else if (filter == AWP_QUEUE_FILTER_DUE_TODAY)
            g_assert_cmpstr (due, ==, TODAY);
          else if (filter == AWP_QUEUE_FILTER_FORWARDED)
            g_assert_cmpstr (awp_queue_item_get_status (item), ==, "forwarded");
          else if (filter == AWP_QUEUE_FILTER_ANSWERED_LATE)
            g_assert_cmpstr (awp_queue_item_get_status (item), ==, "answered");
        }
    }
  /* The seed has overdue and forwarded requests, so these really narrow. */
  g_assert_cmpuint (awp_requests_page_get_filter_count (f->page, AWP_QUEUE_FILTER_OVERDUE), >, 0);
  g_assert_cmpuint (awp_requests_page_get_filter_count (f->page, AWP_QUEUE_FILTER_FORWARDED), >, 0);
  awp_requests_page_set_filter (f->page, AWP_QUEUE_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);

  /* The status drop-down: only received requests. */
  gtk_drop_down_set_selected (status, 1);
  spin ();
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_all);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (awp_queue_item_get_status (item_at (model, i)), ==, "received");
  gtk_drop_down_set_selected (status, 0);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);

  /* Search on the full-text index: the first word of a subject. */
  word = g_strdup (awp_queue_item_get_subject (item_at (model, 0)));
  *strchr (word, ' ') = '\0';
  gtk_editable_set_text (GTK_EDITABLE (search), word);
  g_signal_emit_by_name (search, "search-changed");
  spin ();
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_all);
  g_assert_cmpuint (awp_requests_page_get_filter_count (f->page, AWP_QUEUE_FILTER_ALL), ==, n);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);

  /* Clicking a sortable header sorts in SQL: by number, ascending. */
  {
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr(GtkColumnViewColumn) number = g_list_model_get_item (columns, 0);
    g_autoptr(GtkColumnViewColumn) due = g_list_model_get_item (columns, 5);

    gtk_column_view_sort_by_column (view, number, GTK_SORT_ASCENDING);
    spin ();
    g_assert_cmpstr (awp_queue_item_get_number (item_at (model, 0)), <, awp_queue_item_get_number (item_at (model, 1)));
    gtk_column_view_sort_by_column (view, number, GTK_SORT_DESCENDING);
    spin ();
    g_assert_cmpstr (awp_queue_item_get_number (item_at (model, 0)), >, awp_queue_item_get_number (item_at (model, 1)));
    gtk_column_view_sort_by_column (view, due, GTK_SORT_ASCENDING);
    spin ();
    g_assert_cmpstr (awp_queue_item_get_due_on (item_at (model, 0)), <=, awp_queue_item_get_due_on (item_at (model, n_all - 1)));
  }
}

typedef struct
{
  const char *from;
  const char *action;
  const char *field;     /* the text field to fill, or NULL */
  const char *problem;   /* what the empty form's message starts with */
} ActionCase;

static void
test_actions (Fixture *f, gconstpointer data)
{
  static const ActionCase cases[] = {
    { "received", "accept", NULL, NULL },
    { "received", "return", "return_comment", "Comment" },
    { "received", "forward", "user_notice", "Organization" },
    { "accepted", "extend", "extend_reason", "Reason" },
    { "accepted", "answer", "answer", "Answer" },
    { "received", "refuse", "refusal_reasons", "Reasons" },
  };
  AwpRequestDetail *detail = awp_requests_page_get_detail (f->page);
  const AwpStateMachine *machine = awp_state_machine_for_type ("blog_request");

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const ActionCase *k = &cases[c];
      g_autofree char *id = NULL;
      g_autofree char *status = NULL;
      g_autofree char *action_name = g_strconcat ("request.", k->action, NULL);
      g_autofree char *old_due = NULL;
      const AwpTransition *step = awp_state_machine_find (machine, k->from, k->action, NULL);
      AdwMessageDialog *dialog;
      GtkWidget *button;
      gint64 audits, outbox;

      awp_requests_page_select (f->page, find_in_status (f, k->from));
      spin ();
      id = g_strdup (awp_request_detail_get_request_id (detail));
      g_assert_nonnull (id);
      g_assert_cmpstr (awp_request_detail_get_status (detail), ==, k->from);
      old_due = record_string (f->sf.store, id, "due_on");

      /* Every action's button is sensitive exactly when the state machine allows it. */
      for (guint a = 0; awp_request_actions[a] != NULL; a++)
        {
          g_autofree char *name = g_strconcat ("request.", awp_request_actions[a], NULL);
          gboolean allowed = awp_state_machine_find (machine, k->from, awp_request_actions[a], NULL) != NULL;

          button = find_widget (GTK_WIDGET (detail), GTK_TYPE_BUTTON, NULL, name);
          g_assert_nonnull (button);
          g_assert_cmpint (gtk_widget_get_sensitive (button), ==, allowed);
          /* A disabled button says why. */
          if (!allowed)
            g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "Not possible")
                              ? gtk_widget_get_tooltip_text (button)
                              : strstr (gtk_widget_get_tooltip_text (button), "extended once"));
        }

      audits = audit_count (f->sf.store);
      outbox = outbox_count_for (f->sf.store, id);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), action_name, NULL));
      spin ();
      dialog = awp_requests_page_get_dialog (f->page);
      g_assert_nonnull (dialog);

      if (k->problem != NULL)
        {
          GtkTextView *text;

          /* Empty form: refused, the field named, the button disabled, nothing saved. */
          if (k->field != NULL && g_str_equal (k->field, "extend_reason"))
            {
              GtkSpinButton *days = GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, "extend_days", NULL));

              /* Longer than O145-5.2 allows: the rule's message names the field. */
              gtk_spin_button_set_value (days, 16);
              g_assert_true (g_str_has_prefix (awp_request_dialog_get_problem (dialog), "Days:"));
              g_assert_false (adw_message_dialog_get_response_enabled (dialog, k->action));
              gtk_spin_button_set_value (days, 10);
            }
          g_assert_true (g_str_has_prefix (awp_request_dialog_get_problem (dialog), k->problem));
          g_assert_false (adw_message_dialog_get_response_enabled (dialog, k->action));
          adw_message_dialog_response (dialog, k->action);
          g_assert_false (awp_request_dialog_get_done (dialog));
          g_assert_cmpint (audit_count (f->sf.store), ==, audits);
          g_assert_cmpint (outbox_count_for (f->sf.store, id), ==, outbox);

          if (g_str_equal (k->action, "forward"))
            {
              GtkListBox *orgs = GTK_LIST_BOX (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, "forwarded_to", NULL));
              GtkSearchEntry *org_search = GTK_SEARCH_ENTRY (find_widget (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY, "org_search", NULL));
              GtkListBoxRow *first = gtk_list_box_get_row_at_index (orgs, 0);
              g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (first), "awp-org-name"));
              int n_rows = 0;

              /* Searching narrows the organizations. */
              *strchr (name, ' ') = '\0';
              gtk_editable_set_text (GTK_EDITABLE (org_search), name);
              g_signal_emit_by_name (org_search, "search-changed");
              spin ();
              while (gtk_list_box_get_row_at_index (orgs, n_rows) != NULL)
                n_rows++;
              g_assert_cmpint (n_rows, >, 0);
              gtk_list_box_select_row (orgs, gtk_list_box_get_row_at_index (orgs, 0));
              /* The notice to the user is prefilled; the form is complete. */
              g_assert_null (awp_request_dialog_get_problem (dialog));
            }
          else
            {
              text = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, k->field, NULL));
              g_assert_nonnull (text);
              gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "   ", -1);
              g_assert_nonnull (awp_request_dialog_get_problem (dialog));
              gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Мәтін — текст ответа.", -1);
            }
        }
      g_assert_null (awp_request_dialog_get_problem (dialog));
      g_assert_true (adw_message_dialog_get_response_enabled (dialog, k->action));
      adw_message_dialog_response (dialog, k->action);
      g_assert_no_error ((GError *) awp_request_dialog_get_error (dialog));
      g_assert_true (awp_request_dialog_get_done (dialog));
      gtk_window_destroy (GTK_WINDOW (dialog));
      spin ();

      /* The state changed, with one outbox row and one audit entry. */
      status = record_string (f->sf.store, id, "status");
      g_assert_cmpstr (status, ==, step->to);
      g_assert_cmpint (outbox_count_for (f->sf.store, id), ==, outbox + 1);
      g_assert_cmpint (audit_count (f->sf.store), ==, audits + 1);

      if (g_str_equal (k->action, "extend"))
        {
          g_autofree char *due = record_string (f->sf.store, id, "due_on");
          AwpDeadline extended;
          GDate old;

          g_assert_true (awp_calendar_parse_date (old_due, "due_on", &old, NULL));
          g_assert_true (awp_deadline_extend (f->rules, f->calendar, "O145-5.2", &old, 10, 0, &extended, NULL));
          {
            g_autofree char *expect = awp_request_iso_date (&extended.date);
            g_assert_cmpstr (due, ==, expect);
          }
          /* The notice of the extension is a running deadline now. */
          g_assert_nonnull (find_widget (GTK_WIDGET (detail), ADW_TYPE_EXPANDER_ROW, "O145-5.2/notice", NULL));
        }

      /* If the detail still shows it, the action is now disabled and does nothing. */
      if (g_strcmp0 (awp_request_detail_get_request_id (detail), id) == 0)
        {
          button = find_widget (GTK_WIDGET (detail), GTK_TYPE_BUTTON, NULL, action_name);
          g_assert_false (gtk_widget_get_sensitive (button));
          g_assert_nonnull (gtk_widget_get_tooltip_text (button));
          g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->page), action_name, NULL)
                          && awp_requests_page_get_dialog (f->page) != NULL);
        }
    }
  /* The chain of the audit log is intact after all of it. */
  audit_count (f->sf.store);
}

/* The running deadlines the detail shows for each status are exactly the
 * core rules' (awp_deadline_compute from the receipt date). */
static void
test_deadlines_per_state (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *status;
    const char *norms[5];
  } cases[] = {
    { "received", { "O145-4.3", "O145-4.2", "O145-5.3", "O145-5.1", NULL } },
    { "accepted", { "O145-5.1", NULL } },
    /* The notice of the extension runs until the user was told. */
    { "extended", { "O145-5.2", "O145-5.2/notice", NULL } },
    { "answered", { NULL } },
    { "returned", { NULL } },
    { "forwarded", { NULL } },
  };
  AwpRequestDetail *detail = awp_requests_page_get_detail (f->page);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) record = NULL;
      g_autoptr(GPtrArray) running = NULL;
      g_autofree char *received = NULL;
      JsonObject *data_obj;
      GDate event;
      guint n = 0;

      awp_requests_page_select (f->page, find_in_status (f, cases[c].status));
      spin ();
      record = awp_store_get_record (f->sf.store, awp_request_detail_get_request_id (detail), &error);
      g_assert_no_error (error);
      data_obj = json_object_get_object_member (record, "data");
      received = g_strdup (json_object_get_string_member (data_obj, "received_on"));
      g_assert_true (awp_calendar_parse_date (received, "received_on", &event, NULL));
      running = awp_request_running_deadlines (f->calendar, f->rules, "blog_request", data_obj, &error);
      g_assert_no_error (error);

      while (cases[c].norms[n] != NULL)
        n++;
      if (g_str_equal (cases[c].status, "extended") && json_object_has_member (data_obj, "user_notified_on"))
        n--;
      g_assert_cmpuint (running->len, ==, n);
      for (guint i = 0; i < n; i++)
        {
          AwpRunningDeadline *d = running->pdata[i];
          const char *norm = cases[c].norms[i];
          AwpDeadline due;
          g_autofree char *expect = NULL;

          g_assert_cmpstr (d->norm, ==, norm);
          if (g_str_equal (norm, "O145-5.2"))
            expect = g_strdup (json_object_get_string_member (data_obj, "due_on"));
          else if (g_str_equal (norm, "O145-5.2/notice"))
            {
              GDate extended_on;

              g_assert_true (awp_calendar_parse_date (json_object_get_string_member (data_obj, "extended_on"),
                                                      "extended_on", &extended_on, NULL));
              g_assert_true (awp_deadline_compute (f->rules, f->calendar, norm, &extended_on, &due, NULL));
              expect = awp_request_iso_date (&due.date);
              /* The seed stored the same date (awp_seed_run). */
              g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data_obj, "deadlines"), "notice_by"), ==, expect);
            }
          else
            {
              g_assert_true (awp_deadline_compute (f->rules, f->calendar, norm, &event, &due, NULL));
              expect = awp_request_iso_date (&due.date);
            }
          g_assert_cmpstr (d->due_on, ==, expect);
          g_assert_nonnull (d->explanation);
          /* ... and the pane shows a row for it. */
          g_assert_nonnull (find_widget (GTK_WIDGET (detail), ADW_TYPE_EXPANDER_ROW, norm, NULL));
        }
      /* The answer deadline is the queue's due date (O145-5.1: 15 cd). */
      if (g_str_equal (cases[c].status, "received") || g_str_equal (cases[c].status, "accepted"))
        g_assert_cmpstr (((AwpRunningDeadline *) running->pdata[n - 1])->due_on, ==,
                         json_object_get_string_member (data_obj, "due_on"));
    }
}

/* The view as filtered goes to CSV (RFC 4180, UTF-8 with BOM), row for row. */
static void
test_export_csv (Fixture *f, gconstpointer data)
{
  GListModel *model = G_LIST_MODEL (awp_requests_page_get_model (f->page));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *text;
  gsize size;
  guint n;

  awp_requests_page_set_filter (f->page, AWP_QUEUE_FILTER_OVERDUE);
  spin ();
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_true (awp_requests_page_export_csv (f->page, out, &error));
  g_assert_no_error (error);
  text = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (text, (gssize) size, NULL));
  rows = awp_csv_parse (text, size, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, n + 1);
  g_assert_cmpstr (((AwpCsvRow *) rows->pdata[0])->fields[0], ==, "Number");
  for (guint i = 0; i < n; i++)
    {
      AwpCsvRow *row = rows->pdata[i + 1];
      AwpQueueItem *item = item_at (model, i);

      g_assert_cmpuint (g_strv_length (row->fields), ==, 9);
      g_assert_cmpstr (row->fields[0], ==, awp_queue_item_get_number (item));
      g_assert_cmpstr (row->fields[3], ==, awp_queue_item_get_subject (item));
      g_assert_true (g_str_has_prefix (row->fields[6], "Overdue"));
    }
}

/* The same view as a PDF table: the headings, every row of the filtered
 * view and no other, read back from the file by tests/pdf-text.py. */
static void
test_export_pdf (Fixture *f, gconstpointer data)
{
  GListModel *model = G_LIST_MODEL (awp_requests_page_get_model (f->page));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "requests.pdf", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "pdf-text.py", NULL);
  g_autofree char *text = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  const char *argv[] = { "python3", script, path, NULL };
  g_auto(GStrv) lines = NULL;
  int status = -1;
  guint n, numbers = 0;

  g_assert_no_error (error);
  awp_requests_page_set_filter (f->page, AWP_QUEUE_FILTER_OVERDUE);
  spin ();
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (awp_requests_page_export_pdf (f->page, G_OUTPUT_STREAM (out), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (text, "Blog requests"));
  g_assert_nonnull (strstr (text, "Number"));
  g_assert_nonnull (strstr (text, "Deadline state"));
  g_assert_nonnull (strstr (text, "Page 1"));
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (strstr (text, awp_queue_item_get_number (item_at (model, i))));
  /* Only the view's rows: as many request numbers as rows. */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strstrip (lines[i]), "БЛ-"))
      numbers++;
  g_assert_cmpuint (numbers, ==, n);
  g_remove (path);
  g_rmdir (dir);
}

/* The ratings are counted in a worker thread: until they are shown. */
static void
wait_ratings (AwpRatingsWindow *window)
{
  for (int i = 0; i < 2000 && awp_ratings_window_is_loading (window); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_false (awp_ratings_window_is_loading (window));
  spin ();
}

/* Controls a screen reader must be able to name: a label of their own, a
 * labelled-by relation, or a visible text. Composite controls are checked
 * as a whole, not their inner parts. */
static guint
collect_unnamed (GtkWidget *root, GPtrArray *unnamed)
{
  guint checked = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      gboolean control = GTK_IS_BUTTON (w) || GTK_IS_MENU_BUTTON (w) || GTK_IS_DROP_DOWN (w) || GTK_IS_SEARCH_ENTRY (w)
                         || GTK_IS_ENTRY (w) || GTK_IS_SPIN_BUTTON (w) || GTK_IS_CHECK_BUTTON (w) || GTK_IS_SWITCH (w)
                         || GTK_IS_COLUMN_VIEW (w) || GTK_IS_TEXT_VIEW (w)
                         || (GTK_IS_LIST_BOX_ROW (w) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (w)));

      if (!gtk_widget_get_visible (w))
        continue;
      if (control)
        {
          gboolean named = gtk_test_accessible_has_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL)
                           || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_RELATION_LABELLED_BY)
                           || (GTK_IS_BUTTON (w) && gtk_button_get_label (GTK_BUTTON (w)) != NULL
                               && gtk_button_get_icon_name (GTK_BUTTON (w)) == NULL)
                           || (GTK_IS_CHECK_BUTTON (w) && gtk_check_button_get_label (GTK_CHECK_BUTTON (w)) != NULL)
                           || (GTK_IS_BUTTON (w) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (w))));

          if (!named)
            g_ptr_array_add (unnamed, g_strdup_printf ("%s in %s %s (%s)", G_OBJECT_TYPE_NAME (w), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (w))), gtk_widget_get_name (w),
                                                       GTK_IS_ACTIONABLE (w) && gtk_actionable_get_action_name (GTK_ACTIONABLE (w))
                                                         ? gtk_actionable_get_action_name (GTK_ACTIONABLE (w)) : "-"));
          checked++;
          continue;
        }
      checked += collect_unnamed (w, unnamed);
    }
  return checked;
}

static void
assert_all_named (GtkWidget *root, guint at_least)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  guint checked = collect_unnamed (root, unnamed);

  g_test_message ("%s: %u controls checked", G_OBJECT_TYPE_NAME (root), checked);
  g_assert_cmpuint (checked, >=, at_least);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("no accessible name: %s", (char *) unnamed->pdata[i]);
  g_assert_cmpuint (unnamed->len, ==, 0);
}

/* The accelerators the shortcuts window lists, normalized. */
#define overlay_accels() awp_test_ui_overlay_accels (RESOURCE_BASE "/gtk/help-overlay.ui")

/* Keyboard: every shortcut of the queue is in the shortcuts window and
 * does what it says; Up/Down and Return are the column view's own; every
 * control of the queue, the detail pane, the application queue, Today and
 * the ratings overview has an accessible name. */
static void
test_keyboard (Fixture *f, gconstpointer data)
{
  g_autoptr(GHashTable) listed = overlay_accels ();
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->page));
  guint n_shortcuts = 0;
  AwpWindow *window;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *name = NULL;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
            continue;
          name = gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                       gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
          if (!g_hash_table_contains (listed, name))
            g_error ("%s (%s) is not in the shortcuts window", name, gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
          n_shortcuts++;
          /* The shortcut itself opens the accept dialog of a new request. */
          if (g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "request.accept"))
            {
              AdwMessageDialog *dialog;

              awp_requests_page_select (f->page, find_in_status (f, "received"));
              spin ();
              g_assert_true (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (f->page), NULL));
              dialog = awp_requests_page_get_dialog (f->page);
              g_assert_nonnull (dialog);
              gtk_window_destroy (GTK_WINDOW (dialog));
              spin ();
            }
        }
    }
  /* Search, CSV, PDF, ratings and the six actions. */
  g_assert_cmpuint (n_shortcuts, ==, 10);
  g_assert_true (g_hash_table_contains (listed, "Up"));
  g_assert_true (g_hash_table_contains (listed, "Return"));

  awp_requests_page_select (f->page, find_in_status (f, "answered"));
  spin ();
  assert_all_named (GTK_WIDGET (f->page), 15);
  /* A new request: its running deadlines, and each action's dialog. */
  {
    static const char *const by_status[][2] = {
      { "received", "accept" }, { "received", "return" }, { "received", "forward" },
      { "received", "refuse" }, { "accepted", "extend" }, { "accepted", "answer" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (by_status); i++)
      {
        g_autofree char *action = g_strconcat ("request.", by_status[i][1], NULL);
        AdwMessageDialog *dialog;

        awp_requests_page_select (f->page, find_in_status (f, by_status[i][0]));
        spin ();
        assert_all_named (GTK_WIDGET (f->page), 15);
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), action, NULL));
        dialog = awp_requests_page_get_dialog (f->page);
        g_assert_nonnull (dialog);
        spin ();
        assert_all_named (GTK_WIDGET (dialog), 2);
        gtk_window_destroy (GTK_WINDOW (dialog));
        spin ();
      }
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "requests.ratings", NULL));
  wait_ratings (awp_requests_page_get_ratings_window (f->page));
  assert_all_named (GTK_WIDGET (awp_requests_page_get_ratings_window (f->page)), 1);
  gtk_window_destroy (GTK_WINDOW (awp_requests_page_get_ratings_window (f->page)));

  window = g_object_ref (awp_window_new (NULL));
  awp_window_set_store (window, f->sf.store);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  assert_all_named (GTK_WIDGET (awp_window_get_today_page (window)), 5);
  awp_window_set_workspace (window, "applications");
  awp_requests_page_select (awp_window_get_applications_page (window), 0);
  spin ();
  assert_all_named (GTK_WIDGET (awp_window_get_applications_page (window)), 10);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
}

static GtkListBoxRow *
find_today_row (AwpTodayPage *today, const char *key)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (today)); w != NULL; )
    {
      /* Other workspaces' rows by deadline key, blog requests by id. */
      if (GTK_IS_LIST_BOX_ROW (w) && (g_strcmp0 (g_object_get_data (G_OBJECT (w), "awp-key"), key) == 0
                                      || (g_object_get_data (G_OBJECT (w), "awp-key") == NULL
                                          && g_strcmp0 (g_object_get_data (G_OBJECT (w), "awp-id"), key) == 0)))
        return GTK_LIST_BOX_ROW (w);
      /* Depth first through the page's widgets. */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            {
              w = gtk_widget_get_parent (w);
              if (w == GTK_WIDGET (today))
                return NULL;
            }
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

/* O145-6: the ratings overview from the queue (Ctrl+R): the store's
 * figures for the period, the chart one bar per month, the reasons. */
static void
test_ratings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpRatingsOverview) year = awp_ratings_overview_load (f->sf.store, "2025-12", "2026-11", &error);
  g_autoptr(AwpRatingsOverview) all = awp_ratings_overview_load (f->sf.store, NULL, "2026-11", &error);
  AwpRatingsWindow *window;
  AwpRatingsOverview *shown;

  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "requests.ratings", NULL));
  window = awp_requests_page_get_ratings_window (f->page);
  g_assert_nonnull (window);
  wait_ratings (window);
  /* The last 12 months by default (AWP_TODAY is 20.11.2026). */
  shown = awp_ratings_window_get_overview (window);
  g_assert_cmpuint (shown->likes, ==, year->likes);
  g_assert_cmpuint (shown->dislikes, ==, year->dislikes);
  g_assert_cmpuint (shown->late, ==, year->late);
  g_assert_cmpuint (shown->months->len, ==, 12);
  g_assert_cmpuint (awp_ratings_chart_get_n_bars (AWP_RATINGS_CHART (awp_ratings_window_get_chart (window))), ==, 12);
  g_assert_cmpuint (shown->reasons->len, >, 0);
  awp_ratings_window_set_period (window, AWP_RATINGS_PERIOD_ALL);
  g_assert_true (awp_ratings_window_is_loading (window));
  wait_ratings (window);
  shown = awp_ratings_window_get_overview (window);
  g_assert_cmpuint (shown->likes + shown->dislikes, ==, all->likes + all->dislikes);
  g_assert_cmpuint (shown->likes + shown->dislikes, >, year->likes + year->dislikes);
  g_assert_cmpuint (awp_ratings_chart_get_n_bars (AWP_RATINGS_CHART (awp_ratings_window_get_chart (window))), ==, all->months->len);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_null (awp_requests_page_get_ratings_window (f->page));
}

/* Today gathers the overdue and the due today with their counts on the
 * sidebar; a click opens the request in the blog requests workspace. */
static void
test_today (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) patch = json_object_new ();
  g_autofree char *badge = NULL;
  g_autofree char *id = NULL;
  AwpTodayPage *today;
  AwpWindow *window;
  GtkListBoxRow *row;
  guint overdue;
  g_autoptr(GPtrArray) others = NULL;
  guint n_other[3] = { 0, 0, 0 }, n_notices = 0;
  AwpDueItem *meeting = NULL, *conference = NULL;

  /* One received request falls due today. */
  awp_requests_page_select (f->page, find_in_status (f, "received"));
  id = g_strdup (awp_request_detail_get_request_id (awp_requests_page_get_detail (f->page)));
  json_object_set_string_member (patch, "due_on", TODAY);
  g_assert_true (awp_store_update (f->sf.store, id, patch, "test-admin", &error));
  g_assert_no_error (error);

  window = g_object_ref (awp_window_new (NULL));
  awp_window_set_store (window, f->sf.store);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  today = awp_window_get_today_page (window);
  overdue = awp_requests_page_get_filter_count (f->page, AWP_QUEUE_FILTER_OVERDUE);
  /* The other workspaces' deadlines (awp-due) join the same groups. */
  others = awp_due_collect (f->sf.store, NULL, "2026-11-21", AWP_DUE_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < others->len; i++)
    {
      AwpDueItem *due = others->pdata[i];
      int c = strcmp (due->due_on, TODAY);

      n_other[c < 0 ? 0 : c == 0 ? 1 : 2]++;
      /* Notices of an extension (O145-5.2) count for the blog requests. */
      if (c <= 0 && g_str_equal (due->type, "blog_request"))
        n_notices++;
      if (g_str_equal (due->type, "meeting") && meeting == NULL)
        meeting = due;
      if (g_str_equal (due->type, "conference") && conference == NULL)
        conference = due;
    }
  /* The seed has running meeting and template deadlines (O605-8, O145-7/8.1). */
  g_assert_nonnull (meeting);
  g_assert_nonnull (conference);
  g_assert_cmpuint (awp_today_page_get_count (today, 0), ==, overdue + n_other[0]);
  g_assert_cmpuint (awp_today_page_get_count (today, 1), ==, 1 + n_other[1]);
  badge = g_strdup_printf ("%u", overdue + 1 + n_other[0] + n_other[1]);
  g_assert_cmpstr (awp_today_page_get_badge (today), ==, badge);
  g_clear_pointer (&badge, g_free);
  badge = g_strdup_printf ("%u", overdue + 1 + n_notices);
  g_assert_cmpstr (awp_today_page_get_workspace_badge (today, "requests"), ==, badge);

  /* One click on a meeting or a conference: its workspace, with it open. */
  row = find_today_row (today, meeting->key);
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  spin ();
  g_assert_cmpstr (awp_window_get_workspace (window), ==, "meetings");
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *detail = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

        if (AWP_IS_MEETING_DETAIL (w))
          detail = w;
      }
    g_assert_nonnull (detail);
    gtk_window_destroy (detail);
    spin ();
  }
  row = find_today_row (today, conference->key);
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  spin ();
  g_assert_cmpstr (awp_window_get_workspace (window), ==, "conferences");
  g_assert_nonnull (awp_templates_page_get_editor (awp_window_get_conferences_page (window)));

  /* Its row opens the request. */
  row = find_today_row (today, id);
  g_assert_nonnull (row);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "awp-id"), ==, id);
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  spin ();
  g_assert_cmpstr (awp_window_get_workspace (window), ==, "requests");
  g_assert_cmpstr (awp_request_detail_get_request_id (awp_requests_page_get_detail (awp_window_get_requests_page (window))), ==, id);

  /* Answering it takes it off Today at once. */
  g_assert_true (awp_store_transition (f->sf.store, id, "accept", NULL, "test-admin", &error));
  g_assert_no_error (error);
  g_assert_true (awp_store_transition (f->sf.store, id, "answer", NULL, "test-admin", &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpuint (awp_today_page_get_count (today, 1), ==, n_other[1]);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_assert_finalize_object (window);
}

/* Conference applications (O145-10.2) in the same workspace widget: only
 * accept and refuse; accept creates the draft conference; refuse needs the
 * reason; the decision deadline is 5 wd from receipt. */
static void
test_applications (Fixture *f, gconstpointer data)
{
  static const char *const topics[] = {
    "Ауыл шаруашылығын қолдау шаралары", "Цифровизация здравоохранения", "Жастар саясаты",
  };
  g_autoptr(GError) error = NULL;
  AwpRequestsPage *page;
  AwpRequestDetail *detail;
  AdwMessageDialog *dialog;
  GtkWidget *window = gtk_window_new ();
  GtkTextView *text;
  g_autoptr(GPtrArray) running = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autofree char *id = NULL;
  g_autofree char *status = NULL;
  AwpDeadline due;
  GDate received;
  gint64 n_conferences;
  /* The demo seed has applications of its own (received and decided). */
  gint64 n_seeded = awp_store_count (f->sf.store, "conference_application", NULL);
  g_autofree char *own_id = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      g_autoptr(JsonObject) app = json_object_new ();
      g_autofree char *app_id = NULL;
      g_autofree char *number = g_strdup_printf ("КО-2026-%06u", i + 1);

      json_object_set_string_member (app, "number", number);
      json_object_set_string_member (app, "subject", topics[i]);
      json_object_set_string_member (app, "text", "Конференция өткізуді сұраймыз / Просим провести конференцию.");
      json_object_set_string_member (app, "requester", "Ерлан Ахметов");
      json_object_set_string_member (app, "received_on", "2026-11-18");
      app_id = awp_store_create (f->sf.store, "conference_application", app, "portal", &error);
      g_assert_no_error (error);
      if (own_id == NULL)
        own_id = g_steal_pointer (&app_id);
    }
  page = g_object_new (AWP_TYPE_REQUESTS_PAGE, NULL);
  awp_requests_page_set_entity_type (page, "conference_application");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  awp_requests_page_set_store (page, f->sf.store, "test-admin");
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (awp_requests_page_get_model (page))), ==, n_seeded + 3);

  detail = awp_requests_page_get_detail (page);
  /* One of ours, received on 18.11. */
  {
    GListModel *model = G_LIST_MODEL (awp_requests_page_get_model (page));
    guint pos = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      if (g_strcmp0 (awp_queue_item_get_id (item_at (model, i)), own_id) == 0)
        pos = i;
    g_assert_cmpuint (pos, !=, G_MAXUINT);
    awp_requests_page_select (page, pos);
  }
  spin ();
  id = g_strdup (awp_request_detail_get_request_id (detail));
  g_assert_cmpstr (id, ==, own_id);
  /* Only accept and refuse exist for applications. */
  for (guint a = 0; awp_request_actions[a] != NULL; a++)
    {
      g_autofree char *name = g_strconcat ("request.", awp_request_actions[a], NULL);
      GtkWidget *button = find_widget (GTK_WIDGET (detail), GTK_TYPE_BUTTON, NULL, name);
      gboolean expected = g_str_equal (awp_request_actions[a], "accept") || g_str_equal (awp_request_actions[a], "refuse");

      g_assert_cmpint (gtk_widget_get_visible (button), ==, expected);
    }
  /* O145-10.2: 5 wd from receipt (Wed 18.11 → Wed 25.11). */
  record = awp_store_get_record (f->sf.store, id, &error);
  g_assert_no_error (error);
  running = awp_request_running_deadlines (f->calendar, f->rules, "conference_application",
                                           json_object_get_object_member (record, "data"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (running->len, ==, 1);
  g_assert_true (awp_calendar_parse_date ("2026-11-18", "received_on", &received, NULL));
  g_assert_true (awp_deadline_compute (f->rules, f->calendar, "O145-10.2", &received, &due, NULL));
  g_assert_cmpstr (((AwpRunningDeadline *) running->pdata[0])->due_on, ==, "2026-11-25");
  g_assert_cmpint (g_date_get_day (&due.date), ==, 25);
  g_assert_nonnull (find_widget (GTK_WIDGET (detail), ADW_TYPE_EXPANDER_ROW, "O145-10.2", NULL));

  /* Accept: the draft conference is created with it. */
  n_conferences = awp_store_count (f->sf.store, "conference", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "request.accept", NULL));
  dialog = awp_requests_page_get_dialog (page);
  adw_message_dialog_response (dialog, "accept");
  g_assert_true (awp_request_dialog_get_done (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  status = record_string (f->sf.store, id, "status");
  g_assert_cmpstr (status, ==, "accepted");
  g_assert_cmpint (awp_store_count (f->sf.store, "conference", NULL), ==, n_conferences + 1);

  /* Refuse another: the reason is required and named. */
  g_clear_pointer (&id, g_free);
  g_clear_pointer (&status, g_free);
  awp_requests_page_select (page, find_in_status (&(Fixture) { .page = page }, "received"));
  spin ();
  id = g_strdup (awp_request_detail_get_request_id (detail));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "request.refuse", NULL));
  dialog = awp_requests_page_get_dialog (page);
  g_assert_true (g_str_has_prefix (awp_request_dialog_get_problem (dialog), "Reason:"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "refuse"));
  text = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, "refusal_reason", NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Тақырып органның құзыретіне жатпайды.", -1);
  g_assert_null (awp_request_dialog_get_problem (dialog));
  adw_message_dialog_response (dialog, "refuse");
  g_assert_true (awp_request_dialog_get_done (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  status = record_string (f->sf.store, id, "status");
  g_assert_cmpstr (status, ==, "refused");
  g_assert_cmpint (awp_store_count (f->sf.store, "conference", NULL), ==, n_conferences + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

#define save_screenshot(widget, name) awp_test_ui_screenshot ((widget), (name))

/* The whole window, as a user sees it: the queue with a new request open,
 * an answered request with its rating and timeline, the forward dialog. */
static void
test_screenshots (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = NULL;
  AwpRequestsPage *page, *own_page;
  AdwMessageDialog *dialog;
  AwpWindow *window;
  GtkWidget *text;

  if (g_getenv ("AWP_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("AWP_SCREENSHOT_DIR not set");
      return;
    }
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", 1366);
  g_settings_set_int (settings, "window-height", 800);
  window = g_object_ref (awp_window_new (NULL));
  page = awp_window_get_requests_page (window);
  awp_window_set_store (window, f->sf.store);
  awp_requests_page_set_store (page, f->sf.store, "a.seitkali");
  awp_window_set_workspace (window, "requests");
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  /* A received request, then accepted through the dialog: its timeline
   * gets the event. */
  own_page = f->page;
  f->page = page;
  awp_requests_page_select (page, find_in_status (f, "received"));
  save_screenshot (GTK_WIDGET (window), "requests-queue");
  awp_window_set_workspace (window, "today");
  save_screenshot (GTK_WIDGET (window), "today");
  /* Further down: the other workspaces' deadlines. */
  {
    GtkWidget *row = find_widget (GTK_WIDGET (awp_window_get_today_page (window)), GTK_TYPE_LIST_BOX_ROW, NULL, NULL);
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
    save_screenshot (GTK_WIDGET (window), "today-workspaces");
    gtk_adjustment_set_value (adj, 0);
  }
  awp_window_set_workspace (window, "requests");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "requests.ratings", NULL));
  gtk_window_set_default_size (GTK_WINDOW (awp_requests_page_get_ratings_window (page)), 1000, 780);
  wait_ratings (awp_requests_page_get_ratings_window (page));
  save_screenshot (GTK_WIDGET (awp_requests_page_get_ratings_window (page)), "ratings");
  gtk_window_destroy (GTK_WINDOW (awp_requests_page_get_ratings_window (page)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "request.forward", NULL));
  dialog = awp_requests_page_get_dialog (page);
  save_screenshot (GTK_WIDGET (dialog), "requests-forward-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "request.accept", NULL));
  dialog = awp_requests_page_get_dialog (page);
  adw_message_dialog_response (dialog, "accept");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "request.extend", NULL));
  dialog = awp_requests_page_get_dialog (page);
  text = find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, "extend_reason", NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                            "Ауыл әкімдігінен мәлімет сұралды / Запрошены сведения у акимата села", -1);
  save_screenshot (GTK_WIDGET (dialog), "requests-extend-dialog");
  adw_message_dialog_response (dialog, "extend");
  gtk_window_destroy (GTK_WINDOW (dialog));
  save_screenshot (GTK_WIDGET (window), "requests-detail");

  /* The answer with its documents (issue 6, O145-5.1). */
  {
    g_autofree char *dir = g_dir_make_tmp ("awp-shot-XXXXXX", NULL);
    const char *const names[] = { "Жауап хаты — Ответ.pdf", "Анықтама — Справка.txt" };
    const char *const bodies[] = { "%PDF-1.4\n% answer\n%%EOF\n", "Жол жөндеу кестесі / График ремонта дорог\n" };
    AwpAttachmentList *files;
    GtkWidget *answer;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "request.answer", NULL));
    dialog = awp_requests_page_get_dialog (page);
    files = awp_request_dialog_get_attachments (dialog);
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (dir, names[i], NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);

        g_assert_true (g_file_set_contents (path, bodies[i], -1, NULL));
        g_assert_true (awp_attachment_list_add_file (files, file, NULL));
        g_remove (path);
      }
    g_rmdir (dir);
    answer = find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, "answer", NULL);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (answer)),
                              "Жол 2027 жылдың сәуірінде жөнделеді; кестесі қоса беріледі. / "
                              "Дорога будет отремонтирована в апреле 2027 года; график прилагается.", -1);
    save_screenshot (GTK_WIDGET (dialog), "requests-answer-attachments");
    adw_message_dialog_response (dialog, "answer");
    gtk_window_destroy (GTK_WINDOW (dialog));
    save_screenshot (GTK_WIDGET (window), "requests-detail-attachments");
  }

  /* Conference applications, three of them received from the portal. */
  for (guint i = 0; i < 3; i++)
    {
      static const char *const topics[] = {
        "Ауыл шаруашылығын қолдау шаралары", "Цифровизация здравоохранения", "Жастар саясаты және бос уақыт",
      };
      g_autoptr(JsonObject) app = json_object_new ();
      g_autofree char *number = g_strdup_printf ("КО-2026-%06u", i + 1);
      g_autofree char *app_id = NULL;

      json_object_set_string_member (app, "number", number);
      json_object_set_string_member (app, "subject", topics[i]);
      json_object_set_string_member (app, "text", "Осы тақырып бойынша интернет-конференция өткізуді сұраймыз. / Просим провести интернет-конференцию по этой теме.");
      json_object_set_string_member (app, "requester", i == 1 ? "Ольга Петрова" : "Ерлан Ахметов");
      json_object_set_string_member (app, "received_on", i == 0 ? "2026-11-13" : "2026-11-18");
      app_id = awp_store_create (f->sf.store, "conference_application", app, "portal", NULL);
      g_assert_nonnull (app_id);
    }
  awp_window_set_workspace (window, "applications");
  awp_requests_page_select (awp_window_get_applications_page (window), 1);
  save_screenshot (GTK_WIDGET (window), "applications");

  f->page = own_page;
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  g_object_unref (window);
}

/* Issue 10 item 7: the text typed in an action dialog is journalled beside
 * the store, comes back in the next dialog for the same request (after a
 * crash or a Cancel), and is forgotten once the action is saved. */
static void
test_drafts (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) req = json_object_new ();
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  AwpDraftJournal *journal = awp_request_drafts (f->sf.store);
  AdwMessageDialog *dialog;
  GtkTextView *text;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  g_autoptr(AwpDraft) draft = NULL;

  g_assert_nonnull (journal);
  json_object_set_string_member (req, "subject", "Жолды жөндеу");
  json_object_set_string_member (req, "text", "Ауылдағы жол");
  id = awp_store_create (f->sf.store, "blog_request", req, "test-admin", &error);
  g_assert_no_error (error);
  key = g_strdup_printf ("record/%s/refuse", id);

  dialog = awp_request_dialog_new (f->window, f->sf.store, NULL, NULL, id, "refuse", "test-admin");
  text = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, "refusal_reasons", NULL));
  g_assert_nonnull (text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Сұрау Заңның 11-бабына сәйкес келмейді.", -1);
  g_assert_true (awp_draft_journal_flush (journal, &error));
  g_assert_no_error (error);
  draft = awp_draft_journal_get (journal, key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpstr (json_object_get_string_member (draft->fields, "text"), ==, "Сұрау Заңның 11-бабына сәйкес келмейді.");
  /* Closed without saving, as a crash would: the next dialog has the text. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();

  dialog = awp_request_dialog_new (f->window, f->sf.store, NULL, NULL, id, "refuse", "test-admin");
  text = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, "refusal_reasons", NULL));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (text), &start, &end);
  shown = gtk_text_buffer_get_text (gtk_text_view_get_buffer (text), &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, "Сұрау Заңның 11-бабына сәйкес келмейді.");
  g_assert_null (awp_request_dialog_get_problem (dialog));
  adw_message_dialog_response (dialog, "refuse");
  g_assert_no_error ((GError *) awp_request_dialog_get_error (dialog));
  g_assert_true (awp_request_dialog_get_done (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  /* Saved: the draft is gone. */
  g_clear_pointer (&draft, awp_draft_free);
  draft = awp_draft_journal_get (journal, key, &error);
  g_assert_no_error (error);
  g_assert_null (draft);
}

/* Issue 6, O145-5.1: an answer with a file, added in the answer dialog
 * (a refused file named in place), shown in the detail pane with its name,
 * type and size, Open and Save As… named for screen readers; a file not
 * downloaded yet says so in its row when opened without a session. */
static void
test_attachments (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-ui-attach-XXXXXX", &error);
  g_autofree char *pdf_path = g_build_filename (dir, "Жауап хаты.pdf", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "setup.pdf", NULL);
  g_autofree char *saved_path = g_build_filename (dir, "saved.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  static const char pdf_bytes[] = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
  AwpRequestDetail *detail = awp_requests_page_get_detail (f->page);
  g_autofree char *id = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *open_label = NULL;
  g_autofree char *saved_text = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  AwpAttachmentList *list;
  AdwMessageDialog *dialog;
  GtkTextView *text;
  GtkWidget *row, *button;
  gsize saved_len;

  g_assert_true (g_file_set_contents (pdf_path, pdf_bytes, sizeof pdf_bytes - 1, NULL));
  g_assert_true (g_file_set_contents (bad_path, "\x7f" "ELF\x02\x01\x01\0\0", 10, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) pdf_bytes, sizeof pdf_bytes - 1);

  awp_requests_page_select (f->page, find_in_status (f, "accepted"));
  spin ();
  id = g_strdup (awp_request_detail_get_request_id (detail));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "request.answer", NULL));
  dialog = awp_requests_page_get_dialog (f->page);
  list = awp_request_dialog_get_attachments (dialog);
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_visible (find_widget (GTK_WIDGET (list), GTK_TYPE_BUTTON, NULL, "attachments.add")));
  g_assert_false (awp_attachment_list_add_file (list, bad, &error));
  g_assert_error (error, AWP_ATTACHMENT_ERROR, AWP_ATTACHMENT_ERROR_TYPE);
  g_clear_error (&error);
  {
    /* The refusal is shown in place, naming the file. */
    gboolean shown = FALSE;

    for (GtkWidget *w = find_widget (GTK_WIDGET (list), GTK_TYPE_LABEL, NULL, NULL); w != NULL;
         w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_LABEL (w) && gtk_widget_get_visible (w) && strstr (gtk_label_get_text (GTK_LABEL (w)), "setup.pdf"))
        shown = TRUE;
    g_assert_true (shown);
  }
  g_assert_true (awp_attachment_list_add_file (list, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (awp_attachment_list_get_count (list), ==, 1);
  /* Closed without sending, as a crash would: the draft keeps the file. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "request.answer", NULL));
  dialog = awp_requests_page_get_dialog (f->page);
  list = awp_request_dialog_get_attachments (dialog);
  g_assert_cmpuint (awp_attachment_list_get_count (list), ==, 1);
  text = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, "answer", NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Жауап қоса берілген хатта.", -1);
  adw_message_dialog_response (dialog, "answer");
  g_assert_no_error ((GError *) awp_request_dialog_get_error (dialog));
  g_assert_true (awp_request_dialog_get_done (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();

  /* The record names the file; the detail pane lists it. */
  listed = awp_attachment_list (f->sf.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((AwpAttachment *) listed->pdata[0])->id, ==, sha);
  g_assert_cmpstr (((AwpAttachment *) listed->pdata[0])->name, ==, "Жауап хаты.pdf");
  awp_requests_page_select (f->page, 0);
  spin ();
  awp_request_detail_set_request_id (detail, id);
  spin ();
  list = AWP_ATTACHMENT_LIST (find_widget (GTK_WIDGET (detail), AWP_TYPE_ATTACHMENT_LIST, NULL, NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_cmpuint (awp_attachment_list_get_count (list), ==, 1);
  row = find_widget (GTK_WIDGET (list), ADW_TYPE_ACTION_ROW, sha, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Жауап хаты.pdf");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "bytes"));  /* its size */
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (list), GTK_TYPE_BUTTON, NULL, "attachments.add")));
  open_label = g_strdup_printf ("Open “%s”", "Жауап хаты.pdf");
  button = find_widget (row, GTK_TYPE_BUTTON, NULL, NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label) == NULL);
  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_can_focus (button));
  g_assert_true (awp_attachment_list_save_to (list, 0, saved, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (saved_path, &saved_text, &saved_len, NULL));
  g_assert_cmpmem (saved_text, saved_len, pdf_bytes, sizeof pdf_bytes - 1);

  /* A file another workstation attached and this one has not fetched. */
  {
    g_autoptr(JsonObject) patch = json_object_new ();
    g_autoptr(JsonArray) shown = awp_attachment_list_to_json (list);
    JsonArray *refs = json_array_new ();
    JsonObject *ref = json_object_new ();

    json_object_set_string_member (ref, "id", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    json_object_set_string_member (ref, "name", "хаттама.pdf");
    json_object_set_string_member (ref, "mime", "application/pdf");
    json_object_set_int_member (ref, "size", 4096);
    json_array_add_object_element (refs, json_object_ref (json_array_get_object_element (shown, 0)));
    json_array_add_object_element (refs, ref);
    json_object_set_array_member (patch, "attachments", refs);
    g_assert_true (awp_store_update (f->sf.store, id, patch, "test-admin", &error));
    g_assert_no_error (error);
  }
  spin ();
  awp_request_detail_set_request_id (detail, NULL);
  awp_request_detail_set_request_id (detail, id);
  spin ();
  g_assert_cmpuint (awp_attachment_list_get_count (list), ==, 2);
  row = find_widget (GTK_WIDGET (list), ADW_TYPE_ACTION_ROW,
                     "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", NULL);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "not downloaded yet"));
  button = find_widget (row, GTK_TYPE_BUTTON, NULL, NULL);
  g_signal_emit_by_name (button, "clicked");
  spin ();
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "sign in"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  g_remove (pdf_path);
  g_remove (bad_path);
  g_remove (saved_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("AWP_TODAY", TODAY, TRUE);
  /* The accessible names are read back through GTK's test AT context
   * (the suite's environment turns accessibility off). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (g_getenv ("AWP_SCREENSHOT_DIR") == NULL)
    g_setenv ("LANGUAGE", "C", TRUE);
  awp_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/requests/filters-and-search", Fixture, NULL, fixture_setup, test_filters_and_search, fixture_teardown);
  g_test_add ("/ui/requests/actions", Fixture, NULL, fixture_setup, test_actions, fixture_teardown);
  g_test_add ("/ui/requests/deadlines-per-state", Fixture, NULL, fixture_setup, test_deadlines_per_state, fixture_teardown);
  g_test_add ("/ui/requests/export-csv", Fixture, NULL, fixture_setup, test_export_csv, fixture_teardown);
  g_test_add ("/ui/requests/applications", Fixture, NULL, fixture_setup, test_applications, fixture_teardown);
  g_test_add ("/ui/requests/export-pdf", Fixture, NULL, fixture_setup, test_export_pdf, fixture_teardown);
  g_test_add ("/ui/requests/keyboard", Fixture, NULL, fixture_setup, test_keyboard, fixture_teardown);
  g_test_add ("/ui/requests/ratings", Fixture, NULL, fixture_setup, test_ratings, fixture_teardown);
  g_test_add ("/ui/requests/today", Fixture, NULL, fixture_setup, test_today, fixture_teardown);
  g_test_add ("/ui/requests/drafts", Fixture, NULL, fixture_setup, test_drafts, fixture_teardown);
  g_test_add ("/ui/requests/attachments", Fixture, NULL, fixture_setup, test_attachments, fixture_teardown);
  g_test_add ("/ui/requests/screenshots", Fixture, NULL, fixture_setup, test_screenshots, fixture_teardown);

  return g_test_run ();
}
