#include "config.h"

#include <locale.h>
#include <string.h>

#include "awp-audit.h"
#include "awp-meeting-store.h"
#include "awp-outbox.h"
#include "awp-test-store.h"

/* Meetings in the real store (a SQLite file per test): save, announce on
 * time or late, registrations up to capacity with a waiting list, a CSV
 * import, broadcast comments that block results until answered, results,
 * and the emergency switch to online. Today is fixed (AWP_TODAY). */

#define ACTOR "secretary-1"

static JsonObject *
meeting_data (const char *date, const char *format, const char *region, gint64 capacity)
{
  g_autofree char *text = g_strdup_printf ("{"
    "\"org_id\": \"org-1\", \"region\": \"%s\","
    "\"body\": \"Қоғамдық кеңес\", \"title\": \"Жол жөндеу / Ремонт дорог\","
    "\"place\": \"Мәжіліс залы\", \"date\": \"%s\", \"time\": \"15:00\", \"format\": \"%s\","
    "\"languages\": [\"kk\", \"ru\"], \"agenda\": [\"Жол жөндеу жоспары\"],"
    "\"responsible\": {\"name\": \"Нұрланов Ерлан\", \"phone\": \"+7 701 111 22 33\", \"email\": \"e.nurlanov@gov.kz\"},"
    "\"capacity\": %" G_GINT64_FORMAT ", \"broadcast_url\": \"https://live.gov.kz/1\", \"closed\": false}",
    region, date, format, capacity);

  return json_obj (text);
}

