#include "config.h"

#include <glib/gstdio.h>

#include "awp-i18n.h"
#include "awp-queue-item.h"
#include "awp-request-detail.h"
#include "awp-request-dialogs.h"
#include "awp-request-format.h"
#include "awp-requests-page.h"
#include "awp-state-machine.h"
#include "awp-test-pages.h"
#include "awp-test-training.h"

/* Issue 6, "Done when": in training mode a newcomer works the demo queue
 * end to end — accept, return, forward, extend, answer, refuse — online and
 * offline, and every deadline shown is right. The real application
 * (awp --training) with its in-process demo server: each action through its
 * dialog in the window; the server's database then holds the new state,
 * each change once; offline the actions still work, the header bar counts
 * what waits, and it all lands once the server is back. Every deadline the
 * queue row and the detail pane show is compared with what the core rules
 * (awp-deadline.h, the real calendar) compute for the record's state. */

typedef struct
{
  const char *from;
  const char *action;
  const char *field;   /* the text to fill, or NULL */
} Case;

static const Case cases[] = {
  { "received", "accept", NULL },
  { "received", "return", "return_comment" },
  { "received", "forward", "user_notice" },
  { "accepted", "extend", "extend_reason" },
  { "accepted", "answer", "answer" },
  { "received", "refuse", "refusal_reasons" },
};

/* What each action writes, besides the status (the server must have it). */
static const char *const written[][3] = {
  { "accepted_on", NULL },
  { "return_ground", "return_comment", NULL },
  { "forwarded_to", "user_notice", NULL },
  { "extend_reason", "extended_on", "due_on" },
  { "answer", NULL },
  { "refusal_reasons", NULL },
};

#define EXTEND_DAYS 10

typedef struct
{
  AwpApplication  *app;
  AwpWindow       *window;
  AwpRequestsPage *page;
  AwpStore        *store;
  AwpCalendar     *calendar;
  AwpRuleSet      *rules;
  char            *ids[G_N_ELEMENTS (cases)];
  gint64           versions[G_N_ELEMENTS (cases)];  /* the server's, before */
  char            *old_due[G_N_ELEMENTS (cases)];
} Queue;

#define item_at(model, i) awp_test_queue_item_at ((model), (i))

static guint
position_of (Queue *q, const char *id)
{
  GListModel *model = G_LIST_MODEL (awp_requests_page_get_model (q->page));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (awp_queue_item_get_id (item_at (model, i)), id) == 0)
      return i;
  g_error ("%s is not in the queue", id);
}

/* A demo request in @status that no earlier case took. */
static char *
pick (Queue *q, const char *status)
{
  GListModel *model = G_LIST_MODEL (awp_requests_page_get_model (q->page));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      AwpQueueItem *item = item_at (model, i);
      gboolean taken = FALSE;

      for (guint c = 0; c < G_N_ELEMENTS (q->ids); c++)
        taken |= g_strcmp0 (q->ids[c], awp_queue_item_get_id (item)) == 0;
      if (!taken && g_strcmp0 (awp_queue_item_get_status (item), status) == 0)
        return g_strdup (awp_queue_item_get_id (item));
    }
  g_error ("the demo queue has no %s request left", status);
}

static char *
dmy (const GDate *date)
{
  return awp_calendar_format_date (date);
}

static gboolean
core_date (Queue *q, const char *norm, const char *event_iso, GDate *out)
{
  AwpDeadline due;
  GDate event;

  g_assert_true (awp_calendar_parse_date (event_iso, "event", &event, NULL));
  g_assert_true (awp_deadline_compute (q->rules, q->calendar, norm, &event, &due, NULL));
  *out = due.date;
  return TRUE;
}

/* The queue row's deadline cell for request number @number: scrolled into
 * view as a user would, then read off the row's widgets. */
