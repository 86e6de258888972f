#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "awp-calendar-private.h"
#include "awp-meeting.h"
#include "awp-validate.h"

/* Order 605: the meeting's fields and deadlines. */

G_DEFINE_QUARK (awp-meeting-error-quark, awp_meeting_error)

static const AwpRegion regions[] = {
  { "astana", "Астана қаласы", "город Астана", "Astana" },
  { "almaty-city", "Алматы қаласы", "город Алматы", "Almaty" },
  { "shymkent", "Шымкент қаласы", "город Шымкент", "Shymkent" },
  { "abai", "Абай облысы", "область Абай", "Abai Region" },
  { "akmola", "Ақмола облысы", "Акмолинская область", "Akmola Region" },
  { "aktobe", "Ақтөбе облысы", "Актюбинская область", "Aktobe Region" },
  { "almaty", "Алматы облысы", "Алматинская область", "Almaty Region" },
  { "atyrau", "Атырау облысы", "Атырауская область", "Atyrau Region" },
  { "east-kazakhstan", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region" },
  { "zhambyl", "Жамбыл облысы", "Жамбылская область", "Zhambyl Region" },
  { "zhetysu", "Жетісу облысы", "область Жетісу", "Zhetysu Region" },
  { "west-kazakhstan", "Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region" },
  { "karaganda", "Қарағанды облысы", "Карагандинская область", "Karaganda Region" },
  { "kostanay", "Қостанай облысы", "Костанайская область", "Kostanay Region" },
  { "kyzylorda", "Қызылорда облысы", "Кызылординская область", "Kyzylorda Region" },
  { "mangystau", "Маңғыстау облысы", "Мангистауская область", "Mangystau Region" },
  { "pavlodar", "Павлодар облысы", "Павлодарская область", "Pavlodar Region" },
  { "north-kazakhstan", "Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region" },
  { "turkistan", "Түркістан облысы", "Туркестанская область", "Turkistan Region" },
  { "ulytau", "Ұлытау облысы", "область Ұлытау", "Ulytau Region" },
};

const AwpRegion *
awp_meeting_regions (guint *n_regions)
{
  if (n_regions != NULL)
    *n_regions = G_N_ELEMENTS (regions);
  return regions;
}

const AwpRegion *
awp_meeting_region_find (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (regions); i++)
    if (g_str_equal (regions[i].code, code))
      return &regions[i];
  return NULL;
}

const char *
awp_region_get_name (const AwpRegion *region)
{
  switch (awp_calendar_lang_index ())
    {
    case AWP_LANG_KK: return region->name_kk;
    case AWP_LANG_RU: return region->name_ru;
    default: return region->name_en;
    }
}

void
awp_meeting_issue_free (AwpMeetingIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->field);
  g_free (issue->message);
  g_free (issue);
}

const char *
awp_meeting_field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "org_id", N_("Organization") },
    { "region", N_("Region") },
    { "body", N_("Collegial body") },
    { "title", N_("Title") },
    { "place", N_("Place") },
    { "date", N_("Date") },
    { "time", N_("Time") },
    { "format", N_("Format") },
    { "languages", N_("Language") },
    { "agenda", N_("Agenda") },
    { "responsible.name", N_("Responsible person") },
    { "responsible.phone", N_("Work phone") },
    { "responsible.email", N_("E-mail") },
    { "capacity", N_("Seats") },
    { "broadcast_url", N_("Broadcast link") },
    { "closed_ground", N_("Ground for a closed meeting") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].field, field) == 0)
      return _(labels[i].label);
  return field;
}

G_GNUC_PRINTF (3, 4) static void
add_issue (GPtrArray  *issues,
           const char *field,
           const char *format,
           ...)
{
  AwpMeetingIssue *issue = g_new0 (AwpMeetingIssue, 1);
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  issue->field = g_strdup (field);
  /* TRANSLATORS: a field's label, then what is wrong with it */
  issue->message = g_strdup_printf (_("%s: %s"), awp_meeting_field_label (field), detail);
  g_ptr_array_add (issues, issue);
}

/* A validator's error already starts with the field's label. */
static void
add_error (GPtrArray  *issues,
           const char *field,
           GError     *error)
{
  AwpMeetingIssue *issue = g_new0 (AwpMeetingIssue, 1);

  issue->field = g_strdup (field);
  issue->message = g_strdup (error->message);
  g_ptr_array_add (issues, issue);
}