static char *
save_meeting (StoreFixture *f, const char *date, const char *format, const char *region, gint64 capacity)
{
  g_autoptr(JsonObject) data = meeting_data (date, format, region, capacity);
  g_autoptr(GError) error = NULL;
  char *id = awp_meeting_save (f->store, NULL, data, ACTOR, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static JsonObject *
data_of (StoreFixture *f, const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = awp_store_get_record (f->store, id, &error);

  g_assert_no_error (error);
  return json_object_ref (json_object_get_object_member (record, "data"));
}

static char *
apply (StoreFixture *f, const char *meeting, const char *surname, const char *name, int year,
       const char *received, GError **error)
{
  g_autoptr(JsonObject) a = json_object_new ();

  json_object_set_string_member (a, "surname", surname);
  json_object_set_string_member (a, "name", name);
  json_object_set_int_member (a, "birth_year", year);
  json_object_set_string_member (a, "contact", "+7 705 000 00 01");
  json_object_set_string_member (a, "received_on", received);
  json_object_set_string_member (a, "channel", "paper");
  return awp_meeting_register (f->store, meeting, a, ACTOR, error);
}

static void
test_save_validates_and_fills_deadlines (StoreFixture *f, gconstpointer unused)
{
  g_autoptr(JsonObject) bad = meeting_data ("2026-03-12", "hybrid", "astana", 10);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GPtrArray) list = NULL;
  JsonObject *deadlines;
  char *none;

  /* Nothing half-saved: a bad field writes nothing at all. */
  json_object_set_string_member (bad, "broadcast_url", "");
  none = awp_meeting_save (f->store, NULL, bad, ACTOR, &error);
  g_assert_null (none);
  g_assert_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Broadcast link: "));
  g_assert_cmpint (awp_store_count (f->store, NULL, NULL), ==, 0);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM outbox"), ==, 0);
  g_clear_error (&error);

  id = save_meeting (f, "2026-03-12", "hybrid", "astana", 10);
  data = data_of (f, id);
  g_assert_cmpstr (json_object_get_string_member (data, "status"), ==, "planned");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "responsible"), "phone"),
                   ==, "+77011112233");
  deadlines = json_object_get_object_member (data, "deadlines");
  g_assert_cmpstr (json_object_get_string_member (deadlines, "announce_by"), ==, "2026-03-06");
  g_assert_cmpstr (json_object_get_string_member (deadlines, "register_by"), ==, "2026-03-10");
  g_assert_cmpstr (json_object_get_string_member (deadlines, "results_by"), ==, "2026-03-19");
  g_assert_cmpstr (json_object_get_string_member (data, "due_on"), ==, "2026-03-06");
  /* The queue column and the outbox see it. */
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM record WHERE type = 'meeting' AND due_on = '2026-03-06'"), ==, 1);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM outbox WHERE op = 'create'"), ==, 1);

  /* Moving the meeting moves its deadlines. */
  json_object_set_string_member (data, "date", "2026-03-26");
  g_free (awp_meeting_save (f->store, id, data, ACTOR, &error));
  g_assert_no_error (error);
  g_clear_pointer (&data, json_object_unref);
  data = data_of (f, id);
  deadlines = json_object_get_object_member (data, "deadlines");
  /* 23-25.03 are Nauryz days off: three working days before Thursday 26.03 are 20, 19 and 18.03. */
  g_assert_cmpstr (json_object_get_string_member (deadlines, "announce_by"), ==, "2026-03-18");

  list = awp_meeting_list (f->store, "org-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = awp_meeting_list (f->store, "org-2", &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_announce_on_time_and_late (StoreFixture *f, gconstpointer unused)
{
  g_autofree char *a = save_meeting (f, "2026-03-12", "offline", "astana", 10);
  g_autofree char *b = save_meeting (f, "2026-03-12", "offline", "astana", 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) da = NULL;
  g_autoptr(JsonObject) db = NULL;
  gboolean late = TRUE;
  GDate on;

  g_date_set_dmy (&on, 6, G_DATE_MARCH, 2026);
  g_assert_false (awp_meeting_announce (f->store, a, "not a link", &on, ACTOR, &late, &error));
  g_assert_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (awp_meeting_announce (f->store, a, "https://gov.kz/news/1", &on, ACTOR, &late, &error));
  g_assert_no_error (error);
  g_assert_false (late);
  g_date_set_dmy (&on, 10, G_DATE_MARCH, 2026);
  g_assert_true (awp_meeting_announce (f->store, b, "https://gov.kz/news/2", &on, ACTOR, &late, &error));
  g_assert_true (late);

  da = data_of (f, a);
  db = data_of (f, b);
  g_assert_cmpstr (json_object_get_string_member (da, "status"), ==, "announced");
  g_assert_false (json_object_get_boolean_member (da, "announcement_late"));
  g_assert_true (json_object_get_boolean_member (db, "announcement_late"));
  g_assert_cmpstr (json_object_get_string_member (db, "announced_on"), ==, "2026-03-10");
  /* Next thing due: the results. */
  g_assert_cmpstr (json_object_get_string_member (da, "due_on"), ==, "2026-03-19");
  /* The audit names the norm. */
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM audit WHERE action = 'announce' AND norm = 'O605-8'"), ==, 2);

  /* Announcing twice is not a silent no-op. */
  g_assert_false (awp_meeting_announce (f->store, a, "https://gov.kz/news/1", &on, ACTOR, NULL, &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
}

static void
test_registrations_capacity_and_waiting_list (StoreFixture *f, gconstpointer unused)
{
  g_autofree char *m = save_meeting (f, "2026-03-12", "offline", "astana", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwpSeatPlan) plan = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL, *r4 = NULL;
  char *none;

  /* Received after the O605-9 cutoff (10.03): kept, flagged, seated last. */
  r1 = apply (f, m, "Ахметова", "Дана", 1990, "2026-03-11", &error);
  g_assert_no_error (error);
  r2 = apply (f, m, "Бекетов", "Арман", 1985, "2026-03-02", &error);
  r3 = apply (f, m, "Жұмабаев", "Нұрсұлтан", 2001, "2026-03-10", &error);
  r4 = apply (f, m, "Иванова", "Ольга", 1970, "2026-03-03", &error);
  g_assert_no_error (error);

  none = apply (f, m, "ахметова", "ДАНА", 1990, "2026-03-04", &error);
  g_assert_null (none);
  g_assert_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already registered"));
  g_clear_error (&error);
  none = apply (f, m, "Сидоров", "Пётр", 1899, "2026-03-04", &error);
  g_assert_null (none);
  g_assert_true (g_str_has_prefix (error->message, "Year of birth"));
  g_clear_error (&error);
  none = apply (f, m, "", "Пётр", 1980, "2026-03-04", &error);
  g_assert_true (g_str_has_prefix (error->message, "Surname"));
  g_clear_error (&error);

  plan = awp_meeting_seat_plan (f->store, m, "org-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->capacity, ==, 2);
  g_assert_cmpuint (plan->n_late, ==, 1);
  g_assert_cmpuint (plan->seated->len, ==, 2);
  g_assert_cmpuint (plan->waiting->len, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (plan->seated->pdata[0], "id"), ==, r2);
  g_assert_cmpstr (json_object_get_string_member (plan->seated->pdata[1], "id"), ==, r4);
  g_assert_cmpstr (json_object_get_string_member (plan->waiting->pdata[0], "id"), ==, r3);
  g_assert_cmpstr (json_object_get_string_member (plan->waiting->pdata[1], "id"), ==, r1);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (plan->waiting->pdata[1], "data"), "late"));

  /* Personal data stays with the meeting's organization. */
  g_assert_null (awp_meeting_seat_plan (f->store, m, "org-2", &error));
  g_assert_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_FORBIDDEN);
}

static void
test_registrations_refused (StoreFixture *f, gconstpointer unused)
{
  g_autofree char *online = save_meeting (f, "2026-03-12", "online", "astana", 2);
  g_autoptr(JsonObject) closed_data = meeting_data ("2026-03-12", "offline", "astana", 5);
  g_autofree char *closed = NULL;
  g_autoptr(GError) error = NULL;
  char *none;

  none = apply (f, online, "Ахметова", "Дана", 1990, "2026-03-02", &error);
  g_assert_null (none);
  g_assert_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_ONLINE);
  g_clear_error (&error);

  json_object_set_boolean_member (closed_data, "closed", TRUE);
  json_object_set_string_member (closed_data, "closed_ground", "Құпия ақпарат");
  closed = awp_meeting_save (f->store, NULL, closed_data, ACTOR, &error);
  g_assert_no_error (error);
  none = apply (f, closed, "Ахметова", "Дана", 1990, "2026-03-02", &error);
  g_assert_null (none);
  g_assert_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_CLOSED);
}