static GtkWidget *
due_cell (Queue *q, guint position, const char *number)
{
  GtkWidget *view = find_widget (GTK_WIDGET (q->page), GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  GtkWidget *list = find_widget (view, GTK_TYPE_LIST_VIEW, NULL, NULL);

  g_assert_nonnull (list);
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  for (int tries = 0; tries < 50; tries++)
    {
      spin ();
      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *first = gtk_widget_get_first_child (row);
          GtkWidget *label = first ? gtk_widget_get_first_child (first) : NULL;

          if (GTK_IS_LABEL (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), number) == 0
              && gtk_widget_get_mapped (label))
            {
              GtkWidget *cell = first;

              for (int i = 0; i < 5; i++)
                cell = gtk_widget_get_next_sibling (cell);
              return gtk_widget_get_first_child (cell);
            }
        }
      g_usleep (10000);
    }
  g_error ("row %s is not shown", number);
}

/* Every deadline shown for request @id — the queue row's and each of the
 * detail pane's — equals the core's for its current state. */
static void
check_deadlines_shown (Queue *q, const char *id, const char *old_due)
{
  g_autoptr(JsonObject) data = local_data (q->store, id);
  AwpRequestDetail *detail = awp_requests_page_get_detail (q->page);
  const char *status = json_object_get_string_member (data, "status");
  const char *received = json_object_get_string_member (data, "received_on");
  gboolean closed = !g_str_equal (status, "received") && !g_str_equal (status, "accepted") && !g_str_equal (status, "extended");
  struct { const char *norm; GDate date; } expect[5];
  guint n = 0;
  GDate answer;
  g_autofree char *answer_iso = NULL;

  /* The core, from the record's own event dates. */
  if (g_str_equal (status, "received"))
    {
      const char *norms[] = { "O145-4.3", "O145-4.2", "O145-5.3", "O145-5.1" };

      for (guint i = 0; i < G_N_ELEMENTS (norms); i++, n++)
        {
          expect[n].norm = norms[i];
          core_date (q, norms[i], received, &expect[n].date);
        }
    }
  else if (g_str_equal (status, "accepted"))
    {
      expect[n].norm = "O145-5.1";
      core_date (q, "O145-5.1", received, &expect[n++].date);
    }
  else if (g_str_equal (status, "extended"))
    {
      AwpDeadline extended;
      GDate before;

      g_assert_nonnull (old_due);
      g_assert_true (awp_calendar_parse_date (old_due, "due_on", &before, NULL));
      g_assert_true (awp_deadline_extend (q->rules, q->calendar, "O145-5.2", &before, EXTEND_DAYS, 0, &extended, NULL));
      expect[n].norm = "O145-5.2";
      expect[n++].date = extended.date;
      expect[n].norm = "O145-5.2/notice";
      core_date (q, "O145-5.2/notice", json_object_get_string_member (data, "extended_on"), &expect[n++].date);
    }
  /* The answer's date is the queue's: O145-5.1 from receipt, or as extended. */
  if (n > 0)
    {
      answer = expect[g_str_equal (status, "extended") ? 0 : n - 1].date;
      answer_iso = awp_request_iso_date (&answer);
      g_assert_cmpstr (json_object_get_string_member (data, "due_on"), ==, answer_iso);
    }

  /* The queue row: the date, and the working days left told in words. */
  {
    GtkWidget *box = due_cell (q, position_of (q, id), json_object_get_string_member (data, "number"));
    GtkWidget *lines = gtk_widget_get_last_child (box);
    GtkWidget *date_label = gtk_widget_get_first_child (lines);
    GtkWidget *left_label = gtk_widget_get_last_child (lines);

    if (!closed)
      {
        g_autofree char *shown = dmy (&answer);
        g_autofree char *left = NULL;
        AwpDueInfo info;

        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (date_label)), ==, shown);
        awp_request_due_info (q->calendar, answer_iso, FALSE, &info);
        left = awp_request_due_text_short (&info);
        g_assert_true (gtk_widget_get_visible (left_label));
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (left_label)), ==, left);
        /* Working days left as the calendar counts them, today excluded. */
        if (info.state == AWP_DUE_LATER)
          {
            GDate today, next;

            awp_request_today (&today);
            next = today;
            g_date_add_days (&next, 1);
            g_assert_cmpint (info.working_days, ==, (int) awp_calendar_count_working_days (q->calendar, &next, &answer));
          }
      }
    else
      /* A closed request has nothing left to count. */
      g_assert_false (gtk_widget_get_visible (left_label));
  }

  /* The detail pane: a row per running deadline, each with the core's date. */
  awp_requests_page_select (q->page, position_of (q, id));
  spin ();
  g_assert_cmpstr (awp_request_detail_get_request_id (detail), ==, id);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = find_widget (GTK_WIDGET (detail), ADW_TYPE_EXPANDER_ROW, expect[i].norm, NULL);
      g_autofree char *shown = dmy (&expect[i].date);

      if (row == NULL)
        g_error ("%s (%s): no %s deadline in the detail pane", id, status, expect[i].norm);
      g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), shown));
    }
  /* ... and no other. */
  {
    const char *all[] = { "O145-4.3", "O145-4.2", "O145-5.3", "O145-5.1", "O145-5.2", "O145-5.2/notice" };

    for (guint a = 0; a < G_N_ELEMENTS (all); a++)
      {
        gboolean expected = FALSE;

        for (guint i = 0; i < n; i++)
          expected |= g_str_equal (expect[i].norm, all[a]);
        g_assert_cmpint (find_widget (GTK_WIDGET (detail), ADW_TYPE_EXPANDER_ROW, all[a], NULL) != NULL, ==, expected);
      }
  }
}

