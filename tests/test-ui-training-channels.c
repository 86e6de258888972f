#include "config.h"

#include <glib/gstdio.h>

#include "awp-channels-page.h"
#include "awp-i18n.h"
#include "awp-registry.h"
#include "awp-state-machine.h"
#include "awp-test-pages.h"
#include "awp-test-workstation.h"

/* Issue 9, "Done when": an applicant and the authorized body, in training
 * mode on two workstations, take a channel from application to exclusion,
 * and the Registry shows its whole history in both languages.
 *
 * A real awp-server with the demo seed; the real application joined to it
 * as admin.almaty (the applicant) and a second workstation joined as
 * `authorized` (tests/awp-test-workstation.h), each through its own
 * Channels and Registry page: the Annex 1 application typed and sent; on
 * the other window, by sync, the O93-4 checklist and the accreditation;
 * the Registry on both windows shows the entry with the number the server
 * gave; the Annex 3 change request sent and entered; the termination notice
 * sent and the channel excluded. The Registry on both windows, in Kazakh
 * and in Russian, shows the inclusion, the change and the exclusion, and
 * the server holds the same. */

static AwpTestServer server;

static AwpChannelsPage *
channels_page (Workstation *ws)
{
  g_assert_true (awp_window_set_workspace (ws->window, "channels"));
  awp_test_ui_spin ();
  {
    AwpChannelsPage *page = NULL;
    GtkWidget *stack_child = GTK_WIDGET (ws->window);
    GPtrArray *todo = g_ptr_array_new ();

    g_ptr_array_add (todo, stack_child);
    while (page == NULL && todo->len > 0)
      {
        GtkWidget *w = g_ptr_array_steal_index (todo, todo->len - 1);

        if (AWP_IS_CHANNELS_PAGE (w))
          page = AWP_CHANNELS_PAGE (w);
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (todo, c);
      }
    g_ptr_array_unref (todo);
    g_assert_nonnull (page);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
    return page;
  }
}

#define field(page, name) awp_test_channels_field ((page), (name))

#define type_into(page, name, text) awp_test_channels_type_into ((page), (name), (text))

#define act(page, action, target) awp_test_channels_act ((page), (action), (target))

/* The row of @id in the page's list @which, activated as a click does. */
static void
activate_id (AwpChannelsPage *page, const char *which, const char *id)
{
  GtkListBox *list = awp_channels_page_get_list (page, which);

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "awp-id"), id) == 0)
        {
          g_signal_emit_by_name (list, "row-activated", row);
          awp_test_ui_spin ();
          return;
        }
    }
  g_error ("%s is not in the list %s", id, which);
}

static void
collect_labels (GtkWidget *w, GString *out)
{
  if (GTK_IS_LABEL (w))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (w)));
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, out);
}

/* What the Registry's row of @channel shows, cell after cell. */
static char *
registry_row_text (AwpChannelsPage *page, const char *channel)
{
  GtkListBox *list = awp_channels_page_get_list (page, "registry");

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "awp-id"), channel) == 0)
        {
          GString *out = g_string_new (NULL);

          collect_labels (GTK_WIDGET (row), out);
          return g_string_free (out, FALSE);
        }
    }
  g_error ("%s is not in the Registry on screen", channel);
  return NULL;
}

/* The first cell (№) of the Registry's row of @channel. */
static char *
registry_number (AwpChannelsPage *page, const char *channel)
{
  g_autofree char *text = registry_row_text (page, channel);

  return g_strndup (text, strcspn (text, "\n"));
}

static void
assert_has (const char *text, const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not in:\n%s", needle, text);
}

/* The Registry (Annex 2) as a PDF in @lang, read back by tests/pdf-text.py,
 * without line breaks. */
