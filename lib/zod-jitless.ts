import { z } from 'zod';

// Zod probes for eval support with Function("") the first time it parses an object, and our CSP blocks eval
// (and reports it as a violation): parse without JIT. Imported, for its effect, by every browser module that
// parses with zod — the pages that only show values do not load zod at all (lib/generation/request-fields.ts).
z.config({ jitless: true });
