#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "awp-audit.h"
#include "awp-json-util.h"
#include "awp-meeting-store.h"
#include "awp-store-private.h"
#include "awp-validate.h"

/* Order 605 meetings through the store: each change is the store's own
 * transaction (record + outbox + audit); changes to many records at once
 * (an import, an emergency) wrap them in one outer transaction. */

#define MEETING "meeting"
#define REGISTRATION "meeting_registration"
#define COMMENT "meeting_comment"

static char *
iso_date (const GDate *d)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

static JsonObject *
record_data (JsonObject *record)
{
  return json_object_get_object_member (record, "data");
}

static const char *
data_string (JsonObject *record,
             const char *member)
{
  return json_object_get_string_member_with_default (record_data (record), member, NULL);
}

/* An inner failure may have rolled the whole transaction back already. */
static void
abort_outer (AwpStore *store)
{
  if (!sqlite3_get_autocommit (awp_store_get_db (store)))
    awp_store_rollback (store);
}

static JsonObject *
load_meeting (AwpStore    *store,
              const char  *id,
              GError     **error)
{
  g_autoptr(JsonObject) record = awp_store_get_record (store, id, error);

  if (record == NULL)
    return NULL;
  if (g_strcmp0 (json_object_get_string_member (record, "type"), MEETING) != 0)
    {
      g_set_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID,
                   _("Record “%s” is not a meeting"), id);
      return NULL;
    }
  return g_steal_pointer (&record);
}

static GPtrArray *
select_records (AwpStore    *store,
                const char  *sql,
                const char  *arg1,
                const char  *arg2,
                GError     **error)
{
  g_autoptr(AwpCachedStmt) list = awp_store_prepare (store, sql, error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  int rc;

  if (list == NULL)
    return NULL;
  if (arg1 != NULL)
    sqlite3_bind_text (list, 1, arg1, -1, SQLITE_TRANSIENT);
  if (arg2 != NULL)
    sqlite3_bind_text (list, 2, arg2, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (list, 0)));
  if (rc != SQLITE_DONE)
    {
      awp_store_fail (store, "list", error);
      return NULL;
    }
  g_clear_pointer (&list, awp_cached_stmt_release);
  for (guint i = 0; i < ids->len; i++)
    {
      JsonObject *record = awp_store_get_record (store, ids->pdata[i], error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }
  return g_steal_pointer (&records);
}

static int
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  JsonObject *x = *(JsonObject **) a;
  JsonObject *y = *(JsonObject **) b;
  int c = g_strcmp0 (data_string (x, "date"), data_string (y, "date"));

  return c != 0 ? c : g_strcmp0 (data_string (x, "time"), data_string (y, "time"));
}

GPtrArray *
awp_meeting_list (AwpStore    *store,
                  const char  *org_id,
                  GError     **error)
{
  GPtrArray *records;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);

  records = select_records (store,
                            org_id != NULL ? "SELECT id FROM record WHERE type = 'meeting' AND org_id = ?1 ORDER BY rid"
                                           : "SELECT id FROM record WHERE type = 'meeting' ORDER BY rid",
                            org_id, NULL, error);
  if (records != NULL)
    g_ptr_array_sort (records, compare_meetings);
  return records;
}

GPtrArray *
awp_meeting_list_children (AwpStore    *store,
                           const char  *meeting_id,
                           const char  *type,
                           GError     **error)
{
  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id != NULL && type != NULL, NULL);

  return select_records (store, "SELECT id FROM record WHERE type = ?1 AND parent_id = ?2 ORDER BY rid",
                         type, meeting_id, error);
}

static gboolean
fail_with_issues (JsonObject  *data,
                  GError     **error)
{
  return awp_meeting_validate (data, error);
}

