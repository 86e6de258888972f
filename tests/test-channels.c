#include "config.h"

#include <string.h>

#include "awp-accreditation.h"
#include "awp-audit.h"
#include "awp-calendar.h"
#include "awp-channel-request.h"
#include "awp-efficiency-report.h"
#include "awp-protocol.h"
#include "awp-registry.h"
#include "awp-test-store.h"
#include "awp-text-diff.h"

/* Communication channels (Order 93) and efficiency reports (Order 118)
 * through the real store: the Annex 1 fields, the life cycle from the
 * application to the exclusion with the Registry's history, the deadlines
 * over real holidays, refusals that change nothing, and the Registry in
 * Kazakh and Russian. */

#define VALID_APPLICATION \
  "{\"to_body\":\"Министерство информации и общественного развития РК\"," \
  "\"from_body_kk\":\"Абай облысының әкімдігі\",\"from_body_ru\":\"Акимат области Абай\"," \
  "\"channel_name_kk\":\"«Әкіммен тікелей байланыс» қоғамдық қабылдау бөлмесі\"," \
  "\"channel_name_ru\":\"Общественная приемная «Прямая связь с акимом»\"," \
  "\"instruction\":\"\",\"regulating_act\":\"Постановление акимата № 12\"," \
  "\"purpose\":\"Прием обращений жителей области\",\"coverage\":\"regional\",\"format\":\"hybrid\"," \
  "\"resources\":\"Два сотрудника, помещение, телефонная линия\"," \
  "\"justification\":\"Опрос жителей 2025 года\",\"other_info\":\"\"," \
  "\"attachments\":[\"Положение о приемной\"],\"signer\":\"Сейітқали Ә. Б.\",\"signed_on\":\"2026-03-17\"}"

#define ACTOR "user-1"

typedef struct
{
  StoreFixture store;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  store_fixture_setup (&f->store, data);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  store_fixture_teardown (&f->store, data);
}

static GDate
day (const char *iso)
{
  GDate d;

  g_assert_true (awp_calendar_parse_date (iso, "test", &d, NULL));
  return d;
}

static JsonObject *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
data_of (AwpStore *store, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = awp_store_get_record (store, id, &error);

  g_assert_no_error (error);
  return json_object_ref (json_object_get_object_member (record, "data"));
}

static gint64
version_of (AwpStore *store, const char *id)
{
  g_autoptr(JsonObject) record = awp_store_get_record (store, id, NULL);

  return json_object_get_int_member (record, "version");
}

static const char *
str (JsonObject *o, const char *member)
{
  return json_object_get_string_member_with_default (o, member, "");
}

static gboolean
has_issue (GPtrArray *issues, const char *field, const char *words)
{
  for (guint i = 0; i < issues->len; i++)
    {
      AwpFieldError *e = g_ptr_array_index (issues, i);

      if (g_str_equal (e->field, field) && (words == NULL || strstr (e->message, words) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* An application sent on @received and reviewed with every criterion met. */
static char *
sent_application (AwpStore *store, const char *received)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = parse (VALID_APPLICATION);
  g_autofree char *id = awp_accreditation_create (store, data, ACTOR, &error);
  GDate d = day (received);

  g_assert_no_error (error);
  g_assert_true (awp_accreditation_send (store, id, &d, ACTOR, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&id);
}

static void
review_all (AwpStore *store, const char *id)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; awp_accreditation_criteria[i] != NULL; i++)
    {
      g_assert_true (awp_accreditation_review (store, id, awp_accreditation_criteria[i], TRUE,
                                               "Проверено", "authority-1", &error));
      g_assert_no_error (error);
    }
}

/* Annex 1: every required field is named when missing; choices, Latin
 * look-alikes and a signature from the future are caught. */
static void
test_application_fields (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(JsonObject) valid = parse (VALID_APPLICATION);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) none = NULL;
  GDate today = day ("2026-03-18");
  const char *required[] = { "to_body", "from_body_kk", "from_body_ru", "channel_name_kk", "channel_name_ru",
                             "purpose", "coverage", "format", "resources", "justification", "signer", "signed_on" };

  issues = awp_accreditation_validate (empty, &today);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_test_message ("required: %s", required[i]);
      g_assert_true (has_issue (issues, required[i], awp_accreditation_field_label (required[i])));
    }
  /* Items 1, 2 and other information are "if any". */
  g_assert_false (has_issue (issues, "instruction", NULL));
  g_assert_false (has_issue (issues, "regulating_act", NULL));
  g_assert_false (has_issue (issues, "other_info", NULL));
  g_assert_cmpuint (issues->len, ==, G_N_ELEMENTS (required));

  none = awp_accreditation_validate (valid, &today);
  g_assert_cmpuint (none->len, ==, 0);

  g_clear_pointer (&issues, g_ptr_array_unref);
  json_object_set_string_member (valid, "coverage", "global");
  json_object_set_string_member (valid, "format", "");
  /* Latin "a" and "o" inside a Kazakh word. */
  json_object_set_string_member (valid, "channel_name_kk", "Қоғамдық қабылдаy бөлмесi");
  json_object_set_string_member (valid, "signed_on", "2026-03-19");
  issues = awp_accreditation_validate (valid, &today);
  g_assert_true (has_issue (issues, "coverage", "global"));
  g_assert_true (has_issue (issues, "format", NULL));
  g_assert_true (has_issue (issues, "channel_name_kk", NULL));
  g_assert_true (has_issue (issues, "signed_on", NULL));
  g_assert_cmpuint (issues->len, ==, 4);
}

