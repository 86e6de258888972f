#include "config.h"

#include <libsoup/soup.h>

#include "awp-due.h"
#include "awp-i18n.h"
#include "awp-queue-item.h"
#include "awp-request-detail.h"
#include "awp-request-dialogs.h"
#include "awp-request-format.h"
#include "awp-requests-page.h"
#include "awp-templates-page.h"
#include "awp-test-pages.h"
#include "awp-test-training.h"
#include "awp-today-page.h"

/* Issue 6 item 4, conference applications (O145-10) in the real app in
 * training mode: the queue shows the demo server's applications with
 * their subject, requester and the O145-10.2 decision date (5 wd) the core
 * computes; accepting one creates its draft conference, titled from it and
 * listed under Conferences; refusing another records the ground and the
 * reason; each reaches the training server's database exactly once; a
 * citizen's new application (the portal endpoint) arrives by sync. Also
 * the Today page: each row's date equals the core's (awp-deadline.h,
 * awp-due.h) for the demo data. */

#define CITIZEN_SUBJECT "Ауыл жолдарының сапасы / Качество сельских дорог"
#define CITIZEN_NAME "Бақыт Серікұлы"

typedef struct
{
  AwpApplication  *app;
  AwpWindow       *window;
  AwpRequestsPage *page;
  AwpStore        *store;
  AwpCalendar     *calendar;
  AwpRuleSet      *rules;
} Apps;

#define item_at(model, i) awp_test_queue_item_at ((model), (i))

static gint
position_of (Apps *a, const char *id)
{
  GListModel *model = G_LIST_MODEL (awp_requests_page_get_model (a->page));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (awp_queue_item_get_id (item_at (model, i)), id) == 0)
      return (gint) i;
  return -1;
}

/* The core's O145-10.2 date from the record's receipt. */
static char *
core_due (Apps *a, const char *norm, const char *event_iso)
{
  AwpDeadline due;
  GDate event;

  g_assert_true (awp_calendar_parse_date (event_iso, "event", &event, NULL));
  g_assert_true (awp_deadline_compute (a->rules, a->calendar, norm, &event, &due, NULL));
  return awp_request_iso_date (&due.date);
}

/* The text of column @col's cell in the row whose column @key_col reads
 * @key, scrolled into view as a user would (a label's text; the due
 * column: its date line). */
static const char *
cell_text (Apps *a, guint position, guint key_col, const char *key, guint col)
{
  GtkWidget *view = find_widget (GTK_WIDGET (a->page), GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  GtkWidget *list = find_widget (view, GTK_TYPE_LIST_VIEW, NULL, NULL);

  g_assert_nonnull (list);
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  for (int tries = 0; tries < 50; tries++)
    {
      spin ();
      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *cells[8] = { NULL };
          guint n = 0;

          for (GtkWidget *c = gtk_widget_get_first_child (row); c != NULL && n < G_N_ELEMENTS (cells);
               c = gtk_widget_get_next_sibling (c))
            cells[n++] = c;
          if (n <= MAX (key_col, col) || !GTK_IS_LABEL (gtk_widget_get_first_child (cells[key_col]))
              || !gtk_widget_get_mapped (cells[key_col])
              || g_strcmp0 (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (cells[key_col]))), key) != 0)
            continue;
          if (GTK_IS_LABEL (gtk_widget_get_first_child (cells[col])))
            return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (cells[col])));
          /* The due cell: icon, then the date and what is left. */
          return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (
            gtk_widget_get_last_child (gtk_widget_get_first_child (cells[col])))));
        }
      g_usleep (10000);
    }
  g_error ("row %s is not shown", key);
}

enum { COL_NUMBER, COL_RECEIVED, COL_REQUESTER, COL_SUBJECT, COL_STATUS, COL_DUE };

/* One application as the queue and the detail pane show it: its subject,
 * requester and (while it waits) the core's O145-10.2 date. */
