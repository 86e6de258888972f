#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "awp-calendar-private.h"
#include "awp-json-util.h"

/* Every day from FIRST_YEAR to LAST_YEAR in one flat table: a working flag,
 * the prefix count of working days before it, and the inverse (the day of
 * the k-th working day). Adding or counting working days is then two array
 * reads, with no allocation; a year replaced at run time rebuilds the
 * tables in well under a millisecond. */

#define N_YEARS (AWP_CALENDAR_LAST_YEAR - AWP_CALENDAR_FIRST_YEAR + 1)

struct _AwpCalendar
{
  GObject          parent_instance;

  AwpCalendarYear  years[N_YEARS];
  guint32          base;      /* julian day of 1 January FIRST_YEAR */
  guint32          n_days;
  guint8          *working;   /* n_days */
  guint32         *prefix;    /* n_days + 1: working days before index i */
  guint32         *nth;       /* prefix[n_days]: index of the k-th working day */
};

G_DEFINE_TYPE (AwpCalendar, awp_calendar, G_TYPE_OBJECT)
G_DEFINE_QUARK (awp-calendar-error-quark, awp_calendar_error)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
awp_calendar_year_clear (AwpCalendarYear *year)
{
  if (year->days != NULL)
    {
      for (guint i = 0; i < year->days->len; i++)
        for (guint l = 0; l < AWP_N_LANGS; l++)
          g_free (g_array_index (year->days, AwpSpecialDay, i).name[l]);
      g_clear_pointer (&year->days, g_array_unref);
    }
  g_clear_pointer (&year->source, g_free);
}

static void
awp_calendar_finalize (GObject *object)
{
  AwpCalendar *self = AWP_CALENDAR (object);

  for (guint i = 0; i < N_YEARS; i++)
    awp_calendar_year_clear (&self->years[i]);
  g_free (self->working);
  g_free (self->prefix);
  g_free (self->nth);

  G_OBJECT_CLASS (awp_calendar_parent_class)->finalize (object);
}

static void
awp_calendar_class_init (AwpCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = awp_calendar_finalize;

  /**
   * AwpCalendar::changed:
   * @year: the year that was replaced
   *
   * A newer version of @year was loaded: every open deadline must be recomputed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

guint32
awp_julian (int year, int month, int mday)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, mday, month, year);
  return g_date_get_julian (&d);
}

int
awp_special_day_compare (gconstpointer a, gconstpointer b)
{
  const AwpSpecialDay *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return (int) x->kind - (int) y->kind; /* a holiday before a transfer on the same day */
}

static void
awp_calendar_init (AwpCalendar *self)
{
  self->base = awp_julian (AWP_CALENDAR_FIRST_YEAR, 1, 1);
  self->n_days = awp_julian (AWP_CALENDAR_LAST_YEAR, 12, 31) - self->base + 1;
  self->working = g_new0 (guint8, self->n_days);
  self->prefix = g_new0 (guint32, self->n_days + 1);
  self->nth = g_new0 (guint32, self->n_days);
}

/* Fills the working flags of one year from its special days. */
static void
apply_year (AwpCalendar *self, const AwpCalendarYear *y)
{
  guint32 first = awp_julian (y->year, 1, 1) - self->base;
  guint32 last = awp_julian (y->year, 12, 31) - self->base;

  for (guint32 i = first; i <= last; i++)
    self->working[i] = awp_day_weekday (self->base + i) < 5;
  for (guint i = 0; i < y->days->len; i++)
    {
      const AwpSpecialDay *s = &g_array_index (y->days, AwpSpecialDay, i);

      self->working[s->day - self->base] = s->kind == AWP_DAY_WORKING_WEEKEND;
    }
}

static void
rebuild_counts (AwpCalendar *self)
{
  guint32 k = 0;

  for (guint32 i = 0; i < self->n_days; i++)
    {
      self->prefix[i] = k;
      if (self->working[i])
        self->nth[k++] = i;
    }
  self->prefix[self->n_days] = k;
}

static void
set_year (AwpCalendar *self, AwpCalendarYear *y)
{
  AwpCalendarYear *slot = &self->years[y->year - AWP_CALENDAR_FIRST_YEAR];

  awp_calendar_year_clear (slot);
  *slot = *y;
  apply_year (self, slot);
}

AwpCalendar *
awp_calendar_new_generated (void)
{
  AwpCalendar *self = g_object_new (AWP_TYPE_CALENDAR, NULL);

  for (int year = AWP_CALENDAR_FIRST_YEAR; year <= AWP_CALENDAR_LAST_YEAR; year++)
    {
      AwpCalendarYear y = { 0 };

      awp_calendar_generate_year (year, &y);
      set_year (self, &y);
    }
  rebuild_counts (self);
  return self;
}

static gboolean
load_file (GBytes *bytes, gpointer self, GError **error)
{
  return awp_calendar_load_year (self, bytes, NULL, error);
}

