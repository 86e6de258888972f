#include "config.h"

#include <string.h>

#include "awp-accreditation.h"
#include "awp-channel-request.h"
#include "awp-outbox.h"
#include "awp-registry.h"
#include "awp-sync.h"
#include "awp-test-client.h"

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

/* A workstation: its own store file and sync session (awp-test-client.h). */
typedef AwpTestClient Client;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Client, awp_test_client_free)

static Client *
client_new (const char *user)
{
  return awp_test_client_new (&server, user, 5, 0);
}

/* Syncs @c; every pushed change must be applied, with no conflict. */
#define sync_clean(c) awp_test_client_sync_clean (c)
#define parse(json) json_obj (json)

/* The data of @id in @c's store, NULL when it has no such record. */
#define data_of(c, id) awp_test_client_record_data ((c), (id), NULL, NULL)

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

/* Marks the three O93-4 criteria met on @c. */
static void
review_all (Client     *c,
            const char *app_id)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; awp_accreditation_criteria[i] != NULL; i++)
    {
      g_assert_true (awp_accreditation_review (c->store, app_id, awp_accreditation_criteria[i], TRUE,
                                               "Проверено", "authorized", &error));
      g_assert_no_error (error);
    }
}

/* The pending outbox rows of @c all belong to one group of @n. */
static void
assert_one_group (Client *c,
                  guint   n)
{
  g_autoptr(GPtrArray) pending = awp_outbox_list (c->store, "pending", NULL);
  const char *group;

  g_assert_cmpuint (pending->len, ==, n);
  group = ((AwpOutboxEntry *) pending->pdata[0])->group;
  g_assert_nonnull (group);
  for (guint i = 0; i < pending->len; i++)
    {
      AwpOutboxEntry *e = pending->pdata[i];

      g_assert_cmpstr (e->group, ==, group);
      /* The group id is the outbox's, never a field sent as a base value. */
      g_assert_false (json_object_has_member (e->base_values, AWP_OUTBOX_GROUP_MEMBER));
    }
}

/* Syncs @c expecting its whole pending group refused: every change
 * rejected, none applied, one of them for @code. Returns the rejections. */