static void
check_shown (Apps *a, const char *id, guint key_col, const char *key)
{
  g_autoptr(JsonObject) data = local_data (a->store, id);
  const char *status = json_object_get_string_member (data, "status");
  gint position = position_of (a, id);
  AwpRequestDetail *detail = awp_requests_page_get_detail (a->page);

  g_assert_cmpint (position, >=, 0);
  g_assert_cmpstr (cell_text (a, position, key_col, key, COL_SUBJECT), ==, json_object_get_string_member (data, "subject"));
  g_assert_cmpstr (cell_text (a, position, key_col, key, COL_REQUESTER), ==, json_object_get_string_member (data, "requester"));
  if (g_str_equal (status, "received"))
    {
      g_autofree char *due = core_due (a, "O145-10.2", json_object_get_string_member (data, "received_on"));
      g_autofree char *shown = awp_request_format_date (due);
      GtkWidget *row;

      g_assert_cmpstr (json_object_get_string_member (data, "due_on"), ==, due);
      g_assert_cmpstr (cell_text (a, position, key_col, key, COL_DUE), ==, shown);
      awp_requests_page_select (a->page, position);
      spin ();
      g_assert_cmpstr (awp_request_detail_get_request_id (detail), ==, id);
      row = find_widget (GTK_WIDGET (detail), ADW_TYPE_EXPANDER_ROW, "O145-10.2", NULL);
      g_assert_nonnull (row);
      g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), shown));
    }
}

/* A received demo application not in @taken. */
static char *
pick_received (Apps *a, const char *taken)
{
  GListModel *model = G_LIST_MODEL (awp_requests_page_get_model (a->page));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      AwpQueueItem *item = item_at (model, i);

      if (g_strcmp0 (awp_queue_item_get_status (item), "received") == 0
          && g_strcmp0 (awp_queue_item_get_id (item), taken) != 0)
        return g_strdup (awp_queue_item_get_id (item));
    }
  g_error ("no received application left");
}

/* accept or refuse @id through its dialog, as the administrator does. */
static void
decide (Apps *a, const char *id, const char *action)
{
  g_autofree char *action_name = g_strconcat ("request.", action, NULL);
  AdwMessageDialog *dialog;

  awp_requests_page_select (a->page, position_of (a, id));
  spin ();
  g_assert_cmpstr (awp_request_detail_get_request_id (awp_requests_page_get_detail (a->page)), ==, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (a->page), action_name, NULL));
  spin ();
  dialog = awp_requests_page_get_dialog (a->page);
  g_assert_nonnull (dialog);
  if (g_str_equal (action, "refuse"))
    {
      GtkWidget *ground = find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, "refusal_ground", NULL);
      GtkWidget *text = find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW, "refusal_reason", NULL);

      g_assert_nonnull (ground);
      g_assert_nonnull (text);
      /* Without a reason the dialog says what is missing (O145-10.2). */
      g_assert_nonnull (awp_request_dialog_get_problem (dialog));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (ground), 1);  /* outside the body's activities */
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                                "Тақырып органның қызметіне жатпайды. / Тема не относится к деятельности органа.", -1);
    }
  if (awp_request_dialog_get_problem (dialog) != NULL)
    g_error ("%s of %s: %s", action, id, awp_request_dialog_get_problem (dialog));
  adw_message_dialog_response (dialog, action);
  g_assert_no_error ((GError *) awp_request_dialog_get_error (dialog));
  g_assert_true (awp_request_dialog_get_done (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

/* The Conferences list has a row for @id titled @title. */
static void
check_conference_listed (AwpWindow *window, const char *id, const char *title)
{
  AwpTemplatesPage *page = awp_window_get_conferences_page (window);
  GtkListBox *list = awp_templates_page_get_list (page);
  GtkListBoxRow *row;

  g_assert_true (awp_window_set_workspace (window, "conferences"));
  spin ();
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "awp-id"), id) == 0)
      {
        GtkWidget *box = gtk_list_box_row_get_child (row);

        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box))), ==, title);
        g_assert_true (awp_window_set_workspace (window, "applications"));
        spin ();
        return;
      }
  g_error ("conference %s is not in the Conferences list", id);
}

typedef struct
{
  GBytes *body;
  guint   status;
  gboolean done;
} Posted;

static void
posted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Posted *p = user_data;
  g_autoptr(GError) error = NULL;

  p->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  p->status = soup_message_get_status (soup_session_get_async_result_message (SOUP_SESSION (source), result));
  p->done = TRUE;
}

static gboolean
posted (gpointer data)
{
  return ((Posted *) data)->done;
}

/* A citizen applies through the portal endpoint of the training server
 * (O145-10.1); the new record's id. */