AwpCalendar *
awp_calendar_new_default (GError **error)
{
  g_autoptr(AwpCalendar) self = awp_calendar_new_generated ();

  if (!awp_json_load_data_dir ("calendar", "kz-", load_file, self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
awp_calendar_load_year (AwpCalendar  *self,
                        GBytes       *json,
                        gboolean     *replaced,
                        GError      **error)
{
  AwpCalendarYear y = { 0 };
  AwpCalendarYear *slot;

  g_return_val_if_fail (AWP_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (replaced != NULL)
    *replaced = FALSE;
  if (!awp_calendar_year_parse (json, &y, error))
    return FALSE;

  slot = &self->years[y.year - AWP_CALENDAR_FIRST_YEAR];
  if (y.version <= slot->version)
    {
      awp_calendar_year_clear (&y);
      return TRUE;
    }

  set_year (self, &y);
  rebuild_counts (self);
  if (replaced != NULL)
    *replaced = TRUE;
  g_signal_emit (self, signals[CHANGED], 0, slot->year);
  return TRUE;
}

/* Index of @date in the tables, or -1 out of range. */
static inline gint64
day_index (AwpCalendar *self, const GDate *date)
{
  gint64 i;

  if (!g_date_valid (date))
    return -1;
  i = (gint64) g_date_get_julian (date) - self->base;
  return i >= 0 && i < self->n_days ? i : -1;
}

static inline void
set_index (AwpCalendar *self, guint32 i, GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_julian (out, self->base + i);
}

gboolean
awp_calendar_is_working_day (AwpCalendar *self,
                             const GDate *date)
{
  gint64 i;

  g_return_val_if_fail (AWP_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  i = day_index (self, date);
  return i >= 0 && self->working[i];
}

gboolean
awp_calendar_add_working_days (AwpCalendar *self,
                               const GDate *from,
                               int          n,
                               GDate       *out)
{
  gint64 i, k;

  g_return_val_if_fail (AWP_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (from != NULL && out != NULL, FALSE);

  i = day_index (self, from);
  if (i < 0)
    return FALSE;
  if (n == 0)
    {
      *out = *from;
      return TRUE;
    }
  /* After: the n-th working day among those after i; before: counted back
   * among those before i. */
  k = n > 0 ? (gint64) self->prefix[i + 1] + n - 1 : (gint64) self->prefix[i] + n;
  if (k < 0 || k >= self->prefix[self->n_days])
    return FALSE;
  set_index (self, self->nth[k], out);
  return TRUE;
}

gboolean
awp_calendar_next_working_day (AwpCalendar *self,
                               const GDate *date,
                               GDate       *out)
{
  gint64 i;

  g_return_val_if_fail (AWP_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && out != NULL, FALSE);

  i = day_index (self, date);
  if (i < 0 || self->prefix[i] >= self->prefix[self->n_days])
    return FALSE;
  set_index (self, self->nth[self->prefix[i]], out);
  return TRUE;
}

guint
awp_calendar_count_working_days (AwpCalendar *self,
                                 const GDate *from,
                                 const GDate *to)
{
  gint64 a, b;

  g_return_val_if_fail (AWP_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL && to != NULL, 0);

  a = day_index (self, from);
  b = day_index (self, to);
  if (a < 0 || b < 0 || b < a)
    return 0;
  return self->prefix[b + 1] - self->prefix[a];
}

static const AwpSpecialDay *
find_special (const AwpCalendarYear *y, guint32 day)
{
  guint lo = 0, hi = y->days->len;

  /* Binary search for the first entry of @day: a holiday sorts before any
   * duplicate (a moved day landing on it cannot happen, but data may repeat). */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (y->days, AwpSpecialDay, mid).day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < y->days->len && g_array_index (y->days, AwpSpecialDay, lo).day == day)
    return &g_array_index (y->days, AwpSpecialDay, lo);
  return NULL;
}

static const AwpCalendarYear *
year_of (AwpCalendar *self, guint32 day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  return &self->years[g_date_get_year (&d) - AWP_CALENDAR_FIRST_YEAR];
}

gboolean
awp_calendar_describe_day (AwpCalendar *self,
                           const GDate *date,
                           AwpDayInfo  *info)
{
  const AwpCalendarYear *y;
  const AwpSpecialDay *s;
  gint64 i;
  guint lang = awp_calendar_lang_index ();

  g_return_val_if_fail (AWP_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && info != NULL, FALSE);

  memset (info, 0, sizeof *info);
  g_date_clear (&info->related, 1);
  i = day_index (self, date);
  if (i < 0)
    return FALSE;

  y = year_of (self, self->base + i);
  s = find_special (y, self->base + i);
  info->working = self->working[i];
  info->provisional = y->provisional;
  if (s == NULL)
    {
      info->kind = awp_day_weekday (self->base + i) < 5 ? AWP_DAY_WORKING : AWP_DAY_WEEKEND;
      return TRUE;
    }
  info->kind = s->kind;
  info->name = s->name[lang];
  if (s->related != 0 && s->related >= self->base && s->related - self->base < self->n_days)
    {
      const AwpSpecialDay *r = find_special (year_of (self, s->related), s->related);

      g_date_set_julian (&info->related, s->related);
      if (r != NULL)
        info->related_name = r->name[lang];
    }
  return TRUE;
}

static const char *weekdays[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

char *
awp_calendar_format_day (const GDate *date)
{
  g_autofree char *d = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  d = awp_calendar_format_date (date);

  return g_strdup_printf ("%s, %s", d, _(weekdays[g_date_get_weekday (date) - 1]));
}

char *
awp_calendar_explain_day (AwpCalendar *calendar,
                          const GDate *date)
{
  AwpDayInfo info;
  g_autofree char *related = NULL;

  g_return_val_if_fail (AWP_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if (!awp_calendar_describe_day (calendar, date, &info))
    return NULL;
  if (g_date_valid (&info.related))
    related = awp_calendar_format_date (&info.related);
  switch (info.kind)
    {
    case AWP_DAY_WEEKEND:
      return g_strdup (_("weekend"));
    case AWP_DAY_HOLIDAY:
      return g_strdup_printf (_("holiday “%s”"), info.name);
    case AWP_DAY_MOVED_DAY_OFF:
      if (info.related_name != NULL)
        return g_strdup_printf (_("day off moved from %s (holiday “%s” on a weekend)"), related, info.related_name);
      if (related != NULL)
        return g_strdup_printf (_("day off moved from %s by a transfer order"), related);
      return g_strdup (_("day off by a transfer order"));
    case AWP_DAY_WORKING_WEEKEND:
      if (related != NULL)
        return g_strdup_printf (_("weekend day made a working day by a transfer order (the day off moved to %s)"), related);
      return g_strdup (_("weekend day made a working day by a transfer order"));
    case AWP_DAY_WORKING:
    default:
      return NULL;
    }
}

static const AwpCalendarYear *
get_year (AwpCalendar *self, int year)
{
  if (year < AWP_CALENDAR_FIRST_YEAR || year > AWP_CALENDAR_LAST_YEAR)
    return NULL;
  return &self->years[year - AWP_CALENDAR_FIRST_YEAR];
}

gboolean
awp_calendar_year_is_provisional (AwpCalendar *self,
                                  int          year)
{
  g_return_val_if_fail (AWP_IS_CALENDAR (self), TRUE);
  return get_year (self, year) == NULL || get_year (self, year)->provisional;
}

gint64
awp_calendar_year_version (AwpCalendar *self,
                           int          year)
{
  g_return_val_if_fail (AWP_IS_CALENDAR (self), -1);
  return get_year (self, year) != NULL ? get_year (self, year)->version : -1;
}

const char *
awp_calendar_year_source (AwpCalendar *self,
                          int          year)
{
  g_return_val_if_fail (AWP_IS_CALENDAR (self), NULL);
  return get_year (self, year) != NULL ? get_year (self, year)->source : NULL;
}

GArray *
awp_calendar_list_special_days (AwpCalendar *self,
                                int          year)
{
  const AwpCalendarYear *y;
  GArray *out;

  g_return_val_if_fail (AWP_IS_CALENDAR (self), NULL);

  out = g_array_new (FALSE, FALSE, sizeof (GDate));
  y = get_year (self, year);
  for (guint i = 0; y != NULL && i < y->days->len; i++)
    {
      guint32 day = g_array_index (y->days, AwpSpecialDay, i).day;
      GDate d;

      if (i > 0 && g_array_index (y->days, AwpSpecialDay, i - 1).day == day)
        continue;
      g_date_clear (&d, 1);
      g_date_set_julian (&d, day);
      g_array_append_val (out, d);
    }
  return out;
}

guint
awp_calendar_lang_index (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "kk"))
        return AWP_LANG_KK;
      if (g_str_has_prefix (names[i], "ru"))
        return AWP_LANG_RU;
      if (g_str_has_prefix (names[i], "en"))
        return AWP_LANG_EN;
    }
  return AWP_LANG_EN;
}

gboolean
awp_calendar_parse_date (const char *text,
                         const char *field,
                         GDate      *out,
                         GError    **error)
{
  guint y = 0, m = 0, d = 0;
  gboolean ok = text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-';

  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);
  for (guint i = 0; ok && i < 10; i++)
    ok = i == 4 || i == 7 || g_ascii_isdigit (text[i]);
  if (ok)
    {
      y = g_ascii_strtoull (text, NULL, 10);
      m = g_ascii_strtoull (text + 5, NULL, 10);
      d = g_ascii_strtoull (text + 8, NULL, 10);
    }
  if (!ok || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, AWP_CALENDAR_ERROR, AWP_CALENDAR_ERROR_INVALID,
                   _("%s: “%s” is not a date in the form YYYY-MM-DD"), field, text != NULL ? text : "");
      return FALSE;
    }
  g_date_set_dmy (out, d, m, y);
  if (y < AWP_CALENDAR_FIRST_YEAR || y > AWP_CALENDAR_LAST_YEAR)
    {
      g_set_error (error, AWP_CALENDAR_ERROR, AWP_CALENDAR_ERROR_OUT_OF_RANGE,
                   _("%s: %s is outside the calendar (years %d to %d)"), field, text,
                   AWP_CALENDAR_FIRST_YEAR, AWP_CALENDAR_LAST_YEAR);
      return FALSE;
    }
  return TRUE;
}

char *
awp_calendar_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}