static void
check_text (GPtrArray  *issues,
            JsonObject *data,
            const char *field,
            const char *member,
            gboolean    required,
            guint       max)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_object_get_member (data, member);
  const char *value = NULL;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    value = json_node_get_string (node);
  else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      add_issue (issues, field, "%s", _("must be text"));
      return;
    }
  if (value == NULL)
    value = "";
  if (!awp_validate_text (value, awp_meeting_field_label (field), required, max, &error))
    add_error (issues, field, error);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* O605-12: a web address people can open. */
static gboolean
is_web_link (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text == NULL || strchr (text, ' ') != NULL)
    return FALSE;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0)
         && !is_blank (g_uri_get_host (uri));
}

static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':'
      || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1])
      || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;
  *hour = (text[0] - '0') * 10 + (text[1] - '0');
  *minute = (text[3] - '0') * 10 + (text[4] - '0');
  return *hour < 24 && *minute < 60;
}

gboolean
awp_meeting_get_date (JsonObject *data,
                      GDate      *date)
{
  const char *text = json_object_get_string_member_with_default (data, "date", NULL);

  g_date_clear (date, 1);
  return text != NULL && awp_calendar_parse_date (text, "date", date, NULL);
}

GDateTime *
awp_meeting_dup_starts_at (JsonObject *data)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (5 * 3600);
  GDate date;
  int hour, minute;

  if (!awp_meeting_get_date (data, &date)
      || !parse_time (json_object_get_string_member_with_default (data, "time", NULL), &hour, &minute))
    return NULL;
  return g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), hour, minute, 0);
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
object_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
check_languages (GPtrArray  *issues,
                 JsonObject *data)
{
  JsonArray *languages = array_member (data, "languages");
  gboolean kk = FALSE, ru = FALSE;

  for (guint i = 0; languages != NULL && i < json_array_get_length (languages); i++)
    {
      const char *l = json_node_get_string (json_array_get_element (languages, i));

      if (g_strcmp0 (l, "kk") == 0 && !kk)
        kk = TRUE;
      else if (g_strcmp0 (l, "ru") == 0 && !ru)
        ru = TRUE;
      else
        {
          add_issue (issues, "languages", _("“%s” is not Kazakh or Russian (Rules No. 605-NK, para. 7)"),
                     l != NULL ? l : "");
          return;
        }
    }
  if (!kk && !ru)
    add_issue (issues, "languages", "%s", _("choose Kazakh, Russian or both (Rules No. 605-NK, para. 7)"));
}

static void
check_agenda (GPtrArray  *issues,
              JsonObject *data)
{
  JsonArray *agenda = array_member (data, "agenda");
  guint n = agenda != NULL ? json_array_get_length (agenda) : 0;

  if (n == 0)
    {
      add_issue (issues, "agenda", "%s", _("list at least one question (Rules No. 605-NK, para. 8)"));
      return;
    }
  if (n > AWP_MEETING_AGENDA_MAX)
    {
      add_issue (issues, "agenda", _("at most %d questions"), AWP_MEETING_AGENDA_MAX);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (agenda, i);
      const char *text = JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING
                         ? json_node_get_string (item) : NULL;

      if (is_blank (text))
        {
          add_issue (issues, "agenda", _("question %u is empty"), i + 1);
          return;
        }
      if (g_utf8_strlen (text, -1) > AWP_MEETING_TEXT_MAX)
        {
          add_issue (issues, "agenda", _("question %u is longer than %d characters"), i + 1, AWP_MEETING_TEXT_MAX);
          return;
        }
    }
}

static void
check_responsible (GPtrArray  *issues,
                   JsonObject *data)
{
  JsonObject *person = object_member (data, "responsible");
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  const char *name = string_member (person, "name");
  const char *phone_text = string_member (person, "phone");
  const char *email = string_member (person, "email");

  if (!awp_validate_text (name ? name : "", awp_meeting_field_label ("responsible.name"), TRUE, 200, &error))
    add_error (issues, "responsible.name", error);
  g_clear_error (&error);
  /* O605-8 asks for a work phone: the validators take a city line or a mobile. */
  phone = awp_validate_phone (phone_text ? phone_text : "", awp_meeting_field_label ("responsible.phone"), &error);
  if (phone == NULL)
    add_error (issues, "responsible.phone", error);
  g_clear_error (&error);
  if (!awp_validate_email (email ? email : "", awp_meeting_field_label ("responsible.email"), &error))
    add_error (issues, "responsible.email", error);
}