static char *
citizen_applies (Apps *a)
{
  /* The training URL ends in "/" (awp_server_get_uri). */
  g_autofree char *url = g_strconcat (awp_training_get_url (awp_application_get_training (a->app)),
                                      "api/v1/portal/conference-applications", NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(JsonParser) parser = json_parser_new ();
  static const char body[] = "{\"org\": \"akimat-almaty-region\", \"subject\": \"" CITIZEN_SUBJECT "\","
                             " \"text\": \"Осы тақырыпта конференция өткізуді сұраймын.\", \"requester\": \"" CITIZEN_NAME "\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (body, strlen (body));
  Posted p = { NULL, 0, FALSE };
  JsonObject *reply;
  char *id;

  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, posted_cb, &p);
  wait_for (posted, &p, "the portal's answer");
  if (p.status != 201)
    g_error ("%s: %u %.*s", url, p.status, (int) g_bytes_get_size (p.body), (const char *) g_bytes_get_data (p.body, NULL));
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (p.body, NULL), (gssize) g_bytes_get_size (p.body), NULL));
  reply = json_node_get_object (json_parser_get_root (parser));
  id = g_strdup (json_object_get_string_member (reply, "id"));
  g_bytes_unref (p.body);
  return id;
}

static gint64
server_conferences_of (Apps *a, const char *application_id)
{
  return server_count (a->app, "SELECT count (*) FROM records WHERE entity_type = 'conference'"
                               " AND json_extract (data, '$.application_id') = ?", application_id);
}

static void
applications_body (AwpApplication *app, AwpWindow *window)
{
  g_autoptr(GError) error = NULL;
  Apps a = { app, window, NULL, awp_application_get_store (app), NULL, NULL };
  GListModel *model;
  g_autofree char *accept_id = NULL;
  g_autofree char *refuse_id = NULL;
  g_autofree char *conference_id = NULL;
  g_autofree char *citizen_id = NULL;
  gint64 accept_version = 0, refuse_version = 0, v = 0;
  guint n;

  a.calendar = awp_calendar_new_default (&error);
  g_assert_no_error (error);
  a.rules = awp_rule_set_new_default (&error);
  g_assert_no_error (error);
  g_assert_true (awp_window_set_workspace (window, "applications"));
  a.page = awp_window_get_applications_page (window);
  spin ();
  model = G_LIST_MODEL (awp_requests_page_get_model (a.page));

  /* The body's demo applications came from the training server, each with
   * its subject and requester, the waiting ones with the core's date. */
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, (guint) awp_store_count (a.store, "conference_application", NULL));
  g_assert_cmpuint (n, >=, 6);
  for (guint i = 0; i < n; i++)
    {
      AwpQueueItem *item = item_at (model, i);
      g_autofree char *id = g_strdup (awp_queue_item_get_id (item));
      g_autofree char *number = g_strdup (awp_queue_item_get_number (item));
      g_autoptr(JsonObject) theirs = server_record (app, id, NULL);

      g_assert_nonnull (theirs);
      g_assert_cmpstr (awp_queue_item_get_subject (item), !=, "");
      g_assert_nonnull (awp_queue_item_get_subject (item));
      g_assert_cmpstr (awp_queue_item_get_subject (item), ==, json_object_get_string_member (theirs, "subject"));
      g_assert_nonnull (awp_queue_item_get_requester (item));
      g_assert_cmpstr (awp_queue_item_get_requester (item), ==, json_object_get_string_member (theirs, "requester"));
      check_shown (&a, id, COL_NUMBER, number);
    }

  /* Accept one: its draft conference, titled from it, in Conferences. */
  accept_id = pick_received (&a, NULL);
  refuse_id = pick_received (&a, accept_id);
  {
    g_autoptr(JsonObject) before_accept = server_record (app, accept_id, &accept_version);
    g_autoptr(JsonObject) before_refuse = server_record (app, refuse_id, &refuse_version);

    g_assert_nonnull (before_accept);
    g_assert_nonnull (before_refuse);
  }
  decide (&a, accept_id, "accept");
  {
    g_autoptr(JsonObject) mine = local_data (a.store, accept_id);
    g_autoptr(JsonObject) conference = NULL;

    g_assert_cmpstr (json_object_get_string_member (mine, "status"), ==, "accepted");
    conference_id = g_strdup (json_object_get_string_member (mine, "conference_id"));
    g_assert_nonnull (conference_id);
    conference = local_data (a.store, conference_id);
    g_assert_cmpstr (json_object_get_string_member (conference, "title"), ==, json_object_get_string_member (mine, "subject"));
    g_assert_cmpstr (json_object_get_string_member (conference, "applicant"), ==, json_object_get_string_member (mine, "requester"));
    check_conference_listed (window, conference_id, json_object_get_string_member (mine, "subject"));
  }
  decide (&a, refuse_id, "refuse");
  wait_for (synced_clean, app, "the decisions reaching the server");

  /* The server has both decisions and the draft, each once. */
  for (int round = 0; round < 2; round++)
    {
      g_autoptr(JsonObject) accepted = server_record (app, accept_id, &v);
      g_autoptr(JsonObject) refused = NULL;
      g_autoptr(JsonObject) conference = NULL;

      g_assert_cmpstr (json_object_get_string_member (accepted, "status"), ==, "accepted");
      g_assert_cmpstr (json_object_get_string_member (accepted, "conference_id"), ==, conference_id);
      g_assert_cmpint (v, ==, accept_version + 1);
      refused = server_record (app, refuse_id, &v);
      g_assert_cmpstr (json_object_get_string_member (refused, "status"), ==, "refused");
      g_assert_cmpstr (json_object_get_string_member (refused, "refusal_ground"), ==, "activities");
      g_assert_true (g_str_has_prefix (json_object_get_string_member (refused, "refusal_reason"), "Тақырып органның"));
      g_assert_cmpint (v, ==, refuse_version + 1);
      conference = server_record (app, conference_id, &v);
      g_assert_nonnull (conference);
      g_assert_cmpint (v, ==, 1);
      g_assert_cmpstr (json_object_get_string_member (conference, "title"), ==,
                       json_object_get_string_member (accepted, "subject"));
      g_assert_cmpint (server_conferences_of (&a, accept_id), ==, 1);
      /* Another sync sends nothing again. */
      sync_now_and_wait (app, window, TRUE);
    }
  g_assert_cmpint (awp_outbox_count (a.store, "pending", NULL), ==, 0);

  /* A citizen applies on the portal: the next sync brings it, due by the
   * core's O145-10.2 date from today. */
  citizen_id = citizen_applies (&a);
  sync_now_and_wait (app, window, TRUE);
  {
    g_autoptr(JsonObject) mine = local_data (a.store, citizen_id);
    g_autofree char *today = NULL;
    GDate d;

    awp_request_today (&d);
    today = awp_request_iso_date (&d);
    g_assert_cmpstr (json_object_get_string_member (mine, "subject"), ==, CITIZEN_SUBJECT);
    g_assert_cmpstr (json_object_get_string_member (mine, "requester"), ==, CITIZEN_NAME);
    g_assert_cmpstr (json_object_get_string_member (mine, "status"), ==, "received");
    g_assert_cmpstr (json_object_get_string_member (mine, "received_on"), ==, today);
    spin ();
    check_shown (&a, citizen_id, COL_SUBJECT, CITIZEN_SUBJECT);
  }
  g_clear_object (&a.calendar);
  g_clear_object (&a.rules);
}