char *
awp_meeting_save (AwpStore    *store,
                  const char  *id,
                  JsonObject  *data,
                  const char  *actor,
                  GError     **error)
{
  g_autoptr(JsonObject) copy = NULL;
  g_autoptr(JsonObject) current = NULL;
  g_autofree char *text = NULL;
  AwpCalendar *calendar;
  AwpRuleSet *rules;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL && actor != NULL, NULL);

  if (!fail_with_issues (data, error))
    return NULL;
  text = awp_json_object_to_string (data);
  copy = awp_json_object_from_string (text, error);
  if (copy == NULL)
    return NULL;
  /* Phones are kept as E.164 (“+77172556677”), however they were typed. */
  {
    JsonObject *person = json_object_get_object_member (copy, "responsible");
    g_autofree char *e164 = awp_validate_phone (json_object_get_string_member (person, "phone"), "", NULL);

    if (e164 != NULL)
      json_object_set_string_member (person, "phone", e164);
  }
  /* Status and history change only through actions. */
  json_object_remove_member (copy, "status");
  json_object_remove_member (copy, "events");
  if (id != NULL)
    {
      current = load_meeting (store, id, error);
      if (current == NULL)
        return NULL;
      json_object_set_string_member (copy, "status",
                                     json_object_get_string_member_with_default (record_data (current), "status", "planned"));
    }
  if (!awp_store_get_deadline_rules (store, &calendar, &rules, error)
      || !awp_meeting_fill_deadlines (rules, calendar, copy, error))
    return NULL;
  json_object_remove_member (copy, "status");
  if (id == NULL)
    return awp_store_create (store, MEETING, copy, actor, error);
  if (!awp_store_update (store, id, copy, actor, error))
    return NULL;
  return g_strdup (id);
}

static gboolean
check_link (const char  *link,
            const char  *label,
            GError     **error)
{
  g_autoptr(GUri) uri = link != NULL ? g_uri_parse (link, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri == NULL || strchr (link, ' ') != NULL
      || (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0
          && g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0)
      || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID,
                   _("%s: “%s” is not a web address (https://…)"), label, link ? link : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
deadline_date (JsonObject         *record,
               AwpMeetingDeadline  which,
               GDate              *out)
{
  JsonObject *data = record_data (record);
  JsonObject *due = json_object_has_member (data, "deadlines") ? json_object_get_object_member (data, "deadlines") : NULL;
  const char *text = due ? json_object_get_string_member_with_default (due, awp_meeting_deadline_key (which), NULL) : NULL;

  g_date_clear (out, 1);
  return text != NULL && awp_calendar_parse_date (text, "deadlines", out, NULL);
}

gboolean
awp_meeting_announce (AwpStore    *store,
                      const char  *id,
                      const char  *link,
                      const GDate *published_on,
                      const char  *actor,
                      gboolean    *late,
                      GError     **error)
{
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *day = NULL;
  gboolean is_late;
  JsonObject *due;

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL && published_on != NULL && actor != NULL, FALSE);

  record = load_meeting (store, id, error);
  if (record == NULL)
    return FALSE;
  if (json_object_get_boolean_member_with_default (record_data (record), "closed", FALSE))
    {
      g_set_error_literal (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_CLOSED,
                           _("A closed meeting has no public announcement (Rules No. 605-NK, para. 3)"));
      return FALSE;
    }
  if (!awp_meeting_validate (record_data (record), error)
      || !check_link (link, _("Announcement link"), error))
    return FALSE;

  is_late = awp_meeting_announcement_is_late (record_data (record), published_on);
  day = iso_date (published_on);
  json_object_set_string_member (fields, "announcement_url", link);
  json_object_set_string_member (fields, "announced_on", day);
  json_object_set_boolean_member (fields, "announcement_late", is_late);
  due = json_object_get_object_member (record_data (record), "deadlines");
  json_object_set_string_member (fields, "due_on", json_object_get_string_member (due, "results_by"));
  if (!awp_store_transition (store, id, "announce", fields, actor, error))
    return FALSE;
  if (late != NULL)
    *late = is_late;
  return TRUE;
}

gboolean
awp_meeting_hold (AwpStore    *store,
                  const char  *id,
                  const char  *actor,
                  GError     **error)
{
  g_autoptr(JsonObject) record = NULL;

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);

  record = load_meeting (store, id, error);
  if (record == NULL)
    return FALSE;
  return awp_store_transition (store, id, "hold", NULL, actor, error);
}