GPtrArray *
awp_meeting_check (JsonObject *data)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_meeting_issue_free);
  const char *format;
  const char *region;
  JsonNode *node;
  GDate date;
  int hour, minute;
  gboolean closed;

  g_return_val_if_fail (data != NULL, issues);

  region = string_member (data, "region");
  if (region != NULL && awp_meeting_region_find (region) == NULL)
    add_issue (issues, "region", _("“%s” is not a region of Kazakhstan"), region);
  check_text (issues, data, "body", "body", TRUE, AWP_MEETING_TEXT_MAX);
  check_text (issues, data, "title", "title", TRUE, AWP_MEETING_TITLE_MAX);

  if (string_member (data, "date") == NULL)
    add_issue (issues, "date", "%s", _("required"));
  else if (!awp_meeting_get_date (data, &date))
    add_issue (issues, "date", _("“%s” is not a date (YYYY-MM-DD)"), string_member (data, "date"));
  if (string_member (data, "time") == NULL)
    add_issue (issues, "time", "%s", _("required"));
  else if (!parse_time (string_member (data, "time"), &hour, &minute))
    add_issue (issues, "time", _("“%s” is not a time of day (HH:MM)"), string_member (data, "time"));

  format = string_member (data, "format");
  if (format == NULL)
    add_issue (issues, "format", "%s", _("choose offline, online or hybrid (Rules No. 605-NK, para. 5)"));
  else if (!g_strv_contains ((const char *const[]) { "offline", "online", "hybrid", NULL }, format))
    add_issue (issues, "format", _("“%s” is not offline, online or hybrid"), format);

  /* A place for people to come to, unless the meeting is online only. */
  check_text (issues, data, "place", "place", g_strcmp0 (format, "online") != 0, AWP_MEETING_TEXT_MAX);
  check_languages (issues, data);
  check_agenda (issues, data);
  check_responsible (issues, data);

  closed = json_object_get_boolean_member_with_default (data, "closed", FALSE);
  node = json_object_get_member (data, "capacity");
  /* A closed meeting has no public seats or broadcast (O605-3). */
  if (g_strcmp0 (format, "online") != 0 && !closed)
    {
      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        add_issue (issues, "capacity", "%s", _("enter the number of seats (Rules No. 605-NK, para. 10)"));
      else if (json_node_get_int (node) < 1 || json_node_get_int (node) > AWP_MEETING_CAPACITY_MAX)
        add_issue (issues, "capacity", _("must be between 1 and %d"), AWP_MEETING_CAPACITY_MAX);
    }

  if ((g_strcmp0 (format, "online") == 0 || g_strcmp0 (format, "hybrid") == 0) && !closed)
    {
      const char *url = string_member (data, "broadcast_url");

      if (is_blank (url))
        add_issue (issues, "broadcast_url", "%s", _("required for an online or hybrid meeting (Rules No. 605-NK, para. 12)"));
      else if (!is_web_link (url))
        add_issue (issues, "broadcast_url", _("“%s” is not a web address (https://…)"), url);
    }
  else if (!is_blank (string_member (data, "broadcast_url"))
           && !is_web_link (string_member (data, "broadcast_url")))
    add_issue (issues, "broadcast_url", _("“%s” is not a web address (https://…)"),
               string_member (data, "broadcast_url"));

  if (closed && is_blank (string_member (data, "closed_ground")))
    add_issue (issues, "closed_ground", "%s",
               _("a closed meeting needs its ground: restricted information or a law (Rules No. 605-NK, para. 3–4)"));
  else if (closed)
    check_text (issues, data, "closed_ground", "closed_ground", TRUE, AWP_MEETING_TEXT_MAX);

  return issues;
}

gboolean
awp_meeting_validate (JsonObject  *data,
                      GError     **error)
{
  g_autoptr(GPtrArray) issues = awp_meeting_check (data);

  if (issues->len == 0)
    return TRUE;
  g_set_error_literal (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID,
                       ((AwpMeetingIssue *) issues->pdata[0])->message);
  return FALSE;
}

