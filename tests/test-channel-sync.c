#include "config.h"

#include <string.h>

#include "awp-accreditation.h"
#include "awp-channel-request.h"
#include "awp-outbox.h"
#include "awp-registry.h"
#include "awp-sync.h"
#include "awp-test-server.h"

/* Order 93 between two workstations through a real awp-server (issue 9):
 * an applicant body (admin.edu) and the authorized body (authorized) take a
 * channel from application to exclusion, each with its own store, and end
 * with the same Registry and history; an applicant may neither write the
 * Registry nor decide on its own documents (O93-5, O93-8, O93-13). */

#define PASSWORD "demo-2026"

#define VALID_APPLICATION \
  "{\"to_body\":\"Министерство информации и общественного развития РК\"," \
  "\"from_body_kk\":\"Қазақстан Республикасы Оқу-ағарту министрлігі\"," \
  "\"from_body_ru\":\"Министерство просвещения Республики Казахстан\"," \
  "\"channel_name_kk\":\"«Мұғаліммен тікелей байланыс» қоғамдық қабылдау бөлмесі\"," \
  "\"channel_name_ru\":\"Общественная приемная «Прямая связь с учителем»\"," \
  "\"instruction\":\"\",\"regulating_act\":\"Приказ министра № 12\"," \
  "\"purpose\":\"Прием обращений родителей\",\"coverage\":\"republican\",\"format\":\"hybrid\"," \
  "\"resources\":\"Два сотрудника, помещение, телефонная линия\"," \
  "\"justification\":\"Опрос родителей 2025 года\",\"other_info\":\"\"," \
  "\"attachments\":[\"Положение о приемной\"],\"signer\":\"Сейітқали Ә. Б.\",\"signed_on\":\"2026-03-17\"}"

static AwpTestServer server;

/* A workstation: its own store file and sync session. */
typedef struct
{
  char     *dir;
  char     *path;
  AwpStore *store;
  AwpSync  *sync;
} Client;

static Client *
client_new (const char *user)
{
  g_autoptr(GError) error = NULL;
  Client *c = g_new0 (Client, 1);

  c->dir = g_dir_make_tmp ("awp-chsync-client-XXXXXX", &error);
  g_assert_no_error (error);
  c->path = g_build_filename (c->dir, "awp.db", NULL);
  c->store = awp_store_open (c->path, &error);
  g_assert_no_error (error);
  c->sync = awp_sync_new (server.url, user);
  awp_sync_set_use_keyring (c->sync, FALSE);
  awp_sync_set_timeout (c->sync, 5);
  g_assert_true (awp_sync_sign_in (c->sync, PASSWORD, NULL, &error));
  g_assert_no_error (error);
  return c;
}

static void
client_free (Client *c)
{
  g_clear_object (&c->store);
  awp_sync_free (c->sync);
  remove_dir (c->dir);
  g_free (c->dir);
  g_free (c->path);
  g_free (c);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, client_free)

/* Syncs @c; every pushed change must be applied, with no conflict. */
static AwpSyncStats
sync_clean (Client *c)
{
  g_autoptr(GError) error = NULL;
  AwpSyncStats stats;

  awp_sync_run (c->sync, c->store, &stats, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  if (stats.rejected > 0)
    {
      g_autoptr(GPtrArray) rejected = awp_outbox_list (c->store, "rejected", NULL);

      for (guint i = 0; i < rejected->len; i++)
        g_test_message ("rejected: %s", ((AwpOutboxEntry *) rejected->pdata[i])->last_error);
    }
  g_assert_cmpuint (stats.rejected, ==, 0);
  g_assert_cmpuint (stats.conflicts, ==, 0);
  g_assert_cmpuint (stats.applied, ==, stats.pushed);
  return stats;
}

static JsonObject *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The data of @id in @c's store, NULL when it has no such record. */
static JsonObject *
data_of (Client     *c,
         const char *id)
{
  g_autoptr(JsonObject) record = awp_store_get_record (c->store, id, NULL);

  if (record == NULL)
    return NULL;
  return json_object_ref (json_object_get_object_member (record, "data"));
}

static const char *
str (JsonObject *o,
     const char *member)
{
  return json_object_get_string_member_with_default (o, member, "");
}

static char *
sent_application (Client *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) data = parse (VALID_APPLICATION);
  g_autofree char *id = awp_accreditation_create (c->store, data, "admin.edu", &error);

  g_assert_no_error (error);
  g_assert_true (awp_accreditation_send (c->store, id, NULL, "admin.edu", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&id);
}

/* The whole Registry and its history as text, to compare two stores. */
static char *
registry_text (Client *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = awp_registry_search (c->store, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      JsonObject *rec = g_ptr_array_index (entries, i);
      const char *id = json_object_get_string_member (rec, "id");
      JsonObject *d = json_object_get_object_member (rec, "data");
      g_autoptr(GPtrArray) history = awp_registry_history (c->store, id, &error);

      g_assert_no_error (error);
      g_string_append_printf (out, "%s|%s|%s|%s|%s|%s|%s|%s\n", id, str (d, "number"), str (d, "name_kk"),
                              str (d, "name_ru"), str (d, "owner_kk"), str (d, "owner_ru"),
                              str (d, "included_on"), str (d, "excluded_on"));
      for (guint h = 0; h < history->len; h++)
        {
          JsonObject *hd = json_object_get_object_member (g_ptr_array_index (history, h), "data");

          g_string_append_printf (out, "  %s %s %s %s %s→%s\n", str (hd, "kind"), str (hd, "on"), str (hd, "norm"),
                                  str (hd, "field"), str (hd, "old_value"), str (hd, "new_value"));
        }
    }
  return g_string_free (out, FALSE);
}

static guint
history_length (Client     *c,
                const char *channel)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = awp_registry_history (c->store, channel, &error);

  g_assert_no_error (error);
  return history->len;
}