/* One action through its dialog, as a newcomer does it. */
static void
act (Queue *q, guint c)
{
  const Case *k = &cases[c];
  AwpRequestDetail *detail = awp_requests_page_get_detail (q->page);
  g_autofree char *action_name = g_strconcat ("request.", k->action, NULL);
  const AwpTransition *step = awp_state_machine_find (awp_state_machine_for_type ("blog_request"), k->from, k->action, NULL);
  g_autoptr(JsonObject) after = NULL;
  AdwMessageDialog *dialog;

  g_assert_nonnull (step);
  awp_requests_page_select (q->page, position_of (q, q->ids[c]));
  spin ();
  g_assert_cmpstr (awp_request_detail_get_request_id (detail), ==, q->ids[c]);
  g_assert_cmpstr (awp_request_detail_get_status (detail), ==, k->from);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (q->page), action_name, NULL));
  spin ();
  dialog = awp_requests_page_get_dialog (q->page);
  g_assert_nonnull (dialog);
  if (g_str_equal (k->action, "forward"))
    {
      GtkListBox *orgs = GTK_LIST_BOX (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, "forwarded_to", NULL));
      g_autoptr(JsonObject) data = local_data (q->store, q->ids[c]);
      GtkListBoxRow *row = NULL;
      guint shown = 0, all = 0;

      /* The directory came from the server; the body's own is not offered. */
      for (GtkListBoxRow *r; (r = gtk_list_box_get_row_at_index (orgs, (int) all)) != NULL; all++)
        if (gtk_widget_get_visible (GTK_WIDGET (r)))
          {
            g_assert_cmpstr (g_object_get_data (G_OBJECT (r), "awp-org-id"), !=,
                             json_object_get_string_member (data, "org_id"));
            if (shown++ == 0)
              row = r;
          }
      g_assert_cmpuint (all, ==, 7);
      g_assert_cmpuint (shown, ==, all - 1);
      gtk_list_box_select_row (orgs, row);
    }
  if (g_str_equal (k->action, "extend"))
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, "extend_days", NULL)),
                               EXTEND_DAYS);
  if (k->field != NULL)
    {
      GtkTextView *text = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, k->field, NULL));

      g_assert_nonnull (text);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Оқу жаттығуы / Учебное упражнение.", -1);
    }
  if (awp_request_dialog_get_problem (dialog) != NULL)
    g_error ("%s of %s: %s", k->action, q->ids[c], awp_request_dialog_get_problem (dialog));
  adw_message_dialog_response (dialog, k->action);
  g_assert_no_error ((GError *) awp_request_dialog_get_error (dialog));
  g_assert_true (awp_request_dialog_get_done (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  after = local_data (q->store, q->ids[c]);
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, step->to);
}