static char *
registry_pdf_text (AwpChannelsPage *page, const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("awp-registry-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "registry.pdf", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "pdf-text.py", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { "python3", script, path, NULL };
  int status = -1;
  GString *flat;

  awp_channels_page_set_registry_language (page, lang);
  awp_test_ui_spin ();
  g_assert_true (awp_channels_page_write_registry_pdf (page, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_remove (path);
  g_rmdir (dir);
  flat = g_string_new (out);
  g_string_replace (flat, "\n", " ", 0);
  return g_string_free (flat, FALSE);
}

static char *
display_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%d.%m.%Y");
}

static const char *old_name_kk = "«Әкіммен тікелей байланыс» қоғамдық қабылдау бөлмесі";
static const char *new_name_kk = "Алматы облысы әкімінің «Тікелей байланыс» қоғамдық қабылдау бөлмесі";

static void
fill_application (AwpChannelsPage *page)
{
  type_into (page, "to_body", "Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан");
  type_into (page, "from_body_kk", "Алматы облысының әкімдігі");
  type_into (page, "from_body_ru", "Акимат Алматинской области");
  type_into (page, "channel_name_kk", old_name_kk);
  type_into (page, "channel_name_ru", "Общественная приемная «Прямая связь с акимом»");
  type_into (page, "regulating_act", "Постановление акимата Алматинской области от 12.11.2026 № 340");
  type_into (page, "purpose", "Приём обращений жителей области и ответы на них в прямом эфире");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (page, "coverage")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (page, "format")), 3);
  type_into (page, "resources", "Два сотрудника отдела внутренней политики, студия, телефонная линия 1414");
  type_into (page, "justification", "По опросу 2026 года 58 % жителей предпочитают прямой эфир с акимом");
  type_into (page, "signer", "Сейітқали Ә. Б.");
  {
    g_autofree char *today = display_today ();

    type_into (page, "signed_on", today);
  }
}

static void
assert_status (Workstation *ws, const char *id, const char *status)
{
  g_autofree char *v = ws_field (ws, id, "status");

  if (g_strcmp0 (v, status) != 0)
    g_error ("%s is %s on the %s's workstation, not %s", id, v, ws->name, status);
}

/* Both windows show the whole history in the Registry's two languages. */
static void
assert_history (Workstation *ws, const char *channel, const char *number)
{
  AwpChannelsPage *page = channels_page (ws);
  g_autofree char *today = display_today ();
  g_autofree char *kk = NULL;
  g_autofree char *ru = NULL;
  g_autofree char *detail = NULL;

  awp_channels_page_set_registry_language (page, "kk");
  awp_test_ui_spin ();
  kk = registry_row_text (page, channel);
  assert_has (kk, number);
  assert_has (kk, new_name_kk);
  assert_has (kk, today);                      /* included */
  assert_has (kk, "Арнаның атауы (қазақ тілінде)");
  assert_has (kk, old_name_kk);                /* changed: «old» → «new» */
  assert_has (kk, "тізілімнен шығарылды");     /* excluded */
  assert_has (kk, "Приказ акима № 45");        /* grounds of the change */
  awp_channels_page_set_registry_language (page, "ru");
  awp_test_ui_spin ();
  ru = registry_row_text (page, channel);
  assert_has (ru, number);
  assert_has (ru, "Общественная приемная «Прямая связь с акимом»");
  assert_has (ru, today);
  assert_has (ru, "Наименование канала (на казахском языке)");
  assert_has (ru, old_name_kk);
  assert_has (ru, "исключен из Реестра");
  assert_has (ru, "основание: Приказ акима № 45");

  /* And as the Annex 2 document in each language. */
  for (guint i = 0; i < 2; i++)
    {
      const char *langs[] = { "kk", "ru" };
      const char *excluded[] = { "тізілімнен шығарылды", "исключен из Реестра" };
      g_autofree char *pdf = registry_pdf_text (page, langs[i]);

      assert_has (pdf, number);
      assert_has (pdf, excluded[i]);
      assert_has (pdf, "№ 45)");  /* the grounds (lines wrap anywhere before) */
    }

  /* The entry's own history: three lines, included, changed, excluded,
   * in the Registry's language whatever the window's. */
  for (guint i = 0; i < 2; i++)
    {
      const char *langs[] = { "kk", "ru" };
      const char *lines[2][3] = { { "тізілімге енгізілді (O93-5)", "өзгерістер енгізілді (O93-13)", "тізілімнен шығарылды (O93-13)" },
                                  { "включен в Реестр (O93-5)", "внесены изменения (O93-13)", "исключен из Реестра (O93-13)" } };
      GString *labels = g_string_new (NULL);

      awp_channels_page_set_registry_language (page, langs[i]);
      awp_test_ui_spin ();
      activate_id (page, "registry", channel);
      act (page, "channels.show-entry", channel);
      collect_labels (GTK_WIDGET (page), labels);
      g_clear_pointer (&detail, g_free);
      detail = g_string_free (labels, FALSE);
      for (guint k = 0; k < 3; k++)
        {
          g_autofree char *line = g_strdup_printf ("%s — %s", today, lines[i][k]);

          assert_has (detail, line);
        }
      assert_has (detail, new_name_kk);
      assert_has (detail, i == 0 ? "Арнаның атауы (қазақ тілінде)" : "Наименование канала (на казахском языке)");
    }
}

