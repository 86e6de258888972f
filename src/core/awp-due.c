#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "awp-calendar-private.h"
#include "awp-due.h"
#include "awp-store-private.h"
#include "awp-template-notices.h"

void
awp_due_item_free (AwpDueItem *item)
{
  if (item == NULL)
    return;
  g_free (item->key);
  g_free (item->id);
  g_free (item->title);
  g_free (item->number);
  g_free (item->what);
  g_free (item->due_on);
  g_free (item);
}

typedef struct
{
  const char *from;   /* may be NULL */
  const char *to;
  GPtrArray  *out;
} Range;

static gboolean
in_range (const Range *r, const char *due_on)
{
  return due_on != NULL && (r->from == NULL || strcmp (due_on, r->from) >= 0) && strcmp (due_on, r->to) <= 0;
}

static const char *
member (JsonObject *o, const char *name)
{
  return o ? json_object_get_string_member_with_default (o, name, NULL) : NULL;
}

static JsonObject *
object_member (JsonObject *o, const char *name)
{
  JsonNode *node = o ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The record's title in the UI language where it has one per language. */
static const char *
title_of (JsonObject *data)
{
  const char *lang = awp_calendar_lang_index () == AWP_LANG_KK ? "title_kk" : "title_ru";

  if (member (data, lang) != NULL)
    return member (data, lang);
  if (member (data, "title") != NULL)
    return member (data, "title");
  return member (data, "subject") ? member (data, "subject") : "";
}

static void
add (Range       *r,
     const char  *id,
     const char  *type,
     const char  *norm,
     const char  *key_part,
     const char  *title,
     const char  *number,
     const char  *what,
     const char  *due_on)
{
  AwpDueItem *item;

  if (!in_range (r, due_on))
    return;
  item = g_new0 (AwpDueItem, 1);
  item->key = g_strdup_printf ("%s/%s", id, key_part ? key_part : norm);
  item->id = g_strdup (id);
  item->type = g_intern_string (type);
  item->norm = g_intern_string (norm);
  item->title = g_strdup (title ? title : "");
  item->number = g_strdup (number);
  item->what = g_strdup (what);
  item->due_on = g_strdup (due_on);
  g_ptr_array_add (r->out, item);
}

typedef gboolean (*RowFunc) (AwpStore *store, Range *r, const char *id, JsonObject *data, GError **error);

/* Runs @func on each record of @type with one of @statuses (the
 * (type, status, due_on) index keeps this cheap on a large store). */
static gboolean
each_record (AwpStore          *store,
             Range             *r,
             const char        *type,
             const char *const *statuses,
             RowFunc            func,
             GError           **error)
{
  for (guint s = 0; statuses[s] != NULL; s++)
    {
      g_autoptr(AwpCachedStmt) list = awp_store_prepare (store,
        "SELECT id, data FROM record WHERE type = ? AND status = ?", error);
      int rc;

      if (list == NULL)
        return FALSE;
      sqlite3_bind_text (list, 1, type, -1, SQLITE_STATIC);
      sqlite3_bind_text (list, 2, statuses[s], -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (list)) == SQLITE_ROW)
        {
          g_autoptr(JsonNode) node = json_from_string ((const char *) sqlite3_column_text (list, 1), NULL);

          if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
            continue;
          if (!func (store, r, (const char *) sqlite3_column_text (list, 0), json_node_get_object (node), error))
            return FALSE;
        }
      if (rc != SQLITE_DONE)
        return awp_store_fail (store, "due", error);
    }
  return TRUE;
}

/* O145-5.2: the user is told of the extension within 3 wd. */
static gboolean
extended_row (AwpStore *store, Range *r, const char *id, JsonObject *data, GError **error)
{
  if (member (data, "user_notified_on") == NULL)
    add (r, id, "blog_request", "O145-5.2/notice", NULL, member (data, "subject"), member (data, "number"),
         _("Notice of the extension to the user"), member (object_member (data, "deadlines"), "notice_by"));
  return TRUE;
}

static gboolean
application_row (AwpStore *store, Range *r, const char *id, JsonObject *data, GError **error)
{
  add (r, id, "conference_application", "O145-10.2", NULL, member (data, "subject"), member (data, "number"),
       _("Decision on the application"), member (data, "due_on"));
  return TRUE;
}

static gboolean
meeting_row (AwpStore *store, Range *r, const char *id, JsonObject *data, GError **error)
{
  JsonObject *deadlines = object_member (data, "deadlines");
  const char *status = member (data, "status");

  /* A closed meeting has no open announcement (O605-3). */
  if (g_strcmp0 (status, "planned") == 0 && !json_object_get_boolean_member_with_default (data, "closed", FALSE))
    add (r, id, "meeting", "O605-8", NULL, title_of (data), NULL,
         _("Announcement of the meeting"), member (deadlines, "announce_by"));
  else if (g_strcmp0 (status, "held") == 0)
    add (r, id, "meeting", "O605-14", NULL, title_of (data), NULL,
         _("Results of the meeting"), member (deadlines, "results_by"));
  return TRUE;
}

