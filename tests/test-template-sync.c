#include "config.h"

#include <string.h>

#include "awp-conference-template.h"
#include "awp-outbox.h"
#include "awp-survey-template.h"
#include "awp-sync.h"
#include "awp-template-check.h"
#include "awp-template-review.h"
#include "awp-test-client.h"

/* The Operator's review of templates (O145-7) between two workstations
 * through a real awp-server (issue 7): an administrator (admin.almaty)
 * prepares and submits a conference (Annex 1) and a survey (Annex 2); the
 * Operator's workstation pulls them, returns one with remarks, the
 * administrator sees the remarks, fixes and resubmits; the Operator accepts
 * and publishes both, and the administrator pulls "published". The server
 * refuses an administrator's own acceptance or publication, an Operator
 * rewriting the body's text, and a submission later than 3 working days
 * before the start. */

#define PASSWORD "demo-2026"
#define ADMIN    "admin.almaty"
#define OPERATOR "operator"

#define CONFERENCE_TEXT \
  "{\"title_kk\":\"Өңірдің даму жоспары\",\"title_ru\":\"План развития региона\",\"title_en\":\"\"," \
  "\"brief_kk\":\"Тұрғындармен кездесу\",\"brief_ru\":\"Встреча с жителями\"," \
  "\"description_kk\":\"Тұрғындардың сұрақтарына жауап беру.\",\"description_ru\":\"Ответы на вопросы жителей.\"," \
  "\"moderator_surname\":\"Сейітқали\",\"moderator_name\":\"Әсем\",\"moderator_patronymic\":\"\"," \
  "\"moderator_iin\":\"901123300258\",\"moderator_position\":\"Бас маман\"," \
  "\"moderator_email\":\"a.seitkali@gov.kz\",\"moderator_phone\":\"+7 701 123 45 67\"," \
  "\"public_discussion\":true}"

#define SURVEY_TEXT \
  "{\"number\":\"7\",\"category\":\"Мемлекеттік қызметтер\"," \
  "\"title_kk\":\"Қызмет сапасы\",\"title_ru\":\"Качество услуг\"," \
  "\"questions\":[{\"title_kk\":\"Қанағаттанасыз ба?\",\"title_ru\":\"Вы довольны?\",\"choice\":\"single\"," \
  "\"options\":[{\"title_kk\":\"Иә\",\"title_ru\":\"Да\"},{\"title_kk\":\"Жоқ\",\"title_ru\":\"Нет\"}]}]}"

static AwpTestServer server;

/* A workstation: its own store file and sync session (awp-test-client.h). */
typedef AwpTestClient Client;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, awp_test_client_free)

static Client *
client_new (const char *user)
{
  return awp_test_client_new (&server, user, 5, 0);
}

#define sync_run(c) awp_test_client_sync (c)
/* Syncs @c; every pushed change must be applied, with no conflict. */
#define sync_clean(c) awp_test_client_sync_clean (c)

/* The one rejection of the last push: its message. */
static char *
rejection (Client *c)
{
  g_autoptr(GPtrArray) rejected = awp_outbox_list (c->store, "rejected", NULL);

  g_assert_cmpuint (rejected->len, ==, 1);
  return g_strdup (((AwpOutboxEntry *) rejected->pdata[0])->last_error);
}

#define parse(json) json_obj (json)

static char *
field_of (Client     *c,
          const char *id,
          const char *field)
{
  g_autoptr(JsonObject) record = awp_store_get_record (c->store, id, NULL);

  if (record == NULL)
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_object_get_object_member (record, "data"),
                                                               field, NULL));
}

#define assert_field(c, id, field, expected) \
  G_STMT_START { \
    g_autofree char *_v = field_of ((c), (id), (field)); \
    g_assert_cmpstr (_v, ==, (expected)); \
  } G_STMT_END

static void
set_date (JsonObject  *o,
          const char  *field,
          const GDate *d)
{
  g_autofree char *iso = awp_template_iso_date (d);

  json_object_set_string_member (o, field, iso);
}

/* A working day @days calendar days from today or the next one after it. */
static void
working_day_ahead (AwpStore *store,
                   int       days,
                   GDate    *out)
{
  g_autoptr(GError) error = NULL;
  AwpTemplateContext ctx;
  GDate d;

  g_assert_true (awp_template_context_init (&ctx, store, NULL, &error));
  g_assert_no_error (error);
  d = ctx.today;
  g_date_add_days (&d, days);
  g_assert_true (awp_calendar_next_working_day (ctx.calendar, &d, out));
}

