#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "awp-audit.h"
#include "awp-i18n.h"
#include "awp-operator-page.h"
#include "awp-outbox.h"
#include "awp-template-check.h"
#include "awp-test-store.h"
#include "awp-window.h"
#include "awp-test-ui.h"

/* The Operator's review (O145-7) through the real window and widgets over a
 * real store: the workspace exists only for the operator role, lists the
 * submitted template with the time left before it opens, refuses a return
 * without remarks naming the field, and accept, return and publish change
 * the state through the store (outbox and audit log written). With
 * AWP_SCREENSHOT_DIR set, the review is saved as a PNG (docs/screenshots). */

typedef struct
{
  StoreFixture  store;
  AwpWindow    *window;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  store_fixture_setup (&f->store, data);
  g_settings_set_int (settings, "window-width", 1366);
  g_settings_set_int (settings, "window-height", 800);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  f->window = g_object_ref (awp_window_new (NULL));
  awp_window_set_store (f->window, f->store.store);
  gtk_window_present (GTK_WINDOW (f->window));
  awp_test_ui_spin ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  awp_test_ui_spin ();
  g_assert_finalize_object (f->window);
  store_fixture_teardown (&f->store, data);
}

static gboolean
has_workspace (AwpWindow *window, const char *name)
{
  g_auto(GStrv) names = awp_window_list_workspaces (window);

  return g_strv_contains ((const char *const *) names, name);
}

static char *
status_of (AwpStore *store, const char *id, const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = awp_store_get_record (store, id, &error);

  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member_with_default (json_object_get_object_member (record, "data"),
                                                               field, NULL));
}

static gint64
outbox_for (AwpStore *store, const char *id)
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
audits (AwpStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0, broken = 0;

  g_assert_true (awp_audit_verify (store, &n, &broken, &error));
  g_assert_no_error (error);
  return n;
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

/* A conference that opens 20 days from now, submitted by the administrator. */
static char *
submitted_conference (AwpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) opens = g_date_time_add_days (now, 20);
  g_autoptr(GDateTime) closes = g_date_time_add_days (now, 27);
  g_autofree char *opens_on = g_date_time_format (opens, "%Y-%m-%d");
  g_autofree char *closes_on = g_date_time_format (closes, "%Y-%m-%d");
  char *id;

  json_object_set_string_member (data, "title_ru", "Развитие общественного транспорта");
  json_object_set_string_member (data, "title_kk", "Қоғамдық көлікті дамыту");
  json_object_set_string_member (data, "opens_on", opens_on);
  json_object_set_string_member (data, "closes_on", closes_on);
  id = awp_template_create (store, "conference", data, "admin.almaty", &error);
  g_assert_no_error (error);
  g_assert_true (awp_store_transition (store, id, "submit", NULL, "admin.almaty", &error));
  g_assert_no_error (error);
  return id;
}

static void
activate_first (GtkListBox *list)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  awp_test_ui_spin ();
}

static void
set_remarks (AwpOperatorPage *page, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (awp_operator_page_get_remarks (page)), text, -1);
}

static void
act (AwpOperatorPage *page, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  awp_test_ui_spin ();
}

static void
test_role (Fixture *f, gconstpointer data)
{
  /* Administrators (the default) have no review workspace. */
  g_assert_false (has_workspace (f->window, "operator"));
  g_assert_null (awp_window_get_operator_page (f->window));
  awp_window_set_role (f->window, "operator", "operator");
  awp_test_ui_spin ();
  g_assert_true (has_workspace (f->window, "operator"));
  g_assert_true (awp_window_set_workspace (f->window, "operator"));
  awp_window_set_role (f->window, "administrator", "admin.almaty");
  awp_test_ui_spin ();
  g_assert_false (has_workspace (f->window, "operator"));
}

