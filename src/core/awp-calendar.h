#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The Kazakhstan working-day calendar: per-year data (data/calendar/kz-YYYY.json)
 * with provisional years generated from the holiday rules where no data exists.
 * Queries are O(1) table look-ups and never allocate. */

#define AWP_CALENDAR_FIRST_YEAR 2000
#define AWP_CALENDAR_LAST_YEAR  2099

#define AWP_CALENDAR_ERROR (awp_calendar_error_quark ())
GQuark awp_calendar_error_quark (void);

typedef enum
{
  AWP_CALENDAR_ERROR_PARSE,        /* not JSON */
  AWP_CALENDAR_ERROR_INVALID,      /* JSON, but a field is missing or wrong */
  AWP_CALENDAR_ERROR_OUT_OF_RANGE, /* a date outside FIRST_YEAR..LAST_YEAR */
} AwpCalendarError;

/* Why a day is what it is; drives the explanations. */
typedef enum
{
  AWP_DAY_WORKING,         /* an ordinary Monday-Friday */
  AWP_DAY_WEEKEND,         /* an ordinary Saturday or Sunday */
  AWP_DAY_HOLIDAY,         /* a public holiday (day off, possibly on a weekend) */
  AWP_DAY_MOVED_DAY_OFF,   /* a weekday made a day off: a holiday moved or a transfer */
  AWP_DAY_WORKING_WEEKEND, /* a Saturday or Sunday made a working day by a transfer */
} AwpDayKind;

typedef struct
{
  AwpDayKind  kind;
  gboolean    working;
  const char *name;        /* holiday name in the UI language, or NULL; borrowed */
  GDate       related;     /* moved day off: where from; working weekend: day off it pays for; may be invalid */
  const char *related_name; /* name of the holiday at `related`, or NULL; borrowed */
  gboolean    provisional; /* the day's year is generated or marked provisional */
} AwpDayInfo;

#define AWP_TYPE_CALENDAR (awp_calendar_get_type ())
G_DECLARE_FINAL_TYPE (AwpCalendar, awp_calendar, AWP, CALENDAR, GObject)

/* Calendar with every data/calendar/kz-YYYY.json loaded; other years generated. */
AwpCalendar *awp_calendar_new_default     (GError **error);
/* Calendar with every year generated from the rules only (provisional). */
AwpCalendar *awp_calendar_new_generated   (void);
/* Loads one year from kz-YYYY.json bytes; replaces the year only when its
 * version is higher (then emits ::changed). *replaced tells which happened. */
gboolean     awp_calendar_load_year       (AwpCalendar  *self,
                                           GBytes       *json,
                                           gboolean     *replaced,
                                           GError      **error);

/* TRUE when @date is a working day; FALSE also for dates out of range. */
gboolean     awp_calendar_is_working_day  (AwpCalendar  *self,
                                           const GDate  *date);
/* The @n-th working day after @from (@from not counted); @n < 0 counts back
 * before @from; @n == 0 gives @from itself. FALSE when out of range. */
gboolean     awp_calendar_add_working_days (AwpCalendar *self,
                                            const GDate *from,
                                            int          n,
                                            GDate       *out);
/* @date when it is a working day, otherwise the next working day. */
gboolean     awp_calendar_next_working_day (AwpCalendar *self,
                                            const GDate *date,
                                            GDate       *out);
/* Working days from @from to @to, both included (0 when @to < @from or out of range). */
guint        awp_calendar_count_working_days (AwpCalendar *self,
                                              const GDate *from,
                                              const GDate *to);
/* Describes @date (kind, holiday name in the current language). FALSE when out of range. */
gboolean     awp_calendar_describe_day    (AwpCalendar  *self,
                                           const GDate  *date,
                                           AwpDayInfo   *info);
/* Why @date is not a working day, or why a weekend day is one, in the UI
 * language ("holiday “New Year”"); NULL for an ordinary working day. */
char        *awp_calendar_explain_day     (AwpCalendar  *self,
                                           const GDate  *date);

/* Per-year facts. */
gboolean     awp_calendar_year_is_provisional (AwpCalendar *self,
                                               int          year);
gint64       awp_calendar_year_version    (AwpCalendar  *self,
                                           int          year);
const char  *awp_calendar_year_source     (AwpCalendar  *self,
                                           int          year);
/* The days of @year that differ from the plain week (holidays, moved days off,
 * working weekend days), sorted, as a GArray of GDate. */
GArray      *awp_calendar_list_special_days (AwpCalendar *self,
                                             int          year);

/* Parses a strict YYYY-MM-DD; FALSE (with an error naming @field) otherwise. */
gboolean     awp_calendar_parse_date      (const char   *text,
                                           const char   *field,
                                           GDate        *out,
                                           GError      **error);
/* DD.MM.YYYY, as written in Kazakhstan. */
char        *awp_calendar_format_date     (const GDate  *date);
/* "05.01.2026, Monday" with the weekday in the UI language. */
char        *awp_calendar_format_day      (const GDate  *date);

G_END_DECLS