static void
test_import (StoreFixture *f, gconstpointer unused)
{
  g_autofree char *m = save_meeting (f, "2026-03-12", "hybrid", "astana", 3);
  static const char csv[] =
    "Тегі;Аты;Әкесінің аты;Туған жылы;Байланыс;Түскен күні\n"
    "Ахметова;Дана;Серікқызы;1990;+7 701 123 45 67;02.03.2026\n"
    "Бекетов;Арман;;1985;arman@mail.kz;11.03.2026\n"
    "Ахметова;Дана;Серікқызы;1990;+7 701 123 45 67;03.03.2026\n"
    "Сидоров;;;19x0;;03.03.2026\n"
    "Омаров;Тимур;;2030;+7 702 000 00 00;03.03.2026\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(AwpRegistrationImport) import = NULL;
  g_autoptr(AwpSeatPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  int added;

  import = awp_registration_import_parse (bytes, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->n_valid, ==, 3);
  g_assert_cmpuint (import->n_duplicates, ==, 1);

  added = awp_meeting_import_registrations (f->store, m, import, ACTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, ==, 2);
  /* The same file again adds nobody. */
  added = awp_meeting_import_registrations (f->store, m, import, ACTOR, &error);
  g_assert_cmpint (added, ==, 0);

  plan = awp_meeting_seat_plan (f->store, m, NULL, &error);
  g_assert_cmpuint (plan->seated->len, ==, 2);
  g_assert_cmpuint (plan->n_late, ==, 1);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM record WHERE type = 'meeting_registration'"
                                       " AND json_extract (data, '$.channel') = 'import'"), ==, 2);
}

static void
test_comments_then_results (StoreFixture *f, gconstpointer unused)
{
  g_autofree char *m = save_meeting (f, "2026-03-12", "hybrid", "astana", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *c1 = NULL;
  g_autofree char *c2 = NULL;
  g_autoptr(JsonArray) attachments = json_array_new ();
  g_autoptr(JsonObject) attachment = json_object_new ();
  g_autoptr(JsonObject) data = NULL;
  gboolean late = TRUE;
  GDate on;

  g_date_set_dmy (&on, 5, G_DATE_MARCH, 2026);
  g_assert_true (awp_meeting_announce (f->store, m, "https://gov.kz/a", &on, ACTOR, NULL, &error));
  g_assert_true (awp_meeting_hold (f->store, m, ACTOR, &error));
  g_assert_no_error (error);

  c1 = awp_meeting_add_comment (f->store, m, "Асқар", "Трансляцияда дыбыс жоқ", ACTOR, &error);
  c2 = awp_meeting_add_comment (f->store, m, "Мария", "Когда начнётся ремонт?", ACTOR, &error);
  g_assert_no_error (error);
  g_assert_null (awp_meeting_add_comment (f->store, m, "Мария", "  ", ACTOR, &error));
  g_assert_true (g_str_has_prefix (error->message, "Comment"));
  g_clear_error (&error);
  g_assert_cmpint (awp_meeting_count_unanswered (f->store, m, NULL), ==, 2);
  g_assert_true (awp_meeting_answer_comment (f->store, c1, "Дыбыс қалпына келтірілді", ACTOR, &error));
  g_assert_cmpint (awp_meeting_count_unanswered (f->store, m, NULL), ==, 1);

  json_object_set_string_member (attachment, "kind", "minutes");
  json_object_set_string_member (attachment, "name", "хаттама.pdf");
  json_array_add_object_element (attachments, json_object_ref (attachment));

  g_date_set_dmy (&on, 19, G_DATE_MARCH, 2026);
  /* O605-13: results wait for every comment's answer. */
  g_assert_false (awp_meeting_publish_results (f->store, m, "Жоспар мақұлданды", attachments,
                                               "https://gov.kz/r", &on, ACTOR, &late, &error));
  g_assert_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_UNANSWERED);
  g_clear_error (&error);
  g_assert_false (awp_meeting_answer_comment (f->store, c2, "", ACTOR, &error));
  g_assert_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (awp_meeting_answer_comment (f->store, c2, "Сәуірде / В апреле", ACTOR, &error));

  g_assert_false (awp_meeting_publish_results (f->store, m, "", attachments, "https://gov.kz/r", &on, ACTOR, &late, &error));
  g_assert_true (g_str_has_prefix (error->message, "Decision"));
  g_clear_error (&error);
  g_assert_true (awp_meeting_publish_results (f->store, m, "Жоспар мақұлданды", attachments,
                                              "https://gov.kz/r", &on, ACTOR, &late, &error));
  g_assert_no_error (error);
  g_assert_false (late);
  data = data_of (f, m);
  g_assert_cmpstr (json_object_get_string_member (data, "status"), ==, "results_published");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "results"), "link"),
                   ==, "https://gov.kz/r");
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM audit WHERE norm = 'O605-14'"), ==, 1);
}