static const struct
{
  const char *norm;
  const char *key;
} deadlines[AWP_MEETING_N_DEADLINES] = {
  [AWP_MEETING_DEADLINE_ANNOUNCE] = { "O605-8", "announce_by" },
  [AWP_MEETING_DEADLINE_REGISTER] = { "O605-9", "register_by" },
  [AWP_MEETING_DEADLINE_RESULTS] = { "O605-14", "results_by" },
};

const char *
awp_meeting_deadline_norm (AwpMeetingDeadline which)
{
  g_return_val_if_fail (which < AWP_MEETING_N_DEADLINES, NULL);
  return deadlines[which].norm;
}

const char *
awp_meeting_deadline_key (AwpMeetingDeadline which)
{
  g_return_val_if_fail (which < AWP_MEETING_N_DEADLINES, NULL);
  return deadlines[which].key;
}

gboolean
awp_meeting_compute_deadlines (AwpRuleSet  *rules,
                               AwpCalendar *calendar,
                               const GDate *date,
                               AwpDeadline  out[AWP_MEETING_N_DEADLINES],
                               GError     **error)
{
  for (guint i = 0; i < AWP_MEETING_N_DEADLINES; i++)
    if (!awp_deadline_compute (rules, calendar, deadlines[i].norm, date, &out[i], error))
      return FALSE;
  return TRUE;
}

static char *
iso_date (const GDate *d)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

gboolean
awp_meeting_fill_deadlines (AwpRuleSet  *rules,
                            AwpCalendar *calendar,
                            JsonObject  *data,
                            GError     **error)
{
  AwpDeadline due[AWP_MEETING_N_DEADLINES];
  JsonObject *object;
  const char *status = json_object_get_string_member_with_default (data, "status", "planned");
  AwpMeetingDeadline next;
  GDate date;

  if (!awp_meeting_get_date (data, &date))
    {
      g_set_error (error, AWP_MEETING_ERROR, AWP_MEETING_ERROR_INVALID,
                   _("%s: %s"), awp_meeting_field_label ("date"), _("required"));
      return FALSE;
    }
  if (!awp_meeting_compute_deadlines (rules, calendar, &date, due, error))
    return FALSE;
  object = json_object_new ();
  for (guint i = 0; i < AWP_MEETING_N_DEADLINES; i++)
    {
      g_autofree char *text = iso_date (&due[i].date);

      json_object_set_string_member (object, deadlines[i].key, text);
    }
  json_object_set_object_member (data, "deadlines", object);

  /* The queue's due date: what the secretary must do next. */
  if (g_str_equal (status, "planned"))
    next = AWP_MEETING_DEADLINE_ANNOUNCE;
  else
    next = AWP_MEETING_DEADLINE_RESULTS;
  json_object_set_string_member (data, "due_on", json_object_get_string_member (object, deadlines[next].key));
  return TRUE;
}

gboolean
awp_meeting_announcement_is_late (JsonObject  *data,
                                  const GDate *published_on)
{
  JsonObject *due = object_member (data, "deadlines");
  const char *text = string_member (due, "announce_by");
  GDate by;

  if (text == NULL || !awp_calendar_parse_date (text, "announce_by", &by, NULL))
    return FALSE;
  return g_date_compare (published_on, &by) > 0;
}

const char *
awp_meeting_format_label (const char *format)
{
  if (g_strcmp0 (format, "offline") == 0)
    return _("Offline");
  if (g_strcmp0 (format, "online") == 0)
    return _("Online");
  if (g_strcmp0 (format, "hybrid") == 0)
    return _("Hybrid (offline and online)");
  return format;
}

const char *
awp_meeting_status_label (const char *status)
{
  if (g_strcmp0 (status, "planned") == 0)
    return _("Planned");
  if (g_strcmp0 (status, "announced") == 0)
    return _("Announced");
  if (g_strcmp0 (status, "held") == 0)
    return _("Held");
  if (g_strcmp0 (status, "results_published") == 0)
    return _("Results published");
  return status;
}

/* The day a deadline's task was done, if it was. */
static gboolean
done_on (JsonObject         *data,
         AwpMeetingDeadline  which,
         GDate              *out)
{
  const char *text = NULL;

  g_date_clear (out, 1);
  if (which == AWP_MEETING_DEADLINE_ANNOUNCE)
    text = string_member (data, "announced_on");
  else if (which == AWP_MEETING_DEADLINE_RESULTS)
    text = string_member (object_member (data, "results"), "published_on");
  return text != NULL && awp_calendar_parse_date (text, "done", out, NULL);
}