/* A complete conference opening about three weeks ahead, as a draft. */
static char *
conference_draft (Client *c,
                  int     opens_in)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = parse (CONFERENCE_TEXT);
  GDate opens, closes;
  char *id;

  working_day_ahead (c->store, opens_in, &opens);
  closes = opens;
  g_date_add_days (&closes, 7);
  set_date (data, "opens_on", &opens);
  set_date (data, "closes_on", &closes);
  id = awp_template_create (c->store, "conference", data, ADMIN, &error);
  g_assert_no_error (error);
  return id;
}

static char *
survey_draft (Client *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = parse (SURVEY_TEXT);
  GDate launch, close;
  char *id;

  working_day_ahead (c->store, 21, &launch);
  close = launch;
  g_date_add_days (&close, 35);
  set_date (data, "launch_on", &launch);
  set_date (data, "close_on", &close);
  id = awp_template_create (c->store, "survey", data, ADMIN, &error);
  g_assert_no_error (error);
  return id;
}

/* Prepared, submitted, returned with remarks, fixed, resubmitted, accepted
 * and published, each step on its own workstation and seen on the other. */
static void
test_round_trip (void)
{
  g_autoptr(Client) admin = client_new (ADMIN);
  g_autoptr(Client) op = client_new (OPERATOR);
  g_autoptr(GError) error = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *survey = NULL;

  g_assert_cmpstr (awp_sync_get_role (op->sync), ==, "operator");
  sync_clean (admin);
  sync_clean (op);

  /* The administrator prepares both templates and submits them (O145-7). */
  conf = conference_draft (admin, 21);
  survey = survey_draft (admin);
  g_assert_true (awp_conference_template_submit (admin->store, conf, NULL, ADMIN, &error));
  g_assert_no_error (error);
  g_assert_true (awp_survey_template_submit (admin->store, survey, NULL, ADMIN, &error));
  g_assert_no_error (error);
  sync_clean (admin);

  /* The Operator's workstation pulls them, as submitted, with the text. */
  sync_clean (op);
  assert_field (op, conf, "status", "submitted");
  assert_field (op, survey, "status", "submitted");
  assert_field (op, conf, "title_kk", "Өңірдің даму жоспары");
  {
    g_autoptr(JsonObject) rec = awp_store_get_record (op->store, survey, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (awp_survey_template_get_questions (json_object_get_object_member (rec, "data"))),
                      ==, 1);
  }

  /* The Operator returns the conference with remarks, accepts the survey. */
  g_assert_true (awp_template_review_return (op->store, conf, "Укажите отчество модератора", OPERATOR, &error));
  g_assert_no_error (error);
  g_assert_true (awp_store_transition (op->store, survey, "accept", NULL, OPERATOR, &error));
  g_assert_no_error (error);
  sync_clean (op);

  /* The administrator sees the return and the remarks. */
  sync_clean (admin);
  assert_field (admin, conf, "status", "returned");
  assert_field (admin, conf, "remarks", "Укажите отчество модератора");
  assert_field (admin, conf, "closed_on", NULL);
  assert_field (admin, survey, "status", "accepted");
  {
    g_autoptr(JsonObject) rec = awp_store_get_record (admin->store, conf, &error);

    g_assert_true (awp_template_is_editable (json_object_get_object_member (rec, "data")));
  }

  /* Fixed and submitted again. */
  {
    g_autoptr(JsonObject) fix = parse ("{\"moderator_patronymic\":\"Бақытжанқызы\"}");

    g_assert_true (awp_template_save (admin->store, "conference", conf, fix, ADMIN, &error));
    g_assert_no_error (error);
  }
  g_assert_true (awp_conference_template_submit (admin->store, conf, NULL, ADMIN, &error));
  g_assert_no_error (error);
  sync_clean (admin);

  /* The Operator sees the fix, accepts and publishes both. */
  sync_clean (op);
  assert_field (op, conf, "status", "submitted");
  assert_field (op, conf, "moderator_patronymic", "Бақытжанқызы");
  g_assert_true (awp_store_transition (op->store, conf, "accept", NULL, OPERATOR, &error));
  g_assert_no_error (error);
  g_assert_true (awp_store_transition (op->store, conf, "publish", NULL, OPERATOR, &error));
  g_assert_no_error (error);
  g_assert_true (awp_store_transition (op->store, survey, "publish", NULL, OPERATOR, &error));
  g_assert_no_error (error);
  sync_clean (op);

  sync_clean (admin);
  assert_field (admin, conf, "status", "published");
  assert_field (admin, survey, "status", "published");
  assert_field (admin, conf, "moderator_patronymic", "Бақытжанқызы");
}

/* The server, not only the client's buttons, keeps the decision with the
 * Operator (O145-7). */