static void
test_review (Fixture *f, gconstpointer data)
{
  AwpStore *store = f->store.store;
  g_autofree char *id = submitted_conference (store);
  AwpOperatorPage *page;
  GtkListBox *list;
  gint64 out0, audit0;
  g_autofree char *status = NULL;
  g_autofree char *remarks = NULL;

  awp_window_set_role (f->window, "operator", "operator");
  awp_test_ui_spin ();
  page = awp_window_get_operator_page (f->window);
  g_assert_nonnull (page);
  g_assert_true (awp_window_set_workspace (f->window, "operator"));
  awp_test_ui_spin ();
  list = awp_operator_page_get_list (page);
  g_assert_cmpuint (n_rows (list), ==, 1);
  activate_first (list);

  /* Returning without remarks is refused, naming the field; nothing changes. */
  out0 = outbox_for (store, id);
  audit0 = audits (store);
  set_remarks (page, "   ");
  act (page, "operator.return");
  g_assert_nonnull (awp_operator_page_get_error (page));
  if (g_getenv ("LANGUAGE") == NULL || g_str_has_prefix (g_getenv ("LANGUAGE"), "en"))
    g_assert_nonnull (strstr (awp_operator_page_get_error (page), "Remarks"));
  status = status_of (store, id, "status");
  g_assert_cmpstr (status, ==, "submitted");
  g_assert_cmpint (outbox_for (store, id), ==, out0);
  g_assert_cmpint (audits (store), ==, audit0);

  /* With remarks: returned, the remarks kept for the administrator. */
  set_remarks (page, "Укажите телефон модератора");
  g_assert_null (awp_operator_page_get_error (page));  /* gone once the remarks change */
  awp_test_ui_screenshot (GTK_WIDGET (f->window), "operator-review");
  act (page, "operator.return");
  g_assert_null (awp_operator_page_get_error (page));
  g_clear_pointer (&status, g_free);
  status = status_of (store, id, "status");
  g_assert_cmpstr (status, ==, "returned");
  remarks = status_of (store, id, "remarks");
  g_assert_cmpstr (remarks, ==, "Укажите телефон модератора");
  g_assert_cmpint (outbox_for (store, id), >, out0);
  g_assert_cmpint (audits (store), >, audit0);
  g_assert_cmpuint (n_rows (list), ==, 0);

  /* The administrator resubmits; the Operator accepts, then publishes. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (awp_store_transition (store, id, "submit", NULL, "admin.almaty", &error));
    g_assert_no_error (error);
  }
  awp_test_ui_spin ();
  g_assert_cmpuint (n_rows (list), ==, 1);
  activate_first (list);
  /* Publishing before acceptance does nothing (the state machine). */
  gtk_widget_activate_action (GTK_WIDGET (page), "operator.publish", NULL);
  awp_test_ui_spin ();
  g_clear_pointer (&status, g_free);
  status = status_of (store, id, "status");
  g_assert_cmpstr (status, ==, "submitted");
  audit0 = audits (store);
  act (page, "operator.accept");
  g_clear_pointer (&status, g_free);
  status = status_of (store, id, "status");
  g_assert_cmpstr (status, ==, "accepted");
  g_assert_cmpint (audits (store), >, audit0);
  /* Accepted templates stay in the queue until published (O145-8.1). */
  g_assert_cmpuint (n_rows (list), ==, 1);
  act (page, "operator.publish");
  g_assert_cmpstr (awp_operator_page_get_error (page), ==, NULL);
  g_clear_pointer (&status, g_free);
  status = status_of (store, id, "status");
  g_assert_cmpstr (status, ==, "published");
  g_assert_cmpuint (n_rows (list), ==, 0);
}

int
main (int argc, char *argv[])
{
  awp_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/operator/role", Fixture, NULL, fixture_setup, test_role, fixture_teardown);
  g_test_add ("/ui/operator/review", Fixture, NULL, fixture_setup, test_review, fixture_teardown);
  return g_test_run ();
}