/* Application → accreditation → change → exclusion, each step decided on
 * the authorized body's workstation and seen on the applicant's. */
static void
test_lifecycle (void)
{
  g_autoptr(Client) app = client_new ("admin.edu");
  g_autoptr(Client) auth = client_new ("authorized");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonObject) notice = json_object_new ();
  g_autofree char *app_id = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *cr_id = NULL;
  g_autofree char *tn_id = NULL;
  g_autofree char *reg_app = NULL;
  g_autofree char *reg_auth = NULL;

  sync_clean (app);
  sync_clean (auth);

  /* O93-3: the applicant sends Annex 1. */
  app_id = sent_application (app);
  g_assert_cmpuint (sync_clean (app).pushed, >=, 2);

  /* O93-4, O93-5: the authorized body receives, reviews and accredits. */
  sync_clean (auth);
  {
    g_autoptr(JsonObject) d = data_of (auth, app_id);

    g_assert_nonnull (d);
    g_assert_cmpstr (str (d, "status"), ==, "sent");
    g_assert_cmpstr (str (d, "channel_name_ru"), ==, "Общественная приемная «Прямая связь с учителем»");
  }
  for (guint i = 0; awp_accreditation_criteria[i] != NULL; i++)
    {
      g_assert_true (awp_accreditation_review (auth->store, app_id, awp_accreditation_criteria[i], TRUE,
                                               "Проверено", "authorized", &error));
      g_assert_no_error (error);
    }
  g_assert_true (awp_accreditation_decide (auth->store, app_id, TRUE, NULL, NULL, "authorized", &error));
  g_assert_no_error (error);
  sync_clean (auth);

  /* The applicant sees the decision and the new Registry entry. */
  sync_clean (app);
  {
    g_autoptr(JsonObject) d = data_of (app, app_id);
    g_autoptr(JsonObject) entry = NULL;

    g_assert_cmpstr (str (d, "status"), ==, "accredited");
    channel = g_strdup (str (d, "channel_id"));
    g_assert_cmpstr (channel, !=, "");
    entry = data_of (app, channel);
    g_assert_nonnull (entry);
    g_assert_cmpstr (str (entry, "name_ru"), ==, "Общественная приемная «Прямая связь с учителем»");
    g_assert_cmpstr (str (entry, "owner_ru"), ==, "Министерство просвещения Республики Казахстан");
    g_assert_cmpstr (str (entry, "application_id"), ==, app_id);
    g_assert_cmpstr (str (entry, "number"), !=, "");
    g_assert_cmpuint (history_length (app, channel), ==, 1);
  }

  /* O93-11, O93-13: a change request, applied by the authorized body. */
  json_object_set_string_member (request, "new_value", "Общественная приемная министра просвещения");
  json_object_set_string_member (request, "grounds", "Приказ министра № 45 от 04.05.2026");
  json_object_set_string_member (request, "signer", "Сейітқали Ә. Б.");
  json_object_set_string_member (request, "signed_on", "2026-05-05");
  cr_id = awp_change_request_create (app->store, channel, "name_ru", request, "admin.edu", &error);
  g_assert_no_error (error);
  g_assert_true (awp_change_request_send (app->store, cr_id, NULL, "admin.edu", &error));
  g_assert_no_error (error);
  sync_clean (app);
  sync_clean (auth);
  g_assert_true (awp_change_request_apply (auth->store, cr_id, NULL, "authorized", &error));
  g_assert_no_error (error);
  sync_clean (auth);
  sync_clean (app);
  {
    g_autoptr(JsonObject) cr = data_of (app, cr_id);
    g_autoptr(JsonObject) entry = data_of (app, channel);

    g_assert_cmpstr (str (cr, "status"), ==, "applied");
    g_assert_cmpstr (str (entry, "name_ru"), ==, "Общественная приемная министра просвещения");
    g_assert_cmpuint (history_length (app, channel), ==, 2);
  }

  /* O93-12, O93-13: the termination notice; the entry is excluded. */
  json_object_set_string_member (notice, "text", "Работа приемной прекращается с 01.01.2027");
  json_object_set_string_member (notice, "signer", "Сейітқали Ә. Б.");
  json_object_set_string_member (notice, "signed_on", "2026-10-22");
  tn_id = awp_termination_create (app->store, channel, notice, "admin.edu", &error);
  g_assert_no_error (error);
  g_assert_true (awp_termination_send (app->store, tn_id, NULL, "admin.edu", &error));
  g_assert_no_error (error);
  sync_clean (app);
  sync_clean (auth);
  g_assert_true (awp_termination_apply (auth->store, tn_id, NULL, "authorized", &error));
  g_assert_no_error (error);
  sync_clean (auth);
  sync_clean (app);
  {
    g_autoptr(JsonObject) tn = data_of (app, tn_id);
    g_autoptr(JsonObject) entry = data_of (app, channel);

    g_assert_cmpstr (str (tn, "status"), ==, "applied");
    g_assert_cmpstr (str (entry, "excluded_on"), !=, "");
    g_assert_cmpuint (history_length (app, channel), ==, 3);
  }

  /* Both workstations hold the same Registry, history line for line. */
  reg_app = registry_text (app);
  reg_auth = registry_text (auth);
  g_assert_cmpstr (reg_app, ==, reg_auth);
  g_assert_nonnull (strstr (reg_app, "included"));
  g_assert_nonnull (strstr (reg_app, "changed"));
  g_assert_nonnull (strstr (reg_app, "excluded"));
}