static GPtrArray *
sync_refused (Client     *c,
              guint       n,
              const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rejected = NULL;
  gboolean found = FALSE;
  AwpSyncStats stats;

  g_assert_true (awp_sync_run (c->sync, c->store, &stats, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.applied, ==, 0);
  g_assert_cmpuint (stats.rejected, ==, n);
  rejected = awp_outbox_list (c->store, "rejected", NULL);
  g_assert_cmpuint (rejected->len, ==, n);
  for (guint i = 0; i < rejected->len; i++)
    {
      const char *why = ((AwpOutboxEntry *) rejected->pdata[i])->last_error;

      g_test_message ("refused: %s", why);
      found |= strstr (why, code) != NULL;
      /* Each names its own reason (a Registry rule, a clash with the
       * decision already there) or the group's refusal. */
      g_assert_true (strstr (why, "duplicate_") != NULL || strstr (why, "group_refused") != NULL
                     || strstr (why, "\"conflict\"") != NULL);
    }
  g_assert_true (found);
  return g_steal_pointer (&rejected);
}

/* Drops the refused group (one change takes the others with it) and
 * syncs: the workstation holds the server's copy again. */
static void
drop_refused (Client    *c,
              GPtrArray *rejected)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (awp_outbox_discard (c->store, ((AwpOutboxEntry *) rejected->pdata[0])->mutation_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (awp_outbox_count (c->store, "rejected", NULL), ==, 0);
  g_assert_cmpint (awp_outbox_count (c->store, "pending", NULL), ==, 0);
  sync_clean (c);
}

/* Two authorized-body workstations accredit two applications offline:
 * each entry is provisional until its sync, then the server's numbers are
 * distinct and both workstations show them (O93-8; issue 9 (b)). */
static void
test_offline_numbers (void)
{
  g_autoptr(Client) app = client_new ("admin.edu");
  g_autoptr(Client) one = client_new ("authorized");
  g_autoptr(Client) two = client_new ("authorized");
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *reg_one = NULL;
  g_autofree char *reg_two = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(JsonObject) da = NULL;
  g_autoptr(JsonObject) db = NULL;
  g_autoptr(JsonObject) ea = NULL;
  g_autoptr(JsonObject) eb = NULL;
  g_autoptr(JsonObject) ea_two = NULL;
  g_autoptr(JsonObject) eb_one = NULL;

  sync_clean (app);
  a = sent_application (app);
  b = sent_application (app);
  sync_clean (app);
  sync_clean (one);
  sync_clean (two);

  /* Offline: each decides on one application. */
  review_all (one, a);
  review_all (two, b);
  sync_clean (one);
  sync_clean (two);
  g_assert_true (awp_accreditation_decide (one->store, a, TRUE, NULL, NULL, "authorized", &error));
  g_assert_no_error (error);
  g_assert_true (awp_accreditation_decide (two->store, b, TRUE, NULL, NULL, "authorized", &error));
  g_assert_no_error (error);
  assert_one_group (one, 3);
  assert_one_group (two, 3);
  da = data_of (one, a);
  ea = data_of (one, str (da, "channel_id"));
  g_assert_true (awp_registry_is_provisional (ea));
  g_assert_cmpstr (awp_registry_number_text (ea, "ru"), ==, "— (номер ожидается)");
  g_assert_cmpstr (awp_registry_number_text (ea, "kk"), ==, "— (нөмірі күтілуде)");
  g_clear_pointer (&ea, json_object_unref);

  sync_clean (one);
  sync_clean (two);
  sync_clean (one);

  da = (json_object_unref (da), data_of (one, a));
  db = data_of (two, b);
  ea = data_of (one, str (da, "channel_id"));
  eb = data_of (two, str (db, "channel_id"));
  g_assert_false (awp_registry_is_provisional (ea));
  g_assert_false (awp_registry_is_provisional (eb));
  g_assert_cmpstr (str (ea, "number"), !=, str (eb, "number"));
  /* Each sees the other's entry with the same number. */
  ea_two = data_of (two, str (da, "channel_id"));
  eb_one = data_of (one, str (db, "channel_id"));
  g_assert_nonnull (ea_two);
  g_assert_nonnull (eb_one);
  g_assert_cmpstr (str (ea_two, "number"), ==, str (ea, "number"));
  g_assert_cmpstr (str (eb_one, "number"), ==, str (eb, "number"));
  reg_one = registry_text (one);
  reg_two = registry_text (two);
  g_assert_cmpstr (reg_one, ==, reg_two);
  /* No number is given twice in the whole Registry. */
  {
    g_autoptr(GPtrArray) entries = awp_registry_search (one->store, NULL, &error);
    g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < entries->len; i++)
      {
        JsonObject *d = json_object_get_object_member (g_ptr_array_index (entries, i), "data");

        if (!json_object_has_member (d, "included_on"))
          continue;  /* a body's broadcast channel (O605), no entry */
        g_assert_false (awp_registry_is_provisional (d));
        g_assert_false (g_hash_table_contains (numbers, str (d, "number")));
        g_hash_table_add (numbers, (gpointer) str (d, "number"));
      }
  }
  csv = awp_registry_to_csv (two->store, "kk", &error);
  g_assert_no_error (error);
  g_assert_null (strstr (csv, "күтілуде"));
  sync_clean (app);
  {
    g_autoptr(JsonObject) mine = data_of (app, str (da, "channel_id"));

    g_assert_cmpstr (str (mine, "number"), ==, str (ea, "number"));
  }
}

/* The same application accredited on two workstations: the second
 * decision's entry is refused by the server (one entry per application),
 * so none of its group lands; that workstation sees the refusal and,
 * dropping it, holds the server's Registry (issue 9 (a)). */
static void
test_refused_group (void)
{
  g_autoptr(Client) app = client_new ("admin.edu");
  g_autoptr(Client) one = client_new ("authorized");
  g_autoptr(Client) two = client_new ("authorized");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rejected = NULL;
  g_autoptr(JsonObject) d_one = NULL;
  g_autoptr(JsonObject) d_two = NULL;
  g_autoptr(JsonObject) d_app = NULL;
  g_autofree char *a = NULL;
  g_autofree char *reg_one = NULL;
  g_autofree char *reg_two = NULL;
  g_autofree char *reg_app = NULL;
  guint entries = 0;

  sync_clean (app);
  a = sent_application (app);
  sync_clean (app);
  sync_clean (one);
  review_all (one, a);
  sync_clean (one);
  sync_clean (two);
  g_assert_true (awp_accreditation_decide (one->store, a, TRUE, NULL, NULL, "authorized", &error));
  g_assert_no_error (error);
  g_assert_true (awp_accreditation_decide (two->store, a, TRUE, NULL, NULL, "authorized", &error));
  g_assert_no_error (error);
  sync_clean (one);

  rejected = sync_refused (two, 3, "duplicate_entry");
  d_two = data_of (two, a);
  g_assert_nonnull (d_two);
  {
    g_autoptr(JsonObject) record = awp_store_get_record (two->store, a, NULL);

    g_assert_cmpstr (json_object_get_string_member (record, "state"), ==, "rejected");
  }

  /* On the server: one entry for the application, the one its decision names. */
  sync_clean (app);
  d_app = data_of (app, a);
  g_assert_cmpstr (str (d_app, "status"), ==, "accredited");
  d_one = data_of (one, a);
  g_assert_cmpstr (str (d_app, "channel_id"), ==, str (d_one, "channel_id"));
  {
    g_autoptr(GPtrArray) all = awp_registry_search (app->store, NULL, &error);

    for (guint i = 0; i < all->len; i++)
      entries += g_strcmp0 (str (json_object_get_object_member (g_ptr_array_index (all, i), "data"),
                                 "application_id"), a) == 0;
  }
  g_assert_cmpuint (entries, ==, 1);
  g_assert_cmpuint (history_length (app, str (d_app, "channel_id")), ==, 1);

  /* The refused workstation drops the group and converges. */
  drop_refused (two, rejected);
  g_clear_pointer (&d_two, json_object_unref);
  d_two = data_of (two, a);
  g_assert_cmpstr (str (d_two, "channel_id"), ==, str (d_one, "channel_id"));
  reg_one = registry_text (one);
  reg_two = registry_text (two);
  reg_app = registry_text (app);
  g_assert_cmpstr (reg_two, ==, reg_one);
  g_assert_cmpstr (reg_app, ==, reg_one);
}

/* A change applied and a termination entered go to the server as groups;
 * the same decision made on a second workstation is refused whole (one
 * history line per decision, O93-9), and both end with one Registry. */
static void
test_change_and_termination_groups (void)
{
  g_autoptr(Client) app = client_new ("admin.edu");
  g_autoptr(Client) one = client_new ("authorized");
  g_autoptr(Client) two = client_new ("authorized");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonObject) notice = json_object_new ();
  g_autoptr(JsonObject) decided = NULL;
  g_autoptr(GPtrArray) rejected = NULL;
  g_autofree char *a = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *cr = NULL;
  g_autofree char *tn = NULL;
  g_autofree char *reg_one = NULL;
  g_autofree char *reg_two = NULL;

  sync_clean (app);
  a = sent_application (app);
  sync_clean (app);
  sync_clean (one);
  review_all (one, a);
  g_assert_true (awp_accreditation_decide (one->store, a, TRUE, NULL, NULL, "authorized", &error));
  g_assert_no_error (error);
  sync_clean (one);
  sync_clean (app);
  decided = data_of (app, a);
  channel = g_strdup (str (decided, "channel_id"));

  json_object_set_string_member (request, "new_value", "Общественная приемная министра просвещения");
  json_object_set_string_member (request, "grounds", "Приказ министра № 45 от 04.05.2026");
  json_object_set_string_member (request, "signer", "Сейітқали Ә. Б.");
  json_object_set_string_member (request, "signed_on", "2026-05-05");
  cr = awp_change_request_create (app->store, channel, "name_ru", request, "admin.edu", &error);
  g_assert_no_error (error);
  g_assert_true (awp_change_request_send (app->store, cr, NULL, "admin.edu", &error));
  g_assert_no_error (error);
  sync_clean (app);
  sync_clean (one);
  sync_clean (two);
  g_assert_true (awp_change_request_apply (one->store, cr, NULL, "authorized", &error));
  g_assert_no_error (error);
  g_assert_true (awp_change_request_apply (two->store, cr, NULL, "authorized", &error));
  g_assert_no_error (error);
  assert_one_group (one, 3);
  sync_clean (one);
  rejected = sync_refused (two, 3, "duplicate_line");
  drop_refused (two, rejected);
  g_clear_pointer (&rejected, g_ptr_array_unref);
  g_assert_cmpuint (history_length (two, channel), ==, 2);

  json_object_set_string_member (notice, "text", "Работа приемной прекращается с 01.01.2027");
  json_object_set_string_member (notice, "signer", "Сейітқали Ә. Б.");
  json_object_set_string_member (notice, "signed_on", "2026-10-22");
  tn = awp_termination_create (app->store, channel, notice, "admin.edu", &error);
  g_assert_no_error (error);
  g_assert_true (awp_termination_send (app->store, tn, NULL, "admin.edu", &error));
  g_assert_no_error (error);
  sync_clean (app);
  sync_clean (one);
  sync_clean (two);
  g_assert_true (awp_termination_apply (two->store, tn, NULL, "authorized", &error));
  g_assert_no_error (error);
  g_assert_true (awp_termination_apply (one->store, tn, NULL, "authorized", &error));
  g_assert_no_error (error);
  assert_one_group (two, 3);
  sync_clean (two);
  rejected = sync_refused (one, 3, "duplicate_line");
  drop_refused (one, rejected);
  sync_clean (two);
  {
    g_autoptr(JsonObject) entry = data_of (one, channel);
    g_autoptr(JsonObject) t = data_of (one, tn);

    g_assert_cmpstr (str (entry, "excluded_on"), !=, "");
    g_assert_cmpstr (str (t, "status"), ==, "applied");
  }
  g_assert_cmpuint (history_length (one, channel), ==, 3);
  reg_one = registry_text (one);
  reg_two = registry_text (two);
  g_assert_cmpstr (reg_one, ==, reg_two);
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  awp_test_server_start (&server, NULL);
  g_test_add_func ("/channel-sync/lifecycle", test_lifecycle);
  g_test_add_func ("/channel-sync/applicant-denied", test_applicant_denied);
  g_test_add_func ("/channel-sync/offline-numbers", test_offline_numbers);
  g_test_add_func ("/channel-sync/refused-group", test_refused_group);
  g_test_add_func ("/channel-sync/change-and-termination-groups", test_change_and_termination_groups);
  rc = g_test_run ();
  awp_test_server_stop (&server);
  return rc;
}