/* A draft that fails validation is not sent, and nothing of it changes. */
static void
test_send_invalid_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) draft = parse (VALID_APPLICATION);
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) after = NULL;
  GDate d = day ("2026-03-18");
  gint64 version;

  json_object_remove_member (draft, "purpose");
  id = awp_accreditation_create (f->store.store, draft, ACTOR, &error);
  g_assert_no_error (error);
  version = version_of (f->store.store, id);
  g_assert_false (awp_accreditation_send (f->store.store, id, &d, ACTOR, &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, awp_accreditation_field_label ("purpose")));
  g_assert_cmpint (version_of (f->store.store, id), ==, version);
  after = data_of (f->store.store, id);
  g_assert_cmpstr (str (after, "status"), ==, "draft");
  g_assert_false (json_object_has_member (after, "due_on"));
}

/* O93-5 and O93-6 over Nauryz 2026 (21-25 March off): received Wednesday
 * 18.03, the decision is due 02.04; decided 20.03, the notice 27.03. */
static void
test_decision_deadlines (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = sent_application (f->store.store, "2026-03-18");
  g_autoptr(JsonObject) sent = data_of (f->store.store, id);
  g_autoptr(JsonObject) decided = NULL;
  GDate d = day ("2026-03-20");

  g_assert_cmpstr (str (sent, "status"), ==, "sent");
  g_assert_cmpstr (str (sent, "received_on"), ==, "2026-03-18");
  g_assert_cmpstr (str (sent, "due_on"), ==, "2026-04-02");
  g_assert_cmpstr (str (json_object_get_object_member (sent, "deadlines"), "decide_by"), ==, "2026-04-02");
  /* Sent documents are no longer edited. */
  {
    g_autoptr(JsonObject) change = json_object_new ();

    json_object_set_string_member (change, "purpose", "Другое");
    g_assert_false (awp_accreditation_save (f->store.store, id, change, ACTOR, &error));
    g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
    g_clear_error (&error);
  }

  review_all (f->store.store, id);
  g_assert_true (awp_accreditation_decide (f->store.store, id, TRUE, NULL, &d, "authority-1", &error));
  g_assert_no_error (error);
  decided = data_of (f->store.store, id);
  g_assert_cmpstr (str (decided, "status"), ==, "accredited");
  g_assert_cmpstr (str (decided, "decided_on"), ==, "2026-03-20");
  g_assert_cmpstr (str (decided, "due_on"), ==, "2026-03-27");
  g_assert_cmpstr (str (json_object_get_object_member (decided, "deadlines"), "notify_by"), ==, "2026-03-27");
  d = day ("2026-03-26");
  g_assert_true (awp_accreditation_mark_notified (f->store.store, id, &d, "authority-1", &error));
  g_assert_no_error (error);
  g_clear_pointer (&decided, json_object_unref);
  decided = data_of (f->store.store, id);
  g_assert_cmpstr (str (decided, "notified_on"), ==, "2026-03-26");
}

static const char *
cell_of (GPtrArray *cells, guint i)
{
  return g_ptr_array_index (cells, i);
}

static GPtrArray *
registry_row (AwpStore *store, const char *channel_id, const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = awp_store_get_record (store, channel_id, &error);
  g_autoptr(GPtrArray) history = awp_registry_history (store, channel_id, &error);
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint c = 0; c < AWP_REGISTRY_COLUMNS; c++)
    g_ptr_array_add (cells, awp_registry_cell (record, history, c, lang));
  return cells;
}

/* The whole life: apply → accredit → Registry entry → change request →
 * applied → termination → excluded, each step's deadline over real
 * holidays, and the entry's history in Kazakh and Russian. */