/* The date a Today row names: "… · due DD.MM.YYYY — …". */
static char *
row_date (const char *subtitle)
{
  const char *at = strstr (subtitle, " · due ");
  const char *end;

  g_assert_nonnull (at);
  at += strlen (" · due ");
  end = strstr (at, " — ");
  g_assert_nonnull (end);
  return g_strndup (at, (gsize) (end - at));
}

static void
collect_rows (GtkWidget *root, GPtrArray *rows)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (ADW_IS_ACTION_ROW (c) && g_object_get_data (G_OBJECT (c), "awp-id") != NULL)
        g_ptr_array_add (rows, c);
      else
        collect_rows (c, rows);
    }
}

/* Each Today row's date is what the core computes for the demo record:
 * awp-deadline.h from the record's own event dates for blog requests
 * (O145-5.1 from receipt), applications (O145-10.2 from receipt) and
 * extension notices (O145-5.2/notice from the extension); the other
 * workspaces' rows as awp_due_collect has them. */
static void
today_body (AwpApplication *app, AwpWindow *window)
{
  g_autoptr(GError) error = NULL;
  Apps a = { app, window, NULL, awp_application_get_store (app), NULL, NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *tomorrow_iso = NULL;
  guint requests = 0, others = 0;
  GDate tomorrow;

  a.calendar = awp_calendar_new_default (&error);
  g_assert_no_error (error);
  a.rules = awp_rule_set_new_default (&error);
  g_assert_no_error (error);
  g_assert_true (awp_window_set_workspace (window, "today"));
  spin ();
  awp_request_today (&tomorrow);
  g_date_add_days (&tomorrow, 1);
  tomorrow_iso = awp_request_iso_date (&tomorrow);
  due = awp_due_collect (a.store, NULL, tomorrow_iso, AWP_DUE_INCLUDE_REQUESTS, &error);
  g_assert_no_error (error);

  collect_rows (GTK_WIDGET (awp_window_get_today_page (window)), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      const char *id = g_object_get_data (G_OBJECT (row), "awp-id");
      const char *type = g_object_get_data (G_OBJECT (row), "awp-type");
      const char *key = g_object_get_data (G_OBJECT (row), "awp-key");
      g_autofree char *shown = row_date (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
      g_autoptr(JsonObject) data = local_data (a.store, id);
      const char *status = json_object_get_string_member_with_default (data, "status", "");
      g_autofree char *expect = NULL;
      g_autofree char *expect_text = NULL;

      if (type == NULL && !g_str_equal (status, "extended"))
        {
          /* An open blog request: answered within 15 calendar days of receipt. */
          g_assert_true (g_str_equal (status, "received") || g_str_equal (status, "accepted"));
          expect = core_due (&a, "O145-5.1", json_object_get_string_member (data, "received_on"));
          requests++;
        }
      else if (g_strcmp0 (type, "conference_application") == 0)
        {
          expect = core_due (&a, "O145-10.2", json_object_get_string_member (data, "received_on"));
          others++;
        }
      else if (key != NULL && g_str_has_suffix (key, "/O145-5.2/notice"))
        {
          expect = core_due (&a, "O145-5.2/notice", json_object_get_string_member (data, "extended_on"));
          others++;
        }
      else
        {
          /* An extended request's answer, a meeting's or a template's: the core's list. */
          for (guint d = 0; d < due->len && expect == NULL; d++)
            {
              AwpDueItem *item = due->pdata[d];

              if (key != NULL ? g_str_equal (item->key, key)
                              : g_str_equal (item->id, id) && g_str_equal (item->type, "blog_request"))
                expect = g_strdup (item->due_on);
            }
          if (expect == NULL)
            g_error ("Today shows %s (%s), the core has no such deadline", id, key ? key : "request");
          others++;
        }
      expect_text = awp_request_format_date (expect);
      if (g_strcmp0 (shown, expect_text) != 0)
        g_error ("Today: %s (%s) shows %s, the core says %s", id, key ? key : status, shown, expect_text);
      /* And the core's own list agrees (awp-due.h). */
      {
        gboolean listed = FALSE;

        for (guint d = 0; d < due->len; d++)
          {
            AwpDueItem *item = due->pdata[d];

            listed |= (key != NULL ? g_str_equal (item->key, key) : g_str_equal (item->id, id))
                      && g_str_equal (item->due_on, expect);
          }
        g_assert_true (listed);
      }
    }
  g_test_message ("Today: %u blog request rows and %u other rows checked", requests, others);
  g_assert_cmpuint (requests, >, 0);
  g_assert_cmpuint (others, >, 0);
  g_clear_object (&a.calendar);
  g_clear_object (&a.rules);
}

/* Whether an action row under @root has @text in its subtitle. */
static gboolean
subtitle_has (GtkWidget *root, const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if ((ADW_IS_ACTION_ROW (c) && adw_action_row_get_subtitle (ADW_ACTION_ROW (c)) != NULL
         && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (c)), text) != NULL)
        || subtitle_has (c, text))
      return TRUE;
  return FALSE;
}

