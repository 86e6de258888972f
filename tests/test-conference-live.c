#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "awp-conference-questions.h"
#include "awp-outbox.h"
#include "awp-survey-results.h"
#include "awp-sync.h"
#include "awp-test-client.h"

/* Conferences and surveys while they run, between citizens on the portal
 * and a body's workstation, through a real awp-server anchored on today:
 * a citizen asks, the administrator's store pulls the question into the
 * conference's queue, answers, pushes; the server refuses to close the
 * conference while a question is unanswered even when the workstation's
 * own check is bypassed (O145-9.2); survey responses add up on the server
 * and the client's results (awp_survey_results_compute) are exactly what
 * was sent, while the body's own edit of the survey made meanwhile merges
 * (O145-11). */

#define PASSWORD "demo-2026"
#define USER "admin.almaty"
#define ORG "akimat-almaty-region"

static AwpTestServer server;

/* A workstation: its own store file and sync session (awp-test-client.h). */
typedef AwpTestClient Client;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, awp_test_client_free)

static Client *
client_new (void)
{
  return awp_test_client_new (&server, USER, 5, 0);
}

#define sync_run(c) awp_test_client_sync (c)
/* Every pushed change applied, none in conflict. */
#define sync_clean(c) awp_test_client_sync_clean (c)

/* The id of the store's published record of @type. */
static char *
published (Client     *c,
           const char *type)
{
  return awp_test_client_query_text (c, "SELECT id FROM record WHERE type = '%s' AND status = 'published'", type);
}

static JsonObject *
data_of (Client     *c,
         const char *id)
{
  JsonObject *data = awp_test_client_record_data (c, id, NULL, NULL);

  g_assert_nonnull (data);
  return data;
}

/* A citizen's POST to the portal; returns the HTTP status and the reply. */
static guint
portal_post (const char  *path,
             const char  *body,
             JsonObject **reply)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (server.url, path + 1, NULL);  /* the url ends in "/" */
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len;
  const char *text;

  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (answer, &len);
  g_assert_true (json_parser_load_from_data (parser, text, (gssize) len, NULL));
  if (reply != NULL)
    *reply = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  return soup_message_get_status (msg);
}

static guint
ask (const char  *conference_id,
     const char  *text,
     char       **question_id)
{
  g_autofree char *body = g_strdup_printf ("{\"org\":\"%s\",\"conference_id\":\"%s\",\"text\":\"%s\","
                                           "\"author_name\":\"Айгүл Н.\"}", ORG, conference_id, text);
  g_autoptr(JsonObject) reply = NULL;
  guint status = portal_post ("/api/v1/portal/conference-questions", body, &reply);

  if (question_id != NULL)
    *question_id = status == 201 ? g_strdup (json_object_get_string_member (reply, "id")) : NULL;
  return status;
}