static void
queue_setup (Queue *q, AwpApplication *app, AwpWindow *window)
{
  g_autoptr(GError) error = NULL;

  memset (q, 0, sizeof *q);
  q->app = app;
  q->window = window;
  q->store = awp_application_get_store (app);
  q->calendar = awp_calendar_new_default (&error);
  g_assert_no_error (error);
  q->rules = awp_rule_set_new_default (&error);
  g_assert_no_error (error);
  g_assert_true (awp_window_set_workspace (window, "requests"));
  q->page = awp_window_get_requests_page (window);
  spin ();
  /* The demo queue came from the training server (30 requests of the body). */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (awp_requests_page_get_model (q->page))), ==,
                    (guint) awp_store_count (q->store, "blog_request", NULL));
  g_assert_cmpint (awp_store_count (q->store, "blog_request", NULL), >=, 30);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(JsonObject) server = NULL;
      g_autoptr(JsonObject) data = NULL;

      q->ids[c] = pick (q, cases[c].from);
      server = server_record (app, q->ids[c], &q->versions[c]);
      g_assert_nonnull (server);
      data = local_data (q->store, q->ids[c]);
      q->old_due[c] = g_strdup (json_object_get_string_member (data, "due_on"));
      /* Before: what the newcomer sees is the core's. */
      check_deadlines_shown (q, q->ids[c], NULL);
    }
  g_assert_cmpint (awp_sync_engine_get_pending (training_engine (app)), ==, 0);
  if (g_getenv ("AWP_SCREENSHOT_DIR") == NULL)
    g_assert_cmpstr (sync_button_text (window, "pending_label"), ==, "Every change has been sent");
}

static void
queue_clear (Queue *q)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_free (q->ids[c]);
      g_free (q->old_due[c]);
    }
  g_clear_object (&q->calendar);
  g_clear_object (&q->rules);
}

/* The server holds each new state and its fields, each change applied once. */
static void
check_server (Queue *q)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(JsonObject) mine = local_data (q->store, q->ids[c]);
      gint64 version = 0;
      g_autoptr(JsonObject) theirs = server_record (q->app, q->ids[c], &version);

      g_assert_nonnull (theirs);
      if (g_strcmp0 (json_object_get_string_member (theirs, "status"), json_object_get_string_member (mine, "status")) != 0)
        g_test_message ("outbox: pending %" G_GINT64_FORMAT " acked %" G_GINT64_FORMAT " conflict %" G_GINT64_FORMAT
                        " rejected %" G_GINT64_FORMAT " held %" G_GINT64_FORMAT " error %s",
                        awp_outbox_count (q->store, "pending", NULL), awp_outbox_count (q->store, "acked", NULL),
                        awp_outbox_count (q->store, "conflict", NULL), awp_outbox_count (q->store, "rejected", NULL),
                        awp_sync_engine_get_held (training_engine (q->app)), awp_sync_engine_get_last_error (training_engine (q->app)));
      {
        g_autoptr(GPtrArray) held = awp_outbox_list (q->store, "rejected", NULL);

        for (guint i = 0; i < held->len; i++)
          {
            AwpOutboxEntry *e = held->pdata[i];
            g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), e->patch);
            g_autofree char *patch = json_to_string (node, FALSE);

            g_test_message ("refused %s: %s (%s)", e->entity_id, e->last_error, patch);
          }
      }
      g_assert_cmpstr (json_object_get_string_member (theirs, "status"), ==, json_object_get_string_member (mine, "status"));
      for (guint f = 0; f < 3 && written[c][f] != NULL; f++)
        {
          const char *field = written[c][f];

          g_assert_true (json_object_has_member (theirs, field));
          g_assert_cmpstr (json_object_get_string_member (theirs, field), ==, json_object_get_string_member (mine, field));
        }
      /* The timeline's "who" is the signed-in demo user. */
      {
        JsonArray *events = json_object_get_array_member (theirs, "events");
        JsonObject *last = json_array_get_object_element (events, json_array_get_length (events) - 1);

        g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, cases[c].action);
        g_assert_cmpstr (json_object_get_string_member (last, "actor"), ==, AWP_TRAINING_USER);
      }
      /* One action, one mutation: the server's version moved by one. */
      g_assert_cmpint (version, ==, q->versions[c] + 1);
    }
}

