#pragma once

#include <gio/gio.h>

#include "awp-sync-engine.h"

G_BEGIN_DECLS

/* Training mode (DESIGN §5, issue 5): an awp-server inside the app on
 * 127.0.0.1 with the demo seed, and a local store of its own, so a
 * newcomer or a classroom works on demo data and never touches the real
 * portal or the real local store. Reset starts both over. */

#define AWP_TRAINING_USER     "admin.almaty"
#define AWP_TRAINING_PASSWORD "demo-2026"

#define AWP_TYPE_TRAINING (awp_training_get_type ())
G_DECLARE_FINAL_TYPE (AwpTraining, awp_training, AWP, TRAINING, GObject)

/* Starts the server (seeded) and signs the engine in as AWP_TRAINING_USER. */
AwpTraining   *awp_training_new        (GError      **error);
/* As awp_training_new, signed in as the demo user @username (NULL:
 * AWP_TRAINING_USER), e.g. "operator", so a class plays both sides (O145-7). */
AwpTraining   *awp_training_new_for_user (const char *username,
                                          GError    **error);
const char    *awp_training_get_username (AwpTraining *self);
AwpSyncEngine *awp_training_get_engine (AwpTraining  *self);
const char    *awp_training_get_url    (AwpTraining  *self);
const char    *awp_training_get_store_path (AwpTraining *self);
/* Drops every change: a fresh demo server, an empty local store. The
 * engine is replaced (notify::engine). */
gboolean       awp_training_reset      (AwpTraining  *self,
                                        GError      **error);
/* FALSE: the server stops answering, as the portal does when the network
 * is down, so a class practises working offline (changes wait in the
 * outbox); TRUE: it answers again on the same address, with its data. */
gboolean       awp_training_set_server_online (AwpTraining *self,
                                               gboolean     online,
                                               GError     **error);

G_END_DECLS