gboolean
awp_meeting_publish_results (AwpStore    *store,
                             const char  *id,
                             const char  *decision,
                             JsonArray   *attachments,
                             const char  *link,
                             const GDate *published_on,
                             const char  *actor,
                             gboolean    *late,
                             GError     **error)
{
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  JsonObject *results;
  g_autofree char *day = NULL;
  GDate by;
  gboolean is_late;
  int unanswered;

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL && published_on != NULL && actor != NULL, FALSE);

  record = load_meeting (store, id, error);
  if (record == NULL)
    return FALSE;
  if (!awp_validate_text (decision ? decision : "", _("Decision"), TRUE, 20000, error)
      || !check_link (link, _("Results link"), error))
    {
      if (error != NULL && *error != NULL && (*error)->domain != AWP_MEETING_ERROR)
        {
          GError *e = *error;

          *error = g_error_new_literal (AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID, e->message);
          g_error_free (e);
        }
      return FALSE;
    }
  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    {
      JsonNode *node = json_array_get_element (attachments, i);
      JsonObject *a = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *kind = a ? json_object_get_string_member_with_default (a, "kind", NULL) : NULL;
      const char *name = a ? json_object_get_string_member_with_default (a, "name", NULL) : NULL;

      if (!g_strv_contains ((const char *const[]) { "decision", "transcript", "minutes", NULL }, kind ? kind : "")
          || name == NULL || *name == '\0')
        {
          g_set_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID,
                       _("Attachment %u: give its kind (decision, transcript or minutes) and file name"), i + 1);
          return FALSE;
        }
    }
  unanswered = awp_meeting_count_unanswered (store, id, error);
  if (unanswered < 0)
    return FALSE;
  if (unanswered > 0)
    {
      g_set_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_UNANSWERED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%d broadcast comment is not answered yet (Rules No. 605-NK, para. 13)",
                                "%d broadcast comments are not answered yet (Rules No. 605-NK, para. 13)",
                                unanswered), unanswered);
      return FALSE;
    }

  is_late = deadline_date (record, AWP_MEETING_DEADLINE_RESULTS, &by) && g_date_compare (published_on, &by) > 0;
  day = iso_date (published_on);
  results = json_object_new ();
  json_object_set_string_member (results, "decision", decision);
  json_object_set_string_member (results, "link", link);
  json_object_set_string_member (results, "published_on", day);
  if (attachments != NULL)
    json_object_set_array_member (results, "attachments", json_array_ref (attachments));
  else
    json_object_set_array_member (results, "attachments", json_array_new ());
  json_object_set_object_member (fields, "results", results);
  json_object_set_boolean_member (fields, "results_late", is_late);
  if (!awp_store_transition (store, id, "publish_results", fields, actor, error))
    return FALSE;
  if (late != NULL)
    *late = is_late;
  return TRUE;
}

/* Registrations (O605-9, O605-10). */

static char *
fold_person (const char *surname,
             const char *name,
             gint64      year)
{
  g_autofree char *joined = g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT, surname, name, year);
  g_autofree char *normal = g_utf8_normalize (joined, -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (normal, -1);
}

static char *
normalize_contact (const char  *contact,
                   GError     **error)
{
  if (strchr (contact, '@') != NULL)
    return awp_validate_email (contact, _("Contacts"), error) ? g_strdup (contact) : NULL;
  return awp_validate_phone (contact, _("Contacts"), error);
}

/* The meeting if it takes applications to attend offline. */
static JsonObject *
load_open_meeting (AwpStore    *store,
                   const char  *meeting_id,
                   GError     **error)
{
  g_autoptr(JsonObject) record = load_meeting (store, meeting_id, error);
  const char *status;

  if (record == NULL)
    return NULL;
  if (json_object_get_boolean_member_with_default (record_data (record), "closed", FALSE))
    {
      g_set_error_literal (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_CLOSED,
                           _("A closed meeting takes no applications to attend (Rules No. 605-NK, para. 3)"));
      return NULL;
    }
  if (g_strcmp0 (data_string (record, "format"), "online") == 0)
    {
      g_set_error_literal (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_ONLINE,
                           _("The meeting is held online only: applications to attend offline are not taken (Rules No. 605-NK, para. 9)"));
      return NULL;
    }
  status = data_string (record, "status");
  if (status != NULL && !g_str_equal (status, "planned") && !g_str_equal (status, "announced"))
    {
      g_set_error_literal (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_STATE,
                           _("The meeting has been held: applications are closed"));
      return NULL;
    }
  return g_steal_pointer (&record);
}