static void
test_lifecycle (Fixture *f, gconstpointer data)
{
  AwpStore *store = f->store.store;
  g_autoptr(GError) error = NULL;
  g_autofree char *app = sent_application (store, "2026-03-18");
  g_autoptr(JsonObject) decided = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonObject) notice = json_object_new ();
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(JsonObject) cr = NULL;
  g_autofree char *cr_id = NULL;
  g_autofree char *tn_id = NULL;
  const char *channel;
  GDate d = day ("2026-03-20");

  review_all (store, app);
  g_assert_true (awp_accreditation_decide (store, app, TRUE, NULL, &d, "authority-1", &error));
  g_assert_no_error (error);
  decided = data_of (store, app);
  channel = str (decided, "channel_id");
  g_assert_cmpstr (channel, !=, "");

  entries = awp_registry_search (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = data_of (store, channel);
  /* The number is the server's (docs/sync.md "Groups"): none until a sync. */
  g_assert_cmpstr (str (entry, "number"), ==, "");
  g_assert_true (awp_registry_is_provisional (entry));
  g_assert_cmpstr (str (entry, "included_on"), ==, "2026-03-20");
  g_assert_cmpstr (str (entry, "name_kk"), ==, "«Әкіммен тікелей байланыс» қоғамдық қабылдау бөлмесі");
  g_assert_cmpstr (str (entry, "owner_ru"), ==, "Акимат области Абай");
  g_assert_cmpstr (str (entry, "application_id"), ==, app);
  history = awp_registry_history (store, channel, &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (str (json_object_get_object_member (g_ptr_array_index (history, 0), "data"), "kind"), ==, "included");
  g_assert_cmpstr (str (json_object_get_object_member (g_ptr_array_index (history, 0), "data"), "norm"), ==, "O93-5");
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Annex 3: the Russian name changes; received Wednesday 06.05, with
   * 07.05 a holiday and 11.05 a day off: entered by 13.05 (O93-13). */
  json_object_set_string_member (request, "new_value", "Общественная приемная акима области Абай");
  json_object_set_string_member (request, "grounds", "Постановление акимата № 45 от 04.05.2026");
  json_object_set_string_member (request, "signer", "Сейітқали Ә. Б.");
  json_object_set_string_member (request, "signed_on", "2026-05-05");
  cr_id = awp_change_request_create (store, channel, "name_ru", request, ACTOR, &error);
  g_assert_no_error (error);
  cr = data_of (store, cr_id);
  g_assert_cmpstr (str (cr, "current_value"), ==, "Общественная приемная «Прямая связь с акимом»");
  d = day ("2026-05-06");
  g_assert_true (awp_change_request_send (store, cr_id, &d, ACTOR, &error));
  g_assert_no_error (error);
  g_clear_pointer (&cr, json_object_unref);
  cr = data_of (store, cr_id);
  g_assert_cmpstr (str (cr, "due_on"), ==, "2026-05-13");
  d = day ("2026-05-12");
  g_assert_true (awp_change_request_apply (store, cr_id, &d, "authority-1", &error));
  g_assert_no_error (error);
  g_clear_pointer (&entry, json_object_unref);
  entry = data_of (store, channel);
  g_assert_cmpstr (str (entry, "name_ru"), ==, "Общественная приемная акима области Абай");
  g_assert_cmpstr (str (entry, "included_on"), ==, "2026-03-20");
  g_clear_pointer (&cr, json_object_unref);
  cr = data_of (store, cr_id);
  g_assert_cmpstr (str (cr, "status"), ==, "applied");
  g_assert_cmpstr (str (cr, "applied_on"), ==, "2026-05-12");

  /* O93-12: the notice; received Friday 23.10, with 26.10 a day off: the
   * exclusion is due 29.10. */
  json_object_set_string_member (notice, "text", "Работа приемной прекращается с 01.11.2026");
  json_object_set_string_member (notice, "signer", "Сейітқали Ә. Б.");
  json_object_set_string_member (notice, "signed_on", "2026-10-22");
  tn_id = awp_termination_create (store, channel, notice, ACTOR, &error);
  g_assert_no_error (error);
  d = day ("2026-10-23");
  g_assert_true (awp_termination_send (store, tn_id, &d, ACTOR, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JsonObject) tn = data_of (store, tn_id);

    g_assert_cmpstr (str (tn, "due_on"), ==, "2026-10-29");
  }
  d = day ("2026-10-27");
  g_assert_true (awp_termination_apply (store, tn_id, &d, "authority-1", &error));
  g_assert_no_error (error);
  g_clear_pointer (&entry, json_object_unref);
  entry = data_of (store, channel);
  g_assert_cmpstr (str (entry, "excluded_on"), ==, "2026-10-27");

  /* The history: included, changed, excluded, each with its norm. */
  history = awp_registry_history (store, channel, &error);
  g_assert_cmpuint (history->len, ==, 3);
  {
    const char *kinds[] = { "included", "changed", "excluded" };
    const char *norms[] = { "O93-5", "O93-13", "O93-13" };

    for (guint i = 0; i < 3; i++)
      {
        JsonObject *h = json_object_get_object_member (g_ptr_array_index (history, i), "data");

        g_assert_cmpstr (str (h, "kind"), ==, kinds[i]);
        g_assert_cmpstr (str (h, "norm"), ==, norms[i]);
      }
  }
  {
    g_autoptr(GPtrArray) ru = registry_row (store, channel, "ru");
    g_autoptr(GPtrArray) kk = registry_row (store, channel, "kk");

    g_assert_cmpstr (cell_of (ru, 0), ==, "— (номер ожидается)");
    g_assert_cmpstr (cell_of (kk, 0), ==, "— (нөмірі күтілуде)");
    g_assert_cmpstr (cell_of (ru, 1), ==, "Общественная приемная акима области Абай");
    g_assert_cmpstr (cell_of (kk, 1), ==, "«Әкіммен тікелей байланыс» қоғамдық қабылдау бөлмесі");
    g_assert_cmpstr (cell_of (kk, 2), ==, "Абай облысының әкімдігі");
    g_assert_cmpstr (cell_of (ru, 3), ==, "20.03.2026");
    g_assert_nonnull (strstr (cell_of (ru, 4), "12.05.2026 — Наименование канала (на русском языке): "
                                               "«Общественная приемная «Прямая связь с акимом»» → "
                                               "«Общественная приемная акима области Абай»"));
    g_assert_nonnull (strstr (cell_of (ru, 4), "основание: Постановление акимата № 45"));
    g_assert_nonnull (strstr (cell_of (kk, 4), "Арнаның атауы (орыс тілінде)"));
    g_assert_nonnull (strstr (cell_of (kk, 4), "негіздеме:"));
    g_assert_nonnull (strstr (cell_of (ru, 5), "27.10.2026 — исключен из Реестра"));
    g_assert_nonnull (strstr (cell_of (kk, 5), "27.10.2026 — тізілімнен шығарылды"));
  }

  /* The audit log has each step with its norm, and its chain is intact. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *q = NULL;
    GString *steps = g_string_new (NULL);
    gint64 n = 0, broken = 0;

    g_assert_cmpint (sqlite3_open (f->store.path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT action, norm FROM audit WHERE norm IS NOT NULL ORDER BY id",
                                         -1, &q, NULL), ==, SQLITE_OK);
    while (sqlite3_step (q) == SQLITE_ROW)
      g_string_append_printf (steps, "%s %s;", sqlite3_column_text (q, 0), sqlite3_column_text (q, 1));
    sqlite3_finalize (q);
    sqlite3_close (db);
    g_assert_cmpstr (steps->str, ==, "send O93-3;accredit O93-5;send O93-11;apply O93-13;send O93-12;apply O93-13;");
    g_string_free (steps, TRUE);
    g_assert_true (awp_audit_verify (store, &n, &broken, &error));
    g_assert_no_error (error);
    g_assert_cmpint (broken, ==, 0);
  }

  /* An excluded channel takes no more requests. */
  g_assert_null (awp_change_request_create (store, channel, "name_kk", request, ACTOR, &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (awp_termination_create (store, channel, notice, ACTOR, &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
}

/* Refusals and failed decisions leave the Registry as it was. */
static void
test_refusals_change_nothing (Fixture *f, gconstpointer data)
{
  AwpStore *store = f->store.store;
  g_autoptr(GError) error = NULL;
  g_autofree char *app = sent_application (store, "2026-03-18");
  g_autofree char *app2 = NULL;
  g_autoptr(JsonObject) refused = NULL;
  GDate d = day ("2026-03-19");

  /* No accreditation until all three O93-4 criteria are met. */
  g_assert_true (awp_accreditation_review (store, app, "no_duplication", TRUE, "", "authority-1", &error));
  g_assert_true (awp_accreditation_review (store, app, "regulated_procedure", FALSE,
                                           "Нет утвержденного порядка", "authority-1", &error));
  g_assert_no_error (error);
  g_assert_false (awp_accreditation_decide (store, app, TRUE, NULL, &d, "authority-1", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, awp_accreditation_criterion_title ("regulated_procedure")));
  g_clear_error (&error);
  g_assert_cmpint (awp_store_count (store, "channel", NULL), ==, 0);

  /* A refusal needs its reasons. */
  g_assert_false (awp_accreditation_decide (store, app, FALSE, "  ", &d, "authority-1", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (awp_accreditation_decide (store, app, FALSE, "Порядок работы не регламентирован", &d,
                                           "authority-1", &error));
  g_assert_no_error (error);
  refused = data_of (store, app);
  g_assert_cmpstr (str (refused, "status"), ==, "refused");
  g_assert_cmpstr (str (refused, "due_on"), ==, "2026-03-26");  /* O93-6 over Nauryz */
  g_assert_cmpint (awp_store_count (store, "channel", NULL), ==, 0);
  g_assert_cmpint (awp_store_count (store, "channel_history", NULL), ==, 0);
  /* A decided application is decided once. */
  g_assert_false (awp_accreditation_decide (store, app, TRUE, NULL, &d, "authority-1", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* A refused change request leaves the entry and its history alone. */
  app2 = sent_application (store, "2026-03-18");
  review_all (store, app2);
  g_assert_true (awp_accreditation_decide (store, app2, TRUE, NULL, &d, "authority-1", &error));
  {
    g_autoptr(JsonObject) decided = data_of (store, app2);
    const char *channel = str (decided, "channel_id");
    g_autoptr(JsonObject) request = json_object_new ();
    g_autoptr(JsonObject) before = data_of (store, channel);
    g_autoptr(JsonObject) after = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;
    GDate sent = day ("2026-04-01");

    json_object_set_string_member (request, "new_value", "Абай облысы әкімінің қабылдау бөлмесі");
    json_object_set_string_member (request, "grounds", "Атауы өзгерді");
    json_object_set_string_member (request, "signer", "Сейітқали Ә. Б.");
    json_object_set_string_member (request, "signed_on", "2026-04-01");
    first = awp_change_request_create (store, channel, "name_kk", request, ACTOR, &error);
    second = awp_change_request_create (store, channel, "name_kk", request, ACTOR, &error);
    g_assert_no_error (error);
    g_assert_true (awp_change_request_send (store, first, &sent, ACTOR, &error));
    g_assert_true (awp_change_request_send (store, second, &sent, ACTOR, &error));
    g_assert_no_error (error);
    g_assert_false (awp_change_request_refuse (store, first, "", &sent, "authority-1", &error));
    g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (awp_change_request_refuse (store, first, "Нет оснований", &sent, "authority-1", &error));
    g_assert_no_error (error);
    after = data_of (store, channel);
    g_assert_true (json_object_equal (before, after));
    g_assert_cmpint (awp_store_count (store, "channel_history", NULL), ==, 1);

    /* The other request is applied; the refused one stays refused. */
    g_assert_true (awp_change_request_apply (store, second, &sent, "authority-1", &error));
    g_assert_no_error (error);
    g_assert_false (awp_change_request_apply (store, first, &sent, "authority-1", &error));
    g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
    g_clear_error (&error);
    g_assert_cmpint (awp_store_count (store, "channel_history", NULL), ==, 2);
  }
}

/* A stale change request (the entry changed since it was written) is not
 * applied. */
static void
test_stale_change (Fixture *f, gconstpointer data)
{
  AwpStore *store = f->store.store;
  g_autoptr(GError) error = NULL;
  g_autofree char *app = sent_application (store, "2026-03-18");
  g_autoptr(JsonObject) decided = NULL;
  g_autoptr(JsonObject) request = json_object_new ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *channel;
  GDate d = day ("2026-04-01");

  review_all (store, app);
  g_assert_true (awp_accreditation_decide (store, app, TRUE, NULL, &d, "authority-1", &error));
  decided = data_of (store, app);
  channel = str (decided, "channel_id");
  json_object_set_string_member (request, "grounds", "Реорганизация");
  json_object_set_string_member (request, "signer", "Сейітқали Ә. Б.");
  json_object_set_string_member (request, "signed_on", "2026-04-01");
  json_object_set_string_member (request, "new_value", "Акимат области Абай (реорганизован)");
  a = awp_change_request_create (store, channel, "owner_ru", request, ACTOR, &error);
  json_object_set_string_member (request, "new_value", "Аппарат акима области Абай");
  b = awp_change_request_create (store, channel, "owner_ru", request, ACTOR, &error);
  g_assert_no_error (error);
  g_assert_true (awp_change_request_send (store, a, &d, ACTOR, &error));
  g_assert_true (awp_change_request_send (store, b, &d, ACTOR, &error));
  g_assert_true (awp_change_request_apply (store, a, &d, "authority-1", &error));
  g_assert_no_error (error);
  g_assert_false (awp_change_request_apply (store, b, &d, "authority-1", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Акимат области Абай (реорганизован)"));
  {
    g_autoptr(JsonObject) entry = data_of (store, channel);
    g_autoptr(JsonObject) still = data_of (store, b);

    g_assert_cmpstr (str (entry, "owner_ru"), ==, "Акимат области Абай (реорганизован)");
    g_assert_cmpstr (str (still, "status"), ==, "sent");
  }
}

/* Accrediting and entering the Registry are one transaction: when the
 * decision cannot be written, no entry is left behind; likewise a change or
 * an exclusion leaves the entry as it was when its request cannot close. */
static void
test_accredit_is_one_transaction (Fixture *f, gconstpointer data)
{
  AwpStore *store = f->store.store;
  g_autoptr(GError) error = NULL;
  g_autofree char *app = sent_application (store, "2026-03-18");
  g_autoptr(JsonObject) after = NULL;
  GDate d = day ("2026-03-20");
  gint64 version;

  review_all (store, app);
  version = version_of (store, app);
  raw_exec (f->store.path,
            "CREATE TRIGGER no_accredit BEFORE UPDATE ON record"
            " WHEN NEW.status = 'accredited' BEGIN SELECT RAISE (ABORT, 'refused by test'); END");
  g_assert_false (awp_accreditation_decide (store, app, TRUE, NULL, &d, "authority-1", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (awp_store_count (store, "channel", NULL), ==, 0);
  g_assert_cmpint (awp_store_count (store, "channel_history", NULL), ==, 0);
  g_assert_cmpint (version_of (store, app), ==, version);
  after = data_of (store, app);
  g_assert_cmpstr (str (after, "status"), ==, "sent");

  raw_exec (f->store.path, "DROP TRIGGER no_accredit");
  g_assert_true (awp_accreditation_decide (store, app, TRUE, NULL, &d, "authority-1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (awp_store_count (store, "channel", NULL), ==, 1);

  /* The same for entering a change and an exclusion. */
  {
    g_autoptr(JsonObject) decided = data_of (store, app);
    g_autofree char *channel = g_strdup (str (decided, "channel_id"));
    g_autoptr(JsonObject) request = json_object_new ();
    g_autoptr(JsonObject) notice = json_object_new ();
    g_autoptr(JsonObject) before = data_of (store, channel);
    g_autoptr(JsonObject) entry_after = NULL;
    g_autofree char *cr = NULL;
    g_autofree char *tn = NULL;

    json_object_set_string_member (request, "new_value", "Приемная акима");
    json_object_set_string_member (request, "grounds", "Постановление № 45");
    json_object_set_string_member (request, "signer", "Сейітқали Ә. Б.");
    json_object_set_string_member (request, "signed_on", "2026-03-20");
    cr = awp_change_request_create (store, channel, "name_ru", request, ACTOR, &error);
    json_object_set_string_member (notice, "text", "Прекращение работы");
    json_object_set_string_member (notice, "signer", "Сейітқали Ә. Б.");
    json_object_set_string_member (notice, "signed_on", "2026-03-20");
    tn = awp_termination_create (store, channel, notice, ACTOR, &error);
    g_assert_no_error (error);
    g_assert_true (awp_change_request_send (store, cr, &d, ACTOR, &error));
    g_assert_true (awp_termination_send (store, tn, &d, ACTOR, &error));
    g_assert_no_error (error);
    raw_exec (f->store.path,
              "CREATE TRIGGER no_apply BEFORE UPDATE ON record"
              " WHEN NEW.status = 'applied' BEGIN SELECT RAISE (ABORT, 'refused by test'); END");
    g_assert_false (awp_change_request_apply (store, cr, &d, "authority-1", &error));
    g_clear_error (&error);
    g_assert_false (awp_termination_apply (store, tn, &d, "authority-1", &error));
    g_clear_error (&error);
    entry_after = data_of (store, channel);
    g_assert_true (json_object_equal (before, entry_after));
    g_assert_cmpint (awp_store_count (store, "channel_history", NULL), ==, 1);
    raw_exec (f->store.path, "DROP TRIGGER no_apply");
  }
}

/* Search folds case and Kazakh letters; the CSV has the Annex 2 headings
 * in the language asked and quotes what needs quoting. */
static void
test_search_and_csv (Fixture *f, gconstpointer data)
{
  AwpStore *store = f->store.store;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = sent_application (store, "2026-03-18");
  g_autofree char *csv_ru = NULL;
  g_autofree char *csv_kk = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GDate d = day ("2026-03-20");

  review_all (store, a);
  g_assert_true (awp_accreditation_decide (store, a, TRUE, NULL, &d, "authority-1", &error));
  g_assert_no_error (error);

  hits = awp_registry_search (store, "ТІКЕЛЕЙ БАЙЛАНЫС", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = awp_registry_search (store, "абай приемная", &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = awp_registry_search (store, "Алматы", &error);
  g_assert_cmpuint (hits->len, ==, 0);

  csv_ru = awp_registry_to_csv (store, "ru", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv_ru, "№,Наименование канала коммуникаций,"
                                           "\"Наименование центрального государственного или местного исполнительного органа, "
                                           "в ведении которого находится канал коммуникаций\","));
  g_assert_nonnull (strstr (csv_ru, "\r\n— (номер ожидается),Общественная приемная «Прямая связь с акимом»,Акимат области Абай,20.03.2026,,\r\n"));
  csv_kk = awp_registry_to_csv (store, "kk", &error);
  g_assert_true (g_str_has_prefix (csv_kk, "№,Коммуникация арнасының атауы,"));
  g_assert_nonnull (strstr (csv_kk, "\r\n— (нөмірі күтілуде),«Әкіммен тікелей байланыс» қоғамдық қабылдау бөлмесі,Абай облысының әкімдігі,20.03.2026,,\r\n"));
}

static void
test_diff (void)
{
  g_autoptr(GPtrArray) spans = awp_text_diff ("Общественная приемная «Прямая связь с акимом»",
                                              "Общественная приемная акима области Абай");
  GString *old_side = g_string_new (NULL);
  GString *new_side = g_string_new (NULL);
  gboolean removed = FALSE, added = FALSE;

  for (guint i = 0; i < spans->len; i++)
    {
      AwpDiffSpan *s = g_ptr_array_index (spans, i);

      if (s->kind != AWP_DIFF_ADDED)
        g_string_append (old_side, s->text);
      if (s->kind != AWP_DIFF_REMOVED)
        g_string_append (new_side, s->text);
      removed |= s->kind == AWP_DIFF_REMOVED && strstr (s->text, "«Прямая") != NULL;
      added |= s->kind == AWP_DIFF_ADDED && strstr (s->text, "Абай") != NULL;
    }
  /* Both texts are rebuilt exactly from their sides. */
  g_assert_cmpstr (old_side->str, ==, "Общественная приемная «Прямая связь с акимом»");
  g_assert_cmpstr (new_side->str, ==, "Общественная приемная акима области Абай");
  g_assert_true (removed && added);
  g_assert_cmpint (((AwpDiffSpan *) g_ptr_array_index (spans, 0))->kind, ==, AWP_DIFF_SAME);
  g_assert_cmpstr (((AwpDiffSpan *) g_ptr_array_index (spans, 0))->text, ==, "Общественная приемная ");
  g_string_free (old_side, TRUE);
  g_string_free (new_side, TRUE);

  g_clear_pointer (&spans, g_ptr_array_unref);
  spans = awp_text_diff ("", "жаңа");
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpint (((AwpDiffSpan *) g_ptr_array_index (spans, 0))->kind, ==, AWP_DIFF_ADDED);
}

/* O118-4/5: due 1 March of the next year, moved to the next working day
 * (1 March 2026 is a Sunday); O118-6: no request without the confirmation. */
static void
test_efficiency_reports (Fixture *f, gconstpointer data)
{
  AwpStore *store = f->store.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) central = parse ("{\"body_kind\":\"central\",\"body_kk\":\"Қаржы министрлігі\","
                                         "\"body_ru\":\"Министерство финансов\",\"year\":2025,"
                                         "\"title\":\"Отчет о реализации плана развития за 2025 год\"}");
  g_autoptr(JsonObject) local = parse ("{\"body_kind\":\"local\",\"body_kk\":\"Абай облысының әкімдігі\","
                                       "\"body_ru\":\"Акимат области Абай\",\"year\":2026,\"title\":\"Отчет\"}");
  g_autoptr(JsonObject) bad = parse ("{\"body_kind\":\"federal\",\"body_kk\":\"\",\"body_ru\":\"X\",\"year\":1990}");
  g_autoptr(JsonObject) r = NULL;
  g_autofree char *c_id = NULL;
  g_autofree char *l_id = NULL;
  GDate d;

  c_id = awp_efficiency_report_create (store, central, ACTOR, &error);
  g_assert_no_error (error);
  l_id = awp_efficiency_report_create (store, local, ACTOR, &error);
  g_assert_no_error (error);
  r = data_of (store, c_id);
  g_assert_cmpstr (str (r, "due_on"), ==, "2026-03-02");
  g_clear_pointer (&r, json_object_unref);
  r = data_of (store, l_id);
  g_assert_cmpstr (str (r, "due_on"), ==, "2027-03-01");
  g_clear_pointer (&r, json_object_unref);

  /* One report per body and year. */
  g_assert_null (awp_efficiency_report_create (store, central, ACTOR, &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (awp_efficiency_report_create (store, bad, ACTOR, &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (awp_store_count (store, "efficiency_report", NULL), ==, 2);

  /* Without the document and the confirmation, nothing is requested. */
  d = day ("2026-02-20");
  g_assert_false (awp_efficiency_report_request (store, c_id, &d, ACTOR, &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(JsonObject) changes = parse ("{\"document\":\"Отчет-2025.pdf\"}");

    g_assert_true (awp_efficiency_report_save (store, c_id, changes, ACTOR, &error));
    g_assert_no_error (error);
  }
  g_assert_false (awp_efficiency_report_request (store, c_id, &d, ACTOR, &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "O118-6"));
  g_clear_error (&error);
  r = data_of (store, c_id);
  g_assert_cmpstr (str (r, "status"), ==, "draft");
  g_clear_pointer (&r, json_object_unref);
  {
    g_autoptr(JsonObject) changes = parse ("{\"no_restricted_info\":true}");

    g_assert_true (awp_efficiency_report_save (store, c_id, changes, ACTOR, &error));
  }
  g_assert_true (awp_efficiency_report_request (store, c_id, &d, ACTOR, &error));
  g_assert_no_error (error);
  r = data_of (store, c_id);
  g_assert_cmpstr (str (r, "status"), ==, "requested");
  g_assert_false (json_object_get_boolean_member (r, "late"));
  g_clear_pointer (&r, json_object_unref);

  g_assert_false (awp_efficiency_report_publish (store, c_id, "portal/report", &d, ACTOR, &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  d = day ("2026-02-25");
  g_assert_true (awp_efficiency_report_publish (store, c_id, "https://budget.egov.kz/reports/2025/minfin", &d,
                                                ACTOR, &error));
  g_assert_no_error (error);
  r = data_of (store, c_id);
  g_assert_cmpstr (str (r, "status"), ==, "published");
  g_assert_cmpstr (str (r, "link"), ==, "https://budget.egov.kz/reports/2025/minfin");
  g_clear_pointer (&r, json_object_unref);

  /* Requested after the due date: marked late. */
  {
    g_autoptr(JsonObject) changes = parse ("{\"document\":\"Отчет.pdf\",\"no_restricted_info\":true}");

    g_assert_true (awp_efficiency_report_save (store, l_id, changes, ACTOR, &error));
  }
  d = day ("2027-03-02");
  g_assert_true (awp_efficiency_report_request (store, l_id, &d, ACTOR, &error));
  g_assert_no_error (error);
  r = data_of (store, l_id);
  g_assert_true (json_object_get_boolean_member (r, "late"));
}

/* A history line in the Registry's two languages (O93-9, O93-10). */
static void
test_history_title (void)
{
  g_autoptr(JsonObject) included = json_obj ("{\"kind\":\"included\",\"on\":\"2026-03-18\",\"norm\":\"O93-5\"}");
  g_autoptr(JsonObject) changed = json_obj ("{\"kind\":\"changed\",\"on\":\"2026-05-07\",\"norm\":\"O93-13\"}");
  g_autoptr(JsonObject) excluded = json_obj ("{\"kind\":\"excluded\",\"on\":\"2026-10-26\"}");
  struct { JsonObject *line; const char *lang; const char *want; } cases[] = {
    { included, "kk", "18.03.2026 — тізілімге енгізілді (O93-5)" },
    { included, "ru", "18.03.2026 — включен в Реестр (O93-5)" },
    { changed, "kk", "07.05.2026 — өзгерістер енгізілді (O93-13)" },
    { changed, "ru", "07.05.2026 — внесены изменения (O93-13)" },
    { excluded, "kk", "26.10.2026 — тізілімнен шығарылды" },
    { excluded, "ru", "26.10.2026 — исключен из Реестра" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = awp_registry_history_title (cases[i].line, cases[i].lang);

      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "en", TRUE);

#define T(path, fn) g_test_add ("/channels/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  T ("application-fields", test_application_fields);
  T ("send-invalid-changes-nothing", test_send_invalid_changes_nothing);
  T ("decision-deadlines", test_decision_deadlines);
  T ("lifecycle", test_lifecycle);
  T ("refusals-change-nothing", test_refusals_change_nothing);
  T ("stale-change", test_stale_change);
  T ("accredit-is-one-transaction", test_accredit_is_one_transaction);
  T ("search-and-csv", test_search_and_csv);
  T ("efficiency-reports", test_efficiency_reports);
#undef T
  g_test_add_func ("/channels/diff", test_diff);
  g_test_add_func ("/channels/history-title", test_history_title);
  return g_test_run ();
}