/* O145-7: drafts reach the Operator 3 wd before the opening / launch. */
static gboolean
template_draft_row (AwpStore *store, Range *r, const char *id, JsonObject *data, GError **error)
{
  gboolean conference = json_object_has_member (data, "opens_on") || !json_object_has_member (data, "launch_on");
  const char *start = member (data, conference ? "opens_on" : "launch_on");
  AwpCalendar *calendar;
  AwpRuleSet *rules;
  AwpDeadline due;
  GDate date;
  g_autofree char *text = NULL;

  if (start == NULL || !awp_calendar_parse_date (start, "date", &date, NULL))
    return TRUE;  /* no date yet: nothing is running */
  if (!awp_store_get_deadline_rules (store, &calendar, &rules, error)
      || !awp_deadline_compute (rules, calendar, "O145-7", &date, &due, error))
    return FALSE;
  text = awp_template_iso_date (&due.date);
  add (r, id, conference ? "conference" : "survey", "O145-7", NULL, title_of (data), member (data, "number"),
       conference ? _("Conference sent to the Operator") : _("Survey sent to the Operator"), text);
  return TRUE;
}

/* O145-8.1 / 8.2: the notices not yet posted. */
static gboolean
template_notice_row (AwpStore *store, Range *r, const char *id, JsonObject *data, GError **error)
{
  gboolean conference = !json_object_has_member (data, "launch_on");
  AwpTemplateContext ctx;
  g_autoptr(GPtrArray) notices = NULL;

  if (!awp_template_context_init (&ctx, store, NULL, error))
    return FALSE;
  notices = awp_template_notices (conference ? "conference" : "survey", data, &ctx);
  for (guint i = 0; i < notices->len; i++)
    {
      AwpNotice *notice = notices->pdata[i];
      g_autofree char *text = NULL;

      if (g_date_valid (&notice->posted_on) || !g_date_valid (&notice->latest))
        continue;
      text = awp_template_iso_date (&notice->latest);
      add (r, id, conference ? "conference" : "survey", notice->norm, notice->key, title_of (data),
           member (data, "number"), notice->title, text);
    }
  return TRUE;
}

/* Extension notices still owed (O145-5.2): filtered in SQL, as a large
 * store has thousands of extended requests and few notices running. */
static gboolean
collect_notices (AwpStore *store, Range *r, GError **error)
{
  g_autoptr(AwpCachedStmt) list = awp_store_prepare (store,
    "SELECT id, data FROM record WHERE type = 'blog_request' AND status = 'extended'"
    " AND json_extract (data, '$.user_notified_on') IS NULL"
    " AND json_extract (data, '$.deadlines.notice_by') <= ?2"
    " AND (?1 IS NULL OR json_extract (data, '$.deadlines.notice_by') >= ?1)", error);
  int rc;

  if (list == NULL)
    return FALSE;
  if (r->from != NULL)
    sqlite3_bind_text (list, 1, r->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (list, 2, r->to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = json_from_string ((const char *) sqlite3_column_text (list, 1), NULL);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node)
          && !extended_row (store, r, (const char *) sqlite3_column_text (list, 0), json_node_get_object (node), error))
        return FALSE;
    }
  return rc == SQLITE_DONE || awp_store_fail (store, "due", error);
}