static void
test_admin_may_not_decide (void)
{
  g_autoptr(Client) admin = client_new (ADMIN);
  g_autoptr(GError) error = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *msg = NULL;
  AwpSyncStats stats;

  sync_clean (admin);
  conf = conference_draft (admin, 21);
  g_assert_true (awp_conference_template_submit (admin->store, conf, NULL, ADMIN, &error));
  g_assert_no_error (error);
  sync_clean (admin);

  /* The local store's machine allows it; the server refuses. */
  g_assert_true (awp_store_transition (admin->store, conf, "accept", NULL, ADMIN, &error));
  g_assert_no_error (error);
  stats = sync_run (admin);
  g_assert_cmpuint (stats.rejected, ==, 1);
  msg = rejection (admin);
  g_assert_nonnull (strstr (msg, "O145-7"));
  g_test_message ("refused: %s", msg);
}

static void
test_admin_may_not_publish (void)
{
  g_autoptr(Client) admin = client_new (ADMIN);
  g_autoptr(Client) op = client_new (OPERATOR);
  g_autoptr(GError) error = NULL;
  g_autofree char *survey = NULL;
  g_autofree char *msg = NULL;
  AwpSyncStats stats;

  sync_clean (admin);
  survey = survey_draft (admin);
  g_assert_true (awp_survey_template_submit (admin->store, survey, NULL, ADMIN, &error));
  g_assert_no_error (error);
  sync_clean (admin);
  sync_clean (op);
  g_assert_true (awp_store_transition (op->store, survey, "accept", NULL, OPERATOR, &error));
  g_assert_no_error (error);
  sync_clean (op);
  sync_clean (admin);
  assert_field (admin, survey, "status", "accepted");

  g_assert_true (awp_store_transition (admin->store, survey, "publish", NULL, ADMIN, &error));
  g_assert_no_error (error);
  stats = sync_run (admin);
  g_assert_cmpuint (stats.rejected, ==, 1);
  msg = rejection (admin);
  g_assert_nonnull (strstr (msg, "O145-7"));
  /* The server still has it accepted: the Operator's copy says so. */
  sync_clean (op);
  assert_field (op, survey, "status", "accepted");
}

/* The Operator decides; it does not rewrite the body's template. */
static void
test_operator_keeps_text (void)
{
  g_autoptr(Client) admin = client_new (ADMIN);
  g_autoptr(Client) op = client_new (OPERATOR);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = parse ("{\"title_ru\":\"Другое название\"}");
  g_autofree char *conf = NULL;
  g_autofree char *msg = NULL;
  AwpSyncStats stats;

  sync_clean (admin);
  conf = conference_draft (admin, 21);
  g_assert_true (awp_conference_template_submit (admin->store, conf, NULL, ADMIN, &error));
  g_assert_no_error (error);
  sync_clean (admin);
  sync_clean (op);
  g_assert_true (awp_store_transition (op->store, conf, "accept", fields, OPERATOR, &error));
  g_assert_no_error (error);
  stats = sync_run (op);
  g_assert_cmpuint (stats.rejected, ==, 1);
  msg = rejection (op);
  g_assert_nonnull (strstr (msg, "O145-7"));
}

/* O145-7 on the server: a template that reaches the Operator less than 3
 * working days before it opens is refused, naming submitted_on. The
 * client's own submit refuses it first; here the check is bypassed. */
static void
test_late_submission (void)
{
  g_autoptr(Client) admin = client_new (ADMIN);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *conf = NULL;
  g_autofree char *msg = NULL;
  AwpTemplateContext ctx;
  AwpSyncStats stats;

  sync_clean (admin);
  conf = conference_draft (admin, 1);
  /* The client's check says no. */
  g_assert_false (awp_conference_template_submit (admin->store, conf, NULL, ADMIN, &error));
  g_assert_nonnull (strstr (error->message, "O145-7"));
  g_clear_error (&error);
  sync_clean (admin);

  g_assert_true (awp_template_context_init (&ctx, admin->store, NULL, &error));
  set_date (fields, "submitted_on", &ctx.today);
  g_assert_true (awp_store_transition (admin->store, conf, "submit", fields, ADMIN, &error));
  g_assert_no_error (error);
  stats = sync_run (admin);
  g_assert_cmpuint (stats.rejected, ==, 1);
  msg = rejection (admin);
  g_test_message ("refused: %s", msg);
  g_assert_nonnull (strstr (msg, "submitted_on"));
  g_assert_nonnull (strstr (msg, "O145-7"));
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  awp_test_server_start (&server, NULL);

  g_test_add_func ("/template-sync/round-trip", test_round_trip);
  g_test_add_func ("/template-sync/admin-may-not-accept", test_admin_may_not_decide);
  g_test_add_func ("/template-sync/admin-may-not-publish", test_admin_may_not_publish);
  g_test_add_func ("/template-sync/operator-keeps-text", test_operator_keeps_text);
  g_test_add_func ("/template-sync/late-submission", test_late_submission);
  rc = g_test_run ();
  awp_test_server_stop (&server);
  return rc;
}