AwpMeetingDeadlineState
awp_meeting_deadline_state (JsonObject         *data,
                            AwpMeetingDeadline  which,
                            const GDate        *today,
                            GDate              *due)
{
  const char *text = string_member (object_member (data, "deadlines"), awp_meeting_deadline_key (which));
  gboolean closed = json_object_get_boolean_member_with_default (data, "closed", FALSE);
  GDate by, done;

  g_date_clear (&by, 1);
  if (text != NULL)
    awp_calendar_parse_date (text, "deadlines", &by, NULL);
  if (due != NULL)
    *due = by;
  if (!g_date_valid (&by))
    return AWP_MEETING_DEADLINE_NOT_APPLICABLE;
  if (which == AWP_MEETING_DEADLINE_REGISTER)
    {
      /* Applications are the citizens' to make, not a task: only open or closed. */
      const char *status = string_member (data, "status");

      if (closed || g_strcmp0 (string_member (data, "format"), "online") == 0)
        return AWP_MEETING_DEADLINE_NOT_APPLICABLE;
      /* Held: applications are over whatever today's date says. */
      if (g_strcmp0 (status, "held") == 0 || g_strcmp0 (status, "results_published") == 0)
        return AWP_MEETING_DEADLINE_DONE;
      return g_date_compare (today, &by) > 0 ? AWP_MEETING_DEADLINE_DONE : AWP_MEETING_DEADLINE_PENDING;
    }
  if (which == AWP_MEETING_DEADLINE_ANNOUNCE && closed)
    return AWP_MEETING_DEADLINE_NOT_APPLICABLE;
  if (done_on (data, which, &done))
    return g_date_compare (&done, &by) > 0 ? AWP_MEETING_DEADLINE_DONE_LATE : AWP_MEETING_DEADLINE_DONE;
  return g_date_compare (today, &by) > 0 ? AWP_MEETING_DEADLINE_OVERDUE : AWP_MEETING_DEADLINE_PENDING;
}

char *
awp_meeting_describe_deadline (JsonObject         *data,
                               AwpMeetingDeadline  which,
                               const GDate        *today)
{
  AwpMeetingDeadlineState state;
  g_autofree char *day = NULL;
  g_autofree char *done_text = NULL;
  g_autofree char *head = NULL;
  const char *how;
  GDate due, done;

  state = awp_meeting_deadline_state (data, which, today, &due);
  if (!g_date_valid (&due))
    return NULL;
  day = awp_calendar_format_date (&due);
  switch (which)
    {
    /* TRANSLATORS: %s is a date, DD.MM.YYYY */
    case AWP_MEETING_DEADLINE_ANNOUNCE: head = g_strdup_printf (_("Announcement by %s (Rules No. 605-NK, para. 8)"), day); break;
    case AWP_MEETING_DEADLINE_REGISTER: head = g_strdup_printf (_("Applications until %s (Rules No. 605-NK, para. 9)"), day); break;
    case AWP_MEETING_DEADLINE_RESULTS: head = g_strdup_printf (_("Results by %s (Rules No. 605-NK, para. 14)"), day); break;
    case AWP_MEETING_N_DEADLINES:
    default: g_return_val_if_reached (NULL);
    }
  if (done_on (data, which, &done))
    done_text = awp_calendar_format_date (&done);
  switch (state)
    {
    case AWP_MEETING_DEADLINE_PENDING: how = which == AWP_MEETING_DEADLINE_REGISTER ? _("open") : _("to do"); break;
    case AWP_MEETING_DEADLINE_DONE: how = which == AWP_MEETING_DEADLINE_REGISTER ? _("closed") : _("done on time"); break;
    case AWP_MEETING_DEADLINE_DONE_LATE: how = _("done late"); break;
    case AWP_MEETING_DEADLINE_OVERDUE: how = _("overdue"); break;
    case AWP_MEETING_DEADLINE_NOT_APPLICABLE: how = _("not needed"); break;
    default: g_return_val_if_reached (NULL);
    }
  if (done_text != NULL)
    /* TRANSLATORS: deadline, state, date it was done */
    return g_strdup_printf (_("%s: %s (%s)"), head, how, done_text);
  /* TRANSLATORS: deadline, state */
  return g_strdup_printf (_("%s: %s"), head, how);
}