static GHashTable *
registered_people (AwpStore    *store,
                   const char  *meeting_id,
                   GError     **error)
{
  g_autoptr(GPtrArray) existing = awp_meeting_list_children (store, meeting_id, REGISTRATION, error);
  GHashTable *people;

  if (existing == NULL)
    return NULL;
  people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < existing->len; i++)
    {
      JsonObject *data = record_data (existing->pdata[i]);

      g_hash_table_add (people, fold_person (json_object_get_string_member_with_default (data, "surname", ""),
                                             json_object_get_string_member_with_default (data, "name", ""),
                                             json_object_get_int_member_with_default (data, "birth_year", 0)));
    }
  return people;
}

static gboolean
is_late (JsonObject  *meeting,
         const char  *received_on)
{
  GDate cutoff, received;

  return deadline_date (meeting, AWP_MEETING_DEADLINE_REGISTER, &cutoff)
         && awp_calendar_parse_date (received_on, "received_on", &received, NULL)
         && g_date_compare (&received, &cutoff) > 0;
}

/* The checked data of one application, or NULL with an error naming the field. */
static JsonObject *
check_application (JsonObject  *meeting,
                   JsonObject  *application,
                   GError     **error)
{
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *today = awp_store_today ();
  g_autofree char *contact = NULL;
  const char *surname = json_object_get_string_member_with_default (application, "surname", "");
  const char *name = json_object_get_string_member_with_default (application, "name", "");
  const char *patronymic = json_object_get_string_member_with_default (application, "patronymic", NULL);
  const char *received = json_object_get_string_member_with_default (application, "received_on", today);
  const char *channel = json_object_get_string_member_with_default (application, "channel", "paper");
  gint64 year = 0;
  GDate day;
  int this_year = atoi (today);

  if (!awp_validate_text (surname, _("Surname"), TRUE, 100, &local)
      || !awp_validate_text (name, _("Name"), TRUE, 100, &local)
      || (patronymic != NULL && !awp_validate_text (patronymic, _("Patronymic"), FALSE, 100, &local)))
    goto invalid;
  if (!awp_json_get_int (application, "birth_year", AWP_REGISTRATION_MIN_BIRTH_YEAR, this_year, &year))
    {
      g_set_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID,
                   _("%s: enter a year between %d and %d"), _("Year of birth"),
                   AWP_REGISTRATION_MIN_BIRTH_YEAR, this_year);
      return NULL;
    }
  contact = normalize_contact (json_object_get_string_member_with_default (application, "contact", ""), &local);
  if (contact == NULL)
    goto invalid;
  if (!awp_calendar_parse_date (received, _("Date received"), &day, &local))
    goto invalid;
  if (!g_strv_contains ((const char *const[]) { "paper", "electronic", "import", NULL }, channel))
    {
      g_set_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID,
                   _("%s: “%s” is not paper or electronic"), _("Application"), channel);
      return NULL;
    }

  json_object_set_string_member (data, "surname", surname);
  json_object_set_string_member (data, "name", name);
  if (patronymic != NULL && *patronymic != '\0')
    json_object_set_string_member (data, "patronymic", patronymic);
  json_object_set_int_member (data, "birth_year", year);
  json_object_set_string_member (data, "contact", contact);
  json_object_set_string_member (data, "received_on", received);
  json_object_set_string_member (data, "channel", channel);
  json_object_set_boolean_member (data, "late", is_late (meeting, received));
  {
    g_autofree char *full = g_strdup_printf ("%s %s%s%s", surname, name,
                                             patronymic && *patronymic ? " " : "", patronymic ? patronymic : "");

    json_object_set_string_member (data, "requester", full);
  }
  return g_steal_pointer (&data);

invalid:
  g_set_error_literal (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID, local->message);
  return NULL;
}

