#pragma once

#include <gio/gio.h>

#include "awp-sync-engine.h"

G_BEGIN_DECLS

/* Training mode (DESIGN §5, issue 5): an awp-server inside the app on
 * 127.0.0.1 with the demo seed, and a local store of its own, so a
 * newcomer or a classroom works on demo data and never touches the real
 * portal or the real local store. Reset starts both over.
 *
 * A classroom (docs/training.md): the trainer's workstation shares its
 * training server on the local network (an explicit act: awp --training
 * --classroom or "Share as Classroom…"); other workstations join it
 * (awp --training-url URL, "Join a Classroom…") after checking that it
 * says it is a training server, each with a training store of its own.
 * The demo user can be changed on any of them: a fresh store per user. */

#define AWP_TRAINING_USER     "admin.almaty"
#define AWP_TRAINING_PASSWORD "demo-2026"
/* The port a classroom is shared on (then the next ones, then any free):
 * fixed, so a class types the same address every time. */
#define AWP_CLASSROOM_PORT    8145
#define AWP_CLASSROOM_PORTS   10

#define AWP_TRAINING_ERROR (awp_training_error_quark ())
GQuark awp_training_error_quark (void);

typedef enum
{
  AWP_TRAINING_ERROR_ADDRESS,      /* the server address is wrong, unreachable or not a classroom */
  AWP_TRAINING_ERROR_USER,         /* not a demo user, or the sign-in failed */
  AWP_TRAINING_ERROR_NOT_HOST,     /* only the workstation that runs the server shares it */
} AwpTrainingError;

#define AWP_TYPE_TRAINING (awp_training_get_type ())
G_DECLARE_FINAL_TYPE (AwpTraining, awp_training, AWP, TRAINING, GObject)

/* Starts the server (seeded) and signs the engine in as AWP_TRAINING_USER. */
AwpTraining   *awp_training_new        (GError      **error);
/* As awp_training_new, signed in as the demo user @username (NULL:
 * AWP_TRAINING_USER), e.g. "operator", so a class plays both sides (O145-7). */
AwpTraining   *awp_training_new_for_user (const char *username,
                                          GError    **error);
/* A workstation of a classroom at @url (no server of its own): the address
 * and the user are checked at once (errors name the field); the engine
 * signs in once the server has said it is a training server. A failure
 * then shows as "problem". */
AwpTraining   *awp_training_new_joined (const char  *url,
                                        const char  *username,
                                        GError     **error);
const char    *awp_training_get_username (AwpTraining *self);
AwpSyncEngine *awp_training_get_engine (AwpTraining  *self);
/* The server this workstation's training store syncs with. */
const char    *awp_training_get_url    (AwpTraining  *self);
const char    *awp_training_get_store_path (AwpTraining *self);
/* TRUE when the server is another workstation's classroom. */
gboolean       awp_training_is_joined  (AwpTraining  *self);
/* Why joining failed (translated), or NULL. */
const char    *awp_training_get_problem (AwpTraining *self);
/* Drops every change: a fresh demo server, an empty local store. On a
 * joined workstation only the local store starts over: the shared server
 * is the trainer's. The engine is replaced (notify::engine). */
gboolean       awp_training_reset      (AwpTraining  *self,
                                        GError      **error);
/* FALSE: the server stops answering, as the portal does when the network
 * is down, so a class practises working offline (changes wait in the
 * outbox); TRUE: it answers again on the same address, with its data. */
gboolean       awp_training_set_server_online (AwpTraining *self,
                                               gboolean     online,
                                               GError     **error);

/* Classroom: the in-process server also listens on every interface, on
 * @port (0: AWP_CLASSROOM_PORT or one of the next, else any free one). */
gboolean       awp_training_share      (AwpTraining  *self,
                                        guint         port,
                                        GError      **error);
/* Back to loopback only. */
gboolean       awp_training_stop_sharing (AwpTraining *self,
                                          GError     **error);
/* The port shared, 0 when not sharing. */
guint          awp_training_get_shared_port (AwpTraining *self);
/* The addresses to give the class ("http://192.168.1.20:8145"), one per
 * network interface; NULL-terminated, empty when not sharing. */
GStrv          awp_training_dup_classroom_addresses (AwpTraining *self);

/* "192.168.1.20:8145" or "http://host:port/" as the base URL the engine
 * takes; NULL with AWP_TRAINING_ERROR_ADDRESS naming the field otherwise. */
char          *awp_training_normalize_url (const char  *text,
                                           GError     **error);
/* Whether @username is a demo user; its role ("operator", …) in @role. */
gboolean       awp_training_is_demo_user (const char  *username,
                                          const char **role);

/* Joins the classroom at @url as @username, or with @url NULL or this
 * workstation's own server switches the demo user: first the server must
 * answer that it is a training server and sign @username in, then a fresh
 * training store replaces the old one (notify::engine). Nothing changes
 * when it fails; the error is AWP_TRAINING_ERROR_ADDRESS or _USER. */
void           awp_training_join_async  (AwpTraining          *self,
                                         const char           *url,
                                         const char           *username,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean       awp_training_join_finish (AwpTraining          *self,
                                         GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