static void
check_all_shown (Queue *q)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    check_deadlines_shown (q, q->ids[c], q->old_due[c]);
}

static gboolean
pending_shown_one (gpointer data)
{
  return g_strcmp0 (sync_button_text (data, "pending_label"), "1 change waits to be sent") == 0;
}

static void
online_body (AwpApplication *app, AwpWindow *window)
{
  Queue q;

  queue_setup (&q, app, window);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      act (&q, c);
      /* The header bar counts it; the engine sends it by itself, soon. */
      wait_for (pending_shown_one, window, "the change counted in the header bar");
      wait_for (synced_clean, app, "the action reaching the server");
    }
  check_server (&q);
  check_all_shown (&q);
  /* Another sync sends nothing again. */
  sync_now_and_wait (app, window, TRUE);
  check_server (&q);
  g_assert_cmpint (awp_outbox_count (q.store, "pending", NULL), ==, 0);
  queue_clear (&q);
}

static gboolean
pending_shown (gpointer data)
{
  AwpWindow *window = data;
  guint *want = g_object_get_data (G_OBJECT (window), "want-pending");
  g_autofree char *text = g_strdup_printf (*want == 1 ? "%u change waits to be sent" : "%u changes wait to be sent", *want);

  return g_strcmp0 (sync_button_text (window, "pending_label"), text) == 0;
}

static void
offline_body (AwpApplication *app, AwpWindow *window)
{
  AwpTraining *training = awp_application_get_training (app);
  g_autoptr(GError) error = NULL;
  Queue q;
  guint want = 0;

  queue_setup (&q, app, window);
  g_object_set_data (G_OBJECT (window), "want-pending", &want);
  g_assert_true (awp_training_set_server_online (training, FALSE, &error));
  g_assert_no_error (error);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      act (&q, c);
      /* Kept locally; the header bar counts what waits. */
      want = c + 1;
      wait_for (pending_shown, window, "the pending count in the header bar");
    }
  /* A sync cannot reach the server: offline, nothing lost, nothing sent. */
  sync_now_and_wait (app, window, FALSE);
  g_assert_cmpint (awp_sync_engine_get_state (training_engine (app)), ==, AWP_SYNC_STATE_OFFLINE);
  g_assert_cmpstr (sync_button_text (window, "state_label"), ==, "Offline — changes are kept and sent later");
  g_assert_true (pending_shown (window));
  g_assert_cmpint (awp_outbox_count (q.store, "acked", NULL), ==, 0);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      gint64 version = 0;
      g_autoptr(JsonObject) theirs = server_record (app, q.ids[c], &version);

      /* The server's copy is still the one before the action. */
      g_assert_cmpstr (json_object_get_string_member (theirs, "status"), ==, cases[c].from);
      g_assert_cmpint (version, ==, q.versions[c]);
    }
  check_all_shown (&q);

  /* The server is back: everything lands, once. */
  g_assert_true (awp_training_set_server_online (training, TRUE, &error));
  g_assert_no_error (error);
  sync_now_and_wait (app, window, TRUE);
  g_assert_cmpstr (sync_button_text (window, "pending_label"), ==, "Every change has been sent");
  g_assert_cmpstr (sync_button_text (window, "state_label"), ==, "Online");
  check_server (&q);
  sync_now_and_wait (app, window, TRUE);
  check_server (&q);
  check_all_shown (&q);
  queue_clear (&q);
}