/* An applicant writes neither the Registry nor the decisions: each push is
 * rejected as forbidden and the server's Registry stays as it was. */
static void
test_applicant_denied (void)
{
  g_autoptr(Client) app = client_new ("admin.edu");
  g_autoptr(Client) other = client_new ("admin.health");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) patch = json_object_new ();
  g_autoptr(GPtrArray) rejected = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *entry_id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AwpSyncStats stats;

  sync_clean (app);
  sync_clean (other);
  before = registry_text (other);

  /* Editing a Registry entry (a demo one, another body's channel). */
  {
    g_autoptr(GPtrArray) entries = awp_registry_search (app->store, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, >, 0);
    entry_id = g_strdup (json_object_get_string_member (g_ptr_array_index (entries, 0), "id"));
  }
  json_object_set_string_member (patch, "name_ru", "Самовольное название");
  g_assert_true (awp_store_update (app->store, entry_id, patch, "admin.edu", &error));
  g_assert_no_error (error);
  g_assert_true (awp_sync_run (app->sync, app->store, &stats, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.rejected, ==, 1);

  /* Accrediting its own application: the decision and the entry with its
   * history line are all refused. */
  app_id = sent_application (app);
  g_assert_true (awp_sync_run (app->sync, app->store, &stats, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.rejected, ==, 0);
  for (guint i = 0; awp_accreditation_criteria[i] != NULL; i++)
    {
      g_assert_true (awp_accreditation_review (app->store, app_id, awp_accreditation_criteria[i], TRUE,
                                               "Сам себе", "admin.edu", &error));
      g_assert_no_error (error);
    }
  g_assert_true (awp_accreditation_decide (app->store, app_id, TRUE, NULL, NULL, "admin.edu", &error));
  g_assert_no_error (error);
  g_assert_true (awp_sync_run (app->sync, app->store, &stats, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The accredit transition, the entry and its history line. */
  g_assert_cmpuint (stats.rejected, >=, 3);
  rejected = awp_outbox_list (app->store, "rejected", NULL);
  for (guint i = 0; i < rejected->len; i++)
    g_assert_nonnull (strstr (((AwpOutboxEntry *) rejected->pdata[i])->last_error, "forbidden"));

  /* Another body, syncing afresh, sees the Registry unchanged. */
  sync_clean (other);
  after = registry_text (other);
  g_assert_cmpstr (before, ==, after);
  {
    g_autoptr(Client) auth = client_new ("authorized");
    g_autoptr(JsonObject) d = NULL;

    sync_clean (auth);
    d = data_of (auth, app_id);
    g_assert_nonnull (d);
    g_assert_cmpstr (str (d, "status"), ==, "sent");
  }
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  awp_test_server_start (&server, NULL);
  g_test_add_func ("/channel-sync/lifecycle", test_lifecycle);
  g_test_add_func ("/channel-sync/applicant-denied", test_applicant_denied);
  rc = g_test_run ();
  awp_test_server_stop (&server);
  return rc;
}
