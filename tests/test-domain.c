#include "config.h"

#include "awp-blog-request.h"
#include "awp-domain.h"
#include "awp-state-machine.h"
#include "awp-test-store.h"

/* A domain object for every entity with a life cycle: its properties show
 * the record, a legal action moves it (with actor, time and norm) and
 * notifies, an illegal one is an error that changes nothing. */

typedef struct
{
  const char *type;
  GType       gtype;
  const char *json;       /* the entity's data */
  const char *property;   /* one of its own properties and the value shown */
  const char *value;
} Case;

static guint
count_notify (GObject *object, const char *property)
{
  g_autofree char *key = g_strconcat ("n-", property, NULL);

  return GPOINTER_TO_UINT (g_object_get_data (object, key));
}

static void
on_notify (GObject *object, GParamSpec *pspec, gpointer data)
{
  g_autofree char *key = g_strconcat ("n-", pspec->name, NULL);

  g_object_set_data (object, key, GUINT_TO_POINTER (count_notify (object, pspec->name) + 1));
}

static char *
get_string (GObject *object, const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);
  return value;
}

static void
test_every_entity (StoreFixture *f, gconstpointer data)
{
  const Case cases[] = {
    { "blog_request", AWP_TYPE_BLOG_REQUEST, "{\"subject\":\"Жол\",\"received_on\":\"2026-03-02\"}", "subject", "Жол" },
    { "conference_application", AWP_TYPE_CONFERENCE_APPLICATION,
      "{\"subject\":\"Сұрақ\",\"requester\":\"Әсел Қасымова\",\"received_on\":\"2026-03-02\"}", "requester", "Әсел Қасымова" },
    { "conference", AWP_TYPE_CONFERENCE, "{\"title_kk\":\"Цифрландыру\",\"title_ru\":\"Цифровизация\"}", "title-kk", "Цифрландыру" },
    { "survey", AWP_TYPE_SURVEY, "{\"title_kk\":\"Көлік\",\"title_ru\":\"Транспорт\"}", "title-ru", "Транспорт" },
    { "meeting", AWP_TYPE_MEETING, "{\"title_kk\":\"Кеңес\",\"held_on\":\"2026-04-01\",\"online_only\":true}", "held-on", "2026-04-01" },
    { "accreditation_application", AWP_TYPE_ACCREDITATION_APPLICATION,
      "{\"applicant_name\":\"Нұрлан Ибраев\",\"position\":\"тренер\"}", "applicant-name", "Нұрлан Ибраев" },
    { "change_request", AWP_TYPE_CHANGE_REQUEST, "{\"text\":\"Мекенжай өзгерді\",\"reason\":\"көшу\"}", "reason", "көшу" },
    { "termination_notice", AWP_TYPE_TERMINATION_NOTICE, "{\"text\":\"Хабарлама\",\"reason\":\"қайта ұйымдастыру\"}", "text", "Хабарлама" },
    { "efficiency_report", AWP_TYPE_EFFICIENCY_REPORT, "{\"period\":\"2026\",\"text\":\"Есеп\"}", "period", "2026" },
  };
  guint covered = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      const AwpStateMachine *machine = awp_state_machine_for_type (c->type);
      const AwpTransition *first = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) fields = json_obj (c->json);
      g_autofree char *id = NULL;
      g_autoptr(GObject) object = NULL;
      g_autofree char *status = NULL;
      g_autofree char *own = NULL;
      g_autofree char *type = NULL;
      gint64 version = -1;

      g_assert_nonnull (machine);
      g_assert_true (awp_domain_type_for_entity (c->type) == c->gtype);
      id = awp_store_create (f->store, c->type, fields, "op", &error);
      g_assert_no_error (error);
      object = awp_domain_object_load (f->store, id, &error);
      g_assert_no_error (error);
      g_assert_true (G_OBJECT_TYPE (object) == c->gtype);

      status = get_string (object, "status");
      g_assert_cmpstr (status, ==, machine->initial);
      own = get_string (object, c->property);
      g_assert_cmpstr (own, ==, c->value);
      g_object_get (object, "version", &version, NULL);
      g_assert_cmpint (version, ==, 0);
      if (c->gtype != AWP_TYPE_BLOG_REQUEST)
        {
          type = get_string (object, "entity-type");
          g_assert_cmpstr (type, ==, c->type);
        }
      g_signal_connect (object, "notify", G_CALLBACK (on_notify), NULL);

      /* An action the machine has no row for: an error, nothing changes. */
      g_assert_false (awp_domain_object_apply (object, f->store, "publish_results_twice", NULL, "op", &error));
      g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_TRANSITION);
      g_clear_error (&error);
      g_assert_cmpuint (count_notify (object, "status"), ==, 0);

      for (guint t = 0; t < machine->n_transitions && first == NULL; t++)
        if (g_str_equal (machine->transitions[t].from, machine->initial))
          first = &machine->transitions[t];
      g_assert_nonnull (first);
      g_assert_true (awp_domain_object_apply (object, f->store, first->action, NULL, "op", &error));
      g_assert_no_error (error);
      g_clear_pointer (&status, g_free);
      status = get_string (object, "status");
      g_assert_cmpstr (status, ==, first->to);
      g_assert_cmpuint (count_notify (object, "status"), ==, 1);
      /* Unchanged fields do not notify. */
      g_assert_cmpuint (count_notify (object, c->property), ==, 0);
      if (c->gtype != AWP_TYPE_BLOG_REQUEST)
        {
          g_autofree char *actor = get_string (object, "last-actor");
          g_autofree char *norm = get_string (object, "last-norm");
          g_autofree char *at = get_string (object, "last-at");
          g_autoptr(JsonObject) shown = NULL;

          g_assert_cmpstr (actor, ==, "op");
          g_assert_cmpstr (norm, ==, first->norm);
          g_assert_nonnull (at);
          g_assert_cmpuint (count_notify (object, "data"), ==, 1);
          g_object_get (object, "data", &shown, NULL);
          g_assert_cmpstr (json_object_get_string_member (shown, "status"), ==, first->to);
        }
      covered++;
    }
  /* Every machine has its domain type. */
  for (const AwpStateMachine *const *m = awp_state_machine_list (); *m != NULL; m++)
    g_assert_true (awp_domain_type_for_entity ((*m)->entity_type) != G_TYPE_INVALID);
  g_assert_cmpuint (covered, ==, G_N_ELEMENTS (cases));
}

