import { z } from "zod";

// The Content-Security-Policy forbids eval. zod probes for it when schemas are
// built (and the browser reports a violation), unless told not to before any
// schema exists: this module is imported first in main.tsx for that reason.
z.config({ jitless: true });