static char *
add_registration (AwpStore    *store,
                  JsonObject  *meeting,
                  const char  *meeting_id,
                  JsonObject  *application,
                  GHashTable  *people,
                  const char  *actor,
                  GError     **error)
{
  g_autoptr(JsonObject) data = check_application (meeting, application, error);
  g_autofree char *key = NULL;

  if (data == NULL)
    return NULL;
  key = fold_person (json_object_get_string_member (data, "surname"),
                     json_object_get_string_member (data, "name"),
                     json_object_get_int_member (data, "birth_year"));
  if (g_hash_table_contains (people, key))
    {
      g_set_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID,
                   _("%s %s (%d) is already registered for this meeting"),
                   json_object_get_string_member (data, "surname"), json_object_get_string_member (data, "name"),
                   (int) json_object_get_int_member (data, "birth_year"));
      return NULL;
    }
  json_object_set_string_member (data, "parent_id", meeting_id);
  json_object_set_string_member (data, "org_id", data_string (meeting, "org_id") ? data_string (meeting, "org_id") : "");
  if (data_string (meeting, "org_id") == NULL)
    json_object_remove_member (data, "org_id");
  g_hash_table_add (people, g_steal_pointer (&key));
  return awp_store_create (store, REGISTRATION, data, actor, error);
}

char *
awp_meeting_register (AwpStore    *store,
                      const char  *meeting_id,
                      JsonObject  *application,
                      const char  *actor,
                      GError     **error)
{
  g_autoptr(JsonObject) meeting = NULL;
  g_autoptr(GHashTable) people = NULL;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting_id != NULL && application != NULL && actor != NULL, NULL);

  meeting = load_open_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  people = registered_people (store, meeting_id, error);
  if (people == NULL)
    return NULL;
  return add_registration (store, meeting, meeting_id, application, people, actor, error);
}

int
awp_meeting_import_registrations (AwpStore              *store,
                                  const char            *meeting_id,
                                  AwpRegistrationImport *import,
                                  const char            *actor,
                                  GError               **error)
{
  g_autoptr(JsonObject) meeting = NULL;
  g_autoptr(GHashTable) people = NULL;
  int added = 0;

  g_return_val_if_fail (AWP_IS_STORE (store), -1);
  g_return_val_if_fail (import != NULL && actor != NULL, -1);

  meeting = load_open_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return -1;
  people = registered_people (store, meeting_id, error);
  if (people == NULL || !awp_store_begin (store, error))
    return -1;
  for (guint i = 0; i < import->registrations->len; i++)
    {
      AwpRegistration *r = import->registrations->pdata[i];
      g_autoptr(JsonObject) application = NULL;
      g_autofree char *key = NULL;
      g_autofree char *id = NULL;
      g_autofree char *today = NULL;

      if (!awp_registration_is_valid (r) || r->duplicate_of != 0)
        continue;
      key = fold_person (r->surname, r->name, r->birth_year);
      /* Already registered: the file repeats an earlier import or a paper form. */
      if (g_hash_table_contains (people, key))
        continue;
      application = json_object_new ();
      json_object_set_string_member (application, "surname", r->surname);
      json_object_set_string_member (application, "name", r->name);
      if (r->patronymic != NULL)
        json_object_set_string_member (application, "patronymic", r->patronymic);
      json_object_set_int_member (application, "birth_year", r->birth_year);
      json_object_set_string_member (application, "contact", r->contact);
      today = g_date_valid (&r->received) ? iso_date (&r->received) : awp_store_today ();
      json_object_set_string_member (application, "received_on", today);
      json_object_set_string_member (application, "channel", "import");
      id = add_registration (store, meeting, meeting_id, application, people, actor, error);
      if (id == NULL)
        {
          g_prefix_error (error, _("Row %u: "), r->row);
          abort_outer (store);
          return -1;
        }
      added++;
    }
  if (!awp_store_commit (store, error))
    return -1;
  return added;
}

void
awp_seat_plan_free (AwpSeatPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->seated);
  g_ptr_array_unref (plan->waiting);
  g_free (plan);
}

static int
compare_applications (gconstpointer a,
                      gconstpointer b)
{
  JsonObject *x = record_data (*(JsonObject **) a);
  JsonObject *y = record_data (*(JsonObject **) b);
  gboolean lx = json_object_get_boolean_member_with_default (x, "late", FALSE);
  gboolean ly = json_object_get_boolean_member_with_default (y, "late", FALSE);

  if (lx != ly)
    return lx - ly;
  return g_strcmp0 (json_object_get_string_member_with_default (x, "received_on", ""),
                    json_object_get_string_member_with_default (y, "received_on", ""));
}

