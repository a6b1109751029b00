/**
 * A small vault for the sidebar's tests: a client's three session notes, a
 * supervision note and another client's note, with the scope choice and the
 * clock the sidebar starts from.
 */
import type { ScopeChoice } from "../../src/core/sidebar/scope";

export const NOW = new Date(2026, 2, 16, 10, 30); // 16 March 2026, local time

export const VAULT_CHOICE: ScopeChoice = { scope: "vault", folder: "", range: "all", from: "", to: "", noteType: "" };

export const s1 = `---
note-type: session
client: "[[C-1]]"
date: 2026-03-02
session: 1
clinician: Ada
---
## Emotions
Sharp about him #emotion/anger/secondary.
I guessed at hurt #response/conjecture and her eyes filled #emotion/hurt/primary-adaptive.
Then "pathetic" #emotion/shame/primary-maladaptive.

## Resonance
Sad at the image #resonance/sadness.
`;
export const s2 = `---
note-type: session
client: C-1
date: 2026-03-09
session: 2
review: requested
clinician: Ada
---
Stayed close #empathy/attunement. She cried #emotion/sadness/primary-adaptive.
Then flat #emotion/emptiness.
`;
/** The same date as s2, a later session: two separate marks. */
export const s3 = `---
note-type: session
client: C-1
date: 2026-03-09
session: 3
---
#emotion/relief/primary-adaptive
`;
export const sup = `---
note-type: supervision
client: C-1
date: 2026-03-10
clinician: Ada
rating-empathy: 4
rating-warmth: 5
---
> [!supervisor] Slow down at the shame
> More here.

> [!supervisor-resolved] Apologising
> Done.
`;
export const other = `---
client: C-2
date: 2025-11-01
---
#emotion/fear/primary-maladaptive
`;
