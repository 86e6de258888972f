#include "config.h"

#include <libsoup/soup.h>

#include "awp-backoff.h"

AwpHttpClass
awp_http_classify_status (guint status)
{
  if (status >= 200 && status < 300)
    return AWP_HTTP_OK;
  if (status == 0 || status == 408 || status == 429 || status >= 500)
    return AWP_HTTP_RETRY;
  if (status == 401)
    return AWP_HTTP_REAUTH;
  if (status == 410)
    return AWP_HTTP_RESYNC;
  return AWP_HTTP_FATAL;
}

gboolean
awp_http_parse_retry_after (const char *value,
                            GDateTime  *now,
                            guint64    *out_ms)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) current = NULL;
  const char *p;
  GTimeSpan span;

  g_return_val_if_fail (out_ms != NULL, FALSE);

  if (value == NULL)
    return FALSE;
  while (g_ascii_isspace (*value))
    value++;
  if (*value == '\0')
    return FALSE;

  for (p = value; g_ascii_isdigit (*p); p++)
    ;
  if (p > value && *p != '\0')
    {
      const char *rest = p;

      while (g_ascii_isspace (*rest))
        rest++;
      if (*rest != '\0')
        return FALSE;
    }
  if (p > value)
    {
      g_autofree char *digits = g_strndup (value, p - value);
      guint64 seconds = 0;

      /* Clamp absurd values instead of overflowing: a day is plenty. */
      if (!g_ascii_string_to_unsigned (digits, 10, 0, G_MAXUINT64, &seconds, NULL))
        seconds = G_MAXUINT64;
      *out_ms = MIN (seconds, (guint64) 24 * 3600) * 1000;
      return TRUE;
    }

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return FALSE;

  current = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  span = g_date_time_difference (when, current);
  *out_ms = span <= 0 ? 0 : MIN ((guint64) span / 1000, (guint64) 24 * 3600 * 1000);
  return TRUE;
}

guint64
awp_backoff_delay_ms (guint    attempt,
                      guint64  retry_after_ms,
                      GRand   *rand)
{
  guint64 ceiling = AWP_BACKOFF_BASE_MS;
  guint64 delay;

  for (guint i = 0; i < attempt && ceiling < AWP_BACKOFF_CAP_MS; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, (guint64) AWP_BACKOFF_CAP_MS);

  /* Full jitter: spreads the retries of many clients after an outage. */
  if (rand != NULL)
    delay = (guint64) g_rand_double_range (rand, 0.0, (double) ceiling + 1.0);
  else
    delay = (guint64) g_random_double_range (0.0, (double) ceiling + 1.0);
  delay = MIN (delay, ceiling);

  return MAX (delay, retry_after_ms);
}
