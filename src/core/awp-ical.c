#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "awp-ical.h"

G_DEFINE_QUARK (awp-ical-error-quark, awp_ical_error)

#define KZ_UTC_OFFSET (5 * 3600)  /* Asia/Almaty and every other zone of Kazakhstan since 2024 */
#define PRODID "-//Open Dialogue//Workstation//EN"
/* RFC 5545 3.8.4.7: a UID is made unique by a domain on the right of "@";
 * the application id (kz.opendialog.Workstation) reversed. */
#define UID_DOMAIN "@workstation.opendialog.kz"

static const char *const deadline_norms[AWP_ICAL_N_DEADLINES] = {
  [AWP_ICAL_DEADLINE_ANNOUNCEMENT] = "O605-8",
  [AWP_ICAL_DEADLINE_REGISTRATION] = "O605-9",
  [AWP_ICAL_DEADLINE_RESULTS] = "O605-14",
};

const char *
awp_ical_deadline_norm (AwpIcalDeadline deadline)
{
  g_return_val_if_fail (deadline < AWP_ICAL_N_DEADLINES, NULL);
  return deadline_norms[deadline];
}

AwpIcalMeeting *
awp_ical_meeting_new (void)
{
  AwpIcalMeeting *meeting = g_new0 (AwpIcalMeeting, 1);

  for (guint i = 0; i < AWP_ICAL_N_DEADLINES; i++)
    g_date_clear (&meeting->deadlines[i], 1);
  return meeting;
}

void
awp_ical_meeting_free (AwpIcalMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->uid);
  g_free (meeting->title);
  g_free (meeting->place);
  g_clear_pointer (&meeting->starts_at, g_date_time_unref);
  g_clear_pointer (&meeting->ends_at, g_date_time_unref);
  g_free (meeting->format);
  g_free (meeting->languages);
  g_strfreev (meeting->agenda);
  g_free (meeting->responsible_name);
  g_free (meeting->responsible_phone);
  g_free (meeting->responsible_email);
  g_free (meeting->broadcast_url);
  g_free (meeting);
}

/* ---- export ---- */

static const char *
format_label (const char *format)
{
  if (g_strcmp0 (format, "offline") == 0)
    return _("in person");
  if (g_strcmp0 (format, "online") == 0)
    return _("online (broadcast)");
  if (g_strcmp0 (format, "hybrid") == 0)
    return _("in person and online");
  return NULL;
}

static const char *
language_label (const char *code)
{
  if (g_strcmp0 (code, "kk") == 0)
    return _("Kazakh");
  if (g_strcmp0 (code, "ru") == 0)
    return _("Russian");
  return NULL;
}

static gboolean
invalid (GError **error, const AwpIcalMeeting *m, const char *field, const char *problem)
{
  /* TRANSLATORS: meeting id or title, field name, what is wrong */
  g_set_error (error, AWP_ICAL_ERROR, AWP_ICAL_ERROR_INVALID_MEETING, _("Meeting “%s”, %s: %s"),
               m->uid != NULL && *m->uid != '\0' ? m->uid : (m->title != NULL ? m->title : "?"),
               field, problem);
  return FALSE;
}

static gboolean
check_meeting (const AwpIcalMeeting *m, GError **error)
{
  if (m->uid == NULL || *m->uid == '\0')
    return invalid (error, m, "uid", _("the identifier is empty"));
  if (m->title == NULL || *m->title == '\0')
    return invalid (error, m, "title", _("the title is empty"));
  if (m->starts_at == NULL)
    return invalid (error, m, "starts_at", _("the start time is missing"));
  if (m->ends_at != NULL && g_date_time_compare (m->ends_at, m->starts_at) < 0)
    return invalid (error, m, "ends_at", _("the meeting ends before it starts"));
  if (m->format != NULL && format_label (m->format) == NULL)
    return invalid (error, m, "format", _("must be offline, online or hybrid"));
  if (m->languages != NULL)
    {
      g_auto(GStrv) codes = g_strsplit (m->languages, ",", -1);

      for (guint i = 0; codes[i] != NULL; i++)
        if (language_label (codes[i]) == NULL)
          return invalid (error, m, "languages", _("must be kk, ru or kk,ru"));
    }
  for (guint i = 0; i < AWP_ICAL_N_DEADLINES; i++)
    if (g_date_valid (&m->deadlines[i]) &&
        (g_date_get_year (&m->deadlines[i]) < 1900 || g_date_get_year (&m->deadlines[i]) > 9998))
      return invalid (error, m, deadline_norms[i], _("the deadline date is out of range"));
  return TRUE;
}