/* Organizations are named in the user's language (name_kk / name_ru): the
 * forward dialog's list, in Kazakh, Russian and English, and the detail
 * pane's timeline. */
static void
org_names_body (AwpApplication *app, AwpWindow *window)
{
  static const char *const languages[] = { "kk", "ru", "C" };
  AwpRequestsPage *page;
  GListModel *model;
  AwpStore *store = awp_application_get_store (app);
  guint position = G_MAXUINT;

  g_assert_true (awp_window_set_workspace (window, "requests"));
  page = awp_window_get_requests_page (window);
  spin ();
  model = G_LIST_MODEL (awp_requests_page_get_model (page));
  for (guint i = 0; i < g_list_model_get_n_items (model) && position == G_MAXUINT; i++)
    if (g_strcmp0 (awp_queue_item_get_status (item_at (model, i)), "received") == 0)
      position = i;
  g_assert_cmpuint (position, !=, G_MAXUINT);
  awp_requests_page_select (page, position);
  spin ();
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      AdwMessageDialog *dialog;
      GtkListBox *orgs;
      GtkListBoxRow *row;
      guint checked = 0;

      g_setenv ("LANGUAGE", languages[l], TRUE);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "request.forward", NULL));
      spin ();
      dialog = awp_requests_page_get_dialog (page);
      orgs = GTK_LIST_BOX (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, "forwarded_to", NULL));
      for (int i = 0; (row = gtk_list_box_get_row_at_index (orgs, i)) != NULL; i++)
        {
          g_autoptr(JsonObject) data = local_data (store, g_object_get_data (G_OBJECT (row), "awp-org-id"));
          const char *want = json_object_get_string_member (data, g_str_equal (languages[l], "kk") ? "name_kk" : "name_ru");

          g_assert_nonnull (want);
          g_assert_cmpstr (want, ==, awp_i18n_pick (data, "name"));
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row))), ==, want);
          checked++;
        }
      g_assert_cmpuint (checked, ==, 7);
      gtk_window_destroy (GTK_WINDOW (dialog));
      spin ();
    }
  /* Forwarded in Russian, the timeline names the organization in Kazakh
   * for a Kazakh reader (from the directory, not the recorded name). */
  {
    g_autofree char *id = g_strdup (awp_queue_item_get_id (item_at (model, position)));
    AdwMessageDialog *dialog;
    GtkListBox *orgs;
    GtkListBoxRow *row = NULL;
    g_autoptr(JsonObject) org = NULL;
    g_autoptr(JsonObject) after = NULL;
    gboolean named;

    g_setenv ("LANGUAGE", "ru", TRUE);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "request.forward", NULL));
    spin ();
    dialog = awp_requests_page_get_dialog (page);
    orgs = GTK_LIST_BOX (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, "forwarded_to", NULL));
    for (int i = 0; row == NULL && gtk_list_box_get_row_at_index (orgs, i) != NULL; i++)
      if (gtk_widget_get_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (orgs, i))))
        row = gtk_list_box_get_row_at_index (orgs, i);
    g_assert_nonnull (row);
    gtk_list_box_select_row (orgs, row);
    org = local_data (store, g_object_get_data (G_OBJECT (row), "awp-org-id"));
    adw_message_dialog_response (dialog, "forward");
    g_assert_true (awp_request_dialog_get_done (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));
    spin ();
    after = local_data (store, id);
    g_assert_cmpstr (json_object_get_string_member (after, "forwarded_to_name"), ==,
                     json_object_get_string_member (org, "name_ru"));

    g_setenv ("LANGUAGE", "kk", TRUE);
    awp_requests_page_show_request (page, id);
    spin ();
    named = subtitle_has (GTK_WIDGET (awp_requests_page_get_detail (page)), json_object_get_string_member (org, "name_kk"));
    g_assert_true (named);
  }
  g_setenv ("LANGUAGE", "C", TRUE);
}