static void
test_results_late (StoreFixture *f, gconstpointer unused)
{
  g_autofree char *m = save_meeting (f, "2026-03-12", "offline", "astana", 3);
  g_autoptr(GError) error = NULL;
  gboolean late = FALSE;
  GDate on;

  g_date_set_dmy (&on, 5, G_DATE_MARCH, 2026);
  g_assert_true (awp_meeting_announce (f->store, m, "https://gov.kz/a", &on, ACTOR, NULL, &error));
  g_assert_true (awp_meeting_hold (f->store, m, ACTOR, &error));
  g_date_set_dmy (&on, 20, G_DATE_MARCH, 2026);
  g_assert_true (awp_meeting_publish_results (f->store, m, "Шешім", NULL, "https://gov.kz/r", &on, ACTOR, &late, &error));
  g_assert_no_error (error);
  g_assert_true (late);
}

static void
test_emergency (StoreFixture *f, gconstpointer unused)
{
  g_autofree char *in_offline = save_meeting (f, "2026-03-12", "offline", "astana", 5);
  g_autofree char *in_hybrid = save_meeting (f, "2026-03-13", "hybrid", "astana", 5);
  g_autofree char *in_online = save_meeting (f, "2026-03-12", "online", "astana", 5);
  g_autofree char *other_region = save_meeting (f, "2026-03-12", "offline", "almaty-city", 5);
  g_autofree char *after = save_meeting (f, "2026-03-20", "offline", "astana", 5);
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GPtrArray) switched = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) d = NULL;
  g_autoptr(JsonObject) untouched = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL;
  gint64 outbox_before, chain;
  gint64 broken = 0;
  GDate from, to;

  r1 = apply (f, in_offline, "Ахметова", "Дана", 1990, "2026-03-02", &error);
  r2 = apply (f, in_hybrid, "Бекетов", "Арман", 1985, "2026-03-02", &error);
  r3 = apply (f, other_region, "Иванова", "Ольга", 1970, "2026-03-03", &error);
  g_assert_no_error (error);
  outbox_before = raw_count (f->path, "SELECT count(*) FROM outbox");

  g_date_set_dmy (&from, 11, G_DATE_MARCH, 2026);
  g_date_set_dmy (&to, 10, G_DATE_MARCH, 2026);
  g_assert_null (awp_meeting_declare_emergency (f->store, "astana", &from, &to, "Эпидемия", ACTOR, NULL, &error));
  g_assert_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID);
  g_clear_error (&error);

  g_date_set_dmy (&to, 15, G_DATE_MARCH, 2026);
  notices = awp_meeting_declare_emergency (f->store, "astana", &from, &to,
                                           "Эпидемиялық қауіп / Эпидемическая угроза", ACTOR, &switched, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (switched->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (switched, in_offline, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (switched, in_hybrid, g_str_equal, NULL));
  g_assert_cmpuint (notices->len, ==, 2);
  for (guint i = 0; i < notices->len; i++)
    {
      AwpMeetingNotice *n = notices->pdata[i];

      g_assert_true (g_str_equal (n->registration_id, r1) || g_str_equal (n->registration_id, r2));
      g_assert_cmpstr (n->contact, ==, "+77050000001");
    }

  d = data_of (f, in_offline);
  g_assert_cmpstr (json_object_get_string_member (d, "format"), ==, "online");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (d, "emergency"), "previous_format"),
                   ==, "offline");
  untouched = data_of (f, other_region);
  g_assert_cmpstr (json_object_get_string_member (untouched, "format"), ==, "offline");
  g_clear_pointer (&untouched, json_object_unref);
  untouched = data_of (f, after);
  g_assert_cmpstr (json_object_get_string_member (untouched, "format"), ==, "offline");

  /* Outboxed for sync and audited with the norm; the chain holds. */
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM outbox"), ==, outbox_before + 2);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM audit WHERE action = 'emergency_online' AND norm = 'O605-6'"), ==, 2);
  g_assert_true (awp_audit_verify (f->store, &chain, &broken, &error));
  g_assert_no_error (error);

  /* Now online only: no more offline applications. */
  g_assert_null (apply (f, in_offline, "Омаров", "Тимур", 1999, "2026-03-04", &error));
  g_assert_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_ONLINE);
  g_clear_error (&error);

  /* Declared again: nothing left to switch. */
  g_clear_pointer (&notices, g_ptr_array_unref);
  g_clear_pointer (&switched, g_ptr_array_unref);
  notices = awp_meeting_declare_emergency (f->store, NULL, &from, &to, "Эпидемия", ACTOR, &switched, &error);
  g_assert_no_error (error);
  /* The whole country: the Almaty meeting now too. */
  g_assert_cmpuint (switched->len, ==, 1);
  g_assert_cmpstr (switched->pdata[0], ==, other_region);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpstr (((AwpMeetingNotice *) notices->pdata[0])->registration_id, ==, r3);
  (void) in_online;
}