/* Open blog requests by their answer deadline ("due_on" column). */
static gboolean
collect_requests (AwpStore *store, Range *r, GError **error)
{
  g_autoptr(AwpCachedStmt) list = awp_store_prepare (store,
    "SELECT id, number, subject, due_on, status FROM record"
    " WHERE type = 'blog_request' AND closed = 0 AND due_on <= ?2 AND (?1 IS NULL OR due_on >= ?1)", error);
  int rc;

  if (list == NULL)
    return FALSE;
  if (r->from != NULL)
    sqlite3_bind_text (list, 1, r->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (list, 2, r->to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      gboolean extended = g_strcmp0 ((const char *) sqlite3_column_text (list, 4), "extended") == 0;

      add (r, (const char *) sqlite3_column_text (list, 0), "blog_request", extended ? "O145-5.2" : "O145-5.1", NULL,
           (const char *) sqlite3_column_text (list, 2), (const char *) sqlite3_column_text (list, 1),
           extended ? _("Answer, extended") : C_("deadline", "Answer"), (const char *) sqlite3_column_text (list, 3));
    }
  return rc == SQLITE_DONE || awp_store_fail (store, "due", error);
}

static int
compare_items (gconstpointer a, gconstpointer b)
{
  const AwpDueItem *x = *(AwpDueItem *const *) a;
  const AwpDueItem *y = *(AwpDueItem *const *) b;
  int c = strcmp (x->due_on, y->due_on);

  return c != 0 ? c : g_utf8_collate (x->title, y->title);
}

GPtrArray *
awp_due_collect (AwpStore     *store,
                 const char   *from,
                 const char   *to,
                 AwpDueFlags   flags,
                 GError      **error)
{
  static const char *const received[] = { "received", NULL };
  static const char *const meetings[] = { "planned", "held", NULL };
  static const char *const drafts[] = { "draft", "returned", NULL };
  static const char *const approved[] = { "accepted", "published", NULL };
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_due_item_free);
  Range r = { from, to, out };

  g_return_val_if_fail (AWP_IS_STORE (store), NULL);
  g_return_val_if_fail (to != NULL, NULL);

  if (((flags & AWP_DUE_INCLUDE_REQUESTS) && !collect_requests (store, &r, error))
      || !collect_notices (store, &r, error)
      || !each_record (store, &r, "conference_application", received, application_row, error)
      || !each_record (store, &r, "meeting", meetings, meeting_row, error)
      || !each_record (store, &r, "conference", drafts, template_draft_row, error)
      || !each_record (store, &r, "survey", drafts, template_draft_row, error)
      || !each_record (store, &r, "conference", approved, template_notice_row, error)
      || !each_record (store, &r, "survey", approved, template_notice_row, error))
    return NULL;
  g_ptr_array_sort (out, compare_items);
  return g_steal_pointer (&out);
}

const char *
awp_due_type_workspace (const char *type)
{
  static const char *const map[][2] = {
    { "blog_request", "requests" },
    { "conference_application", "applications" },
    { "meeting", "meetings" },
    { "conference", "conferences" },
    { "survey", "surveys" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (type, map[i][0]) == 0)
      return map[i][1];
  return NULL;
}

char *
awp_due_notified_key (AwpDueItem *item,
                      gboolean    overdue)
{
  return g_strdup_printf ("%s|%s|%s", item->due_on, overdue ? "overdue" : "tomorrow", item->key);
}

static char *
shift_day (const char *iso, int days)
{
  GDate d;

  if (!awp_calendar_parse_date (iso, "date", &d, NULL))
    return NULL;
  if (days > 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return awp_template_iso_date (&d);
}

/* Items of @all not yet in @seen, as newly notified ones. */
static GPtrArray *
not_seen (GPtrArray  *all,
          GHashTable *seen,
          gboolean    overdue)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_due_item_free);

  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *key = awp_due_notified_key (all->pdata[i], overdue);

      if (!g_hash_table_contains (seen, key))
        g_ptr_array_add (out, g_steal_pointer (&all->pdata[i]));
    }
  return out;
}

gboolean
awp_due_to_notify (AwpStore           *store,
                   const char         *today,
                   const char         *last_checked,
                   const char *const  *notified,
                   GPtrArray         **overdue,
                   GPtrArray         **tomorrow,
                   GError            **error)
{
  g_autofree char *yesterday = NULL;
  g_autofree char *next_day = NULL;
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GPtrArray) soon = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *from;

  g_return_val_if_fail (AWP_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && overdue != NULL && tomorrow != NULL, FALSE);

  yesterday = shift_day (today, -1);
  next_day = shift_day (today, 1);
  if (yesterday == NULL || next_day == NULL)
    {
      g_set_error (error, AWP_STORE_ERROR, AWP_STORE_ERROR_INVALID,
                   _("The field “%s” must be a date YYYY-MM-DD"), "today");
      return FALSE;
    }
  /* Overdue since the last check: due on that day at the earliest. */
  from = last_checked != NULL && strcmp (last_checked, yesterday) < 0 ? last_checked : yesterday;
  late = awp_due_collect (store, from, yesterday, AWP_DUE_INCLUDE_REQUESTS, error);
  soon = late ? awp_due_collect (store, next_day, next_day, AWP_DUE_INCLUDE_REQUESTS, error) : NULL;
  if (soon == NULL)
    return FALSE;
  for (guint i = 0; notified != NULL && notified[i] != NULL; i++)
    g_hash_table_add (seen, (gpointer) notified[i]);
  *overdue = not_seen (late, seen, TRUE);
  *tomorrow = not_seen (soon, seen, FALSE);
  return TRUE;
}

char **
awp_due_prune_notified (const char *const *notified,
                        const char        *today)
{
  g_autoptr(GStrvBuilder) keep = g_strv_builder_new ();
  g_autofree char *yesterday = shift_day (today, -1);

  for (guint i = 0; notified != NULL && notified[i] != NULL; i++)
    /* The key starts with the due date: still within reach when it is
     * yesterday or later (a late sync may still bring its record). */
    if (yesterday != NULL && strncmp (notified[i], yesterday, 10) >= 0)
      g_strv_builder_add (keep, notified[i]);
  return g_strv_builder_end (keep);
}