static void
test_questions (void)
{
  g_autoptr(Client) c = client_new ();
  g_autoptr(Client) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autofree char *conference = NULL;
  g_autofree char *qid = NULL;
  gint64 before;
  AwpSyncStats stats;

  sync_clean (c);
  conference = published (c, "conference");
  before = awp_conference_questions_unanswered (c->store, conference, &error);
  g_assert_no_error (error);
  g_assert_cmpint (before, >, 0);  /* the seed leaves some in the queue */

  /* A citizen asks; the administrator's next sync brings it into the queue. */
  g_assert_cmpuint (ask (conference, "Ауылға газ қашан келеді?", &qid), ==, 201);
  sync_clean (c);
  g_assert_cmpint (awp_conference_questions_unanswered (c->store, conference, NULL), ==, before + 1);
  questions = awp_conference_questions_list (c->store, conference, &error);
  g_assert_no_error (error);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < questions->len; i++)
      if (g_str_equal (json_object_get_string_member (questions->pdata[i], "id"), qid))
        {
          JsonObject *data = json_object_get_object_member (questions->pdata[i], "data");

          g_assert_cmpstr (json_object_get_string_member (data, "text"), ==, "Ауылға газ қашан келеді?");
          g_assert_cmpstr (json_object_get_string_member (data, "author"), ==, "Айгүл Н.");
          found = TRUE;
        }
    g_assert_true (found);
  }

  /* Closing past the workstation's own check: the server refuses too. */
  g_assert_true (awp_store_transition (c->store, conference, "close", NULL, "admin", &error));
  g_assert_no_error (error);
  stats = sync_run (c);
  g_assert_cmpuint (stats.rejected, ==, 1);
  {
    g_autoptr(GPtrArray) rejected = awp_outbox_list (c->store, "rejected", NULL);
    AwpOutboxEntry *m = rejected->pdata[0];

    g_assert_nonnull (strstr (m->last_error, "O145-9.2"));
    g_assert_true (awp_outbox_discard (c->store, m->mutation_id, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(JsonObject) data = data_of (c, conference);

    g_assert_cmpstr (json_object_get_string_member (data, "status"), ==, "published");
  }

  /* The workstation refuses as well, then answers every question and closes. */
  g_assert_false (awp_conference_close (c->store, conference, "admin", &error));
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
  g_clear_error (&error);
  g_clear_pointer (&questions, g_ptr_array_unref);
  questions = awp_conference_questions_list (c->store, conference, &error);
  for (guint i = 0; i < questions->len; i++)
    {
      JsonObject *data = json_object_get_object_member (questions->pdata[i], "data");

      if (json_object_get_string_member_with_default (data, "answer", "")[0] != '\0')
        continue;
      g_assert_true (awp_conference_question_answer (c->store, json_object_get_string_member (questions->pdata[i], "id"),
                                                     "Жоспарға енгізілді.", "admin", &error));
      g_assert_no_error (error);
    }
  g_assert_true (awp_conference_close (c->store, conference, "admin", &error));
  g_assert_no_error (error);
  sync_clean (c);

  /* Another workstation of the body sees the answers and the closing. */
  other = client_new ();
  sync_clean (other);
  g_assert_cmpint (awp_conference_questions_unanswered (other->store, conference, NULL), ==, 0);
  {
    g_autoptr(JsonObject) data = data_of (other, conference);
    g_autoptr(JsonObject) question = data_of (other, qid);

    g_assert_cmpstr (json_object_get_string_member (data, "status"), ==, "closed");
    g_assert_cmpstr (json_object_get_string_member (question, "answer"), ==, "Жоспарға енгізілді.");
  }
  /* Closed: no more questions. */
  g_assert_cmpuint (ask (conference, "Кешігіп қалдым ба?", NULL), ==, 409);
}

/* One respondent's choices, as the portal sends them. */
static const char *const responses[] = {
  "[[0],[0,1]]", "[[0],[2]]", "[[1],[0,1,2,3]]", "[[2],[3]]", "[[0],[1]]", "[[1],[1,2]]", "[[0],[0]]",
};

static void
test_survey (void)
{
  g_autoptr(Client) c = client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) was = NULL;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) notice = NULL;
  g_autofree char *survey = NULL;
  guint sent[2][4] = { { 0 } };
  guint respondents;

  sync_clean (c);
  survey = published (c, "survey");
  before = data_of (c, survey);
  respondents = awp_survey_results_respondents (before);
  g_assert_cmpuint (respondents, >=, 100);
  was = awp_survey_results_compute (before, "ru", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (was->len, ==, 2);

  /* The body posts a notice on its copy while citizens answer (O145-8.2). */
  notice = json_object_new ();
  {
    JsonArray *notices = json_array_new ();
    JsonObject *n = json_object_new ();

    json_object_set_string_member (n, "key", "launch");
    json_object_set_string_member (n, "link", "https://almaty.gov.kz/survey");
    json_array_add_object_element (notices, n);
    json_object_set_array_member (notice, "notices", notices);
  }
  g_assert_true (awp_store_update (c->store, survey, notice, "admin", &error));
  g_assert_no_error (error);

  for (guint r = 0; r < G_N_ELEMENTS (responses); r++)
    {
      g_autofree char *body = g_strdup_printf ("{\"org\":\"%s\",\"survey_id\":\"%s\",\"answers\":%s}", ORG, survey,
                                               responses[r]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonObject) reply = NULL;
      JsonArray *answers;

      g_assert_cmpuint (portal_post ("/api/v1/portal/survey-responses", body, &reply), ==, 201);
      g_assert_cmpint (json_object_get_int_member (reply, "respondents"), ==, respondents + r + 1);
      g_assert_true (json_parser_load_from_data (parser, responses[r], -1, NULL));
      answers = json_node_get_array (json_parser_get_root (parser));
      for (guint q = 0; q < 2; q++)
        {
          JsonArray *picks = json_array_get_array_element (answers, q);

          for (guint i = 0; i < json_array_get_length (picks); i++)
            sent[q][json_array_get_int_element (picks, i)]++;
        }
    }
  /* A single choice with two options is refused and counts nothing. */
  {
    g_autofree char *body = g_strdup_printf ("{\"org\":\"%s\",\"survey_id\":\"%s\",\"answers\":[[0,1],[0]]}", ORG,
                                             survey);

    g_assert_cmpuint (portal_post ("/api/v1/portal/survey-responses", body, NULL), ==, 400);
  }

  /* The body's edit merges with the server's counts: no conflict, both kept. */
  sync_clean (c);
  after = data_of (c, survey);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (after, "notices")), ==, 1);
  g_assert_cmpuint (awp_survey_results_respondents (after), ==, respondents + G_N_ELEMENTS (responses));
  now = awp_survey_results_compute (after, "ru", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (now->len, ==, 2);
  for (guint q = 0; q < now->len; q++)
    {
      AwpSurveyQuestionResult *a = was->pdata[q];
      AwpSurveyQuestionResult *b = now->pdata[q];

      g_assert_cmpuint (b->counts->len, ==, a->counts->len);
      for (guint o = 0; o < b->counts->len; o++)
        {
          guint want = g_array_index (a->counts, guint, o) + sent[q][o];

          g_assert_cmpuint (g_array_index (b->counts, guint, o), ==, want);
          g_assert_cmpfloat_with_epsilon (g_array_index (b->percents, double, o),
                                          100.0 * want / (respondents + G_N_ELEMENTS (responses)), 1e-9);
        }
    }
  g_assert_false (now->len == 0 || ((AwpSurveyQuestionResult *) now->pdata[0])->multiple);
  g_assert_true (((AwpSurveyQuestionResult *) now->pdata[1])->multiple);
}

int
main (int argc, char **argv)
{
  g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) kz = g_date_time_add_hours (utc, 5);  /* the portal's day (UTC+5) */
  g_autofree char *day = g_date_time_format (kz, "%Y-%m-%d");
  g_autofree char *config = g_strdup_printf ("[seed]\ndate=%s\n", day);
  int rc;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  /* Anchored on today, so the demo's conference and survey are open. */
  awp_test_server_start (&server, config);
  g_test_add_func ("/conference-live/questions", test_questions);
  g_test_add_func ("/conference-live/survey", test_survey);
  rc = g_test_run ();
  awp_test_server_stop (&server);
  return rc;
}