static void
body (AwpApplication *app, gpointer data)
{
  Workstation applicant = { 0 };
  Workstation authorized = { 0 };
  AwpChannelsPage *page;
  g_autoptr(GError) error = NULL;
  g_autofree char *application = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *number = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *change = NULL;
  g_autofree char *notice = NULL;

  ws_init_app (&applicant, "applicant", app);
  ws_init_joined (&authorized, "authorized body", server.url, "authorized");
  g_assert_cmpstr (awp_sync_engine_get_role (ws_engine (&authorized)), ==, "authorized_body");

  /* Annex 1, typed and sent (O93-3). */
  page = channels_page (&applicant);
  application = awp_channels_page_create_application (page, &error);
  g_assert_no_error (error);
  fill_application (page);
  act (page, "channels.send", NULL);
  assert_status (&applicant, application, "sent");
  ws_sync (&applicant);

  /* The authorized body: the O93-4 checklist, then the accreditation. */
  ws_sync (&authorized);
  page = channels_page (&authorized);
  activate_id (page, "applications", application);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (page, "review.no_duplication.met")), TRUE);
  type_into (page, "review.no_duplication.comment", "Аналогичных каналов в области нет");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (page, "review.regulated_procedure.met")), TRUE);
  type_into (page, "review.regulated_procedure.comment", "Постановление № 340");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (page, "review.expected_results.met")), TRUE);
  act (page, "channels.accredit", NULL);
  assert_status (&authorized, application, "accredited");
  channel = ws_field (&authorized, application, "channel_id");
  g_assert_nonnull (channel);
  act (page, "channels.notified", NULL);
  /* Provisional until the server numbers it (docs/channels.md). */
  shown = registry_number (page, channel);
  g_assert_cmpstr (shown, ==, "—");
  g_clear_pointer (&shown, g_free);
  ws_sync (&authorized);
  number = ws_server_field (&server, channel, "number");
  if (number == NULL)
    {
      g_autoptr(JsonObject) d = ws_server_record (&server, channel);

      g_assert_nonnull (d);
      number = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (d, "number"));
    }
  shown = registry_number (page, channel);
  g_assert_cmpstr (shown, ==, number);
  g_clear_pointer (&shown, g_free);

  /* The applicant sees the decision and the same number. */
  ws_sync (&applicant);
  assert_status (&applicant, application, "accredited");
  page = channels_page (&applicant);
  /* The application, still open, says so. */
  {
    GtkWidget *status = ws_find_named (GTK_WIDGET (page), "status");

    g_assert_nonnull (status);
    if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (status)), awp_state_label ("accredited")) != 0)
      g_error ("the open application still says “%s” after the sync", gtk_label_get_text (GTK_LABEL (status)));
  }
  shown = registry_number (page, channel);
  g_assert_cmpstr (shown, ==, number);
  g_clear_pointer (&shown, g_free);

  /* Annex 3: the Kazakh name changes (O93-11). */
  activate_id (page, "registry", channel);
  act (page, "channels.show-entry", channel);
  act (page, "channels.request-change", NULL);
  type_into (page, "new_value", new_name_kk);
  type_into (page, "grounds", "Приказ акима № 45");
  type_into (page, "signer", "Сейітқали Ә. Б.");
  {
    g_autofree char *today = display_today ();

    type_into (page, "signed_on", today);
  }
  act (page, "channels.send", NULL);
  {
    GtkListBox *list = awp_channels_page_get_list (page, "requests");

    g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  }
  ws_sync (&applicant);

  /* The authorized body enters it within 3 wd (O93-13). */
  ws_sync (&authorized);
  page = channels_page (&authorized);
  {
    GtkListBox *list = awp_channels_page_get_list (page, "requests");

    for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL && change == NULL; i++)
      {
        const char *id = g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, i)), "awp-id");
        g_autoptr(JsonObject) d = ws_data (&authorized, id);

        if (g_strcmp0 (json_object_get_string_member_with_default (d, "channel_id", ""), channel) == 0)
          change = g_strdup (id);
      }
  }
  g_assert_nonnull (change);
  assert_status (&authorized, change, "sent");
  activate_id (page, "requests", change);
  act (page, "channels.apply", NULL);
  assert_status (&authorized, change, "applied");
  ws_sync (&authorized);
  ws_sync (&applicant);
  {
    g_autofree char *name = ws_field (&applicant, channel, "name_kk");

    g_assert_cmpstr (name, ==, new_name_kk);
  }

  /* The termination notice (O93-12) excludes it. */
  page = channels_page (&applicant);
  activate_id (page, "registry", channel);
  act (page, "channels.show-entry", channel);
  act (page, "channels.terminate", NULL);
  type_into (page, "text", "Работа приемной прекращается с 01.01.2027 / Қабылдау бөлмесінің жұмысы 01.01.2027 бастап тоқтатылады");
  type_into (page, "signer", "Сейітқали Ә. Б.");
  {
    g_autofree char *today = display_today ();

    type_into (page, "signed_on", today);
  }
  act (page, "channels.send", NULL);
  ws_sync (&applicant);
  ws_sync (&authorized);
  page = channels_page (&authorized);
  {
    GtkListBox *list = awp_channels_page_get_list (page, "requests");

    for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL && notice == NULL; i++)
      {
        const char *id = g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, i)), "awp-id");
        g_autoptr(JsonObject) d = ws_data (&authorized, id);

        if (g_strcmp0 (id, change) != 0
            && g_strcmp0 (json_object_get_string_member_with_default (d, "channel_id", ""), channel) == 0)
          notice = g_strdup (id);
      }
  }
  g_assert_nonnull (notice);
  activate_id (page, "requests", notice);
  act (page, "channels.apply", NULL);
  assert_status (&authorized, notice, "applied");
  ws_sync (&authorized);
  ws_sync (&applicant);
  {
    g_autofree char *excluded = ws_field (&applicant, channel, "excluded_on");
    g_autofree char *on_server = ws_server_field (&server, channel, "excluded_on");

    g_assert_nonnull (excluded);
    g_assert_cmpstr (excluded, ==, on_server);
  }

  /* The whole history, in Kazakh and in Russian, on both windows. */
  assert_history (&applicant, channel, number);
  assert_history (&authorized, channel, number);
  awp_test_ui_screenshot (authorized.window, "training-registry-history");

  /* The server: the entry, its three history lines, the decisions. */
  {
    g_autofree char *app_status = ws_server_field (&server, application, "status");
    g_autofree char *change_status = ws_server_field (&server, change, "status");
    g_autofree char *notice_status = ws_server_field (&server, notice, "status");
    g_autofree char *name = ws_server_field (&server, channel, "name_kk");
    g_autoptr(GPtrArray) history = awp_registry_history (authorized.store, channel, NULL);

    g_assert_cmpstr (app_status, ==, "accredited");
    g_assert_cmpstr (change_status, ==, "applied");
    g_assert_cmpstr (notice_status, ==, "applied");
    g_assert_cmpstr (name, ==, new_name_kk);
    /* Each step names who took it: the signed-in users. */
    {
      g_autofree char *who = ws_server_events (&server, application);
      g_autofree char *who_change = ws_server_events (&server, change);
      g_autofree char *who_notice = ws_server_events (&server, notice);

      g_assert_cmpstr (who, ==, "send:admin.almaty accredit:authorized");
      g_assert_cmpstr (who_change, ==, "send:admin.almaty apply:authorized");
      g_assert_cmpstr (who_notice, ==, "send:admin.almaty apply:authorized");
    }
    g_assert_cmpuint (history->len, ==, 3);
    for (guint i = 0; i < history->len; i++)
      {
        const char *id = json_object_get_string_member (g_ptr_array_index (history, i), "id");
        g_autofree char *kind = ws_server_field (&server, id, "kind");
        const char *kinds[] = { "included", "changed", "excluded" };

        g_assert_cmpstr (kind, ==, kinds[i]);
      }
  }
  ws_clear (&authorized);
}

static void
test_channel_round_trip (void)
{
  ws_server_start (&server);
  ws_run_app (server.url, "admin.almaty", body, NULL);
  awp_test_server_stop (&server);
}

int
main (int argc, char *argv[])
{
  awp_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/training/channels/application-to-exclusion", test_channel_round_trip);
  return g_test_run ();
}