AwpSeatPlan *
awp_meeting_seat_plan (AwpStore    *store,
                       const char  *meeting_id,
                       const char  *viewer_org_id,
                       GError     **error)
{
  g_autoptr(JsonObject) meeting = NULL;
  g_autoptr(GPtrArray) all = NULL;
  AwpSeatPlan *plan;
  const char *org;

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);

  meeting = load_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  org = data_string (meeting, "org_id");
  if (viewer_org_id != NULL && g_strcmp0 (org, viewer_org_id) != 0)
    {
      g_set_error_literal (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_FORBIDDEN,
                           _("Registrations hold personal data: only the meeting's organization may see them"));
      return NULL;
    }
  all = awp_meeting_list_children (store, meeting_id, REGISTRATION, error);
  if (all == NULL)
    return NULL;
  /* Stable: equal keys keep the order of receipt in the store. */
  g_ptr_array_sort (all, compare_applications);

  plan = g_new0 (AwpSeatPlan, 1);
  plan->capacity = (guint) MAX (0, json_object_get_int_member_with_default (record_data (meeting), "capacity", 0));
  plan->seated = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  plan->waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      JsonObject *r = json_object_ref (all->pdata[i]);

      plan->n_late += json_object_get_boolean_member_with_default (record_data (r), "late", FALSE);
      g_ptr_array_add (plan->seated->len < plan->capacity ? plan->seated : plan->waiting, r);
    }
  return plan;
}

/* Broadcast comments (O605-13). */

char *
awp_meeting_add_comment (AwpStore    *store,
                         const char  *meeting_id,
                         const char  *author,
                         const char  *text,
                         const char  *actor,
                         GError     **error)
{
  g_autoptr(JsonObject) meeting = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *now = awp_store_now_iso ();

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);

  meeting = load_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  if (!awp_validate_text (author ? author : "", _("Author"), TRUE, 200, &local)
      || !awp_validate_text (text ? text : "", _("Comment"), TRUE, 5000, &local))
    {
      g_set_error_literal (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID, local->message);
      return NULL;
    }
  json_object_set_string_member (data, "parent_id", meeting_id);
  json_object_set_string_member (data, "author", author);
  json_object_set_string_member (data, "requester", author);
  json_object_set_string_member (data, "text", text);
  json_object_set_string_member (data, "received_at", now);
  if (data_string (meeting, "org_id") != NULL)
    json_object_set_string_member (data, "org_id", data_string (meeting, "org_id"));
  return awp_store_create (store, COMMENT, data, actor, error);
}

gboolean
awp_meeting_answer_comment (AwpStore    *store,
                            const char  *comment_id,
                            const char  *answer,
                            const char  *actor,
                            GError     **error)
{
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) patch = json_object_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *today = awp_store_today ();

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);

  record = awp_store_get_record (store, comment_id, error);
  if (record == NULL)
    return FALSE;
  if (g_strcmp0 (json_object_get_string_member (record, "type"), COMMENT) != 0)
    {
      g_set_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID,
                   _("Record “%s” is not a broadcast comment"), comment_id);
      return FALSE;
    }
  if (!awp_validate_text (answer ? answer : "", _("Answer"), TRUE, 5000, &local))
    {
      g_set_error_literal (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID, local->message);
      return FALSE;
    }
  json_object_set_string_member (patch, "answer", answer);
  json_object_set_string_member (patch, "answered_on", today);
  json_object_set_string_member (patch, "answered_by", actor);
  return awp_store_update (store, comment_id, patch, actor, error);
}

int
awp_meeting_count_unanswered (AwpStore    *store,
                              const char  *meeting_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) comments = awp_meeting_list_children (store, meeting_id, COMMENT, error);
  int n = 0;

  if (comments == NULL)
    return -1;
  for (guint i = 0; i < comments->len; i++)
    {
      const char *answer = data_string (comments->pdata[i], "answer");

      n += answer == NULL || *answer == '\0';
    }
  return n;
}

/* Emergency (O605-6). */

void
awp_meeting_notice_free (AwpMeetingNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->meeting_id);
  g_free (notice->meeting_title);
  g_free (notice->registration_id);
  g_free (notice->full_name);
  g_free (notice->contact);
  g_free (notice);
}