/* With AWP_SCREENSHOT_DIR set, saves @widget's window as NAME-LANG.png. */
#define save_screenshot(widget, name) awp_test_ui_screenshot ((widget), (name))

static gboolean
engine_pending_one (gpointer data)
{
  return awp_sync_engine_get_pending (training_engine (data)) == 1;
}

/* Training mode as a newcomer sees it: the forward dialog lists the
 * organizations the server has; offline, the header bar counts the
 * change that waits. */
static void
screenshots_body (AwpApplication *app, AwpWindow *window)
{
  Queue q;
  AdwMessageDialog *dialog;
  GtkWidget *button = find_widget (GTK_WIDGET (window), AWP_TYPE_SYNC_BUTTON, NULL, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 800);
  queue_setup (&q, app, window);
  awp_requests_page_select (q.page, position_of (&q, q.ids[2]));
  spin ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (q.page), "request.forward", NULL));
  dialog = awp_requests_page_get_dialog (q.page);
  save_screenshot (GTK_WIDGET (dialog), "training-forward-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (awp_training_set_server_online (awp_application_get_training (app), FALSE, NULL));
  act (&q, 0);
  wait_for (engine_pending_one, app, "the change counted");
  sync_now_and_wait (app, window, FALSE);
  gtk_menu_button_popup (GTK_MENU_BUTTON (find_widget (button, GTK_TYPE_MENU_BUTTON, NULL, NULL)));
  save_screenshot (GTK_WIDGET (window), "training-offline-pending");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (find_widget (button, GTK_TYPE_MENU_BUTTON, NULL, NULL)));
  g_assert_true (awp_training_set_server_online (awp_application_get_training (app), TRUE, NULL));
  sync_now_and_wait (app, window, TRUE);

  /* The shortcuts window. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  spin ();
  {
    GtkWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))
                         ? GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))) : NULL;

    g_assert_nonnull (overlay);
    gtk_window_set_default_size (overlay, 1300, 780);
    /* The last page: the meetings planner's and the dialogs' keys. */
    {
      GtkWidget *section = find_widget (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SECTION, NULL, NULL);
      gboolean moved = FALSE;

      g_assert_nonnull (section);
      for (int i = 0; i < 2; i++)
        g_signal_emit_by_name (section, "change-current-page", 1, &moved);
    }
    save_screenshot (GTK_WIDGET (overlay), "shortcuts-meetings");
    gtk_window_close (overlay);
  }
  queue_clear (&q);
}

static void
test_screenshots (void)
{
  if (g_getenv ("AWP_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("AWP_SCREENSHOT_DIR not set");
      return;
    }
  /* GTK 4.8's shortcuts window warns of a label's negative width while it
   * lays out; only screenshots are taken here. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  run_training_app (screenshots_body);
}

static void
test_online (void)
{
  run_training_app (online_body);
}

static void
test_offline (void)
{
  run_training_app (offline_body);
}

int
main (int argc, char **argv)
{
  if (g_getenv ("AWP_SCREENSHOT_DIR") == NULL)
    g_setenv ("LANGUAGE", "C", TRUE);
  awp_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/training-queue/online", test_online);
  g_test_add_func ("/ui/training-queue/offline", test_offline);
  g_test_add_func ("/ui/training-queue/screenshots", test_screenshots);
  return g_test_run ();
}
