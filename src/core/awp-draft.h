#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Crash-safe editing (issue 10 item 7): what an editor holds but has not
 * saved is journalled to side files, at most once per interval and never
 * later than one interval after the change, so a workstation killed while
 * a template or answer is being typed loses at most that much typing. The
 * editor restores the draft at the next start. Drafts hold personal data:
 * the directory is 0700 and each file 0600, written atomically (temporary
 * file, fsync, rename), so a kill leaves either the old or the new draft. */

#define AWP_DRAFT_ERROR (awp_draft_error_quark ())
GQuark awp_draft_error_quark (void);

typedef enum
{
  AWP_DRAFT_ERROR_INVALID,  /* bad key */
} AwpDraftError;

/* The longest time a change waits before it is on disk, and the shortest
 * time between two writes of one journal. */
#define AWP_DRAFT_INTERVAL_MS 2000

typedef struct
{
  char       *key;       /* e.g. "record/<id>/answer" or "new/template" */
  JsonObject *fields;    /* the editor's fields, as it gave them */
  gint64      saved_at;  /* wall-clock seconds since the epoch */
} AwpDraft;

void awp_draft_free (AwpDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AwpDraft, awp_draft_free)

#define AWP_TYPE_DRAFT_JOURNAL (awp_draft_journal_get_type ())
G_DECLARE_FINAL_TYPE (AwpDraftJournal, awp_draft_journal, AWP, DRAFT_JOURNAL, GObject)

/* The journal directory that belongs to the store file @store_path:
 * "@store_path.drafts". */
char            *awp_draft_journal_dir_for_store (const char       *store_path);
/* Opens (creating, mode 0700) the journal in @dir. Timers run on the
 * thread-default main context of the caller. */
AwpDraftJournal *awp_draft_journal_new      (const char       *dir,
                                             GError          **error);
/* Records the editor's current @fields under @key (1-200 bytes of UTF-8).
 * Cheap: call it on every keystroke. The draft reaches the disk within
 * AWP_DRAFT_INTERVAL_MS, and no sooner than that after the previous write. */
void             awp_draft_journal_set      (AwpDraftJournal  *self,
                                             const char       *key,
                                             JsonObject       *fields);
/* Writes every pending draft now (the editor closes, the window hides,
 * the app quits). */
gboolean         awp_draft_journal_flush    (AwpDraftJournal  *self,
                                             GError          **error);
/* Forgets @key's draft, pending or written: the editor saved or the user
 * threw the changes away. Not an error when there is none. */
gboolean         awp_draft_journal_discard  (AwpDraftJournal  *self,
                                             const char       *key,
                                             GError          **error);
/* The draft written for @key, or NULL (no error) when there is none. */
AwpDraft        *awp_draft_journal_get      (AwpDraftJournal  *self,
                                             const char       *key,
                                             GError          **error);
/* Every written draft (AwpDraft), oldest first: what to offer at start.
 * A file that cannot be read as a draft is skipped. */
GPtrArray       *awp_draft_journal_list     (AwpDraftJournal  *self,
                                             GError          **error);
/* How many times the journal wrote to disk (for tests and figures). */
guint            awp_draft_journal_get_n_writes (AwpDraftJournal *self);

G_END_DECLS