static struct icaltimetype
to_ical_time (GDateTime *dt)
{
  return icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (dt), 0, icaltimezone_get_utc_timezone ());
}

static struct icaltimetype
to_ical_date (const GDate *date)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);
  return t;
}

static void
add_x (icalcomponent *event, const char *name, const char *value)
{
  icalproperty *prop;

  if (value == NULL || *value == '\0')
    return;
  prop = icalproperty_new_x (value);
  icalproperty_set_x_name (prop, name);
  icalcomponent_add_property (event, prop);
}

/* What a person reads in a calendar program: the O605-8 announcement facts. */
static char *
describe (const AwpIcalMeeting *m)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (m->agenda != NULL && m->agenda[0] != NULL)
    {
      g_string_append_printf (s, "%s\n", _("Agenda:"));
      for (guint i = 0; m->agenda[i] != NULL; i++)
        g_string_append_printf (s, "%u. %s\n", i + 1, m->agenda[i]);
    }
  if (m->responsible_name != NULL)
    g_string_append_printf (s, _("Responsible: %s\n"), m->responsible_name);
  if (m->responsible_phone != NULL)
    g_string_append_printf (s, _("Phone: %s\n"), m->responsible_phone);
  if (m->responsible_email != NULL)
    g_string_append_printf (s, _("E-mail: %s\n"), m->responsible_email);
  if (m->format != NULL)
    g_string_append_printf (s, _("Format: %s\n"), format_label (m->format));
  if (m->languages != NULL)
    {
      g_auto(GStrv) codes = g_strsplit (m->languages, ",", -1);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      for (guint i = 0; codes[i] != NULL; i++)
        g_ptr_array_add (names, (gpointer) language_label (codes[i]));
      g_ptr_array_add (names, NULL);
      joined = g_strjoinv (", ", (char **) names->pdata);
      g_string_append_printf (s, _("Language: %s\n"), joined);
    }
  if (m->broadcast_url != NULL)
    g_string_append_printf (s, _("Broadcast: %s\n"), m->broadcast_url);
  if (m->closed)
    g_string_append_printf (s, "%s\n", _("Closed meeting (O605-3)"));
  if (s->len > 0)
    g_string_truncate (s, s->len - 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The UID written for @uid (and a deadline's @norm, may be NULL): our own
 * bare identifiers get the domain; ones that already have an "@" (read
 * from another program's file) are kept. */
static char *
export_uid (const char *uid, const char *norm)
{
  g_autoptr(GString) s = g_string_new (uid);
  const char *at = strchr (uid, '@');

  if (norm != NULL)
    {
      g_autofree char *suffix = g_strconcat ("-", norm, NULL);

      g_string_insert (s, at != NULL ? at - uid : (gssize) s->len, suffix);
    }
  if (at == NULL)
    g_string_append (s, UID_DOMAIN);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The identifier a UID of ours stands for: export_uid() undone. */
static char *
import_uid (const char *uid)
{
  if (uid == NULL || *uid == '\0')
    return NULL;
  if (g_str_has_suffix (uid, UID_DOMAIN) && strlen (uid) > strlen (UID_DOMAIN))
    return g_strndup (uid, strlen (uid) - strlen (UID_DOMAIN));
  return g_strdup (uid);
}

static icalcomponent *
meeting_event (const AwpIcalMeeting *m, struct icaltimetype stamp)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *description = describe (m);
  g_autofree char *uid = export_uid (m->uid, NULL);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (to_ical_time (m->starts_at)));
  if (m->ends_at != NULL)
    icalcomponent_add_property (event, icalproperty_new_dtend (to_ical_time (m->ends_at)));
  icalcomponent_add_property (event, icalproperty_new_summary (m->title));
  if (m->place != NULL && *m->place != '\0')
    icalcomponent_add_property (event, icalproperty_new_location (m->place));
  if (*description != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (description));
  if (m->broadcast_url != NULL && *m->broadcast_url != '\0')
    icalcomponent_add_property (event, icalproperty_new_url (m->broadcast_url));
  icalcomponent_add_property (event, icalproperty_new_class (m->closed ? ICAL_CLASS_CONFIDENTIAL : ICAL_CLASS_PUBLIC));
  if (m->responsible_email != NULL && *m->responsible_email != '\0')
    {
      g_autofree char *mailto = g_strconcat ("mailto:", m->responsible_email, NULL);
      icalproperty *organizer = icalproperty_new_organizer (mailto);

      if (m->responsible_name != NULL && *m->responsible_name != '\0')
        icalproperty_add_parameter (organizer, icalparameter_new_cn (m->responsible_name));
      icalcomponent_add_property (event, organizer);
    }
  add_x (event, "X-AWP-FORMAT", m->format);
  add_x (event, "X-AWP-LANGUAGES", m->languages);
  for (guint i = 0; m->agenda != NULL && m->agenda[i] != NULL; i++)
    add_x (event, "X-AWP-AGENDA", m->agenda[i]);
  add_x (event, "X-AWP-RESPONSIBLE", m->responsible_name);
  add_x (event, "X-AWP-PHONE", m->responsible_phone);
  add_x (event, "X-AWP-EMAIL", m->responsible_email);
  return event;
}

static char *
deadline_summary (AwpIcalDeadline d, const char *title)
{
  switch (d)
    {
    case AWP_ICAL_DEADLINE_ANNOUNCEMENT:
      return g_strdup_printf (_("Post the announcement and agenda (O605-8): %s"), title);
    case AWP_ICAL_DEADLINE_REGISTRATION:
      return g_strdup_printf (_("Last day of applications to attend (O605-9): %s"), title);
    case AWP_ICAL_DEADLINE_RESULTS:
      return g_strdup_printf (_("Post the decision (O605-14): %s"), title);
    case AWP_ICAL_N_DEADLINES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static icalcomponent *
deadline_event (const AwpIcalMeeting *m, AwpIcalDeadline d, struct icaltimetype stamp)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *uid = export_uid (m->uid, deadline_norms[d]);
  g_autofree char *related = export_uid (m->uid, NULL);
  g_autofree char *summary = deadline_summary (d, m->title);
  GDate next = m->deadlines[d];

  g_date_add_days (&next, 1);
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (to_ical_date (&m->deadlines[d])));
  icalcomponent_add_property (event, icalproperty_new_dtend (to_ical_date (&next)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_relatedto (related));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_property (event, icalproperty_new_class (m->closed ? ICAL_CLASS_CONFIDENTIAL : ICAL_CLASS_PUBLIC));
  add_x (event, "X-AWP-NORM", deadline_norms[d]);
  return event;
}

char *
awp_ical_export (GPtrArray  *meetings,
                 GError    **error)
{
  icalcomponent *cal;
  struct icaltimetype stamp;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  char *text;
  char *result;

  g_return_val_if_fail (meetings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < meetings->len; i++)
    if (!check_meeting (meetings->pdata[i], error))
      return NULL;

  stamp = to_ical_time (now);
  cal = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (cal, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (cal, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (cal, icalproperty_new_calscale ("GREGORIAN"));
  for (guint i = 0; i < meetings->len; i++)
    {
      const AwpIcalMeeting *m = meetings->pdata[i];

      icalcomponent_add_component (cal, meeting_event (m, stamp));
      for (guint d = 0; d < AWP_ICAL_N_DEADLINES; d++)
        if (g_date_valid (&m->deadlines[d]))
          icalcomponent_add_component (cal, deadline_event (m, d, stamp));
    }
  text = icalcomponent_as_ical_string_r (cal);
  icalcomponent_free (cal);
  result = g_strdup (text);
  icalmemory_free_buffer (text);
  return result;
}

/* ---- parse ---- */

static GDateTime *
from_ical_time (icalproperty *prop, struct icaltimetype t, icalcomponent *root)
{
  g_autoptr(GTimeZone) kz = g_time_zone_new_offset (KZ_UTC_OFFSET);
  g_autoptr(GDateTime) utc = NULL;
  time_t unix_time;

  /* libical keeps out-of-range fields (month 13) and would normalise them. */
  if (icaltime_is_null_time (t) || !icaltime_is_valid_time (t) ||
      !g_date_valid_dmy (t.day, t.month, t.year) || t.hour > 23 || t.minute > 59 || t.second > 60)
    return NULL;
  if (t.is_date)
    return g_date_time_new (kz, t.year, t.month, t.day, 0, 0, 0);
  if (icaltime_is_utc (t))
    unix_time = icaltime_as_timet_with_zone (t, icaltimezone_get_utc_timezone ());
  else
    {
      icalparameter *tzid = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
      icaltimezone *zone = tzid != NULL ? icalcomponent_get_timezone (root, icalparameter_get_tzid (tzid)) : NULL;

      t.zone = NULL;
      if (zone != NULL)
        unix_time = icaltime_as_timet_with_zone (t, zone);
      else
        unix_time = icaltime_as_timet_with_zone (t, icaltimezone_get_utc_timezone ()) - KZ_UTC_OFFSET;
    }
  utc = g_date_time_new_from_unix_utc (unix_time);
  return utc != NULL ? g_date_time_to_timezone (utc, kz) : NULL;
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static const char *
x_value (icalcomponent *event, const char *name)
{
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_X_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    if (g_strcmp0 (icalproperty_get_x_name (p), name) == 0)
      return icalproperty_get_x (p);
  return NULL;
}

static void
set_bad_event (GError **error, const char *uid, const char *field)
{
  g_set_error (error, AWP_ICAL_ERROR, AWP_ICAL_ERROR_INVALID_EVENT,
               _("Event “%s”: %s is missing or invalid"), uid != NULL ? uid : "?", field);
}

static gboolean
bad_event (GError **error, const char *uid, const char *field)
{
  set_bad_event (error, uid, field);
  return FALSE;
}

static AwpIcalMeeting *
parse_meeting (icalcomponent *event, icalcomponent *root, GError **error)
{
  g_autoptr(AwpIcalMeeting) m = awp_ical_meeting_new ();
  g_autoptr(GPtrArray) agenda = g_ptr_array_new_with_free_func (g_free);
  icalproperty *prop;

  m->uid = import_uid (icalcomponent_get_uid (event));
  if (m->uid == NULL)
    {
      set_bad_event (error, NULL, "UID");
      return NULL;
    }
  prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  if (prop == NULL || (m->starts_at = from_ical_time (prop, icalproperty_get_dtstart (prop), root)) == NULL)
    {
      set_bad_event (error, m->uid, "DTSTART");
      return NULL;
    }
  prop = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  if (prop != NULL && (m->ends_at = from_ical_time (prop, icalproperty_get_dtend (prop), root)) == NULL)
    {
      set_bad_event (error, m->uid, "DTEND");
      return NULL;
    }
  m->title = g_strdup (icalcomponent_get_summary (event) != NULL ? icalcomponent_get_summary (event) : "");
  m->place = dup_nonempty (icalcomponent_get_location (event));
  prop = icalcomponent_get_first_property (event, ICAL_URL_PROPERTY);
  if (prop != NULL)
    m->broadcast_url = dup_nonempty (icalproperty_get_url (prop));
  prop = icalcomponent_get_first_property (event, ICAL_CLASS_PROPERTY);
  m->closed = prop != NULL && icalproperty_get_class (prop) != ICAL_CLASS_PUBLIC;
  m->format = dup_nonempty (x_value (event, "X-AWP-FORMAT"));
  m->languages = dup_nonempty (x_value (event, "X-AWP-LANGUAGES"));
  m->responsible_name = dup_nonempty (x_value (event, "X-AWP-RESPONSIBLE"));
  m->responsible_phone = dup_nonempty (x_value (event, "X-AWP-PHONE"));
  m->responsible_email = dup_nonempty (x_value (event, "X-AWP-EMAIL"));
  /* From other programs: the organizer stands for the responsible person. */
  prop = icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY);
  if (prop != NULL && m->responsible_email == NULL &&
      g_ascii_strncasecmp (icalproperty_get_organizer (prop), "mailto:", 7) == 0)
    {
      icalparameter *cn = icalproperty_get_first_parameter (prop, ICAL_CN_PARAMETER);

      m->responsible_email = dup_nonempty (icalproperty_get_organizer (prop) + 7);
      if (cn != NULL && m->responsible_name == NULL)
        m->responsible_name = dup_nonempty (icalparameter_get_cn (cn));
    }
  for (prop = icalcomponent_get_first_property (event, ICAL_X_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    if (g_strcmp0 (icalproperty_get_x_name (prop), "X-AWP-AGENDA") == 0)
      g_ptr_array_add (agenda, g_strdup (icalproperty_get_x (prop)));
  if (agenda->len > 0)
    {
      g_ptr_array_add (agenda, NULL);
      m->agenda = (char **) g_ptr_array_free (g_steal_pointer (&agenda), FALSE);
    }
  return g_steal_pointer (&m);
}

/* Attaches a deadline event to its meeting; deadlines of meetings not in
 * the file are dropped. */
static gboolean
attach_deadline (icalcomponent *event, const char *norm, GHashTable *by_uid, GError **error)
{
  icalproperty *related = icalcomponent_get_first_property (event, ICAL_RELATEDTO_PROPERTY);
  icalproperty *start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  const char *uid = icalcomponent_get_uid (event);
  g_autofree char *meeting_uid = NULL;
  AwpIcalMeeting *m;
  struct icaltimetype t;

  if (related == NULL || (meeting_uid = import_uid (icalproperty_get_relatedto (related))) == NULL)
    return bad_event (error, uid, "RELATED-TO");
  if (start == NULL || !icaltime_is_valid_time (t = icalproperty_get_dtstart (start)) ||
      icaltime_is_null_time (t) || !g_date_valid_dmy (t.day, t.month, t.year))
    return bad_event (error, uid, "DTSTART");
  m = g_hash_table_lookup (by_uid, meeting_uid);
  for (guint d = 0; m != NULL && d < AWP_ICAL_N_DEADLINES; d++)
    if (strcmp (norm, deadline_norms[d]) == 0)
      g_date_set_dmy (&m->deadlines[d], t.day, t.month, t.year);
  return TRUE;
}

GPtrArray *
awp_ical_parse (const char  *text,
                GError     **error)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) awp_ical_meeting_free);
  g_autoptr(GHashTable) by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) deadlines = g_ptr_array_new ();
  icalcomponent *root;
  icalcomponent *event;
  gboolean ok = TRUE;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, AWP_ICAL_ERROR, AWP_ICAL_ERROR_PARSE,
                           _("The calendar file is not UTF-8 text"));
      return NULL;
    }
  root = icalparser_parse_string (text);
  if (root == NULL || icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT)
    {
      g_set_error_literal (error, AWP_ICAL_ERROR, AWP_ICAL_ERROR_PARSE,
                           _("The file is not an iCalendar file (no VCALENDAR)"));
      g_clear_pointer (&root, icalcomponent_free);
      return NULL;
    }
  if (icalcomponent_count_errors (root) > 0)
    {
      /* libical records what it could not read as X-LIC-ERROR properties. */
      g_set_error_literal (error, AWP_ICAL_ERROR, AWP_ICAL_ERROR_PARSE,
                           _("The calendar file has lines that are not valid iCalendar"));
      icalcomponent_free (root);
      return NULL;
    }
  for (event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT); ok && event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      AwpIcalMeeting *m;

      if (x_value (event, "X-AWP-NORM") != NULL)
        {
          g_ptr_array_add (deadlines, event);
          continue;
        }
      m = parse_meeting (event, root, error);
      if (m == NULL)
        ok = FALSE;
      else
        {
          g_ptr_array_add (meetings, m);
          g_hash_table_insert (by_uid, m->uid, m);
        }
    }
  for (guint i = 0; ok && i < deadlines->len; i++)
    ok = attach_deadline (deadlines->pdata[i], x_value (deadlines->pdata[i], "X-AWP-NORM"), by_uid, error);
  icalcomponent_free (root);
  return ok ? g_steal_pointer (&meetings) : NULL;
}