/* With AWP_SCREENSHOT_DIR set, saves @widget's window as NAME-LANG.png. */
#define save_screenshot(widget, name) awp_test_ui_screenshot ((widget), (name))

/* The applications queue as a newcomer sees it in training mode, one
 * waiting application open. */
static void
screenshots_body (AwpApplication *app, AwpWindow *window)
{
  Apps a = { app, window, NULL, awp_application_get_store (app), NULL, NULL };
  g_autofree char *id = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 800);
  g_assert_true (awp_window_set_workspace (window, "applications"));
  a.page = awp_window_get_applications_page (window);
  spin ();
  id = pick_received (&a, NULL);
  awp_requests_page_select (a.page, position_of (&a, id));
  save_screenshot (GTK_WIDGET (window), "training-applications");
}

static void
test_screenshots (void)
{
  if (g_getenv ("AWP_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("AWP_SCREENSHOT_DIR not set");
      return;
    }
  run_training_app (screenshots_body);
}

static void
test_applications (void)
{
  run_training_app (applications_body);
}

static void
test_today (void)
{
  run_training_app (today_body);
}

static void
test_org_names (void)
{
  run_training_app (org_names_body);
}

int
main (int argc, char **argv)
{
  if (g_getenv ("AWP_SCREENSHOT_DIR") == NULL)
    g_setenv ("LANGUAGE", "C", TRUE);
  awp_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/training-applications/queue-accept-refuse-portal", test_applications);
  g_test_add_func ("/ui/training-applications/today-dates", test_today);
  g_test_add_func ("/ui/training-applications/organization-names", test_org_names);
  g_test_add_func ("/ui/training-applications/screenshots", test_screenshots);
  return g_test_run ();
}