static void
test_ical_round_trip (StoreFixture *f, gconstpointer unused)
{
  g_autofree char *a = save_meeting (f, "2026-03-12", "hybrid", "astana", 10);
  g_autofree char *b = save_meeting (f, "2026-03-26", "offline", "almaty-city", 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *one = NULL;
  g_autofree char *all = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  AwpIcalMeeting *m;
  const char *ids[] = { a, NULL };

  one = awp_meeting_export_ics (f->store, ids, &error);
  g_assert_no_error (error);
  parsed = awp_ical_parse (one, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 1);
  m = parsed->pdata[0];
  g_assert_cmpstr (m->uid, ==, a);
  g_assert_cmpstr (m->title, ==, "Жол жөндеу / Ремонт дорог");
  g_assert_cmpstr (m->format, ==, "hybrid");
  g_assert_cmpstr (m->languages, ==, "kk,ru");
  g_assert_cmpstr (m->responsible_phone, ==, "+77011112233");
  g_assert_cmpstr (m->broadcast_url, ==, "https://live.gov.kz/1");
  g_assert_cmpstr (m->agenda[0], ==, "Жол жөндеу жоспары");
  g_assert_cmpint (g_date_time_get_hour (m->starts_at), ==, 15);
  g_assert_cmpint (g_date_time_get_utc_offset (m->starts_at) / G_TIME_SPAN_HOUR, ==, 5);
  g_assert_cmpuint (g_date_get_day (&m->deadlines[AWP_ICAL_DEADLINE_ANNOUNCEMENT]), ==, 6);
  g_assert_cmpuint (g_date_get_day (&m->deadlines[AWP_ICAL_DEADLINE_REGISTRATION]), ==, 10);
  g_assert_cmpuint (g_date_get_day (&m->deadlines[AWP_ICAL_DEADLINE_RESULTS]), ==, 19);

  /* The whole calendar: both meetings. */
  g_clear_pointer (&parsed, g_ptr_array_unref);
  all = awp_meeting_export_ics (f->store, NULL, &error);
  g_assert_no_error (error);
  parsed = awp_ical_parse (all, &error);
  g_assert_cmpuint (parsed->len, ==, 2);
  (void) b;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("AWP_TODAY", "2026-03-02", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/meeting-store/" name, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)
  ADD ("save-validates-and-fills-deadlines", test_save_validates_and_fills_deadlines);
  ADD ("announce-on-time-and-late", test_announce_on_time_and_late);
  ADD ("registrations-capacity-and-waiting-list", test_registrations_capacity_and_waiting_list);
  ADD ("registrations-refused", test_registrations_refused);
  ADD ("import", test_import);
  ADD ("comments-then-results", test_comments_then_results);
  ADD ("results-late", test_results_late);
  ADD ("emergency", test_emergency);
  ADD ("ical-round-trip", test_ical_round_trip);
  return g_test_run ();
}
