import { z } from 'zod';

// Zod probes for eval support with Function("") the first time it parses an object, and our CSP blocks eval
// (and reports it as a violation): parse without JIT. Imported, for its effect, right after zod by every schema
// module (lib/**/schema*.ts, credentials, recipes-file, …), so a page that parses in the browser has it first;
// the pages that only show values do not load zod at all (lib/generation/request-fields.ts).
z.config({ jitless: true });