static gboolean
affected (JsonObject  *meeting,
          const char  *region,
          const GDate *from,
          const GDate *to)
{
  JsonObject *data = record_data (meeting);
  const char *status = json_object_get_string_member_with_default (data, "status", "planned");
  const char *format = json_object_get_string_member_with_default (data, "format", "");
  GDate day;

  if (!g_str_equal (status, "planned") && !g_str_equal (status, "announced"))
    return FALSE;
  if (!g_str_equal (format, "offline") && !g_str_equal (format, "hybrid"))
    return FALSE;
  if (region != NULL && g_strcmp0 (json_object_get_string_member_with_default (data, "region", NULL), region) != 0)
    return FALSE;
  return awp_meeting_get_date (data, &day) && g_date_compare (&day, from) >= 0 && g_date_compare (&day, to) <= 0;
}

GPtrArray *
awp_meeting_declare_emergency (AwpStore    *store,
                               const char  *region,
                               const GDate *from,
                               const GDate *to,
                               const char  *ground,
                               const char  *actor,
                               GPtrArray  **switched,
                               GError     **error)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_meeting_notice_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *now = awp_store_now_iso ();

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL && actor != NULL, NULL);

  if (region != NULL && awp_meeting_region_find (region) == NULL)
    {
      g_set_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID,
                   _("%s: “%s” is not a region of Kazakhstan"), _("Region"), region);
      return NULL;
    }
  if (!awp_validate_date_range (from, to, _("Emergency period"), &local)
      || !awp_validate_text (ground ? ground : "", _("Emergency"), TRUE, 2000, &local))
    {
      g_set_error_literal (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID, local->message);
      return NULL;
    }
  meetings = awp_meeting_list (store, NULL, error);
  if (meetings == NULL || !awp_store_begin (store, error))
    return NULL;
  from_text = iso_date (from);
  to_text = iso_date (to);
  for (guint i = 0; i < meetings->len; i++)
    {
      JsonObject *meeting = meetings->pdata[i];
      const char *id = json_object_get_string_member (meeting, "id");
      g_autoptr(JsonObject) patch = json_object_new ();
      g_autoptr(JsonObject) emergency = json_object_new ();
      g_autoptr(JsonObject) detail = json_object_new ();
      g_autoptr(GPtrArray) registrations = NULL;

      if (!affected (meeting, region, from, to))
        continue;
      json_object_set_string_member (emergency, "ground", ground);
      if (region != NULL)
        json_object_set_string_member (emergency, "region", region);
      json_object_set_string_member (emergency, "from", from_text);
      json_object_set_string_member (emergency, "to", to_text);
      json_object_set_string_member (emergency, "previous_format", data_string (meeting, "format"));
      json_object_set_string_member (emergency, "declared_at", now);
      json_object_set_string_member (patch, "format", "online");
      json_object_set_object_member (patch, "emergency", json_object_ref (emergency));
      json_object_set_string_member (detail, "format", "online");
      json_object_set_object_member (detail, "emergency", g_steal_pointer (&emergency));
      registrations = awp_meeting_list_children (store, id, REGISTRATION, error);
      if (registrations == NULL
          || !awp_store_update (store, id, patch, actor, error)
          /* The store's entry says "update"; this one cites the norm. */
          || !awp_audit_append (store, actor, "emergency_online", MEETING, id, "O605-6", detail, error))
        {
          abort_outer (store);
          return NULL;
        }
      g_ptr_array_add (ids, g_strdup (id));
      for (guint r = 0; r < registrations->len; r++)
        {
          AwpMeetingNotice *notice = g_new0 (AwpMeetingNotice, 1);

          notice->meeting_id = g_strdup (id);
          notice->meeting_title = g_strdup (data_string (meeting, "title"));
          notice->registration_id = g_strdup (json_object_get_string_member (registrations->pdata[r], "id"));
          notice->full_name = g_strdup (data_string (registrations->pdata[r], "requester"));
          notice->contact = g_strdup (data_string (registrations->pdata[r], "contact"));
          g_ptr_array_add (notices, notice);
        }
    }
  if (!awp_store_commit (store, error))
    return NULL;
  if (switched != NULL)
    *switched = g_steal_pointer (&ids);
  return g_steal_pointer (&notices);
}
