#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Retry policy of the sync engine (DESIGN §4): full-jitter exponential
 * backoff from 1 s to 5 min, never shorter than the server's Retry-After. */

#define AWP_BACKOFF_BASE_MS  1000
#define AWP_BACKOFF_CAP_MS   (5 * 60 * 1000)

typedef enum
{
  AWP_HTTP_OK,         /* 2xx */
  AWP_HTTP_RETRY,      /* transport error, 408, 429, 5xx: retry with backoff */
  AWP_HTTP_REAUTH,     /* 401: refresh the token once, then ask to sign in */
  AWP_HTTP_RESYNC,     /* 410 on a pull: the cursor expired, download everything again */
  AWP_HTTP_FATAL,      /* any other 4xx: never retried; the item is rejected */
} AwpHttpClass;

/* How the engine treats an HTTP status; 0 means no response (network error). */
AwpHttpClass awp_http_classify_status   (guint        status);

/* Parses a Retry-After value: delay-seconds or an HTTP-date (relative to
 * @now, or the current time when NULL). FALSE when it is neither. */
gboolean     awp_http_parse_retry_after (const char  *value,
                                         GDateTime   *now,
                                         guint64     *out_ms);

/* The wait before retry number @attempt (0 = the first retry): a uniform
 * random value in [0, min(cap, base·2^attempt)], raised to @retry_after_ms.
 * @rand may be NULL for the global generator. */
guint64      awp_backoff_delay_ms       (guint        attempt,
                                         guint64      retry_after_ms,
                                         GRand       *rand);

G_END_DECLS