static void
test_meeting_flags (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_obj ("{\"title_kk\":\"Кеңес\",\"closed\":true,\"online_only\":true}");
  g_autofree char *id = awp_store_create (f->store, "meeting", fields, "op", &error);
  g_autoptr(GObject) meeting = NULL;
  gboolean closed = FALSE, online = FALSE;

  g_assert_no_error (error);
  meeting = awp_domain_object_load (f->store, id, &error);
  g_assert_no_error (error);
  g_object_get (meeting, "closed", &closed, "online-only", &online, NULL);
  g_assert_true (closed);
  g_assert_true (online);
}

static void
test_wrong_records (StoreFixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) org = json_obj ("{\"name_ru\":\"Министерство\"}");
  g_autofree char *id = awp_store_create (f->store, "organization", org, "op", &error);
  g_autoptr(GObject) none = NULL;

  g_assert_no_error (error);
  g_assert_true (awp_domain_type_for_entity ("organization") == G_TYPE_INVALID);
  none = awp_domain_object_load (f->store, id, &error);
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID);
  g_assert_null (none);
  g_clear_error (&error);
  none = awp_domain_object_load (f->store, "0190f3b2-0000-7000-8000-000000000000", &error);
  g_assert_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_NOT_FOUND);
  g_assert_null (none);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/domain/" name, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)
  ADD ("every-entity", test_every_entity);
  ADD ("meeting-flags", test_meeting_flags);
  ADD ("wrong-records", test_wrong_records);
  return g_test_run ();
}
